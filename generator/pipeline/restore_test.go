package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"postes"
)

// TestOutputFilesAreRestored: a file of the output deleted or edited by
// hand is not trusted because the cache says it was written: the next
// build, changed or not, gives the cold build's board.
func TestOutputFilesAreRestored(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, out string)
		edit   bool // also change one offer
	}{
		{"home_removed", func(t *testing.T, out string) { mustRemove(t, filepath.Join(out, "index.html")) }, false},
		{"style_edited", func(t *testing.T, out string) {
			p := filepath.Join(out, "style.css")
			if err := os.WriteFile(p, append(mustRead(t, p), "body{display:none}"...), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"style_edited_same_size", func(t *testing.T, out string) {
			// An edit that keeps the size and the time: only the inode says.
			p := filepath.Join(out, "style.css")
			st, _ := os.Stat(p)
			data := mustRead(t, p)
			data[0] ^= 1
			tmp := p + ".tmp"
			if err := os.WriteFile(tmp, data, 0o644); err != nil {
				t.Fatal(err)
			}
			_ = os.Chtimes(tmp, st.ModTime(), st.ModTime())
			if err := os.Rename(tmp, p); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"pages_removed_and_one_offer_changed", func(t *testing.T, out string) {
			pages, _ := filepath.Glob(filepath.Join(out, "offres", "*", "index.html"))
			for _, p := range pages {
				if !strings.Contains(p, "secretaire-general") {
					mustRemove(t, p)
				}
			}
			mustRemove(t, filepath.Join(out, "index.html"))
			mustRemove(t, filepath.Join(out, "feed.xml"))
		}, true},
		{"folder_removed_and_one_offer_changed", func(t *testing.T, out string) {
			if err := os.RemoveAll(filepath.Join(out, "employeurs")); err != nil {
				t.Fatal(err)
			}
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := copySample(t)
			out := filepath.Join(t.TempDir(), "public")
			opt := Options{Source: root, Output: out, Now: "2025-08-15", Theme: postes.Theme}
			if _, err := Run(opt); err != nil {
				t.Fatal(err)
			}
			tc.damage(t, out)
			if tc.edit {
				p := filepath.Join(root, "content", "secretaire-general-poum.txt")
				data := mustRead(t, p)
				if err := os.WriteFile(p, []byte(strings.Replace(string(data), "# Missions", "# Missions principales", 1)), 0o644); err != nil {
					t.Fatal(err)
				}
				later := time.Now().Add(2 * time.Second)
				_ = os.Chtimes(p, later, later)
			}
			if _, err := Run(opt); err != nil {
				t.Fatalf("rebuild: %v", err)
			}
			cold := filepath.Join(t.TempDir(), "cold")
			if _, err := Run(Options{Source: root, Output: cold, Now: "2025-08-15", Theme: postes.Theme}); err != nil {
				t.Fatal(err)
			}
			sameTrees(t, out, cold)
		})
	}
}

func mustRemove(t *testing.T, p string) {
	t.Helper()
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
}
