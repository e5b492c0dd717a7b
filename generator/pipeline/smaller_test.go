package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"postes"
)

// TestMissingSiteNamesContent: a wrong --source says what a site is.
func TestMissingSiteNamesContent(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nonexistent")
	for _, run := range []func() error{
		func() error {
			_, err := Run(Options{Source: missing, Output: filepath.Join(t.TempDir(), "o"), Theme: postes.Theme})
			return err
		},
		func() error { _, _, err := Check(Options{Source: missing}); return err },
	} {
		err := run()
		if err == nil || !strings.Contains(err.Error(), "no content/ folder in "+missing+": a site holds config.toml and content/") {
			t.Errorf("err = %v, want it to name content/", err)
		}
	}
}

// TestThemeFolderThatIsAFileIsAnError: a file named templates (or static)
// where a folder is expected is not silently taken as no theme.
func TestThemeFolderThatIsAFileIsAnError(t *testing.T) {
	for _, name := range []string{"templates", "static"} {
		t.Run(name, func(t *testing.T) {
			root := writeSite(t, map[string]string{"content/bon.txt": goodOffer, name: "oops\n"})
			out := filepath.Join(t.TempDir(), "public")
			res, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme})
			msg := ""
			if err != nil {
				msg = err.Error()
			}
			if res != nil {
				msg += res.Diags.Error()
			}
			if !strings.Contains(msg, name+": a file, expected a folder") {
				t.Errorf("got %q, want %q named as a file", msg, name)
			}
			if _, err := os.Stat(filepath.Join(out, "offres", "agent-d-accueil", "index.html")); err == nil {
				if home, _ := os.ReadFile(filepath.Join(out, "index.html")); len(home) == 0 {
					t.Errorf("the home page is empty")
				}
			}
		})
	}
}

// TestBaseURLWithSpaceIsRefused: a URL with a space is not a URL a feed
// reader can follow.
func TestBaseURLWithSpaceIsRefused(t *testing.T) {
	for _, u := range []string{"https://example.org/mes emplois/", "https://example.org/\templois/", "https://exa mple.org/"} {
		root := writeSite(t, map[string]string{"content/bon.txt": goodOffer, "config.toml": "base_url = \"" + strings.ReplaceAll(u, "\t", `\t`) + "\"\n"})
		_, err := Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "o"), Theme: postes.Theme})
		if err == nil || !strings.Contains(err.Error(), "base_url") {
			t.Errorf("base_url %q: err = %v, want a refusal", u, err)
		}
	}
}

// TestHugeOfferReportsItsSize: the size said is the file's, not the
// number of bytes postes read before giving up.
func TestHugeOfferReportsItsSize(t *testing.T) {
	root := writeSite(t, map[string]string{"content/bon.txt": goodOffer})
	f, err := os.Create(filepath.Join(root, "content", "export.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(282066944); err != nil { // 269 MB, sparse
		t.Skip(err)
	}
	f.Close()
	res, err := Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "o"), Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	if msgs := res.Diags.Error(); !strings.Contains(msgs, "content/export.txt: file is 269 MB") {
		t.Errorf("diagnostics: %s", msgs)
	}
}
