package content

import (
	"strings"
	"testing"
)

func TestQuoteName(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"content/juriste-demoville.txt", "content/juriste-demoville.txt"},
		{"content/Offre d’accueil – Nouméa.txt", "content/Offre d’accueil – Nouméa.txt"},
		{"content/été 2025/ΑΒΓ 職.md", "content/été 2025/ΑΒΓ 職.md"},
		{"content/\x1b]0;pwned\x07.txt", `"content/\x1b]0;pwned\a.txt"`},
		{"content/\x1b[2J.txt", `"content/\x1b[2J.txt"`},
		{"content/a\nb.txt", `"content/a\nb.txt"`},
		{"content/a\rb.txt", `"content/a\rb.txt"`},
		{"content/a\tb.txt", `"content/a\tb.txt"`},
		{"content/\u009b31m.txt", `"content/\u009b31m.txt"`}, // C1 CSI
		{"content/\u202etxt.exe", `"content/\u202etxt.exe"`}, // right-to-left override
		{"content/\xff\xfe.txt", `"content/\xff\xfe.txt"`},   // not UTF-8
		{`content/"quoted".txt`, `content/"quoted".txt`},
	} {
		if got := QuoteName(tc.name); got != tc.want {
			t.Errorf("QuoteName(%q) = %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestPosQuotesNames: a name holding a newline or an escape sequence
// cannot break "path:line:" or reach the terminal raw.
func TestPosQuotesNames(t *testing.T) {
	var l List
	l.Add(Pos{Path: "content/a\n b.txt:9: forged", Line: 3}, Error, "no employer")
	l.Add(Pos{Path: "content/\x1b]0;x\x07.txt", Line: 1, Col: 2}, Warning, "w")
	want := `"content/a\n b.txt:9: forged":3: no employer` + "\n" + `"content/\x1b]0;x\a.txt":1:2: warning: w`
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Count(l.Error(), "\n") != 1 {
		t.Errorf("a name broke a line")
	}
}

func TestPrintable(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{"content/a.txt:3: no employer\ncontent/b.txt:1: warning: x", "content/a.txt:3: no employer\ncontent/b.txt:1: warning: x"},
		{"open content/\x1b]0;x\x07.txt: permission denied", `open content/\x1b]0;x\a.txt: permission denied`},
		{"lstat \u202ea: no such file", `lstat \u202ea: no such file`},
		{"read \xff: bad", `read \xff: bad`},
		{"Nouméa\t«ok»", "Nouméa\t«ok»"},
	} {
		if got := Printable(tc.msg); got != tc.want {
			t.Errorf("Printable(%q) = %q, want %q", tc.msg, got, tc.want)
		}
	}
}
