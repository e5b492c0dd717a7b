package place

import (
	"strings"
	"testing"
)

// newCaledonia are the 33 communes of New Caledonia, as offers write them.
var newCaledonia = []string{"Belep", "Bouloupari", "Bourail", "Canala", "Dumbéa", "Farino",
	"Hienghène", "Houaïlou", "L'Île-des-Pins", "Kaala-Gomen", "Koné", "Koumac", "La Foa",
	"Lifou", "Maré", "Moindou", "Le Mont-Dore", "Nouméa", "Ouégoa", "Ouvéa", "Païta",
	"Poindimié", "Ponérihouen", "Pouébo", "Pouembout", "Poum", "Poya", "Sarraméa", "Thio",
	"Touho", "Voh", "Yaté", "Kouaoua"}

func TestTableNewCaledonia(t *testing.T) {
	tab := load()
	n := 0
	for _, e := range tab.entries {
		if e.kind == kindCommune && deptOf(e.insee) == "988" {
			n++
		}
	}
	if n != len(newCaledonia) {
		t.Errorf("the table has %d communes in 988, want %d", n, len(newCaledonia))
	}
	for _, name := range newCaledonia {
		ps := Lookup(name)
		if len(ps) != 1 || ps[0].Department != "988" || ps[0].Town != name || len(ps[0].Postcode) != 5 {
			t.Errorf("Lookup(%q) = %+v, want the one commune of New Caledonia with its postcode", name, ps)
		}
	}
}

// TestTableCounts checks counts that the Code officiel géographique keeps
// from year to year, and that no line of the table was lost.
func TestTableCounts(t *testing.T) {
	tab := load()
	communes := map[string]int{}
	kinds := map[byte]int{}
	villages := map[string]int{}
	for _, e := range tab.entries {
		kinds[e.kind]++
		switch e.kind {
		case kindCommune:
			communes[deptOf(e.insee)]++
		case kindVillage:
			villages[e.name] = 1
		}
	}
	for d, want := range map[string]int{"971": 32, "972": 34, "973": 22, "974": 24, "976": 17,
		"975": 2, "977": 1, "978": 1, "986": 3, "987": 48, "988": 33, "75": 1, "2A": 124, "2B": 236} {
		if communes[d] != want {
			t.Errorf("%d communes in %s (%s), want %d", communes[d], d, Department(d), want)
		}
	}
	total := 0
	for _, n := range communes {
		total += n
	}
	// 34,969 in 2026; communes merge every year, slowly.
	if total < 34000 || total > 36000 {
		t.Errorf("%d communes, want about 35,000", total)
	}
	if len(villages) < 30 {
		t.Errorf("%d villages of Wallis-et-Futuna, want the 35 names of its 36 villages", len(villages))
	}
	arr := map[string]int{}
	for _, e := range tab.entries {
		if e.kind == kindArr {
			arr[e.name]++
		}
	}
	for town, want := range map[string]int{"Paris": 20, "Lyon": 9, "Marseille": 16} {
		if arr[town] != want {
			t.Errorf("%s has %d arrondissements, want %d", town, arr[town], want)
		}
	}
	if len(tab.depts) != 109 {
		t.Errorf("%d départements and collectivities, want 109 (101 départements and the collectivities)", len(tab.depts))
	}

	// Every line of the file is an entry.
	lines := map[byte]int{}
	for line := range strings.Lines(communesTSV) {
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "\t"):
			k, rest, _ := strings.Cut(line[1:], "\t")
			n := 1
			if k == "v" || k == "q" {
				n = strings.Count(rest, "\t") + 1 // a village or locality and its other spellings
			}
			lines[k[0]] += n
		default:
			lines[kindCommune]++
		}
	}
	for line := range strings.Lines(abroadTSV) {
		if strings.HasPrefix(line, "\t") {
			lines[kindAbroad] += strings.Count(line, "\t") // a town and its other spellings
		}
	}
	for _, k := range []byte{kindCommune, kindArr, kindFormer, kindVillage, kindSpelling, kindLocality, kindAbroad} {
		if lines[k] != kinds[k] {
			t.Errorf("%d lines of kind %c, %d entries", lines[k], k, kinds[k])
		}
	}
	if len(tab.countries) < 5 {
		t.Errorf("%d countries abroad, want the Pacific's main ones", len(tab.countries))
	}
}

// TestTableLocalities checks that every locality is in New Caledonia,
// French Polynesia or Wallis-et-Futuna, as extra.tsv's sources are, and
// that none is named like the département or collectivity it is in.
func TestTableLocalities(t *testing.T) {
	tab := load()
	n := 0
	for i, e := range tab.entries {
		if e.kind != kindLocality {
			continue
		}
		n++
		if d := deptOf(e.insee); d != "988" && d != "987" && d != "986" {
			t.Errorf("locality %q is in %s, want a Pacific collectivity", tab.key(int32(i)), d)
		}
		if _, ok := tab.deptIndex[tab.key(int32(i))]; ok {
			t.Errorf("locality %q is also the name of a département, collectivity or country", tab.key(int32(i)))
		}
	}
	if n < 30 {
		t.Errorf("%d localities, want the main quarters and tribes of New Caledonia", n)
	}
}

// TestTableHeader checks that the generated files name their sources.
func TestTableHeader(t *testing.T) {
	for name, data := range map[string]string{"communes.tsv": communesTSV, "departements.tsv": departementsTSV, "abroad.tsv": abroadTSV} {
		for _, want := range []string{"scripts/gen-places", "@etalab/decoupage-administratif ", "codes-postaux ", "tools/genplaces/extra.tsv"} {
			head, _, _ := strings.Cut(data, "\n#\n")
			if !strings.Contains(head, want) {
				t.Errorf("%s: header does not name %q", name, want)
			}
		}
	}
}

// TestFold checks that names and places fold alike.
func TestFold(t *testing.T) {
	ft := load().ft
	for _, tt := range []struct{ in, want string }{
		{"Joué-lès-Tours", "joue les tours"},
		{"JOUE LES TOURS", "joue les tours"},
		{"St-Étienne", "saint etienne"},
		{"STE-MAXIME", "sainte maxime"},
		{"L’Haÿ-les-Roses", "l hay les roses"},
		{"Saint-Geniez-d'Olt-et-d'Aubrac", "saint geniez d olt et d aubrac"},
		{"Œuilly", "oeuilly"},
		{"Paris 15ème", "paris 15"},
		{"1ᵉʳ", "1"},
		{"Noume\u0301a", "noumea"},
		{"Boulogne s/ Mer", "boulogne sur mer"},
		{"  ", ""},
	} {
		if got := ft.key(tt.in); got != tt.want {
			t.Errorf("key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAppendKey checks that the table's names fold as places read by Parse
// do: appendKey, which reads the table, and tokens, which reads offers.
func TestAppendKey(t *testing.T) {
	ft := load().ft
	check := func(name string) {
		var arr [16]tok
		_, want := ft.tokens(name, arr[:0], nil)
		if got := ft.appendKey(nil, name); string(got) != string(want) {
			t.Errorf("appendKey(%q) = %q, tokens give %q", name, got, want)
		}
	}
	for line := range strings.Lines(communesTSV + departementsTSV + abroadTSV) {
		line = strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, f := range strings.Split(line, "\t") {
			check(f)
		}
	}
	for _, s := range []string{"Saint-Geniez-d'Olt-et-d'Aubrac", "Noume\u0301a", "ST-ÉTIENNE", "  Ste  ", "a--b", "Château-Chinon (Ville)"} {
		check(s)
	}
}

func TestShared(t *testing.T) {
	for name, want := range map[string]bool{
		"Saint-Denis": true, "saint denis": true, "Valence": true,
		"Nouméa": false, "Dijon": false, "Bourail": false, "Nowhere-sur-Rien": false,
	} {
		if got := Shared(name); got != want {
			t.Errorf("Shared(%q) = %v, want %v", name, got, want)
		}
	}
}
