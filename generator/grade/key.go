package grade

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldTable maps the runes of the Latin blocks to their folded form: lower
// case, without accents (é → e, œ → oe), with typographic apostrophes and
// dashes made plain. It is computed once from x/text's NFKD decomposition
// rather than written by hand.
var foldTable = func() []string {
	t := make([]string, 0x2300)
	strip := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
	for r := rune(0x80); r < rune(len(t)); r++ {
		s, _, err := transform.String(strip, string(r))
		if err != nil {
			s = string(r)
		}
		t[r] = strings.ToLower(s)
		strip.Reset()
	}
	for r, s := range map[rune]string{
		'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss",
		'’': "'", '‘': "'", 'ʼ': "'", '´': "'", '`': "'",
		'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-",
		'\u00a0': " ", '\u202f': " ", '\u2009': " ",
		'°': "o", 'º': "o",
	} {
		t[r] = s
	}
	return t
}()

// fold returns s lower-cased and without accents: the form in which
// spellings are compared ("Rédactrice" and "REDACTRICE" fold alike).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case int(r) < len(foldTable):
			b.WriteString(foldTable[r])
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// ordinals maps the ways offers write an ordinal to its digit: "2ème",
// "2e", "2nde", "deuxième" and "second" all read "2".
var ordinals = map[string]string{
	"1er": "1", "1re": "1", "1ere": "1", "1e": "1", "1eme": "1", "premier": "1", "premiere": "1",
	"2e": "2", "2eme": "2", "2nde": "2", "2nd": "2", "2de": "2", "2d": "2", "deuxieme": "2", "second": "2", "seconde": "2",
	"3e": "3", "3eme": "3", "troisieme": "3",
}

// ordinalSuffix is what follows a digit written apart: "2 ème", "1 re".
var ordinalSuffix = map[string]bool{"e": true, "eme": true, "er": true, "re": true, "ere": true, "nde": true, "nd": true}

// stopWords carry no meaning in a grade's name once folded: "de", "des",
// the article of "de l'État", and "territorial" that the FPT adds to every
// grade ("attaché territorial" is the attaché).
var stopWords = map[string]bool{
	"de": true, "du": true, "des": true, "d": true, "l": true, "la": true, "le": true, "les": true,
	"en": true, "a": true, "au": true, "aux": true, "territorial": true,
}

// feminine maps word endings of feminine forms to the masculine the table
// is written in: "rédactrice" → "rédacteur", "attachée" → "attaché",
// "principale" → "principal", "adjointe administrative" → "adjoint
// administratif". Applied to both sides of a comparison, a rule only has to
// be consistent, not always good French ("normale" → "normal").
var feminine = [...]struct{ from, to string }{
	{"trice", "teur"}, {"ienne", "ien"}, {"euse", "eur"}, {"eure", "eur"}, {"cheffe", "chef"},
	{"ere", "er"}, {"ee", "e"}, {"ale", "al"}, {"ante", "ant"}, {"ente", "ent"},
	{"inte", "int"}, {"ive", "if"}, {"elle", "el"},
}

// normWord folds the plural and feminine forms of a folded word.
func normWord(w string) string {
	if len(w) > 3 {
		switch {
		case strings.HasSuffix(w, "aux"):
			w = w[:len(w)-3] + "al"
		case w[len(w)-1] == 's':
			w = w[:len(w)-1]
		}
	}
	if len(w) >= 5 {
		for _, f := range feminine {
			if strings.HasSuffix(w, f.from) {
				return w[:len(w)-len(f.from)] + f.to
			}
		}
	}
	return w
}

// words splits folded text into words of letters and digits, with ordinals
// made digits. Apostrophes, hyphens and all punctuation separate words:
// "sage-femme" is "sage femme", "d'emplois" is "d emplois".
func words(f string, out []string) []string {
	start := -1
	for i := 0; i <= len(f); i++ {
		var c byte
		if i < len(f) {
			c = f[i]
		}
		alnum := i < len(f) && (('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c >= utf8.RuneSelf)
		if alnum {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		w := f[start:i]
		start = -1
		if d, ok := ordinals[w]; ok {
			w = d
		} else if n := len(out); n > 0 && ordinalSuffix[w] && isDigits(out[n-1]) {
			continue
		}
		out = append(out, w)
	}
	return out
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// key is the form in which the table is indexed: folded, ordinals as
// digits, plurals and feminine forms made masculine singular, and stop
// words and single letters (the "(e)" of "attaché(e)") dropped.
// "Adjointes administratives principales de 2ème classe" and "adjoint
// administratif principal de 2e classe" have the same key.
func key(s string) string {
	var buf [24]string
	ws := words(fold(s), buf[:0])
	var b strings.Builder
	b.Grow(len(s))
	for _, w := range ws {
		if len(w) == 1 && !isDigits(w) {
			continue
		}
		w = normWord(w)
		if stopWords[w] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// Key is the form in which grades are compared: two names of one key are
// one grade whatever their case, accents, plural, feminine or ordinal
// ("Ingénieurs 2e grade", "ingénieur 2ème grade"). A board's own table of
// grades (config.toml's [grades]) is looked up by it.
func Key(s string) string { return key(s) }

// lightKey is the written form folded and with ordinals as digits only:
// two spellings with the same light key differ only in case, accents,
// punctuation or the way an ordinal is written, so the offer's own is
// kept for display.
func lightKey(s string) string {
	var buf [24]string
	return strings.Join(words(fold(s), buf[:0]), " ")
}
