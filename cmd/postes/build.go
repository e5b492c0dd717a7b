package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"postes"
	"postes/generator/message"
	"postes/generator/pipeline"
)

func cmdBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("postes build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opt pipeline.Options
	fs.StringVar(&opt.Source, "source", ".", "site root: config.toml, content/, templates/, static/")
	fs.StringVar(&opt.Output, "output", "", "output folder (default: config's output, else public/ in the site root)")
	fs.StringVar(&opt.Now, "now", "", "the build's today as YYYY-MM-DD (default: today in the board's time zone)")
	fs.StringVar(&opt.BaseURL, "base-url", "", "absolute URL the site is served from (default: config's base_url)")
	fs.BoolVar(&opt.Strict, "strict", false, "publish nothing and fail on any warning or error")
	fs.BoolVar(&opt.AllowEmpty, "allow-empty", false, "publish a board with no offer over one that has some")
	fs.DurationVar(&opt.Wait, "wait", pipeline.DefaultWait, "how long to wait for another build of the same output to finish (0: do not wait)")
	changes := fs.String("changes", "", "write the paths of the files written and removed, one per line, relative to the output, to this file")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file (for developers)")
	if err := parse(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "postes build: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	if opt.Wait == 0 {
		opt.Wait = -1 // pipeline.Options: negative means do not wait
	}
	opt.Theme = postes.Theme
	// A soft memory limit makes the collector work harder instead of
	// letting a national board's build grow past a gigabyte of garbage;
	// small boards never reach it. GOMEMLIMIT overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if err := isBoard(opt.Source); err != nil {
		return err
	}
	res, err := pipeline.Run(opt)
	if res != nil {
		sayDiags(stderr, res.Lang, res.Diags)
	}
	if *changes != "" {
		// Nothing published, nothing to send: an empty list, never the
		// last build's.
		var list []string
		if err == nil {
			list = res.Changes
		}
		if werr := writeChanges(*changes, list); werr != nil && err == nil {
			err = werr
		}
	}
	if errors.Is(err, pipeline.ErrStrict) {
		// Not a summary that says "published": nothing was.
		errs, warns := res.Diags.Count()
		fmt.Fprintln(stderr, "postes:", say(res.Lang, message.StrictRefused, "errors", errs, "warnings", warns, "output", res.Output))
		return exitError{1}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, res.Summary()+"; "+res.Files())
	if res.Diags.HasErrors() {
		return exitError{1}
	}
	return nil
}

// writeChanges writes the paths a build wrote or removed, one per line,
// for sync scripts (rsync --files-from) and CDN purges; atomically, so
// that a script never reads half a list.
func writeChanges(name string, paths []string) error {
	var b strings.Builder
	for _, p := range paths {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	tmp := name + ".new"
	err := os.WriteFile(tmp, []byte(b.String()), 0o644)
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("--changes: %w", err)
	}
	return nil
}
