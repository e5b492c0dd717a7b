package feed

import (
	"encoding/json"
	"io"
	"strings"

	"postes/generator/offer"
	"postes/generator/site"
)

// maxWords bounds the body words kept per offer in the search index: the
// distinctive words of an offer come early (title, missions), and the index
// of a national board must stay small enough to load on a phone.
const maxWords = 120

// stopWords are French words too common to search for.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`les des une dans pour par sur avec aux est sont ses son sera ont qui que
		quoi dont cette ces tout tous toute toutes plus moins bien etre avoir fait faire leur leurs elle ils
		elles nous vous sous entre vers chez sans comme mais donc car ainsi afin lors ete non oui pas peut`) {
		stopWords[w] = true
	}
}

// WriteSearchIndex writes recherche.json, which the pages' script loads
// when a reader starts searching. Offers are arrays to keep the file small:
// [slug, title, employer index, location, grades joined by "|", deadline,
// posted, closed (0/1), words]. Words are folded (no case, no accents) and
// unique.
func WriteSearchIndex(w io.Writer, b *site.Board) error {
	empIndex := map[*site.Employer]int{}
	doc := struct {
		V         int         `json:"v"`
		Employers [][2]string `json:"employers"`
		Offers    [][]any     `json:"offers"`
	}{V: 1, Employers: [][2]string{}, Offers: [][]any{}}
	for i, e := range b.Employers {
		empIndex[e] = i
		doc.Employers = append(doc.Employers, [2]string{e.Name, e.Slug})
	}
	for _, p := range b.Offers {
		closed := 0
		if p.Closed {
			closed = 1
		}
		doc.Offers = append(doc.Offers, []any{p.Slug, p.Title, empIndex[p.Employer], p.Location,
			strings.Join(p.Grades, "|"), p.Deadline.String(), p.Posted.String(), closed, bodyWords(p.Body)})
	}
	return json.NewEncoder(w).Encode(doc)
}

func bodyWords(md string) string {
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.FieldsFunc(offer.Fold(md), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 0x7f)
	}) {
		if len(w) < 3 || stopWords[w] || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
		if len(out) == maxWords {
			break
		}
	}
	return strings.Join(out, " ")
}
