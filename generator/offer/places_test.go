package offer

import (
	"testing"

	"postes/generator/content"
)

// TestExtractPlace: where an offer's place comes from when it is not
// plainly written, and what the editor is told.
func TestExtractPlace(t *testing.T) {
	const head = "# Gestionnaire\n\nDate limite de candidature : 15/01/2027\n"
	for _, tt := range []struct {
		name     string
		text     string
		places   map[string]Place
		location string
		town     string // the place filed under, "" for none
		diags    []wantDiag
	}{
		{
			name:  "none_anywhere_is_warned",
			text:  head + "Employeur : Agence régionale de santé\n\n# Missions\n\nInstruire les dossiers.\n",
			diags: []wantDiag{{1, content.Warning, noPlaceMsg}},
		},
		{
			name:     "a_sentence_names_it",
			text:     head + "Employeur : Agence régionale de santé\n\n# Missions\n\nLe poste est basé à Dijon (21), au sein du pôle santé.\n",
			location: "Dijon", town: "Dijon",
			diags: []wantDiag{{8, content.Warning, "filed under Dijon, read from a sentence of the description"}},
		},
		{
			name:     "the_service_line_names_it",
			text:     head + "Employeur : Université de Bourgogne\nStructure d'affectation : UFR Sciences, 9 avenue Alain Savary, 21000 Dijon\n\n# Missions\n\nTexte.\n",
			location: "Dijon", town: "Dijon",
			diags: []wantDiag{{5, content.Warning, "filed under Dijon, the town in the service's line"}},
		},
		{
			name:  "a_region_in_the_employer_name_is_no_town",
			text:  head + "Employeur : Université de Bourgogne\n\n# Missions\n\nTexte.\n",
			diags: []wantDiag{{1, content.Warning, noPlaceMsg}},
		},
		{
			name:     "the_commune_hires_in_its_town",
			text:     head + "Employeur : Mairie de Beaune\n\n# Missions\n\nTexte.\n",
			location: "Beaune", town: "Beaune",
		},
		{
			name:     "the_commune_wins_over_a_sentence",
			text:     head + "Employeur : Mairie de Beaune\n\n# Missions\n\nLe poste est situé à Dijon.\n",
			location: "Beaune", town: "Beaune",
		},
		{
			name:     "the_board_names_the_whole_place",
			text:     head + "Employeur : Province Sud\nLieu de travail : Ville/Nouvelle\n\n# Missions\n\nTexte.\n",
			places:   map[string]Place{PlaceKey("Ville/Nouvelle"): {Town: "Ville/Nouvelle", Department: "988"}},
			location: "Ville/Nouvelle", town: "Ville/Nouvelle",
		},
		{
			name:     "the_board_overrides_the_reference",
			text:     head + "Employeur : Province Sud\nLieu de travail : Nouméa\n\n# Missions\n\nTexte.\n",
			places:   map[string]Place{PlaceKey("Nouméa"): {Town: "Bourail", Department: "988"}},
			location: "Nouméa", town: "Bourail",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src, _ := content.Decode("offre.txt", []byte(tt.text))
			o, diags := ExtractWith(src, Options{Places: tt.places, Near: []string{"988"}})
			if o == nil {
				t.Fatalf("no offer: %v", diags)
			}
			checkDiags(t, "offre.txt", diags, tt.diags)
			town := ""
			if len(o.Places) > 0 {
				town = o.Places[0].Town
			}
			if o.Location != tt.location || town != tt.town {
				t.Errorf("location %q filed under %q; want %q under %q", o.Location, town, tt.location, tt.town)
			}
		})
	}
}

// TestExtractTitleThatIsALabelWord: "# Poste" above the fields is the
// job's title, not a label without its value.
func TestExtractTitleThatIsALabelWord(t *testing.T) {
	for _, title := range []string{"Poste", "Commune", "Contrat", "Grade"} {
		o, diags := extract(t, "offre.txt", "# "+title+"\n\nEmployeur : Mairie de Dijon\nDate limite de candidature : 15/01/2027\n\n# Missions\n\nTexte.\n")
		if o == nil || o.Title != title {
			t.Errorf("# %s: offer %v, diagnostics %v", title, o, diags)
		}
	}
}
