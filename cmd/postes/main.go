// Command postes builds a static job board from offer files.
//
// Usage:
//
//	postes build [--source DIR] [--output DIR] [--now YYYY-MM-DD] [--base-url URL] [--strict] [--allow-empty] [--wait 30s]
//
// build reads every offer in DIR/content (.txt and .md files, in the
// layouts described in the README), and writes the board to the output
// folder: one page per offer, indexes by employer and by deadline month, an
// archive of closed offers, RSS feeds, offres.json and a sitemap, all
// minified. The output replaces the previous one only once complete.
//
// A file that cannot be read is named with its line and skipped; the rest is
// published. Exit status: 0 success, 1 some files were skipped or the build
// failed, 2 bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // time zones work on machines without a zoneinfo database

	"postes/generator/content"
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
		fmt.Fprintln(os.Stderr, "postes:", content.Printable(err.Error()))
		os.Exit(1)
	}
}

const usage = `postes builds a static job board from offer files.

Usage:
  postes build [--source DIR] [--output DIR] [--now YYYY-MM-DD] [--base-url URL] [--strict] [--allow-empty] [--wait 30s]
  postes check [--source DIR] [--now YYYY-MM-DD] [--format text|json] [-v] [FILE...]
  postes serve [--source DIR] [--port 1313] [--bind 127.0.0.1] [--now YYYY-MM-DD]
  postes new [--source DIR] "Intitulé du poste"
  postes version

Run "postes COMMAND -h" for the flags.
`

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
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
