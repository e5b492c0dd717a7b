package place_test

import (
	"fmt"

	"postes/generator/place"
)

func ExampleParse() {
	for _, s := range []string{
		"1 rue de la Mairie, Chenôve (Côte-d'Or (21))",
		"37926 TOURS Cedex 9",
		"Koné, Pouembout",
		"Saint-Denis",
	} {
		r := place.Parse(s)
		for _, p := range r.Places {
			fmt.Printf("%s %s %s (%s)\n", p.Town, p.Postcode, p.Department, place.Department(p.Department))
		}
		if !r.Sure {
			fmt.Println("warning:", r.Why)
		}
	}
	// Output:
	// Chenôve 21300 21 (Côte-d'Or)
	// Tours  37 (Indre-et-Loire)
	// Koné 98859 988 (Nouvelle-Calédonie)
	// Pouembout 98825 988 (Nouvelle-Calédonie)
	// Saint-Denis  974 (La Réunion)
	// warning: Saint-Denis is the name of 4 communes; kept the largest, Saint-Denis in La Réunion (974)
}

func ExampleLookup() {
	for _, p := range place.Lookup("VALENCE") {
		fmt.Println(p.Town, p.Department, p.Insee)
	}
	// Output:
	// Valence 16 16392
	// Valence 26 26362
	// Valence 82 82186
}

func ExampleParseNear() {
	// On a New Caledonian board, "Mont-Dore" is Le Mont-Dore of 988, not
	// Mont-Dore of Puy-de-Dôme.
	r := place.ParseNear("Mont-Dore", "988")
	fmt.Println(r.Places[0].Town, r.Places[0].Postcode, r.Sure)
	// Output:
	// Le Mont-Dore 98809 true
}

func ExampleParse_abroad() {
	// A Pacific body's duty stations: one in New Caledonia, one abroad.
	r := place.Parse("Nouméa (Nouvelle-Calédonie) ou Suva (Fidji)")
	for _, p := range r.Places {
		if p.Country != "" {
			fmt.Printf("%s, abroad: %s (%s)\n", p.Town, place.Country(p.Country), p.Country)
			continue
		}
		fmt.Printf("%s %s %s\n", p.Town, p.Postcode, p.Department)
	}
	// Output:
	// Nouméa 98800 988
	// Suva, abroad: Fidji (FJ)
}
