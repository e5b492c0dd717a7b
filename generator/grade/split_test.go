package grade

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// got is what a test compares of a Grade: its name and specialty as
// written, and what the table says of it ("" when not known).
type got struct {
	Name, Specialty            string
	Cadre, Grade, Cat, Service string
}

func project(gs []Grade) []got {
	var out []got
	for _, g := range gs {
		x := got{Name: g.Name, Specialty: g.Specialty}
		if g.Known != nil {
			x.Cadre, x.Grade, x.Cat, x.Service = g.Known.Cadre, g.Known.Grade, g.Known.Category, g.Known.Service
		}
		out = append(out, x)
	}
	return out
}

// Shorthands for the table below: a grade of a cadre, a cadre alone, a
// name the table does not know.
func gr(name, cadre, grade, cat, svc string) got {
	return got{Name: name, Cadre: cadre, Grade: grade, Cat: cat, Service: svc}
}

func spec(g got, s string) got { g.Specialty = s; return g }

func unknown(name string) got { return got{Name: name} }

const (
	attaches   = "Attachés territoriaux"
	redacteurs = "Rédacteurs territoriaux"
	adjAdm     = "Adjoints administratifs territoriaux"
	techs      = "Techniciens territoriaux"
	ingenieurs = "Ingénieurs territoriaux"
	adjTech    = "Adjoints techniques territoriaux"
	maitrise   = "Agents de maîtrise territoriaux"
	animateurs = "Animateurs territoriaux"
	isg        = "Infirmiers territoriaux en soins généraux"
	ncIng      = "Ingénieurs des personnels techniques de la Nouvelle-Calédonie"
)

var (
	attache    = gr("Attaché", attaches, "Attaché", "A", FPT)
	redacteur  = gr("Rédacteur", redacteurs, "Rédacteur", "B", FPT)
	technicien = gr("Technicien", techs, "Technicien", "B", FPT)
	ingenieur  = gr("Ingénieur", ingenieurs, "Ingénieur", "A", FPT)
	adjAdmin   = gr("Adjoint administratif", adjAdm, "Adjoint administratif", "C", FPT)
	adjTechn   = gr("Adjoint technique", adjTech, "Adjoint technique", "C", FPT)
	animateur  = gr("Animateur", animateurs, "Animateur", "B", FPT)
	agMaitrise = gr("Agent de maîtrise", maitrise, "Agent de maîtrise", "C", FPT)
)

var splitTests = []struct {
	name  string
	line  string
	want  []got
	notes []string
}{
	// The and the samples' lines.
	{"sample 001 engineer with specialty and attaché", "Ingénieur 2ème grade / économie rurale ou équipement ou Attaché",
		[]got{spec(gr("Ingénieur 2ème grade", ncIng, "Ingénieur 2e grade", "", NC), "économie rurale ou équipement"), attache}, nil},
	{"two grades joined by ou", "Ingénieur ou Technicien supérieur",
		[]got{ingenieur, gr("Technicien supérieur", techs, "", "B", FPT)}, nil},
	{"two grades joined by a comma", "Attaché, Rédacteur", []got{attache, redacteur}, nil},
	{"specialty after a slash", "Technicien / informatique", []got{spec(technicien, "informatique")}, nil},
	{"grade with class", "Rédacteur principal de 2ème classe",
		[]got{gr("Rédacteur principal de 2ème classe", redacteurs, "Rédacteur principal de 2e classe", "B", FPT)}, nil},
	{"gender and category suffixes", "Adjoint administratif territorial (H/F) - catégorie C", []got{adjAdmin}, nil},
	{"cadre d'emplois in the plural", "Cadre d'emplois des attachés territoriaux", []got{attache}, nil},
	{"infirmier en soins généraux", "Infirmier en soins généraux",
		[]got{gr("Infirmier en soins généraux", isg, "Infirmier en soins généraux", "A", FPT)}, nil},
	{"FPE grade", "Secrétaire administratif de classe normale",
		[]got{gr("Secrétaire administratif de classe normale", "Secrétaires administratifs des administrations de l'État", "Secrétaire administratif de classe normale", "B", FPE)}, nil},
	{"NC corps attaché", "attaché", []got{attache}, nil},
	{"NC corps rédacteur", "rédacteur", []got{redacteur}, nil},
	{"NC corps adjoint administratif", "adjoint administratif", []got{adjAdmin}, nil},
	{"NC corps technicien", "technicien", []got{technicien}, nil},
	{"NC corps agent de maîtrise", "agent de maîtrise", []got{agMaitrise}, nil},
	{"emploi-territorial list on lines", "Rédacteur\nRédacteur principal de 2ème classe\nRédacteur principal de 1ère classe\nAnimateur\nTechnicien",
		[]got{redacteur,
			gr("Rédacteur principal de 2ème classe", redacteurs, "Rédacteur principal de 2e classe", "B", FPT),
			gr("Rédacteur principal de 1ère classe", redacteurs, "Rédacteur principal de 1re classe", "B", FPT),
			animateur, technicien}, nil},
	{"cadre or a bare category", "Rédacteurs Territoriaux ou cadre d'emplois de catégorie B",
		[]got{redacteur}, []string{`"cadre d'emplois de catégorie B" names a category, not a grade`}},
	{"éducateur de jeunes enfants and its class", "Éducateur de jeunes enfants\nÉducateur de jeunes enfants de classe exceptionnelle",
		[]got{gr("Éducateur de jeunes enfants", "Éducateurs territoriaux de jeunes enfants", "Éducateur de jeunes enfants", "A", FPT),
			gr("Éducateur de jeunes enfants de classe exceptionnelle", "Éducateurs territoriaux de jeunes enfants", "Éducateur de jeunes enfants de classe exceptionnelle", "A", FPT)}, nil},

	// Ordinals and feminine forms.
	{"ordinal 2e", "Rédacteur principal de 2e classe",
		[]got{gr("Rédacteur principal de 2e classe", redacteurs, "Rédacteur principal de 2e classe", "B", FPT)}, nil},
	{"ordinal 2nde", "Technicien principal de 2nde classe",
		[]got{gr("Technicien principal de 2nde classe", techs, "Technicien principal de 2e classe", "B", FPT)}, nil},
	{"ordinal in words", "Adjoint technique principal de deuxième classe",
		[]got{gr("Adjoint technique principal de deuxième classe", adjTech, "Adjoint technique principal de 2e classe", "C", FPT)}, nil},
	{"ordinal première", "Animateur principal de première classe",
		[]got{gr("Animateur principal de première classe", animateurs, "Animateur principal de 1re classe", "B", FPT)}, nil},
	{"ordinal 1re", "Technicien principal de 1re classe",
		[]got{gr("Technicien principal de 1re classe", techs, "Technicien principal de 1re classe", "B", FPT)}, nil},
	{"feminine rédactrice", "Rédactrice", []got{redacteur}, nil},
	{"feminine attachée principale", "Attachée principale",
		[]got{gr("Attaché principal", attaches, "Attaché principal", "A", FPT)}, nil},
	{"feminine infirmière", "Infirmière en soins généraux",
		[]got{gr("Infirmier en soins généraux", isg, "Infirmier en soins généraux", "A", FPT)}, nil},
	{"feminine technicienne", "Technicienne", []got{technicien}, nil},
	{"feminine ingénieure", "Ingénieure principale",
		[]got{gr("Ingénieur principal", ingenieurs, "Ingénieur principal", "A", FPT)}, nil},
	{"feminine adjointe administrative", "Adjointe administrative principale de 1ère classe",
		[]got{gr("Adjoint administratif principal de 1re classe", adjAdm, "Adjoint administratif principal de 1re classe", "C", FPT)}, nil},
	{"attaché(e) marks", "Attaché(e) territorial(e)", []got{attache}, nil},
	{"capitals", "ADJOINT TECHNIQUE TERRITORIAL", []got{adjTechn}, nil},
	{"no accents", "Redacteur principal de 1ere classe",
		[]got{gr("Redacteur principal de 1ere classe", redacteurs, "Rédacteur principal de 1re classe", "B", FPT)}, nil},
	{"typographic apostrophe", "Adjoint d’animation",
		[]got{gr("Adjoint d’animation", "Adjoints territoriaux d'animation", "Adjoint d'animation", "C", FPT)}, nil},

	// Noise.
	{"F/H before", "F/H Technicien territorial", []got{technicien}, nil},
	{"h/f glued", "Animateur h/f", []got{animateur}, nil},
	{"cat. A", "Attaché - cat. A", []got{attache}, nil},
	{"catégorie in parentheses", "Rédacteur (catégorie B)", []got{redacteur}, nil},
	{"grade de", "Grade de rédacteur", []got{redacteur}, nil},
	{"du grade d'", "du grade d'attaché", []got{attache}, nil},
	{"corps des", "Corps des attachés d'administration de l'État",
		[]got{gr("Attaché d'administration de l'État", "Attachés d'administration de l'État", "Attaché d'administration de l'État", "A", FPE)}, nil},
	{"cadre d'emploi singular", "Cadre d'emploi des adjoints techniques", []got{adjTechn}, nil},
	{"cadre d'emplois without article", "cadre d'emplois d'animateur", []got{animateur}, nil},
	{"bullets", "• Attaché\n• Rédacteur", []got{attache, redacteur}, nil},
	{"dash bullets", "- Adjoint technique\n- Agent de maîtrise", []got{adjTechn, agMaitrise}, nil},
	{"semicolons", "Technicien ; Ingénieur", []got{technicien, ingenieur}, nil},
	{"et joins grades", "Adjoint technique et Agent de maîtrise", []got{adjTechn, agMaitrise}, nil},
	{"dash between grades", "Adjoint technique – Agent de maîtrise", []got{adjTechn, agMaitrise}, nil},
	{"duplicates once", "Attaché, attachée, Attachés territoriaux", []got{attache}, nil},
	{"wrong stated category", "Adjoint administratif - catégorie B",
		[]got{adjAdmin}, []string{`the line says category B; the table has "Adjoint administratif" in C`}},

	// Names with separators inside.
	{"comma and et inside a cadre", "Capitaines, commandants et lieutenants-colonels de sapeurs-pompiers professionnels",
		[]got{gr("Officier de sapeurs-pompiers professionnels", "Capitaines, commandants et lieutenants-colonels de sapeurs-pompiers professionnels", "", "A", FPT)}, nil},
	{"et inside a cadre", "Assistant de conservation du patrimoine et des bibliothèques",
		[]got{gr("Assistant de conservation du patrimoine et des bibliothèques", "Assistants territoriaux de conservation du patrimoine et des bibliothèques", "", "B", FPT)}, nil},
	{"et inside a grade", "Moniteur-éducateur et intervenant familial principal",
		[]got{gr("Moniteur-éducateur et intervenant familial principal", "Moniteurs-éducateurs et intervenants familiaux territoriaux", "Moniteur-éducateur et intervenant familial principal", "B", FPT)}, nil},
	{"specialty with et after a slash", "Technicien / voirie et réseaux divers ou Ingénieur",
		[]got{spec(technicien, "voirie et réseaux divers"), ingenieur}, nil},
	{"specialty in parentheses", "Technicien (informatique)", []got{spec(technicien, "informatique")}, nil},
	{"specialty word", "Ingénieur spécialité bâtiment", []got{spec(ingenieur, "bâtiment")}, nil},
	{"specialty without a marker is noted", "Technicien voirie et réseaux divers",
		[]got{spec(technicien, "voirie et réseaux divers")}, []string{`read "voirie et réseaux divers" as the specialty of "Technicien"`}},
	{"specialty of a grade with class", "Technicien principal de 2ème classe / bâtiment",
		[]got{spec(gr("Technicien principal de 2ème classe", techs, "Technicien principal de 2e classe", "B", FPT), "bâtiment")}, nil},

	// Categories by filière and reform.
	{"auxiliaire de puériculture after 2021", "Auxiliaire de puériculture",
		[]got{gr("Auxiliaire de puériculture", "Auxiliaires de puériculture territoriaux", "", "B", FPT)}, nil},
	{"former C grade of auxiliaire de puériculture", "Auxiliaire de puériculture principal de 2ème classe",
		[]got{gr("Auxiliaire de puériculture principal de 2ème classe", "Auxiliaires de puériculture territoriaux", "Auxiliaire de puériculture de classe normale", "B", FPT)}, nil},
	{"aide-soignant", "Aide-soignant", []got{gr("Aide-soignant", "Aides-soignants territoriaux", "", "B", FPT)}, nil},
	{"ATSEM", "ATSEM principal de 2ème classe",
		[]got{gr("ATSEM principal de 2ème classe", "Agents territoriaux spécialisés des écoles maternelles", "ATSEM principal de 2e classe", "C", FPT)}, nil},
	{"police municipale", "Gardien-brigadier", []got{gr("Gardien-brigadier", "Agents de police municipale", "Gardien-brigadier", "C", FPT)}, nil},
	{"pompiers", "Sergent de sapeurs-pompiers professionnels",
		[]got{gr("Sergent de sapeurs-pompiers professionnels", "Sous-officiers de sapeurs-pompiers professionnels", "Sergent", "C", FPT)}, nil},
	{"culturelle", "Assistant d'enseignement artistique principal de 1ère classe",
		[]got{gr("Assistant d'enseignement artistique principal de 1ère classe", "Assistants territoriaux d'enseignement artistique", "Assistant d'enseignement artistique principal de 1re classe", "B", FPT)}, nil},
	{"sportive abbreviation", "Éducateur des APS",
		[]got{gr("Éducateur des APS", "Éducateurs territoriaux des activités physiques et sportives", "Éducateur des activités physiques et sportives", "B", FPT)}, nil},
	{"former grade of 2e classe", "Adjoint technique de 2ème classe",
		[]got{gr("Adjoint technique de 2ème classe", adjTech, "Adjoint technique", "C", FPT)}, nil},
	{"FPH acronym", "ASHQ", []got{gr("ASHQ", "Agents des services hospitaliers qualifiés", "", "C", FPH)}, nil},
	{"FPH corps", "Adjoint des cadres hospitaliers de classe supérieure",
		[]got{gr("Adjoint des cadres hospitaliers de classe supérieure", "Adjoints des cadres hospitaliers", "Adjoint des cadres hospitaliers de classe supérieure", "B", FPH)}, nil},
	{"FPH AMA", "AMA", []got{gr("AMA", "Assistants médico-administratifs", "", "B", FPH)}, nil},
	{"FPH TSH", "Technicien supérieur hospitalier de 2ème classe",
		[]got{gr("Technicien supérieur hospitalier de 2ème classe", "Techniciens et techniciens supérieurs hospitaliers", "Technicien supérieur hospitalier de 2e classe", "B", FPH)}, nil},
	{"FPE ITPE", "ITPE", []got{gr("ITPE", "Ingénieurs des travaux publics de l'État", "", "A", FPE)}, nil},
	{"FPE IGE and ASI", "IGE ou ASI",
		[]got{gr("IGE", "Ingénieurs d'études", "", "A", FPE), gr("ASI", "Assistants ingénieurs", "", "A", FPE)}, nil},
	{"FPE certifié", "Professeur certifié",
		[]got{gr("Professeur certifié", "Professeurs certifiés", "", "A", FPE)}, nil},
	{"FPE TSDD", "Technicien supérieur du développement durable",
		[]got{gr("Technicien supérieur du développement durable", "Techniciens supérieurs du développement durable", "Technicien supérieur du développement durable", "B", FPE)}, nil},

	// Doubts come back as notes.
	{"unknown grade", "Chargé de mission ou Attaché",
		[]got{unknown("Chargé de mission"), attache}, []string{`"Chargé de mission" is not a grade the table knows`}},
	{"a sentence is dropped", "Rédacteur, poste ouvert aux contractuels en application de l'article L332-8 du code général",
		[]got{redacteur}, []string{`dropped "poste ouvert aux contractuels en applica…": a sentence, not a grade`}},
	{"a category alone", "Catégorie A", nil, []string{`"catégorie A" names a category, not a grade`}},
	{"category letters", "A ou B", nil, []string{`"A" names a category, not a grade`, `"B" names a category, not a grade`}},
	{"all grades of a cadre", "Tous grades du cadre d'emplois des techniciens", []got{gr("Technicien", techs, "Technicien", "B", FPT)}, nil},
	{"specialty after spécialité and a colon", "Ingénieur territorial / spécialité : informatique et systèmes d'information",
		[]got{spec(ingenieur, "informatique et systèmes d'information")}, nil},
	{"spécialité and a colon without a slash", "Technicien spécialité : bâtiment", []got{spec(technicien, "bâtiment")}, nil},
	{"duplicates across lines", "Attaché\nattachée territoriale\nRédacteur", []got{attache, redacteur}, nil},
	{"empty line", "", nil, nil},
	{"noise alone", "(H/F)", nil, nil},
}

func TestSplit(t *testing.T) {
	if len(splitTests) < 60 {
		t.Fatalf("%d rows: the table should keep at least 60 lines as offers write them", len(splitTests))
	}
	for _, tt := range splitTests {
		t.Run(tt.name, func(t *testing.T) {
			gs, notes := Split(tt.line)
			if diff := cmp.Diff(tt.want, project(gs)); diff != "" {
				t.Errorf("Split(%q) grades (-want +got):\n%s", tt.line, diff)
			}
			if diff := cmp.Diff(tt.notes, notes); diff != "" {
				t.Errorf("Split(%q) notes (-want +got):\n%s", tt.line, diff)
			}
		})
	}
}
