package build

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
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"

	"postes/generator/feed"
	"postes/generator/offer"
	"postes/generator/render"
	"postes/generator/site"
)

// writer renders every output file of one board.
type writer struct {
	out     *Output
	r       *render.Renderer
	board   *site.Board
	cfg     *Config
	info    *render.Site
	theme   fs.FS
	workers int
	common  uint64 // hash of what every page depends on: theme, config, today

	body   func(*offer.Offer) (string, error) // an offer's Markdown body
	inFeed map[*site.Offer]*lazyHTML
	okey   map[*site.Offer]uint64 // each offer's key, computed once per build
	lkey   map[*site.Offer]uint64 // the key of what lists show of it
	prev   *memo                  // pieces kept from the last build, or nil
	next   *memo                  // pieces of this build

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
	w.okey = make(map[*site.Offer]uint64, len(b.Offers))
	w.lkey = make(map[*site.Offer]uint64, len(b.Offers))
	for _, p := range b.Offers {
		w.okey[p] = offerKey(p)
		w.lkey[p] = listKey(p)
	}
	jobs := w.jobs()
	// One buffer per worker, reused from file to file: a fresh one grew
	// by doubling for every page, a tenth of a build's allocations.
	bufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	parallel(len(jobs), w.workers, func(i int) {
		j := jobs[i]
		if w.out.Reuse(j.path, j.key) {
			return
		}
		buf := bufs.Get().(*bytes.Buffer)
		buf.Reset()
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
	})
	return w.err
}

// maxPooled bounds the buffers kept for the next file.
const maxPooled = 1 << 20

// commonKey hashes what every output depends on.
func commonKey(cfg *Config, themeHash uint64, today offer.Date) uint64 {
	data, _ := json.Marshal(cfg) // exported fields only, map keys sorted
	h := xxhash.New()
	fmt.Fprintf(h, "postes %s\x00%x\x00%s\x00", Version, themeHash, today)
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

// offerKey sums what pages show of an offer: its text (through its hash),
// address, status on the build's day, employer and month.
func offerKey(p *site.Offer) uint64 {
	month := ""
	if p.Month != nil {
		month = p.Month.Key
	}
	b := make([]byte, 0, 128)
	b = strconv.AppendUint(b, p.Hash, 16)
	b = append(b, 0)
	b = append(b, p.Slug...)
	b = append(b, 0)
	b = strconv.AppendBool(b, p.Closed)
	b = strconv.AppendInt(b, int64(p.DaysLeft), 10)
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
	b := make([]byte, 0, 192)
	for _, s := range []string{p.Slug, p.Title, p.Employer.Name, p.Employer.Slug, p.Location, p.Reference,
		p.Deadline.String(), p.Posted.String()} {
		b = append(b, s...)
		b = append(b, 0)
	}
	b = strconv.AppendBool(b, p.Closed)
	b = strconv.AppendInt(b, int64(p.DaysLeft), 10)
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

func (w *writer) page(p *render.Page) func(io.Writer) error {
	return func(out io.Writer) error { return w.r.Page(out, p) }
}

// rss writes a feed as feed.WriteRSS makes it, compact already: the XML
// minifier took time quadratic in the entities of the bodies it carries
// (a body of 500 KB of addresses: 8.6 s).
func (w *writer) rss(ch feed.Channel, offers []*site.Offer) func(io.Writer) error {
	return func(out io.Writer) error { return feed.WriteRSS(out, w.board, ch, offers, w.bodyHTML) }
}

func (w *writer) jobs() []job {
	b, cfg := w.board, w.cfg
	var jobs []job
	var pages []string
	// Pages that list offers depend on every offer they list; the board's
	// counts are in the home page's key through the lists.
	add := func(p *render.Page, key uint64) {
		file := p.Path + "index.html"
		if p.Kind == "404" {
			file = "404.html"
		} else {
			pages = append(pages, p.Path)
		}
		jobs = append(jobs, job{file, key, w.page(p)})
	}
	all := w.keyer("all").offers(b.Offers).sum()
	// Pages that only list offers depend on what lists show.
	lists := w.keyer("lists").list(b.Offers).sum()
	openEmployers := 0
	for _, e := range b.Employers {
		if e.Open > 0 {
			openEmployers++
		}
	}
	add(&render.Page{Kind: "home", Path: "", OpenEmployers: openEmployers}, lists)
	const archiveLen = 200
	arch := &render.Page{Kind: "archive", Path: "archives/", Title: "Offres closes", Offers: b.Closed}
	if len(b.Closed) > archiveLen {
		arch.Offers, arch.More = b.Closed[:archiveLen], len(b.Closed)-archiveLen
	}
	add(arch, lists)
	add(&render.Page{Kind: "employers", Path: "employeurs/", Title: "Employeurs"}, lists)
	months := &render.Page{Kind: "months", Path: "echeances/", Title: "Échéances"}
	thisMonth := fmt.Sprintf("%04d-%02d", b.Today.Year, int(b.Today.Month))
	for _, m := range b.Months {
		if m.Key >= thisMonth {
			months.Upcoming = append(months.Upcoming, m)
		} else {
			months.Past = append([]*site.Month{m}, months.Past...)
		}
	}
	add(months, lists)
	add(&render.Page{Kind: "404", Path: "404.html", Title: "Page introuvable"}, w.keyer("404").sum())
	for _, p := range b.Offers {
		p := p
		pages = append(pages, p.Path)
		jobs = append(jobs, job{p.Path + "index.html", w.keyer("offer").offer(p).str(w.country(p.Employer)).sum(), func(out io.Writer) error {
			pg := &render.Page{Kind: "offer", Path: p.Path, Title: p.Title + " – " + p.Employer.Name, Description: offer.Clip(feed.Summary(p), 300),
				Offer: p, Feed: p.Employer.Path + "feed.xml", FeedTitle: "Offres de " + p.Employer.Name}
			html, err := w.bodyHTML(p)
			if err != nil {
				return fmt.Errorf("markdown: %w", err)
			}
			pg.Body = template.HTML(html)
			if !p.Closed {
				ld, err := feed.JobPosting(b, p, html, cfg.Location(), w.country(p.Employer))
				if err != nil {
					return err
				}
				pg.JSONLD = template.JS(ld)
			}
			return w.r.Page(out, pg)
		}})
	}
	for _, e := range b.Employers {
		key := w.keyer("employer").str(e.Name, e.Slug).list(e.Offers).sum()
		add(&render.Page{Kind: "employer", Path: e.Path, Title: e.Name, Employer: e,
			Description: fmt.Sprintf("Offres d’emploi de %s : %d ouvertes sur %d.", e.Name, e.Open, len(e.Offers)),
			Feed:        e.Path + "feed.xml", FeedTitle: "Offres de " + e.Name}, key)
		items := site.FeedOffers(e.Offers, cfg.FeedLength)
		ch := feed.Channel{Title: e.Name + " · " + cfg.Title, Description: "Offres d’emploi ouvertes : " + e.Name,
			Language: cfg.Language, Link: b.AbsURL(e.Path), Self: b.AbsURL(e.Path + "feed.xml"), Loc: cfg.Location()}
		jobs = append(jobs, job{e.Path + "feed.xml", w.keyer("rss").str(e.Name, e.Slug).offers(items).sum(), w.rss(ch, items)})
		jobs = append(jobs, job{e.Path + "echeances.ics", w.keyer("ics").str(e.Name, e.Slug).list(e.Offers).sum(),
			w.ics(feed.Calendar{Name: "Échéances · " + e.Name, TimeZone: cfg.TimeZone, ReminderDays: cfg.ReminderDays}, e.Offers)})
	}
	jobs = append(jobs, job{"echeances.ics", w.keyer("ics").list(b.Open).sum(),
		w.ics(feed.Calendar{Name: "Échéances · " + cfg.Title, TimeZone: cfg.TimeZone, ReminderDays: cfg.ReminderDays}, b.Open)})
	for _, m := range b.Months {
		add(&render.Page{Kind: "month", Path: m.Path, Title: "Date limite en " + m.Name, Month: m},
			w.keyer("month").str(m.Key).list(m.Offers).sum())
	}
	items := site.FeedOffers(b.Offers, cfg.FeedLength)
	ch := feed.Channel{Title: cfg.Title, Description: cfg.Description, Language: cfg.Language,
		Link: b.AbsURL(""), Self: b.AbsURL("feed.xml"), Loc: cfg.Location()}
	jobs = append(jobs, job{"feed.xml", w.keyer("rss").offers(items).sum(), w.rss(ch, items)})
	jobs = append(jobs, job{"offres.json", all, func(out io.Writer) error {
		return feed.WriteJSON(out, b, func(p *site.Offer) ([]byte, error) {
			return piece(w.prev, w.next, func(m *memo) map[uint64][]byte { return m.json }, w.okey[p],
				func() ([]byte, error) { return feed.JSONEntry(b, p) })
		})
	}})
	empIndex := make(map[*site.Employer]int, len(b.Employers))
	for i, e := range b.Employers {
		empIndex[e] = i
	}
	jobs = append(jobs, job{"recherche.json", all, func(out io.Writer) error {
		return feed.WriteSearchIndex(out, b, func(p *site.Offer) ([]byte, error) {
			key := w.okey[p] ^ uint64(empIndex[p.Employer])*0x9E3779B97F4A7C15
			return piece(w.prev, w.next, func(m *memo) map[uint64][]byte { return m.search }, key,
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
	sort.Strings(pages)
	jobs = append(jobs, w.sitemaps(pages, lists)...)
	jobs = append(jobs, job{"robots.txt", w.keyer("robots").sum(), func(out io.Writer) error {
		_, err := fmt.Fprintf(out, "User-agent: *\nAllow: /\n\nSitemap: %s\n", b.AbsURL("sitemap.xml"))
		return err
	}})
	statics, _ := fs.Glob(w.theme, "static/*")
	more, _ := fs.Glob(w.theme, "static/*/*")
	for _, name := range append(statics, more...) {
		name := name
		if st, err := fs.Stat(w.theme, name); err != nil || st.IsDir() {
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
	return jobs
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
