// Command genplaces writes generator/place's reference of French communes
// from the JSON of two npm packages and a small file of places they lack.
// scripts/gen-places fetches the pinned packages and runs it; run it by hand
// only to try another release:
//
//	go run ./tools/genplaces -decoupage DIR -codes-postaux DIR -extra FILE -out DIR
//
// -decoupage is the unpacked @etalab/decoupage-administratif package
// (data/communes.json, data/departements.json), -codes-postaux the unpacked
// codes-postaux package (codes-postaux.json), -extra tools/genplaces/extra.tsv.
// It writes OUT/communes.tsv and OUT/departements.tsv, whose headers name the
// packages and versions read. The same inputs give byte-identical files.
//
// What it keeps: every current commune (metropolitan France, the DROM and
// the collectivities of the Code officiel géographique, New Caledonia,
// French Polynesia, Wallis-et-Futuna, Saint-Pierre-et-Miquelon,
// Saint-Barthélemy, Saint-Martin included) with its postcodes from both
// packages and its population; under it, its municipal arrondissements, its
// former communes (communes déléguées and associées) whose names differ from
// its own, the villages and localities of extra.tsv and the other names mail
// is addressed to (La Poste's "libellé d'acheminement", when it is not just
// the name in capitals). It leaves out what offers never name as a place:
// EPCI, cantons, regions, SIREN numbers.
//
// It also writes OUT/abroad.tsv, the few countries and towns abroad of
// extra.tsv that offers of the Pacific name (Suva, Port-Vila), refusing a
// name that is also a French commune's or département's: a town abroad
// never hides a French one.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

func main() {
	var o options
	flag.StringVar(&o.decoupage, "decoupage", "", "unpacked @etalab/decoupage-administratif package")
	flag.StringVar(&o.codesPostaux, "codes-postaux", "", "unpacked codes-postaux package")
	flag.StringVar(&o.extra, "extra", "", "file of places the packages lack (tools/genplaces/extra.tsv)")
	flag.StringVar(&o.out, "out", "", "output folder (generator/place)")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "genplaces:", err)
		os.Exit(1)
	}
}

type options struct {
	decoupage, codesPostaux, extra, out string
}

// commune is one line of communes.tsv and the lines under it.
type commune struct {
	Code       string
	Name       string
	Population int
	postcodes  map[string]bool
	arr        []arrondissement
	former     map[string]string // folded name → name
	villages   [][]string        // name, other spellings
	localities [][]string        // name, other spellings
	spellings  map[string]string // folded name → name
}

type arrondissement struct {
	N         int
	Postcodes []string
}

// Records of the packages' JSON, only the fields read.
type cogCommune struct {
	Code        string   `json:"code"`
	Name        string   `json:"nom"`
	Type        string   `json:"type"`
	Departement string   `json:"departement"`
	Commune     string   `json:"commune"`  // arrondissement-municipal: its commune
	ChefLieu    string   `json:"chefLieu"` // commune-deleguee, commune-associee: the commune it belongs to
	Postcodes   []string `json:"codesPostaux"`
	Population  int      `json:"population"`
}

type cogDepartement struct {
	Code string `json:"code"`
	Name string `json:"nom"`
}

type laPoste struct {
	Postcode string `json:"codePostal"`
	Code     string `json:"codeCommune"`
	Name     string `json:"nomCommune"`
	Label    string `json:"libelleAcheminement"`
}

type pkg struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

func run(o options) error {
	if o.decoupage == "" || o.codesPostaux == "" || o.extra == "" || o.out == "" {
		return errors.New("-decoupage, -codes-postaux, -extra and -out are all needed")
	}
	var dec, cp pkg
	if err := readJSON(filepath.Join(o.decoupage, "package.json"), &dec); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(o.codesPostaux, "package.json"), &cp); err != nil {
		return err
	}
	var cog []cogCommune
	if err := readJSON(filepath.Join(o.decoupage, "data", "communes.json"), &cog); err != nil {
		return err
	}
	var deps []cogDepartement
	if err := readJSON(filepath.Join(o.decoupage, "data", "departements.json"), &deps); err != nil {
		return err
	}
	var poste []laPoste
	if err := readJSON(filepath.Join(o.codesPostaux, "codes-postaux.json"), &poste); err != nil {
		return err
	}

	communes := map[string]*commune{}
	for _, c := range cog {
		if c.Type != "commune-actuelle" {
			continue
		}
		if communes[c.Code] != nil {
			return fmt.Errorf("communes.json: commune %s twice", c.Code)
		}
		cm := &commune{Code: c.Code, Name: c.Name, Population: c.Population,
			postcodes: map[string]bool{}, former: map[string]string{}, spellings: map[string]string{}}
		for _, p := range c.Postcodes {
			cm.postcodes[p] = true
		}
		communes[c.Code] = cm
	}
	// What a code of the packages names today: a current commune, or the
	// commune a former commune or an arrondissement belongs to (codes-postaux
	// is older than the COG it is read with, so some of its codes are gone).
	now := map[string]string{}
	for code := range communes {
		now[code] = code
	}
	for _, c := range cog {
		switch c.Type {
		case "arrondissement-municipal":
			parent := communes[c.Commune]
			if parent == nil {
				return fmt.Errorf("communes.json: arrondissement %s of unknown commune %s", c.Code, c.Commune)
			}
			n, err := arrondissementNumber(c.Name)
			if err != nil {
				return fmt.Errorf("communes.json: arrondissement %s: %v", c.Code, err)
			}
			ps := slices.Clone(c.Postcodes)
			slices.Sort(ps)
			parent.arr = append(parent.arr, arrondissement{n, ps})
			now[c.Code] = parent.Code
		case "commune-deleguee", "commune-associee":
			parent := communes[c.ChefLieu]
			if parent == nil {
				return fmt.Errorf("communes.json: %s %s of unknown commune %s", c.Type, c.Code, c.ChefLieu)
			}
			if _, ok := now[c.Code]; !ok {
				now[c.Code] = parent.Code
			}
			if f := fold(c.Name); f != fold(parent.Name) {
				parent.former[f] = c.Name
			}
		}
	}
	for _, p := range poste {
		code, ok := now[p.Code]
		if !ok {
			continue // a commune gone without a trace in the COG: nothing to attach it to
		}
		cm := communes[code]
		if len(p.Postcode) == 5 {
			cm.postcodes[p.Postcode] = true
		}
		for _, name := range []string{p.Name, label(p.Label)} {
			if name == "" || communes[p.Code] == nil && name == p.Name {
				continue // the name of an arrondissement or former commune, read from the COG
			}
			f := fold(name)
			if f == "" || f == fold(cm.Name) || cm.former[f] != "" {
				continue
			}
			if _, ok := cm.spellings[f]; !ok {
				cm.spellings[f] = name
			}
		}
	}
	// A name La Poste gives several communes, or that is the name of
	// another commune or former commune, names the bureau that delivers
	// them ("PARIS" for Issy-les-Moulineaux), not the commune.
	names := map[string]int{}
	for _, cm := range communes {
		names[fold(cm.Name)]++
		for f := range cm.former {
			names[f]++
		}
	}
	users := map[string]int{}
	for _, cm := range communes {
		for f := range cm.spellings {
			users[f]++
		}
	}
	for _, cm := range communes {
		for f := range cm.spellings {
			if names[f] > 0 || users[f] > 1 {
				delete(cm.spellings, f)
			}
		}
	}
	ex, err := readExtra(o.extra, communes)
	if err != nil {
		return err
	}
	for _, cm := range communes {
		// A former commune that La Poste also names is a former commune.
		for f := range cm.former {
			delete(cm.spellings, f)
		}
		for _, v := range slices.Concat(cm.villages, cm.localities) {
			for _, s := range v {
				delete(cm.spellings, fold(s))
			}
		}
	}
	if err := ex.checkAbroad(o.extra, communes, deps); err != nil {
		return err
	}

	header := fmt.Sprintf("# Generated by scripts/gen-places from %s %s (INSEE's Code officiel géographique,\n"+
		"# La Poste's postcodes), %s %s (La Poste's postcodes and addressing names)\n"+
		"# and tools/genplaces/extra.tsv. Do not edit. Data: Licence Ouverte / Etalab.\n", dec.Name, dec.Version, cp.Name, cp.Version)
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString(`#
# A commune line: INSEE code, official name, postcodes (comma-separated),
# population. The lines under it that start with a tab name places in it:
#	a	N	postcodes	its municipal arrondissement N
#	f	name	a former commune (commune déléguée or associée), now part of it
#	v	name	[spelling	...]	a village (Wallis-et-Futuna)
#	q	name	[spelling	...]	a locality (quarter, tribe, village) offers name for the commune
#	s	name	another name of the commune (La Poste's, a former official spelling)
`)
	codes := make([]string, 0, len(communes))
	for code := range communes {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		cm := communes[code]
		ps := keys(cm.postcodes)
		pop := ""
		if cm.Population > 0 {
			pop = strconv.Itoa(cm.Population)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", cm.Code, cm.Name, strings.Join(ps, ","), pop)
		slices.SortFunc(cm.arr, func(x, y arrondissement) int { return x.N - y.N })
		for _, a := range cm.arr {
			fmt.Fprintf(&b, "\ta\t%d\t%s\n", a.N, strings.Join(a.Postcodes, ","))
		}
		for _, f := range keys(cm.former) {
			fmt.Fprintf(&b, "\tf\t%s\n", cm.former[f])
		}
		for _, v := range cm.villages {
			fmt.Fprintf(&b, "\tv\t%s\n", strings.Join(v, "\t"))
		}
		for _, q := range cm.localities {
			fmt.Fprintf(&b, "\tq\t%s\n", strings.Join(q, "\t"))
		}
		for _, f := range keys(cm.spellings) {
			fmt.Fprintf(&b, "\ts\t%s\n", cm.spellings[f])
		}
	}
	if err := os.WriteFile(filepath.Join(o.out, "communes.tsv"), b.Bytes(), 0o644); err != nil {
		return err
	}

	b.Reset()
	b.WriteString(header)
	b.WriteString("#\n# Code, official name, then other names written for it (tools/genplaces/extra.tsv).\n")
	slices.SortFunc(deps, func(x, y cogDepartement) int { return strings.Compare(x.Code, y.Code) })
	for _, d := range deps {
		b.WriteString(d.Code + "\t" + d.Name)
		for _, a := range ex.areas[d.Code] {
			b.WriteString("\t" + a)
		}
		b.WriteByte('\n')
		delete(ex.areas, d.Code)
	}
	if len(ex.areas) > 0 {
		return fmt.Errorf("%s: names of unknown départements %v", o.extra, keys(ex.areas))
	}
	if err := os.WriteFile(filepath.Join(o.out, "departements.tsv"), b.Bytes(), 0o644); err != nil {
		return err
	}

	b.Reset()
	b.WriteString(header)
	b.WriteString(`#
# Places abroad that offers name (tools/genplaces/extra.tsv, with its sources).
# A country line: ISO 3166-1 alpha-2 code, French name, other names. The
# lines under it that start with a tab are its towns: name, other spellings.
`)
	for _, code := range keys(ex.countries) {
		fmt.Fprintf(&b, "%s\t%s\n", code, strings.Join(ex.countries[code], "\t"))
		for _, town := range ex.towns[code] {
			fmt.Fprintf(&b, "\t%s\n", strings.Join(town, "\t"))
		}
	}
	return os.WriteFile(filepath.Join(o.out, "abroad.tsv"), b.Bytes(), 0o644)
}

// extra is what extra.tsv adds besides villages, localities and spellings,
// which go to their commune.
type extra struct {
	areas     map[string][]string   // département code → other names
	countries map[string][]string   // ISO code → French name, other names
	towns     map[string][][]string // ISO code → towns abroad: name, other spellings
	lines     map[string]int        // ISO code → the line that named it first, for errors
}

// checkAbroad refuses a town abroad of an unknown country, and a country or
// town abroad named like a French commune, former commune or département:
// a name abroad must never take the place of a French one.
func (ex *extra) checkAbroad(path string, communes map[string]*commune, deps []cogDepartement) error {
	french := map[string]string{}
	for _, cm := range communes {
		french[fold(cm.Name)] = cm.Code
		for f := range cm.former {
			french[f] = cm.Code
		}
		for f := range cm.spellings {
			french[f] = cm.Code
		}
	}
	for _, d := range deps {
		french[fold(d.Name)] = d.Code
	}
	for _, names := range ex.areas {
		for _, n := range names {
			french[fold(n)] = "a collectivity"
		}
	}
	for _, code := range keys(ex.lines) {
		if ex.countries[code] == nil {
			return fmt.Errorf("%s:%d: %s: towns of a country with no line of kind c", path, ex.lines[code], code)
		}
		names := slices.Clone(ex.countries[code])
		for _, t := range ex.towns[code] {
			names = append(names, t...)
		}
		for _, n := range names {
			if c, ok := french[fold(n)]; ok {
				return fmt.Errorf("%s:%d: %s is also the name of %s in France", path, ex.lines[code], n, c)
			}
		}
	}
	return nil
}

// readExtra adds the villages, localities and spellings of the extra file
// to communes and returns the rest: other names of départements, countries
// and towns abroad.
func readExtra(path string, communes map[string]*commune) (*extra, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ex := &extra{areas: map[string][]string{}, countries: map[string][]string{},
		towns: map[string][][]string{}, lines: map[string]int{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) < 3 || fs[2] == "" {
			return nil, fmt.Errorf("%s:%d: %q: expected kind, code and name separated by tabs", path, n, line)
		}
		kind, code, names := fs[0], fs[1], fs[2:]
		switch kind {
		case "v", "q", "s":
			cm := communes[code]
			if cm == nil {
				return nil, fmt.Errorf("%s:%d: %s: no such commune", path, n, code)
			}
			switch kind {
			case "v":
				cm.villages = append(cm.villages, names)
			case "q":
				for _, s := range names {
					if fold(s) == fold(cm.Name) {
						return nil, fmt.Errorf("%s:%d: %s is the name of commune %s itself", path, n, s, code)
					}
				}
				cm.localities = append(cm.localities, names)
			default:
				for _, s := range names {
					cm.spellings[fold(s)] = s
				}
			}
		case "n":
			ex.areas[code] = append(ex.areas[code], names...)
		case "c", "t":
			if !reCountry.MatchString(code) {
				return nil, fmt.Errorf("%s:%d: %q: expected a country's ISO 3166-1 alpha-2 code, as FJ", path, n, code)
			}
			if kind == "c" {
				if ex.countries[code] != nil {
					return nil, fmt.Errorf("%s:%d: country %s twice", path, n, code)
				}
				ex.countries[code] = names
			} else {
				ex.towns[code] = append(ex.towns[code], names)
			}
			if _, ok := ex.lines[code]; !ok {
				ex.lines[code] = n
			}
		default:
			return nil, fmt.Errorf("%s:%d: kind %q: expected v, q, s, n, c or t", path, n, kind)
		}
	}
	return ex, sc.Err()
}

var reCountry = regexp.MustCompile(`^[A-Z]{2}$`)

// arrondissementNumber reads "Paris 15e Arrondissement", "Lyon 1er Arrondissement".
func arrondissementNumber(name string) (int, error) {
	for _, w := range strings.Fields(name) {
		if d := strings.TrimRightFunc(w, unicode.IsLetter); d != "" && d != w {
			return strconv.Atoi(d)
		}
	}
	return 0, fmt.Errorf("%q: no arrondissement number", name)
}

// label cleans a La Poste addressing name: "PERCHAY (LE)" → "LE PERCHAY",
// "EPINE (L')" → "L' EPINE", "SAINT CHAFFREY 05330" → "SAINT CHAFFREY",
// "RAISSAC S LAMPY" → "RAISSAC SUR LAMPY"; a bureau's name that only adds
// "CEDEX" or "PRINCIPAL" to the town's is not a name of the town.
func label(s string) string {
	s = reArticle.ReplaceAllString(s, "$2 $1")
	var ws []string
	for _, w := range strings.Fields(s) {
		if strings.Trim(w, "0123456789") == "" || w == "CEDEX" || w == "PRINCIPAL" {
			continue
		}
		if long, ok := abbreviations[w]; ok {
			w = long
		}
		ws = append(ws, w)
	}
	return strings.Join(ws, " ")
}

var reArticle = regexp.MustCompile(`^(.*?)\s*\(\s*(L'|L|LE|LA|LES)\s*\)$`)

// abbreviations La Poste uses to fit names in 32 characters.
var abbreviations = map[string]string{"S": "SUR", "SS": "SOUS", "MT": "MONT", "GD": "GRAND", "GDE": "GRANDE"}

var strip = transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))

// fold compares names as generator/place does, closely enough to tell
// whether a name adds anything: no case, accents or punctuation, and "ST"
// is "Saint".
func fold(s string) string {
	t, _, err := transform.String(strip, s)
	if err != nil {
		t = s
	}
	t = strings.ToLower(t)
	ws := strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range ws {
		switch w {
		case "st":
			ws[i] = "saint"
		case "ste":
			ws[i] = "sainte"
		}
	}
	return strings.Join(ws, " ")
}

func keys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
