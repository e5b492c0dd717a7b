package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"postes"
)

// copySample copies the sample board's config and content to a new folder.
func copySample(t *testing.T) string {
	t.Helper()
	files := map[string]string{}
	for _, dir := range []string{"config.toml", "content"} {
		err := filepath.WalkDir(filepath.Join(sampleRoot, dir), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(sampleRoot, p)
			files[filepath.ToSlash(rel)] = string(data)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return writeSite(t, files)
}

type fileID struct {
	ino   uint64
	mtime time.Time
}

func identities(t *testing.T, dir string) map[string]fileID {
	t.Helper()
	ids := map[string]fileID{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		ids[rel] = fileID{st.Sys().(*syscall.Stat_t).Ino, st.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func sameTrees(t *testing.T, a, b string) {
	t.Helper()
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Errorf("%d files vs %d", len(ta), len(tb))
	}
	for p, data := range ta {
		if string(data) != string(tb[p]) {
			t.Errorf("%s differs from a cold build's", p)
		}
	}
	for p := range tb {
		if _, ok := ta[p]; !ok {
			t.Errorf("%s missing from the incremental build", p)
		}
	}
}

// TestIncrementalBuildEqualsColdBuild edits one offer and checks that the
// rebuild, which reuses what did not change, is byte-identical to a cold
// build of the edited board, staged or in place.
func TestIncrementalBuildEqualsColdBuild(t *testing.T) {
	for _, tc := range []struct {
		name          string
		inPlace, hint bool
	}{{"staged", false, false}, {"in_place", true, false}, {"in_place_hinted", true, true}} {
		inPlace := tc.inPlace
		t.Run(tc.name, func(t *testing.T) {
			root := copySample(t)
			out := filepath.Join(t.TempDir(), "public")
			b := NewBuilder(Options{Source: root, Output: out, Now: "2025-08-15", Theme: postes.Theme, InPlace: inPlace})
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
			// Edit one offer (its location), delete another.
			p := filepath.Join(root, "content", "secretaire-general-poum.txt")
			data, _ := os.ReadFile(p)
			if err := os.WriteFile(p, []byte(strings.Replace(string(data), "Lieu de travail : POUM", "Lieu de travail : Tiabet", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			later := time.Now().Add(2 * time.Second) // a new mtime even on coarse clocks
			_ = os.Chtimes(p, later, later)
			gone := filepath.Join(root, "content", "referent-gusp-tours.txt")
			if err := os.Remove(gone); err != nil {
				t.Fatal(err)
			}
			// A new offer, in a file serve would be told about.
			added := filepath.Join(root, "content", "nouvelle.txt")
			if err := os.WriteFile(added, []byte(strings.Replace(string(data), "Secrétaire général", "Secrétaire adjoint", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.hint {
				b.Hint([]string{p, gone, added})
			}
			res, err := b.Build()
			if err != nil {
				t.Fatal(err)
			}
			if res.Linked == 0 || res.Written == 0 {
				t.Errorf("rebuild wrote %d and reused %d files; want some of each", res.Written, res.Linked)
			}
			cold := filepath.Join(t.TempDir(), "cold")
			if _, err := Run(Options{Source: root, Output: cold, Now: "2025-08-15", Theme: postes.Theme}); err != nil {
				t.Fatal(err)
			}
			sameTrees(t, out, cold)
		})
	}
}

// TestUnchangedRebuildRewritesNothing: a second build of the same board
// touches no file, and deleting the cache only makes the next build cold.
func TestUnchangedRebuildRewritesNothing(t *testing.T) {
	root := copySample(t)
	out := filepath.Join(t.TempDir(), "public")
	opt := Options{Source: root, Output: out, Now: "2025-08-15", Theme: postes.Theme}
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	before := identities(t, out)
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 0 {
		t.Errorf("an unchanged rebuild wrote %d files", res.Written)
	}
	after := identities(t, out)
	for p, id := range before {
		if after[p] != id {
			t.Errorf("%s was rewritten by an unchanged rebuild", p)
		}
	}
	if err := os.Remove(filepath.Join(stateOf(t, root, out), "manifest.gob")); err != nil {
		t.Fatalf("no manifest in the state folder: %v", err)
	}
	res, err = Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Linked != 0 {
		t.Errorf("without its cache the build still reused %d files", res.Linked)
	}
	cold := filepath.Join(t.TempDir(), "cold")
	if _, err := Run(Options{Source: root, Output: cold, Now: "2025-08-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, out, cold)
}

// TestNewDayRendersAgain: pages show the build's day, so a build on the
// next day must not reuse yesterday's pages.
func TestNewDayRendersAgain(t *testing.T) {
	root := copySample(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Source: root, Output: out, Now: "2025-08-28", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{Source: root, Output: out, Now: "2025-08-30", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	cold := filepath.Join(t.TempDir(), "cold")
	if _, err := Run(Options{Source: root, Output: cold, Now: "2025-08-30", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, out, cold)
}

// TestLargeBoardPathEqualsDefault builds with bodies dropped and read again
// per page, as Run does for national boards, and compares with the default.
func TestLargeBoardPathEqualsDefault(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	b := NewBuilder(Options{Source: copySample(t), Output: out, Now: "2025-08-15", Theme: postes.Theme})
	b.once, b.dropOver = true, 0
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	if !b.drop {
		t.Fatal("bodies were kept")
	}
	sameTrees(t, out, buildSample(t, "2025-08-15", 0))
}

// TestOffersCache: a build reads from the offers cache what did not change
// and the rest from the files; an edited, a new, a deleted file and a
// corrupt cache all give the cold build's board.
func TestOffersCache(t *testing.T) {
	root := copySample(t)
	out := filepath.Join(t.TempDir(), "public")
	opt := Options{Source: root, Output: out, Now: "2025-08-15", Theme: postes.Theme}
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(stateOf(t, root, out), offersName)
	if _, err := os.Stat(cache); err != nil {
		t.Fatalf("no offers cache: %v", err)
	}
	p := filepath.Join(root, "content", "referent-de-secteur-noumea.txt")
	data, _ := os.ReadFile(p)
	edited := strings.Replace(string(data), "Lieu de travail : Nouméa", "Lieu de travail : Dumbéa", 1)
	edited = strings.Replace(edited, "# Missions :", "# Missions et activités :", 1)
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	_ = os.Chtimes(p, later, later)
	_ = os.Remove(filepath.Join(root, "content", "secretaire-general-poum.txt"))
	_ = os.WriteFile(filepath.Join(root, "content", "nouvelle.txt"), []byte(strings.Replace(edited, "Référent de secteur", "Référent adjoint", 1)), 0o644)
	for _, step := range []string{"cache", "corrupt cache"} {
		if step == "corrupt cache" {
			if err := os.WriteFile(cache, []byte("not a cache"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := Run(opt); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		cold := filepath.Join(t.TempDir(), "cold")
		if _, err := Run(Options{Source: root, Output: cold, Now: "2025-08-15", Theme: postes.Theme}); err != nil {
			t.Fatal(err)
		}
		sameTrees(t, out, cold)
	}
	// A changed style sheet changes every page's key: every page is
	// rendered again from the cached offers, each body read from its file.
	css, err := fs.ReadFile(postes.Theme, "static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "static", "style.css"), append(css, "\n.x{color:red}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	b := NewBuilder(opt)
	b.once, b.dropOver = true, keepBodiesUpTo
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	bodyless := 0
	for _, rf := range b.files {
		if rf.bodyless {
			bodyless++
		}
	}
	if bodyless == 0 {
		t.Errorf("no offer came from the cache")
	}
	cold := filepath.Join(t.TempDir(), "cold2")
	if _, err := Run(Options{Source: root, Output: cold, Now: "2025-08-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, out, cold)
}

// TestLargeBoardPathReadsEveryEncoding: bodies read again per page come
// out the same from plain files (read from their body's offset) and from
// files that decoding changes (CRLF, BOM, decomposed accents, Latin-1),
// and a file edited between the two reads is an error, not a wrong page.
func TestLargeBoardPathReadsEveryEncoding(t *testing.T) {
	root := copySample(t)
	src, err := os.ReadFile(filepath.Join(root, "content", "exemples", "juriste-demoville.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "Juriste", "Juriste bis", 1)
	variants := map[string][]byte{
		"crlf.txt": []byte(strings.ReplaceAll(strings.Replace(text, "bis", "crlf", 1), "\n", "\r\n")),
		"bom.txt":  append([]byte("\xef\xbb\xbf"), strings.Replace(text, "bis", "bom", 1)...),
		"nfd.txt":  []byte(strings.ReplaceAll(strings.Replace(text, "bis", "nfd", 1), "é", "e\u0301")),
		"latin1.txt": func() []byte {
			b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(strings.Replace(text, "bis", "latin", 1)))
			return b
		}(),
	}
	for name, data := range variants {
		if err := os.WriteFile(filepath.Join(root, "content", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := func(drop bool) (string, *Builder) {
		out := filepath.Join(t.TempDir(), "public")
		b := NewBuilder(Options{Source: root, Output: out, Now: "2025-08-15", Theme: postes.Theme})
		if drop {
			b.once, b.dropOver = true, 0
		}
		if _, err := b.Build(); err != nil {
			t.Fatal(err)
		}
		return out, b
	}
	dropped, b := build(true)
	plain, other := 0, 0
	for _, rf := range b.files {
		if rf.bodyAt > 0 {
			plain++
		} else {
			other++
		}
	}
	if plain == 0 || other < len(variants) {
		t.Fatalf("%d files read again from their body's offset, %d decoded again; want some of each", plain, other)
	}
	kept, _ := build(false)
	sameTrees(t, dropped, kept)

	// A plain file edited after it was read: its page is not rendered
	// from the new bytes.
	b = NewBuilder(Options{Source: root, Output: filepath.Join(t.TempDir(), "public"), Now: "2025-08-15", Theme: postes.Theme})
	b.once, b.dropOver = true, 0
	cfg, err := b.config()
	if err != nil {
		t.Fatal(err)
	}
	_, res, err := b.read(cfg, "", "")
	if err != nil || res == nil {
		t.Fatal(err)
	}
	for _, rf := range b.files {
		if rf.bodyAt == 0 || rf.o == nil {
			continue
		}
		if err := os.WriteFile(rf.file.Abs, append(mustRead(t, rf.file.Abs), "\nAjout."...), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := b.body(rf.o); err == nil || !strings.Contains(err.Error(), "changed during the build") {
			t.Errorf("body of an edited file: %v; want \"changed during the build\"", err)
		}
		break
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestHintsWaitForABuildThatReads: serve's hints name the files changed.
// While config.toml is broken, builds stop before reading any file; the
// files edited and deleted meanwhile are read once it is repaired,
// though the last hint names only config.toml (they were trusted as they
// were, until serve restarted).
func TestHintsWaitForABuildThatReads(t *testing.T) {
	root := copySample(t)
	out := filepath.Join(t.TempDir(), "public")
	b := NewBuilder(Options{Source: root, Output: out, Now: "2025-08-15", Theme: postes.Theme, InPlace: true})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(root, "config.toml")
	good := mustRead(t, cfg)
	writeLater(t, cfg, "titre = \"cassé\"\n"+string(good))
	b.Hint([]string{cfg})
	if _, err := b.Build(); err == nil {
		t.Fatal("a broken config.toml was built")
	}
	p := filepath.Join(root, "content", "secretaire-general-poum.txt")
	writeLater(t, p, strings.Replace(string(mustRead(t, p)), "Lieu de travail : POUM", "Lieu de travail : Tiabet", 1))
	b.Hint([]string{p})
	if _, err := b.Build(); err == nil {
		t.Fatal("a broken config.toml was built")
	}
	gone := filepath.Join(root, "content", "referent-gusp-tours.txt")
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	b.Hint([]string{gone})
	writeLater(t, cfg, string(good))
	b.Hint([]string{cfg})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	cold := filepath.Join(t.TempDir(), "cold")
	if _, err := Run(Options{Source: root, Output: cold, Now: "2025-08-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, out, cold)
}
