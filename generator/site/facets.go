package site

import (
	"fmt"
	"sort"
	"strings"

	"postes/generator/offer"
	"postes/generator/place"
)

// Facets are the ways job seekers follow offers besides employers and
// deadline months: by place, grade, category, filière and contract type.
// Each value of a facet has its page, its RSS feed and its calendar; a
// value stays on the board, with its page, for as long as it has offers,
// open or closed, so that a followed feed or a bookmark never ends on a
// 404 while the board still shows offers of it.

// Facet names are the path segments of their pages, and the keys of
// facettes.json.
const (
	FacetPlaces     = "lieux"
	FacetGrades     = "grades"
	FacetCategories = "categories"
	FacetFilieres   = "filieres"
	FacetContracts  = "contrats"
)

// facetParams are the finder's URL parameters of the facets.
var facetParams = map[string]string{FacetPlaces: "lieu", FacetGrades: "grade", FacetCategories: "categorie",
	FacetFilieres: "filiere", FacetContracts: "contrat"}

// facetOrder is the order facets are listed in.
var facetOrder = []string{FacetPlaces, FacetGrades, FacetCategories, FacetFilieres, FacetContracts}

// Facet is one way to follow offers, and its values.
type Facet struct {
	Name string // FacetPlaces…
	Path string // "lieux/"
	// Param is the finder's URL parameter for it ("lieu"): a facet page
	// links to its closed offers in the archive as "archives/?lieu=<slug>".
	Param  string
	Values []*FacetValue // sorted by label, whatever its case and accents
	byKey  map[string]*FacetValue
}

// FacetValue is one value of a facet: a town, a grade, a category.
type FacetValue struct {
	Facet  *Facet
	Key    string // what offers are grouped by
	Label  string // as shown: the most used spelling
	Slug   string
	Path   string   // "grades/attache/"
	Offers []*Offer // open first (soonest deadline), then closed (latest first)
	Open   int

	labels map[string]int
}

// Closed counts the value's closed offers.
func (v *FacetValue) Closed() int { return len(v.Offers) - v.Open }

// Feed is the path of the value's RSS feed.
func (v *FacetValue) Feed() string { return v.Path + "feed.xml" }

// Calendar is the path of the value's iCalendar file.
func (v *FacetValue) Calendar() string { return v.Path + "echeances.ics" }

// valuesOf gives the keys and labels under which an offer is filed in a
// facet.
func valuesOf(name string, p *Offer) (keys, labels []string) {
	o := p.Offer
	switch name {
	case FacetPlaces:
		for _, pl := range o.Places {
			if pl.Town == "" {
				continue
			}
			keys = append(keys, employerKey(pl.Town)+"|"+pl.Department)
			if pl.Department != "" && place.Shared(pl.Town) {
				// Its label, and so its address, names its département
				// whatever other towns the board holds: "saint-denis-974/"
				// stays the Réunion town when one of Seine-Saint-Denis
				// comes or goes.
				labels = append(labels, pl.Town+" ("+pl.Department+")")
			} else {
				labels = append(labels, pl.Town)
			}
		}
	case FacetGrades:
		for _, g := range o.Grades {
			if !g.Known {
				continue // warned at extraction; a sentence is no grade page
			}
			keys = append(keys, g.Key)
			labels = append(labels, capitalise(g.Name))
		}
	case FacetCategories:
		for _, c := range o.Categories {
			keys = append(keys, c)
			labels = append(labels, c)
		}
	case FacetFilieres:
		for _, f := range o.Filieres {
			keys = append(keys, f)
			labels = append(labels, f)
		}
	case FacetContracts:
		for _, c := range ContractTypes(o) {
			keys = append(keys, c)
			labels = append(labels, c)
		}
	}
	return keys, labels
}

// capitalise writes a grade's first letter in capitals: "attaché" and
// "Attaché" are one grade, shown "Attaché".
func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// Contract types: what job seekers filter on, read from the offer's
// contract text. An offer may be open to several ("Fonctionnaire ou
// contractuel").
const (
	ContractPermanent = "titulaires"    // emploi permanent, fonctionnaires, mutation, détachement
	ContractFixed     = "contractuels"  // CDD, contrat, contractuel
	ContractOpenEnded = "cdi"           // CDI
	ContractTemporary = "temporaires"   // remplacement, saisonnier, vacation, non permanent
	ContractTraining  = "apprentissage" // apprentissage, alternance, stage
)

var contractWords = []struct {
	typ   string
	words []string
}{
	{ContractTraining, []string{"apprenti", "alternance", "stage", "stagiaire", "service civique"}},
	{ContractOpenEnded, []string{"cdi", "duree indeterminee"}},
	{ContractTemporary, []string{"remplacement", "saisonnier", "vacation", "vacataire", "temporaire", "non permanent", "accroissement"}},
	{ContractFixed, []string{"cdd", "contractuel", "contrat a duree determinee", "contrat de projet", "contrat"}},
	{ContractPermanent, []string{"permanent", "titulaire", "fonctionnaire", "statutaire", "mutation", "detachement", "stagiairisation"}},
}

// ContractTypes are the contract types an offer's contract text names,
// in a fixed order.
func ContractTypes(o *offer.Offer) []string {
	f := " " + offer.Fold(o.Contract) + " "
	if strings.TrimSpace(f) == "" {
		return nil
	}
	var out []string
	for _, c := range contractWords {
		for _, w := range c.words {
			if strings.Contains(f, w) {
				if c.typ == ContractPermanent && strings.Contains(f, "non permanent") && !strings.Contains(strings.ReplaceAll(f, "non permanent", ""), "permanent") {
					break
				}
				if c.typ == ContractFixed && containsType(out, ContractOpenEnded) && !strings.Contains(f, "cdd") && !strings.Contains(f, "contractuel") {
					break // "CDI" says contrat, not CDD
				}
				out = append(out, c.typ)
				break
			}
		}
	}
	return out
}

func containsType(ts []string, t string) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// buildFacets files every offer of the board under its facet values.
func (b *Board) buildFacets() {
	for _, name := range facetOrder {
		f := &Facet{Name: name, Path: name + "/", Param: facetParams[name], byKey: map[string]*FacetValue{}}
		for _, p := range b.Offers {
			keys, labels := valuesOf(name, p)
			for i, k := range keys {
				v := f.byKey[k]
				if v == nil {
					v = &FacetValue{Facet: f, Key: k, labels: map[string]int{}}
					f.byKey[k] = v
				}
				if len(v.Offers) > 0 && v.Offers[len(v.Offers)-1] == p {
					continue // one offer once
				}
				v.labels[labels[i]]++
				v.Offers = append(v.Offers, p)
				p.Values = append(p.Values, v)
			}
		}
		for _, v := range f.byKey {
			v.Label = mostUsed(v.labels)
			v.labels = nil
			f.Values = append(f.Values, v)
		}
		sort.Slice(f.Values, func(i, j int) bool {
			a, c := f.Values[i], f.Values[j]
			if ka, kc := offer.Fold(a.Label), offer.Fold(c.Label); ka != kc {
				return ka < kc
			}
			return a.Key < c.Key
		})
		used := map[string]bool{}
		next := map[string]int{}
		for _, v := range f.Values {
			base := Slug(v.Label, 80)
			if base == "" {
				base = "valeur"
			}
			// Homonyms (two Saint-Denis) are told apart by their
			// département, else numbered, the numbers resuming where they
			// stopped.
			v.Slug = base
			if i := strings.LastIndexByte(v.Key, '|'); used[v.Slug] && i >= 0 && v.Key[i+1:] != "" {
				v.Slug = base + "-" + strings.ToLower(v.Key[i+1:])
			}
			for n := max(next[base], 2); used[v.Slug]; n++ {
				v.Slug = fmt.Sprintf("%s-%d", base, n)
				next[base] = n + 1
			}
			used[v.Slug] = true
			v.Path = f.Path + v.Slug + "/"
			v.Offers = openThenClosed(v.Offers)
			for _, p := range v.Offers {
				if !p.Closed {
					v.Open++
				}
			}
		}
		b.Facets = append(b.Facets, f)
	}
}

// Facet returns the board's facet of that name, or nil.
func (b *Board) Facet(name string) *Facet {
	for _, f := range b.Facets {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Lookup returns the value of a facet filed under key, or nil.
func (f *Facet) Lookup(key string) *FacetValue { return f.byKey[key] }
