package offer

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldTable maps each non-ASCII rune of the Latin, punctuation and
// letter-like blocks to its folded form. It is computed once from x/text's
// NFKD decomposition (é → e, ᵉʳ → er, NBSP → space, ﬁ → fi) rather than
// written by hand; the table only makes the hot path (every line of every
// offer is folded) allocation-free.
var foldTable = func() []string {
	t := make([]string, 0x2300)
	strip := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
	for r := rune(0x80); r < rune(len(t)); r++ {
		s, _, err := transform.String(strip, string(r))
		if err != nil {
			s = string(r)
		}
		s = strings.ToLower(s)
		t[r] = s
		strip.Reset()
	}
	// Letters NFKD keeps whole, and typography editors paste from word
	// processors: fold them to what a person would type on a keyboard.
	for r, s := range map[rune]string{
		'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss", 'ø': "o", 'Ø': "o",
		'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
		'’': "'", '‘': "'", 'ʼ': "'", '′': "'", '´': "'", '`': "'",
		'«': "\"", '»': "\"", '“': "\"", '”': "\"",
		'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-",
		'\u00a0': " ", '\u202f': " ", '\u2009': " ", '\u2007': " ", '\u2002': " ", '\u2003': " ",
		'…': "...", '°': "o", 'º': "o",
	} {
		t[r] = s
	}
	return t
}()

var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

// Fold returns s lower-cased, without accents, with typographic quotes,
// dashes and spaces made plain: the form in which labels, employer names and
// search words are compared. "Référence" and "REFERENCE" fold alike.
func Fold(s string) string {
	i := plainPrefix(s)
	if i == len(s) {
		return s
	}
	// Every line of every offer is folded: one buffer, written without a
	// builder's checks, its bytes already folded copied at once.
	b := make([]byte, i, len(s)+8)
	copy(b, s[:i])
	b = appendFold(b, s[i:])
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// plainPrefix is the length of s's first bytes that Fold leaves as they
// are: ASCII, neither a capital nor a tab.
func plainPrefix(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '\t' {
			return i
		}
	}
	return len(s)
}

// appendFold appends s folded to dst.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == '\t' {
				c = ' '
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case int(r) < len(foldTable):
			dst = append(dst, foldTable[r]...)
		case 0xFB00 <= r && r <= 0xFB06:
			// Ligatures pasted from PDFs ("ﬁlière", "qualiﬁcation") lie
			// past the table; without this "ﬁlière" is no label.
			dst = append(dst, ligatures[r-0xFB00]...)
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// squash folds s and collapses runs of spaces into one, trimming both ends.
func squash(s string) string {
	f := Fold(s)
	if !strings.Contains(f, "  ") && strings.TrimSpace(f) == f {
		return f
	}
	return strings.Join(strings.Fields(f), " ")
}

// IsUpper reports whether s has letters and none of them is lower case:
// "MAIRIE DE TOURS", not "Commune de POUM".
func IsUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// minorWords stay lower case inside a French proper name written in title
// case ("Mairie de Tours", "Communauté d'agglomération du Pays de Dreux").
var minorWords = map[string]bool{
	"de": true, "du": true, "des": true, "d": true, "la": true, "le": true, "les": true, "l": true,
	"et": true, "en": true, "à": true, "a": true, "au": true, "aux": true, "sur": true, "sous": true, "lès": true,
}

// acronyms keep their capitals when a name is converted from upper case.
var acronyms = map[string]bool{
	"CCAS": true, "CIAS": true, "SIVOM": true, "SIVU": true, "SDIS": true, "EPCI": true, "CDG": true,
	"CNFPT": true, "EHPAD": true, "SIAEP": true, "SMICTOM": true, "OPH": true, "CHU": true, "CH": true,
	"SAEM": true, "SEM": true, "SPL": true, "GIP": true, "EPA": true, "EPIC": true, "II": true, "III": true, "IV": true,
}

// TitleCase converts a name written in capitals to the way it is written in
// running text: "MAIRIE DE TOURS" → "Mairie de Tours", "SAINT-ÉTIENNE" →
// "Saint-Étienne", "COMMUNAUTÉ D'AGGLOMÉRATION" → "Communauté d'Agglomération".
// A name that already has lower-case letters is returned as written.
func TitleCase(s string) string {
	if !IsUpper(s) {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = titleWord(w, i == 0)
	}
	return strings.Join(words, " ")
}

func titleWord(w string, first bool) string {
	// Punctuation around a word must not hide an acronym: "(CCAS)".
	if acronyms[strings.TrimFunc(w, unicode.IsPunct)] {
		return w
	}
	// Split on hyphens and apostrophes, which start a new capital:
	// "SAINT-DENIS", "D'ARMOR".
	var b strings.Builder
	seg := 0
	for i, r := range w {
		if r == '-' || r == '\'' || r == '’' {
			b.WriteString(titleSeg(w[seg:i], first && b.Len() == 0))
			b.WriteRune(r)
			seg = i + utf8.RuneLen(r)
		}
	}
	b.WriteString(titleSeg(w[seg:], first && b.Len() == 0))
	return b.String()
}

func titleSeg(s string, first bool) string {
	if s == "" {
		return s
	}
	lower := strings.ToLower(s)
	if !first && minorWords[lower] {
		return lower
	}
	// The capital goes on the first letter or digit, not on an opening
	// bracket or quote: "(VAR)" → "(Var)", "2E" → "2e".
	i := strings.IndexFunc(lower, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if i < 0 {
		return lower
	}
	r, n := utf8.DecodeRuneInString(lower[i:])
	return lower[:i] + string(unicode.ToUpper(r)) + lower[i+n:]
}
