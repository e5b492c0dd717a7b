package grade

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Thresholds of Split, named so that changing one is reading one line.
const (
	// maxRun is how many pieces separated by "ou", "et", "/" or "," one
	// grade's name may span ("Capitaines, commandants et
	// lieutenants-colonels", "Conservation du patrimoine et des
	// bibliothèques").
	maxRun = 6
	// maxWords is the longest piece read as a grade: past it the piece is
	// a sentence that ran into the grade line, dropped with a note.
	maxWords = 10
	// quoteLen is how much of a dropped piece a note quotes.
	quoteLen = 40
)

type tokKind uint8

const (
	tWord  tokKind = iota
	tParen         // "(informatique)": text is what the parentheses hold
	tSoft          // "ou", "et", "&"
	tSlash         // "/"
	tComma         // ",", ":", a dash between spaces
	tHard          // newline, ";", a bullet
)

// token is a word or separator of a grade line; f is a word's folded form,
// without a final period.
type token struct {
	kind tokKind
	text string // a word as written; a separator as it joins two names (" ou ")
	f    string
}

// lex cuts a line into words and separators. A hyphen inside a word is
// part of it ("sage-femme"); a dash between spaces separates; a dash or
// bullet that starts a line is a bullet.
func lex(s string) []token {
	toks := make([]token, 0, 16)
	lineStart := true
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := s[start:end]
			f := strings.TrimRight(fold(w), ".")
			switch f {
			case "ou", "et":
				toks = append(toks, token{kind: tSoft, text: " " + f + " "})
			default:
				toks = append(toks, token{kind: tWord, text: w, f: f})
			}
			start = -1
			lineStart = false
		}
	}
	sep := func(k tokKind, text string) {
		toks = append(toks, token{kind: k, text: text})
		lineStart = k == tHard
	}
	for i := 0; i < len(s); {
		if c := s[i]; ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') || c == '\'' || c == '.' {
			// The common case, first: a letter of a word.
			if start < 0 {
				start = i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' || r == '\r' || r == ';':
			flush(i)
			sep(tHard, "")
		case unicode.IsSpace(r) || strings.ContainsRune("\"«»“”„*", r):
			flush(i)
		case r == ',' || r == ':':
			flush(i)
			sep(tComma, ", ")
		case r == '/' || r == '|' || r == '\\':
			flush(i)
			sep(tSlash, " / ")
		case r == '&':
			flush(i)
			sep(tSoft, " & ")
		case r == '(' || r == '[':
			flush(i)
			j := strings.IndexAny(s[i+size:], ")]\n")
			inner := s[i+size:]
			next := len(s)
			if j >= 0 {
				inner = inner[:j]
				next = i + size + j
				if s[next] != '\n' {
					next++
				}
			}
			toks = append(toks, token{kind: tParen, text: strings.TrimSpace(inner), f: fold(strings.TrimSpace(inner))})
			lineStart = false
			i = next
			continue
		case strings.ContainsRune("•·▪‣◦●○■□►➢✓", r):
			flush(i)
			sep(tHard, "")
		case r == '-' || r == '–' || r == '—':
			// A hyphen inside a word stays ("gardien-brigadier"); one that
			// starts a word is a bullet at the start of a line, else a
			// separator (" - catégorie B", "Adjoint technique – Agent de
			// maîtrise").
			if start >= 0 && r == '-' {
				break
			}
			flush(i)
			if lineStart {
				sep(tHard, "")
			} else {
				sep(tComma, " - ")
			}
		default:
			if start < 0 {
				start = i
			}
		}
		i += size
	}
	flush(len(s))
	return toks
}

// isCategory reports whether a folded word is a category letter.
func isCategory(f string) bool {
	switch f {
	case "a", "b", "c", "d", "a+":
		return true
	}
	return false
}

// noiseParen reports whether what parentheses hold is noise: the gender
// marks "(H/F)", "(e)", "(s)", "(e)(s)", "(ne)".
func noiseParen(f string) bool {
	if len(f) > 8 {
		return false
	}
	var b [8]byte
	n := 0
	for i := 0; i < len(f); i++ {
		if c := f[i]; c != ' ' && c != '(' && c != ')' {
			b[n] = c
			n++
		}
	}
	switch string(b[:n]) {
	case "h/f", "f/h", "h-f", "f-h", "hf", "fh", "h/f/x", "f/h/x", "e", "s", "es", "x", "ne", "le", "trice", "ere", "euse", "ive":
		return true
	}
	return false
}

// denoise drops what offers add around grade names: "H/F" and "F/H",
// "territorial(e)(s)", "- catégorie B" and "cat. A" (whose letters it
// returns, to check them against the table), and the "(e)" of
// "attaché(e)".
func denoise(toks []token) ([]token, []string) {
	var stated []string
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tParen:
			if noiseParen(t.f) {
				continue
			}
			if c := parenCategory(t.f); c != "" {
				stated = append(stated, c)
				continue
			}
		case tWord:
			// "H/F" and "F/H" were cut at the slash.
			if (t.f == "h" || t.f == "f") && i+2 < len(toks) && toks[i+1].kind == tSlash &&
				toks[i+2].kind == tWord && (toks[i+2].f == "h" || toks[i+2].f == "f") && toks[i+2].f != t.f {
				i += 2
				continue
			}
			if strings.HasPrefix(t.f, "territori") {
				continue
			}
			if (t.f == "categorie" || t.f == "cat" || t.f == "categories") && i+1 < len(toks) &&
				toks[i+1].kind == tWord && isCategory(toks[i+1].f) {
				stated = append(stated, strings.ToUpper(toks[i+1].f))
				i++
				// "- catégorie B", "de catégorie B", "en catégorie B".
				for len(out) > 0 {
					p := out[len(out)-1]
					if p.kind == tComma || (p.kind == tWord && (p.f == "de" || p.f == "en")) {
						out = out[:len(out)-1]
						continue
					}
					break
				}
				continue
			}
		}
		out = append(out, t)
	}
	return out, stated
}

// parenCategory returns the category a parenthesis states: "(catégorie B)",
// "(cat. A)".
func parenCategory(f string) string {
	for _, p := range []string{"categorie ", "cat. ", "cat "} {
		if rest, ok := strings.CutPrefix(f, p); ok && isCategory(strings.TrimSpace(rest)) {
			return strings.ToUpper(strings.TrimSpace(rest))
		}
	}
	return ""
}

// trimLead drops the words that introduce a grade's name: "cadre
// d'emplois des", "corps des", "grade de", "du grade d'", "tous les grades
// du cadre d'emplois des". A "d'" glued to the name ("cadre d'emplois
// d'attaché") is cut from it.
func trimLead(ws []token) []token {
	article := func() {
		if len(ws) == 0 {
			return
		}
		switch ws[0].f {
		case "de", "des", "du", "d'":
			ws = ws[1:]
			return
		}
		if rest, ok := cutElision(ws[0]); ok {
			ws = append([]token{rest}, ws[1:]...)
		}
	}
	isGrade := func(f string) bool { return f == "grade" || f == "grades" }
	for range 3 {
		n := len(ws)
		switch {
		case len(ws) > 1 && (ws[0].f == "tous" || ws[0].f == "toutes") && (isGrade(ws[1].f) || ws[1].f == "les"):
			ws = ws[1:]
			if ws[0].f == "les" {
				ws = ws[1:]
			}
		case len(ws) > 1 && (ws[0].f == "cadre" || ws[0].f == "cadres") && strings.HasPrefix(ws[1].f, "d'emploi"):
			ws = ws[2:]
			article()
		case len(ws) > 2 && (ws[0].f == "cadre" || ws[0].f == "cadres") && ws[1].f == "d" && strings.HasPrefix(ws[2].f, "emploi"):
			ws = ws[3:]
			article()
		case len(ws) > 1 && ws[0].f == "corps":
			ws = ws[1:]
			article()
		case len(ws) > 2 && (ws[0].f == "du" || ws[0].f == "au" || ws[0].f == "le" || ws[0].f == "les") && isGrade(ws[1].f):
			ws = ws[2:]
			article()
		case len(ws) > 1 && isGrade(ws[0].f):
			ws = ws[1:]
			article()
		}
		if len(ws) == n {
			break
		}
	}
	return ws
}

// cutElision cuts "d'" or "l'" from the start of a word: "d'attaché".
func cutElision(t token) (token, bool) {
	if len(t.f) > 2 && (t.f[0] == 'd' || t.f[0] == 'l') && t.f[1] == '\'' {
		i := strings.IndexAny(t.text, "'’")
		if i < 0 {
			return t, false
		}
		_, n := utf8.DecodeRuneInString(t.text[i:])
		return token{kind: tWord, text: t.text[i+n:], f: t.f[2:]}, true
	}
	return t, false
}

// display joins words as the offer wrote them.
func display(ws []token) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		if w.kind == tParen {
			b.WriteString("(" + w.text + ")")
		} else {
			b.WriteString(w.text)
		}
	}
	return strings.Trim(b.String(), " .,:;-–—'’")
}

// clean returns a name without the noise offers add around it, as
// Lookup reads it: "Cadre d'emplois des attachés territoriaux (H/F)" →
// "attachés".
func clean(s string) string {
	toks, _ := denoise(lex(s))
	ws := make([]token, 0, len(toks))
	for _, t := range toks {
		switch t.kind {
		case tWord, tParen:
			ws = append(ws, t)
		default:
			ws = append(ws, token{kind: tWord, text: strings.TrimSpace(t.text), f: strings.TrimSpace(t.text)})
		}
	}
	return display(trimLead(ws))
}

// piece is a run of words between two separators.
type piece struct {
	ws  []token
	sep token // the separator before it (kind tHard for the first)
}

// Split turns a grade line into grades: "Ingénieur 2ème grade / économie
// rurale ou équipement ou Attaché" is two grades, the engineer's with its
// specialty. Separators are ",", ";", " ou ", " et ", "/", newlines and
// bullets, but a separator inside a name the table knows does not split
// ("Capitaines, commandants et lieutenants-colonels"), and what follows a
// "/" and is not a grade is the specialty of the grade before it. A grade
// followed by words the table does not know keeps them as its specialty
// ("Technicien (informatique)"). Noise is dropped: "(H/F)",
// "territorial(e)(s)", "- catégorie B", "cadre d'emplois des", "grade
// de". A grade appears once.
//
// Split never guesses silently: each doubt comes back as a note, in
// English, short, for the caller to turn into a warning: a name the table
// does not know, a name the services disagree on, words read as a
// specialty without a "/" or parentheses, a stated category that is not the
// table's, a piece dropped as a sentence or as a category alone.
func Split(line string) (grades []Grade, notes []string) {
	toks := lex(line)
	idx := theIndex()
	// Segments between hard separators, each cut into pieces.
	for len(toks) > 0 {
		end := len(toks)
		for i, t := range toks {
			if t.kind == tHard {
				end = i
				break
			}
		}
		seg := toks[:end]
		if end < len(toks) {
			toks = toks[end+1:]
		} else {
			toks = nil
		}
		grades, notes = splitSegment(idx, seg, grades, notes)
	}
	return grades, notes
}

// splitSegment reads the grades of one segment (a line, or a part of it
// between ";").
func splitSegment(idx index, seg []token, grades []Grade, notes []string) ([]Grade, []string) {
	// A category stated in the segment is checked against the grades.
	seg, stated := denoise(seg)
	pieces := make([]piece, 0, 8)
	cur := piece{sep: token{kind: tHard}}
	for _, t := range seg {
		switch t.kind {
		case tWord, tParen:
			cur.ws = append(cur.ws, t)
		default:
			if len(cur.ws) > 0 {
				pieces = append(pieces, cur)
			}
			cur = piece{sep: t}
		}
	}
	if len(cur.ws) > 0 {
		pieces = append(pieces, cur)
	}
	if len(pieces) == 0 && len(stated) > 0 {
		notes = append(notes, quote("catégorie "+strings.Join(stated, "/"))+" names a category, not a grade")
	}
	keys := make([]string, len(pieces))
	for i := range pieces {
		keys[i] = key(display(trimLead(pieces[i].ws)))
	}
	first := len(grades)
	last := -1 // the grade (index in grades) a specialty attaches to
	specOpen := false
	specNote := -1       // the note of a specialty read without a "/", rewritten as it grows
	specPending := false // "spécialité" ended the piece before: this one is the specialty
	for i := 0; i < len(pieces); i++ {
		p := &pieces[i]
		lead := trimLead(p.ws)
		if display(lead) == "" {
			if len(stated) > 0 {
				notes = append(notes, quote(display(p.ws)+" de catégorie "+strings.Join(stated, "/"))+" names a category, not a grade")
			}
			continue
		}
		if len(lead) > maxWords {
			notes = append(notes, "dropped "+quote(display(lead))+": a sentence, not a grade")
			last, specOpen, specPending = -1, false, false
			continue
		}
		if len(lead) == 1 && isCategory(lead[0].f) {
			notes = append(notes, quote(display(lead))+" names a category, not a grade")
			continue
		}
		if last >= 0 && len(lead) == 1 && isSpecialtyWord(lead[0].f) {
			specPending = true
			continue
		}
		if specPending {
			specPending = false
			grades[last].Specialty = display(lead)
			specOpen = true
			continue
		}
		// The longest run of pieces from here that the table knows. A
		// run's key is its pieces' keys joined by "ou" or "et": key drops
		// punctuation, so this is the key of the run's text.
		j, m := i, (*match)(nil)
		run := keys[i]
		for k := i; k < len(pieces) && k < i+maxRun; k++ {
			if k > i {
				if w := sepWord(pieces[k].sep); w != "" {
					run += " " + w
				}
				if keys[k] != "" {
					run += " " + keys[k]
				}
			}
			if mm := idx[run]; mm != nil {
				j, m = k, mm
			}
		}
		text := ""
		if m != nil {
			text = runText(pieces, i, j, lead)
		}
		if m != nil {
			grades, notes, last = addGrade(grades, notes, text, m, 0)
			specOpen, specNote = false, -1
			i = j
			continue
		}
		d := display(lead)
		// Not a grade: after a "/", or after such a specialty and "ou",
		// it is the specialty of the grade before.
		if last >= 0 && (p.sep.kind == tSlash || (specOpen && p.sep.kind == tSoft)) {
			g := &grades[last]
			if g.Specialty == "" {
				g.Specialty = unparen(d)
			} else {
				g.Specialty += p.sep.text + unparen(d)
			}
			if specNote >= 0 {
				notes[specNote] = specialtyNote(g)
			}
			specOpen = true
			continue
		}
		if last >= 0 && isSpecialtyWord(lead[0].f) && len(lead) > 1 {
			grades[last].Specialty = display(lead[1:])
			specOpen = true
			continue
		}
		// A known grade followed by words: its specialty.
		if g, at, n, guessed, pending, ok := prefixGrade(idx, lead, grades, 0); ok {
			grades = g
			last, specOpen, specPending = at, !pending, pending
			if n != "" {
				notes = append(notes, n)
				if guessed {
					specNote = len(notes) - 1
				}
			}
			continue
		}
		grades = append(grades, Grade{Name: capitalize(d)})
		notes = append(notes, quote(capitalize(d))+" is not a grade the table knows")
		last, specOpen, specNote = len(grades)-1, false, -1
	}
	// A single stated category must be the table's for at least one grade.
	if len(stated) == 1 {
		var cats []string
		agree := false
		for _, g := range grades[first:] {
			if g.Known != nil && g.Known.Category != "" {
				if g.Known.Category == stated[0] {
					agree = true
				}
				cats = append(cats, quote(g.Name)+" in "+g.Known.Category)
			}
		}
		if !agree && len(cats) > 0 {
			notes = append(notes, "the line says category "+stated[0]+"; the table has "+strings.Join(cats, ", "))
		}
	}
	return grades, notes
}

// sepWord is the word a separator adds to a run's key: "ou" and "et" are
// words of names ("Moniteur-éducateur et intervenant familial"), other
// separators are punctuation.
func sepWord(t token) string {
	switch t.text {
	case " ou ":
		return "ou"
	case " et ":
		return "et"
	}
	return ""
}

// runText is the text of pieces i..k joined by their separators, the first
// piece's words being lead.
func runText(pieces []piece, i, k int, lead []token) string {
	if i == k {
		return display(lead)
	}
	var b strings.Builder
	b.WriteString(display(lead))
	for x := i + 1; x <= k; x++ {
		b.WriteString(pieces[x].sep.text)
		b.WriteString(display(pieces[x].ws))
	}
	return b.String()
}

func isSpecialtyWord(f string) bool {
	switch f {
	case "specialite", "option", "discipline", "domaine":
		return true
	}
	return false
}

// prefixGrade reads a piece that starts with a known grade and goes on
// with words the table does not know: "Technicien (informatique)",
// "Technicien voirie", "Ingénieur spécialité bâtiment". Parentheses and
// "spécialité" say it is a specialty; bare words are a guess, noted.
func prefixGrade(idx index, ws []token, grades []Grade, first int) (_ []Grade, at int, note string, guessed, pending, ok bool) {
	for k := len(ws) - 1; k >= 1; k-- {
		text := display(ws[:k])
		m := idx[key(text)]
		if m == nil {
			continue
		}
		rest := ws[k:]
		marked := false
		if len(rest) == 1 && isSpecialtyWord(rest[0].f) {
			// "Ingénieur spécialité : informatique": the specialty is the
			// next piece.
			grades, notes, at := addGrade(grades, nil, text, m, first)
			if len(notes) > 0 {
				return grades, at, notes[0], false, true, true
			}
			return grades, at, "", false, true, true
		}
		if isSpecialtyWord(rest[0].f) && len(rest) > 1 {
			rest, marked = rest[1:], true
		} else if len(rest) == 1 && rest[0].kind == tParen {
			marked = true
		}
		spec := unparen(display(rest))
		grades, notes, at := addGrade(grades, nil, text, m, first)
		g := &grades[at]
		if g.Specialty == "" {
			g.Specialty = spec
		}
		if len(notes) > 0 {
			return grades, at, notes[0], false, false, true
		}
		if !marked {
			return grades, at, specialtyNote(g), true, false, true
		}
		return grades, at, "", false, false, true
	}
	return grades, -1, "", false, false, false
}

func specialtyNote(g *Grade) string {
	return "read " + quote(g.Specialty) + " as the specialty of " + quote(g.Name)
}

// addGrade appends the grade a known text names, unless the segment
// already has it; it returns the index of the grade the text names.
func addGrade(grades []Grade, notes []string, text string, m *match, first int) ([]Grade, []string, int) {
	g := Grade{Name: capitalize(text)}
	if m.merged == nil {
		notes = append(notes, quote(g.Name)+": services disagree on its category ("+m.conflict+")")
		grades = append(grades, g)
		return grades, notes, len(grades) - 1
	}
	info := m.merged.info
	g.Known = &info
	if lightKey(text) != lightKey(m.merged.display) || (isUpper(text) && !isUpper(m.merged.display)) {
		g.Name = capitalize(m.merged.display)
	}
	for x := first; x < len(grades); x++ {
		if k := grades[x].Known; k != nil && *k == info {
			return grades, notes, x
		}
	}
	grades = append(grades, g)
	return grades, notes, len(grades) - 1
}

// unparen drops the parentheses around a specialty: "(informatique)".
func unparen(s string) string {
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// capitalize gives a name its capital: "rédacteur" → "Rédacteur"; a name
// in capitals is lower-cased first ("ADJOINT TECHNIQUE" → "Adjoint
// technique") unless it is an acronym of one word ("ATSEM").
func capitalize(s string) string {
	if isUpper(s) && strings.ContainsRune(s, ' ') {
		s = strings.ToLower(s)
	}
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// isUpper reports whether s has letters and none in lower case.
func isUpper(s string) bool {
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

// quote quotes a name for a note, cut at quoteLen runes.
func quote(s string) string {
	if utf8.RuneCountInString(s) > quoteLen {
		n := 0
		for i := range s {
			if n == quoteLen {
				s = s[:i] + "…"
				break
			}
			n++
		}
	}
	return `"` + s + `"`
}
