package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"postes/generator/build"
	"postes/generator/content"
	"postes/generator/site"
)

// cmdCheck reads every offer, publishes nothing, and prints each problem as
// path:line:col: message. Exit status: 0 clean, 1 warnings only, 2 errors.
func cmdCheck(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("postes check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opt build.Options
	fs.StringVar(&opt.Source, "source", ".", "site root: config.toml, content/")
	fs.StringVar(&opt.Now, "now", "", "the day to check against as YYYY-MM-DD (default: today in the board's time zone)")
	format := fs.String("format", "text", "output format: text or json")
	verbose := fs.Bool("v", false, "also print what was extracted from each file")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "postes check: --format %q: expected text or json\n", *format)
		return errUsage
	}
	res, board, err := build.Check(opt)
	if err != nil {
		return err
	}
	only, err := selected(opt.Source, fs.Args())
	if err != nil {
		return err
	}
	var diags content.List
	for _, d := range res.Diags {
		if only == nil || only[d.Pos.Path] {
			diags = append(diags, d)
		}
	}
	var offers []*site.Offer
	for _, p := range board.Offers {
		if only == nil || only["content/"+p.Source] {
			offers = append(offers, p)
		}
	}
	if *format == "json" {
		if err := writeCheckJSON(stdout, diags, offers, *verbose); err != nil {
			return err
		}
	} else {
		for _, d := range diags {
			fmt.Fprintf(stdout, "%s: %s: %s\n", posCol(d.Pos), d.Severity, d.Msg)
		}
		if *verbose {
			for _, p := range offers {
				printOffer(stdout, p)
			}
		}
		errs, warns := diags.Count()
		n := res.Offers + res.Skipped + res.Drafts + res.Scheduled
		if only != nil {
			n = len(only)
		}
		fmt.Fprintf(stderr, "%d files checked: %d errors, %d warnings\n", n, errs, warns)
	}
	switch errs, warns := diags.Count(); {
	case errs > 0:
		return exitError{2}
	case warns > 0:
		return exitError{1}
	}
	return nil
}

// selected maps the files named on the command line to the paths used in
// diagnostics ("content/x.txt"); nil means every file.
func selected(source string, args []string) (map[string]bool, error) {
	if len(args) == 0 {
		return nil, nil
	}
	root, err := filepath.Abs(source)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, a := range args {
		if _, err := os.Stat(a); err != nil {
			return nil, fmt.Errorf("%s: no such file", a)
		}
		abs, err := filepath.Abs(a)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil, fmt.Errorf("%s is not inside %s", a, source)
		}
		m[filepath.ToSlash(rel)] = true
	}
	return m, nil
}

// posCol prints a position with a column, as editors and CI annotations
// expect: the first column when only the line is known.
func posCol(p content.Pos) string {
	if p.Line > 0 && p.Col == 0 {
		p.Col = 1
	}
	return p.String()
}

func printOffer(w io.Writer, p *site.Offer) {
	fmt.Fprintf(w, "%s (layout %c) → offres/%s/\n", content.QuoteName("content/"+p.Source), p.Layout, p.Slug)
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %-12s %s\n", name, v)
		}
	}
	field("title", p.Title)
	field("employer", p.Employer.Name)
	field("reference", p.Reference)
	field("location", p.Location)
	field("grades", strings.Join(p.Grades, " | "))
	field("direction", p.Direction)
	field("family", p.Family)
	field("contract", p.Contract)
	field("working", p.WorkingTime)
	field("posted", p.Posted.String())
	field("deadline", p.Deadline.String())
	start := p.Start.String()
	if p.StartASAP {
		start = "dès que possible"
	}
	field("start", start)
	status := "open"
	if p.Closed {
		status = "closed"
	}
	field("status", status)
}

type jsonDiag struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type jsonOffer struct {
	Source    string   `json:"source"`
	Layout    string   `json:"layout"`
	Slug      string   `json:"slug"`
	Title     string   `json:"title"`
	Employer  string   `json:"employer"`
	Reference string   `json:"reference"`
	Location  string   `json:"location"`
	Grades    []string `json:"grades"`
	Posted    string   `json:"posted"`
	Deadline  string   `json:"deadline"`
	Start     string   `json:"start"`
	Closed    bool     `json:"closed"`
}

func writeCheckJSON(w io.Writer, diags content.List, offers []*site.Offer, verbose bool) error {
	out := struct {
		Problems []jsonDiag  `json:"problems"`
		Offers   []jsonOffer `json:"offers,omitempty"`
	}{Problems: []jsonDiag{}}
	for _, d := range diags {
		col := d.Pos.Col
		if col == 0 && d.Pos.Line > 0 {
			col = 1
		}
		out.Problems = append(out.Problems, jsonDiag{d.Pos.Path, d.Pos.Line, col, d.Severity.String(), d.Msg})
	}
	if verbose {
		for _, p := range offers {
			out.Offers = append(out.Offers, jsonOffer{p.Source, string(p.Layout), p.Slug, p.Title, p.Employer.Name, p.Reference,
				p.Location, p.Grades, p.Posted.String(), p.Deadline.String(), p.Start.String(), p.Closed})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
