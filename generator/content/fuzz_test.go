package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzDecode feeds arbitrary bytes to Decode, seeded with the sample offers
// and with the encodings and line endings editors produce. Whatever the
// input, Decode must not panic and what it returns must be safe for the
// stages after it: valid UTF-8 lines, without line breaks or control
// characters, and positions inside the file.
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "offer", "testdata", "seeds", "*.txt"))
	if len(seeds) == 0 {
		f.Fatal("no seed offers under ../offer/testdata/seeds")
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"\n",
		"\r",
		"\r\n\r\n",
		"\xEF\xBB\xBF",
		"\xEF\xBB\xBF+++\ntitle = \"x\"\n+++\n",
		"\xFF\xFE",
		"\xFE\xFF",
		"\xFF\xFE#\x00 \x00T\x00\r\x00\n\x00", // UTF-16 LE
		"\xFE\xFF\x00#\x00 \x00T\x00\r\x00\n", // UTF-16 BE
		"\xFF\xFE#\x00\x00\xD8\x41",           // lone surrogate, odd length
		"# R\xe9f\xe9rent\rEmployeur : Noum\xe9a\r", // Latin-1, old Mac
		"+++",
		"+++\n",
		"+++\ntitle = \"x\"",
		"+++\n+++",
		"a\x00b",
		"e\x01\u0301",
		"a\u2028b\u2029c\u0085d",
		"\uFEFF\uFEFF\uFFFE",
		"Employeur\u00a0: X\u202f\t",
		"\x1b[31mred\x1b[0m",
		"\x80\x81\x8d\x8f\x90\x9d",
		"\xed\xa0\x80", // UTF-8 encoded surrogate
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const path = "offres/fuzz.txt"
		src, diags := Decode(path, data)
		for _, d := range diags {
			if d.Pos.Path != path {
				t.Errorf("diagnostic without the file's path: %v", d)
			}
			if d.Pos.Line < 0 || (src != nil && d.Pos.Line > max(len(src.Lines), 1)) {
				t.Errorf("diagnostic line outside the file (%d lines): %v", linesOf(src), d)
			}
			if d.Msg == "" || !utf8.ValidString(d.Msg) {
				t.Errorf("bad message: %q", d.Msg)
			}
		}
		if src == nil {
			if !diags.HasErrors() {
				t.Fatalf("nil source without an error: %v", diags)
			}
			return
		}
		if src.Path != path {
			t.Errorf("Path = %q", src.Path)
		}
		for i, l := range src.Lines {
			if !utf8.ValidString(l) {
				t.Errorf("line %d is not valid UTF-8: %q", i+1, l)
			}
			if strings.ContainsAny(l, "\n\r") {
				t.Errorf("line %d has a line break: %q", i+1, l)
			}
			if strings.IndexFunc(l, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }) >= 0 {
				t.Errorf("line %d has a control character: %q", i+1, l)
			}
			if !norm.NFC.IsNormalString(l) {
				t.Errorf("line %d is not NFC: %q", i+1, l)
			}
		}
		if src.Start < 0 || src.Start > len(src.Lines) {
			t.Errorf("Start = %d outside 0..%d", src.Start, len(src.Lines))
		}
		if src.Front != nil {
			if src.FrontLine != 2 || src.Start < 2 || len(src.Front) != src.Start-2 {
				t.Errorf("Front (%d lines) at line %d does not end before Start %d", len(src.Front), src.FrontLine, src.Start)
			}
		} else if src.Start != 0 && !diags.HasErrors() {
			t.Errorf("Start = %d with no front matter and no error", src.Start)
		}
	})
}

func linesOf(src *Source) int {
	if src == nil {
		return 0
	}
	return len(src.Lines)
}
