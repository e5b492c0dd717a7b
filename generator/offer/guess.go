package offer

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
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
func (x *extractor) guess(f Field, line int, format string, args ...any) {
	x.o.Guessed.add(f)
	x.warnf(line, format, args...)
}

func (x *extractor) unguess(f Field) { x.o.Guessed.remove(f) }

// warnKind groups warnings that one file may repeat many times: past
// foldAt of one kind, they are folded into one line (see fold).
type warnKind int

const (
	warnOther warnKind = iota
	warnUnknownLabel
	warnNoValue
	warnExtraLine
	warnStray
)

// foldAt is how many warnings of one kind a file shows one by one.
const foldAt = 3

func (x *extractor) kindWarnf(k warnKind, line int, format string, args ...any) {
	x.warnf(line, format, args...)
	if x.kinds == nil {
		x.kinds = map[int]warnKind{}
	}
	x.kinds[len(x.diags)-1] = k
}

// fold replaces the warnings of one kind past foldAt by one line on the
// first of them: a file pasted from a web page may have thirty lines
// without a label, and thirty warnings bury the one that matters.
func (x *extractor) fold() {
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
		var lines []string
		for _, i := range idx[1:] {
			lines = append(lines, strconv.Itoa(x.diags[i].Pos.Line))
			drop[i] = true
		}
		first.Msg += fmt.Sprintf("; %d more like it on lines %s", len(idx)-1, strings.Join(lines, ", "))
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

// quote writes a value read from a file in a message.
func quote(s string) string { return strconv.Quote(s) }

// quoteList quotes up to n values, with "…" for the rest.
func quoteList(ss []string, n int) string {
	var q []string
	for i, s := range ss {
		if i == n {
			q = append(q, "…")
			break
		}
		q = append(q, quote(Clip(s, 40)))
	}
	return strings.Join(q, ", ")
}

// hint is a value for a field read from something other than a label: it
// is used, with a warning, only when no label, front matter or default
// gives the field.
type hint struct {
	value string
	line  int
	from  string // what it was read from, for the warning
}

func (x *extractor) employerHint(line int, name, from string) {
	if x.employerHintAt.value == "" {
		x.employerHintAt = hint{strings.TrimSpace(name), line, from}
	}
}

const (
	notBanner = iota
	isBanner
)

// bannerPrefixes start lines that are a board's or a page's, not the
// offer's: what boards print above an offer, folded.
var bannerPrefixes = []string{
	"offre d'emploi", "offre d emploi", "offres d'emploi", "annonce", "avis de vacance", "vacance de poste",
	"vacance d'emploi", "appel a candidature", "appel a candidatures", "avis d'appel", "fiche de poste", "profil de poste",
	"recrutement", "nous recrutons", "on recrute", "emploi-territorial", "emploi territorial", "place de l'emploi public",
	"choisir le service public", "accueil", "retour", "imprimer", "partager", "postuler", "candidater",
	"version imprimable", "mise a jour", "date de mise a jour", "menu", "se connecter", "connexion", "offre publiee",
	"publie le", "publiee le", "offre n", "reference de l'offre", "detail de l'offre", "details de l'offre", "job",
	"votre recherche", "resultats", "precedent", "suivant", "voir l'offre", "www.", "http",
}

// bannerKind tells a banner from a line of the offer. f is the folded,
// squashed line.
func bannerKind(f, text string) int {
	if len(text) > 2*maxBanner {
		return notBanner
	}
	for _, p := range bannerPrefixes {
		if strings.HasPrefix(f, p) && (len(f) == len(p) || !isLetter(f[len(p)])) {
			return isBanner
		}
	}
	switch {
	case strings.Contains(f, " > "), strings.Contains(f, " » "), strings.Contains(f, " | "):
		return isBanner // a breadcrumb, a page title with its site
	case reRecrute.MatchString(text):
		return isBanner
	case len(text) < maxBanner && employerIn(text, f) == strings.TrimSpace(text):
		return isBanner // a line that only names a public body
	}
	return notBanner
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || c >= 0x80 }

// bodyWords start the names of public employers, folded.
var bodyWords = []string{
	"mairie", "commune", "ville", "province", "region", "departement", "conseil departemental", "conseil regional",
	"collectivite", "communaute", "metropole", "centre hospitalier", "centre hospitalier universitaire", "chu", "chr",
	"groupe hospitalier", "groupement hospitalier", "hopital", "ehpad", "ccas", "cias", "centre communal",
	"centre intercommunal", "syndicat", "sivom", "sivu", "sdis", "service departemental", "gouvernement",
	"ministere", "prefecture", "haut-commissariat", "centre de gestion", "cdg", "office public", "office de",
	"etablissement public", "universite", "agence", "institut", "caisse", "chambre", "assemblee", "congres",
	"circonscription", "etat", "direction regionale", "direction departementale", "ecole", "lycee", "college",
	"tresor public", "secretariat general", "cnfpt", "epci", "pole metropolitain", "parc naturel",
}

// reRecrute finds "X recrute" and the like, where X names the employer.
var reRecrute = regexp.MustCompile(`(?i)^\s*(?:(?:la|le|les)\s+|l['’]\s*)?(.{3,90}?)\s+(?:recrute|recrutent|recherche|propose|lance un appel)\b`)

// reProposedBy finds "proposée par X", "pour le compte de X".
var reProposedBy = regexp.MustCompile(`(?i)\b(?:propos[ée]e?s? par|pour le compte d[eu']\s*|offre de l['’]employeur)\s*(?:la |le |l['’])?([^,.;:()]{3,90})`)

// employerIn returns the public body a line names: the whole line when it
// is a body's name ("PROVINCE SUD", "Mairie de Koné"), or the subject of
// "La commune de Poum recrute…", "… proposée par la Ville de Blois". f is
// the folded, squashed line.
func employerIn(text, f string) string {
	text = strings.TrimSpace(text)
	if len(text) < maxBanner && startsWithBody(f) && !strings.ContainsAny(text, ".:;!?") {
		return text
	}
	for _, re := range []*regexp.Regexp{reRecrute, reProposedBy} {
		if m := re.FindStringSubmatch(text); m != nil && startsWithBody(squash(m[1])) && namesOne(m[1]) {
			return capitalise(strings.TrimSpace(m[1]))
		}
	}
	return ""
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
		for _, r := range w {
			if unicode.IsUpper(r) {
				return true
			}
			break
		}
	}
	return false
}

func startsWithBody(f string) bool {
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
	if x.o.Deadline.IsZero() && !x.unreadable[FieldDeadline] && x.deadlineHint.line == 0 && len(text) < 600 {
		f := squash(text)
		if m := reDeadlineCue.FindStringIndex(f); m != nil {
			if ms := findDates(f[m[1]:]); len(ms) > 0 && ms[0].at < 20 && !ms[0].month {
				if res, err := resultOf(text, ms[0]); err == nil {
					x.deadlineHint = hint{res.Date.String(), n, "a sentence of the description"}
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
	if x.o.Employer == "" && x.employerHintAt.value == "" && len(text) < 400 {
		if name := employerIn(text, squash(text)); name != "" && name != text {
			x.employerHint(n, name, "a sentence of the description")
		}
	}
}

// relative is a deadline counted from the posting date.
type relative struct {
	n    int
	unit string // "jours", "semaines", "mois"
	line int
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
