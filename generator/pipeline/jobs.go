package pipeline

// The writer: one job per output file, each with the key of its inputs, run
// on a pool of workers.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"

	"postes/generator/content"
	"postes/generator/feed"
	"postes/generator/offer"
	"postes/generator/parallel"
	"postes/generator/publish"
	"postes/generator/render"
	"postes/generator/site"
)

// writer renders every output file of one board.
type writer struct {
	halt    *atomic.Bool // the Builder was told to stop: render nothing more
	out     *publish.Output
	r       *render.Renderer
	board   *site.Board
	cfg     *Config
	info    *render.Site
	theme   fs.FS
	workers int
	common  uint64 // hash of what every output depends on: version, theme, config
	facets  uint64 // hash of every facet value's name, address and counts
	// reach, when not 0, is the key of the whole board and its day, which
	// every page depends on: a custom template may show anything of them
	// anywhere (.Board.Today, .DaysLeft).
	reach uint64

	body   func(*offer.Offer) (string, error) // an offer's Markdown body
	inFeed map[*site.Offer]*lazyHTML
	okey   map[*site.Offer]uint64 // each offer's key, computed once per build
	lkey   map[*site.Offer]uint64 // the key of what lists show of it
	prev   *memo                  // pieces kept from the last build, or nil
	next   *memo                  // pieces of this build
	// pieces are where to find, in the last board's files, the pieces a
	// one-shot build did not keep (pieces.go).
	pieces *piecesFile
	// with is what each offer was read with (readFile.defHash).
	with map[*offer.Offer]uint64
	// diags are what making the list of files found wrong (a file of
	// static/ where the board has a page).
	diags content.List
	// jsonKeys and searchKeys are the keys of the pieces of offres.json
	// and the search index, in order, when this build wrote them.
	jsonKeys, searchKeys []uint64

	namesMu sync.Mutex
	names   map[*site.Page]*pageName

	errMu sync.Mutex
	err   error
}

// lazyHTML renders an offer's body once, on first need: an offer whose
// page is reused from the last build is rendered only if a feed needs it.
type lazyHTML struct {
	once sync.Once
	html string
	err  error
}

func (w *writer) fail(err error) {
	w.errMu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.errMu.Unlock()
}

// job is one output file. key sums everything the file's content depends
// on: when it equals the key recorded by the last build, the old file is
// reused and gen is not run.
type job struct {
	path string
	key  uint64
	gen  func(io.Writer) error
}

// bodyHTML renders an offer's body, keeping the result only for offers
// that feeds carry: at national scale the bodies of every offer would not
// fit in memory twice.
func (w *writer) bodyHTML(p *site.Offer) (string, error) {
	render := func() (string, error) {
		md, err := w.body(p.Offer)
		if err != nil {
			return "", err
		}
		return w.r.Body(md)
	}
	if l := w.inFeed[p]; l != nil {
		l.once.Do(func() { l.html, l.err = render() })
		return l.html, l.err
	}
	return render()
}

func (w *writer) all() error {
	b, cfg := w.board, w.cfg
	w.inFeed = map[*site.Offer]*lazyHTML{}
	for _, p := range site.FeedOffers(b.Offers, cfg.FeedLength) {
		w.inFeed[p] = &lazyHTML{}
	}
	for _, e := range b.Employers {
		for _, p := range site.FeedOffers(e.Offers, cfg.FeedLength) {
			w.inFeed[p] = &lazyHTML{}
		}
	}
	w.names = map[*site.Page]*pageName{}
	w.okey = make(map[*site.Offer]uint64, len(b.Offers))
	w.lkey = make(map[*site.Offer]uint64, len(b.Offers))
	for _, p := range b.Offers {
		w.okey[p] = offerKey(p, w.with[p.Offer])
		w.lkey[p] = listKey(p)
	}
	jobs := w.jobs()
	// One buffer per worker, reused from file to file: a fresh one grew
	// by doubling for every page, a tenth of a build's allocations.
	bufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	run := func(j job) {
		buf := bufs.Get().(*bytes.Buffer)
		buf.Reset()
		if n := w.out.LastSize(j.path); n > maxPooled {
			buf.Grow(int(n + n/16)) // offres.json, the search index: one allocation, not doublings
		}
		defer func() {
			if buf.Cap() <= maxPooled {
				bufs.Put(buf) // not the buffers of the big JSON files
			}
		}()
		if err := j.gen(buf); err != nil {
			w.fail(fmt.Errorf("%s: %w", j.path, err))
			return
		}
		if err := w.out.Write(j.path, j.key, buf.Bytes()); err != nil { // Write keeps no reference to the bytes
			w.fail(err)
		}
	}
	parallel.Do(len(jobs), w.workers, func(i int) {
		if w.halt != nil && w.halt.Load() {
			return
		}
		if !w.out.Reuse(jobs[i].path, jobs[i].key) {
			run(jobs[i])
		}
	})
	if w.err != nil || (w.halt != nil && w.halt.Load()) {
		return w.err
	}
	// Files kept from the last board that vanished or changed since they
	// were looked at, or that this user may not link (another user's
	// board), are rendered after all: a build never fails for them.
	if lost := w.out.LinkReused(); len(lost) > 0 {
		byPath := make(map[string]job, len(jobs))
		for _, j := range jobs {
			byPath[j.path] = j
		}
		parallel.Do(len(lost), w.workers, func(i int) { run(byPath[lost[i]]) })
	}
	return w.err
}

// maxPooled bounds the buffers kept for the next file.
const maxPooled = 1 << 20

// commonKey hashes what every output depends on. The build's day is not
// in it: the day changes an output only where it changes what the output
// shows (an offer closing, a scheduled one coming out, a month passing),
// and each key rule says where (pageKey). The default theme shows nothing
// that merely displays the day; postes.js computes that in the browser.
func commonKey(cfg *Config, themeHash uint64) uint64 {
	data, _ := json.Marshal(cfg) // exported fields only, map keys sorted
	h := xxhash.New()
	fmt.Fprintf(h, "postes %s\x00%x\x00", Version, themeHash)
	h.Write(data)
	return h.Sum64()
}

// keyer sums the inputs of one output file.
type keyer struct {
	h    *xxhash.Digest
	okey map[*site.Offer]uint64
	lkey map[*site.Offer]uint64
}

func (w *writer) keyer(kind string) keyer {
	k := keyer{xxhash.New(), w.okey, w.lkey}
	fmt.Fprintf(k.h, "%x\x00%s\x00", w.common, kind)
	return k
}

// pageKeyer is keyer for a page rendered by a template: with a custom
// template, what the page can reach is the whole board.
func (w *writer) pageKeyer(kind string) keyer {
	k := w.keyer(kind)
	if w.reach != 0 {
		fmt.Fprintf(k.h, "board\x00%x\x00", w.reach)
	}
	return k
}

// boardKey sums everything a template can reach through a page: the day,
// every offer on the board (its text, file, address, status, employer,
// month) and those scheduled for later; the rest (config, theme) is in
// every key already.
func boardKey(b *site.Board, with map[*offer.Offer]uint64) uint64 {
	h := xxhash.New()
	fmt.Fprintf(h, "today\x00%s\x00", b.Today) // and through it, each offer's days left
	var buf [8]byte
	for _, p := range b.Offers {
		binary.LittleEndian.PutUint64(buf[:], offerKey(p, with[p.Offer]))
		h.Write(buf[:])
	}
	fmt.Fprintf(h, "scheduled\x00%d\x00", len(b.Scheduled))
	for _, o := range b.Scheduled {
		fmt.Fprintf(h, "%x\x00%s\x00", o.Hash, o.Source)
	}
	return h.Sum64()
}

// searchKey is the key of an offer's entry in the search index.
func searchKey(okey uint64, employer int, values []*site.FacetValue) uint64 {
	h := xxhash.New()
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], okey)
	binary.LittleEndian.PutUint64(b[8:], uint64(employer))
	h.Write(b[:])
	for _, v := range values {
		h.WriteString(v.Path)
		h.WriteString("\x00")
	}
	return h.Sum64()
}

// offerKey sums what pages show of an offer: its text (through its hash),
// what it was read with (with: its folder's defaults, the board's
// extraction options, which give it fields its text does not), file,
// address, status on the build's day (open or closed, not the days left:
// pages do not show them), employer and month.
func offerKey(p *site.Offer, with uint64) uint64 {
	month := ""
	if p.Month != nil {
		month = p.Month.Key
	}
	b := make([]byte, 0, 128)
	b = strconv.AppendUint(b, p.Hash, 16)
	b = append(b, 0)
	b = strconv.AppendUint(b, with, 16)
	b = append(b, 0)
	b = append(b, p.Source...)
	b = append(b, 0)
	b = append(b, p.Slug...)
	b = append(b, 0)
	b = strconv.AppendBool(b, p.Closed)
	b = append(b, 0)
	b = append(b, p.Employer.Name...)
	b = append(b, 0)
	b = append(b, p.Employer.Slug...)
	b = append(b, 0)
	b = append(b, month...)
	return xxhash.Sum64(b)
}

// listKey sums what lists, calendars and the sitemap show of an offer:
// editing its description leaves them as they are, and they are not
// rendered again.
func listKey(p *site.Offer) uint64 {
	b := make([]byte, 0, 256)
	for _, s := range []string{p.Slug, p.Employer.Name, p.Employer.Slug} {
		b = append(b, s...)
		b = append(b, 0)
	}
	// What cards show of the file: the fields declared so (offer.Fields).
	for _, d := range offer.Fields {
		if d.InLists {
			b = append(b, p.Offer.Text(d.Field)...)
			b = append(b, 0)
		}
	}
	// The deadline's hour, which feeds and calendars say beside the date.
	b = append(b, p.DeadlineTime...)
	b = append(b, 0)
	b = strconv.AppendBool(b, p.Closed)
	b = append(b, p.Closes.String()...)
	return xxhash.Sum64(b)
}

// list adds what lists show of each offer, in order.
func (k keyer) list(ps []*site.Offer) keyer {
	fmt.Fprintf(k.h, "%d\x00", len(ps))
	var b [8]byte
	for _, p := range ps {
		binary.LittleEndian.PutUint64(b[:], k.lkey[p])
		k.h.Write(b[:])
	}
	return k
}

func (k keyer) offer(p *site.Offer) keyer {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], k.okey[p])
	k.h.Write(b[:])
	return k
}

func (k keyer) offers(ps []*site.Offer) keyer {
	fmt.Fprintf(k.h, "%d\x00", len(ps))
	for _, p := range ps {
		k.offer(p)
	}
	return k
}

func (k keyer) str(ss ...string) keyer {
	for _, s := range ss {
		k.h.WriteString(s)
		k.h.WriteString("\x00")
	}
	return k
}

func (k keyer) sum() uint64 { return k.h.Sum64() }

// rss writes a feed as feed.WriteRSS makes it, compact already: the XML
// minifier took time quadratic in the entities of the bodies it carries
// (a body of 500 KB of addresses: 8.6 s).
func (w *writer) rss(ch feed.Channel, offers []*site.Offer) func(io.Writer) error {
	return func(out io.Writer) error { return feed.WriteRSS(out, w.board, ch, offers, w.bodyHTML) }
}

func (w *writer) jobs() []job {
	b, cfg := w.board, w.cfg
	pages := b.Pages(site.PagesOptions{FeedLength: cfg.FeedLength, ListLength: cfg.ListLength})
	w.facets = facetsKey(b)
	var jobs []job
	var paths []string
	for _, sp := range pages {
		jobs = append(jobs, job{sp.File(), w.pageKey(sp), w.page(sp)})
		if sp.Kind != site.Kind404 {
			paths = append(paths, sp.Path)
		}
		if sp.Feed != nil {
			jobs = append(jobs, w.feedJobs(sp)...)
		}
	}
	// The files of the whole board come first: offres.json, the search
	// index and the sitemap are long jobs of one worker each, which at the
	// end of the queue left the other cores idle while they ran (a tenth
	// of a national board's build).
	perPage := len(jobs)
	all := w.keyer("all").offers(b.Offers).sum()
	lists := w.keyer("lists").list(b.Offers).sum()
	jobs = append(jobs, job{"offres.json", all, func(out io.Writer) error {
		w.jsonKeys = make([]uint64, 0, len(b.Offers))
		prev := w.prev
		if prev == nil {
			prev = w.pieces.memo(w.out, "offres.json")
		}
		return feed.WriteJSON(out, b, func(p *site.Offer) ([]byte, error) {
			w.jsonKeys = append(w.jsonKeys, w.okey[p])
			return piece(prev, w.next, func(m *memo) map[uint64][]byte { return m.json }, w.okey[p],
				func() ([]byte, error) { return feed.JSONEntry(b, p) })
		})
	}})
	empIndex := make(map[*site.Employer]int, len(b.Employers))
	for i, e := range b.Employers {
		empIndex[e] = i
	}
	// An offer's entry in the search index also holds its employer's place
	// in the list and the slugs of its facet values, which other offers
	// may change.
	jobs = append(jobs, job{"recherche.json", w.keyer("search").str(fmt.Sprint(w.facets)).offers(b.Offers).sum(), func(out io.Writer) error {
		w.searchKeys = make([]uint64, 0, len(b.Offers))
		prev := w.prev
		if prev == nil {
			prev = w.pieces.memo(w.out, "recherche.json")
		}
		return feed.WriteSearchIndex(out, b, func(p *site.Offer) ([]byte, error) {
			key := searchKey(w.okey[p], empIndex[p.Employer], p.Values)
			w.searchKeys = append(w.searchKeys, key)
			return piece(prev, w.next, func(m *memo) map[uint64][]byte { return m.search }, key,
				func() ([]byte, error) {
					words := ""
					if !p.Closed {
						md, err := w.body(p.Offer)
						if err != nil {
							return nil, err
						}
						words = offer.Keywords(md)
					}
					return feed.SearchEntry(p, empIndex[p.Employer], words)
				})
		})
	}})
	jobs = append(jobs, job{"facettes.json", w.keyer("facettes").str(fmt.Sprint(w.facets)).sum(), func(out io.Writer) error {
		return feed.WriteFacets(out, b)
	}})
	jobs = append(jobs, job{"flux.opml", w.pageKeyer("opml").str(fmt.Sprint(w.facets)).list(b.Offers).sum(), w.opml(pages)})
	sort.Strings(paths)
	jobs = append(jobs, w.sitemaps(paths, lists)...)
	jobs = append(jobs, job{"robots.txt", w.keyer("robots").sum(), func(out io.Writer) error {
		if b.BasePath != "/" {
			// Crawlers read robots.txt only at the root of a host: this
			// one says what the host's own must hold.
			root := strings.TrimSuffix(b.BaseURL, strings.TrimPrefix(b.BasePath, "/"))
			_, err := fmt.Fprintf(out, "# This board lives under %s: crawlers read robots.txt only at the root of\n# the host. Add the Sitemap line below to %srobots.txt.\nSitemap: %s\n",
				b.BasePath, root, b.AbsURL("sitemap.xml"))
			return err
		}
		_, err := fmt.Fprintf(out, "User-agent: *\nAllow: /\n\nSitemap: %s\n", b.AbsURL("sitemap.xml"))
		return err
	}})
	// static/ whole, at any depth: hosts read CNAME, _headers,
	// .well-known/… there.
	var statics []string
	_ = fs.WalkDir(w.theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			statics = append(statics, p)
		}
		return nil
	})
	made := make(map[string]bool, len(jobs))
	for _, j := range jobs {
		made[j.path] = true
	}
	for _, name := range statics {
		name := name
		if rel := strings.TrimPrefix(name, "static/"); made[rel] {
			// A page of the board wins: the board works without the
			// publisher's file, not without its home page.
			w.diags.Add(content.Pos{Path: name}, content.Warning, "postes writes %s itself; this file of static/ is not published (rename it, or change the page in templates/)", rel)
			continue
		}
		jobs = append(jobs, job{strings.TrimPrefix(name, "static/"), w.keyer("static").str(name).sum(), func(out io.Writer) error {
			data, err := fs.ReadFile(w.theme, name)
			if err != nil {
				return err
			}
			if mt := mediaType(name); mt != "" {
				return w.r.Minifier().Minify(mt, out, bytes.NewReader(data))
			}
			_, err = out.Write(data)
			return err
		}})
	}
	return slices.Concat(jobs[perPage:], jobs[:perPage])
}

// pageKey is the key rule of each page kind, all in one place: a page is
// rendered again when what its template shows changes, and only then. A
// new page kind gets its rule here.
func (w *writer) pageKey(p *site.Page) uint64 {
	k := w.pageKeyer(string(p.Kind)).str(p.Path)
	switch p.Kind {
	case site.KindOffer:
		// Its file, its address and status, and the facet values it
		// links to, named as the board names them.
		k = k.offer(p.Offer).str(w.country(p.Offer.Employer)).values(p.Offer.Values)
	case site.KindEmployer:
		k = k.str(p.Employer.Name, p.Employer.Slug).list(p.Employer.Offers)
	case site.KindMonth:
		k = k.str(p.Month.Key).list(p.Month.Offers)
	case site.KindFacet:
		v := p.Value
		k = k.str(v.Key, v.Label, v.Slug, fmt.Sprint(p.More, v.Open, len(v.Offers))).list(p.Offers)
	case site.KindFacets, site.KindFollow:
		k = k.str(fmt.Sprint(w.facets)).list(w.board.Offers)
	case site.KindMonths:
		// The day moves a month from upcoming to past once a month.
		k = k.list(w.board.Offers).str(fmt.Sprint(len(p.Upcoming), len(p.Past)))
	case site.Kind404:
	default:
		// Home, archive, employers, months: what lists show of every
		// offer, and through it the board's counts.
		k = k.list(w.board.Offers)
	}
	return k.sum()
}

// values adds the facet values an offer page links to.
func (k keyer) values(vs []*site.FacetValue) keyer {
	for _, v := range vs {
		k.str(v.Facet.Name, v.Label, v.Path)
	}
	return k
}

// facetsKey sums what the facet indexes show: every value's name,
// address and counts.
func facetsKey(b *site.Board) uint64 {
	h := xxhash.New()
	for _, f := range b.Facets {
		for _, v := range f.Values {
			fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d\x00%d\x00", f.Name, v.Label, v.Slug, v.Open, len(v.Offers))
		}
	}
	for _, e := range b.Employers {
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00%d\x00", e.Name, e.Slug, e.Open, len(e.Offers))
	}
	return h.Sum64()
}

// page renders a page of the board; an offer's page also renders its
// description and, while open, its structured data.
func (w *writer) page(sp *site.Page) func(io.Writer) error {
	return func(out io.Writer) error {
		pg := render.NewPage(sp)
		if p := sp.Offer; p != nil {
			html, err := w.bodyHTML(p)
			if err != nil {
				return fmt.Errorf("markdown: %w", err)
			}
			pg.Body = template.HTML(html)
			if !p.Closed {
				ld, err := feed.JobPosting(w.board, p, html, w.cfg.Location(), w.country(p.Employer))
				if err != nil {
					return err
				}
				pg.JSONLD = template.JS(ld)
			}
		}
		return w.r.Page(out, pg)
	}
}

// feedJobs are a followable page's RSS feed and calendar, named after the
// page (its template's title and description). The names are rendered
// only for a feed that is: the key holds what they can show of the page
// (named).
func (w *writer) feedJobs(sp *site.Page) []job {
	b, cfg, f := w.board, w.cfg, sp.Feed
	channel := func() (feed.Channel, feed.Calendar, error) {
		title, desc, err := w.name(sp)
		if err != nil {
			return feed.Channel{}, feed.Calendar{}, err
		}
		name := cfg.Title
		if title != "" {
			name = title + " · " + cfg.Title
		}
		if desc == "" {
			desc = cfg.Description
		}
		ch := feed.Channel{Title: name, Description: desc, Language: cfg.Language, Link: b.AbsURL(sp.Path),
			Self: b.AbsURL(f.Path), Loc: cfg.Location(), Brief: sp.Kind == site.KindFacet}
		cal := feed.Calendar{Name: "Échéances · " + name, TimeZone: cfg.TimeZone, ReminderDays: cfg.ReminderDays}
		return ch, cal, nil
	}
	// A calendar holds what closed in the last days (site.RecentDays): the
	// day is in its key through the events it keeps. One with no event
	// holds the time zone's rules for the build's year.
	ics := w.pageKeyer("ics").named(sp).list(f.Events)
	if len(f.Events) == 0 {
		ics = ics.str(fmt.Sprint(b.Today.Year))
	}
	return []job{
		{f.Path, w.pageKeyer("rss").named(sp).offers(f.Items).sum(), func(out io.Writer) error {
			ch, _, err := channel()
			if err != nil {
				return err
			}
			return w.rss(ch, f.Items)(out)
		}},
		{f.Calendar, ics.sum(), func(out io.Writer) error {
			_, cal, err := channel()
			if err != nil {
				return err
			}
			return w.ics(cal, f.Events)(out)
		}},
	}
}

// named adds what a page's name (its template's "title" and "description"
// blocks) can show of it: its kind and path, and its own employer, month
// or facet value with their counts, not its offers. A custom theme's
// names may show more: its pageKeyer holds the whole board.
func (k keyer) named(sp *site.Page) keyer {
	k = k.str(string(sp.Kind), sp.Path)
	if e := sp.Employer; e != nil {
		k = k.str(e.Name, e.Slug, fmt.Sprint(e.Open, len(e.Offers)))
	}
	if m := sp.Month; m != nil {
		k = k.str(m.Key, m.Name, fmt.Sprint(m.Open, len(m.Offers)))
	}
	if f := sp.Facet; f != nil {
		k = k.str(f.Name)
	}
	if v := sp.Value; v != nil {
		k = k.str(v.Key, v.Label, v.Slug, fmt.Sprint(v.Open, len(v.Offers)))
	}
	return k
}

// pageName is a page's title and description, rendered once.
type pageName struct {
	once        sync.Once
	title, desc string
	err         error
}

// name renders a page's title and description once per build, for its
// feed, its calendar and flux.opml.
func (w *writer) name(sp *site.Page) (title, desc string, err error) {
	w.namesMu.Lock()
	n := w.names[sp]
	if n == nil {
		n = &pageName{}
		w.names[sp] = n
	}
	w.namesMu.Unlock()
	n.once.Do(func() {
		pg := render.NewPage(sp)
		if n.title, n.err = w.r.Title(pg); n.err != nil {
			n.err = fmt.Errorf("%s: title: %w", sp.File(), n.err)
			return
		}
		if n.desc, n.err = w.r.Description(pg); n.err != nil {
			n.err = fmt.Errorf("%s: description: %w", sp.File(), n.err)
		}
	})
	return n.title, n.desc, n.err
}

// opml lists every feed of the board, for feed readers to import in one go.
func (w *writer) opml(pages []*site.Page) func(io.Writer) error {
	return func(out io.Writer) error {
		// Feeds are grouped as the site groups their pages: under the
		// title of their index page (Employeurs, Lieux de travail…).
		groups := map[string]string{}
		for _, sp := range pages {
			var key string
			switch sp.Kind {
			case site.KindEmployers:
				key = "employer"
			case site.KindFacets:
				key = sp.Facet.Name
			default:
				continue
			}
			title, err := w.r.Title(render.NewPage(sp))
			if err != nil {
				return err
			}
			groups[key] = title
		}
		var items []feed.Outline
		for _, sp := range pages {
			if sp.Feed == nil {
				continue
			}
			title, _, err := w.name(sp)
			if err != nil {
				return err
			}
			if title == "" {
				title = w.cfg.Title
			}
			group := w.cfg.Title
			switch {
			case sp.Employer != nil:
				group = groups["employer"]
			case sp.Facet != nil:
				group = groups[sp.Facet.Name]
			}
			items = append(items, feed.Outline{Title: title, Feed: w.board.AbsURL(sp.Feed.Path), Page: w.board.AbsURL(sp.Path), Group: group})
		}
		var buf bytes.Buffer
		if err := feed.WriteOPML(&buf, w.cfg.Title, items); err != nil {
			return err
		}
		return w.r.Minifier().Minify("application/xml", out, &buf)
	}
}

// sitemapMax is feed.SitemapMax; tests lower it.
var sitemapMax = feed.SitemapMax

// sitemaps lists pages in sitemap.xml or, past sitemapMax pages, in
// sitemap-1.xml, sitemap-2.xml… that sitemap.xml indexes.
func (w *writer) sitemaps(pages []string, lists uint64) []job {
	xmlJob := func(path string, key uint64, write func(io.Writer) error) job {
		return job{path, key, func(out io.Writer) error {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				return err
			}
			return w.r.Minifier().Minify("application/xml", out, &buf)
		}}
	}
	if len(pages) <= sitemapMax {
		return []job{xmlJob("sitemap.xml", lists, func(out io.Writer) error { return feed.WriteSitemap(out, w.board, pages) })}
	}
	var jobs []job
	var files []string
	for i := 0; i < len(pages); i += sitemapMax {
		part := pages[i:min(i+sitemapMax, len(pages))]
		name := fmt.Sprintf("sitemap-%d.xml", len(files)+1)
		files = append(files, name)
		jobs = append(jobs, xmlJob(name, w.keyer("sitemap").str(name).sum()^lists, func(out io.Writer) error {
			return feed.WriteSitemap(out, w.board, part)
		}))
	}
	return append(jobs, xmlJob("sitemap.xml", w.keyer("sitemap-index").str(files...).sum(), func(out io.Writer) error {
		return feed.WriteSitemapIndex(out, w.board, files)
	}))
}

func (w *writer) ics(cal feed.Calendar, offers []*site.Offer) func(io.Writer) error {
	return func(out io.Writer) error { return feed.WriteICS(out, w.board, cal, offers) }
}

// country is the ISO code of an employer's country: config's [countries]
// entry for it, else the board's country.
func (w *writer) country(e *site.Employer) string {
	for name, c := range w.cfg.Countries {
		if strings.EqualFold(name, e.Name) || site.Slug(name, 80) == e.Slug {
			return c
		}
	}
	return w.cfg.Country
}

func ogLocale(lang, country string) string {
	if len(lang) == 2 && len(country) == 2 {
		return strings.ToLower(lang) + "_" + strings.ToUpper(country)
	}
	return "fr_FR"
}
