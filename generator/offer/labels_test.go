package offer

import (
	"sort"
	"strings"
	"testing"
)

// TestLookupLabelTable checks that every spelling of the label table resolves
// to its own field, as written and in the variants editors produce.
func TestLookupLabelTable(t *testing.T) {
	for k, want := range labels {
		for _, variant := range []string{
			k,
			k + " :",
			k + "\u00a0:",
			"**" + k + "**",
			"  " + k + "  ",
		} {
			li, ok := lookupLabel(variant)
			if !ok || li.field != want {
				t.Errorf("lookupLabel(%q) = %v, %v; want %v", variant, li.field, ok, want)
			}
		}
	}
}

func TestLookupLabel(t *testing.T) {
	tests := []struct {
		in   string
		want Field
	}{
		{"Référence", FieldReference},
		{"REFERENCE", FieldReference},
		{"Réference", FieldReference},
		{"référence", FieldReference},
		{"Réf.", FieldReference},
		{"Référence de l'offre", FieldReference},
		{"Offre n°", FieldReference},
		{"Corps /Domaine", FieldGrades},
		{"Corps/ Domaine", FieldGrades},
		{"Corps/Domaine", FieldGrades},
		{"Corps ou Cadre d'emploi / Domaine", FieldGrades},
		{"Corps ou Cadre d’emploi / Domaine", FieldGrades},
		{"Corps ou Cadre d’emploi /Domaine", FieldGrades},
		{"CORPS OU CADRE D’EMPLOIS / DOMAINE", FieldGrades},
		{"Grade(s) recherché(s)", FieldGrades},
		{"Grades recherchés", FieldGrades},
		{"**Employeur**", FieldEmployer},
		{"__Employeur__", FieldEmployer},
		{"Employeur :", FieldEmployer},
		{"EMPLOYEUR", FieldEmployer},
		{"Date limite de candidature ", FieldDeadline},
		{"Date limite de candidatures", FieldDeadline},
		{"Date  limite  de candidature", FieldDeadline},
		{"Date\u00a0limite de candidature", FieldDeadline},
		{"Date de dépôt de l'offre", FieldPosted},
		{"DATE DE DEPOT DE L’OFFRE", FieldPosted},
		{"Poste à pourvoir", FieldStart},
		{"Poste a pourvoir le", FieldStart},
		{"Famille de métiers", FieldFamily},
		{"Type d'emploi", FieldContract},
		{"Lieu de travail", FieldLocation},
		{"Durée de résidence exigée pour le recrutement sur titre (1)", FieldExtra},
		{"Durée de résidence exigée", FieldExtra},
		{"Descriptif de l'emploi", FieldSection},
		{"Synthèse de l'offre", FieldHeading},
		{"ﬁlière", FieldFamily}, // ligature pasted from a PDF
	}
	for _, tt := range tests {
		li, ok := lookupLabel(tt.in)
		if !ok || li.field != tt.want {
			t.Errorf("lookupLabel(%q) = %v, %v; want %v", tt.in, li.field, ok, tt.want)
		}
	}
}

func TestLookupLabelUnknown(t *testing.T) {
	for _, in := range []string{
		"", " ", ":", "**", "Restauration collective", "Le poste est passionnant", "Ville de Tours recrute",
		"Référence interne du dossier", "Employeurs associés",
	} {
		if li, ok := lookupLabel(in); ok {
			t.Errorf("lookupLabel(%q) = %v, want unknown", in, li.field)
		}
	}
}

// Keys of the labels map that fold to the same labelKey must agree on the
// field: labelTable is built by ranging over the map, so with two fields the
// winner would change from run to run.
func TestLabelKeysDoNotCollide(t *testing.T) {
	byKey := map[string][]string{}
	for k := range labels {
		byKey[labelKey(k)] = append(byKey[labelKey(k)], k)
	}
	for key, ks := range byKey {
		sort.Strings(ks)
		for _, k := range ks[1:] {
			if labels[k] != labels[ks[0]] {
				t.Errorf("%q (%v) and %q (%v) both fold to %q", ks[0], labels[ks[0]], k, labels[k], key)
			}
		}
	}
	for i, p := range prefixLabels {
		if _, ok := labels[p]; !ok {
			t.Errorf("prefix label %q is not in the label table", p)
		}
		if prefixKeys[i] != labelKey(p) {
			t.Errorf("prefixKeys[%d] = %q, want %q", i, prefixKeys[i], labelKey(p))
		}
	}
	for _, p := range inlineLabels {
		if _, ok := labels[p]; !ok {
			t.Errorf("inline label %q is not in the label table", p)
		}
	}
}

func TestFieldString(t *testing.T) {
	if len(fieldNames) != int(numFields) {
		t.Errorf("fieldNames has %d names for %d fields", len(fieldNames), numFields)
	}
	if FieldDeadline.String() != "deadline" || Field(-1).String() != "?" || numFields.String() != "?" {
		t.Errorf("Field.String: %q %q %q", FieldDeadline, Field(-1), numFields)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"employeur", "employeur"},
		{"Référence", "reference"},
		{"REFERENCE", "reference"},
		{"RÉFÉRENCE", "reference"},
		{"Re\u0301fe\u0301rence", "reference"}, // decomposed accents
		{"d’emploi", "d'emploi"},
		{"d‘emploi", "d'emploi"},
		{"«\u00a0Titre\u00a0»", "\" titre \""},
		{"“Titre”", "\"titre\""},
		{"1ᵉʳ juillet", "1er juillet"},
		{"29\u00a0août\u202f2025", "29 aout 2025"},
		{"a\tb", "a b"},
		{"Œuvre cœur", "oeuvre coeur"},
		{"ÆSOP straße", "aesop strasse"},
		{"ﬁlière", "filiere"},
		{"qualiﬁcation, ﬂexibilité, eﬀort", "qualification, flexibilite, effort"},
		{"N° de l’offre", "no de l'offre"},
		{"Saint–Denis — Nord − Sud", "saint-denis - nord - sud"},
		{"Voir…", "voir..."},
		{"ÇA", "ca"},
		{"Ÿ", "y"},
		{"職位", "職位"},
		{"ВАКАНСИЯ", "вакансия"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitleCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MAIRIE DE TOURS", "Mairie de Tours"},
		{"SAINT-ÉTIENNE MÉTROPOLE", "Saint-Étienne Métropole"},
		{"CCAS DE BREST", "CCAS de Brest"},
		{"Commune de POUM", "Commune de POUM"},
		{"Mairie de Nouméa", "Mairie de Nouméa"},
		{"COMMUNAUTÉ D'AGGLOMÉRATION DU PAYS DE DREUX", "Communauté d'Agglomération du Pays de Dreux"},
		{"MAIRIE D’AUXERRE", "Mairie d’Auxerre"},
		{"L'HAŸ-LES-ROSES", "L'Haÿ-les-Roses"},
		{"LA ROCHELLE", "La Rochelle"},
		{"MAIRIE DE  TOURS ", "Mairie de Tours"},
		{"SDIS DU NORD", "SDIS du Nord"},
		{"CENTRE COMMUNAL D'ACTION SOCIALE (CCAS)", "Centre Communal d'Action Sociale (CCAS)"},
		{"SYNDICAT MIXTE (SIVOM) DE LA VALLÉE", "Syndicat Mixte (SIVOM) de la Vallée"},
		{"MAIRIE DE TOURS, CEDEX 9", "Mairie de Tours, Cedex 9"},
		{"CONSEIL DÉPARTEMENTAL (VAR)", "Conseil Départemental (Var)"},
		{"MAIRIE DU 2E ARRONDISSEMENT", "Mairie du 2e Arrondissement"},
		{"A", "A"},
		{"", ""},
		{"37926", "37926"},
	}
	for _, tt := range tests {
		if got := TitleCase(tt.in); got != tt.want {
			t.Errorf("TitleCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsUpper(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"PROVINCE SUD", true},
		{"MAIRIE DE TOURS", true},
		{"SAINT-ÉTIENNE", true},
		{"Commune de POUM", false},
		{"A", false}, // a single letter is not a heading in capitals
		{"37926", false},
		{"", false},
		{"CCAS 2025", true},
	}
	for _, tt := range tests {
		if got := IsUpper(tt.in); got != tt.want {
			t.Errorf("IsUpper(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestInlineLabelsFitTheFoldedHead: classify folds only the first
// maxInlineHead bytes of a long line to find an inline label there.
func TestInlineLabelsFitTheFoldedHead(t *testing.T) {
	for _, l := range inlineLabels {
		if len("**"+l+"** : ") >= maxInlineHead {
			t.Errorf("inline label %q is too long for maxInlineHead (%d)", l, maxInlineHead)
		}
	}
	long := "Publiée le 28/02/2024 " + strings.Repeat("et un long texte qui suit sur la même ligne ", 5)
	if l := classify(long, 1); !l.known || l.li.field != FieldPosted {
		t.Errorf("inline label not found at the start of a long line: %+v", l)
	}
}
