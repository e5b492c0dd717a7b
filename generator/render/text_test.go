package render

import (
	htmlstd "html"
	"strings"
	"testing"
)

// slowText is what plainText stands for: every block unescaped and split.
func slowText(s string) string {
	return strings.Join(strings.Fields(htmlstd.UnescapeString(s)), " ")
}

var textCases = []string{
	"", " ", "Référent de secteur – Mairie de Nouméa", " lead", "trail ", "two  spaces",
	"tab\there", "line\nbreak", "no\u00a0break", "thin\u202fspace", "ideographic\u3000space",
	"Tom &amp; Jerry", "&#32;lead", "a&nbsp;b", "é", "\u0085next", "x\u2028y", "\xff bad \xfe",
}

func TestPlainTextIsFieldsJoined(t *testing.T) {
	for _, s := range textCases {
		if got, want := plainText([]byte(s)), slowText(s); got != want {
			t.Errorf("plainText(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzPlainText(f *testing.F) {
	for _, s := range textCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := plainText([]byte(s)), slowText(s); got != want {
			t.Errorf("plainText(%q) = %q, want %q", s, got, want)
		}
	})
}
