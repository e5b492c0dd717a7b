package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"postes"
	"postes/generator/content"
	"postes/generator/message"
	"postes/generator/offer"
)

// TestKeepLastGood: a Builder told KeepLastGood (serve's) publishes, for a
// file that now has an error, the offer its last good version made, and
// says so in Result.Stale; the error is still reported. Fixed, the file's
// new version is published.
func TestKeepLastGood(t *testing.T) {
	root := writeSite(t, map[string]string{
		"config.toml":   "base_url = \"https://emplois.example.org/\"\n",
		"content/a.txt": goodOffer,
		"content/b.txt": strings.Replace(goodOffer, "Agent d’accueil", "Jardinier", 1),
	})
	out := filepath.Join(t.TempDir(), "public")
	b := NewBuilder(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme, InPlace: true, KeepLastGood: true})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(strings.Replace(goodOffer, "Employeur : Commune de Test\n", "", 1), "Nevers", "Dijon", 1)
	if err := os.WriteFile(filepath.Join(root, "content", "a.txt"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content", "b.txt"), []byte(strings.Replace(goodOffer, "Agent d’accueil", "Jardinier en chef", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	b.Hint(nil)
	res, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Stale) != 1 || res.Stale[0] != "content/a.txt" || !res.Diags.HasErrors() || res.Offers != 2 {
		t.Errorf("stale %v, errors %v, %d offers; want content/a.txt kept, its error said, 2 offers", res.Stale, res.Diags.HasErrors(), res.Offers)
	}
	page, err := os.ReadFile(filepath.Join(out, "offres", "agent-d-accueil", "index.html"))
	if err != nil || !strings.Contains(string(page), "Nevers") {
		t.Errorf("the last good page is not kept: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "offres", "jardinier-en-chef", "index.html")); err != nil {
		t.Errorf("the other file's edit was not published: %v", err)
	}
	if res.Pages["content/a.txt"] != "offres/agent-d-accueil/" {
		t.Errorf("Pages = %v", res.Pages)
	}
	// Without KeepLastGood (build), the broken file is skipped.
	res, err = Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "p"), Now: "2025-03-15", Theme: postes.Theme})
	if err != nil || len(res.Stale) != 0 || res.Offers != 1 {
		t.Errorf("a one-shot build kept a broken file: %v, stale %v, %d offers", err, res.Stale, res.Offers)
	}
}

// TestDeletedFileIsForgotten: a file listed, then deleted before it is
// read, is no problem of the board ("cannot read: no such file").
func TestDeletedFileIsForgotten(t *testing.T) {
	b := NewBuilder(Options{})
	rf := b.readOne(content.File{Path: "content/parti.txt", Abs: filepath.Join(t.TempDir(), "parti.txt")}, offer.Options{}, 0)
	if !rf.gone || len(rf.diags) != 0 {
		t.Errorf("gone %v, diags %v; want gone and nothing said", rf.gone, rf.diags)
	}
}

// TestSummaryInTheBoardsLanguage: plurals right in both languages.
func TestSummaryInTheBoardsLanguage(t *testing.T) {
	var diags content.List
	diags.Say(content.Pos{Path: "content/a.txt", Line: 1}, content.Warning, message.EmptyBody)
	r := &Result{Offers: 1, Open: 1, Diags: diags, Output: "public"}
	r.Lang = message.French
	if got := r.Summary(); !strings.HasPrefix(got, "1 offre publiée (1 ouverte, 0 close), 0 programmée, 0 fichier ignoré, 0 brouillon, 0 erreur, 1 avertissement en 0s → public") {
		t.Errorf("French: %q", got)
	}
	r.Lang = message.English
	if got := r.Summary(); !strings.HasPrefix(got, "1 offer published (1 open, 0 closed), 0 scheduled, 0 skipped, 0 drafts, 0 errors, 1 warning in 0s → public") {
		t.Errorf("English: %q", got)
	}
}
