package site

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"postes/generator/offer"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Chargé(e) de l’accueil – Nouméa", "charge-e-de-l-accueil-noumea"},
		{"../../etc/passwd", "etc-passwd"},
		{"Œuvre ÉTÉ 2025", "oeuvre-ete-2025"},
		{"Агент", ""},
		{"3134-25-1264/SR", "3134-25-1264-sr"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in, 80); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Slug("un titre très long qui dépasse largement la limite fixée pour une adresse", 30); got != "un-titre-tres-long-qui-depasse" {
		t.Errorf("long slug cut badly: %q", got)
	}
}

func d(y int, m time.Month, day int) offer.Date { return offer.Date{Year: y, Month: m, Day: day} }

func TestOpenThroughDeadlineDay(t *testing.T) {
	o := &offer.Offer{Source: "a.txt", Title: "Agent", EmployerName: "Mairie de Test", Deadline: d(2025, 8, 29), Posted: d(2025, 8, 1)}
	for _, tt := range []struct {
		today  offer.Date
		closed bool
		left   int
	}{{d(2025, 8, 28), false, 1}, {d(2025, 8, 29), false, 0}, {d(2025, 8, 30), true, 0}} {
		b, _ := New([]*offer.Offer{o}, Options{BaseURL: "https://x.example/", Today: tt.today})
		p := b.Offers[0]
		if p.Closed != tt.closed || p.DaysLeft != tt.left {
			t.Errorf("on %s: closed %v, %d days left; want %v, %d", tt.today, p.Closed, p.DaysLeft, tt.closed, tt.left)
		}
	}
}

func TestEmployersGroupedWhateverTheSpelling(t *testing.T) {
	mk := func(src, emp string) *offer.Offer {
		return &offer.Offer{Source: src, Title: "Poste " + src, EmployerName: emp, Deadline: d(2025, 9, 1)}
	}
	offers := []*offer.Offer{
		mk("a.txt", "Mairie de Nouméa"), mk("b.txt", "MAIRIE DE NOUMEA"), mk("c.txt", "Mairie  de Nouméa"),
		mk("d.txt", "Ville de Nouméa"), mk("e.txt", "Commune de POUM"),
		mk("f.txt", "Ｍａｉｒｉｅ ｄｅ Ｎｏｕｍéａ"), mk("g.txt", "ＭＡＩＲＩＥ DE NOUMEA"),
	}
	b, _ := New(offers, Options{BaseURL: "https://x.example/", Today: d(2025, 8, 1), Aliases: map[string]string{"Ville de Nouméa": "Mairie de Nouméa"}})
	var got []string
	for _, e := range b.Employers {
		got = append(got, e.Name+" "+e.Slug+" "+string(rune('0'+len(e.Offers))))
	}
	want := []string{"Commune de POUM commune-de-poum 1", "Mairie de Nouméa mairie-de-noumea 6"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("employers (-want +got):\n%s", diff)
	}
}

func TestScheduledAndDuplicates(t *testing.T) {
	offers := []*offer.Offer{
		{Source: "a.txt", Title: "Agent", EmployerName: "M", Reference: "R1", Posted: d(2025, 8, 1)},
		{Source: "b.txt", Title: "Agent", EmployerName: "M", Reference: "R1", Posted: d(2025, 8, 1)},
		{Source: "c.txt", Title: "Futur", EmployerName: "M", Posted: d(2025, 9, 1)},
	}
	b, diags := New(offers, Options{BaseURL: "https://x.example/", Today: d(2025, 8, 15)})
	if len(b.Offers) != 2 || len(b.Scheduled) != 1 {
		t.Fatalf("%d published, %d scheduled; want 2 and 1", len(b.Offers), len(b.Scheduled))
	}
	if b.Offers[0].Slug == b.Offers[1].Slug {
		t.Errorf("two offers share the address %s", b.Offers[0].Slug)
	}
	if len(diags) != 2 {
		t.Errorf("want a warning for the shared address and one for the shared reference, got %v", diags)
	}
}

// TestFullWidthEmployerNames: a name typed in full-width letters is the
// same employer, and its address is plain ASCII even when that spelling
// names the group.
func TestFullWidthEmployerNames(t *testing.T) {
	offers := []*offer.Offer{
		{Source: "a.txt", Title: "A", EmployerName: "Ｍａｉｒｉｅ ｄｅ Ｔｅｓｔ"},
		{Source: "b.txt", Title: "B", EmployerName: "Ｍａｉｒｉｅ ｄｅ Ｔｅｓｔ"},
		{Source: "c.txt", Title: "C", EmployerName: "Mairie de Test"},
	}
	b, _ := New(offers, Options{BaseURL: "https://x.example/", Today: d(2025, 8, 1)})
	if len(b.Employers) != 1 {
		t.Fatalf("%d employers, want 1", len(b.Employers))
	}
	if e := b.Employers[0]; e.Slug != "mairie-de-test" || len(e.Offers) != 3 {
		t.Errorf("employer %q at %s with %d offers; want mairie-de-test with 3", e.Name, e.Slug, len(e.Offers))
	}
}

func TestSameAddressNumbering(t *testing.T) {
	var offers []*offer.Offer
	for _, src := range []string{"a.txt", "b.txt", "c.txt", "d.txt"} {
		offers = append(offers, &offer.Offer{Source: src, Title: "Agent", EmployerName: "M"})
	}
	// An address that looks numbered already, taken before its turn.
	offers = append(offers, &offer.Offer{Source: "0.txt", Title: "Agent 3", EmployerName: "M"})
	b, diags := New(offers, Options{BaseURL: "https://x.example/", Today: d(2025, 8, 1)})
	got := map[string]string{}
	for _, p := range b.Offers {
		got[p.Source] = p.Slug
	}
	want := map[string]string{"0.txt": "agent-3", "a.txt": "agent", "b.txt": "agent-2", "c.txt": "agent-4", "d.txt": "agent-5"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("addresses (-want +got):\n%s", diff)
	}
	if len(diags) != 3 {
		t.Errorf("want a warning per renumbered offer, got %v", diags)
	}
}

// TestManySameTitles: 20,000 offers of one title and no reference once
// took 40 s, numbering each from 2; it is linear now. The bound is loose
// (the race detector, a busy machine): the quadratic form needs minutes.
func TestManySameTitles(t *testing.T) {
	const n = 20000
	offers := make([]*offer.Offer, n)
	for i := range offers {
		offers[i] = &offer.Offer{Source: fmt.Sprintf("%05d.txt", i), Title: "Agent d’accueil", EmployerName: fmt.Sprintf("Commune %d", i%3)}
	}
	start := time.Now()
	b, _ := New(offers, Options{BaseURL: "https://x.example/", Today: d(2025, 8, 1)})
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("site.New took %s for %d offers of one title", d, n)
	}
	seen := map[string]bool{}
	for _, p := range b.Offers {
		if seen[p.Slug] {
			t.Fatalf("address %s given twice", p.Slug)
		}
		seen[p.Slug] = true
	}
	if !seen[fmt.Sprintf("agent-d-accueil-%d", n)] {
		t.Errorf("numbering does not reach %d", n)
	}
}
