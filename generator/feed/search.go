package feed

import (
	"encoding/json"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

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
// words], where words (from Words) are folded and unique.
func SearchEntry(p *site.Offer, employer int, words string) ([]byte, error) {
	closed := 0
	if p.Closed {
		closed = 1
	}
	return json.Marshal([]any{p.Slug, p.Title, employer, p.Location,
		strings.Join(p.Grades, "|"), p.Deadline.String(), p.Posted.String(), closed, words})
}

// Words lists the distinct searchable words of an offer's body.
func Words(body string) string { return bodyWords(body) }

// bodyWords scans the body word by word and stops at maxWords distinct
// words: it folds only what it keeps, not the whole body.
func bodyWords(md string) string {
	seen := make(map[string]bool, maxWords)
	out := make([]string, 0, maxWords)
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(md) && len(out) < maxWords; {
		r, n := utf8.DecodeRuneInString(md[i:])
		if !isWord(r) {
			i += n
			continue
		}
		j := i
		for j < len(md) {
			r, n := utf8.DecodeRuneInString(md[j:])
			if !isWord(r) {
				break
			}
			j += n
		}
		if j-i >= 3 {
			w := offer.Fold(md[i:j])
			if !stopWords[w] && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
		i = j
	}
	return strings.Join(out, " ")
}
