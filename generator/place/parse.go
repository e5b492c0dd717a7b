package place

import (
	"slices"
	"strings"
	"unicode/utf8"

	"postes/generator/message"
)

// Reading a place goes in steps, each a method of parser:
//
//	roles    marks postcodes, "Cedex 9", "BP 12", the words that list
//	         places ("et", "ou", "à") and the names of streets
//	match    finds, left to right, the longest names of communes and
//	         départements in each run of words
//	notes    reads what is said next to a town: its postcode, a
//	         département in brackets ("(Côte-d'Or (21))", "(974)")
//	areas    reads a name that is both a commune and its département as
//	         the département when another town of it is named ("Doubs")
//	anchor   keeps the towns that are the place, not a word of a phrase
//	         or a street: a town alone in its part of the text, next to
//	         its postcode, after "à" or "Mairie de", before "centre-ville";
//	         a town after "de" or first in a phrase is a guess
//	others   looks at the parts with no town: a postcode alone, a name
//	         that is no known town (and the closest that is)
//	resolve  chooses among homonyms, with the postcode, the département,
//	         then the other places named
//
// A "run" is a stretch of words between breaks ("," "/" " - " a new line,
// brackets); a "part" is a run cut at the words that list places.

// Roles of words.
const (
	roleWord     uint8 = iota
	rolePostcode       // "21300", or the "21" of "21 300"
	roleSkip           // says nothing of the town: "Cedex 9", "BP 12", the "300" of "21 300"
	roleDeptNum        // a département code said next to a town: "(974)", "Saint-Denis 974"
	roleTown           // a word of a town's name
	roleDept           // a word of a département's or collectivity's name
	roleList           // "et", "ou", "à", "au", "sur": between places
	roleStreet         // a word of a street's name: "rue de Mulhouse"
)

// Anchors: how surely a town named in the text is the place.
const (
	anchorNone   uint8 = iota
	anchorWeak         // "Médiathèque de Dumbéa": a guess
	anchorStrong       // the place: "Koné", "21300 Chenôve", "à Koné", "Mairie de Koné"
)

// skipWords say nothing of the town, nor the number after them.
var skipWords = map[string]bool{"cedex": true, "bp": true, "cs": true, "tsa": true, "cp": true}

// noteWords say nothing of the town either, but may be words of a name
// ("Fort-de-France").
var noteWords = map[string]bool{"france": true, "arrondissement": true, "arr": true}

// listWords stand between places, or between a phrase and its town ("Siège
// de la province Nord à Koné", "basé sur Nouméa").
var listWords = map[string]bool{"et": true, "ou": true, "a": true, "au": true, "aux": true, "sur": true}

// townOf are the words before "de" that announce the town itself: "Mairie
// de Koné" is Koné.
var townOf = map[string]bool{"mairie": true, "commune": true, "communes": true, "ville": true, "villes": true,
	"hotel de ville": true, "cite": true}

// ofWords link a phrase to a town: "Médiathèque de Dumbéa".
var ofWords = map[string]bool{"de": true, "d": true, "du": true, "des": true}

// greater name a town and its surroundings: "Grand Nouméa".
var greater = map[string]bool{"grand": true, "grande": true}

// streetWords start a street address, whose words are not the town ("Rue de
// Paris").
var streetWords = map[string]bool{"rue": true, "avenue": true, "av": true, "ave": true, "boulevard": true,
	"bd": true, "bld": true, "place": true, "pl": true, "chemin": true, "route": true, "rte": true,
	"allee": true, "allees": true, "impasse": true, "quai": true, "cours": true, "square": true,
	"lotissement": true, "residence": true, "voie": true, "rond": true, "sentier": true, "passage": true,
	"faubourg": true, "promenade": true, "esplanade": true, "parvis": true, "lieu": true, "lieudit": true,
	"hameau": true, "zone": true, "za": true, "zi": true, "zac": true, "parc": true, "batiment": true,
	"bat": true, "immeuble": true, "bp": true, "cs": true, "tsa": true, "pont": true, "port": true}

// streetTypes start the name of a street when they open a run of words or
// follow a street number; the street's name names no place ("57 rue de
// Mulhouse 21000 Dijon" is in Dijon).
var streetTypes = map[string]bool{"rue": true, "avenue": true, "av": true, "ave": true, "boulevard": true,
	"bd": true, "bld": true, "place": true, "pl": true, "chemin": true, "route": true, "rte": true,
	"allee": true, "allees": true, "impasse": true, "quai": true, "cours": true, "square": true,
	"voie": true, "sentier": true, "passage": true, "faubourg": true, "promenade": true,
	"esplanade": true, "parvis": true, "lotissement": true, "residence": true}

// streetSuffixes stand between a street number and the street: "57 bis rue".
var streetSuffixes = map[string]bool{"bis": true, "ter": true, "quater": true}

// commonNouns are commune names that are also nouns of phrases: "Hôtel de
// Ville" does not name the commune Ville (Oise).
var commonNouns = map[string]bool{"ville": true, "mer": true, "rue": true, "port": true, "place": true,
	"chemin": true, "cours": true, "bois": true, "pont": true, "chateau": true, "mont": true,
	"plaine": true, "campagne": true, "ecole": true, "gare": true, "foret": true, "plage": true,
	"lac": true, "val": true, "vue": true, "bourg": true, "centre": true, "job": true, "pin": true,
	"bar": true, "marche": true, "eglise": true, "moulin": true, "cite": true, "hopital": true,
	"grand": true, "grande": true, "baie": true, "anse": true, "pointe": true, "cap": true, "col": true,
	"ile": true, "tribu": true}

// notTown are words of phrases that name no town: a part made of them is
// not a misspelt town ("Hôtel de Ville", "Quartier Latin", "Centre-ville").
var notTown = map[string]bool{"hotel": true, "mairie": true, "siege": true, "centre": true, "site": true,
	"sites": true, "batiment": true, "immeuble": true, "residence": true, "quartier": true, "zone": true,
	"parc": true, "campus": true, "direction": true, "service": true, "services": true, "bureau": true,
	"bureaux": true, "agence": true, "antenne": true, "pole": true, "maison": true, "etablissement": true,
	"hopital": true, "clinique": true, "college": true, "lycee": true, "ecole": true, "groupe": true,
	"ensemble": true, "tout": true, "toute": true, "tous": true, "toutes": true, "divers": true,
	"diverses": true, "plusieurs": true, "secteur": true, "secteurs": true, "territoire": true,
	"teletravail": true, "domicile": true, "poste": true, "locaux": true, "cite": true, "espace": true,
	"complexe": true, "stade": true, "mediatheque": true, "bibliotheque": true, "musee": true,
	"theatre": true, "aeroport": true, "gare": true, "commune": true, "communes": true, "ville": true,
	"villes": true, "province": true, "region": true, "departement": true, "metropole": true,
	"agglomeration": true, "intercommunalite": true, "itinerant": true, "itinerante": true,
	"deplacements": true, "national": true, "nationale": true, "accueil": true, "baie": true,
	"anse": true, "pointe": true, "cap": true, "col": true, "ile": true, "plage": true, "port": true,
	"lotissement": true, "tribu": true, "lieu": true, "lieudit": true, "hameau": true}

// minorWords may stand inside a town's name written in capitals and small letters.
var minorWords = map[string]bool{"de": true, "du": true, "des": true, "d": true, "la": true, "le": true,
	"les": true, "l": true, "sur": true, "en": true, "et": true, "sous": true, "lez": true, "a": true}

type match struct {
	i, j   int    // its words, [i, j)
	head   int32  // the first entry of the commune name, or -1
	dept   string // the département these words name, if they do ("Saint-Martin" is both)
	hint   string // a département said next to it: "(974)", "(Côte-d'Or (21))", "Saint-Denis 974"
	post   string // its postcode, when written next to it
	anchor uint8
	from   string // for a weak anchor: the phrase it was read from
	// dropped: read from a phrase, but left for a town said for sure; its
	// part named a known town all the same.
	dropped bool
	// What resolve chose.
	e    int32
	sure bool
	why  message.Text
	// passed over a locality or a town abroad of its name for a commune:
	// the other places named may say otherwise ("Nouméa Ducos").
	passed bool
}

type parser struct {
	t     *table
	s     string
	toks  []tok
	fold  string // the folded words, separated by spaces
	ms    []match
	depts []string // départements said anywhere: by a postcode, a name, a code in brackets
	why   []message.Text
	extra []Place  // places from parts with no town (a postcode alone, a close spelling)
	near  []string // départements the board is about (ParseNear)
}

func (p *parser) word(i int) string {
	return p.fold[p.toks[i].fs:p.toks[i].fe]
}

// text returns the words [i, j) as written, valid UTF-8 for messages.
func (p *parser) text(i, j int) string {
	return valid(strings.TrimSpace(p.s[p.toks[i].start:p.toks[j-1].end]))
}

// valid returns s with its bytes that are not UTF-8 replaced: a reason
// quotes the text, which may be anything.
func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// joined reports whether word i continues the run of word i-1.
func (p *parser) joined(i int) bool {
	return i > 0 && i < len(p.toks) && p.toks[i].before <= sepSpace && p.toks[i].depth == p.toks[i-1].depth
}

func (p *parser) parse() Result {
	p.roles()
	p.streets()
	p.match()
	p.notes()
	p.areas()
	p.anchor()
	p.others()
	return p.resolve()
}

func (p *parser) roles() {
	n := len(p.toks)
	for i := 0; i < n; i++ {
		tk := &p.toks[i]
		w := p.word(i)
		switch {
		case tk.number && !tk.ordinal:
			prevSkip := i > 0 && p.joined(i) && skipWords[p.word(i-1)]
			switch {
			case prevSkip:
				tk.role = roleSkip
			case len(w) == 5:
				tk.role = rolePostcode
				p.addDept(postDept(w))
			case len(w) == 2 && i+1 < n && p.toks[i+1].before == sepSpace && p.toks[i+1].number &&
				!p.toks[i+1].ordinal && p.toks[i+1].fe-p.toks[i+1].fs == 3:
				// "21 300"
				tk.role, p.toks[i+1].role = rolePostcode, roleSkip
				p.addDept(postDept(w + p.word(i+1)))
				i++
			}
		case strings.HasPrefix(w, "cedex"):
			tk.role = roleSkip
		case skipWords[w]:
			tk.role = roleSkip
		case listWords[w] && tk.before != sepJoin && i+1 < n && p.toks[i+1].before == sepSpace:
			tk.role = roleList
		}
	}
}

// streets marks the words of streets' names: a street type that opens its
// run or follows a street number, and the words after it in the run up to
// a postcode or to "à" before a town ("avenue Pouvanaa a Oopa", "rue Pierre
// et Marie Curie", "quai X à Tours"). Words that make a known name ("Port
// Moresby", "CHEMIN D AISEY") are no street.
func (p *parser) streets() {
	n := len(p.toks)
	for i := 0; i+1 < n; i++ {
		if p.toks[i].role != roleWord || !streetTypes[p.word(i)] || !p.joined(i+1) || p.toks[i+1].before != sepSpace {
			continue
		}
		if p.joined(i) && !p.streetNumber(i-1) {
			continue
		}
		end := i + 1
		for end < n && p.joined(end) && p.toks[end].role != rolePostcode && !p.townAfter(end) {
			end++
		}
		k := p.fold[p.toks[i].fs:p.toks[end-1].fe]
		if p.t.lookup(k) >= 0 || p.t.deptIndex[k] != "" {
			continue
		}
		for x := i; x < end; x++ {
			p.toks[x].role = roleStreet
		}
		i = end - 1
	}
}

// streetNumber reports whether word i is a street's number: "57", "1-3",
// "57 bis"; not a postcode.
func (p *parser) streetNumber(i int) bool {
	tk := p.toks[i]
	if streetSuffixes[p.word(i)] {
		return i > 0 && p.toks[i-1].number
	}
	return tk.number && !tk.ordinal && tk.role == roleWord
}

// townAfter reports whether word i is "à" before a town, which ends a
// street's name: "à" written with its accent, or "a" followed by a known
// name ("QUAI X A TOURS", not "avenue Pouvanaa a Oopa").
func (p *parser) townAfter(i int) bool {
	n := len(p.toks)
	if p.word(i) != "a" || i+1 >= n || !p.joined(i+1) {
		return false
	}
	if raw := p.s[p.toks[i].start:p.toks[i].end]; raw != "a" && raw != "A" {
		return true
	}
	end := i + 1
	for most := p.t.maxWords(p.word(i + 1)); end < n && end-i-1 < most && (end == i+1 || p.joined(end)); {
		end++
	}
	for j := end; j > i+1; j-- {
		if p.t.lookup(p.fold[p.toks[i+1].fs:p.toks[j-1].fe]) >= 0 {
			return true
		}
	}
	return false
}

// postcode returns the postcode at word i: "21300", or "21 300" written in two.
func (p *parser) postcode(i int) string {
	tk := p.toks[i]
	if tk.fe-tk.fs == 5 {
		if tk.end-tk.start == 5 {
			return p.s[tk.start:tk.end]
		}
		return p.word(i)
	}
	return p.word(i) + p.word(i+1)
}

// postDept returns the département of a postcode: "21" for 21300, "974" for
// 97400, "20" for Corsica (2A or 2B).
func postDept(code string) string {
	if code[0] == '9' && (code[1] == '7' || code[1] == '8') {
		if code[:3] == "977" || code[:3] == "978" {
			// No town has these postcodes: they are La Réunion's Cedex
			// codes ("97864 Saint-Paul Cedex"). 977 and 978 are the
			// Insee codes of Saint-Barthélemy and Saint-Martin, whose
			// postcodes are 97133 and 97150.
			return "974"
		}
		return code[:3]
	}
	return code[:2]
}

func (p *parser) addDept(d string) {
	for _, x := range p.depts {
		if x == d {
			return
		}
	}
	p.depts = append(p.depts, d)
}

// sameDept reports whether département d is the one said, hint; a Corsican
// postcode says "20", which is 2A or 2B.
func sameDept(d, hint string) bool {
	return d == hint || hint == "20" && (d == "2A" || d == "2B")
}

func (p *parser) match() {
	t := p.t
	n := len(p.toks)
	for i := 0; i < n; i++ {
		tk := p.toks[i]
		if tk.number || tk.role != roleWord && tk.role != roleList {
			continue
		}
		most := t.maxWords(p.word(i))
		if most == 0 {
			continue
		}
		// The run of words a name may span from i.
		end := i + 1
		for end < n && end-i < most && p.joined(end) && (p.toks[end].role == roleWord || p.toks[end].role == roleList) {
			end++
		}
		// A few official names hold a bracket: "Château-Chinon (Ville)" is
		// one commune, not Château-Chinon and Ville.
		if g := p.bracketEnd(end, tk.depth); g > 0 && g-i <= most {
			if head := t.lookup(p.fold[tk.fs:p.toks[g-1].fe]); head >= 0 {
				for x := i; x < g; x++ {
					p.toks[x].role = roleTown
				}
				p.ms = append(p.ms, match{i: i, j: g, head: head, e: -1})
				i = g - 1
				continue
			}
		}
		for j := end; j > i; j-- {
			k := p.fold[tk.fs:p.toks[j-1].fe]
			head := t.lookup(k)
			town := head >= 0
			dept, isDept := t.deptIndex[k]
			if !town && !isDept {
				continue
			}
			if town && isDept && !t.hasIn(head, dept) {
				// "La Réunion" is a commune of Lot-et-Garonne, but written
				// where a place is expected it is the island's département.
				town = false
			}
			m := match{i: i, j: j, head: -1, e: -1}
			if town {
				m.head = head
			}
			if isDept {
				m.dept = dept
				p.addDept(dept)
			}
			role := roleTown
			if !town {
				role = roleDept
			}
			for x := i; x < j; x++ {
				p.toks[x].role = role
			}
			p.ms = append(p.ms, m)
			i = j - 1
			break
		}
	}
}

// bracketEnd returns the end of a bracket of words that opens at word k,
// right after words at depth base, or 0 when there is none: "(Ville)".
func (p *parser) bracketEnd(k int, base int8) int {
	n := len(p.toks)
	if k >= n || p.toks[k].before != sepParen || p.toks[k].depth != base+1 {
		return 0
	}
	g := k
	for ; g < n && p.toks[g].depth > base; g++ {
		if tk := p.toks[g]; tk.depth != base+1 || g > k && tk.before > sepSpace || tk.role != roleWord {
			return 0
		}
	}
	return g
}

// hasIn reports whether a place of the list from head is in département d.
func (t *table) hasIn(head int32, d string) bool {
	for e := head; e >= 0; e = t.entries[e].next {
		if deptOf(t.entries[e].insee) == d {
			return true
		}
	}
	return false
}

// notes reads what is written next to each town: its postcode, a
// département in brackets or as a number.
func (p *parser) notes() {
	n := len(p.toks)
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.head < 0 {
			continue
		}
		if i := m.i - 1; i >= 0 && p.joined(m.i) {
			if p.toks[i].role == rolePostcode {
				m.post = p.postcode(i)
			} else if i > 0 && p.toks[i].role == roleSkip && p.toks[i-1].role == rolePostcode && p.toks[i].number {
				m.post = p.postcode(i - 1)
			}
		}
		k := m.j
		for k < n && p.joined(k) && p.toks[k].role == roleSkip {
			k++
		}
		if k < n && p.joined(k) && p.toks[k].role == rolePostcode && m.post == "" {
			m.post = p.postcode(k)
			k++
			for k < n && p.joined(k) && p.toks[k].role == roleSkip {
				k++
			}
		}
		if k >= n {
			continue
		}
		base := p.toks[m.i].depth
		switch {
		case p.toks[k].depth > base && p.toks[k].before == sepParen:
			// "(974)", "(Côte-d'Or (21))", "(Province Sud)": a group of
			// words that only name a département.
			end := k
			for end < n && p.toks[end].depth > base {
				end++
			}
			if m.post == "" && p.toks[k].role == rolePostcode && (end == k+1 || end == k+2 && p.toks[k+1].role == roleSkip) {
				// "Porto-Vecchio (20137)": the town's postcode.
				m.post = p.postcode(k)
				for x := k; x < end; x++ {
					p.toks[x].role = roleSkip
				}
				break
			}
			code, only := "", true
			for x := k; x < end && only; x++ {
				tk := p.toks[x]
				c := ""
				switch {
				case tk.role == roleDept || tk.role == roleTown:
					c = p.deptAt(x)
					only = c != ""
				case tk.role == roleSkip:
				default:
					c = p.deptCode(x)
					only = p.t.depts[c] != "" && (tk.number || c == "2A" || c == "2B")
				}
				if code == "" && only {
					code = c
				}
			}
			if only && code != "" {
				m.hint = code
				p.addDept(code)
				for x := k; x < end; x++ {
					if p.toks[x].role != roleDept {
						p.toks[x].role = roleDeptNum
					}
				}
				// "Montbéliard (Doubs (25))": the Doubs said is the
				// département, not the commune Doubs.
				for x := range p.ms {
					if o := &p.ms[x]; o.i >= k && o.j <= end {
						o.head = -1
					}
				}
			}
		case p.joined(k) && p.toks[k].role == roleWord && p.t.depts[p.deptCode(k)] != "" &&
			(p.toks[k].number && !p.toks[k].ordinal || p.word(k) == "2a" || p.word(k) == "2b"):
			// "Saint-Denis 974"
			m.hint = p.deptCode(k)
			p.toks[k].role = roleDeptNum
			p.addDept(m.hint)
		}
	}
}

// deptAt returns the département named by the match covering word x.
func (p *parser) deptAt(x int) string {
	for _, m := range p.ms {
		if m.i <= x && x < m.j {
			return m.dept
		}
	}
	return ""
}

// deptCode returns word x as a département code: "21", "974", "2A".
func (p *parser) deptCode(x int) string {
	w := p.word(x)
	switch {
	case w == "2a":
		return "2A"
	case w == "2b":
		return "2B"
	case p.toks[x].ordinal:
		return ""
	case len(w) == 1 && p.toks[x].number:
		return "0" + w
	}
	return w
}

// part returns the part of the text word i is in: the words around it in
// its run, up to the words that list places.
func (p *parser) part(i int) (a, b int) {
	a, b = i, i+1
	for a > 0 && p.joined(a) && p.toks[a-1].role != roleList {
		a--
	}
	for b < len(p.toks) && p.joined(b) && p.toks[b].role != roleList {
		b++
	}
	return a, b
}

// filler reports whether word x says nothing against a town being alone in
// its part: a postcode, "Cedex", a département.
func (p *parser) filler(x int) bool {
	switch p.toks[x].role {
	case rolePostcode, roleSkip, roleDeptNum, roleDept:
		return true
	case roleWord:
		return noteWords[p.word(x)]
	}
	return false
}

// areas reads a name that is both a commune and the département or
// collectivity it is in as the département when another town named is in
// it: "Montbéliard, Doubs" is Montbéliard in the Doubs, "Marigot,
// Saint-Martin" Marigot in Saint-Martin.
func (p *parser) areas() {
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.head < 0 || m.dept == "" {
			continue
		}
		for oi, o := range p.ms {
			if oi != mi && o.head >= 0 && p.t.hasIn(o.head, m.dept) {
				m.head = -1
				for x := m.i; x < m.j; x++ {
					p.toks[x].role = roleDept
				}
				break
			}
		}
	}
}

func (p *parser) anchor() {
	strong := false
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.head < 0 {
			continue
		}
		a, b := p.part(m.i)
		// Towns alone in their part: "Koné", "21300 Chenôve Cedex", and
		// "Koné Pouembout" if they can be neighbours ("Nouméa Ducos" is a
		// town and its quarter, not Nouméa and Ducos of Martinique).
		alone := true
		for x := a; x < b; x++ {
			if !p.filler(x) && p.toks[x].role != roleTown {
				alone = false
			}
		}
		if alone && (m.i > a || m.j < b) && !p.neighbours(a, b) {
			alone = false
		}
		// Nothing but filler after the town: "Mairie de Koné (988)".
		last := true
		for x := m.j; x < b; x++ {
			if !p.filler(x) {
				last = false
			}
		}
		first := p.word(m.i)
		if a > 0 && p.toks[a].before == sepBreak && p.dashBefore(a) && p.apart(mi) {
			// "NOUMEA - MAGENTA": a quarter of the town before the dash,
			// not Magenta of the Marne.
			continue
		}
		switch {
		case m.j == m.i+1 && commonNouns[first] && !p.toks[m.i].upper && m.post == "":
			// "sur place", "en ville": a noun, not Place (Mayenne)
		case alone || m.post != "":
			m.anchor = anchorStrong
		case m.i == a && p.qualified(m.j, b):
			// "Nouméa centre-ville", "Tours et environs"
			m.anchor = anchorStrong
		case last && p.announces(a, m.i):
			// "Mairie de Koné"
			m.anchor = anchorStrong
		case (last || p.qualified(m.j, b)) && m.i > a && (ofWords[p.word(m.i-1)] || greater[p.word(m.i-1)]) &&
			p.toks[m.i].upper && !commonNouns[first] && !streetWords[p.word(a)] && !p.toks[a].number:
			// "Médiathèque de Dumbéa", "Grand Nouméa", "Écoles de Tontouta
			// et de Païta village"
			m.anchor = anchorWeak
		case m.i == a && p.toks[m.i].upper && !commonNouns[first] && !streetWords[first]:
			// "Nouméa Ducos", "Dumbéa-sur-Mer"
			m.anchor = anchorWeak
		}
		if m.anchor == anchorWeak {
			m.from = p.text(a, b)
		}
		if m.anchor == anchorStrong {
			strong = true
		}
	}
	// A town said for sure makes the towns read from phrases noise.
	if strong {
		for mi := range p.ms {
			if p.ms[mi].anchor == anchorWeak {
				p.ms[mi].anchor, p.ms[mi].dropped = anchorNone, true
			}
		}
	}
}

// apart reports whether a town was kept before match mi that cannot be in
// its département.
func (p *parser) apart(mi int) bool {
	for _, m := range p.ms[:mi] {
		if m.anchor == anchorStrong && !p.t.share(m.head, p.ms[mi].head) {
			return true
		}
	}
	return false
}

// share reports whether two lists of places have a département in common.
func (t *table) share(h1, h2 int32) bool {
	for e := h1; e >= 0; e = t.entries[e].next {
		if t.hasIn(h2, deptOf(t.entries[e].insee)) {
			return true
		}
	}
	return false
}

// neighbours reports whether the towns of words [a, b) may all be in one
// département.
func (p *parser) neighbours(a, b int) bool {
	t := p.t
	var common []string
	first := true
	for _, m := range p.ms {
		if m.head < 0 || m.i < a || m.j > b {
			continue
		}
		var ds []string
		for e := m.head; e >= 0; e = t.entries[e].next {
			d := deptOf(t.entries[e].insee)
			if first || slices.Contains(common, d) {
				ds = append(ds, d)
			}
		}
		common, first = ds, false
	}
	return len(common) > 0
}

// qualifiers follow a town to say which part of it, or around it: the
// place is still the town.
var qualifiers = map[string]bool{"centre": true, "ville": true, "nord": true, "sud": true, "est": true,
	"ouest": true, "environs": true, "alentours": true, "agglomeration": true, "peripherie": true,
	"et": true, "ses": true, "son": true, "sa": true, "proche": true, "village": true, "bourg": true}

// qualified reports whether words [j, b) only qualify the town before them.
func (p *parser) qualified(j, b int) bool {
	for x := j; x < b; x++ {
		if !p.filler(x) && !qualifiers[p.word(x)] {
			return false
		}
	}
	return true
}

// announces reports whether words [a, i) announce the town itself: "Mairie
// de", "Commune du", "Hôtel de ville de".
func (p *parser) announces(a, i int) bool {
	if i-a < 2 || !ofWords[p.word(i-1)] {
		return false
	}
	return townOf[p.fold[p.toks[a].fs:p.toks[i-2].fe]]
}

// others reads the parts of the text where no town was kept: a postcode
// alone names its commune; a name that looks like a town's but is none is
// said, with the closest known name if there is one.
func (p *parser) others() {
	n := len(p.toks)
	for a := 0; a < n; {
		_, b := p.part(a)
		if p.toks[a].role == roleList {
			a++
			continue
		}
		kept := false
		for _, m := range p.ms {
			if (m.anchor != anchorNone || m.dropped) && m.i < b && m.j > a {
				kept = true
			}
		}
		if !kept {
			p.other(a, b)
		}
		a = b
	}
}

func (p *parser) other(a, b int) {
	t := p.t
	for x := a; x < b; x++ {
		if p.toks[x].role != rolePostcode {
			continue
		}
		code := p.postcode(x)
		es := t.postcode(code)
		if len(es) == 0 {
			continue // a Cedex code: it says the département only
		}
		best := es[0]
		for _, e := range es[1:] {
			if t.entries[e].pop > t.entries[best].pop {
				best = e
			}
		}
		alone := true
		for y := a; y < b; y++ {
			if !p.filler(y) {
				alone = false
			}
		}
		pl := t.place(best, code)
		switch {
		case len(es) > 1:
			p.unsure(message.New(message.PlacePostcodeShared, "postcode", code, "n", len(es), "kept", pl.Town))
		case !alone:
			p.unsure(message.New(message.PlaceByPostcode, "text", p.text(a, b), "kept", pl.Town, "postcode", code))
		}
		p.extra = append(p.extra, pl)
		return
	}
	// A part after a dash is a note on the place before it ("Nouméa -
	// Hôtel de Ville"), so is one in brackets ("Païta (Tontouta)"); other
	// parts may be a town we do not know.
	if p.toks[a].before == sepBreak && a > 0 && p.dashBefore(a) || p.toks[a].depth > 0 {
		return
	}
	words := 0
	for x := a; x < b; x++ {
		tk := p.toks[x]
		w := p.word(x)
		switch {
		case p.filler(x):
			continue
		case tk.number || notTown[w] || streetWords[w]:
			return
		case minorWords[w] && x > a:
			continue
		case !tk.upper:
			return
		}
		words++
	}
	if words == 0 || words > 3 {
		return
	}
	written := p.text(a, b)
	if e := p.closest(a, b); e >= 0 {
		pl := t.place(e, "")
		p.unsure(message.New(message.PlaceClosest, "text", written, "kept", pl.Town))
		p.extra = append(p.extra, pl)
		return
	}
	p.unsure(message.New(message.PlaceNoTown, "text", written))
}

// dashBefore reports whether a dash, not a comma or a new line, stands
// before word a.
func (p *parser) dashBefore(a int) bool {
	between := p.s[p.toks[a-1].end:p.toks[a].start]
	return strings.ContainsAny(between, "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212") &&
		!strings.ContainsAny(between, ",;/\n|")
}

func (p *parser) unsure(why message.Text) {
	p.why = append(p.why, why)
}

// closest returns the one commune whose name is one edit away from words
// [a, b) (a letter missing, added, changed, or two swapped), or -1 when
// there is none or more than one.
func (p *parser) closest(a, b int) int32 {
	var kb []byte
	for x := a; x < b; x++ {
		if p.filler(x) {
			continue
		}
		if len(kb) > 0 {
			kb = append(kb, ' ')
		}
		kb = append(kb, p.word(x)...)
	}
	if len(kb) < 5 || len(kb) > 40 {
		return -1
	}
	for _, c := range kb {
		if c >= utf8.RuneSelf {
			return -1
		}
	}
	t := p.t
	found := int32(-1)
	seen := ""
	try := func(k []byte) bool {
		head := t.lookup(string(k))
		if head < 0 {
			return true
		}
		for e := head; e >= 0; e = t.entries[e].next {
			en := t.entries[e]
			if en.kind == kindLoose || en.kind == kindSpelling {
				continue
			}
			id := en.insee + en.name
			if found >= 0 && id != seen {
				found = -2
				return false
			}
			found, seen = e, id
		}
		return true
	}
	const letters = "abcdefghijklmnopqrstuvwxyz "
	w := make([]byte, 0, len(kb)+1)
	for i := range kb {
		// Deletion, then substitution, transposition, insertion at i.
		if !try(append(append(w[:0], kb[:i]...), kb[i+1:]...)) {
			return -1
		}
		for _, c := range []byte(letters) {
			if c == kb[i] {
				continue
			}
			w = append(append(append(w[:0], kb[:i]...), c), kb[i+1:]...)
			if !try(w) {
				return -1
			}
			w = append(append(append(w[:0], kb[:i]...), c), kb[i:]...)
			if !try(w) {
				return -1
			}
		}
		if i+1 < len(kb) && kb[i] != kb[i+1] {
			w = append(append(append(append(w[:0], kb[:i]...), kb[i+1]), kb[i]), kb[i+2:]...)
			if !try(w) {
				return -1
			}
		}
	}
	for _, c := range []byte(letters) {
		if !try(append(append(w[:0], kb...), c)) {
			return -1
		}
	}
	if found < 0 {
		return -1
	}
	return found
}

// resolve chooses, for every town kept, the commune it is, and returns the
// places in the order written.
func (p *parser) resolve() Result {
	t := p.t
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.head < 0 || m.anchor == anchorNone {
			continue
		}
		p.choose(m, nil)
	}
	// Homonyms left: a commune in a département of another place named
	// wins ("Koné, Pouembout, Mont-Dore"), so does a locality ("Nouméa
	// Ducos").
	var buf [8]string
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.e < 0 || m.anchor != anchorStrong || m.why.IsZero() && !m.passed {
			continue
		}
		others := buf[:0]
		for oi, o := range p.ms {
			if oi != mi && o.e >= 0 && o.sure && !o.passed {
				others = append(others, deptOf(t.entries[o.e].insee))
			}
		}
		if len(others) > 0 {
			p.choose(m, others)
		}
	}
	var r Result
	for _, m := range p.ms {
		if m.e < 0 {
			continue
		}
		r.add(t.place(m.e, m.post))
		if !m.why.IsZero() {
			p.why = append(p.why, m.why)
		}
	}
	for _, pl := range p.extra {
		r.add(pl)
	}
	if len(r.Places) == 0 {
		for _, d := range p.depts {
			if name := t.area(d); name != "" {
				pl := Place{Department: d}
				if t.depts[d] == "" {
					pl = Place{Country: d}
				}
				r.Places = []Place{pl}
				r.because(message.New(message.PlaceOnlyArea, "text", clip(p.s), "area", name, "code", d))
				return r
			}
		}
		r.because(message.New(message.PlaceNoTown, "text", clip(p.s)))
		return r
	}
	r.Sure = len(p.why) == 0
	if !r.Sure {
		if len(p.why) > 3 {
			p.why = append(p.why[:3], message.New(message.PlaceMore, "n", len(p.why)-3))
		}
		r.because(p.why[0].Then(p.why[1:]...))
	}
	return r
}

// choose sets m.e to the commune town m is, and says how sure that is.
// depts, when given, are the départements of the other places named.
func (p *parser) choose(m *match, depts []string) {
	t := p.t
	var cands [32]int32
	cs := cands[:0]
	for e := m.head; e >= 0; e = t.entries[e].next {
		cs = append(cs, e)
	}
	keep := func(ok func(en *entry) bool) bool {
		var kept [32]int32
		ks := kept[:0]
		for _, e := range cs {
			if ok(&t.entries[e]) {
				ks = append(ks, e)
			}
		}
		if len(ks) == 0 {
			return false
		}
		cs = append(cs[:0], ks...)
		return true
	}
	name := p.text(m.i, m.j)
	m.why = message.Text{}
	said := false // a postcode or a département says which one
	if m.post != "" {
		post := m.post
		switch {
		case keep(func(en *entry) bool { return strings.Contains(en.post, post) }):
			said = true
		case keep(func(en *entry) bool { return sameDept(deptOf(en.insee), postDept(post)) }):
			// A Cedex code, or a postcode the reference does not know, of
			// the town's département: "37926 TOURS Cedex 9".
			said = true
		default:
			m.why = message.New(message.PlacePostcodeElsewhere, "postcode", post, "town", name)
		}
	}
	if m.hint != "" {
		hint := m.hint
		if keep(func(en *entry) bool { return deptOf(en.insee) == hint }) {
			said = true
		} else if m.why.IsZero() {
			m.why = message.New(message.PlaceNotIn, "town", name, "area", t.area(hint), "code", hint)
		}
	}
	if !said && m.i > 0 && p.joined(m.i) {
		// "Mairie du Mont-Dore" is Le Mont-Dore's, "aux Abymes" Les Abymes.
		art := ""
		switch p.word(m.i - 1) {
		case "du", "au":
			art = "Le "
		case "des", "aux":
			art = "Les "
		}
		if art != "" {
			said = keep(func(en *entry) bool { return strings.HasPrefix(en.name, art) })
		}
	}
	if m.dept != "" && !said {
		// "Saint-Martin", "Saint-Barthélemy": the collectivity's own name.
		dept := m.dept
		said = keep(func(en *entry) bool { return deptOf(en.insee) == dept })
	}
	if !said {
		// The départements of the rest of the text, then those the board
		// is about (ParseNear).
		ctx := depts
		if ctx == nil {
			ctx = p.depts
		}
		for _, ds := range [][]string{ctx, p.near} {
			if len(ds) > 0 && keep(func(en *entry) bool {
				return slices.ContainsFunc(ds, func(d string) bool { return sameDept(deptOf(en.insee), d) })
			}) {
				break
			}
		}
	}
	// A commune before a locality or a town abroad of the same name
	// ("Ducos" of Martinique, not the quarter of Nouméa), unless the text
	// or the board chose them above.
	was := len(cs)
	keep(func(en *entry) bool { return en.kind != kindLocality && en.kind != kindAbroad })
	m.passed = len(cs) < was
	// Communes and their other names before former communes and villages:
	// a name that is a commune's today is that commune, unless a former
	// commune of that name is in a larger one ("Evry" is more likely Évry in
	// Évry-Courcouronnes than Évry of Yonne).
	lesser := func(en *entry) bool {
		return en.kind == kindFormer || en.kind == kindVillage || en.kind == kindLocality || en.kind == kindAbroad
	}
	var top int32 = -1
	for _, e := range cs {
		if en := &t.entries[e]; !lesser(en) {
			top = max(top, en.pop)
		}
	}
	if top >= 0 {
		keep(func(en *entry) bool { return !lesser(en) || en.pop > top })
	}
	best := cs[0]
	distinct := 1
	for i, e := range cs {
		en := &t.entries[e]
		if en.pop > t.entries[best].pop {
			best = e
		}
		same := false
		for _, f := range cs[:i] {
			if t.entries[f].insee == en.insee && t.entries[f].name == en.name {
				same = true
				break
			}
		}
		if !same && i > 0 {
			distinct++
		}
	}
	m.e = best
	switch {
	case !m.why.IsZero():
	case distinct > 1:
		en := &t.entries[best]
		d := deptOf(en.insee)
		m.why = message.New(message.PlaceHomonym, "town", name, "n", distinct, "kept", en.name, "area", t.area(d), "code", d)
	case m.anchor == anchorWeak:
		m.why = message.New(message.PlaceFromPhrase, "town", t.entries[best].name, "text", m.from)
	}
	m.sure = m.why.IsZero()
}

// place returns entry e as a Place; post is the postcode written with it.
func (t *table) place(e int32, post string) Place {
	en := &t.entries[e]
	if en.kind == kindAbroad {
		return Place{Town: en.name, Country: en.insee}
	}
	pl := Place{Town: en.name, Insee: en.insee, Department: deptOf(en.insee)}
	switch {
	case post != "" && strings.Contains(en.post, post):
		pl.Postcode = post
	case len(en.post) == 5:
		pl.Postcode = en.post
	}
	return pl
}

// add appends pl unless it is there already; a postcode said elsewhere
// completes it ("Saint-Denis, 93200").
func (r *Result) add(pl Place) {
	for i, q := range r.Places {
		if q.Town == pl.Town && q.Insee == pl.Insee && q.Country == pl.Country {
			if q.Postcode == "" {
				r.Places[i].Postcode = pl.Postcode
			}
			return
		}
	}
	r.Places = append(r.Places, pl)
}

// clip shortens what is quoted in a message.
func clip(s string) string {
	s = valid(strings.Join(strings.Fields(s), " "))
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	n := 0
	for i := range s {
		if n == 57 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
