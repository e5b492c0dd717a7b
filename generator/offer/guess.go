package offer

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"postes/generator/grade"
	"postes/generator/message"
	"postes/generator/place"
)

// Guesses and how they are said. A field read from a label is sure; a
// field read from anything else (a banner, a sentence of the description,
// a line without a label) is a guess, and every guess is a warning naming
// the field, the line and what was kept. Offer.Guessed records which
// fields were guessed, for check -v.

// FieldSet is a set of fields.
type FieldSet uint32

// Has reports whether f is in the set.
func (s FieldSet) Has(f Field) bool { return s&(1<<uint(f)) != 0 }

func (s *FieldSet) add(f Field)    { *s |= 1 << uint(f) }
func (s *FieldSet) remove(f Field) { *s &^= 1 << uint(f) }

// guess warns that f was guessed, and records it.
func (x *extractor) guess(f Field, line int, id message.ID, kv ...any) {
	x.o.Guessed.add(f)
	x.warn(line, id, kv...)
	x.guessAt[f] = len(x.diags)
}

// unguess forgets a guess that a label made sure, and its warning.
func (x *extractor) unguess(f Field) {
	x.o.Guessed.remove(f)
	if i := x.guessAt[f]; i > 0 {
		x.diags[i-1].Msg = "" // dropped by fold
		x.guessAt[f] = 0
	}
}

// warnKind groups warnings that one file may repeat many times: past
// foldAt of one kind, they are folded into one line (see fold).
type warnKind int

const (
	warnOther warnKind = iota
	warnUnknownLabel
	warnNoValue
	warnExtraLine
	warnStray
	warnGrade
)

// foldAt is how many warnings of one kind a file shows one by one.
const foldAt = 3

func (x *extractor) kindWarn(k warnKind, line int, id message.ID, kv ...any) {
	x.warn(line, id, kv...)
	if x.kinds == nil {
		x.kinds = map[int]warnKind{}
	}
	x.kinds[len(x.diags)-1] = k
}

// fold replaces the warnings of one kind past foldAt by one line on the
// first of them: a file pasted from a web page may have thirty lines
// without a label, and thirty warnings bury the one that matters.
func (x *extractor) fold() {
	defer func() {
		kept := x.diags[:0]
		for _, d := range x.diags {
			if d.Msg != "" {
				kept = append(kept, d)
			}
		}
		x.diags = kept
	}()
	if len(x.kinds) <= foldAt {
		return
	}
	byKind := map[warnKind][]int{}
	for i, k := range x.kinds {
		byKind[k] = append(byKind[k], i)
	}
	drop := map[int]bool{}
	for _, idx := range byKind {
		if len(idx) <= foldAt {
			continue
		}
		sort.Ints(idx)
		first := &x.diags[idx[0]]
		// Each line once, the first ten: a line of 5,000 grades is not
		// told 5,000 times.
		var lines []int
		last := x.diags[idx[0]].Pos.Line
		more := 0
		for _, i := range idx[1:] {
			drop[i] = true
			n := x.diags[i].Pos.Line
			if n == last {
				continue
			}
			last = n
			if len(lines) == 10 {
				more++
				continue
			}
			lines = append(lines, n)
		}
		var also message.Text
		switch {
		case len(lines) == 0:
			also = message.New(message.MoreLikeItSameLine, "n", len(idx)-1)
		case more > 0:
			also = message.New(message.MoreLikeItAndMore, "n", len(idx)-1, "lines", message.Numbers(lines), "more", more)
		default:
			also = message.New(message.MoreLikeIt, "n", len(idx)-1, "lines", message.Numbers(lines))
		}
		first.Text = first.Text.Then(also)
		first.Msg = first.Text.String()
	}
	kept := x.diags[:0]
	for i, d := range x.diags {
		if !drop[i] {
			kept = append(kept, d)
		}
	}
	x.diags = kept
	x.kinds = nil
}

// quoteList gives up to n values to quote in a message, with "…" for
// the rest.
func quoteList(ss []string, n int) message.Quoted {
	var q message.Quoted
	for i, s := range ss {
		if i == n {
			q = append(q, "…")
			break
		}
		q = append(q, Clip(s, 40))
	}
	return q
}

// hint is a value for a field read from something other than a label: it
// is used, with a warning, only when no label, front matter or default
// gives the field.
type hint struct {
	value    string
	line     int
	from     message.ID // what it was read from, for the warning
	strength int
}

// employerHint records a value for the employer read from a banner or a
// sentence. Among banners above the title the last wins: "Ministère des
// Armées" then "Établissement du service d'infrastructure de la défense
// de Lyon" name the ministry, then the employer. A sentence saying for
// whom the offer is made ("pour le compte de la commune de Saulieu") wins
// over any banner, which then names the board.
func (x *extractor) employerHint(line int, name string, from message.ID, strength int) {
	h := &x.employerHintAt
	if strength > h.strength || (strength == h.strength && strength == hintBanner && x.titleFrom == titleNone) || h.value == "" {
		*h = hint{strings.TrimSpace(name), line, from, strength}
	}
}

// Strengths of employer hints.
const (
	hintProse    = 1 // "La commune de Poum recrute…"
	hintBanner   = 2 // a line above the title naming a body
	hintOnBehalf = 3 // "pour le compte de…", "proposée par…"
)

const (
	notBanner = iota
	isBanner
)

// bannerWhole are lines that are a board's or a page's, not the offer's,
// when they stand alone (folded, without final punctuation): "Offre
// d'emploi" is a banner, "Avis de vacance d'un emploi de sous-directeur"
// is a title.
var bannerWhole = map[string]bool{
	"offre d'emploi": true, "offre d emploi": true, "offres d'emploi": true, "annonce": true, "avis de vacance": true,
	"avis de vacance de poste": true, "avis de vacance d'emploi": true, "vacance de poste": true, "vacances de postes": true,
	"vacance d'emploi": true, "appel a candidature": true, "appel a candidatures": true, "fiche de poste": true,
	"profil de poste": true, "recrutement": true, "avis de recrutement": true, "nous recrutons": true, "on recrute": true,
	"la mairie recrute": true, "la ville recrute": true, "la commune recrute": true, "la province recrute": true,
	"offre de poste": true, "offre d'emploi public": true, "emploi": true, "emplois": true, "job": true, "carrieres": true,
	"postuler": true, "candidater": true, "imprimer": true, "partager": true, "retour": true, "menu": true,
	"detail de l'offre": true, "details de l'offre": true, "offre": true, "poste a pourvoir": true,
}

// bannerPrefixes start lines that are a board's or a page's whatever
// follows: sites' names, navigation, dates of the page.
var bannerPrefixes = []string{
	"emploi-territorial", "emploi territorial", "place de l'emploi public", "choisir le service public",
	"accueil", "retour aux offres", "retour a la liste", "version imprimable", "mise a jour", "date de mise a jour",
	"se connecter", "connexion", "votre recherche", "resultats", "precedent", "suivant", "voir l'offre", "www.", "http",
	"jorf", "journal officiel", "vacances de postes", "vacance de postes", "bourse de l'emploi",
	"offre d'emploi no", "offre no", "avis de vacance de poste no", "avis de vacance no", "annonce no", "vacance de poste no",
	"offre de poste no", "texte no", "avis no", "poste no",
	"publie le", "publiee le", "mis en ligne", "mise en ligne", "offres d'emploi de", "les offres d'emploi",
}

// bannerSeparators split a banner into parts: a site's name and a page's
// title, a breadcrumb.
var bannerSeparators = []string{" > ", " › ", " » ", " | ", " - ", " – ", " — ", " / "}

// moreThanASentence reports text that goes on after a sentence's end:
// "… recrute un agent. Le poste est à pourvoir au 1er août."
func moreThanASentence(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), ".!…")
	return strings.Contains(t, ". ") || strings.Contains(t, "! ") || strings.Contains(t, "; ")
}

// bannerKind tells a banner from a line of the offer. f is the folded,
// squashed line.
func bannerKind(f, text string) int {
	if len(text) > 2*maxBanner {
		return notBanner
	}
	g := strings.TrimRight(f, " .:!")
	if bannerWhole[g] || hasBannerPrefix(g) || reNumberedBanner.MatchString(g) || hasAnyPrefix(g, hrDepartments) && len(text) < maxBanner {
		return isBanner
	}
	if strings.Contains(f, " > ") || strings.Contains(f, " › ") || strings.Contains(f, " » ") {
		return isBanner // a breadcrumb
	}
	if hasAnyContains(f, employerWords) && !moreThanASentence(text) {
		// "La commune de Poum recrute un agent…" as a headline. A
		// paragraph of several sentences that opens so is the offer's
		// text: dropped as a banner, it took the start date and the
		// service it gives with it; the employer is read from it as
		// from any sentence.
		if m := reRecrute.FindStringSubmatch(text); m != nil && startsWithBody(squash(m[1])) {
			return isBanner
		}
	}
	if len(text) < maxBanner && employerIn(text, f) == strings.TrimSpace(text) {
		return isBanner // a line that only names a public body
	}
	// "Ville de Dumbéa - Offre d'emploi n° 2025-34", "Mairie de Bourail -
	// Recrutement": a body's name and a banner.
	for _, sep := range bannerSeparators {
		if !strings.Contains(g, sep) {
			continue
		}
		parts := strings.Split(g, sep)
		banner, body := false, false
		for _, part := range parts {
			part = strings.TrimSpace(part)
			switch {
			case bannerWhole[part] || hasBannerPrefix(part):
				banner = true
			case startsWithBody(part):
				body = true
			}
		}
		if banner && (body || len(parts) == 2) {
			return isBanner
		}
	}
	return notBanner
}

func hasBannerPrefix(g string) bool {
	for _, p := range bannerPrefixes {
		if strings.HasPrefix(g, p) && (len(g) == len(p) || !isLetter(g[len(p)])) {
			return true
		}
	}
	return false
}

// reNumberedBanner is a notice's heading with its number: "Avis de
// recrutement n° CHT-2025-087", "Fiche de poste n° 12". Folded.
var reNumberedBanner = regexp.MustCompile(`^(?:avis|offre|annonce|appel|vacance|poste|fiche|profil|recrutement)[^:]{0,60}\bno\.? ?:? ?[a-z0-9][a-z0-9/._-]*(?: du [a-z0-9 .er/]{6,30})?$`)

// reBannerNumber finds the number a banner gives the offer: "Avis de
// vacance de poste n° 2025-0147", "Offre d'emploi n° 2025-34".
var reBannerNumber = regexp.MustCompile(`(?i)\bn[°ºo]\.?\s*:?\s*([A-Z0-9][A-Z0-9/._-]*[0-9][A-Z0-9/._-]*(?:\s+du\s+[\pL0-9 .er/]{6,30})?)\s*$`)

// reJournalDate finds the date of an official journal's issue, the
// notice's publication: "JORF n°0142 du 20 juin 2025".
var reJournalDate = regexp.MustCompile(`^(?:jorf|journal officiel|jo)\b.*\bdu (.+)$`)

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || c >= 0x80 }

// bodyWords start the names of public employers, folded.
var bodyWords = []string{
	"mairie", "commune", "ville", "province", "region", "departement", "conseil departemental", "conseil regional",
	"collectivite", "communaute", "metropole", "centre hospitalier", "centre hospitalier universitaire", "chu", "chr",
	"groupe hospitalier", "groupement hospitalier", "hopital", "ehpad", "ccas", "cias", "centre communal",
	"centre intercommunal", "syndicat", "sivom", "sivu", "sdis", "service departemental", "gouvernement",
	"ministere", "prefecture", "haut-commissariat", "centre de gestion", "cdg", "office public", "office de",
	"universite", "agence", "institut", "caisse", "chambre", "assemblee", "congres",
	"circonscription", "direction regionale", "direction departementale", "ecole", "lycee", "college",
	"tresor public", "secretariat general", "cnfpt", "epci", "pole metropolitain", "parc naturel",
	"office national", "vice-rectorat", "ehpad public", "rectorat", "academie", "insee", "cerema", "onf", "archives nationales",
	"archives departementales", "tribunal", "cour d'appel", "cour administrative", "conseil d'etat", "bibliotheque nationale",
	"musee", "centre national", "conservatoire", "port autonome", "meteo-france", "ign", "ademe", "cnrs", "inrae",
	"ifremer", "inserm", "anses", "ars", "agence regionale", "dreal", "ddt", "ddtm", "dreets", "drac", "deal", "dinum",
	"administration superieure", "territoire", "haut-commissariat de la republique", "direction interministerielle",
	"direction generale", "caf", "cpam", "urssaf", "france travail", "pole emploi", "la poste", "opt", "cafat",
	"etablissement du", "etablissement de", "etablissement francais", "groupement", "maison", "regie", "communaute d'agglomeration", "communaute de communes",
	"polynesie francaise", "nouvelle-caledonie", "wallis et futuna", "iles wallis", "pays", "communaute du pacifique",
	"secretariat general de la communaute", "cps", "programme regional", "sivos", "sirp", "smictom", "sictom", "siaep", "sdea", "hospices", "hopitaux", "assistance publique", "ap-hp",
	"cdg", "centre departemental", "ehpa", "foyer", "residence autonomie", "smic", "sm ",
}

// reRecrute finds "X recrute" and the like, where X names the employer.
var reRecrute = regexp.MustCompile(`(?i)^\s*(?:(?:la|le|les)\s+|l['’]\s*)?(.{3,90}?)\s+(?:recrute|recrutent|recherche|propose|lance un appel)\b`)

// reProposedBy finds "pour le compte de X", "proposée par X".
var (
	reOnBehalf   = regexp.MustCompile(`(?i)\bpour le compte d(?:e|u|es|['’])\s*(?:la |le |l['’])?([^,.;:()]{3,90})`)
	reProposedBy = regexp.MustCompile(`(?i)\b(?:propos[ée]e?s? par|offre de l['’]employeur)\s*(?:la |le |l['’])?([^,.;:()]{3,90})`)
)

// hrDepartments name a body's human resources, which publish its offers
// but are not the employer.
var hrDepartments = []string{"direction generale des ressources humaines", "direction des ressources humaines",
	"service des ressources humaines", "drh", "dgrh", "pole ressources humaines", "service du personnel",
	"direction des ressources humaines et", "ressources humaines"}

// employerIn returns the public body a line names: the whole line when it
// is a body's name ("PROVINCE SUD", "Mairie de Koné"), or the subject of
// "La commune de Poum recrute…", "… proposée par la Ville de Blois". f is
// the folded, squashed line.
func employerIn(text, f string) string {
	text = strings.TrimSpace(text)
	if len(text) < maxBanner && startsWithBody(f) && !strings.ContainsAny(text, ".:;!?") {
		return text
	}
	name, _ := employerInProse(text)
	return name
}

// reBodyInSentence finds where a public body is named after a
// preposition in the sentence that says a post is vacant, as the Journal
// officiel writes its notices: "L'emploi de chef de service, au ministère
// de la justice, est susceptible de devenir vacant". bodyName reads the
// name from there.
var reBodyInSentence = regexp.MustCompile(`(?i)(?:^|\s)(?:au|à la|à l['’]|de la|du|au sein de la|au sein du|auprès de la|auprès du)\s+((?:ministère|direction|centre hospitalier|haut-commissariat|administration|préfecture|secrétariat général|inspection|agence|établissement|office|institut|école|université|cour|tribunal|conseil|commissariat)\b)`)

// bodyName reads a body's name from the start of s, up to the end of its
// clause: a comma ends it unless the name goes on ("de l'économie, de
// l'emploi, du travail et des solidarités").
func bodyName(s string) string {
	end := len(s)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', ';', ':':
			end = i
		case ',':
			rest := strings.TrimLeft(s[i+1:], " ")
			f := Fold(rest)
			if strings.HasPrefix(f, "de ") || strings.HasPrefix(f, "du ") || strings.HasPrefix(f, "des ") ||
				strings.HasPrefix(f, "d'") || strings.HasPrefix(f, "et ") {
				continue
			}
			end = i
		case ' ':
			f := Fold(s[i:min(len(s), i+12)])
			if strings.HasPrefix(f, " est ") || strings.HasPrefix(f, " sera ") || strings.HasPrefix(f, " a compter") ||
				strings.HasPrefix(f, " placee ") || strings.HasPrefix(f, " place ") {
				end = i
			}
		}
		if end < len(s) {
			break
		}
	}
	return strings.TrimSpace(s[:end])
}

// reVacant says a sentence is about the post being vacant.
var reVacant = regexp.MustCompile(`(?i)(?:\bvacant|à pourvoir|a pourvoir|\brecrute)`)

// employerInProse finds the employer a sentence names, and how strongly.
func employerInProse(text string) (string, int) {
	if !hasAnyContains(strings.ToLower(text), employerWords) {
		return "", 0
	}
	for _, c := range []struct {
		re       *regexp.Regexp
		strength int
	}{{reOnBehalf, hintOnBehalf}, {reProposedBy, hintOnBehalf}, {reRecrute, hintProse}} {
		if m := c.re.FindStringSubmatch(text); m != nil && startsWithBody(squash(m[1])) && namesOne(m[1]) {
			return capitalise(strings.TrimSpace(m[1])), c.strength
		}
	}
	if reVacant.MatchString(text) {
		for _, m := range reBodyInSentence.FindAllStringSubmatchIndex(text, -1) {
			name := bodyName(text[m[2]:])
			if hasAnyPrefix(squash(name), hrDepartments) || len(strings.Fields(name)) < 3 {
				continue
			}
			return capitalise(name), hintProse
		}
	}
	return "", 0
}

// namesOne reports whether a body's name names one body: "commune de
// Poum", "Province Nord", "CCAS", not "commune" or "ville" alone ("La
// commune recherche…").
func namesOne(name string) bool {
	words := strings.Fields(name)
	if len(words) == 1 {
		return IsUpper(words[0]) && len(words[0]) >= 3 // an acronym: CCAS, SDIS
	}
	for _, w := range words[1:] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func startsWithBody(f string) bool {
	if hasAnyPrefix(f, hrDepartments) {
		return false
	}
	for _, w := range bodyWords {
		if strings.HasPrefix(f, w) && (len(f) == len(w) || !isLetter(f[len(w)])) {
			return true
		}
	}
	return false
}

// capitalise writes the first letter of a name in capitals: "commune de
// Poum" read in "La commune de Poum recrute" is "Commune de Poum".
func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// reDeadlineCue finds the words after which a sentence gives the date
// applications close: "avant le", "au plus tard le", "jusqu'au", "date
// limite". Folded text.
var reDeadlineCue = regexp.MustCompile(`(?:avant le|au plus tard le|au plus tard|jusqu'au|jusqu'a le|d'ici le|avant la date du|date limite[^:]{0,40}:?|cloture[^:]{0,30}:?|candidatures? (?:sont )?(?:a adresser|a envoyer|a deposer|attendues?|recues?)[^.]{0,60}?(?:le|avant|jusqu'au))\s*`)

// reStartCue finds the words after which a sentence gives the day the
// post is to be taken: "poste à pourvoir à compter du", "sera vacant à
// compter du", "prise de poste souhaitée en". Folded text.
var reStartCue = regexp.MustCompile(`(?:prise de (?:poste|fonctions?)|poste (?:est )?a pourvoir|(?:sera|est|deviendra) vacant|a pourvoir|date de prise de (?:poste|fonctions?)|entree en fonctions?)(?: souhaitee?| prevue?| envisagee?)?(?: idealement)?\s*(?:a compter du|a partir du|au|le|en|des le|des|pour le|:)?\s*`)

// reFromDate finds "à compter du", "à partir du" in a sentence about a
// vacant post. Folded text.
var reFromDate = regexp.MustCompile(`(?:a compter du|a partir du|des le)\s+`)

// reRelativeDeadline finds a deadline counted from the publication, as
// the Journal officiel writes it: "dans un délai de trente jours à compter
// de la date de publication du présent avis".
var reRelativeDeadline = regexp.MustCompile(`dans (?:un|le) delai de (\d+|un|deux|trois|quatre|huit|dix|quinze|vingt|trente|quarante-cinq|soixante) (jours|semaines|mois)(?: francs)? a compter de (?:la )?(?:date de )?(?:publication|parution|diffusion|mise en ligne)`)

var numberWords = map[string]int{"un": 1, "deux": 2, "trois": 3, "quatre": 4, "huit": 8, "dix": 10, "quinze": 15,
	"vingt": 20, "trente": 30, "quarante-cinq": 45, "soixante": 60}

// prose reads a line of the description for what no label gave: the
// deadline ("Les candidatures sont à adresser avant le 15 mars 2026"),
// the employer ("La commune de Poum recrute…").
func (x *extractor) prose(text string, n int) {
	needDeadline := x.o.Deadline.IsZero() && !x.unreadable[FieldDeadline] && x.deadlineHint.line == 0 && len(text) < 600
	needStart := !x.has(FieldStart) && x.startHint.line == 0 && len(text) < 600
	needEmployer := x.o.EmployerName == "" && x.employerHintAt.strength < hintOnBehalf && len(text) < 400
	needPlace := x.o.Location == "" && x.placeHint.line == 0 && len(text) < 600
	needCategory := len(x.o.Categories) == 0 && x.categoryHint.line == 0 && len(text) < 600
	needGrades := len(x.gradeLines) == 0 && x.gradeHint.line == 0 && len(text) < 600
	if !needDeadline && !needStart && !needEmployer {
		// The place, category and grades are missing from most
		// offers' labels: their cues are looked for, unfolded, before
		// the line is folded.
		if !(needPlace && hasAnyContains(text, placeRaw) || needCategory && hasAnyContains(text, categoryRaw) ||
			needGrades && hasAnyContains(text, gradeRaw)) {
			return
		}
	}
	// The folded line, once; each cue's regexp runs only on lines that
	// hold one of its words: every line of every description passes here
	// while a field is missing.
	f := squash(text)
	if needDeadline && hasAnyContains(f, deadlineWords) {
		if m := reDeadlineCue.FindStringIndex(f); m != nil {
			if ms := findDates(f[m[1]:]); len(ms) > 0 && ms[0].at < 20 && !ms[0].month {
				if res, err := resultOf(text, ms[0]); err == nil {
					x.deadlineHint = hint{res.Date.String(), n, message.FromSentence, hintProse}
					x.deadlineAt = res.Date
				}
			}
		} else if m := reRelativeDeadline.FindStringSubmatch(f); m != nil {
			count, ok := numberWords[m[1]]
			if !ok {
				count, _ = strconv.Atoi(m[1])
			}
			if count > 0 && count < 400 {
				x.relativeDeadline = relative{count, m[2], n}
			}
		}
	}
	if needStart && hasAnyContains(f, startWords) {
		vacant := reVacant.MatchString(text)
		m := reStartCue.FindStringIndex(f)
		if m == nil && vacant {
			m = reFromDate.FindStringIndex(f) // "… est à pourvoir à la DINUM, à compter du 1er mars 2026"
		}
		if m != nil && vacant {
			if ms := findDates(f[m[1]:]); len(ms) == 0 || ms[0].at >= 12 {
				if m2 := reFromDate.FindStringIndex(f[m[1]:]); m2 != nil {
					m = []int{m[0], m[1] + m2[1]}
				}
			}
		}
		if m != nil {
			rest := f[m[1]:]
			if ms := findDates(rest); len(ms) > 0 && ms[0].at < 12 {
				if res, err := resultOf(text, ms[0]); err == nil {
					x.startHint = hint{res.Date.String(), n, message.FromSentence, hintProse}
					x.startAt = res.Date
				}
			} else if strings.HasPrefix(strings.TrimLeft(rest, " :"), "des que possible") {
				x.startHint = hint{"dès que possible", n, message.FromSentence, hintProse}
			}
		}
	}
	if needPlace && hasAnyContains(f, placeWords) {
		if m := rePlaceCue.FindStringIndex(f); m != nil {
			// The words up to the end of the clause: "basé à Dijon
			// (21), au sein de…" is Dijon.
			rest := f[m[1]:]
			if i := strings.IndexAny(rest, ",;.:"); i >= 0 {
				rest = rest[:i]
			}
			if len(rest) < 80 {
				if res := place.ParseNear(rest, x.opt.Near...); res.Sure && len(res.Places) == 1 && res.Places[0].Town != "" {
					x.placeHint = hint{strings.TrimSpace(rest), n, message.FromSentence, hintProse}
				}
			}
		}
	}
	if needCategory && strings.Contains(f, "categorie") {
		// "Il s'agit d'un poste de catégorie A", "ouvert aux agents de
		// catégorie B ou C".
		if m := reProseCategory.FindStringSubmatch(f); m != nil {
			v := strings.ToUpper(m[1])
			if m[2] != "" {
				v += " ou " + strings.ToUpper(m[2])
			}
			x.categoryHint = hint{v, n, message.FromSentence, hintProse}
		}
	}
	if needGrades && hasAnyContains(f, gradeWords) {
		if m := reProseGrades.FindStringIndex(f); m != nil {
			rest := f[m[1]:]
			if i := strings.IndexAny(rest, ".;:("); i >= 0 {
				rest = rest[:i]
			}
			if names := knownGrades(reProseAnd.ReplaceAllString(rest, ", ")); names != "" {
				x.gradeHint = hint{names, n, message.FromSentence, hintProse}
			}
		}
	}
	if needEmployer && hasAnyContains(f, employerWords) {
		if name, strength := employerInProse(text); name != "" {
			x.employerHint(n, name, message.FromSentence, strength)
		}
	}
}

// Words one of which a line holds, folded, when it can give a deadline, a
// start or an employer: the regexps below run only on such lines.
var (
	deadlineWords = []string{"avant", "au plus tard", "jusqu", "d'ici", "date limite", "cloture", "candidature", "delai"}
	startWords    = []string{"prise de", "pourvoir", "vacant", "entree en fonction", "compter", "partir du", "des le"}
	employerWords = []string{"recrut", "recherch", "propos", "pour le compte", "lance un appel", "vacant", "pourvoir"}
	gradeWords    = []string{"cadre d'emploi", "cadres d'emploi", "grade de", "grades de", "grade d'", "corps des", "corps de"}
	// The same, as written in a sentence (lower case, accents kept):
	// a cheap test before folding.
	placeRaw    = []string{"bas", "situ", "locali", "implant", "affect", "sidence"}
	categoryRaw = []string{"gorie"}
	gradeRaw    = []string{"emploi", "grade", "corps"}
	placeWords  = []string{"base", "situe", "localise", "implante", "affecte", "residence administrative"}
)

// reProseCategory finds a category in a sentence: "poste de catégorie
// A", "agents de catégorie B ou C", "catégorie A/B".
var reProseCategory = regexp.MustCompile(`\bcategorie ([abcd])\b(?:\s*(?:ou|/|et)\s*([abcd])\b)?`)

// reProseGrades finds the words after which a sentence names grades:
// "relevant du cadre d'emplois des techniciens territoriaux", "ouvert
// aux grades d'attaché et d'attaché principal".
var reProseGrades = regexp.MustCompile(`\b(?:cadres? d'emplois?|grades?|corps) (?:des |de la |de l'|de |du |d')?`)

// reProseAnd joins the grades of a sentence: "des techniciens et aux
// agents de maîtrise".
var reProseAnd = regexp.MustCompile(` (?:et|ou) (?:aux |des |du |de la |de l'|de |d'|les |la |le )?`)

// knownGrades keeps, of a sentence's words, the grades package grade
// knows, as a grade line ("Technicien, Agent de maîtrise principal"); ""
// when there are none.
func knownGrades(text string) string {
	gs, _ := grade.Split(text)
	var names []string
	for _, g := range gs {
		if g.Known != nil {
			names = append(names, g.Name)
		}
	}
	return strings.Join(names, ", ")
}

// rePlaceCue finds the words after which a sentence names the town the
// post is in: "Le poste est basé à Dijon", "poste situé à Beaune (21)".
// It runs on the folded line; the town is read from the folded words
// after it and shown by its official name.
var rePlaceCue = regexp.MustCompile(`(?:\b(?:base|basee|situe|situee|localise|localisee|implante|implantee|affecte|affectee)s?|residence administrative(?: fixee)?)\s+(?:a|au|en|sur la commune de|dans la commune de)\s+`)

// relative is a deadline counted from the posting date.
type relative struct {
	n    int
	unit string // "jours", "semaines", "mois"
	line int
}

// span says the delay in a message: "30 jours", "2 months".
func (r relative) span() message.Text {
	switch r.unit {
	case "semaines":
		return message.New(message.SpanWeeks, "n", r.n)
	case "mois":
		return message.New(message.SpanMonths, "n", r.n)
	}
	return message.New(message.SpanDays, "n", r.n)
}

func (r relative) from(d Date) Date {
	t := d.Time(time.UTC)
	switch r.unit {
	case "semaines":
		t = t.AddDate(0, 0, 7*r.n)
	case "mois":
		t = t.AddDate(0, r.n, 0)
	default:
		t = t.AddDate(0, 0, r.n)
	}
	return DateOf(t)
}
