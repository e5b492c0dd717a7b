package site

import (
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
	}
	b, _ := New(offers, Options{BaseURL: "https://x.example/", Today: d(2025, 8, 1), Aliases: map[string]string{"Ville de Nouméa": "Mairie de Nouméa"}})
	var got []string
	for _, e := range b.Employers {
		got = append(got, e.Name+" "+e.Slug+" "+string(rune('0'+len(e.Offers))))
	}
	want := []string{"Commune de POUM commune-de-poum 1", "Mairie de Nouméa mairie-de-noumea 4"}
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
