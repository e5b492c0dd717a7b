// Package place reads the place of a job offer as employers write it, a
// street address, a town with its postcode or its département, several
// towns, and returns the towns it names, in their official spelling, with
// their postcode, département and INSEE code apart:
//
//	"12 rue X, 21300 Chenôve"                 Chenôve, 21300, 21
//	"1 rue Y, Chenôve (Côte-d'Or (21))"       Chenôve, 21300, 21 (emploi-territorial's form)
//	"37926 TOURS Cedex 9"                     Tours, 37
//	"JOUE LES TOURS", "St-Denis (974)"        Joué-lès-Tours; Saint-Denis, 974
//	"Paris 15e", "Lyon 3e", "Marseille 13"    Paris, 75015; Lyon, 69003; Marseille, 13013
//	"Nouméa - Hôtel de Ville"                 Nouméa, 98800, 988
//	"Koné, Pouembout", "Nouméa et Dumbéa"     two places
//	"Siège de la province Nord à Koné"        Koné
//	"Mata-Utu", "Papeete", "POUM"             Mata-Utu (Uvea), 986; Papeete, 987; Poum, 988
//
// It serves the extraction stage (package offer reads a place label and
// hands its value here) and imports no other package of postes: it knows
// nothing of offers or files, and does no I/O but reading its embedded
// reference, once, on first use (about 13 ms of CPU; Parse then takes a few
// microseconds).
//
// The reference is every commune of INSEE's Code officiel géographique
// (metropolitan France, the DROM, New Caledonia, French Polynesia,
// Wallis-et-Futuna's circonscriptions, Saint-Pierre-et-Miquelon,
// Saint-Barthélemy, Saint-Martin), with La Poste's postcodes and addressing
// names, former communes, municipal arrondissements, Wallis-et-Futuna's
// villages and the names of départements and collectivities. It is generated
// by scripts/gen-places from pinned npm packages (@etalab/decoupage-administratif
// and codes-postaux); communes.tsv's header names their versions.
//
// Names are compared folded: case, accents, hyphens and spaces, apostrophes,
// "St"/"Ste" for Saint/Sainte and a leading article ("Mont-Dore" for Le
// Mont-Dore) do not matter. A town is taken only where the text gives it as
// the place: alone in its part of the text, next to its postcode, after "à",
// "sur" or "Mairie de"; a town read from a phrase ("Médiathèque de Dumbéa"),
// a name shared by several communes with nothing to choose between them, a
// misspelt name matched to the closest one, or a postcode alone standing for
// its town is returned as a guess, with the reason.
//
// It does not geocode streets, read regions, cantons or intercommunalities
// as places, nor know places abroad; it does not know communes created
// after its reference (run scripts/gen-places again).
package place

import (
	"strings"
	"unicode/utf8"
)

// Place is one town named by an offer.
type Place struct {
	// Town is the official name of the place named: a commune, or a former
	// commune (commune déléguée) or village of Wallis-et-Futuna, which is
	// then in the commune of Insee. Empty when the text names only a
	// département or a collectivity.
	Town string
	// Postcode is the postcode written with the town when it is one of the
	// town's, else the town's own when it has only one, else empty (a Cedex
	// code is not the town's postcode).
	Postcode string
	// Department is the code of the département or collectivity: "21",
	// "2A", "974", "988". Department(code) gives its name.
	Department string
	// Insee is the INSEE code of the commune the place is in today.
	Insee string
}

// Result is what Parse read.
type Result struct {
	Places []Place // in the order written, without duplicates
	// Sure is false when any place is a guess: a homonym chosen, a town read
	// from a phrase, a close spelling, a postcode alone shared by several
	// communes, a part of the text that looks like a town but is none; and
	// when no town was found.
	Sure bool
	Why  string // when not sure, why, in a short English sentence for a warning
}

// maxLen is the most of a text Parse reads.
const maxLen = 4096

// Parse reads a place as offers write it and returns the towns it names,
// in order, and how sure it is. It never fails: a text that names no known
// town gives no places and a reason. A text that names only a département
// or collectivity ("Loire-Atlantique", "Province Sud") gives one Place with
// that Department and no Town, not sure. It reads the first 4,096 bytes.
func Parse(s string) Result {
	return ParseNear(s)
}

// ParseNear is Parse for a board whose offers are mostly in départements
// or collectivities near ("988" for a New Caledonian board): a name shared
// by communes elsewhere is, for sure, the one in near ("Mont-Dore" is Le
// Mont-Dore of New Caledonia, not Mont-Dore of Puy-de-Dôme), unless the
// text itself says otherwise (a postcode, a département, other places).
func ParseNear(s string, near ...string) Result {
	if len(s) > maxLen {
		// A place is a line or a few; past that it is not a place field.
		i := maxLen
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i]
	}
	t := load()
	p := parser{t: t, s: s, near: near}
	var toks [24]tok
	var buf [128]byte
	var b []byte
	p.toks, b = t.ft.tokens(s, toks[:0], buf[:0])
	p.fold = string(b)
	return p.parse()
}

// Lookup returns the places whose name, folded, is name folded: communes
// first, then the former communes, villages and communes known by another
// name ("FLEURY D AUDE"). It does not drop articles or correct spellings.
func Lookup(name string) []Place {
	t := load()
	head := t.lookup(t.ft.key(name))
	if head < 0 {
		return nil
	}
	var ps []Place
	for pass := range 2 {
		for e := head; e >= 0; e = t.entries[e].next {
			en := &t.entries[e]
			first := en.kind == kindCommune || en.kind == kindArr
			if en.kind == kindLoose || first != (pass == 0) {
				continue
			}
			pl := t.place(e, "")
			dup := false
			for _, q := range ps {
				dup = dup || q == pl
			}
			if !dup {
				ps = append(ps, pl)
			}
		}
	}
	return ps
}

// Department returns the name of a département or collectivity by its
// code ("21" → "Côte-d'Or", "2a" → "Corse-du-Sud", "988" →
// "Nouvelle-Calédonie"), or "" when there is none.
func Department(code string) string {
	return load().depts[strings.ToUpper(strings.TrimSpace(code))]
}
