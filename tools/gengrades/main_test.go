package main

import (
	"os"
	"strings"
	"testing"
)

// TestTableUpToDate checks that generator/grade/table.go is what
// grades.txt generates: edit grades.txt, then run scripts/gen-grades.
func TestTableUpToDate(t *testing.T) {
	f, err := os.Open("grades.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := parse("tools/gengrades/grades.txt", f)
	if err != nil {
		t.Fatal(err)
	}
	if err := check("grades.txt", recs); err != nil {
		t.Fatal(err)
	}
	want, err := generate("tools/gengrades/grades.txt", recs)
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("../../generator/grade/table.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(have) != string(want) {
		t.Fatal("generator/grade/table.go is not what grades.txt generates: run scripts/gen-grades")
	}
}

func TestCheck(t *testing.T) {
	ok := "cadre Rédacteurs territoriaux\nservice FPT\nfiliere administrative\ncategory B\nsource Décret\nname Rédacteur\n"
	tests := []struct {
		name, text, want string
	}{
		{"no source", strings.Replace(ok, "source Décret\n", "", 1), "no source"},
		{"bad category", strings.Replace(ok, "category B", "category E", 1), `category "E"`},
		{"unknown category without a reason", strings.Replace(ok, "category B", "category ?", 1), "without a word on why"},
		{"bad service", strings.Replace(ok, "service FPT", "service FPX", 1), `service "FPX"`},
		{"bad filière", strings.Replace(ok, "filiere administrative", "filiere financière", 1), `filière "financière"`},
		{"FPE with a filière", strings.Replace(ok, "service FPT", "service FPE", 1), "FPE corps have none"},
		{"FPH with an FPT filière", strings.Replace(strings.Replace(ok, "service FPT", "service FPH", 1), "filiere administrative", "filiere médico-sociale", 1), "expected one of the FPH's families"},
		{"missing filières", ok, `FPT filière "technique" has no cadre d'emplois`},
		{"twice", ok + ok, "cadre listed twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := parse("x.txt", strings.NewReader(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			err = check("x.txt", recs)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("check = %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if _, err := parse("x.txt", strings.NewReader("service FPT\n")); err == nil || !strings.Contains(err.Error(), "x.txt:1:") {
		t.Errorf("a field before any cadre: %v, want an error at x.txt:1", err)
	}
	if _, err := parse("x.txt", strings.NewReader("cadre X\ncolour blue\n")); err == nil || !strings.Contains(err.Error(), `x.txt:2: unknown field "colour"`) {
		t.Errorf("an unknown field: %v", err)
	}
}
