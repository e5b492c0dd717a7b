package place

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A place is compared word by word, in a folded form: lower case, no
// accents, every run of punctuation one space, "St" and "Ste" spelt out. So
// "JOUE LES TOURS", "Joué-lès-Tours" and "joue les tours" are one key, and
// "St-Denis" is "Saint-Denis". Names in the table and places in offers are
// folded by the same tokenizer.

// sep is what stands between two words.
type sep uint8

const (
	sepNone  sep = iota // the first word, or no break in a run of letters
	sepJoin             // a hyphen or an apostrophe, no space: inside a name ("Joué-lès-Tours", "L'Haÿ")
	sepSpace            // spaces and other punctuation that separate words of a phrase
	sepBreak            // a dash between spaces, ",", ";", "/", a new line…: places are listed apart
	sepParen            // "(" or ")": a note on the place before ("Saint-Denis (974)")
)

// Classes of runes that are not letters or digits.
const (
	cLetter = iota
	cSpace
	cHyphen
	cJoin
	cDash
	cBreak
	cOpen
	cClose
)

// foldTable maps the runes of the Latin and punctuation blocks to their
// folded letters ("é" → "e", "œ" → "oe", "ᵉʳ" → "er") or to "" for a
// separator (classes in sepClass). It is computed from x/text's NFKD
// decomposition, not written by hand.
type foldTable struct {
	fold  [0x2300]string
	class [0x2300]uint8
}

func newFoldTable() *foldTable {
	t := new(foldTable)
	for r := rune(0); r < 0x2300; r++ {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			t.fold[r] = string(r)
		case 'A' <= r && r <= 'Z':
			t.fold[r] = string(r + 'a' - 'A')
		case unicode.Is(unicode.Mn, r):
			// A combining accent: part of its word, folded to nothing.
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			t.class[r] = cSpace
		case !latin(r):
			t.fold[r] = string(unicode.ToLower(r))
		default:
			var b []byte
			for _, c := range norm.NFKD.String(string(r)) {
				if unicode.IsLetter(c) || unicode.IsDigit(c) {
					b = utf8.AppendRune(b, unicode.ToLower(c))
				}
			}
			t.fold[r] = string(b)
		}
	}
	// Letters NFKD keeps whole.
	for r, s := range map[rune]string{'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss",
		'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d"} {
		t.fold[r] = s
	}
	for _, r := range "-\u2010\u2011" {
		t.class[r] = cHyphen
	}
	for _, r := range "'’‘ʼ`´′" {
		t.fold[r], t.class[r] = "", cJoin
	}
	for _, r := range "\u2012\u2013\u2014\u2015\u2212" {
		t.class[r] = cDash
	}
	for _, r := range ",;/\\|:\n\r\v\f•·&+!?\u2028\u2029\u0085" {
		t.class[r] = cBreak
	}
	for _, r := range "([{" {
		t.class[r] = cOpen
	}
	for _, r := range ")]}" {
		t.class[r] = cClose
	}
	for r := range t.fold {
		if t.class[r] != cLetter {
			t.fold[r] = ""
		}
	}
	return t
}

// latin reports whether r is in a block of Latin letters with accents or of
// superscripts ("ᵉʳ"), which NFKD folds to plain letters; other letters are
// only lower-cased, which keeps building the table fast.
func latin(r rune) bool {
	return 0x80 <= r && r < 0x250 || 0x2b0 <= r && r < 0x370 || 0x1d00 <= r && r < 0x1f00 || 0x2070 <= r && r < 0x20a0
}

// tok is one word of a place as written.
type tok struct {
	start, end int32 // bytes of the word in the text read (int32 keeps tok small)
	fs, fe     int32 // bytes of its folded form in the folded text
	before     sep   // what separates it from the word before
	depth      int8  // how many brackets it is inside
	number     bool  // only digits, or an ordinal ("15e" is folded "15")
	ordinal    bool  // "15e", "1er", "3ème"
	upper      bool  // written with a capital first letter
	role       uint8 // what the parser made of it (role* constants)
}

// ordinals are the suffixes of "1er", "2e", "3ème", "15eme", "2nde" once folded.
var ordinals = map[string]bool{"e": true, "er": true, "ere": true, "eme": true, "ieme": true, "em": true, "nd": true, "nde": true, "d": true}

// tokens splits s into words, appending them to toks and their folded forms,
// separated by one space, to buf.
func (ft *foldTable) tokens(s string, toks []tok, buf []byte) ([]tok, []byte) {
	var (
		cur      tok
		in       bool // inside a word
		pending  = sepNone
		spaceBef bool // a space came just before a hyphen
		hyphen   bool // a hyphen came since the last word
		depth    int8
	)
	flush := func(end int) {
		if !in {
			return
		}
		cur.end, cur.fe = int32(end), int32(len(buf))
		w := buf[cur.fs:cur.fe]
		digits := 0
		for digits < len(w) && '0' <= w[digits] && w[digits] <= '9' {
			digits++
		}
		switch {
		case digits == len(w):
			cur.number = true
		case digits > 0 && ordinals[string(w[digits:])]:
			cur.number, cur.ordinal = true, true
			buf = buf[:int(cur.fs)+digits]
			cur.fe = int32(len(buf))
		default:
			switch string(w) {
			case "st":
				buf = append(buf[:cur.fs], "saint"...)
			case "ste":
				buf = append(buf[:cur.fs], "sainte"...)
			case "sts":
				buf = append(buf[:cur.fs], "saints"...)
			case "stes":
				buf = append(buf[:cur.fs], "saintes"...)
			}
			cur.fe = int32(len(buf))
		}
		toks = append(toks, cur)
		in = false
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		var f string
		class := uint8(cLetter)
		if int(r) < len(ft.fold) {
			f, class = ft.fold[r], ft.class[r]
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			f = string(unicode.ToLower(r))
		} else {
			class = cSpace
		}
		if class == cLetter && f == "" {
			// A combining mark or a letter that folds to nothing stays in its word.
			i += n
			continue
		}
		if class != cLetter {
			flush(i)
			switch class {
			case cSpace:
				if hyphen {
					// "Nouméa - Hôtel de Ville", "Nouméa -Hôtel": a dash, not a hyphen.
					pending = max(pending, sepBreak)
				} else {
					pending = max(pending, sepSpace)
				}
				spaceBef = true
			case cHyphen:
				if spaceBef {
					pending = max(pending, sepBreak)
				} else {
					pending = max(pending, sepJoin)
				}
				hyphen = true
			case cJoin:
				pending = max(pending, sepJoin)
			case cDash, cBreak:
				// "Boulogne s/ Mer": the slash abbreviates "sur".
				if r == '/' && len(toks) > 0 && int(toks[len(toks)-1].end) == i && pending == sepNone {
					if last := &toks[len(toks)-1]; string(buf[last.fs:last.fe]) == "s" {
						buf = append(buf[:last.fs], "sur"...)
						last.fe = int32(len(buf))
						pending = sepSpace
						break
					}
				}
				pending = max(pending, sepBreak)
			case cOpen:
				pending, depth = sepParen, depth+1
			case cClose:
				pending = sepParen
				if depth > 0 {
					depth--
				}
			}
			i += n
			continue
		}
		if !in {
			if len(buf) > 0 {
				buf = append(buf, ' ')
			}
			if len(toks) == 0 {
				pending = sepNone
			} else if pending == sepNone {
				pending = sepSpace
			}
			cur = tok{start: int32(i), fs: int32(len(buf)), before: pending, depth: depth, upper: unicode.IsUpper(r)}
			in, pending, spaceBef, hyphen = true, sepNone, false, false
		}
		buf = append(buf, f...)
		i += n
	}
	flush(len(s))
	return toks, buf
}

// appendKey appends name folded as one key to buf: what tokens gives for
// a name, its words joined by spaces, without the tokens. Reading the table
// folds every name this way; TestAppendKey checks both agree on every name.
func (ft *foldTable) appendKey(buf []byte, name string) []byte {
	start := len(buf)
	word := len(buf) // where the current word starts
	gap := false     // a separator since the last letter
	end := func() {
		w := buf[word:]
		switch string(w) {
		// Spell out "St", "Ste", "Sts", "Stes".
		case "st", "ste", "sts", "stes":
			buf = append(buf[:word+1], "aint"+string(w[2:])...)
		default:
			// "6eme" is "6".
			digits := 0
			for digits < len(w) && '0' <= w[digits] && w[digits] <= '9' {
				digits++
			}
			if digits > 0 && digits < len(w) && ordinals[string(w[digits:])] {
				buf = buf[:word+digits]
			}
		}
	}
	for i := 0; i < len(name); {
		c := name[i]
		var f string
		n := 1
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c < utf8.RuneSelf:
			gap = true
			i++
			continue
		default:
			var r rune
			r, n = utf8.DecodeRuneInString(name[i:])
			if int(r) >= len(ft.fold) || ft.class[r] != cLetter {
				// Names hold only letters of the table and its separators.
				gap = true
				i += n
				continue
			}
			f = ft.fold[r]
			if f == "" {
				i += n
				continue
			}
		}
		if gap || len(buf) == start {
			if len(buf) > start {
				end()
				buf = append(buf, ' ')
			}
			word, gap = len(buf), false
		}
		if f != "" {
			buf = append(buf, f...)
		} else {
			buf = append(buf, c)
		}
		i += n
	}
	if len(buf) > start {
		end()
	}
	return buf
}

// key returns name folded as one key: its words joined by spaces.
func (ft *foldTable) key(name string) string {
	var arr [16]tok
	_, buf := ft.tokens(name, arr[:0], make([]byte, 0, len(name)+8))
	return string(buf)
}
