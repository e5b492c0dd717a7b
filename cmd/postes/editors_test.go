package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runIn runs postes with args and returns its outputs and exit status.
func runIn(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e strings.Builder
	err := run(args, &o, &e)
	var ee exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.code
	case errors.Is(err, errUsage):
		code = 2
	default:
		e.WriteString("postes: " + err.Error() + "\n")
		code = 1
	}
	return o.String(), e.String(), code
}

// TestHelpExitsZero: -h on every command prints its usage and succeeds.
func TestHelpExitsZero(t *testing.T) {
	for _, cmd := range []string{"init", "build", "check", "serve", "new"} {
		for _, h := range []string{"-h", "--help"} {
			out, errOut, code := runIn(t, cmd, h)
			if code != 0 || out == "" {
				t.Errorf("postes %s %s: status %d, stdout %q, stderr %q", cmd, h, code, out, errOut)
			}
		}
	}
	if _, _, code := runIn(t, "build", "--nope"); code != 2 {
		t.Errorf("a wrong flag: status %d, want 2", code)
	}
}

// TestInitThenBuild starts a board from an empty folder as a new user
// would: init, build, check. The board builds without error, its
// examples are open offers in both layouts, and the only warning is the
// missing base_url, which says what it breaks.
func TestInitThenBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "emplois")
	_, errOut, code := runIn(t, "build", "--source", dir)
	if code != 1 || !strings.Contains(errOut, "n’est pas un site postes") || !strings.Contains(errOut, "postes init") {
		t.Errorf("build in a folder that is not a board: status %d, %q", code, errOut)
	}
	// serve too (it said "no such file or directory", or served nothing).
	_, errOut, code = runIn(t, "serve", "--source", dir, "--port", "0")
	if code != 1 || !strings.Contains(errOut, "n’est pas un site postes") {
		t.Errorf("serve in a folder that is not a board: status %d, %q", code, errOut)
	}
	out, errOut, code := runIn(t, "init", dir)
	if code != 0 {
		t.Fatalf("init: status %d\n%s%s", code, out, errOut)
	}
	for _, f := range []string{"config.toml", ".gitignore", ".github/workflows/postes.yml", "content/exemple-agent-accueil.txt", "content/exemple-technicien-espaces-verts.txt"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init wrote no %s", f)
		}
	}
	ignore, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	for _, want := range []string{"/public/", "/.postes/"} {
		if !strings.Contains(string(ignore), want) {
			t.Errorf(".gitignore does not cover %s", want)
		}
	}
	ci, _ := os.ReadFile(filepath.Join(dir, ".github/workflows/postes.yml"))
	for _, want := range []string{"push:", "schedule:", "postes check", "postes build"} {
		if !strings.Contains(string(ci), want) {
			t.Errorf("the CI example lacks %q", want)
		}
	}
	out, errOut, code = runIn(t, "build", "--source", dir)
	if code != 0 {
		t.Fatalf("build: status %d\n%s%s", code, out, errOut)
	}
	if !strings.HasPrefix(out, "2 offres publiées (2 ouvertes, 0 close)") || !strings.Contains(out, "0 erreur, 1 avertissement") {
		t.Errorf("summary: %q", out)
	}
	if !strings.Contains(errOut, "config.toml: avertissement : base_url n’est pas renseignée : les flux RSS, les liens canoniques et le plan du site") {
		t.Errorf("no warning about base_url: %q", errOut)
	}
	for _, page := range []string{"offres/agent-ou-agente-d-accueil-offre-d-exemple-exemple-001/index.html", "offres/technicien-ou-technicienne-des-espaces-verts-offre-d-exemple-exemple-002/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", page)); err != nil {
			t.Errorf("no page %s", page)
		}
	}
	if _, errOut, code = runIn(t, "check", "--source", dir); code != 0 {
		t.Errorf("check: status %d\n%s", code, errOut)
	}
	// init writes nothing over a board.
	if _, errOut, code = runIn(t, "init", dir); code != 1 || !strings.Contains(errOut, "rien n’a été écrit") {
		t.Errorf("init over a board: status %d, %q", code, errOut)
	}
}

// TestNewBuildsAsItIs: the file postes new writes builds as soon as it is
// written, with one warning for what is left to write, the board's
// defaults filled in, and no "Pour postuler" part repeating the page's
// apply box.
func TestNewBuildsAsItIs(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	config := "base_url = \"https://emplois.example.org/\"\n[defaults]\nemployer = \"Commune de Koné\"\nlocation = \"Koné\"\n"
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runIn(t, "new", "--source", dir, "Agent d’accueil")
	if code != 0 {
		t.Fatalf("new: status %d %s", code, errOut)
	}
	path := filepath.Join(dir, "content", "agent-d-accueil.txt")
	if !strings.Contains(out, path) {
		t.Errorf("new does not name the file: %q", out)
	}
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Agent d’accueil\n", "Employeur : Commune de Koné\n", "Lieu de travail : Koné\n", "Date limite de candidature : [à compléter]\n"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the new file lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(string(text), "Pour postuler") {
		t.Errorf("the new file repeats the apply box:\n%s", text)
	}
	out, errOut, code = runIn(t, "build", "--source", dir, "--output", filepath.Join(t.TempDir(), "public"))
	if code != 0 || !strings.HasPrefix(out, "1 offre publiée") {
		t.Fatalf("build: status %d\n%s%s", code, out, errOut)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "content/agent-d-accueil.txt:3: avertissement : à compléter : « Référence »") {
		t.Errorf("want one warning for the placeholders, got:\n%s", errOut)
	}
	if _, errOut, code = runIn(t, "new", "--source", dir, "Agent d’accueil"); code != 1 || !strings.Contains(errOut, "existe déjà") {
		t.Errorf("a second new of one title: status %d, %q", code, errOut)
	}
}

// TestStrictSaysWhyInTheBoardsLanguage: --strict refuses in one plain
// sentence, without a summary that says "published", in English on an
// English board.
func TestStrictSaysWhyInTheBoardsLanguage(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte("language = \"en\"\nbase_url = \"https://jobs.example.org/\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	offer := strings.Replace(serveOffer, "%s", "Koné", 1)
	if err := os.WriteFile(filepath.Join(dir, "content", "a.txt"), []byte(strings.Replace(offer, "Date limite de candidature", "Date limte", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	stdout, errOut, code := runIn(t, "build", "--source", dir, "--output", out, "--strict")
	if code != 1 || stdout != "" {
		t.Errorf("status %d, stdout %q", code, stdout)
	}
	if strings.Contains(errOut, "published (") || !strings.Contains(errOut, "--strict: nothing published, because of the problems above (0 errors, 2 warnings)") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if !strings.Contains(errOut, `content/a.txt:6: warning: unknown label "Date limte": did you mean "Date limite de candidature" (or "Date limite")?`) {
		t.Errorf("the warning is not said in English:\n%s", errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("--strict published %s", out)
	}
}

// TestCheckListsScheduledAndDrafts: check -v shows the offers not
// published today, with when they will be.
func TestCheckListsScheduledAndDrafts(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	base := strings.Replace(serveOffer, "%s", "Koné", 1)
	files := map[string]string{
		"config.toml":           "base_url = \"https://emplois.example.org/\"\n",
		"content/plus-tard.txt": strings.Replace(strings.Replace(base, "01/03/2025", "01/04/2025", 1), "31/03/2025", "30/04/2025", 1),
		"content/brouillon.txt": "+++\ndraft = true\n+++\n" + strings.Replace(base, "Agent d’accueil", "Jardinier", 1),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runIn(t, "check", "--source", dir, "--now", "2025-03-15", "-v")
	if code != 0 {
		t.Fatalf("check: status %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"content/plus-tard.txt (layout a)\n", "status       programmée : publiée le mardi 1er avril 2025\n",
		"content/brouillon.txt (layout a)\n", "status       brouillon (draft = true) : non publiée\n",
		"  deadline     2025-03-31  (line 9)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check -v does not say %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "2 fichiers vérifiés : 0 erreur, 0 avertissement") {
		t.Errorf("summary: %q", errOut)
	}
}
