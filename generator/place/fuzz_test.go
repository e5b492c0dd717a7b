package place

import (
	"testing"
	"unicode/utf8"
)

// FuzzParse reads anything: it must not panic, must give valid UTF-8, and
// every town it returns must be a place of the reference (checkResult).
func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	f.Add("Chenôve (Côte-d'Or (21)")   // unbalanced
	f.Add("))Nouméa((")                // brackets the wrong way
	f.Add("\xff\xfeN\x00oum\xe9a")     // not UTF-8
	f.Add("97400 97400 97400 97400")   // postcodes only
	f.Add("Paris 999e arrondissement") // no such arrondissement
	f.Fuzz(func(t *testing.T, s string) {
		r := Parse(s)
		if !utf8.ValidString(r.Why) {
			t.Errorf("Parse(%q).Why is not valid UTF-8: %q", s, r.Why)
		}
		for _, p := range r.Places {
			for _, f := range []string{p.Town, p.Postcode, p.Department, p.Insee} {
				if !utf8.ValidString(f) {
					t.Errorf("Parse(%q): %+v is not valid UTF-8", s, p)
				}
			}
		}
		checkResult(t, s, r)
	})
}
