package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"postes"
)

// writeSite lays out a site from a map of path → content.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, data := range files {
		dst := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const goodOffer = `# Agent d’accueil

Employeur : Commune de Test
Lieu de travail : Nevers
Date de dépôt de l’offre : 01/03/2025
Date limite de candidature : 31/03/2025

# Missions

- Accueillir le public.

Candidatures à accueil@test.example.
`

func TestBadFileIsSkippedAndTheRestBuilds(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/bon.txt":      goodOffer,
		"content/sans-emp.txt": "# Un titre\n\nLieu de travail : Nulle part\n",
		"content/image.txt":    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
	})
	out := filepath.Join(t.TempDir(), "site")
	res, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	if res.Offers != 1 || res.Skipped != 2 {
		t.Errorf("published %d, skipped %d; want 1 and 2", res.Offers, res.Skipped)
	}
	msgs := res.Diags.Error()
	for _, want := range []string{"content/sans-emp.txt:1: no employer", "content/image.txt: binary file"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, msgs)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "offres", "agent-d-accueil", "index.html")); err != nil {
		t.Errorf("the good offer was not published: %v", err)
	}
}

func TestStrictPublishesNothing(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/bon.txt":     goodOffer,
		"content/douteux.txt": strings.Replace(goodOffer, "31/03/2025", "31/02/2025", 1),
	})
	out := filepath.Join(t.TempDir(), "site")
	_, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme, Strict: true})
	if !errors.Is(err, ErrStrict) {
		t.Fatalf("err = %v, want ErrStrict", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("strict build with a warning wrote %s", out)
	}
}

func TestOutputNotMadeByPostesIsNeverReplaced(t *testing.T) {
	root := writeSite(t, map[string]string{"content/bon.txt": goodOffer})
	out := filepath.Join(t.TempDir(), "precious")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(out, "thesis.odt")
	if err := os.WriteFile(keep, []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme})
	if err == nil || !strings.Contains(err.Error(), "no record of building it") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if data, err := os.ReadFile(keep); err != nil || string(data) != "years of work" {
		t.Fatalf("the folder's file was touched: %q, %v", data, err)
	}
}

func TestRebuildReplacesOldPagesAndReusesUnchanged(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/bon.txt":   goodOffer,
		"content/autre.txt": strings.Replace(goodOffer, "Agent d’accueil", "Jardinier", 1),
	})
	out := filepath.Join(t.TempDir(), "site")
	opt := Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme}
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(root, "content", "autre.txt")); err != nil {
		t.Fatal(err)
	}
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "offres", "jardinier")); !os.IsNotExist(err) {
		t.Errorf("the removed offer's page is still there")
	}
	if res.Linked == 0 {
		t.Errorf("no unchanged file was reused (written %d)", res.Written)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".site.postes-tmp-*"))
	if len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

func TestFailedBuildKeepsThePreviousBoard(t *testing.T) {
	root := writeSite(t, map[string]string{"content/bon.txt": goodOffer})
	out := filepath.Join(t.TempDir(), "site")
	opt := Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme}
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	// A broken template makes the next build fail after reading content.
	broken := filepath.Join(root, "templates", "offer.html")
	if err := os.MkdirAll(filepath.Dir(broken), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(broken, []byte(`{{define "main"}}{{.Nope.Field}}{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(opt); err == nil {
		t.Fatal("a build with a broken template succeeded")
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("the previous board changed: %d files, was %d", len(after), len(before))
	}
	for p := range before {
		if string(before[p]) != string(after[p]) {
			t.Errorf("%s changed after a failed build", p)
		}
	}
}

func TestSubPathBaseURL(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/bon.txt": goodOffer,
		"config.toml":     "base_url = \"https://example.org/emplois/\"\n",
	})
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	home := string(files["index.html"])
	if !strings.Contains(home, `href="/emplois/offres/agent-d-accueil/"`) || !strings.Contains(home, `href="/emplois/style.css"`) {
		t.Errorf("home page links do not carry the sub-path:\n%s", home)
	}
	if !strings.Contains(string(files["feed.xml"]), "https://example.org/emplois/offres/agent-d-accueil/") {
		t.Errorf("feed links are not absolute under the sub-path")
	}
}

func TestUnknownConfigKeyIsAnError(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/bon.txt": goodOffer,
		"config.toml":     "title = \"x\"\nbaseUrl = \"https://example.org/\"\n",
	})
	_, err := Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "o"), Theme: postes.Theme})
	if err == nil || !strings.Contains(err.Error(), `config.toml:2: unknown key "baseUrl"`) {
		t.Fatalf("err = %v, want the key and its line", err)
	}
}
