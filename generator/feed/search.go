package feed

import (
	"encoding/json"
	"io"
	"strings"

	"postes/generator/site"
)

// WriteSearchIndex writes recherche.json, which the pages' script loads
// when a reader starts searching:
//
//	{"v":1,"employers":[[name, slug]…],"offers":[offer…]}
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
	return writeArray(w, `{"v":1,"employers":`+string(head)+`,"offers":[`, "]}\n", b.Offers, entry)
}

// SearchEntry is one offer in the search index: [slug, title, employer
// index, location, grades joined by "|", deadline, posted, closed (0/1),
// words, categories joined by "|", filières joined by "|", towns joined by
// "|"], where words are offer.Keywords of its body. The builder gives
// words to open offers only: the body words of a national board's archive
// would make the index too heavy to load on a phone (a hundred megabytes at
// 100,000 offers); closed offers are found by title, employer, place and
// grade.
func SearchEntry(p *site.Offer, employer int, words string) ([]byte, error) {
	closed := 0
	if p.Closed {
		closed = 1
	}
	return json.Marshal([]any{p.Slug, p.Title, employer, p.Location,
		strings.Join(p.GradeNames(), "|"), p.Deadline.String(), p.Posted.String(), closed, words,
		strings.Join(p.Categories, "|"), strings.Join(p.Filieres, "|"), strings.Join(towns(p), "|")})
}

// towns are the towns an offer names, for the filter by place: each town
// apart, so that "Koné, Pouembout" is found under both.
func towns(p *site.Offer) []string {
	if len(p.Places) == 0 {
		if p.Location == "" {
			return nil
		}
		return []string{p.Location}
	}
	out := make([]string, len(p.Places))
	for i, pl := range p.Places {
		out[i] = pl.Town
	}
	return out
}
