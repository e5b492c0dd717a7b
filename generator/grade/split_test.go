package grade

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"postes/generator/message"
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
		[]got{adjAdmin}, []string{`the line says category B; postes knows "Adjoint administratif" in C`}},

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
	// Words after a known name without "/" or parentheses go on with the
	// name (this row read them as a specialty before names went on);
	// "voirie" is neither a complement nor an adjective of a corps: noted.
	{"words after a known name go on with it, noted when unsure", "Technicien voirie et réseaux divers",
		[]got{gr("Technicien voirie et réseaux divers", techs, "", "B", FPT)},
		[]string{`"Technicien voirie et réseaux divers" is not a grade postes knows: given the category and filière of "Technicien"`}},
	{"specialty of a grade with class", "Technicien principal de 2ème classe / bâtiment",
		[]got{spec(gr("Technicien principal de 2ème classe", techs, "Technicien principal de 2e classe", "B", FPT), "bâtiment")}, nil},

	// Corps named with their administration, whole: the table has them.
	{"SA de l'intérieur et de l'outre-mer", "Secrétaire administratif de l'intérieur et de l'outre-mer",
		[]got{gr("Secrétaire administratif de l'intérieur et de l'outre-mer", "Secrétaires administratifs de l'intérieur et de l'outre-mer", "", "B", FPE)}, nil},
	{"SAENES", "Secrétaire administratif de l'éducation nationale et de l'enseignement supérieur",
		[]got{gr("Secrétaire administratif de l'éducation nationale et de l'enseignement supérieur", "Secrétaires administratifs de l'éducation nationale et de l'enseignement supérieur", "", "B", FPE)}, nil},
	{"ADJAENES", "Adjoint administratif de l'éducation nationale et de l'enseignement supérieur",
		[]got{gr("Adjoint administratif de l'éducation nationale et de l'enseignement supérieur", "Adjoints administratifs de l'éducation nationale et de l'enseignement supérieur", "", "C", FPE)}, nil},
	{"ITM", "Ingénieur des travaux de la météorologie",
		[]got{gr("Ingénieur des travaux de la météorologie", "Ingénieurs des travaux de la météorologie", "Ingénieur des travaux de la météorologie", "A", FPE)}, nil},
	{"techniciens de l'environnement", "Technicien de l'environnement",
		[]got{gr("Technicien de l'environnement", "Techniciens de l'environnement", "", "B", FPE)}, nil},
	{"TSF", "Technicien supérieur forestier",
		[]got{gr("Technicien supérieur forestier", "Techniciens supérieurs forestiers de l'Office national des forêts", "", "B", FPE)}, nil},
	{"TSEF", "Technicien supérieur d'études et de fabrications",
		[]got{gr("Technicien supérieur d'études et de fabrications", "Techniciens supérieurs d'études et de fabrications du ministère de la défense", "", "B", FPE)}, nil},
	{"attaché statisticien", "Attaché statisticien de l'Insee",
		[]got{gr("Attaché statisticien de l'Insee", "Attachés statisticiens de l'Institut national de la statistique et des études économiques", "", "A", FPE)}, nil},
	{"IASS: et inside the name", "Inspecteur de l'action sanitaire et sociale",
		[]got{gr("Inspecteur de l'action sanitaire et sociale", "Inspection de l'action sanitaire et sociale", "", "A", FPE)}, nil},
	{"ATASM: commas and et inside the name", "Adjoint technique d'accueil, de surveillance et de magasinage",
		[]got{gr("Adjoint technique d'accueil, de surveillance et de magasinage", "Adjoints techniques d'accueil, de surveillance et de magasinage du ministère de la culture", "", "C", FPE)}, nil},
	{"sages-femmes des hôpitaux", "Sage-femme des hôpitaux",
		[]got{gr("Sage-femme des hôpitaux", "Sages-femmes des hôpitaux", "", "A", FPH)}, nil},

	// Names that go on past the table's: the whole phrase is the name,
	// the Info that of the known name, without a grade.
	{"an adjective after a known grade", "Ingénieur ou Technicien principal",
		[]got{ingenieur, gr("Technicien principal", techs, "", "B", FPT)}, nil},
	{"principal after the second of two grades", "Attaché ou Rédacteur principal",
		[]got{attache, gr("Rédacteur principal", redacteurs, "", "B", FPT)}, nil},
	{"a complement after a known grade", "Ingénieur de l'agriculture et de l'environnement",
		[]got{gr("Ingénieur de l'agriculture et de l'environnement", ingenieurs, "", "A", FPT)}, nil},
	{"a complement after an FPE corps", "Secrétaire administratif de la police nationale",
		[]got{gr("Secrétaire administratif de la police nationale", "Secrétaires administratifs des administrations de l'État", "", "B", FPE)}, nil},
	{"a name gone on in capitals", "ADJOINT ADMINISTRATIF DE LA POLICE NATIONALE",
		[]got{gr("Adjoint administratif de la police nationale", adjAdm, "", "C", FPT)}, nil},
	{"adjectives then a complement", "Technicien supérieur principal de la météorologie",
		[]got{gr("Technicien supérieur principal de la météorologie", techs, "", "B", FPT)}, nil},
	{"a name gone on, its specialty in parentheses", "Technicien principal (informatique)",
		[]got{spec(gr("Technicien principal", techs, "", "B", FPT), "informatique")}, nil},
	{"a name gone on, then a specialty after a slash", "Technicien principal / bâtiment",
		[]got{spec(gr("Technicien principal", techs, "", "B", FPT), "bâtiment")}, nil},
	{"two names gone on from one cadre are two grades", "Technicien de la météorologie ou Technicien de l'aviation civile",
		[]got{gr("Technicien de la météorologie", techs, "", "B", FPT), gr("Technicien de l'aviation civile", techs, "", "B", FPT)}, nil},
	{"an ordinal after a known grade", "Rédacteur 1ère classe",
		[]got{gr("Rédacteur 1ère classe", redacteurs, "", "B", FPT)}, nil},

	// Pieces that continue the name before them.
	{"a complement joins a name the table does not know", "Inspecteur des affaires maritimes et de la mer",
		[]got{unknown("Inspecteur des affaires maritimes et de la mer")},
		[]string{`"Inspecteur des affaires maritimes et de …" is not a grade postes knows; check its spelling`}},
	{"complements after commas join", "Chargé de mission, de coordination et de suivi",
		[]got{unknown("Chargé de mission, de coordination et de suivi")},
		[]string{`"Chargé de mission, de coordination et de…" is not a grade postes knows; check its spelling`}},
	{"an adjective after et joins a name gone on", "Technicien de l'hygiène et sanitaire",
		[]got{gr("Technicien de l'hygiène et sanitaire", techs, "", "B", FPT)}, nil},
	{"complements join a name gone on", "Adjoint technique d'accueil et de gardiennage",
		[]got{gr("Adjoint technique d'accueil et de gardiennage", adjTech, "", "C", FPT)}, nil},
	{"words in lower case after an unsure name join it", "Technicien voirie, réseaux divers",
		[]got{gr("Technicien voirie, réseaux divers", techs, "", "B", FPT)},
		[]string{`"Technicien voirie, réseaux divers" is not a grade postes knows: given the category and filière of "Technicien"`}},
	{"two unknown names in capitals split", "Jardinier ou Paysagiste",
		[]got{unknown("Jardinier"), unknown("Paysagiste")},
		[]string{`"Jardinier" is not a grade postes knows; check its spelling`, `"Paysagiste" is not a grade postes knows; check its spelling`}},
	{"a noun in lower case after ou is another name", "Jardinier ou paysagiste",
		[]got{unknown("Jardinier"), unknown("Paysagiste")},
		[]string{`"Jardinier" is not a grade postes knows; check its spelling`, `"Paysagiste" is not a grade postes knows; check its spelling`}},
	{"two known grades split", "Animateur ou Adjoint d'animation",
		[]got{animateur, gr("Adjoint d'animation", "Adjoints territoriaux d'animation", "Adjoint d'animation", "C", FPT)}, nil},
	{"a known grade after a name gone on splits", "Technicien de l'environnement, Ingénieur",
		[]got{gr("Technicien de l'environnement", "Techniciens de l'environnement", "", "B", FPE), ingenieur}, nil},
	{"a complement does not join a grade the table knows whole", "Rédacteur, de préférence titulaire",
		[]got{redacteur, unknown("De préférence titulaire")}, []string{`"De préférence titulaire" is not a grade postes knows; check its spelling`}},

	// The grade of another class.
	{"another class after et", "Infirmier en soins généraux de classe normale et de classe supérieure",
		[]got{gr("Infirmier en soins généraux de classe normale", isg, "Infirmier en soins généraux", "A", FPT),
			gr("Infirmier en soins généraux de classe supérieure", isg, "Infirmier en soins généraux", "A", FPT)}, nil},
	{"another class after ou", "Rédacteur principal de 2ème classe ou de 1ère classe",
		[]got{gr("Rédacteur principal de 2ème classe", redacteurs, "Rédacteur principal de 2e classe", "B", FPT),
			gr("Rédacteur principal de 1ère classe", redacteurs, "Rédacteur principal de 1re classe", "B", FPT)}, nil},
	{"another class after a comma", "Adjoint technique principal de 2ème classe, de 1ère classe",
		[]got{gr("Adjoint technique principal de 2ème classe", adjTech, "Adjoint technique principal de 2e classe", "C", FPT),
			gr("Adjoint technique principal de 1ère classe", adjTech, "Adjoint technique principal de 1re classe", "C", FPT)}, nil},
	{"three classes, the last hors classe", "Médecin de 2ème classe, de 1ère classe et hors classe",
		[]got{gr("Médecin de 2ème classe", "Médecins territoriaux", "Médecin de 2e classe", "A", FPT),
			gr("Médecin de 1ère classe", "Médecins territoriaux", "Médecin de 1re classe", "A", FPT),
			gr("Médecin hors classe", "Médecins territoriaux", "Médecin hors classe", "A", FPT)}, nil},
	{"another class, feminine", "Infirmière en soins généraux de classe normale et de classe supérieure",
		[]got{gr("Infirmier en soins généraux de classe normale", isg, "Infirmier en soins généraux", "A", FPT),
			gr("Infirmier en soins généraux de classe supérieure", isg, "Infirmier en soins généraux", "A", FPT)}, nil},

	// A specialty after "/" goes on while its pieces are not grades.
	{"specialty across a comma, et and ou", "Ingénieur 2ème grade / génie rural, eaux et forêts ou génie civil",
		[]got{spec(gr("Ingénieur 2ème grade", ncIng, "Ingénieur 2e grade", "", NC), "génie rural, eaux et forêts ou génie civil")}, nil},
	{"specialty across commas", "Technicien / génie civil, voirie, réseaux",
		[]got{spec(technicien, "génie civil, voirie, réseaux")}, nil},
	{"a capital after a comma ends a specialty", "Technicien / informatique, Jardinier",
		[]got{spec(technicien, "informatique"), unknown("Jardinier")}, []string{`"Jardinier" is not a grade postes knows; check its spelling`}},
	{"a known grade ends a specialty after a comma", "Technicien / informatique, attaché",
		[]got{spec(technicien, "informatique"), attache}, nil},
	{"FPH grade with its specialty", "Technicien hospitalier / biomédical",
		[]got{spec(gr("Technicien hospitalier", "Techniciens et techniciens supérieurs hospitaliers", "Technicien hospitalier", "B", FPH), "biomédical")}, nil},
	{"NC agent de bureau", "Agent de bureau",
		[]got{gr("Agent de bureau", "Agents de bureau du cadre d'administration générale de la Nouvelle-Calédonie", "Agent de bureau", "", NC)}, nil},

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
		[]got{unknown("Chargé de mission"), attache}, []string{`"Chargé de mission" is not a grade postes knows; check its spelling`}},
	{"a sentence is dropped", "Rédacteur, poste ouvert aux contractuels en application de l'article L332-8 du code général",
		[]got{redacteur}, []string{`dropped "poste ouvert aux contractuels en applica…": a sentence, not a grade`}},
	{"a category alone", "Catégorie A", nil, []string{`"catégorie A" names a category, not a grade`}},
	{"the grades a post is open to", "Poste ouvert aux rédacteurs", []got{redacteur}, nil},
	{"open to agents of two cadres", "Emploi ouvert aux adjoints techniques et aux agents de maîtrise", []got{adjTechn, agMaitrise}, nil},
	{"all grades of a category name none", "Tous grades de la catégorie B de la filière administrative", nil,
		[]string{`"Tous grades de la de la filière administ…" names a category, not a grade`}},
	{"all grades of a category, open to", "Ouvert à tous les grades de catégorie C", nil,
		[]string{`"Ouvert à tous les grades de catégorie C" names a category, not a grade`}},
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
			if diff := cmp.Diff(tt.notes, english(notes)); diff != "" {
				t.Errorf("Split(%q) notes (-want +got):\n%s", tt.line, diff)
			}
		})
	}
}

// english says notes in English, as tests compare them.
func english(notes []message.Text) []string {
	var out []string
	for _, n := range notes {
		out = append(out, n.String())
	}
	return out
}
