package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/want from this run")

// TestRun generates the reference from small packages written for the
// test (testdata/decoupage, testdata/codes-postaux, testdata/extra.tsv)
// and compares it with testdata/want; -update rewrites it. It also runs
// twice to check that the output is the same byte for byte.
func TestRun(t *testing.T) {
	out := []string{t.TempDir(), t.TempDir()}
	for _, dir := range out {
		err := run(options{
			decoupage:    filepath.Join("testdata", "decoupage"),
			codesPostaux: filepath.Join("testdata", "codes-postaux"),
			extra:        filepath.Join("testdata", "extra.tsv"),
			out:          dir,
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"communes.tsv", "departements.tsv", "abroad.tsv"} {
		got, err := os.ReadFile(filepath.Join(out[0], name))
		if err != nil {
			t.Fatal(err)
		}
		again, err := os.ReadFile(filepath.Join(out[1], name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(again) {
			t.Errorf("%s differs between two runs", name)
		}
		golden := filepath.Join("testdata", "want", name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}

func TestRunErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "extra.tsv")
	for _, tt := range []struct{ extra, want string }{
		{"v\t12345\tNowhere\n", "12345: no such commune"},
		{"x\t988\tName\n", `kind "x": expected v, q, s, n, c or t`},
		{"q\t12345\tNowhere\n", "12345: no such commune"},
		{"q\t98818\tNOUMEA\n", "NOUMEA is the name of commune 98818 itself"},
		{"t\tFJ\tSuva\n", "FJ: towns of a country with no line of kind c"},
		{"c\tFJI\tFidji\n", "expected a country's ISO 3166-1 alpha-2 code"},
		{"c\tFJ\tFidji\nc\tFJ\tFiji\n", "country FJ twice"},
		{"c\tXX\tNowhere\nt\tXX\tChenove\n", "Chenove is also the name of 21166 in France"},
		{"c\tXX\tCôte-d'Or\n", "Côte-d'Or is also the name of 21 in France"},
		{"n\t988\tGrande Terre\nc\tXX\tGrande-Terre\n", "Grande-Terre is also the name of a collectivity in France"},
		{"n\t988\n", "expected kind, code and name separated by tabs"},
		{"n\t999\tNowhere\n", "names of unknown départements [999]"},
	} {
		if err := os.WriteFile(bad, []byte(tt.extra), 0o644); err != nil {
			t.Fatal(err)
		}
		err := run(options{
			decoupage:    filepath.Join("testdata", "decoupage"),
			codesPostaux: filepath.Join("testdata", "codes-postaux"),
			extra:        bad,
			out:          t.TempDir(),
		})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("extra %q: error %v, want one saying %q", tt.extra, err, tt.want)
		}
	}
}

func TestLabel(t *testing.T) {
	for in, want := range map[string]string{
		"PERCHAY (LE)":             "LE PERCHAY",
		"ABERGEMENT-DE-VAREY (L )": "L ABERGEMENT-DE-VAREY",
		"ILE-D'YEU (L')":           "L' ILE-D'YEU",
		"SAINT CHAFFREY 05330":     "SAINT CHAFFREY",
		"RAISSAC S LAMPY":          "RAISSAC SUR LAMPY",
		"OUROUX SS LE BOIS":        "OUROUX SOUS LE BOIS",
		"TOURS CEDEX":              "TOURS",
		"POINTE A PITRE PRINCIPAL": "POINTE A PITRE",
	} {
		if got := label(in); got != want {
			t.Errorf("label(%q) = %q, want %q", in, got, want)
		}
	}
}
