package message

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"
)

// declaredIDs are the ids ids.go declares, read from its source.
func declaredIDs(t *testing.T) map[ID]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "ids.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[ID]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.BasicLit)
		if !ok {
			return true
		}
		v, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Fatal(err)
		}
		if prev, dup := ids[ID(v)]; dup {
			t.Errorf("%s and %s are both %q", prev, vs.Names[0].Name, v)
		}
		ids[ID(v)] = vs.Names[0].Name
		return true
	})
	return ids
}

// TestCatalogues checks that every message id has a pattern in every
// language, that every pattern's id is declared, and that the languages
// name the same arguments: a translation is complete or the test says
// what it lacks.
func TestCatalogues(t *testing.T) {
	ids := declaredIDs(t)
	if len(ids) < 100 {
		t.Fatalf("%d ids declared; ids.go was not read", len(ids))
	}
	for _, l := range []Lang{French, English} {
		for id, name := range ids {
			if !Has(l, id) {
				t.Errorf("%s.toml has no message %q (%s)", l, id, name)
			}
		}
		for _, id := range IDs(l) {
			if _, ok := ids[id]; !ok {
				t.Errorf("%s.toml says %q, which ids.go does not declare", l, id)
			}
		}
	}
	for id := range ids {
		fr, en := argSet(French, id), argSet(English, id)
		if !slices.Equal(fr, en) {
			t.Errorf("%s: French uses %v, English %v", id, fr, en)
		}
	}
}

func argSet(l Lang, id ID) []string {
	var out []string
	for _, a := range Args(l, id) {
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// TestSay checks how arguments are said in each language: plurals,
// dates, quotes, lists, decimals, and escapes of what a file may hold.
func TestSay(t *testing.T) {
	day := Day{Year: 2026, Month: time.February, Day: 1}
	for _, tt := range []struct {
		name string
		l    Lang
		t    Text
		want string
	}{
		{"one warning in French", French, New(CheckSummary, "files", 1, "errors", 0, "warnings", 1), "1 fichier vérifié : 0 erreur, 1 avertissement"},
		{"plurals in French", French, New(CheckSummary, "files", 2, "errors", 2, "warnings", 3), "2 fichiers vérifiés : 2 erreurs, 3 avertissements"},
		{"one warning in English", English, New(CheckSummary, "files", 1, "errors", 0, "warnings", 1), "1 file checked: 0 errors, 1 warning"},
		{"files in French", French, New(SummaryFiles, "written", 1, "linked", 9550, "removed", 0), "1 fichier écrit, 9550 réutilisés, 0 supprimé"},
		{"files in English", English, New(SummaryFiles, "written", 12, "linked", 1, "removed", 3), "12 files written, 1 reused, 3 removed"},
		{"a date in French", French, New(DayText, "day", day), "1er février 2026"},
		{"a date in English", English, New(DayText, "day", day), "1 February 2026"},
		{"a long date", French, New(DayText, "day", LongDay(day)), "dimanche 1er février 2026"},
		{"a month", English, New(DayText, "day", Day{Year: 2026, Month: time.March}), "March 2026"},
		{"quotes in French", French, New(UnknownLabelNear, "label", "Date limte", "near", "Date limite"), "label « Date limte » inconnu : vouliez-vous dire « Date limite » ?"},
		{"quotes in English", English, New(UnknownLabelNear, "label", "Date limte", "near", "Date limite"), `unknown label "Date limte": did you mean "Date limite"?`},
		{"a list and lines", French, New(Placeholders, "labels", Quoted{"Référence", "Employeur"}, "lines", Numbers{3, 4}), "à compléter : « Référence », « Employeur » (lignes 3 et 4) ; remplacez chaque « [à compléter] » par sa valeur"},
		{"one line", English, New(MoreLikeIt, "n", 1, "lines", Numbers{7}), "1 more like it on line 7"},
		{"what follows", French, New(GradeUnknown, "grade", "Jardinier").Then(New(PlaceMore, "n", 2)), "« Jardinier » n’est pas un grade connu de postes : vérifiez son orthographe ; et 2 de plus"},
		{"a decimal", French, New(SizeMB, "n", Decimal(10.5)), "10,5 Mo"},
		{"escapes", English, New(TOMLString, "s", "a\x1b]0;x\a"), `"a\x1b]0;x\a"`},
		{"a missing argument is said", English, New(TOMLString), `"{s?}"`},
		{"an id no catalogue has", French, New("nope", "x", 1), "nope x=1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.t.In(tt.l); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestLangOf(t *testing.T) {
	for tag, want := range map[string]Lang{"fr": French, "fr-NC": French, "FR_fr": French, "en": English, "de": English, "": English, "français": English} {
		if got := LangOf(tag); got != want {
			t.Errorf("LangOf(%q) = %s, want %s", tag, got, want)
		}
	}
}

// TestTextSurvivesGob: the offers cache keeps diagnostics with encoding/gob,
// messages inside messages included.
func TestTextSurvivesGob(t *testing.T) {
	x := New(PlaceUnsure, "value", "Valence, 01300", "why", New(PlaceClosest, "text", "Bourrail", "kept", "Bourail").Then(New(PlaceMore, "n", 2)), "kept", "Valence")
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(x); err != nil {
		t.Fatal(err)
	}
	var y Text
	if err := gob.NewDecoder(&b).Decode(&y); err != nil {
		t.Fatal(err)
	}
	for _, l := range []Lang{French, English} {
		if x.In(l) != y.In(l) {
			t.Errorf("%s: %q, after gob %q", l, x.In(l), y.In(l))
		}
	}
}
