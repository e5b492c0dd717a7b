// Command postes builds a static job board from offer files.
//
// Usage:
//
//	postes init [DIR]
//	postes build [--source DIR] [--output DIR] [--now YYYY-MM-DD] [--base-url URL] [--strict] [--allow-empty] [--wait 30s] [--changes FILE]
//	postes check [--source DIR] [--now YYYY-MM-DD] [--format text|json] [-v] [FILE...]
//	postes serve [--source DIR] [--port 1313] [--bind 127.0.0.1] [--now YYYY-MM-DD]
//	postes new [--source DIR] "Intitulé du poste"
//
// init writes a new board in DIR (default: the current folder): config.toml
// with every key explained, an example offer in each layout, a .gitignore
// and a CI example.
//
// build reads every offer in DIR/content (.txt and .md files, in the
// layouts described in the README), and writes the board to the output
// folder: one page per offer, indexes by employer and by deadline month, an
// archive of closed offers, RSS feeds, offres.json and a sitemap, all
// minified. The output replaces the previous one only once complete.
//
// A file that cannot be read is named with its line and skipped; the rest is
// published. Messages about offers are in the board's language (config.toml's
// language: French by default, English otherwise). Exit status: 0 success,
// 1 some files were skipped or the build failed, 2 bad usage; -h on any
// command prints its flags and exits 0.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // time zones work on machines without a zoneinfo database

	"postes/generator/pipeline"
)

// errUsage marks errors caused by the command line itself.
var errUsage = errors.New("usage")

// exitError carries an exit status chosen by a subcommand.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	var ee exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		os.Exit(ee.code)
	case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "postes:", sayErr(err))
		os.Exit(1)
	}
}

const usage = `postes builds a static job board from offer files.

Usage:
  postes init [DIR]
  postes build [--source DIR] [--output DIR] [--now YYYY-MM-DD] [--base-url URL] [--strict] [--allow-empty] [--wait 30s] [--changes FILE]
  postes check [--source DIR] [--now YYYY-MM-DD] [--format text|json] [-v] [FILE...]
  postes serve [--source DIR] [--port 1313] [--bind 127.0.0.1] [--now YYYY-MM-DD]
  postes new [--source DIR] "Intitulé du poste"
  postes version

Run "postes COMMAND -h" for the flags.
`

func run(args []string, stdout, stderr io.Writer) error {
	if err := command(args, stdout, stderr); !errors.Is(err, errHelped) {
		return err
	}
	return nil
}

func command(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "init":
		return cmdInit(args[1:], stdout, stderr)
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "postes", pipeline.Version)
		return nil
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "postes: unknown command %q\n\n%s", args[0], usage)
	return errUsage
}

// parse reads a command's flags. -h or --help prints them on stdout and
// ends the command with status 0 (errHelped); a mistake prints them on
// stderr, status 2.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout)
			fs.Usage()
			return errHelped
		}
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	return nil
}

// errHelped ends a command that printed its help: exit status 0.
var errHelped = errors.New("help printed")
