package site

import (
	"fmt"

	"testing"

	"github.com/google/go-cmp/cmp"

	"postes/generator/content"
	"postes/generator/offer"
)

// facetPaths lists a facet's values as "path label open/closed".
func facetPaths(b *Board, name string) []string {
	var out []string
	for _, v := range b.Facet(name).Values {
		out = append(out, v.Path+" "+v.Label)
	}
	return out
}

// TestTownAddressesDoNotDependOnTheBoard: a town whose name communes of
// several départements bear has an address and a label naming its
// département, whichever of them the board holds; a subscriber's feed
// never switches town when an offer comes or goes.
func TestTownAddressesDoNotDependOnTheBoard(t *testing.T) {
	mk := func(src, town, dept string) *offer.Offer {
		return &offer.Offer{Source: src, Title: "Poste " + src, EmployerName: "E", Deadline: d(2025, 9, 1),
			Places: []offer.Place{{Town: town, Department: dept}}}
	}
	reunion := mk("a.txt", "Saint-Denis", "974")
	seine := mk("b.txt", "Saint-Denis", "93")
	dijon := mk("c.txt", "Dijon", "21")
	for _, tt := range []struct {
		offers []*offer.Offer
		want   []string
	}{
		{[]*offer.Offer{reunion, dijon}, []string{"lieux/dijon/ Dijon", "lieux/saint-denis-974/ Saint-Denis (974)"}},
		{[]*offer.Offer{seine, reunion}, []string{"lieux/saint-denis-93/ Saint-Denis (93)", "lieux/saint-denis-974/ Saint-Denis (974)"}},
		{[]*offer.Offer{seine}, []string{"lieux/saint-denis-93/ Saint-Denis (93)"}},
	} {
		b, _ := New(tt.offers, Options{BaseURL: "https://x.example/", Today: d(2025, 8, 1)})
		if diff := cmp.Diff(tt.want, facetPaths(b, FacetPlaces)); diff != "" {
			t.Errorf("places (-want +got):\n%s", diff)
		}
	}
}

// TestGradeValues: one page per grade whatever its spelling, and none for
// what the grade table could not read as a grade.
func TestGradeValues(t *testing.T) {
	var offers []*offer.Offer
	for i, line := range []string{
		"Rédacteur principal de 1re classe",
		"rédacteurs principaux de 1ère classe",
		"Poste ouvert aux agents de catégorie B",
		"Attaché territorial",
	} {
		x, _ := offer.Extract(srcOf(i, "# Secrétaire\n\nEmployeur : Mairie de Dijon\nGrade : "+line+"\nDate limite de candidature : 01/09/2025\n"))
		if x == nil {
			t.Fatalf("offer %d not read", i)
		}
		offers = append(offers, x)
	}
	b, _ := New(offers, Options{BaseURL: "https://x.example/", Today: d(2025, 8, 1)})
	got := facetPaths(b, FacetGrades)
	want := []string{"grades/attache/ Attaché", "grades/redacteur-principal-de-1re-classe/ Rédacteur principal de 1re classe"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("grades (-want +got):\n%s", diff)
	}
}

func srcOf(i int, text string) *content.Source {
	src, _ := content.Decode(fmt.Sprintf("%d.txt", i), []byte(text))
	return src
}
