package offer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What an offer's body says in short: its summary is computed once when
// the offer is read, so that the body itself need not stay in memory; its
// search words only for the offers the search index gives them to.

// maxKeywords bounds the body words kept per offer in the search index: the
// distinctive words of an offer come early (title, missions), and the index
// of a national board must stay small enough to load on a phone.
const maxKeywords = 120

// stopWords are French words too common to search for.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`les des une dans pour par sur avec aux est sont ses son sera ont qui que
		quoi dont cette ces tout tous toute toutes plus moins bien etre avoir fait faire leur leurs elle ils
		elles nous vous sous entre vers chez sans comme mais donc car ainsi afin lors ete non oui pas peut`) {
		stopWords[w] = true
	}
}

var (
	reMDLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	reMDEmphasis = regexp.MustCompile(`(^|\W)[*_]{1,3}([^*_]+?)[*_]{1,3}(\W|$)`)
)

var markReplacer = strings.NewReplacer("\\", "", "**", "", "__", "", "`", "")

// plainText strips Markdown marks well enough for a summary: headings,
// list bullets, emphasis, links (their text is kept), escapes.
func plainText(md string, max int) string {
	// The summary needs the first few hundred characters: do not clean the
	// whole body for them.
	if limit := 4 * max; len(md) > limit {
		cut := strings.LastIndexByte(md[:limit], '\n')
		if cut < max {
			cut = limit
			for cut > 0 && !utf8.RuneStart(md[cut]) {
				cut--
			}
		}
		md = md[:cut]
	}
	// One builder, words appended as they come: this runs for every offer
	// read, and slices of words per line were a twentieth of a build's
	// allocations.
	var b strings.Builder
	b.Grow(max + len("…"))
	for line := range strings.SplitSeq(md, "\n") {
		line, heading := blockText(line)
		if heading && line != "" && !strings.ContainsRune(".:;!?…", lastRune(line)) {
			// "Missions" then its text: "Missions : Accueillir…".
			line += " :"
		}
		if strings.IndexByte(line, '[') >= 0 {
			line = reMDLink.ReplaceAllString(line, "$1")
		}
		if strings.ContainsAny(line, "*_") {
			line = reMDEmphasis.ReplaceAllString(line, "$1$2$3")
		}
		if strings.ContainsAny(line, "\\*_`") {
			line = markReplacer.Replace(line)
		}
		for w := range strings.FieldsSeq(line) {
			sep := 0
			if b.Len() > 0 {
				sep = 1
			}
			if b.Len()+sep+len(w) > max {
				b.WriteString("…")
				return b.String()
			}
			if sep > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// blockText strips what makes a line a Markdown heading, quote or list
// item, and says whether it was a heading. A "*" is a bullet only before a
// space: "*Offre fictive*" is emphasis, which plainText removes whole.
func blockText(line string) (text string, heading bool) {
	line = strings.TrimSpace(line)
	for {
		switch {
		case isRule(line):
			return "", false
		case strings.HasPrefix(line, "#"):
			line, heading = strings.TrimLeft(line, "#"), true
		case strings.HasPrefix(line, ">"):
			line = line[1:]
		case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "), strings.HasPrefix(line, "+ "):
			line = line[2:]
		default:
			return line, heading
		}
		line = strings.TrimSpace(line)
	}
}

// isRule reports a thematic break: three or more "-", "*" or "_", alone.
func isRule(line string) bool {
	s := strings.ReplaceAll(line, " ", "")
	return len(s) >= 3 && strings.Trim(s, s[:1]) == "" && strings.ContainsRune("-*_", rune(s[0]))
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// Keywords returns the first distinct words of a Markdown body, folded
// (see Fold), for the search index. It scans the body word by word and
// stops at maxKeywords distinct words: it folds only what it keeps, not the
// whole body.
func Keywords(md string) string {
	seen := make(map[string]bool, maxKeywords)
	out := make([]string, 0, maxKeywords)
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(md) && len(out) < maxKeywords; {
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
			w := Fold(md[i:j])
			if !stopWords[w] && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
		i = j
	}
	return strings.Join(out, " ")
}

var (
	reEmail = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	reURL   = regexp.MustCompile(`https?://[^\s<>()\[\]"']+|www\.[^\s<>()\[\]"']+`)
)

// contacts lists the e-mail addresses and web addresses an offer gives, in
// order of appearance, without repeats: how to apply, which the page shows
// apart so that it stands out.
func contacts(md string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimRight(s, ".,;:!?")
		if s != "" && !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			out = append(out, s)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		if !strings.Contains(line, "@") && !strings.Contains(line, "://") && !strings.Contains(line, "www.") {
			continue
		}
		for _, m := range reURL.FindAllString(line, -1) {
			add(m)
		}
		for _, m := range reEmail.FindAllString(line, -1) {
			add(m)
		}
	}
	if len(out) > 6 {
		out = out[:6]
	}
	return out
}
