package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"postes/generator/content"
	"postes/generator/message"
	"postes/generator/offer"
	"postes/generator/pipeline"
	"postes/generator/site"
)

// cmdCheck reads every offer, publishes nothing, and prints each problem as
// path:line:col: message. Exit status: 0 clean, 1 warnings only, 2 errors.
func cmdCheck(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("postes check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opt pipeline.Options
	fs.StringVar(&opt.Source, "source", ".", "site root: config.toml, content/")
	fs.StringVar(&opt.Now, "now", "", "the day to check against as YYYY-MM-DD (default: today in the board's time zone)")
	format := fs.String("format", "text", "output format: text or json")
	verbose := fs.Bool("v", false, "also print what was extracted from each file")
	if err := parse(fs, args, stdout); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "postes check: --format %q: expected text or json\n", *format)
		return errUsage
	}
	res, board, err := pipeline.Check(opt)
	if err != nil {
		return err
	}
	only, err := selected(opt.Source, fs.Args(), res.Lang)
	if err != nil {
		// Nothing checked is no "warnings only": status 2, as errors.
		fmt.Fprintln(stderr, "postes:", err)
		return exitError{2}
	}
	var diags content.List
	for _, d := range res.Diags {
		if only.has(d.Pos.Path) {
			diags = append(diags, d)
		}
	}
	var offers []*site.Offer
	for _, p := range board.Offers {
		if only.has("content/" + p.Source) {
			offers = append(offers, p)
		}
	}
	// Offers not published today, which -v lists too: scheduled ones
	// (posted after the day checked) and drafts.
	var later []pending
	for _, o := range board.Scheduled {
		if only.has("content/" + o.Source) {
			later = append(later, pending{o, "scheduled", say(res.Lang, message.CheckScheduled, "day", message.LongDay(day(o.Posted)))})
		}
	}
	for _, o := range res.DraftOffers {
		if only.has("content/" + o.Source) {
			later = append(later, pending{o, "draft", say(res.Lang, message.CheckDraft)})
		}
	}
	if *format == "json" {
		if err := writeCheckJSON(stdout, res.Lang, diags, offers, later, *verbose); err != nil {
			return err
		}
	} else {
		for _, d := range diags {
			fmt.Fprintln(stdout, content.Printable(d.Say(res.Lang, posCol(d.Pos))))
		}
		if *verbose {
			for _, p := range offers {
				printOffer(stdout, p)
			}
			for _, p := range later {
				printPending(stdout, p)
			}
		}
		errs, warns := diags.Count()
		n := res.Offers + res.Skipped + res.Drafts + res.Scheduled
		if only != nil {
			n = only.count(res, board)
		}
		fmt.Fprintln(stderr, say(res.Lang, message.CheckSummary, "files", n, "errors", errs, "warnings", warns))
	}
	switch errs, warns := diags.Count(); {
	case errs > 0:
		return exitError{2}
	case warns > 0:
		return exitError{1}
	}
	return nil
}

// selection is the files check was asked about: files and folders under
// content/ (a folder stands for every file under it); nil for all.
type selection struct {
	files map[string]bool
	dirs  []string // "content/kone/"
}

func (s *selection) has(path string) bool {
	if s == nil || s.files[path] {
		return true
	}
	for _, d := range s.dirs {
		if strings.HasPrefix(path, d) {
			return true
		}
	}
	return false
}

// count is how many files of the board the selection names.
func (s *selection) count(res *pipeline.Result, board *site.Board) int {
	seen := map[string]bool{}
	add := func(p string) {
		if s.has(p) {
			seen[p] = true
		}
	}
	for _, d := range res.Diags {
		add(d.Pos.Path)
	}
	for _, p := range board.Offers {
		add("content/" + p.Source)
	}
	for _, o := range board.Scheduled {
		add("content/" + o.Source)
	}
	for _, o := range res.DraftOffers {
		add("content/" + o.Source)
	}
	return len(seen)
}

// selected reads check's arguments. Each must be under content/: a file
// elsewhere (config.toml, a copy in another folder) is not an offer of
// the board, and checking it silently found nothing wrong.
func selected(source string, args []string, l message.Lang) (*selection, error) {
	if len(args) == 0 {
		return nil, nil
	}
	root, err := filepath.Abs(source)
	if err != nil {
		return nil, err
	}
	s := &selection{files: map[string]bool{}}
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, sayError{say(l, message.CheckNoSuchFile, "file", a)}
		}
		abs, err := filepath.Abs(a)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(root, abs)
		rel = filepath.ToSlash(rel)
		if err != nil || (rel != "content" && !strings.HasPrefix(rel, "content/")) {
			return nil, sayError{say(l, message.CheckNotInContent, "file", a, "content", filepath.Join(source, "content"))}
		}
		if fi.IsDir() {
			s.dirs = append(s.dirs, strings.TrimSuffix(rel, "/")+"/")
			continue
		}
		s.files[rel] = true
	}
	return s, nil
}

// posCol prints a position with a column, as editors and CI annotations
// expect: the first column when only the line is known.
func posCol(p content.Pos) string {
	if p.Line > 0 && p.Col == 0 {
		p.Col = 1
	}
	return p.String()
}

// pending is an offer check -v lists that is not published today.
type pending struct {
	o      *offer.Offer
	status string // "scheduled", "draft"
	say    string // the status, for editors
}

// day is d as messages say it.
func day(d offer.Date) message.Day { return message.Day{Year: d.Year, Month: d.Month, Day: d.Day} }

// printPending prints a scheduled offer or a draft as printOffer does,
// with when it will be published.
func printPending(w io.Writer, p pending) {
	fmt.Fprintf(w, "%s (layout %c)\n", content.QuoteName("content/"+p.o.Source), p.o.Layout)
	for _, f := range checkFields(p.o, p.o.EmployerName) {
		fmt.Fprintf(w, "  %-12s %s%s\n", f.name, f.value, f.origin)
	}
	fmt.Fprintf(w, "  %-12s %s\n", "status", p.say)
}

func printOffer(w io.Writer, p *site.Offer) {
	fmt.Fprintf(w, "%s (layout %c) → offres/%s/\n", content.QuoteName("content/"+p.Source), p.Layout, p.Slug)
	for _, f := range checkFields(p.Offer, p.Employer.Name) {
		fmt.Fprintf(w, "  %-12s %s%s\n", f.name, f.value, f.origin)
	}
	status := "open"
	if p.Closed {
		status = "closed"
	}
	if p.AutoClose {
		status += ", closes " + p.Closes.String() + " (max_open_days)"
	}
	fmt.Fprintf(w, "  %-12s %s\n", "status", status)
}

// checkField is one field of an offer as check -v shows it, with where it
// came from: "  (line 12)", "  (line 12, guessed)", "  (defaults)".
type checkField struct {
	name, value, origin string
	line                int
	guessed, defaulted  bool
}

func checkFields(o *offer.Offer, employer string) []checkField {
	var out []checkField
	add := func(name string, f offer.Field, v string) {
		if v == "" {
			return
		}
		cf := checkField{name: name, value: v, line: o.Lines[f], guessed: o.Guessed.Has(f), defaulted: o.Defaulted.Has(f)}
		var why []string
		if cf.line > 0 {
			why = append(why, fmt.Sprintf("line %d", cf.line))
		}
		if cf.defaulted {
			why = append(why, "defaults")
		}
		if cf.guessed {
			why = append(why, "guessed")
		}
		if len(why) > 0 {
			cf.origin = "  (" + strings.Join(why, ", ") + ")"
		}
		out = append(out, cf)
	}
	add("title", offer.FieldTitle, o.Title)
	add("employer", offer.FieldEmployer, employer)
	add("reference", offer.FieldReference, o.Reference)
	add("location", offer.FieldLocation, o.Location)
	var towns []string
	for _, pl := range o.Places {
		t := pl.Town
		if pl.Department != "" {
			t += " (" + pl.Department + ")"
		}
		towns = append(towns, t)
	}
	add("towns", offer.FieldLocation, strings.Join(towns, ", "))
	add("grades", offer.FieldGrades, strings.Join(o.GradeNames(), " | "))
	add("category", offer.FieldCategory, strings.Join(o.Categories, ", "))
	add("filiere", offer.FieldGrades, strings.Join(o.Filieres, ", "))
	add("direction", offer.FieldDirection, o.Direction)
	add("family", offer.FieldFamily, o.Family)
	add("contract", offer.FieldContract, o.Contract)
	add("working", offer.FieldWorkingTime, o.WorkingTime)
	add("posted", offer.FieldPosted, o.Posted.String())
	deadline := o.Deadline.String()
	if o.DeadlineTime != "" {
		deadline += " " + o.DeadlineTime
	}
	add("deadline", offer.FieldDeadline, deadline)
	start := o.Start.String()
	if o.StartASAP {
		start = "dès que possible"
	}
	add("start", offer.FieldStart, start)
	return out
}

type jsonDiag struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	// ID names the message whatever the language (see package message);
	// absent for the few messages outside the catalogue.
	ID      string `json:"id,omitempty"`
	Message string `json:"message"`
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
	// Status is "open", "closed", "scheduled" (posted after the day
	// checked) or "draft".
	Status string `json:"status"`
	// Fields say where each field came from.
	Fields []jsonField `json:"fields"`
}

type jsonField struct {
	Name      string `json:"name"`
	Value     string `json:"value"`
	Line      int    `json:"line,omitempty"`
	Guessed   bool   `json:"guessed,omitempty"`
	Defaulted bool   `json:"defaulted,omitempty"`
}

func writeCheckJSON(w io.Writer, l message.Lang, diags content.List, offers []*site.Offer, later []pending, verbose bool) error {
	out := struct {
		Problems []jsonDiag  `json:"problems"`
		Offers   []jsonOffer `json:"offers,omitempty"`
	}{Problems: []jsonDiag{}}
	for _, d := range diags {
		col := d.Pos.Col
		if col == 0 && d.Pos.Line > 0 {
			col = 1
		}
		out.Problems = append(out.Problems, jsonDiag{d.Pos.Path, d.Pos.Line, col, d.Severity.String(), string(d.Text.ID), d.Message(l)})
	}
	if verbose {
		fieldsOf := func(o *offer.Offer, employer string) []jsonField {
			var fields []jsonField
			for _, f := range checkFields(o, employer) {
				fields = append(fields, jsonField{f.name, f.value, f.line, f.guessed, f.defaulted})
			}
			return fields
		}
		for _, p := range offers {
			status := "open"
			if p.Closed {
				status = "closed"
			}
			out.Offers = append(out.Offers, jsonOffer{p.Source, string(p.Layout), p.Slug, p.Title, p.Employer.Name, p.Reference,
				p.Location, p.GradeNames(), p.Posted.String(), p.Deadline.String(), p.Start.String(), p.Closed, status, fieldsOf(p.Offer, p.Employer.Name)})
		}
		for _, p := range later {
			o := p.o
			out.Offers = append(out.Offers, jsonOffer{o.Source, string(o.Layout), "", o.Title, o.EmployerName, o.Reference,
				o.Location, o.GradeNames(), o.Posted.String(), o.Deadline.String(), o.Start.String(), false, p.status, fieldsOf(o, o.EmployerName)})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
