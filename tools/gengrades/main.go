// Command gengrades checks the table of civil-service grades in grades.txt
// and writes it as Go source for package generator/grade.
//
//	go run ./tools/gengrades [-in tools/gengrades/grades.txt] [-out generator/grade/table.go]
//
// grades.txt is the project's own transcription of statutory facts: for
// each cadre d'emplois (FPT) or corps (FPE, FPH, New Caledonia), its
// service, filière (or FPH family), category, grades and usual spellings,
// and the decree or délibération that rules it. The file's header describes
// the format. The command refuses a record without a source, a category
// other than A, B, C, D or "?" (unknown: the table then gives none rather
// than a guess), an FPT filière outside the ten it knows, an FPH family
// outside its six, a filière on an FPE corps, or an FPT filière with no
// cadre. The generated file names every source in its header. Standard
// library only.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// filieres are the FPT's filières, as the table writes them.
var filieres = []string{"administrative", "technique", "culturelle", "sportive", "sociale",
	"médico-sociale", "médico-technique", "animation", "police municipale", "sapeurs-pompiers"}

// fphFamilies are the families of the FPH's corps, named by their statutes
// (personnels infirmiers, de rééducation, médico-techniques,
// socio-éducatifs, administratifs, de la filière ouvrière et technique);
// grades.txt's FPH section says which corps each holds.
var fphFamilies = []string{"soignante", "médico-technique", "rééducation", "socio-éducative", "administrative", "technique"}

var services = map[string]bool{"FPT": true, "FPE": true, "FPH": true, "NC": true}

// record is one cadre d'emplois or corps.
type record struct {
	line                                    int
	cadre, service, filiere, category, note string
	categoryComment                         string
	source, name                            string
	gradesOnly                              bool
	also                                    []string
	grades                                  [][]string
}

func main() {
	in := flag.String("in", "tools/gengrades/grades.txt", "the table to read")
	out := flag.String("out", "generator/grade/table.go", "the Go file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gengrades:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	recs, err := parse(in, f)
	if err != nil {
		return err
	}
	if err := check(in, recs); err != nil {
		return err
	}
	src, err := generate(in, recs)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}

// parse reads the records of r; errors name the file and line.
func parse(name string, r io.Reader) ([]*record, error) {
	var recs []*record
	var cur *record
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		field, value, _ := strings.Cut(line, " ")
		value = strings.TrimSpace(value)
		if field == "cadre" {
			cur = &record{line: n, cadre: value}
			recs = append(recs, cur)
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("%s:%d: %q before any cadre line: expected \"cadre NAME\" first", name, n, field)
		}
		if value == "" {
			return nil, fmt.Errorf("%s:%d: %s has no value", name, n, field)
		}
		switch field {
		case "service":
			cur.service = value
		case "filiere":
			cur.filiere = value
		case "category":
			cur.category, cur.categoryComment, _ = strings.Cut(value, " ")
		case "source":
			cur.source = value
		case "name":
			cur.name = value
		case "also":
			cur.also = append(cur.also, splitBar(value)...)
		case "grade":
			cur.grades = append(cur.grades, splitBar(value))
		case "note":
			cur.note = value
		case "index":
			if value != "grades only" {
				return nil, fmt.Errorf("%s:%d: index %q: expected \"grades only\"", name, n, value)
			}
			cur.gradesOnly = true
		default:
			return nil, fmt.Errorf("%s:%d: unknown field %q: expected service, filiere, category, source, name, also, grade, index or note", name, n, field)
		}
	}
	return recs, sc.Err()
}

func splitBar(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// check reports every record that breaks the format's rules, and FPT
// filières without a cadre.
func check(name string, recs []*record) error {
	var errs []error
	bad := func(r *record, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s: %s", name, r.line, r.cadre, fmt.Sprintf(format, args...)))
	}
	seen := map[string]bool{}
	covered := map[string]int{}
	for _, r := range recs {
		if seen[r.service+"\x00"+r.cadre] {
			bad(r, "cadre listed twice in %s", r.service)
		}
		seen[r.service+"\x00"+r.cadre] = true
		if !services[r.service] {
			bad(r, "service %q: expected FPT, FPE, FPH or NC", r.service)
		}
		switch r.category {
		case "A", "B", "C", "D":
		case "?":
			if r.categoryComment == "" {
				bad(r, "unknown category without a word on why: expected \"? reason\"")
			}
		default:
			bad(r, "category %q: expected A, B, C, D or \"?\"", r.category)
		}
		if r.service == "FPT" {
			if !contains(filieres, r.filiere) {
				bad(r, "filière %q: expected one of %s", r.filiere, strings.Join(filieres, ", "))
			}
			covered[r.filiere]++
		}
		if r.service == "FPE" && r.filiere != "" {
			bad(r, "filière %q: FPE corps have none in this table", r.filiere)
		}
		if r.service == "FPH" && r.filiere != "" && !contains(fphFamilies, r.filiere) {
			bad(r, "filière %q: expected one of the FPH's families, %s, or none", r.filiere, strings.Join(fphFamilies, ", "))
		}
		if r.source == "" {
			bad(r, "no source: expected the statutory text that rules it")
		}
		if r.name == "" {
			bad(r, "no name: expected the short name offers use")
		}
	}
	for _, f := range filieres {
		if covered[f] == 0 {
			errs = append(errs, fmt.Errorf("%s: FPT filière %q has no cadre d'emplois", name, f))
		}
	}
	return errors.Join(errs...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// generate writes the Go source of the table.
func generate(in string, recs []*record) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ./tools/gengrades from %s; DO NOT EDIT.\n//\n", in)
	b.WriteString("// The grades and cadres d'emplois or corps of the French civil services\n")
	b.WriteString("// (FPT, FPE, FPH) and of New Caledonia, transcribed from these texts:\n//\n")
	var srcs []string
	seen := map[string]bool{}
	for _, r := range recs {
		if !seen[r.source] {
			seen[r.source] = true
			srcs = append(srcs, r.source)
		}
	}
	sort.Strings(srcs)
	for _, s := range srcs {
		fmt.Fprintf(&b, "//   - %s\n", s)
	}
	var unknown []string
	for _, r := range recs {
		if r.category == "?" {
			unknown = append(unknown, fmt.Sprintf("%s (%s): %s", r.cadre, r.service, r.categoryComment))
		}
	}
	if len(unknown) > 0 {
		b.WriteString("//\n// Categories no source read could confirm, left empty:\n//\n")
		for _, u := range unknown {
			fmt.Fprintf(&b, "//   - %s\n", u)
		}
	}
	b.WriteString("\npackage grade\n\nvar table = [...]row{\n")
	for _, r := range recs {
		cat := r.category
		if cat == "?" {
			cat = ""
		}
		fmt.Fprintf(&b, "\t{cadre: %s, service: %q, filiere: %s, category: %q, name: %s,\n",
			strconv.Quote(r.cadre), r.service, strconv.Quote(r.filiere), cat, strconv.Quote(r.name))
		if r.gradesOnly {
			b.WriteString("\t\tgradesOnly: true,\n")
		}
		if len(r.also) > 0 {
			fmt.Fprintf(&b, "\t\talso: %s,\n", quoteList(r.also))
		}
		if len(r.grades) > 0 {
			b.WriteString("\t\tgrades: [][]string{")
			for _, g := range r.grades {
				b.WriteString(strings.TrimPrefix(quoteList(g), "[]string") + ", ")
			}
			b.WriteString("},\n")
		}
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

func quoteList(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}
