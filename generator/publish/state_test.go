package publish

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/google/go-cmp/cmp"
)

// TestNothingOfPostesIsPublished: what publishing remembers lives in the
// state folder; the output and the folder around it hold the board and
// nothing else, after a first build, a second, and an unchanged third.
func TestNothingOfPostesIsPublished(t *testing.T) {
	parent := t.TempDir()
	final := filepath.Join(parent, "public")
	opt := Options{State: filepath.Join(t.TempDir(), "state")}
	for i, files := range []map[string]string{first, second, second} {
		board(t, final, opt, files)
		if diff := cmp.Diff(files, tree(t, final)); diff != "" {
			t.Errorf("build %d: the output holds more than the board (-want +got):\n%s", i+1, diff)
		}
		around, _ := os.ReadDir(parent)
		if len(around) != 1 {
			var names []string
			for _, e := range around {
				names = append(names, e.Name())
			}
			t.Errorf("build %d: beside the output: %v", i+1, names)
		}
	}
	for _, name := range []string{recordName, manifestName} {
		if _, err := os.Stat(filepath.Join(opt.State, name)); err != nil {
			t.Errorf("the state folder lacks %s: %v", name, err)
		}
	}
}

// TestOnlyARecordedFolderIsReplaced: without a marker in the output, a
// folder that is not empty is replaced only if the state's record names
// it, and it is still the folder swapped in; or if it is a board of postes
// 0.3 (its marker), which the next board drops.
func TestOnlyARecordedFolderIsReplaced(t *testing.T) {
	fill := func(t *testing.T, dir string, files map[string]string) {
		t.Helper()
		for rel, data := range files {
			p := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	notes := map[string]string{"notes.txt": "the editor's notes"}
	for _, tc := range []struct {
		name    string
		prepare func(t *testing.T, final string, opt Options)
		ok      bool
	}{
		{"empty", func(t *testing.T, final string, opt Options) { os.Mkdir(final, 0o755) }, true},
		{"unknown_folder", func(t *testing.T, final string, opt Options) { fill(t, final, notes) }, false},
		{"recorded", func(t *testing.T, final string, opt Options) { board(t, final, opt, first) }, true},
		{"recorded_then_replaced_by_hand", func(t *testing.T, final string, opt Options) {
			board(t, final, opt, first)
			// Moved away before the new folder is made: a folder removed
			// first may leave its inode number to the next one.
			if err := os.Rename(final, final+".old"); err != nil {
				t.Fatal(err)
			}
			fill(t, final, notes)
			if err := os.RemoveAll(final + ".old"); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"recorded_then_swapped_by_another_user", func(t *testing.T, final string, opt Options) {
			// Another user's build of the site swapped in its board,
			// which this user's record cannot know: the same names.
			board(t, final, opt, first)
			if err := os.Rename(final, final+".old"); err != nil {
				t.Fatal(err)
			}
			fill(t, final, map[string]string{"index.html": "x", "offres/z/index.html": "z"})
			if err := os.RemoveAll(final + ".old"); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"recorded_for_another_folder", func(t *testing.T, final string, opt Options) {
			other := filepath.Join(t.TempDir(), "public")
			board(t, other, opt, first)
			fill(t, final, notes)
		}, false},
		{"state_lost", func(t *testing.T, final string, opt Options) {
			board(t, final, opt, first)
			if err := os.RemoveAll(opt.State); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"board_of_postes_0.3", func(t *testing.T, final string, opt Options) {
			fill(t, final, map[string]string{"index.html": "old", LegacyMarker: "postes\n"})
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			final := filepath.Join(t.TempDir(), "public")
			opt := Options{State: filepath.Join(t.TempDir(), "state")}
			tc.prepare(t, final, opt)
			before := tree(t, final)
			o, err := Open(final, opt)
			if !tc.ok {
				if err == nil || !strings.Contains(err.Error(), "no record of building it") {
					t.Errorf("err = %v, want a refusal", err)
				}
				if diff := cmp.Diff(before, tree(t, final)); diff != "" {
					t.Errorf("the folder changed (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			o.Abort()
			board(t, final, opt, second)
			if diff := cmp.Diff(second, tree(t, final)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestKnownAcrossAKilledSwap: the record names both boards while the
// swap is under way, so a build killed before or after it leaves an
// output the next build knows.
func TestKnownAcrossAKilledSwap(t *testing.T) {
	final := filepath.Join(t.TempDir(), "public")
	opt := Options{State: t.TempDir()}
	board(t, final, opt, first)
	o, err := Open(final, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Write("index.html", 1, []byte("x")); err != nil {
		t.Fatal(err)
	}
	next, _ := identity(o.stage)
	cur, _ := identity(final)
	if err := o.writeRecord(next, cur); err != nil {
		t.Fatal(err)
	}
	if !Knows(final, opt.State) {
		t.Errorf("killed before the swap: the old board is not known")
	}
	if err := exchange(o.stage, final); err != nil {
		t.Skip("no atomic exchange here:", err)
	}
	if !Knows(final, opt.State) {
		t.Errorf("killed after the swap: the new board is not known")
	}
	o.Abort()
}

// TestChangesListWhatASyncMustSend: written are the files whose content
// is new, removed the old board's files the new one lacks; files written
// again with the same content, and files kept, are in neither; and so
// they keep their inode and time.
func TestChangesListWhatASyncMustSend(t *testing.T) {
	for _, inPlace := range []bool{false, true} {
		name := "swapped"
		if inPlace {
			name = "in_place"
		}
		t.Run(name, func(t *testing.T) {
			final := filepath.Join(t.TempDir(), "public")
			opt := Options{State: t.TempDir()}
			if inPlace {
				opt.ops = ops{device: func(p string) (uint64, bool) {
					if p == final {
						return 2, true
					}
					return 1, true
				}, rename: os.Rename, exchange: exchange}
			}
			o := board(t, final, opt, first)
			w, r := o.Changes()
			if want := sortedKeys(first); !cmp.Equal(w, want) || len(r) != 0 {
				t.Errorf("first build: written %v, removed %v; want %v, none", w, r, want)
			}
			stamps := map[string]uint64{}
			for rel := range first {
				stamps[rel] = inode(t, filepath.Join(final, filepath.FromSlash(rel)))
			}
			// A new key for every file, the same content for those two:
			// rendered again, identical, and not written.
			o, err := Open(final, opt)
			if err != nil {
				t.Fatal(err)
			}
			for rel, data := range second {
				if err := o.Write(rel, uint64(len(data))+100, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			if err := o.Commit(); err != nil {
				t.Fatal(err)
			}
			w, r = o.Changes()
			if diff := cmp.Diff([]string{"index.html", "offres/c/index.html"}, w); diff != "" {
				t.Errorf("written (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"offres/b/index.html"}, r); diff != "" {
				t.Errorf("removed (-want +got):\n%s", diff)
			}
			for _, rel := range []string{"offres/a/index.html", "style.css"} {
				if inode(t, filepath.Join(final, filepath.FromSlash(rel))) != stamps[rel] {
					t.Errorf("%s: same content, but a new file", rel)
				}
			}
			o = board(t, final, opt, second)
			if w, r := o.Changes(); len(w)+len(r) != 0 {
				t.Errorf("nothing changed: written %v, removed %v", w, r)
			}
		})
	}
}

// TestLegacyMarkerIsRemovedAndSaid: a board of postes 0.3 holds its
// marker; the next board drops it, and the changes say so, for the sync
// to delete it on the host.
func TestLegacyMarkerIsRemovedAndSaid(t *testing.T) {
	parent := t.TempDir()
	final := filepath.Join(parent, "public")
	if err := os.MkdirAll(final, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"public/index.html": "accueil", "public/" + LegacyMarker: "postes\n", ".public" + LegacyCacheSuffix: "{}"} {
		if err := os.WriteFile(filepath.Join(parent, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o := board(t, final, Options{State: t.TempDir()}, first)
	if _, r := o.Changes(); !cmp.Equal(r, []string{LegacyMarker}) {
		t.Errorf("removed %v, want the marker", r)
	}
	if diff := cmp.Diff(first, tree(t, final)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(parent, ".public"+LegacyCacheSuffix)); !os.IsNotExist(err) {
		t.Errorf("the old manifest beside the output is still there: %v", err)
	}
}

// TestPrecompressedTwins: compressible files get .gz and .br twins of the
// same content; a file kept keeps its twins; a twin removed by hand is
// made again from its file, which is not written again; switched off,
// the twins go.
func TestPrecompressedTwins(t *testing.T) {
	final := filepath.Join(t.TempDir(), "public")
	opt := Options{State: t.TempDir(), Precompress: true}
	files := map[string]string{"index.html": strings.Repeat("accueil ", 50), "style.css": "body{}", "favicon.png": "PNG", "offres.json": "[]"}
	o := board(t, final, opt, files)
	got := tree(t, final)
	for rel, data := range files {
		if rel == "favicon.png" {
			if _, ok := got[rel+".gz"]; ok {
				t.Errorf("%s: an image was compressed", rel)
			}
			continue
		}
		if s := gunzip(t, got[rel+".gz"]); s != data {
			t.Errorf("%s.gz: %q", rel, s)
		}
		if s := unbrotli(t, got[rel+".br"]); s != data {
			t.Errorf("%s.br: %q", rel, s)
		}
	}
	if w, _ := o.Changes(); len(w) != 10 {
		t.Errorf("written %v, want 4 files and 6 twins", w)
	}
	ino := inode(t, filepath.Join(final, "index.html.br"))
	o = board(t, final, opt, files)
	if w, r := o.Changes(); len(w)+len(r) != 0 || inode(t, filepath.Join(final, "index.html.br")) != ino {
		t.Errorf("nothing changed: written %v, removed %v", w, r)
	}

	if err := os.Remove(filepath.Join(final, "index.html.gz")); err != nil {
		t.Fatal(err)
	}
	main := inode(t, filepath.Join(final, "index.html"))
	o = board(t, final, opt, files)
	if w, _ := o.Changes(); !cmp.Equal(w, []string{"index.html.gz"}) {
		t.Errorf("written %v, want the lost twin only", w)
	}
	if inode(t, filepath.Join(final, "index.html")) != main {
		t.Errorf("the file was written again for its twin")
	}
	if s := gunzip(t, tree(t, final)["index.html.gz"]); s != files["index.html"] {
		t.Errorf("index.html.gz made again: %q", s)
	}

	opt.Precompress = false
	o = board(t, final, opt, files)
	if diff := cmp.Diff(files, tree(t, final)); diff != "" {
		t.Errorf("twins left (-want +got):\n%s", diff)
	}
	if _, r := o.Changes(); len(r) != 6 {
		t.Errorf("removed %v, want the 6 twins", r)
	}
}

func gunzip(t *testing.T, s string) string {
	t.Helper()
	r, err := gzip.NewReader(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func unbrotli(t *testing.T, s string) string {
	t.Helper()
	data, err := io.ReadAll(brotli.NewReader(bytes.NewReader([]byte(s))))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
