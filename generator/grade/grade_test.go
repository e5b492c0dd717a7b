package grade

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		want *Info
	}{
		{"Rédacteur", &Info{redacteurs, "Rédacteur", "B", "administrative", FPT}},
		{"rédacteurs territoriaux", &Info{redacteurs, "Rédacteur", "B", "administrative", FPT}},
		{"Cadre d'emplois des rédacteurs territoriaux", &Info{redacteurs, "Rédacteur", "B", "administrative", FPT}},
		{"Rédacteurs Territoriaux", &Info{redacteurs, "Rédacteur", "B", "administrative", FPT}},
		{"Rédactrice principale de 2ème classe", &Info{redacteurs, "Rédacteur principal de 2e classe", "B", "administrative", FPT}},
		{"REDACTEUR PRINCIPAL DE 1ERE CLASSE", &Info{redacteurs, "Rédacteur principal de 1re classe", "B", "administrative", FPT}},
		{"Attaché", &Info{attaches, "Attaché", "A", "administrative", FPT}},
		{"attachés territoriaux", &Info{attaches, "Attaché", "A", "administrative", FPT}},
		{"Attaché hors classe", &Info{attaches, "Attaché hors classe", "A", "administrative", FPT}},
		{"Adjoint technique", &Info{adjTech, "Adjoint technique", "C", "technique", FPT}},
		{"Adjoint technique territorial principal de 2ème classe", &Info{adjTech, "Adjoint technique principal de 2e classe", "C", "technique", FPT}},
		{"Agent de maîtrise principal", &Info{maitrise, "Agent de maîtrise principal", "C", "technique", FPT}},
		{"Animateur", &Info{animateurs, "Animateur", "B", "animation", FPT}},
		{"Gardien-brigadier", &Info{"Agents de police municipale", "Gardien-brigadier", "C", "police municipale", FPT}},
		{"gardien brigadier", &Info{"Agents de police municipale", "Gardien-brigadier", "C", "police municipale", FPT}},
		{"Infirmier en soins généraux", &Info{isg, "Infirmier en soins généraux", "A", "médico-sociale", FPT}},
		{"Infirmière", &Info{isg, "", "A", "médico-sociale", FPT}},
		{"IDE", &Info{isg, "", "A", "médico-sociale", FPT}},
		{"Infirmier de classe normale", &Info{"Infirmiers territoriaux", "Infirmier de classe normale", "B", "médico-sociale", FPT}},
		{"Auxiliaire de puériculture", &Info{"Auxiliaires de puériculture territoriaux", "", "B", "médico-sociale", FPT}},
		{"Puéricultrice hors classe", &Info{"Puéricultrices territoriales", "Puéricultrice hors classe", "A", "médico-sociale", FPT}},
		{"Sage-femme", &Info{"Sages-femmes territoriales", "", "A", "médico-sociale", FPT}},
		{"Technicien paramédical", &Info{"Techniciens paramédicaux territoriaux", "", "B", "médico-technique", FPT}},
		{"Bibliothécaire", &Info{"Bibliothécaires territoriaux", "Bibliothécaire", "A", "culturelle", FPT}},
		{"Opérateur des APS", &Info{"Opérateurs territoriaux des activités physiques et sportives", "Opérateur des activités physiques et sportives", "C", "sportive", FPT}},
		{"Agent social", &Info{"Agents sociaux territoriaux", "Agent social", "C", "sociale", FPT}},
		{"Caporal-chef", &Info{"Sapeurs et caporaux de sapeurs-pompiers professionnels", "Caporal-chef", "C", "sapeurs-pompiers", FPT}},
		{"Technicien supérieur", &Info{techs, "", "B", "technique", FPT}},
		{"Aide-soignante", &Info{"Aides-soignants territoriaux", "", "B", "médico-sociale", FPT}},
		{"ASHQ", &Info{"Agents des services hospitaliers qualifiés", "", "C", "soignante", FPH}},
		{"Attaché d'administration hospitalière", &Info{"Attachés d'administration hospitalière", "Attaché d'administration hospitalière", "A", "administrative", FPH}},
		{"Ingénieur hospitalier", &Info{"Ingénieurs hospitaliers", "Ingénieur hospitalier", "A", "technique", FPH}},
		{"Agent d'entretien qualifié", &Info{"Personnels de la filière ouvrière et technique de la catégorie C de la fonction publique hospitalière", "Agent d'entretien qualifié", "C", "technique", FPH}},
		{"Ingénieur des travaux publics de l'Etat", &Info{"Ingénieurs des travaux publics de l'État", "Ingénieur des travaux publics de l'État", "A", "", FPE}},
		{"Ingénieur de recherche", &Info{"Ingénieurs de recherche", "", "A", "", FPE}},
		{"Technicien de recherche et de formation", &Info{"Techniciens de recherche et de formation", "", "B", "", FPE}},
		{"Ingénieur 2e grade", &Info{ncIng, "Ingénieur 2e grade", "", "technique", NC}},
		{"ingénieur 1er grade", &Info{ncIng, "Ingénieur 1er grade", "", "technique", NC}},
		{"Manipulateur d'électroradiologie médicale", &Info{"Pédicures-podologues, ergothérapeutes, orthoptistes et manipulateurs d'électroradiologie médicale territoriaux", "", "A", "médico-sociale", FPT}},
		{"Sage-femme des hôpitaux", &Info{"Sages-femmes des hôpitaux", "", "A", "", FPH}},
		{"Chargé de mission", nil},
		{"Directeur", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Lookup(tt.name)); diff != "" {
			t.Errorf("Lookup(%q) (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestLookupIn(t *testing.T) {
	tests := []struct {
		name, service string
		want          *Info
	}{
		{"Attaché", NC, &Info{"Attachés d'administration du cadre d'administration générale de la Nouvelle-Calédonie", "Attaché", "A", "administrative", NC}},
		{"Rédacteur", NC, &Info{"Rédacteurs du cadre d'administration générale de la Nouvelle-Calédonie", "Rédacteur", "B", "administrative", NC}},
		// New Caledonia's technicien has no confirmed category: LookupIn
		// says so rather than lend it the FPT's B.
		{"Technicien", NC, &Info{"Techniciens des personnels techniques de la Nouvelle-Calédonie", "Technicien", "", "technique", NC}},
		{"Technicien", FPT, &Info{techs, "Technicien", "B", "technique", FPT}},
		{"Adjoint administratif", FPH, &Info{"Adjoints administratifs de la fonction publique hospitalière", "Adjoint administratif", "C", "administrative", FPH}},
		{"Adjoint administratif", FPE, &Info{"Adjoints administratifs des administrations de l'État", "Adjoint administratif", "C", "", FPE}},
		{"Infirmier", FPH, &Info{"Infirmiers en soins généraux et spécialisés de la fonction publique hospitalière", "", "A", "soignante", FPH}},
		{"Secrétaire administratif", FPT, nil},
		{"Gardien-brigadier", NC, nil},
		// No source read gives the NC agents de bureau a category: none.
		{"Agent de bureau", NC, &Info{"Agents de bureau du cadre d'administration générale de la Nouvelle-Calédonie", "Agent de bureau", "", "administrative", NC}},
		// A name the FPT and the FPH share: Lookup keeps the FPT's answer,
		// LookupIn(FPH) gives the FPH's family.
		{"Manipulateur d'électroradiologie médicale", FPT, &Info{"Pédicures-podologues, ergothérapeutes, orthoptistes et manipulateurs d'électroradiologie médicale territoriaux", "", "A", "médico-sociale", FPT}},
		{"Manipulateur d'électroradiologie médicale", FPH, &Info{"Manipulateurs d'électroradiologie médicale de la fonction publique hospitalière", "", "A", "médico-technique", FPH}},
		{"Aide-soignante", FPH, &Info{"Aides-soignants et auxiliaires de puériculture de la fonction publique hospitalière", "", "B", "soignante", FPH}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, LookupIn(tt.name, tt.service)); diff != "" {
			t.Errorf("LookupIn(%q, %s) (-want +got):\n%s", tt.name, tt.service, diff)
		}
	}
}

// TestLookupCopies checks that a caller cannot change the table through
// what Lookup returns.
func TestLookupCopies(t *testing.T) {
	Lookup("Attaché").Category = "Z"
	if c := Lookup("Attaché").Category; c != "A" {
		t.Fatalf("Lookup(Attaché).Category = %q after a caller changed its copy", c)
	}
}

// TestFacts checks statutory facts the table must hold, whatever its
// spellings.
func TestFacts(t *testing.T) {
	facts := []struct {
		name, service, category, filiere string
	}{
		{"Attaché", FPT, "A", "administrative"},
		{"Rédacteur", FPT, "B", "administrative"},
		{"Adjoint administratif", FPT, "C", "administrative"},
		{"Adjoint technique", FPT, "C", "technique"},
		{"Agent de maîtrise", FPT, "C", "technique"},
		{"Technicien", FPT, "B", "technique"},
		{"Ingénieur", FPT, "A", "technique"},
		{"Infirmier en soins généraux", FPT, "A", "médico-sociale"},
		{"Auxiliaire de puériculture", FPT, "B", "médico-sociale"}, // category B since 1 January 2022
		{"Aide-soignant", FPT, "B", "médico-sociale"},              // category B since 1 January 2022
		{"Auxiliaire de soins principal de 2e classe", FPT, "C", "médico-sociale"},
		{"Assistant socio-éducatif", FPT, "A", "sociale"}, // category A since 1 February 2018
		{"Éducateur de jeunes enfants", FPT, "A", "sociale"},
		{"ATSEM", FPT, "C", "sociale"},
		{"Animateur", FPT, "B", "animation"},
		{"Adjoint d'animation", FPT, "C", "animation"},
		{"Gardien-brigadier", FPT, "C", "police municipale"},
		{"Chef de service de police municipale", FPT, "B", "police municipale"},
		{"Directeur de police municipale", FPT, "A", "police municipale"},
		{"Adjoint du patrimoine", FPT, "C", "culturelle"},
		{"Assistant de conservation", FPT, "B", "culturelle"},
		{"Conservateur du patrimoine", FPT, "A", "culturelle"},
		{"Éducateur des activités physiques et sportives", FPT, "B", "sportive"},
		{"Biologiste", FPT, "A", "médico-technique"},
		{"Lieutenant de 1re classe", FPT, "B", "sapeurs-pompiers"},
		{"Sapeur", FPT, "C", "sapeurs-pompiers"},
		{"Capitaine", FPT, "A", "sapeurs-pompiers"},
		// The FPH's families (décrets of the personnels infirmiers, de
		// rééducation, médico-techniques, socio-éducatifs, administratifs,
		// de la filière ouvrière et technique).
		{"Aide-soignant", FPH, "B", "soignante"},
		{"Auxiliaire de puériculture", FPH, "B", "soignante"},
		{"ASHQ", FPH, "C", "soignante"},
		{"Infirmier en soins généraux", FPH, "A", "soignante"},
		{"IBODE", FPH, "A", "soignante"},
		{"Cadre de santé", FPH, "A", "soignante"},
		{"Manipulateur d'électroradiologie médicale", FPH, "A", "médico-technique"}, // category A since 1 September 2017
		{"Technicien de laboratoire", FPH, "B", "médico-technique"},
		{"Préparateur en pharmacie hospitalière", FPH, "B", "médico-technique"},
		{"Masseur-kinésithérapeute", FPH, "A", "rééducation"},
		{"Ergothérapeute", FPH, "A", "rééducation"},
		{"Orthophoniste", FPH, "A", "rééducation"},
		{"Assistant socio-éducatif", FPH, "A", "socio-éducative"}, // category A since 1 February 2019
		{"Éducateur de jeunes enfants", FPH, "A", "socio-éducative"},
		{"Cadre socio-éducatif", FPH, "A", "socio-éducative"},
		{"Adjoint des cadres hospitaliers", FPH, "B", "administrative"},
		{"AMA", FPH, "B", "administrative"},
		{"Attaché d'administration hospitalière", FPH, "A", "administrative"},
		{"Adjoint administratif", FPH, "C", "administrative"},
		{"Technicien supérieur hospitalier", FPH, "B", "technique"},
		{"Ingénieur hospitalier", FPH, "A", "technique"},
		{"Agent de maîtrise", FPH, "C", "technique"},
		{"Ouvrier principal de 2e classe", FPH, "C", "technique"},
		{"AEQ", FPH, "C", "technique"},
		{"Sage-femme des hôpitaux", FPH, "A", ""}, // medical, in none of the families
		// State corps named with their administration.
		{"Secrétaire administratif de l'intérieur et de l'outre-mer", FPE, "B", ""},
		{"SAENES", FPE, "B", ""},
		{"ADJAENES", FPE, "C", ""},
		{"Attaché statisticien de l'Insee", FPE, "A", ""},
		{"Inspecteur de l'action sanitaire et sociale", FPE, "A", ""},
		{"Ingénieur des travaux de la météorologie", FPE, "A", ""},
		{"Technicien de l'environnement", FPE, "B", ""},
		{"Technicien supérieur forestier", FPE, "B", ""},
		{"Chef technicien forestier", FPE, "B", ""},
		{"Technicien supérieur d'études et de fabrications", FPE, "B", ""},
		{"Adjoint technique d'accueil, de surveillance et de magasinage", FPE, "C", ""},
		{"Greffier des services judiciaires", FPE, "B", ""},
		{"Contrôleur des finances publiques", FPE, "B", ""},
		{"Secrétaire administratif", FPE, "B", ""},
		{"Professeur certifié", FPE, "A", ""},
		{"Attaché", NC, "A", "administrative"},
	}
	for _, f := range facts {
		got := LookupIn(f.name, f.service)
		if got == nil || got.Category != f.category || got.Filiere != f.filiere {
			t.Errorf("LookupIn(%q, %s) = %+v, want category %s, filière %q", f.name, f.service, got, f.category, f.filiere)
		}
	}
}

// TestFilieres checks that every FPT filière has its cadres d'emplois of
// each category it is known to have.
func TestFilieres(t *testing.T) {
	want := map[string]string{
		"administrative": "ABC", "technique": "ABC", "culturelle": "ABC", "sportive": "ABC",
		"sociale": "ABC", "médico-sociale": "ABC", "médico-technique": "AB", "animation": "BC",
		"police municipale": "ABC", "sapeurs-pompiers": "ABC",
	}
	have := map[string]string{}
	for _, r := range table {
		if r.service != FPT {
			continue
		}
		if _, ok := want[r.filiere]; !ok {
			t.Errorf("%s: FPT filière %q is none of the ten", r.cadre, r.filiere)
		}
		if !strings.Contains(have[r.filiere], r.category) {
			have[r.filiere] += r.category
		}
	}
	for f, cats := range want {
		for _, c := range cats {
			if !strings.ContainsRune(have[f], c) {
				t.Errorf("FPT filière %s has no cadre d'emplois of category %c", f, c)
			}
		}
	}
}

// TestTable checks the generated table against itself: within one service,
// every spelling of a cadre finds that cadre (or one that agrees with it:
// same filière, same category or one unknown, as New Caledonia's
// communes' rédacteurs and the territory's), and every spelling of a grade
// finds that grade.
func TestTable(t *testing.T) {
	for _, r := range table {
		agrees := func(got *Info) bool {
			return got != nil && (got.Category == r.category || r.category == "" || got.Category == "") &&
				got.Filiere == r.filiere && got.Service == r.service
		}
		for _, g := range r.grades {
			for _, s := range g {
				got := LookupIn(s, r.service)
				if !agrees(got) || (got.Cadre == r.cadre && got.Grade != g[0]) {
					t.Errorf("%s (%s): grade spelling %q finds %+v", r.cadre, r.service, s, got)
				}
			}
		}
		if r.gradesOnly {
			continue
		}
		for _, s := range append([]string{r.cadre, r.name}, r.also...) {
			if got := LookupIn(s, r.service); !agrees(got) {
				t.Errorf("%s (%s): spelling %q finds %+v", r.cadre, r.service, s, got)
			}
		}
	}
}

func TestKey(t *testing.T) {
	same := [][]string{
		{"Rédacteur principal de 2e classe", "rédactrice principale de 2ème classe", "REDACTEURS PRINCIPAUX DE DEUXIEME CLASSE", "Rédacteur principal 2nde classe", "rédacteur principal de 2 ème classe"},
		{"Attaché", "attachée", "attachés territoriaux", "Attaché(e) territorial(e)", "ATTACHÉES TERRITORIALES"},
		{"Adjoint administratif", "adjointe administrative", "Adjoints administratifs territoriaux"},
		{"Infirmier en soins généraux", "infirmière en soins généraux", "Infirmiers territoriaux en soins généraux"},
		{"Technicien", "technicienne", "Techniciens territoriaux"},
		{"Ingénieur principal", "ingénieure principale", "INGENIEUR PRINCIPAL"},
		{"Sage-femme", "sages-femmes", "sage femme"},
		{"Ingénieur 1er grade", "ingénieur 1ère grade", "ingénieur premier grade"},
	}
	for _, group := range same {
		k := key(clean(group[0]))
		for _, s := range group[1:] {
			if got := key(clean(s)); got != k {
				t.Errorf("key(%q) = %q, want %q as for %q", s, got, k, group[0])
			}
		}
	}
	differ := [][2]string{
		{"Rédacteur principal de 2e classe", "Rédacteur principal de 1re classe"},
		{"Adjoint technique", "Adjoint technique des établissements d'enseignement"},
		{"Attaché", "Attaché de conservation du patrimoine"},
		{"Infirmier en soins généraux", "Infirmier de classe normale"},
		{"Ingénieur 1er grade", "Ingénieur 2e grade"},
	}
	for _, d := range differ {
		if key(clean(d[0])) == key(clean(d[1])) {
			t.Errorf("%q and %q have the same key %q", d[0], d[1], key(clean(d[0])))
		}
	}
}

func ExampleSplit() {
	grades, notes := Split("Ingénieur 2ème grade / économie rurale ou équipement ou Attaché territorial (H/F)")
	for _, g := range grades {
		fmt.Printf("%s [%s]", g.Name, g.Specialty)
		if g.Known != nil {
			fmt.Printf(" %s, category %q", g.Known.Service, g.Known.Category)
		}
		fmt.Println()
	}
	fmt.Println(len(notes), "notes")
	// Output:
	// Ingénieur 2ème grade [économie rurale ou équipement] NC, category ""
	// Attaché [] FPT, category "A"
	// 0 notes
}

func ExampleLookup() {
	info := Lookup("Auxiliaire de puériculture principale de 1ère classe")
	fmt.Println(info.Cadre, info.Category, info.Filiere)
	// Output:
	// Auxiliaires de puériculture territoriaux B médico-sociale
}

// benchLines are grade lines as offers write them, for BenchmarkSplit.
var benchLines = []string{
	"Ingénieur 2ème grade / économie rurale ou équipement ou Attaché",
	"Rédacteur\nRédacteur principal de 2ème classe\nRédacteur principal de 1ère classe\nAnimateur\nTechnicien",
	"Adjoint administratif territorial (H/F) - catégorie C",
	"Cadre d'emplois des attachés territoriaux",
	"Attaché, Rédacteur",
	"Technicien / informatique",
	"Infirmier en soins généraux",
	"Rédacteurs Territoriaux ou cadre d'emplois de catégorie B",
}

func BenchmarkSplit(b *testing.B) {
	b.ReportAllocs()
	Split("") // build the index outside the timing
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Split(benchLines[i%len(benchLines)])
	}
}

// goOnLines are grade lines whose names go on past the table's, for
// BenchmarkSplitNamesGoOn.
var goOnLines = []string{
	"Ingénieur ou Technicien principal",
	"Ingénieur 2ème grade / génie rural, eaux et forêts ou génie civil",
	"Infirmier en soins généraux de classe normale et de classe supérieure",
	"Ingénieur de l'agriculture et de l'environnement",
	"Chargé de mission, de coordination et de suivi",
	"Adjoint technique d'accueil, de surveillance et de magasinage",
}

func BenchmarkSplitNamesGoOn(b *testing.B) {
	b.ReportAllocs()
	Split("")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Split(goOnLines[i%len(goOnLines)])
	}
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	Lookup("")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Lookup("Rédacteur principal de 2ème classe")
	}
}

// tableDisplays are the names Split may put in place of the offer's
// words: the table's own spellings.
func tableDisplays() map[string]bool {
	m := map[string]bool{}
	for _, r := range table {
		m[capitalize(r.name)] = true
		for _, s := range r.also {
			m[capitalize(s)] = true
		}
		for _, g := range r.grades {
			for _, s := range g {
				m[capitalize(s)] = true
			}
		}
	}
	return m
}

// rawWords are the folded words of s, letters and digits only.
func rawWords(s string) []string {
	return strings.FieldsFunc(fold(strings.ToLower(strings.ToUpper(s))), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func FuzzSplit(f *testing.F) {
	for _, tt := range splitTests {
		f.Add(tt.line)
	}
	f.Add("Attaché((((")
	f.Add("- / , ; ou et & (")
	f.Add("Technicien / / ou")
	f.Add("\xff\xfe Rédacteur")
	displays := tableDisplays()
	f.Fuzz(func(t *testing.T, line string) {
		grades, notes := Split(line)
		inLine := map[string]bool{}
		for _, w := range rawWords(line) {
			inLine[w] = true
		}
		subset := func(s string) bool {
			for _, w := range rawWords(s) {
				if !inLine[w] {
					return false
				}
			}
			return true
		}
		for _, g := range grades {
			if g.Name == "" {
				t.Errorf("Split(%q): a grade with no name", line)
			}
			if !utf8.ValidString(g.Name) && utf8.ValidString(line) {
				t.Errorf("Split(%q): name %q is not valid UTF-8", line, g.Name)
			}
			// A name comes from the line, or is the table's own spelling
			// of what the line names.
			if !subset(g.Name) && !(g.Known != nil && displays[g.Name]) {
				t.Errorf("Split(%q): name %q is neither from the line nor the table's", line, g.Name)
			}
			if !subset(g.Specialty) {
				t.Errorf("Split(%q): specialty %q is not from the line", line, g.Specialty)
			}
		}
		for _, n := range notes {
			if n.String() == "" {
				t.Errorf("Split(%q): an empty note", line)
			}
		}
	})
}

// TestMerge checks how Lookup resolves a name several services use; the
// table has no such disagreement today, so the cases are made up.
func TestMerge(t *testing.T) {
	e := func(svc, cat, fil string) *entry {
		return &entry{info: Info{Cadre: svc + " cadre", Category: cat, Filiere: fil, Service: svc}}
	}
	tests := []struct {
		name     string
		by       map[string]*entry
		want     string // the service answered, "" for none
		conflict string
	}{
		{"one service", map[string]*entry{NC: e(NC, "", "technique")}, NC, ""},
		{"agreeing, FPT first", map[string]*entry{FPE: e(FPE, "A", ""), FPT: e(FPT, "A", "administrative"), NC: e(NC, "A", "administrative")}, FPT, ""},
		{"FPH before FPE", map[string]*entry{FPE: e(FPE, "C", ""), FPH: e(FPH, "C", "")}, FPH, ""},
		{"an unknown category does not block", map[string]*entry{FPT: e(FPT, "B", "technique"), NC: e(NC, "", "technique")}, FPT, ""},
		{"categories differ", map[string]*entry{FPT: e(FPT, "B", "technique"), NC: e(NC, "C", "technique")}, "", "FPT B technique, NC C technique"},
		{"filières differ", map[string]*entry{FPT: e(FPT, "A", "médico-sociale"), NC: e(NC, "A", "santé")}, "", "FPT A médico-sociale, NC A santé"},
	}
	for _, tt := range tests {
		got, conflict := merge(tt.by)
		svc := ""
		if got != nil {
			svc = got.info.Service
		}
		if svc != tt.want || conflict != tt.conflict {
			t.Errorf("%s: merge = %q, %q; want %q, %q", tt.name, svc, conflict, tt.want, tt.conflict)
		}
	}
}

// TestSplitConflict checks the note of a name the services disagree on,
// with an index made for the test.
func TestSplitConflict(t *testing.T) {
	m := &match{byService: map[string]*entry{}}
	m.merged, m.conflict = nil, "FPT B technique, NC C technique"
	idx := index{key("Technicien"): m}
	gs, notes := splitSegment(idx, lex("Technicien"), nil, nil)
	if len(gs) != 1 || gs[0].Known != nil || gs[0].Name != "Technicien" {
		t.Errorf("grades = %+v, want Technicien with no Info", gs)
	}
	want := []string{`"Technicien": civil services disagree on its category (FPT B technique, NC C technique); write "Catégorie : …"`}
	if diff := cmp.Diff(want, english(notes)); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

// TestGradeIn checks that a grade Split read answers for one service, the
// way an offer whose employer says the service asks.
func TestGradeIn(t *testing.T) {
	tests := []struct {
		line, service string
		want          *Info
	}{
		{"Aide-soignante", FPH, &Info{"Aides-soignants et auxiliaires de puériculture de la fonction publique hospitalière", "", "B", "soignante", FPH}},
		{"Aide-soignante", FPT, &Info{"Aides-soignants territoriaux", "", "B", "médico-sociale", FPT}},
		{"Manipulateur d'électroradiologie médicale", FPH, &Info{"Manipulateurs d'électroradiologie médicale de la fonction publique hospitalière", "", "A", "médico-technique", FPH}},
		{"Infirmier de bloc opératoire", FPH, &Info{"Infirmiers en soins généraux et spécialisés de la fonction publique hospitalière", "", "A", "soignante", FPH}},
		{"Technicien hospitalier / biomédical", FPH, &Info{"Techniciens et techniciens supérieurs hospitaliers", "Technicien hospitalier", "B", "technique", FPH}},
		// A name gone on from "Technicien": the NC corps, without a grade
		// and without the category no source confirmed.
		{"Technicien principal", NC, &Info{"Techniciens des personnels techniques de la Nouvelle-Calédonie", "", "", "technique", NC}},
		{"Technicien principal", FPH, nil},
		{"Conservateur du patrimoine", FPE, &Info{"Conservateurs du patrimoine", "", "A", "", FPE}},
		{"Chargé de mission", FPT, nil},
	}
	for _, tt := range tests {
		gs, _ := Split(tt.line)
		if len(gs) != 1 {
			t.Errorf("Split(%q) = %d grades, want 1", tt.line, len(gs))
			continue
		}
		if diff := cmp.Diff(tt.want, gs[0].In(tt.service)); diff != "" {
			t.Errorf("Split(%q)[0].In(%s) (-want +got):\n%s", tt.line, tt.service, diff)
		}
	}
}
