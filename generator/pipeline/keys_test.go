package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"postes"
	"postes/generator/publish"
)

// rebuildEqualsCold builds the site, lets change alter it, builds again
// into the same output and compares with a cold build of the result.
func rebuildEqualsCold(t *testing.T, root string, change func()) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	opt := Options{Source: root, Output: out, Now: "2025-08-15", Theme: postes.Theme}
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	change()
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	cold := filepath.Join(t.TempDir(), "cold")
	if _, err := Run(Options{Source: root, Output: cold, Now: "2025-08-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, out, cold)
}

// TestCustomThemeReadingTheBoardEqualsCold: a theme may show on every
// offer page what only the whole board knows (here, how many offers are
// open); closing one offer must change every such page.
func TestCustomThemeReadingTheBoardEqualsCold(t *testing.T) {
	root := copySample(t)
	def, err := fs.ReadFile(postes.Theme, "templates/offer.html")
	if err != nil {
		t.Fatal(err)
	}
	custom := strings.Replace(string(def), `{{define "main" -}}`, `{{define "main" -}}<p class="count">{{len .Board.Open}} offres ouvertes, {{.Offer.Employer.Open}} chez cet employeur</p>`, 1)
	if custom == string(def) {
		t.Fatal("the default offer template changed: adapt the test")
	}
	if err := os.MkdirAll(filepath.Join(root, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "templates", "offer.html"), []byte(custom), 0o644); err != nil {
		t.Fatal(err)
	}
	rebuildEqualsCold(t, root, func() {
		// Close one open offer: its deadline moves into the past.
		p := filepath.Join(root, "content", "referent-de-secteur-noumea.txt")
		data := mustRead(t, p)
		edited := strings.Replace(string(data), "Date limite de candidature : Vendredi 29 août 2025", "Date limite de candidature : Vendredi 1 août 2025", 1)
		if edited == string(data) {
			t.Fatal("the sample offer changed: adapt the test")
		}
		writeLater(t, p, edited)
	})
}

// TestRenamedOfferEqualsCold: offres.json names each offer's file; moving
// a file without changing it must show in it.
func TestRenamedOfferEqualsCold(t *testing.T) {
	root := copySample(t)
	rebuildEqualsCold(t, root, func() {
		c := filepath.Join(root, "content")
		if err := os.Rename(filepath.Join(c, "secretaire-general-poum.txt"), filepath.Join(c, "exemples", "poum.txt")); err != nil {
			t.Fatal(err)
		}
	})
}

// TestRestoredFileWithOldTimeEqualsCold: a file put back with its old
// modification time and size (cp -p, tar x, rsync -a) is read again.
func TestRestoredFileWithOldTimeEqualsCold(t *testing.T) {
	for _, how := range []string{"in_place", "new_file"} {
		t.Run(how, func(t *testing.T) {
			root := copySample(t)
			p := filepath.Join(root, "content", "secretaire-general-poum.txt")
			old := time.Now().Add(-48 * time.Hour).Truncate(time.Second)
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
			rebuildEqualsCold(t, root, func() {
				data := mustRead(t, p)
				// Same size, other text: "POUM" → "KONE".
				edited := strings.Replace(string(data), "Lieu de travail : POUM", "Lieu de travail : KONE", 1)
				if len(edited) != len(data) || edited == string(data) {
					t.Fatal("the sample offer changed: adapt the test")
				}
				target := p
				if how == "new_file" {
					target = p + ".restored" // then renamed over the old one, as tar and rsync do
				}
				if err := os.WriteFile(target, []byte(edited), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.Chtimes(target, old, old); err != nil {
					t.Fatal(err)
				}
				if target != p {
					if err := os.Rename(target, p); err != nil {
						t.Fatal(err)
					}
				}
			})
		})
	}
}

// writeLater writes a file and dates it two seconds ahead, so that a new
// time shows even on file systems with coarse clocks.
func writeLater(t *testing.T, p, text string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
}

// TestEditWithinOneTickIsReadAgain: a file edited in the clock tick it was
// read in keeps its stamp (same size, same times). The offers cache then
// cannot tell the versions apart, so a stamp taken too soon after the
// file's last change is not trusted: the next build reads the file again.
// The test forges such a cache, since no test can time an edit to a tick.
func TestEditWithinOneTickIsReadAgain(t *testing.T) {
	for _, tc := range []struct {
		name    string
		settled bool // the forged stamp was taken long after the change
	}{{"racy", false}, {"settled", true}} {
		t.Run(tc.name, func(t *testing.T) {
			root := copySample(t)
			out := filepath.Join(t.TempDir(), "public")
			opt := Options{Source: root, Output: out, Now: "2025-08-15", Theme: postes.Theme}
			if _, err := Run(opt); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(root, "content", "secretaire-general-poum.txt")
			data := mustRead(t, p)
			if err := os.WriteFile(p, []byte(strings.Replace(string(data), "Lieu de travail : POUM", "Lieu de travail : KONE", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			st, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			// The cache claims it read the file as it is now (same stamp),
			// just after its last change, or long after.
			cache := filepath.Join(stateOf(t, root, out), offersName)
			h, files, err := readOffers(cache, 1<<30)
			if err != nil {
				t.Fatal(err)
			}
			forged := false
			for i := range files {
				cf := &files[i]
				if cf.Path == "content/secretaire-general-poum.txt" {
					cf.Stamp = publish.StampOf(st)
					seen := time.Unix(0, max(cf.Stamp.Mod, cf.Stamp.Ctime)).Add(time.Millisecond)
					if tc.settled {
						seen = seen.Add(time.Hour)
					}
					cf.Seen = seen.UnixNano()
					forged = true
				}
			}
			if !forged {
				t.Fatal("the offer is not in the cache")
			}
			err = writeOffers(cache, h, func(put func(*cachedFile) error) error {
				for i := range files {
					if err := put(&files[i]); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}

			b := NewBuilder(opt)
			b.once, b.dropOver = true, keepBodiesUpTo
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
			rf := b.files["content/secretaire-general-poum.txt"]
			if rf == nil || rf.o == nil {
				t.Fatal("the offer was not read")
			}
			if tc.settled {
				// What the cache says is trusted: the stamp alone cannot
				// tell, which is why a racy stamp is never trusted.
				if !rf.bodyless {
					t.Errorf("a settled stamp was not trusted")
				}
				return
			}
			if rf.bodyless || rf.o.Location != "KONE" {
				t.Errorf("the file was not read again: location %q", rf.o.Location)
			}
			cold := filepath.Join(t.TempDir(), "cold")
			if _, err := Run(Options{Source: root, Output: cold, Now: "2025-08-15", Theme: postes.Theme}); err != nil {
				t.Fatal(err)
			}
			sameTrees(t, out, cold)
		})
	}
}

// stateOf is the state folder of builds of the site root into out.
func stateOf(t *testing.T, root, out string) string {
	t.Helper()
	st, _ := stateDir(root, mustResolve(t, out))
	return st
}

func mustResolve(t *testing.T, p string) string {
	t.Helper()
	r, err := publish.Resolve(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
