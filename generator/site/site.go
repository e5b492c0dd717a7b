// Package site turns extracted offers into a board: it gives every offer a
// stable URL, decides on a given day which offers are open, and groups them
// by employer and by deadline month.
//
// It is the third stage of the pipeline, after package offer and before
// render and feed, which both read the Board. It knows nothing of HTML or
// files: a page here is a path and the data it shows.
package site

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"postes/generator/content"
	"postes/generator/message"
	"postes/generator/offer"
	"postes/generator/parallel"
)

// Options are what the board needs from the configuration.
type Options struct {
	BaseURL string            // absolute, ends with "/" ("https://example.org/emplois/")
	Today   offer.Date        // the build's today in the board's time zone
	Aliases map[string]string // employer name as written → name to file it under
	// MaxOpenDays closes an offer with no deadline this many days after
	// its posting date; 0 means offer.DefaultMaxOpenDays.
	MaxOpenDays int
	// Memo, when set, keeps what New derives from each offer alone (its
	// address, its employer's grouping key) for the next board built from
	// the same offers: serve rebuilds a board of 10,000 offers per edit.
	Memo *Memo
}

// Memo remembers per-offer derivations between boards. Safe for use by one
// New at a time.
type Memo struct {
	m map[*offer.Offer]derived
}

type derived struct {
	slug, empKey, sortKey string
}

// get is safe for concurrent use: it only reads the memo.
func (m *Memo) get(o *offer.Offer) derived {
	if m != nil {
		if d, ok := m.m[o]; ok {
			return d
		}
	}
	return derived{offerSlug(o), employerKey(o.EmployerName), offer.Fold(o.Title)}
}

// Board is every published offer, on one day.
type Board struct {
	Today     offer.Date
	BaseURL   string   // absolute, ends with "/"
	BasePath  string   // path part of BaseURL: "/" or "/emplois/"
	Offers    []*Offer // every offer, by path
	Open      []*Offer // open offers, soonest deadline first; no deadline last
	Closed    []*Offer // closed offers, latest deadline first
	Employers []*Employer
	Months    []*Month // deadline months, oldest first
	// Facets are the other ways to follow offers: places, grades,
	// categories, filières, contract types (see facets.go).
	Facets []*Facet
	// Scheduled offers have a posting date after today: not published yet.
	Scheduled []*offer.Offer
}

// Offer is an offer placed on the board.
type Offer struct {
	*offer.Offer
	Slug   string
	Path   string // "offres/<slug>/", relative to the site root
	Closed bool
	// Closes is the last day applications are open: the deadline, or for
	// an offer that states none, max_open_days after its posting date
	// (then AutoClose is set). Zero when neither is known.
	Closes    offer.Date
	AutoClose bool
	DaysLeft  int // days from today to Closes, when open and known
	Employer  *Employer
	Month     *Month // nil when the deadline is unknown
	// Values are the facet values the offer is filed under: its towns,
	// grades, categories, filières and contract types.
	Values []*FacetValue

	sortKey string // folded title: lists sort by it on ties
}

// Employer is one hiring body and its offers.
type Employer struct {
	Key    string // folded name: grouping ignores case and accents
	Name   string
	Slug   string
	Path   string   // "employeurs/<slug>/"
	Offers []*Offer // open first (soonest deadline), then closed (latest first)
	Open   int
}

// Month is a deadline month.
type Month struct {
	Year   int
	Month  time.Month
	Key    string // "2025-08"
	Name   string // "août 2025"
	Path   string // "echeances/2025-08/"
	Offers []*Offer
	Open   int
}

// New builds the board. It reports, with positions, what it had to settle:
// two offers claiming one slug, one reference in two files.
func New(offers []*offer.Offer, opt Options) (*Board, content.List) {
	var diags content.List
	b := &Board{Today: opt.Today, BaseURL: opt.BaseURL, BasePath: "/"}
	if u, err := url.Parse(opt.BaseURL); err == nil && u.Path != "" {
		b.BasePath = u.Path
		if !strings.HasSuffix(b.BasePath, "/") {
			b.BasePath += "/"
		}
	}
	sorted := append([]*offer.Offer(nil), offers...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Source < sorted[j].Source })

	aliases := map[string]string{}
	for k, v := range opt.Aliases {
		aliases[employerKey(k)] = v
	}
	slugs := map[string]*Offer{}
	// nextSlug[base] is where numbering resumes for an address taken
	// again: every number below it is taken. Starting from 2 each time
	// made 20,000 offers of one title take 40 s.
	nextSlug := map[string]int{}
	refs := map[string]*Offer{}
	emps := map[string]*Employer{}
	names := map[string]map[string]int{}
	months := map[string]*Month{}
	maxOpen := opt.MaxOpenDays
	if maxOpen <= 0 {
		maxOpen = offer.DefaultMaxOpenDays
	}
	seenMemo := make(map[*offer.Offer]derived, len(sorted))
	if opt.Memo != nil {
		defer func() { opt.Memo.m = seenMemo }() // forget removed offers
	}
	// What each offer's slug and sort keys are does not depend on the
	// others: worked out on every core (regexps and folding, a second
	// of a national board's build), then used in order.
	derive := make([]derived, len(sorted))
	parallel.Do(len(sorted), 0, func(i int) { derive[i] = opt.Memo.get(sorted[i]) })
	for i, o := range sorted {
		// An offer dated after today is scheduled: it appears on its
		// posting day, as future-dated pages do in other generators.
		if !o.Posted.IsZero() && o.Posted.Compare(opt.Today) > 0 {
			b.Scheduled = append(b.Scheduled, o)
			continue
		}
		d := derive[i]
		seenMemo[o] = d
		p := &Offer{Offer: o, sortKey: d.sortKey}
		p.Slug = d.slug
		if prev, dup := slugs[p.Slug]; dup {
			base := p.Slug
			p.Slug = number(base, nextSlug, func(s string) bool { return slugs[s] != nil })
			diags.Say(content.Pos{Path: "content/" + o.Source, Line: o.Lines[offer.FieldTitle]}, content.Warning,
				message.SameAddress, "other", content.QuoteName("content/"+prev.Source), "address", "offres/"+base+"/", "instead", "offres/"+p.Slug+"/")
		}
		slugs[p.Slug] = p
		if o.Reference != "" {
			rk := offer.Fold(o.Reference)
			if prev, dup := refs[rk]; dup {
				diags.Say(content.Pos{Path: "content/" + o.Source, Line: o.Lines[offer.FieldReference]}, content.Warning,
					message.SameReference, "reference", o.Reference, "other", content.QuoteName("content/"+prev.Source))
			} else {
				refs[rk] = p
			}
		}
		p.Path = "offres/" + p.Slug + "/"
		p.Closes = o.Deadline
		if p.Closes.IsZero() && !o.Posted.IsZero() {
			p.Closes, p.AutoClose = o.Posted.AddDays(maxOpen), true
		}
		p.Closed = o.Expired || (!p.Closes.IsZero() && opt.Today.Compare(p.Closes) > 0)
		if !p.Closed && !p.Closes.IsZero() {
			p.DaysLeft = daysBetween(opt.Today, p.Closes)
		}

		name := o.EmployerName
		key := d.empKey
		if canon, ok := aliases[key]; ok {
			name, key = canon, employerKey(canon)
			if names[key] == nil {
				names[key] = map[string]int{}
			}
			names[key][canon] += 1 << 30 // the configured name always wins
		}
		e := emps[key]
		if e == nil {
			e = &Employer{Key: key}
			emps[key] = e
			if names[key] == nil {
				names[key] = map[string]int{}
			}
		}
		names[key][name]++
		e.Offers = append(e.Offers, p)
		p.Employer = e

		if !o.Deadline.IsZero() {
			mk := fmt.Sprintf("%04d-%02d", o.Deadline.Year, int(o.Deadline.Month))
			m := months[mk]
			if m == nil {
				m = &Month{Year: o.Deadline.Year, Month: o.Deadline.Month, Key: mk, Name: offer.MonthName(o.Deadline.Year, o.Deadline.Month), Path: "echeances/" + mk + "/"}
				months[mk] = m
			}
			m.Offers = append(m.Offers, p)
			p.Month = m
		}
		b.Offers = append(b.Offers, p)
		if p.Closed {
			b.Closed = append(b.Closed, p)
		} else {
			b.Open = append(b.Open, p)
		}
	}
	sortOpen(b.Open)
	sortClosed(b.Closed)

	// Employers: the most used spelling names the group; slugs are unique.
	empSlugs := map[string]bool{}
	nextEmp := map[string]int{}
	keys := make([]string, 0, len(emps))
	for k := range emps {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e := emps[k]
		e.Name = mostUsed(names[k])
		base := Slug(norm.NFKC.String(e.Name), 80)
		if base == "" {
			base = "employeur"
		}
		e.Slug = base
		if empSlugs[base] {
			e.Slug = number(base, nextEmp, func(s string) bool { return empSlugs[s] })
		}
		empSlugs[e.Slug] = true
		e.Path = "employeurs/" + e.Slug + "/"
		e.Offers = openThenClosed(e.Offers)
		for _, p := range e.Offers {
			if !p.Closed {
				e.Open++
			}
		}
		b.Employers = append(b.Employers, e)
	}
	sort.Slice(b.Employers, func(i, j int) bool {
		a, c := b.Employers[i], b.Employers[j]
		if ka, kc := offer.Fold(a.Name), offer.Fold(c.Name); ka != kc {
			return ka < kc
		}
		return a.Slug < c.Slug
	})
	for _, m := range months {
		m.Offers = openThenClosed(m.Offers)
		for _, p := range m.Offers {
			if !p.Closed {
				m.Open++
			}
		}
		b.Months = append(b.Months, m)
	}
	sort.Slice(b.Months, func(i, j int) bool { return b.Months[i].Key < b.Months[j].Key })
	b.buildFacets()
	return b, diags
}

// number returns the first address base-2, base-3… that is not taken,
// resuming where the last call for base stopped (next[base]): numbering
// n copies of one address costs n, not n².
func number(base string, next map[string]int, taken func(string) bool) string {
	n := max(next[base], 2)
	s := base + "-" + strconv.Itoa(n)
	for taken(s) {
		n++
		s = base + "-" + strconv.Itoa(n)
	}
	next[base] = n + 1
	return s
}

// employerKey folds a name for grouping: "MAIRIE DE NOUMÉA", "Mairie de
// Noumea", "Mairie  de Nouméa" and "Ｍａｉｒｉｅ de Nouméa" (full-width
// letters, as some input methods type them; NFKC makes them plain) are
// one employer.
func employerKey(name string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("'", " ", "-", " ", ".", " ", ",", " ").Replace(offer.Fold(norm.NFKC.String(name)))), " ")
}

func mostUsed(counts map[string]int) string {
	best, n := "", -1
	for name, c := range counts {
		// Prefer the most used; on a tie, a spelling that is not all
		// capitals, then the smallest, so the choice is stable.
		if c > n || (c == n && better(name, best)) {
			best, n = name, c
		}
	}
	return best
}

func better(a, b string) bool {
	if ua, ub := offer.IsUpper(a), offer.IsUpper(b); ua != ub {
		return ub
	}
	return a < b
}

func offerSlug(o *offer.Offer) string {
	if o.AskedSlug != "" {
		if s := Slug(o.AskedSlug, 120); s != "" {
			return s
		}
	}
	s := Slug(reGender.ReplaceAllString(o.Title, ""), 80)
	if r := Slug(o.Reference, 40); r != "" {
		if s == "" {
			return r
		}
		return s + "-" + r
	}
	if s == "" {
		s = "offre"
	}
	return s
}

// reGender matches the "(F/H)" that many titles carry: it says nothing
// about the job and would lengthen every address.
var reGender = regexp.MustCompile(`(?i)\(?\b[fh] ?/ ?[fh]\b\)?`)

func daysBetween(a, b offer.Date) int {
	return int(b.Time(time.UTC).Sub(a.Time(time.UTC)).Hours() / 24)
}

func deadlineLess(a, b *Offer) int {
	switch {
	case a.Deadline.IsZero() && b.Deadline.IsZero():
		return 0
	case a.Deadline.IsZero():
		return 1
	case b.Deadline.IsZero():
		return -1
	}
	return a.Deadline.Compare(b.Deadline)
}

func tieBreak(a, b *Offer) bool {
	if a.sortKey != b.sortKey {
		return a.sortKey < b.sortKey
	}
	return a.Slug < b.Slug
}

func sortOpen(ps []*Offer) {
	sort.Slice(ps, func(i, j int) bool {
		if c := deadlineLess(ps[i], ps[j]); c != 0 {
			return c < 0
		}
		return tieBreak(ps[i], ps[j])
	})
}

func sortClosed(ps []*Offer) {
	sort.Slice(ps, func(i, j int) bool {
		if c := deadlineLess(ps[i], ps[j]); c != 0 {
			return c > 0
		}
		return tieBreak(ps[i], ps[j])
	})
}

func openThenClosed(ps []*Offer) []*Offer {
	var open, closed []*Offer
	for _, p := range ps {
		if p.Closed {
			closed = append(closed, p)
		} else {
			open = append(open, p)
		}
	}
	sortOpen(open)
	sortClosed(closed)
	return append(open, closed...)
}

// Summary is the short plain text that says what an offer is, for feed
// readers and search engines' snippets: its key facts, then the start of
// its description.
func (p *Offer) Summary() string {
	var parts []string
	parts = append(parts, p.Employer.Name)
	if p.Location != "" {
		parts = append(parts, p.Location)
	}
	if !p.Deadline.IsZero() {
		parts = append(parts, "candidatures jusqu’au "+p.Deadline.Long())
	}
	if p.Reference != "" {
		parts = append(parts, "réf. "+p.Reference)
	}
	s := strings.Join(parts, " · ") + "."
	if p.Intro != "" {
		s += " " + p.Intro
	}
	return s
}

// OpenEmployers counts the employers with an open offer.
func (b *Board) OpenEmployers() int {
	n := 0
	for _, e := range b.Employers {
		if e.Open > 0 {
			n++
		}
	}
	return n
}

// URL is the link to a page of the site from any page: BasePath + path.
func (b *Board) URL(path string) string { return b.BasePath + path }

// AbsURL is the absolute address of a page, for feeds and sitemaps.
func (b *Board) AbsURL(path string) string { return b.BaseURL + path }

// FeedOffers is what feeds list: open offers, newest first, at most n.
func FeedOffers(ps []*Offer, n int) []*Offer {
	var out []*Offer
	for _, p := range ps {
		if !p.Closed {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Posted.Compare(out[j].Posted); c != 0 {
			return c > 0
		}
		return out[i].Slug < out[j].Slug
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
