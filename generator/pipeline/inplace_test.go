package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"postes"
)

// TestInPlaceFailedBuildChangesNothing: serve's output is updated in
// place; a build that fails after writing some files must leave every
// file as it was, and no file of its own beside them.
func TestInPlaceFailedBuildChangesNothing(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/a.txt": goodOffer,
		"content/b.txt": strings.Replace(goodOffer, "Agent d’accueil", "Jardinier", 1),
		// The home page fails while an offer is in Boum.
		"templates/home.html": `{{define "main"}}{{range .Board.Offers}}{{if eq .Offer.Location "Boum"}}{{index .Offer.Grades 9}}{{end}}{{end}}{{end}}`,
	})
	out := filepath.Join(t.TempDir(), "site")
	b := NewBuilder(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme, InPlace: true})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	edited := strings.Replace(goodOffer, "Nevers", "Boum", 1)
	if err := os.WriteFile(filepath.Join(root, "content/a.txt"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content/c.txt"), []byte(strings.Replace(goodOffer, "Agent d’accueil", "Secrétaire", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Build(); err == nil {
		t.Fatal("the build did not fail")
	}
	after := readTree(t, out)
	for p, data := range after {
		if string(before[p]) != string(data) {
			t.Errorf("%s changed or appeared", p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("%s disappeared", p)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "offres", "secretaire")); err == nil {
		t.Errorf("the failed build left the new offer's folder")
	}
}

// TestInPlaceUnknownOutputIsRewrittenWhole: when nothing says what an
// in-place output holds (a commit failed half-way), the next build
// removes what is no longer on the board.
func TestInPlaceUnknownOutputIsRewrittenWhole(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/a.txt": goodOffer,
		"content/b.txt": strings.Replace(goodOffer, "Agent d’accueil", "Jardinier", 1),
	})
	out := filepath.Join(t.TempDir(), "site")
	b := NewBuilder(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme, InPlace: true})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	b.out = nil // a private output keeps no manifest: the Builder's own record is all
	if err := os.Remove(filepath.Join(root, "content/b.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "offres", "jardinier")); err == nil {
		t.Errorf("the deleted offer's page is still there")
	}
	cold := filepath.Join(t.TempDir(), "cold")
	if _, err := Run(Options{Source: root, Output: cold, Now: "2025-03-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	want, got := readTree(t, cold), readTree(t, out)
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s is left over", p)
		}
	}
	for p, data := range want {
		if string(got[p]) != string(data) {
			t.Errorf("%s differs from a cold build", p)
		}
	}
}
