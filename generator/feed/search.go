package feed

import (
	"encoding/json"
	"io"
	"strings"

	"postes/generator/site"
)

// WriteSearchIndex writes recherche.json, which the pages' script loads
// when a reader starts searching or filtering:
//
//	{"v":2,"employers":[[name, slug]…],"offers":[offer…]}
//
// Each offer is an array, to keep the file small (SearchEntry). entry gives
// an offer's element, from SearchEntry or a copy kept from the last build.
func WriteSearchIndex(w io.Writer, b *site.Board, entry func(*site.Offer) ([]byte, error)) error {
	emps := make([][2]string, 0, len(b.Employers))
	for _, e := range b.Employers {
		emps = append(emps, [2]string{e.Name, e.Slug})
	}
	head, err := json.Marshal(emps)
	if err != nil {
		return err
	}
	return writeArray(w, `{"v":2,"employers":`+string(head)+`,"offers":[`, "]}\n", b.Offers, entry)
}

// SearchEntry is one offer in the search index:
//
//	[0 slug, 1 title, 2 employer index, 3 place as shown, 4 grades as shown
//	 joined by "|", 5 deadline, 6 posted, 7 closed (0/1), 8 words,
//	 9 category slugs, 10 filière slugs, 11 place slugs, 12 grade slugs,
//	 13 contract type slugs (each joined by "|"), 14 contract as shown,
//	 15 working time as shown, 16 categories as shown joined by "|"]
//
// where slugs are those of the offer's facet values (facettes.json), and
// words are offer.Keywords of its body. The builder gives words to open
// offers only: the body words of a national board's archive would make the
// index too heavy to load on a phone (a hundred megabytes at 100,000
// offers); closed offers are found by title, employer, place and grade.
func SearchEntry(p *site.Offer, employer int, words string) ([]byte, error) {
	closed := 0
	if p.Closed {
		closed = 1
	}
	slugs := func(facet string) string {
		var ss []string
		for _, v := range p.Values {
			if v.Facet.Name == facet {
				ss = append(ss, v.Slug)
			}
		}
		return strings.Join(ss, "|")
	}
	return json.Marshal([]any{p.Slug, p.Title, employer, p.Location,
		strings.Join(p.GradeNames(), "|"), p.Deadline.String(), p.Posted.String(), closed, words,
		slugs(site.FacetCategories), slugs(site.FacetFilieres), slugs(site.FacetPlaces), slugs(site.FacetGrades),
		slugs(site.FacetContracts), p.Contract, p.WorkingTime, strings.Join(p.Categories, "|")})
}
