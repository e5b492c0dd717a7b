package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"postes"
	"postes/generator/message"
)

// offerJSON reads offres.json of a built board, by source.
func offerJSON(t *testing.T, out string) map[string]map[string]any {
	t.Helper()
	var list []map[string]any
	if err := json.Unmarshal(mustRead(t, filepath.Join(out, "offres.json")), &list); err != nil {
		t.Fatal(err)
	}
	m := map[string]map[string]any{}
	for _, o := range list {
		m[o["source"].(string)] = o
	}
	return m
}

// retitle gives an offer text another title, so that offers of one test
// board have addresses of their own.
func retitle(text, title string) string {
	return "# " + title + text[strings.IndexByte(text, '\n'):]
}

const noEmployer = `# Agent d’accueil

Lieu de travail : Koné
Date de dépôt de l’offre : 01/03/2025
Date limite de candidature : 31/03/2025

# Missions

Accueillir le public.

Candidatures à accueil@test.example.
`

// A board of one employer sets it once: config.toml's [defaults], then a
// folder's _defaults.toml, the nearest winning; the file's own value wins
// over both.
func TestDefaultsCascade(t *testing.T) {
	root := writeSite(t, map[string]string{
		"config.toml":                      "base_url = \"https://emplois.example.org/\"\n[defaults]\nemployer = \"Province Nord\"\nlocation = \"Koné\"\n",
		"content/a.txt":                    retitle(noEmployer, "A"),
		"content/kone/_defaults.toml":      "employer = \"Commune de Koné\"\n",
		"content/kone/b.txt":               retitle(noEmployer, "B"),
		"content/kone/poum/_defaults.toml": "employer = \"Commune de Poum\"\nlocation = \"Poum\"\n",
		"content/kone/poum/c.txt":          retitle(noEmployer, "C"),
		"content/kone/poum/d.txt":          retitle(strings.Replace(noEmployer, "Lieu de travail : Koné", "Employeur : Mairie de Voh\nLieu de travail : Voh", 1), "D"),
	})
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diags) > 0 {
		t.Errorf("diagnostics: %v", res.Diags)
	}
	got := offerJSON(t, out)
	for src, want := range map[string][2]string{
		"a.txt":           {"Province Nord", "Koné"},
		"kone/b.txt":      {"Commune de Koné", "Koné"},
		"kone/poum/c.txt": {"Commune de Poum", "Koné"}, // the file's own location wins
		"kone/poum/d.txt": {"Mairie de Voh", "Voh"},
	} {
		o := got[src]
		if o == nil {
			t.Errorf("%s not published", src)
			continue
		}
		if o["employer"] != want[0] || o["location"] != want[1] {
			t.Errorf("%s: employer %q, location %q; want %q, %q", src, o["employer"], o["location"], want[0], want[1])
		}
	}

	// An edit to a _defaults.toml is seen by the next build of the same
	// Builder, and by a new one through the offers cache.
	if err := os.WriteFile(filepath.Join(root, "content/kone/_defaults.toml"), []byte("employer = \"Ville de Koné\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	if e := offerJSON(t, out)["kone/b.txt"]["employer"]; e != "Ville de Koné" {
		t.Errorf("after editing _defaults.toml, employer = %q", e)
	}
}

func TestDefaultsErrorsNameTheirLine(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/x/_defaults.toml": "employer = \"Mairie\"\nemployeur = \"typo\"\n",
		"content/x/a.txt":          noEmployer,
		"content/y/_defaults.toml": "employer = \n",
		"content/y/b.txt":          noEmployer,
	})
	res, err := Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "p"), Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	msgs := res.Diags.Error()
	for _, want := range []string{
		`content/x/_defaults.toml:2: warning: defaults: unknown key "employeur"`,
		"content/y/_defaults.toml:1: defaults:",
		"content/y/b.txt:1: no employer",
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, msgs)
		}
	}
	if res.Offers != 1 {
		t.Errorf("published %d offers, want 1 (x/a.txt)", res.Offers)
	}
}

func TestConfigDefaultsUnknownKeyIsAnError(t *testing.T) {
	root := writeSite(t, map[string]string{
		"config.toml":   "title = \"x\"\n\n[defaults]\nemployer = \"Mairie\"\nlieu = \"Koné\"\n",
		"content/a.txt": noEmployer,
	})
	_, err := Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "p"), Now: "2025-03-15", Theme: postes.Theme})
	if err == nil || !strings.Contains(err.Error(), `config.toml:5: defaults: unknown key "lieu"`) {
		t.Errorf("err = %v", err)
	}
}

// An offer that states no deadline closes max_open_days after its posting
// date: it leaves the open lists and feeds, and its page says why.
func TestOfferWithoutDeadlineClosesAfterMaxOpenDays(t *testing.T) {
	text := strings.Replace(goodOffer, "Date limite de candidature : 31/03/2025\n", "", 1)
	root := writeSite(t, map[string]string{
		"config.toml":   "base_url = \"https://emplois.example.org/\"\nmax_open_days = 30\n",
		"content/a.txt": text,
	})
	build := func(now string) (string, *Result) {
		out := filepath.Join(t.TempDir(), "p")
		res, err := Run(Options{Source: root, Output: out, Now: now, Theme: postes.Theme})
		if err != nil {
			t.Fatal(err)
		}
		return out, res
	}
	// Posted 1 March, 30 days: open through 31 March.
	out, res := build("2025-03-31")
	if res.Open != 1 {
		t.Errorf("on the last day: %d open, want 1", res.Open)
	}
	if d := res.Diags; len(d) != 1 || !strings.Contains(d[0].Message(message.French), "l’offre ferme 30 jours après sa date de dépôt, le lundi 31 mars 2025") {
		t.Errorf("diagnostics: %v", res.Diags)
	}
	page := string(mustRead(t, filepath.Join(out, "offres/agent-d-accueil/index.html")))
	if !strings.Contains(page, "retirée après le") {
		t.Errorf("the page does not say when the offer is withdrawn:\n%s", page)
	}
	out, res = build("2025-04-01")
	if res.Open != 0 || res.Closed != 1 {
		t.Errorf("the day after: %d open, %d closed; want 0 and 1", res.Open, res.Closed)
	}
	if strings.Contains(string(mustRead(t, filepath.Join(out, "feed.xml"))), "Agent d") {
		t.Errorf("a closed offer is still in the feed")
	}
}

// A _defaults.toml that links out of the site is not read: what it holds
// would be on every page of its folder.
func TestDefaultsLinkOutsideIsNotRead(t *testing.T) {
	root := writeSite(t, map[string]string{
		"config.toml":     "[defaults]\nemployer = \"Province Nord\"\n",
		"content/x/a.txt": noEmployer,
	})
	secret := filepath.Join(t.TempDir(), "secret.toml")
	if err := os.WriteFile(secret, []byte("employer = \"LEAKED\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(root, "content/x/_defaults.toml")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	if msgs := res.Diags.Error(); !strings.Contains(msgs, "content/x/_defaults.toml: symbolic link points outside content/") {
		t.Errorf("diagnostics: %s", msgs)
	}
	if e := offerJSON(t, out)["x/a.txt"]["employer"]; e != "Province Nord" {
		t.Errorf("employer = %q, want the board's default", e)
	}
}

// A default an offer could not use is an error at its line, once, and is
// not used: an offer it leaves without a date is refused as one without.
func TestDefaultValuesAreChecked(t *testing.T) {
	text := strings.Replace(strings.Replace(noEmployer, "Date limite de candidature : 31/03/2025\n", "", 1), "Date de dépôt de l’offre : 01/03/2025\n", "", 1)
	root := writeSite(t, map[string]string{
		"config.toml":              "[defaults]\nemployer = \"Province Nord\"\n",
		"content/x/_defaults.toml": "employer = \"Mairie\"\ndeadline = \"demain\"\ncategory = \"Z\"\n",
		"content/x/a.txt":          text,
		"content/y/_defaults.toml": "posted = 2025-03-01\n",
		"content/y/b.txt":          retitle(text, "B"),
	})
	res, err := Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "p"), Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	msgs := res.Diags.Error()
	for _, want := range []string{
		`content/x/_defaults.toml:2: defaults: Date limite de candidature "demain": cannot read a date`,
		`content/x/_defaults.toml:3: defaults: catégorie "Z"`,
		"content/x/a.txt:1: no deadline and no posting date",
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, msgs)
		}
	}
	if strings.Count(msgs, `"Z"`) != 1 {
		t.Errorf("the bad category is reported more than once:\n%s", msgs)
	}
	if res.Offers != 1 {
		t.Errorf("published %d offers, want 1 (y/b.txt)", res.Offers)
	}
}

// Mistakes in config.toml's [defaults] and [places] stop the build, each
// named at its own line (not at a top-level key of the same name).
func TestConfigTablesErrorsNameTheirLine(t *testing.T) {
	root := writeSite(t, map[string]string{
		"config.toml":   "title = \"x\"\n\n[defaults]\nemployer = 42\ntitle = \"T\"\n\n[places]\n\"Démoville\" = \"999\"\n\"Ailleurs\" = 21\n",
		"content/a.txt": noEmployer,
	})
	_, err := Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "p"), Now: "2025-03-15", Theme: postes.Theme})
	if err == nil {
		t.Fatal("built with a broken config.toml")
	}
	for _, want := range []string{
		"config.toml:4: defaults: employer must be a string, not 42",
		`config.toml:5: defaults: unknown key "title"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "warning") {
		t.Errorf("an error that stops the build is called a warning:\n%v", err)
	}
	root = writeSite(t, map[string]string{
		"config.toml":   "title = \"x\"\n\n[places]\n\"Démoville\" = \"999\"\n\"Ailleurs\" = 21\n\n[grades]\n\"Ingénieur\" = \"Z\"\n",
		"content/a.txt": noEmployer,
	})
	_, err = Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "p"), Now: "2025-03-15", Theme: postes.Theme})
	for _, want := range []string{
		`config.toml:4: [places] "Démoville": "999" is no département or collectivity code`,
		`config.toml:5: [places] "Ailleurs": expected a commune`,
		`config.toml:8: [grades] "Ingénieur": expected a category in quotes`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestBaseURL: base_url is the start of every link of the board; what
// would break them is refused at its line, and a good one gets its slash.
func TestBaseURL(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://emplois.example.org/", true},
		{"https://emplois.example.org", true},
		{"http://localhost:8080/emplois/", true},
		{"https://emplois.example.org/offres%20publiques/", true},
		{"emplois.example.org", false},
		{"ftp://emplois.example.org/", false},
		{"https://jean:secret@emplois.example.org/", false},
		{"https://emplois.example.org/?q=1", false},
		{"https://emplois.example.org/#haut", false},
		{"https://emplois.example.org:99999/", false},
		{"https://emplois.example.org/offres publiques/", false},
		{"https://emplois.example.org/métiers/", false},
		{"https://emplois.example.org:/", false},
		{"https://emplois.example.org/emplois/../", false},
		{"https://emplois.example.org/./emplois/", false},
		{"HTTPS://Emplois.Example.ORG/Offres/", true},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"Emplois\"\nbase_url = \""+tc.url+"\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := LoadConfig(dir)
		switch {
		case tc.ok && err != nil:
			t.Errorf("%s: %v", tc.url, err)
		case tc.ok && !strings.HasSuffix(c.BaseURL, "/"):
			t.Errorf("%s: read as %s, without its final slash", tc.url, c.BaseURL)
		case tc.ok && strings.HasPrefix(tc.url, "HTTPS") && c.BaseURL != "https://emplois.example.org/Offres/":
			t.Errorf("%s: read as %s; want scheme and host in lower case, the path as written", tc.url, c.BaseURL)
		case !tc.ok && (err == nil || !strings.HasPrefix(err.Error(), "config.toml:2: ")):
			t.Errorf("%s: %v, want an error at line 2", tc.url, err)
		}
	}
}
