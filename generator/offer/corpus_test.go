package offer

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"postes/generator/content"
	"postes/generator/place"
)

// The corpus (testdata/corpus, see its README) is offers written by the
// team in the shapes of real public boards, each with the fields a careful
// reader finds in it. TestCorpus scores extraction on it, field by field,
// and holds it to the bar of the extraction issue: 98 % of fields right,
// 90 % of offers right in every field, and no wrong field in a file that
// has no warning (a wrong field must never be silent).

var corpusVerbose = flag.Bool("corpus.v", false, "print every wrong field of the corpus")

const (
	minFieldAccuracy = 0.98
	minOfferAccuracy = 0.90
)

// corpusFields are the scored fields, in the order of the report.
var corpusFields = []string{"title", "employer", "reference", "location", "postcode", "department", "grades",
	"categories", "filieres", "direction", "contract", "working_time", "posted", "deadline", "start"}

// want is a case's expected fields, as its .toml file gives them.
type want struct {
	Title       string   `toml:"title"`
	Employer    string   `toml:"employer"`
	Reference   string   `toml:"reference"`
	Location    string   `toml:"location"`
	Postcode    string   `toml:"postcode"`
	Department  string   `toml:"department"`
	Grades      []string `toml:"grades"`
	Categories  []string `toml:"categories"`
	Filieres    []string `toml:"filieres"`
	Direction   string   `toml:"direction"`
	Contract    string   `toml:"contract"`
	WorkingTime string   `toml:"working_time"`
	Posted      any      `toml:"posted"`
	Deadline    any      `toml:"deadline"`
	Start       string   `toml:"start"`
	Notes       string   `toml:"notes"`
}

func dateText(v any) string {
	switch d := v.(type) {
	case nil:
		return ""
	case time.Time:
		return d.Format("2006-01-02")
	case string:
		return d
	}
	return fmt.Sprint(v)
}

// normal is how the corpus compares text: case, accents and runs of
// spaces do not count.
func normal(s string) string { return squash(s) }

func normalList(xs []string) string {
	var out []string
	for _, x := range xs {
		out = append(out, normal(x))
	}
	return strings.Join(out, " | ")
}

func (w *want) fields() map[string]string {
	return map[string]string{
		"title": normal(w.Title), "employer": normal(w.Employer), "reference": normal(w.Reference),
		"location": normal(w.Location), "postcode": normal(w.Postcode), "department": normal(w.Department),
		"grades": normalList(w.Grades), "categories": normalList(w.Categories), "filieres": normalList(w.Filieres),
		"direction": normal(w.Direction), "contract": normal(w.Contract), "working_time": normal(w.WorkingTime),
		"posted": dateText(w.Posted), "deadline": dateText(w.Deadline), "start": w.Start,
	}
}

// scored is what extraction gives, in the corpus's terms.
func scored(o *Offer) map[string]string {
	if o == nil {
		o = &Offer{}
	}
	start := o.Start.String()
	if o.StartASAP {
		start = "asap"
	}
	return map[string]string{
		"title": normal(o.Title), "employer": normal(o.EmployerName), "reference": normal(o.Reference),
		"location": normal(o.Location), "postcode": normal(firstPlace(o).Postcode), "department": normal(firstPlace(o).Department),
		"grades": normalList(gradeTexts(o.Grades)), "categories": normalList(o.Categories), "filieres": normalList(o.Filieres),
		"direction": normal(o.Direction), "contract": normal(o.Contract), "working_time": normal(o.WorkingTime),
		"posted": o.Posted.String(), "deadline": o.Deadline.String(), "start": start,
	}
}

// firstPlace is the first town of an offer, or none.
func firstPlace(o *Offer) Place {
	if len(o.Places) > 0 {
		return o.Places[0]
	}
	return Place{}
}

// gradeTexts writes grades as the corpus does: "Technicien / informatique".
func gradeTexts(gs []Grade) []string {
	var out []string
	for _, g := range gs {
		s := g.Name
		if g.Specialty != "" {
			s += " / " + g.Specialty
		}
		out = append(out, s)
	}
	return out
}

// fromReference reports a postcode or département the offer does not
// write, which the corpus leaves empty, but which extraction took from the
// reference of communes for the expected town: right, if the reference
// agrees.
func fromReference(field, got string, want map[string]string) bool {
	if (field != "postcode" && field != "department") || want[field] != "" || got == "" {
		return false
	}
	town, _, _ := strings.Cut(want["location"], ",")
	for _, p := range place.Lookup(town) {
		if field == "postcode" && normal(p.Postcode) == got || field == "department" && normal(p.Department) == got {
			return true
		}
	}
	return false
}

type corpusCase struct {
	path  string
	board string
	want  map[string]string
}

func readCorpus(t *testing.T) []corpusCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []corpusCase
	for _, f := range files {
		var w want
		tf := strings.TrimSuffix(f, ".txt") + ".toml"
		md, err := toml.DecodeFile(tf, &w)
		if err != nil {
			t.Fatalf("%s: %v", tf, err)
		}
		if und := md.Undecoded(); len(und) > 0 {
			t.Errorf("%s: unknown keys %v", tf, und)
		}
		cases = append(cases, corpusCase{path: f, board: filepath.Base(filepath.Dir(f)), want: w.fields()})
	}
	return cases
}

// extractCorpus reads a case as build does, and returns what extraction
// made of it even when the file would not be published (an error).
func extractCorpus(t *testing.T, path string) (map[string]string, content.List) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src, diags := content.Decode(path, data)
	if src == nil {
		return scored(nil), diags
	}
	x := &extractor{src: src, o: &Offer{Source: src.Path}}
	x.run()
	o := x.o
	if o == nil {
		o = x.partial
	}
	return scored(o), append(diags, x.diags...)
}

func TestCorpus(t *testing.T) {
	cases := readCorpus(t)
	if len(cases) == 0 {
		t.Skip("no corpus")
	}
	right := map[string]int{}
	boards := map[string][2]int{} // right offers, offers
	fullyRight, silent := 0, 0
	var report []string
	for _, c := range cases {
		got, diags := extractCorpus(t, c.path)
		_, warns := diags.Count()
		errs, _ := diags.Count()
		var wrong []string
		for _, f := range corpusFields {
			if got[f] == c.want[f] || fromReference(f, got[f], c.want) {
				right[f]++
				continue
			}
			wrong = append(wrong, fmt.Sprintf("  %-12s got %q\n  %-12s want %q", f, got[f], "", c.want[f]))
		}
		b := boards[c.board]
		b[1]++
		if len(wrong) == 0 {
			fullyRight++
			b[0]++
		} else {
			if warns+errs == 0 {
				silent++
				t.Errorf("%s: %d wrong fields and no warning:\n%s", c.path, len(wrong), strings.Join(wrong, "\n"))
			}
			if *corpusVerbose {
				report = append(report, fmt.Sprintf("%s:\n%s\n%v", c.path, strings.Join(wrong, "\n"), diags))
			}
		}
		boards[c.board] = b
	}
	n := len(cases)
	var total int
	var b strings.Builder
	fmt.Fprintf(&b, "extraction accuracy on %d offers of testdata/corpus:\n", n)
	for _, f := range corpusFields {
		total += right[f]
		fmt.Fprintf(&b, "  %-12s %6.1f %%  (%d/%d)\n", f, 100*float64(right[f])/float64(n), right[f], n)
	}
	fieldAcc := float64(total) / float64(n*len(corpusFields))
	offerAcc := float64(fullyRight) / float64(n)
	fmt.Fprintf(&b, "  %-12s %6.1f %%\n  %-12s %6.1f %%  (%d/%d)\n  %-12s %d\n", "all fields", 100*fieldAcc, "whole offers", 100*offerAcc, fullyRight, n, "silent wrong", silent)
	names := make([]string, 0, len(boards))
	for name := range boards {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "  board %-24s %d/%d offers right\n", name, boards[name][0], boards[name][1])
	}
	t.Log("\n" + b.String())
	for _, r := range report {
		t.Log(r)
	}
	if fieldAcc < minFieldAccuracy {
		t.Errorf("field accuracy %.1f %%, want at least %.0f %%", 100*fieldAcc, 100*minFieldAccuracy)
	}
	if offerAcc < minOfferAccuracy {
		t.Errorf("whole offers right %.1f %%, want at least %.0f %%", 100*offerAcc, 100*minOfferAccuracy)
	}
}
