package offer

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"postes/generator/content"
)

// addSeeds adds the sample offers under testdata/seeds to f's corpus.
func addSeeds(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	if len(paths) == 0 {
		f.Fatal("no seed offers under testdata/seeds")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkExtract asserts what must hold of Extract's result for any input.
func checkExtract(t *testing.T, src *content.Source, o *Offer, diags content.List) {
	t.Helper()
	n := len(src.Lines)
	for _, d := range diags {
		if d.Pos.Path != src.Path {
			t.Errorf("diagnostic without the file's path: %v", d)
		}
		line := d.Pos.Line
		if line < 0 || line > n {
			t.Errorf("diagnostic outside the file's %d lines: %v", n, d)
		}
		if !utf8.ValidString(d.Msg) {
			t.Errorf("message is not valid UTF-8: %q", d.Msg)
		}
	}
	if o == nil {
		if !diags.HasErrors() {
			t.Errorf("no offer and no error: %v", diags)
		}
		return
	}
	if o.Draft {
		// Drafts are read whole, so that check -v can show them, even
		// when they lack a title or an employer: build counts them and
		// publishes nothing.
		return
	}
	if o.Title == "" || o.EmployerName == "" {
		t.Errorf("offer without title or employer: %q, %q", o.Title, o.EmployerName)
	}
	if o.Layout != 'a' && o.Layout != 'b' {
		t.Errorf("Layout = %q", o.Layout)
	}
	for _, s := range append([]string{o.Title, o.EmployerName, o.Reference, o.Location, o.Direction, o.Family,
		o.WorkingTime, o.Contract, o.Body, o.AskedSlug}, append(o.GradeNames(), o.Address...)...) {
		if !utf8.ValidString(s) {
			t.Errorf("field is not valid UTF-8: %q", s)
		}
	}
	for f, l := range o.Lines {
		if l < 0 || l > n {
			t.Errorf("Lines[%v] = %d outside the file's %d lines", Field(f), l, n)
		}
	}
	for _, d := range []Date{o.Posted, o.Deadline, o.Start} {
		checkDate(t, d)
	}
	if o.BodyLine != 0 {
		// A national build makes the body again from the lines alone.
		if again := BodyAt(src.Lines, o.Layout, o.BodyLine); again != o.Body {
			t.Errorf("BodyAt(line %d) differs from the body extracted:\n got %q\nwant %q", o.BodyLine, again, o.Body)
		}
		if o.Body == "" {
			t.Errorf("BodyLine %d for an empty body", o.BodyLine)
		}
	}
	if o.StartASAP && !o.Start.IsZero() {
		t.Errorf("start is both a date (%v) and as soon as possible", o.Start)
	}
}

// checkDate asserts that a Date read from text exists in the calendar.
func checkDate(t *testing.T, d Date) {
	t.Helper()
	if d.IsZero() {
		if d != (Date{}) {
			t.Errorf("zero year with month or day: %#v", d)
		}
		return
	}
	if d.Year < 1900 || d.Year > 2999 || d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > daysIn(d.Year, d.Month) {
		t.Errorf("impossible date %#v", d)
	}
	_ = d.Long() // must not panic
}

// FuzzExtract runs the whole reader, content.Decode then Extract, on
// arbitrary bytes, as build does for each file.
func FuzzExtract(f *testing.F) {
	addSeeds(f)
	for _, s := range []string{
		"",
		"# T\nEmployeur : E\n",
		"T\n\nEmployeur\nE\nDescriptif de l'emploi\nx",
		"Offre n°\nPubliée le\nEmployeur\n",
		"+++\ntitle = \"T\"\nemployer = \"E\"\n+++\n",
		"+++\ndraft = true\n+++\n",
		"+++\n",
		"+++\ntitle = \n+++\n",
		"# T\nRéférence : x du 31/02/2025\nEmployeur : E\nDate limite de candidature : mardi 29 août 2025\n",
		"PROVINCE SUD\nDirection de x\nEmployeur : E\n",
		"# <script>\nEmployeur : ]]> & \"\n",
		"Employeur\u00a0:\u202fE\n**Titre** : T\n",
		"x\no y\n- z\n• w\n1. v\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, _ := content.Decode("offres/fuzz.txt", data)
		if src == nil {
			return
		}
		o, diags := Extract(src)
		checkExtract(t, src, o, diags)
	})
}

// FuzzParseDate checks that a date read is a real one and that what Date
// prints reads back as the same date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"29/03/2024", "29/03/24", "29-03-2024", "2024-03-29", "Vendredi 29 août 2025",
		"vendredi 06 juin 2025", "1er juillet 2025", "1ᵉʳ juillet 2025", "Novembre 2025",
		"dès que possible", "le 12 avril 2024", "31 février 2025", "13/13/2025", "00/12/2025",
		"mardi 29 août 2025", "15 sept. 2025", "1 janv 2026", "", "garbage", "2024-02-30",
		"99/99/99", "0/0/0000", "3134-25-1264/SR du 08/08/2025", "mai 9999", "29\u00a0août\u202f2025",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		res, err := ParseDate(s)
		if err != nil {
			if _, ok := err.(*DateError); !ok || err.Error() == "" {
				t.Errorf("ParseDate(%q) error %T %q", s, err, err)
			}
			if !res.Date.IsZero() || res.ASAP || !res.Note.IsZero() {
				t.Errorf("ParseDate(%q) = %+v with an error", s, res)
			}
			return
		}
		if res.ASAP {
			if !res.Date.IsZero() {
				t.Errorf("ParseDate(%q): ASAP with a date %v", s, res.Date)
			}
			return
		}
		d := res.Date
		if d.IsZero() {
			t.Fatalf("ParseDate(%q): no date, no ASAP, no error", s)
		}
		checkDate(t, d)
		// What we print must read back: pages and feeds show these forms.
		for _, form := range []string{d.String(), d.Long(), d.Short()} {
			back, err := ParseDate(form)
			if err != nil || back.Date != d || !back.Note.IsZero() {
				t.Errorf("ParseDate(%q) = %v; its form %q reads back as %+v, %v", s, d, form, back, err)
			}
		}
	})
}

// FuzzFrontMatter puts arbitrary text between +++ fences in front of a
// valid offer.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"",
		`title = "Agent"`,
		"title = \"Agent\"\nemployer = \"Mairie\"\ndeadline = 2025-08-29\nstart = \"dès que possible\"\ndraft = false",
		"posted = 2024-02-28T10:00:00+11:00\ngrades = [\"a\", \"b\"]",
		"deadline = 20250829",
		"deadline = [1, 2]",
		"employer =",
		"title = \"\"\"\nx\n\"\"\"",
		"[table]\nkey = 1",
		"draft = \"oui\"",
		"slug = \"../../etc/passwd\"",
		"title = \"\\u0000\"",
		"a.b.c = 1\n[[x]]\n",
		"title = 'x' # comment",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, front string) {
		text := "+++\n" + front + "\n+++\n# Titre\nEmployeur : Mairie\nDate limite de candidature : 29/08/2025\n\n# Missions\n\nTexte.\n"
		src, _ := content.Decode("offres/fuzz.txt", []byte(text))
		if src == nil {
			return
		}
		o, diags := Extract(src)
		checkExtract(t, src, o, diags)
	})
}
