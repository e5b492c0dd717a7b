package content

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/unicode"
)

// utf16 encodes s as UTF-16 with a byte-order mark, as Notepad saves
// "Unicode" files.
func utf16(t *testing.T, order unicode.Endianness, s string) []byte {
	t.Helper()
	b, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// diagSummary is what a test compares of a Diag: the message is checked by
// substring, since its wording may improve.
type diagSummary struct {
	Pos      Pos
	Severity Severity
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		lines []string
		diags []diagSummary // nil: none expected
		msgs  []string      // substrings expected in the diagnostics, in order
	}{
		{
			name:  "plain_utf8",
			data:  []byte("# Titre\nEmployeur : Mairie\n"),
			lines: []string{"# Titre", "Employeur : Mairie"},
		},
		{
			name:  "utf8_bom",
			data:  []byte("\xEF\xBB\xBF# Référent\nEmployeur : X"),
			lines: []string{"# Référent", "Employeur : X"},
		},
		{
			// Copied from web pages and word processors: invisible, they
			// made one employer several that looked the same.
			name:  "invisible_format_characters",
			data:  []byte("Employeur : Mairie de Nou\u00adméa\nLieu : \u200eNouméa\u200b\nRéf : \u202e2025-17\u202c\u2066x\u2069\u2060"),
			lines: []string{"Employeur : Mairie de Nouméa", "Lieu : Nouméa", "Réf : 2025-17x"},
		},
		{
			name:  "crlf",
			data:  []byte("a\r\nb\r\n\r\nc\r\n"),
			lines: []string{"a", "b", "", "c"},
		},
		{
			name:  "lone_cr_old_mac",
			data:  []byte("a\rb\r\rc"),
			lines: []string{"a", "b", "", "c"},
		},
		{
			name:  "mixed_line_endings",
			data:  []byte("a\r\nb\nc\rd"),
			lines: []string{"a", "b", "c", "d"},
		},
		{
			name:  "windows_1252",
			data:  []byte("# R\xe9f\xe9rent\nEmployeur : Mairie de Noum\xe9a\nL\x92\xe9quipe \x80 \x9c\n"),
			lines: []string{"# Référent", "Employeur : Mairie de Nouméa", "L’équipe € œ"},
			diags: []diagSummary{{Pos{Path: "offres/a.txt", Line: 1}, Warning}},
			msgs:  []string{"offres/a.txt:1: warning: file is not UTF-8; read as Windows-1252"},
		},
		{
			name:  "latin1_warning_names_first_bad_line",
			data:  []byte("# Titre\n\nEmployeur : Mairie de Noum\xe9a\n"),
			lines: []string{"# Titre", "", "Employeur : Mairie de Nouméa"},
			diags: []diagSummary{{Pos{Path: "offres/a.txt", Line: 3}, Warning}},
			msgs:  []string{"Windows-1252"},
		},
		{
			// Lines are split on lone CR too, so the warning must count
			// them: the é is on the third line of Lines.
			name:  "latin1_warning_line_with_lone_cr",
			data:  []byte("# Titre\rEmployeur : X\rLieu : Noum\xe9a\r"),
			lines: []string{"# Titre", "Employeur : X", "Lieu : Nouméa"},
			diags: []diagSummary{{Pos{Path: "offres/a.txt", Line: 3}, Warning}},
			msgs:  []string{"Windows-1252"},
		},
		{
			name:  "nbsp_and_narrow_nbsp_kept",
			data:  []byte("Employeur\u00a0: Mairie\nDate\u202f: 29\u00a0août 2025"),
			lines: []string{"Employeur\u00a0: Mairie", "Date\u202f: 29\u00a0août 2025"},
		},
		{
			name:  "tabs_kept",
			data:  []byte("Employeur\t:\tMairie\n\t- item"),
			lines: []string{"Employeur\t:\tMairie", "\t- item"},
		},
		{
			name:  "empty_file",
			data:  []byte{},
			lines: nil,
		},
		{
			name:  "only_newline",
			data:  []byte("\n"),
			lines: nil,
		},
		{
			// A few stray controls in real text, as pasted from a PDF; a
			// short file full of them would be taken for binary.
			name:  "control_characters_removed",
			data:  []byte("Employeur : Mairie de Nouméa, au service des habitants\na\x01b\x7fc\u0085d\u009fe\ff\vg\n\x1bh"),
			lines: []string{"Employeur : Mairie de Nouméa, au service des habitants", "abcdefg", "h"},
		},
		{
			name:  "bom_mid_file_and_noncharacters_removed",
			data:  []byte("a\uFEFFb\uFFFEc\uFFFF\nd"),
			lines: []string{"abc", "d"},
		},
		{
			name:  "nfc_normalisation",
			data:  []byte("Re\u0301fe\u0301rence : x"),
			lines: []string{"Référence : x"},
		},
		{
			// Removing the control joins e and its accent: still NFC.
			name:  "control_between_letter_and_accent",
			data:  []byte("Re\x01\u0301fe\u0301rence : x"),
			lines: []string{"Référence : x"},
		},
		{
			name:  "binary_nul",
			data:  []byte("%PDF-1.4\n\x00\x01\x02\x03binary"),
			diags: []diagSummary{{Pos{Path: "offres/a.txt"}, Error}},
			msgs:  []string{"offres/a.txt: binary file"},
		},
		{
			name:  "binary_many_controls",
			data:  bytes.Repeat([]byte{0x01, 0x02, 0x03, 'a'}, 100),
			diags: []diagSummary{{Pos{Path: "offres/a.txt"}, Error}},
			msgs:  []string{"binary file"},
		},
		{
			name:  "binary_png_header",
			data:  []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
			diags: []diagSummary{{Pos{Path: "offres/a.txt"}, Error}},
			msgs:  []string{"binary file"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, diags := Decode("offres/a.txt", tt.data)
			var got []diagSummary
			for _, d := range diags {
				got = append(got, diagSummary{d.Pos, d.Severity})
			}
			if diff := cmp.Diff(tt.diags, got); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\nall: %v", diff, diags)
			}
			for i, m := range tt.msgs {
				if i >= len(diags) || !strings.Contains(diags[i].Error(), m) {
					t.Errorf("diagnostic %d: want it to contain %q; got %v", i, m, diags)
				}
			}
			if diags.HasErrors() {
				if src != nil {
					t.Errorf("Decode returned a source with errors %v", diags)
				}
				return
			}
			if src == nil {
				t.Fatalf("Decode returned nil without error: %v", diags)
			}
			if diff := cmp.Diff(tt.lines, src.Lines); diff != "" {
				t.Errorf("lines mismatch (-want +got):\n%s", diff)
			}
			if src.Path != "offres/a.txt" {
				t.Errorf("Path = %q", src.Path)
			}
			if src.Front != nil || src.Start != 0 {
				t.Errorf("no front matter expected, got Front=%q Start=%d", src.Front, src.Start)
			}
		})
	}
}

func TestDecodeUTF16(t *testing.T) {
	text := "# Référent de secteur\r\nEmployeur\u00a0: Mairie de Nouméa\r\nDate limite : 1ᵉʳ juillet 2025\r\n"
	want := []string{"# Référent de secteur", "Employeur\u00a0: Mairie de Nouméa", "Date limite : 1ᵉʳ juillet 2025"}
	for _, tt := range []struct {
		name  string
		order unicode.Endianness
	}{
		{"little_endian", unicode.LittleEndian},
		{"big_endian", unicode.BigEndian},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := utf16(t, tt.order, text)
			src, diags := Decode("a.txt", data)
			if len(diags) != 0 {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if diff := cmp.Diff(want, src.Lines); diff != "" {
				t.Errorf("lines mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeTooLarge(t *testing.T) {
	data := bytes.Repeat([]byte("Employeur : Mairie\n"), MaxSize/19+1)
	if len(data) <= MaxSize {
		t.Fatalf("test data is %d bytes, not over MaxSize", len(data))
	}
	src, diags := Decode("offres/énorme.txt", data)
	if src != nil {
		t.Errorf("Decode accepted a %d-byte file", len(data))
	}
	if len(diags) != 1 || diags[0].Severity != Error {
		t.Fatalf("want one error, got %v", diags)
	}
	if msg := diags[0].Error(); !strings.HasPrefix(msg, "offres/énorme.txt: ") || !strings.Contains(msg, "over 1 MB") {
		t.Errorf("message %q should name the file and the 1 MB limit", msg)
	}

	// Exactly MaxSize is still read.
	data = data[:MaxSize]
	if src, diags := Decode("offres/limite.txt", data); src == nil || diags.HasErrors() {
		t.Errorf("a file of exactly MaxSize bytes was refused: %v", diags)
	}
}

func TestDecodeFrontMatter(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		front     []string
		frontLine int
		start     int
		errLine   int // 0: no error expected
	}{
		{
			name:      "closed",
			data:      "+++\ntitle = \"Agent\"\ndraft = true\n+++\n# Agent\n",
			front:     []string{`title = "Agent"`, "draft = true"},
			frontLine: 2,
			start:     4,
		},
		{
			name:      "fences_with_spaces_and_crlf",
			data:      "+++ \r\ntitle = \"Agent\"\r\n +++\r\nbody",
			front:     []string{`title = "Agent"`},
			frontLine: 2,
			start:     3,
		},
		{
			name:      "after_bom",
			data:      "\xEF\xBB\xBF+++\ntitle = \"Agent\"\n+++\n",
			front:     []string{`title = "Agent"`},
			frontLine: 2,
			start:     3,
		},
		{
			name:      "empty",
			data:      "+++\n+++\nbody",
			front:     []string{},
			frontLine: 2,
			start:     2,
		},
		{
			name:  "not_on_first_line",
			data:  "\n+++\ntitle = \"x\"\n+++\n",
			front: nil,
			start: 0,
		},
		{
			name:  "four_pluses_is_not_a_fence",
			data:  "++++\ntitle = \"x\"\n++++\n",
			front: nil,
			start: 0,
		},
		{
			name:    "unclosed",
			data:    "+++\ntitle = \"Agent\"\n# Agent\nEmployeur : X\n",
			front:   nil,
			start:   4,
			errLine: 1,
		},
		{
			name:    "only_opening_fence",
			data:    "+++",
			front:   nil,
			start:   1,
			errLine: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, diags := Decode("a.txt", []byte(tt.data))
			if src == nil {
				t.Fatalf("nil source: %v", diags)
			}
			if tt.errLine == 0 {
				if len(diags) != 0 {
					t.Errorf("unexpected diagnostics: %v", diags)
				}
			} else {
				if len(diags) != 1 || diags[0].Severity != Error || diags[0].Pos != (Pos{Path: "a.txt", Line: tt.errLine}) {
					t.Errorf("want one error at a.txt:%d, got %v", tt.errLine, diags)
				} else if !strings.Contains(diags[0].Msg, "+++") {
					t.Errorf("message %q should say a closing +++ is expected", diags[0].Msg)
				}
			}
			if diff := cmp.Diff(tt.front, src.Front); diff != "" {
				t.Errorf("Front mismatch (-want +got):\n%s", diff)
			}
			if (tt.front == nil) != (src.Front == nil) {
				t.Errorf("Front nil = %v, want %v", src.Front == nil, tt.front == nil)
			}
			if src.FrontLine != tt.frontLine || src.Start != tt.start {
				t.Errorf("FrontLine, Start = %d, %d; want %d, %d", src.FrontLine, src.Start, tt.frontLine, tt.start)
			}
		})
	}
}

// tree creates files (content "x") and folders under root.
func tree(t *testing.T, root string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		full := filepath.Join(root, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			if err := os.MkdirAll(full, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symbolic links not available: %v", err)
	}
}

func paths(files []File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Path)
	}
	return out
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	tree(t, root,
		"a.txt", "b.md", "C.TXT", "notes.MD",
		"2025/août/offre 1.txt",
		"2025/août/Référent de secteur.md",
		"autres/職位.txt", "autres/Вакансия.txt", "autres/وظيفة.md",
		// not offers
		"image.png", "offre.txt.pdf", "README", "sub/data.json",
		// hidden files and folders
		".cache.txt", ".git/HEAD.txt", ".hidden/x.txt", "sub/.secret.md",
		// editor backups
		"a.txt~", "#a.txt#", ".a.txt.swp", "sub/b.md.swo", "x.bak", "x.orig", "x.tmp", "sub/.#lock.txt",
		"empty/",
	)
	files, diags, err := Find(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags)
	}
	want := []string{
		"2025/août/Référent de secteur.md", // byte order: 'R' < 'o'
		"2025/août/offre 1.txt",
		"C.TXT",
		"a.txt",
		"autres/Вакансия.txt",
		"autres/وظيفة.md",
		"autres/職位.txt",
		"b.md",
		"notes.MD",
	}
	if diff := cmp.Diff(want, paths(files)); diff != "" {
		t.Errorf("Find mismatch (-want +got):\n%s", diff)
	}
	for _, f := range files {
		if data, err := os.ReadFile(f.Abs); err != nil || string(data) != "x" {
			t.Errorf("%s: Abs %q does not read back: %v", f.Path, f.Abs, err)
		}
	}
}

func TestFindSymlinks(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "content")
	outside := filepath.Join(base, "outside")
	tree(t, base, "content/offres/a.txt", "content/dossier/b.txt", "outside/secret.txt", "outside/dir/c.txt", "content-evil/d.txt")
	// Inside root: accepted, listed under the link's own name.
	symlink(t, filepath.Join(root, "offres", "a.txt"), filepath.Join(root, "lien.txt"))
	symlink(t, "../offres/a.txt", filepath.Join(root, "dossier", "relatif.txt"))
	// Outside root: refused with an error, even through a relative path or
	// a sibling folder whose name starts like the root's.
	symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(root, "fuite.txt"))
	symlink(t, "../../outside/secret.txt", filepath.Join(root, "offres", "fuite-relative.md"))
	symlink(t, "/etc/passwd", filepath.Join(root, "passwd.txt"))
	symlink(t, filepath.Join(base, "content-evil", "d.txt"), filepath.Join(root, "voisin.txt"))
	symlink(t, outside, filepath.Join(root, "dossier-externe"))
	// Broken link: an error, not a crash.
	symlink(t, filepath.Join(root, "absent.txt"), filepath.Join(root, "cassé.txt"))
	// A link to a folder inside root is not followed (no cycles).
	symlink(t, root, filepath.Join(root, "dossier", "boucle"))

	files, diags, err := Find(root)
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{"dossier/b.txt", "dossier/relatif.txt", "lien.txt", "offres/a.txt"}
	if diff := cmp.Diff(wantFiles, paths(files)); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
	diags.Sort()
	var got []string
	for _, d := range diags {
		if d.Severity != Error {
			t.Errorf("%v: want an error", d)
		}
		got = append(got, d.Pos.String())
		if !strings.Contains(d.Msg, "outside") && !strings.Contains(d.Msg, "broken") {
			t.Errorf("%v: message should say the link is broken or points outside", d)
		}
	}
	wantDiags := []string{"cassé.txt", "dossier-externe", "fuite.txt", "offres/fuite-relative.md", "passwd.txt", "voisin.txt"}
	if diff := cmp.Diff(wantDiags, got); diff != "" {
		t.Errorf("diagnostics mismatch (-want +got):\n%s\nall: %v", diff, diags)
	}
}

// A content folder that is itself a symbolic link (content -> ../shared)
// is common on servers; its files must be found, not silently skipped.
func TestFindRootIsSymlink(t *testing.T) {
	base := t.TempDir()
	tree(t, base, "real/a.txt", "real/sub/b.md")
	link := filepath.Join(base, "content")
	symlink(t, filepath.Join(base, "real"), link)
	files, diags, err := Find(link)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags)
	}
	if diff := cmp.Diff([]string{"a.txt", "sub/b.md"}, paths(files)); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
}

func TestFindMissingRoot(t *testing.T) {
	_, _, err := Find(filepath.Join(t.TempDir(), "absent"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Find(absent) = %v, want a not-exist error", err)
	}
}

func TestReadFile(t *testing.T) {
	root := t.TempDir()
	small := filepath.Join(root, "a.txt")
	if err := os.WriteFile(small, []byte("\xEF\xBB\xBF# Titre\r\nEmployeur : X\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, diags := ReadFile(File{Path: "a.txt", Abs: small})
	if len(diags) != 0 || src == nil {
		t.Fatalf("ReadFile: %v", diags)
	}
	if diff := cmp.Diff([]string{"# Titre", "Employeur : X"}, src.Lines); diff != "" {
		t.Errorf("lines mismatch (-want +got):\n%s", diff)
	}

	big := filepath.Join(root, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("a"), MaxSize+100), 0o644); err != nil {
		t.Fatal(err)
	}
	src, diags = ReadFile(File{Path: "big.txt", Abs: big})
	if src != nil || !diags.HasErrors() || !strings.HasPrefix(diags.Error(), "big.txt: ") {
		t.Errorf("ReadFile(big) = %v, %v; want an error naming big.txt", src, diags)
	}

	src, diags = ReadFile(File{Path: "absent.txt", Abs: filepath.Join(root, "absent.txt")})
	if src != nil || !diags.HasErrors() || !strings.HasPrefix(diags.Error(), "absent.txt: cannot read") {
		t.Errorf("ReadFile(absent) = %v, %v; want an error naming absent.txt", src, diags)
	}
}

func TestDiagFormat(t *testing.T) {
	var l List
	l.Add(Pos{Path: "b.txt", Line: 3}, Warning, "date %q", "x")
	l.Add(Pos{Path: "a.txt", Line: 12, Col: 4}, Error, "no such day")
	l.Add(Pos{Path: "a.txt"}, Error, "binary file")
	l.Add(Pos{Path: "a.txt", Line: 2}, Warning, "b")
	l.Add(Pos{Path: "a.txt", Line: 2}, Warning, "a")
	l.Sort()
	want := "a.txt: binary file\n" +
		"a.txt:2: warning: a\n" +
		"a.txt:2: warning: b\n" +
		"a.txt:12:4: no such day\n" +
		"b.txt:3: warning: date \"x\""
	if diff := cmp.Diff(want, l.Error()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if e, w := l.Count(); e != 2 || w != 3 {
		t.Errorf("Count = %d, %d; want 2, 3", e, w)
	}
	if !l.HasErrors() || List(nil).Err() != nil || l.Err() == nil {
		t.Errorf("HasErrors/Err inconsistent")
	}
}

// TestHasJunkMatchesIsJunk checks the byte scan against the rune predicate
// for every code point, alone and between other text.
func TestHasJunkMatchesIsJunk(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		for _, l := range []string{s, "é" + s, s + "\u00a0x", "a\u00bb" + s + "\uefbf"} {
			if got, want := hasJunk(l), strings.IndexFunc(l, isJunk) >= 0; got != want {
				t.Fatalf("hasJunk(%q) = %v, want %v", l, got, want)
			}
		}
	}
}
