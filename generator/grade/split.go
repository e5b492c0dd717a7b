package grade

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"postes/generator/message"
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
	isOpen := func(f string) bool {
		return f == "ouvert" || f == "ouverte" || f == "ouverts" || f == "accessible" || f == "reserve" || f == "reservee"
	}
	for range 4 {
		n := len(ws)
		switch {
		case len(ws) > 3 && (ws[0].f == "poste" || ws[0].f == "emploi") && isOpen(ws[1].f) && !population[ws[3].f]:
			// "Poste ouvert aux rédacteurs": the grades follow; "poste
			// ouvert aux contractuels" is a sentence about the post.
			ws = ws[1:]
		case len(ws) > 2 && isOpen(ws[0].f) && (ws[1].f == "aux" || ws[1].f == "a" || ws[1].f == "au") && !population[ws[2].f]:
			ws = ws[2:]
			if len(ws) > 0 && ws[0].f == "agents" {
				ws = ws[1:]
				article()
			}
		case len(ws) > 1 && (ws[0].f == "tous" || ws[0].f == "toutes") && (isGrade(ws[1].f) || ws[1].f == "les"):
			ws = ws[1:]
			if ws[0].f == "les" {
				ws = ws[1:]
			}
			if onlyKind(ws) {
				// "Tous grades de la catégorie B de la filière
				// administrative" names no grade: the category is
				// read from the line by the caller.
				return nil
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

// population are the words naming who may apply rather than a grade:
// "ouvert aux contractuels", "aux titulaires".
var population = map[string]bool{"contractuels": true, "contractuel": true, "titulaires": true, "titulaire": true,
	"fonctionnaires": true, "fonctionnaire": true, "candidats": true, "candidates": true, "personnes": true,
	"travailleurs": true, "laureats": true, "non": true}

// onlyKind says whether the words after "tous (les) grades" name only a
// kind of grades, not one: "de la catégorie B", "de la filière
// administrative", nothing.
func onlyKind(ws []token) bool {
	for i := 0; i < len(ws); i++ {
		switch ws[i].f {
		case "grade", "grades", "de", "des", "du", "la", "le", "les", "d'", "l'", "et", "ou":
			continue
		case "categorie", "categories", "filiere", "filieres":
			return true
		}
		return ws[i].kind != tWord
	}
	return true
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
// ("Capitaines, commandants et lieutenants-colonels"). Noise is dropped:
// "(H/F)", "territorial(e)(s)", "- catégorie B", "cadre d'emplois des",
// "grade de". A grade appears once.
//
// Names go on past what the table knows, the way corps of one
// administration are named:
//
//   - Words after a known name, without "/" or parentheses, are part of
//     the grade's name, not its specialty: "Technicien de
//     l'environnement", "Rédacteur principal" and "Technicien supérieur
//     forestier" are grades whose Info is that of the known name they
//     start with (its category and filière; Info.Grade is empty, the
//     table knowing the cadre, not the grade).
//   - A piece after ",", " et " or " ou " that is not a known name and
//     continues the name before it joins that name with its separator
//     ("Inspecteur de l'action sanitaire et sociale", "Adjoint technique
//     d'accueil, de surveillance et de magasinage"): it continues when it
//     starts with de/du/des/d'/en/à, or, after "," or " et ", when it is
//     one word in lower case. It joins a name that went on or that the
//     table does not know, never one the table knows whole; after such a
//     name, "et de classe supérieure" or "et hors classe" names the grade
//     of the other class ("Infirmier en soins généraux de classe normale
//     et de classe supérieure" is two grades). Two known names still split ("Attaché,
//     Rédacteur"), and so do two names in capitals ("Jardinier ou
//     Paysagiste").
//   - What follows a "/" and is not a known name is the specialty of the
//     grade before it, and goes on across ",", " et " and " ou " while the
//     pieces are not known names ("Ingénieur 2ème grade / génie rural,
//     eaux et forêts ou génie civil" is one grade; "… / économie rurale ou
//     équipement ou Attaché" is two). Parentheses and "spécialité" mark a
//     specialty too ("Technicien (informatique)", "Ingénieur spécialité
//     bâtiment").
//
// Split never guesses silently: each doubt comes back as a note, a
// message to say in the board's language, for the caller to turn into a
// warning: a name the table
// does not know, a name the services disagree on, a name that goes on past
// a known one with words that are neither a complement (de, du, des, d',
// en) nor an adjective of a corps (principal, supérieur, forestier,
// statisticien…), a stated category that is not the table's, a piece
// dropped as a sentence or as a category alone.
func Split(line string) (grades []Grade, notes []message.Text) {
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

// nameKind is how the last grade of a segment was named, which decides
// what the next piece may do to it.
type nameKind uint8

const (
	nameKnown   nameKind = iota // the table's name, whole
	nameSure                    // a known name gone on with a complement or adjectives
	nameUnsure                  // a known name gone on with other words, noted
	nameUnknown                 // not in the table, noted
)

// segState is what splitSegment knows of the grade the next piece may
// continue.
type segState struct {
	last        int      // index in grades of that grade, -1 for none
	kind        nameKind // how it was named
	note        int      // index in notes of its note, rewritten as its name grows; -1 for none
	base        string   // the known name it goes on from (nameSure, nameUnsure)
	words       []token  // the words that named it, for a grade of another class; nil after a run
	specOpen    bool     // its specialty may go on
	specPending bool     // "spécialité" ended the piece before: this one is the specialty
}

// splitSegment reads the grades of one segment (a line, or a part of it
// between ";").
func splitSegment(idx index, seg []token, grades []Grade, notes []message.Text) ([]Grade, []message.Text) {
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
		notes = append(notes, message.New(message.GradeCategoryOnly, "text", clip("catégorie "+strings.Join(stated, "/"))))
	}
	keys := make([]string, len(pieces))
	for i := range pieces {
		keys[i] = key(display(trimLead(pieces[i].ws)))
	}
	first := len(grades)
	st := segState{last: -1, note: -1}
	for i := 0; i < len(pieces); i++ {
		p := &pieces[i]
		lead := trimLead(p.ws)
		if display(lead) == "" {
			if len(stated) > 0 {
				notes = append(notes, message.New(message.GradeCategoryOnly, "text", clip(display(p.ws)+" de catégorie "+strings.Join(stated, "/"))))
			}
			continue
		}
		if len(lead) > maxWords {
			notes = append(notes, message.New(message.GradeSentence, "text", clip(display(lead))))
			st = segState{last: -1, note: -1}
			continue
		}
		if len(lead) == 1 && isCategory(lead[0].f) {
			notes = append(notes, message.New(message.GradeCategoryOnly, "text", clip(display(lead))))
			continue
		}
		if st.last >= 0 && len(lead) == 1 && isSpecialtyWord(lead[0].f) {
			st.specPending = true
			continue
		}
		if st.specPending {
			st.specPending = false
			grades[st.last].Specialty = display(lead)
			st.specOpen = true
			continue
		}
		// The longest run of pieces from here that the table knows. A
		// run's key is its pieces' keys joined by "ou" or "et": key drops
		// punctuation, so this is the key of the run's text.
		j, m, mkey := i, (*match)(nil), ""
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
				j, m, mkey = k, mm, run
			}
		}
		if m != nil {
			var at int
			grades, notes, at = addGrade(grades, notes, runText(pieces, i, j, lead), m, mkey)
			st = segState{last: at, kind: nameKnown, note: -1}
			if i == j {
				st.words = lead
			}
			i = j
			continue
		}
		d := display(lead)
		// Not a grade: after a "/", or after such a specialty, it is the
		// specialty of the grade before.
		if st.last >= 0 && (p.sep.kind == tSlash || (st.specOpen && continuesSpecialty(p.sep, lead, grades[st.last].Specialty))) {
			g := &grades[st.last]
			if g.Specialty == "" {
				g.Specialty = unparen(d)
			} else {
				g.Specialty += p.sep.text + unparen(d)
			}
			st.specOpen = true
			continue
		}
		if st.last >= 0 && isSpecialtyWord(lead[0].f) && len(lead) > 1 {
			grades[st.last].Specialty = display(lead[1:])
			st.specOpen = true
			continue
		}
		// A name that goes on: the grade of another class, or more words
		// of the name before.
		if st.last >= 0 && !st.specOpen && (p.sep.kind == tComma || p.sep.kind == tSoft) {
			if st.kind == nameKnown && st.words != nil && (isComplement(lead[0]) || lead[0].f == "hors") {
				if text, mm, mk, words := otherClass(idx, st.words, lead); mm != nil {
					var at int
					grades, notes, at = addGrade(grades, notes, text, mm, mk)
					st = segState{last: at, kind: nameKnown, note: -1, words: words}
					continue
				}
			}
			if st.kind != nameKnown && continuesName(p.sep, lead, st.kind != nameSure) {
				g := &grades[st.last]
				g.Name += p.sep.text + d
				if g.key != "" {
					g.id = "+" + lightKey(g.Name)
				}
				switch {
				case st.note < 0:
				case st.kind == nameUnknown:
					notes[st.note] = unknownNote(g.Name)
				default:
					notes[st.note] = goesOnNote(g.Name, st.base)
				}
				st.words = nil
				continue
			}
		}
		// A known name followed by words.
		if g, r, ok := prefixGrade(idx, lead, grades); ok {
			grades = g
			st = segState{last: r.at, kind: r.kind, note: -1, base: r.base, specOpen: r.spec, specPending: r.pending}
			notes = append(notes, r.notes...)
			if r.kind == nameUnsure && len(r.notes) > 0 {
				st.note = len(notes) - 1
			}
			continue
		}
		grades = append(grades, Grade{Name: capitalize(d)})
		notes = append(notes, unknownNote(capitalize(d)))
		st = segState{last: len(grades) - 1, kind: nameUnknown, note: len(notes) - 1}
	}
	// A single stated category must be the table's for at least one grade.
	if len(stated) == 1 {
		var cats []message.Text
		agree := false
		for _, g := range grades[first:] {
			if g.Known != nil && g.Known.Category != "" {
				if g.Known.Category == stated[0] {
					agree = true
				}
				cats = append(cats, message.New(message.GradeIn, "grade", clip(g.Name), "category", g.Known.Category))
			}
		}
		if !agree && len(cats) > 0 {
			notes = append(notes, message.New(message.GradeStatedCategory, "stated", stated[0], "grades", cats))
		}
	}
	return grades, notes
}

func unknownNote(name string) message.Text {
	return message.New(message.GradeUnknown, "grade", clip(name))
}

func goesOnNote(name, base string) message.Text {
	return message.New(message.GradeGoesOn, "grade", clip(name), "base", clip(base))
}

// continuesSpecialty reports whether a piece that is not a known name goes
// on with the specialty before it: after " et ", " ou ", "&", or after a
// comma unless it starts with a capital where the specialty does not ("/
// génie rural, eaux et forêts" goes on; "/ informatique, Jardinier" is a
// grade).
func continuesSpecialty(sep token, lead []token, spec string) bool {
	switch sep.kind {
	case tSoft:
		return true
	case tComma:
		return startsLower(lead[0].text) || !startsLower(spec)
	}
	return false
}

// continuesName reports whether a piece that is not a known name goes on
// with the name before it. A complement (de, du, des, d', en, à) goes on
// after any separator ("… de classe normale ou de classe supérieure");
// after "," or " et ", so does a word in lower case ("sanitaire et
// sociale"), or words in lower case after a name already unsure ("voirie
// et réseaux divers"). A capital starts another name.
func continuesName(sep token, lead []token, open bool) bool {
	if isComplement(lead[0]) {
		return true
	}
	if sep.text == " ou " || !startsLower(lead[0].text) {
		return false
	}
	return len(lead) == 1 || open
}

// startsLower reports whether s starts with a letter in lower case.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// isComplement reports whether a word opens a complement of a name: "de",
// "du", "des", "d'études", "en", "à", "au", "aux".
func isComplement(t token) bool {
	if t.kind != tWord {
		return false
	}
	switch t.f {
	case "de", "du", "des", "d'", "en", "a", "au", "aux":
		return true
	}
	return len(t.f) > 2 && strings.HasPrefix(t.f, "d'")
}

// corpsAdjectives are the words, folded and made masculine singular
// (normWord), that name a corps or a grade after a known name: "Rédacteur
// principal", "Technicien supérieur forestier", "Attaché statisticien".
var corpsAdjectives = map[string]bool{
	"principal": true, "superieur": true, "chef": true, "divisionnaire": true, "general": true,
	"hospitalier": true, "forestier": true, "statisticien": true, "qualifie": true, "specialise": true,
	"hors": true, "classe": true, "normal": true, "exceptionnel": true,
}

// surelyName reports whether the words after a known name are surely part
// of a grade's name: adjectives of a corps, ordinals, then nothing or a
// complement ("principal", "supérieur forestier", "statisticien de
// l'Insee", "de l'environnement", "2ème classe").
func surelyName(rest []token) bool {
	for _, t := range rest {
		switch {
		case t.kind != tWord:
			return false
		case isComplement(t):
			return true
		case corpsAdjectives[normWord(t.f)] || isDigits(strings.TrimRight(t.f, "emrnd")):
		default:
			return false
		}
	}
	return true
}

// otherClass reads "de classe supérieure" or "hors classe" after a known
// grade named by words ("Infirmier en soins généraux de classe normale"):
// the grade of the other class, when the table knows it ("Infirmier en
// soins généraux de classe supérieure"). It returns its text, match, key
// and words.
func otherClass(idx index, words, lead []token) (string, *match, string, []token) {
	for j := len(words) - 1; j >= 1; j-- {
		if !isComplement(words[j]) {
			continue
		}
		text := display(words[:j]) + " " + display(lead)
		k := key(text)
		if m := idx[k]; m != nil {
			return text, m, k, append(append([]token(nil), words[:j]...), lead...)
		}
	}
	return "", nil, "", nil
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

func isSpecialtyWord(f string) bool {
	switch f {
	case "specialite", "option", "discipline", "domaine":
		return true
	}
	return false
}

// prefixRead is what prefixGrade made of a piece.
type prefixRead struct {
	at      int      // the grade's index in grades
	kind    nameKind // nameKnown when the words after the known name were a specialty
	base    string   // the known name, as notes quote it
	notes   []message.Text
	spec    bool // a specialty was read: it may go on
	pending bool // "spécialité" ended the piece: the next one is the specialty
}

// prefixGrade reads a piece that starts with a known name and goes on with
// words the table does not know. Parentheses and "spécialité" say the
// words are a specialty ("Technicien (informatique)", "Ingénieur spécialité
// bâtiment"); bare words go on with the name ("Technicien de
// l'environnement", "Rédacteur principal"), noted unless surelyName.
func prefixGrade(idx index, ws []token, grades []Grade) ([]Grade, prefixRead, bool) {
	for k := len(ws) - 1; k >= 1; k-- {
		// A known name ends on a word of its own: "Technicien de" is
		// "Technicien" and the rest, "de l'environnement".
		if stopWords[normWord(ws[k-1].f)] || ws[k-1].kind != tWord {
			continue
		}
		text := display(ws[:k])
		mk := key(text)
		m := idx[mk]
		if m == nil {
			continue
		}
		rest := ws[k:]
		var r prefixRead
		switch {
		case len(rest) == 1 && isSpecialtyWord(rest[0].f):
			// "Ingénieur spécialité : informatique": the specialty is the
			// next piece.
			grades, r.notes, r.at = addGrade(grades, nil, text, m, mk)
			r.pending = true
			return grades, r, true
		case isSpecialtyWord(rest[0].f):
			grades, r.notes, r.at = addGrade(grades, nil, text, m, mk)
			setSpecialty(&grades[r.at], display(rest[1:]))
			r.spec = true
			return grades, r, true
		}
		// A parenthesis at the end is a specialty; the words before it
		// go on with the name.
		spec := ""
		if t := rest[len(rest)-1]; t.kind == tParen {
			spec, rest = t.text, rest[:len(rest)-1]
		}
		if len(rest) == 0 {
			grades, r.notes, r.at = addGrade(grades, nil, text, m, mk)
		} else {
			r.base = text
			if m.merged != nil {
				r.base = capitalize(m.merged.display)
			}
			grades, r.notes, r.at = addExtended(grades, nil, display(ws[:k+len(rest)]), m, mk)
			r.kind = nameSure
			if !surelyName(rest) {
				r.kind = nameUnsure
				r.notes = append(r.notes, goesOnNote(grades[r.at].Name, r.base))
			}
		}
		if spec != "" {
			setSpecialty(&grades[r.at], spec)
			r.spec = true
		}
		return grades, r, true
	}
	return grades, prefixRead{}, false
}

// setSpecialty gives g its specialty unless it has one.
func setSpecialty(g *Grade, s string) {
	if g.Specialty == "" {
		g.Specialty = s
	}
}

// addGrade appends the grade a known text names, unless the segment
// line already has it; it returns the index of the grade the text names. mk is
// the text's key in the index. Two spellings of one grade are one grade
// ("Attaché", "attachée", "Attachés territoriaux"), unless they are two
// spellings the table gives the grade ("… de classe normale", "… de
// classe supérieure", the classes merged in 2022): the offer named both.
func addGrade(grades []Grade, notes []message.Text, text string, m *match, mk string) ([]Grade, []message.Text, int) {
	// A grade's spellings each have their key; a cadre's are one by its
	// name (cadres' names are written with capitals, keys without).
	g := Grade{Name: capitalize(text), key: mk, id: mk}
	if m.merged == nil {
		notes = append(notes, message.New(message.GradeConflict, "grade", clip(g.Name), "conflict", m.conflict))
	} else {
		info := m.merged.info
		g.Known = &info
		if lightKey(text) != lightKey(m.merged.display) || (isUpper(text) && !isUpper(m.merged.display)) {
			g.Name = capitalize(m.merged.display)
		}
		if info.Grade == "" {
			g.id = info.Cadre
		}
	}
	grades, at := addOnce(grades, g)
	return grades, notes, at
}

// addExtended appends the grade named by name, which goes on past the
// known name whose match and key are m and mk: its Info is that name's,
// without a grade.
func addExtended(grades []Grade, notes []message.Text, name string, m *match, mk string) ([]Grade, []message.Text, int) {
	g := Grade{Name: capitalize(name), key: mk, extended: true, id: "+" + lightKey(name)}
	if m.merged == nil {
		notes = append(notes, message.New(message.GradeConflict, "grade", clip(g.Name), "conflict", m.conflict))
	} else {
		info := m.merged.info
		info.Grade = ""
		g.Known = &info
	}
	grades, at := addOnce(grades, g)
	return grades, notes, at
}

// addOnce appends g unless the line has it already, and returns the
// index of g.
func addOnce(grades []Grade, g Grade) ([]Grade, int) {
	for x := range grades {
		if grades[x].id == g.id {
			return grades, x
		}
	}
	return append(grades, g), len(grades)
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

// clip cuts a name for a note at quoteLen runes.
func clip(s string) string {
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
	return s
}
