// Package build runs the whole pipeline for one site: it reads config.toml,
// reads and extracts every offer in parallel, builds the board for the
// build's day, renders pages and feeds with a pool of workers, and publishes
// the result atomically.
//
// It is the last stage and the only one that touches the output folder;
// only cmd/postes imports it.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"postes/generator/content"
	"postes/generator/feed"
	"postes/generator/offer"
	"postes/generator/render"
	"postes/generator/site"
)

// Options are the command line's choices; zero values mean "from config".
type Options struct {
	Source  string // site root: config.toml, content/, templates/, static/
	Output  string // overrides config's output (relative to the working folder)
	Now     string // YYYY-MM-DD: the build's today; default today in the board's zone
	BaseURL string // overrides config's base_url
	Strict  bool   // any warning or error publishes nothing
	// ErrorsAbort makes a file with an error publish nothing, instead of
	// being skipped: serve keeps the last good board on screen.
	ErrorsAbort bool
	Theme       fs.FS // the default theme (templates/, static/)
	Workers     int   // default GOMAXPROCS
}

// Result says what a build did.
type Result struct {
	Output  string
	Today   offer.Date
	Offers  int // published
	Open    int
	Closed  int
	Skipped int // files with errors
	Drafts  int
	// Scheduled offers are dated after today and not published yet.
	Scheduled int
	Diags     content.List
	Written   int
	Linked    int
	Duration  time.Duration
}

// Summary is the line that ends every build.
func (r *Result) Summary() string {
	errs, warns := r.Diags.Count()
	return fmt.Sprintf("%d offers published (%d open, %d closed), %d scheduled, %d skipped, %d drafts, %d errors, %d warnings in %s → %s",
		r.Offers, r.Open, r.Closed, r.Scheduled, r.Skipped, r.Drafts, errs, warns, r.Duration.Round(time.Millisecond), r.Output)
}

// ErrStrict is returned when --strict (or ErrorsAbort) finds a problem
// and nothing was published.
var ErrStrict = errors.New("problems found, nothing published")

// Read loads the configuration and extracts every offer of a site without
// writing anything. It is what `build` and `check` share.
func Read(opt Options) (Config, []*offer.Offer, *Result, error) {
	start := time.Now()
	res := &Result{}
	cfg, err := LoadConfig(opt.Source)
	if err != nil {
		return cfg, nil, nil, err
	}
	if opt.BaseURL != "" {
		cfg.BaseURL = opt.BaseURL
		if err := cfg.check("--base-url"); err != nil {
			return cfg, nil, nil, err
		}
	}
	if opt.Now != "" {
		t, err := time.Parse("2006-01-02", opt.Now)
		if err != nil {
			return cfg, nil, nil, fmt.Errorf("--now %q: expected a date as YYYY-MM-DD", opt.Now)
		}
		res.Today = offer.DateOf(t)
	} else {
		res.Today = offer.DateOf(time.Now().In(cfg.Location()))
	}
	dir := filepath.Join(opt.Source, "content")
	files, diags, err := content.Find(dir)
	if err != nil {
		return cfg, nil, nil, err
	}
	res.Diags = diags
	res.Skipped = len(diags)
	// Paths in messages are relative to the site root, so editors and
	// tools can open them: "content/offre.txt:12: …".
	for i := range files {
		files[i].Path = "content/" + files[i].Path
	}
	type item struct {
		o     *offer.Offer
		diags content.List
	}
	items := make([]item, len(files))
	parallel(len(files), opt.Workers, func(i int) {
		src, d := content.ReadFile(files[i])
		if src == nil {
			items[i] = item{nil, d}
			return
		}
		o, d2 := offer.Extract(src)
		items[i] = item{o, append(d, d2...)}
	})
	var offers []*offer.Offer
	for _, it := range items {
		res.Diags = append(res.Diags, it.diags...)
		switch {
		case it.o == nil:
			res.Skipped++
		case it.o.Draft:
			res.Drafts++
		default:
			it.o.Source = strings.TrimPrefix(it.o.Source, "content/")
			offers = append(offers, it.o)
		}
	}
	res.Duration = time.Since(start)
	return cfg, offers, res, nil
}

// Check reads every offer and builds the board in memory, publishing
// nothing: every problem a build would meet, including those between files
// (a reference or an address used twice), is in Result.Diags.
func Check(opt Options) (*Result, *site.Board, error) {
	_, res, board, err := check(opt)
	return res, board, err
}

func check(opt Options) (Config, *Result, *site.Board, error) {
	cfg, offers, res, err := Read(opt)
	if err != nil {
		return cfg, nil, nil, err
	}
	board, diags := site.New(offers, site.Options{BaseURL: cfg.BaseURL, Today: res.Today, Aliases: cfg.Aliases})
	res.Diags = append(res.Diags, diags...)
	res.Diags.Sort()
	res.Offers, res.Open, res.Closed = len(board.Offers), len(board.Open), len(board.Closed)
	res.Scheduled = len(board.Scheduled)
	return cfg, res, board, nil
}

// Run builds the site. It returns an error when nothing was published; a
// build that skipped bad files still publishes the rest and reports them in
// Result.Diags.
func Run(opt Options) (*Result, error) {
	start := time.Now()
	cfg, res, board, err := check(opt)
	if err != nil {
		return nil, err
	}
	outDir := opt.Output
	if outDir == "" {
		outDir = filepath.Join(opt.Source, cfg.Output)
	}
	res.Output = outDir
	if (opt.Strict && len(res.Diags) > 0) || (opt.ErrorsAbort && res.Diags.HasErrors()) {
		res.Duration = time.Since(start)
		return res, ErrStrict
	}
	theme, err := loadTheme(opt.Theme, opt.Source)
	if err != nil {
		return res, err
	}
	info := &render.Site{Title: cfg.Title, Description: cfg.Description, Language: cfg.Language, TimeZone: cfg.TimeZone,
		Locale: ogLocale(cfg.Language, cfg.Country)}
	r, err := render.New(theme, info, board)
	if err != nil {
		return res, fmt.Errorf("templates: %w", err)
	}
	out, err := OpenOutput(outDir)
	if err != nil {
		return res, err
	}
	w := &writer{out: out, r: r, board: board, cfg: &cfg, info: info, theme: theme, workers: opt.Workers}
	if err := w.all(); err != nil {
		out.Abort()
		return res, err
	}
	if err := out.Commit(); err != nil {
		out.Abort()
		return res, err
	}
	res.Written, res.Linked = out.Stats()
	res.Duration = time.Since(start)
	return res, nil
}

// parallel runs f(0..n-1) on a pool of workers.
func parallel(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > n {
		workers = n
	}
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// loadTheme overlays the site's templates/ and static/ on the default
// theme, file by file.
func loadTheme(def fs.FS, source string) (fs.FS, error) {
	m := fstest.MapFS{}
	add := func(fsys fs.FS) error {
		for _, top := range []string{"templates", "static"} {
			err := fs.WalkDir(fsys, top, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					if errors.Is(err, fs.ErrNotExist) && p == top {
						return fs.SkipDir
					}
					return err
				}
				if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
					return nil
				}
				data, err := fs.ReadFile(fsys, p)
				if err != nil {
					return err
				}
				m[p] = &fstest.MapFile{Data: data, Mode: 0o644}
				return nil
			})
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		return nil
	}
	if def != nil {
		if err := add(def); err != nil {
			return nil, err
		}
	}
	if err := add(os.DirFS(source)); err != nil {
		return nil, err
	}
	return m, nil
}

// writer renders every output file of one board.
type writer struct {
	out     *Output
	r       *render.Renderer
	board   *site.Board
	cfg     *Config
	info    *render.Site
	theme   fs.FS
	workers int

	errMu sync.Mutex
	err   error
}

func (w *writer) fail(err error) {
	w.errMu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.errMu.Unlock()
}

type job struct {
	path string // file path in the output
	gen  func(io.Writer) error
}

func (w *writer) all() error {
	b := w.board
	md := render.NewMarkdown()
	parallel(len(b.Offers), w.workers, func(i int) {
		p := b.Offers[i]
		html, err := md.Render(p.Body)
		if err != nil {
			w.fail(fmt.Errorf("content/%s: markdown: %w", p.Source, err))
			return
		}
		p.BodyHTML = html
	})
	if w.err != nil {
		return w.err
	}
	jobs := w.jobs()
	parallel(len(jobs), w.workers, func(i int) {
		j := jobs[i]
		var buf bytes.Buffer
		if err := j.gen(&buf); err != nil {
			w.fail(fmt.Errorf("%s: %w", j.path, err))
			return
		}
		if err := w.out.Write(j.path, buf.Bytes()); err != nil {
			w.fail(err)
		}
	})
	return w.err
}

func (w *writer) page(p *render.Page) func(io.Writer) error {
	return func(out io.Writer) error { return w.r.Page(out, p) }
}

func (w *writer) rss(ch feed.Channel, offers []*site.Offer) func(io.Writer) error {
	return func(out io.Writer) error {
		var buf bytes.Buffer
		if err := feed.WriteRSS(&buf, w.board, ch, offers); err != nil {
			return err
		}
		return w.r.Minifier().Minify("application/xml", out, &buf)
	}
}

func (w *writer) jobs() []job {
	b, cfg := w.board, w.cfg
	var jobs []job
	var pages []string
	add := func(p *render.Page) {
		file := p.Path + "index.html"
		if p.Kind == "404" {
			file = "404.html"
		} else {
			pages = append(pages, p.Path)
		}
		jobs = append(jobs, job{file, w.page(p)})
	}
	openEmployers := 0
	for _, e := range b.Employers {
		if e.Open > 0 {
			openEmployers++
		}
	}
	add(&render.Page{Kind: "home", Path: "", OpenEmployers: openEmployers})
	const archiveLen = 200
	arch := &render.Page{Kind: "archive", Path: "archives/", Title: "Offres closes", Offers: b.Closed}
	if len(b.Closed) > archiveLen {
		arch.Offers, arch.More = b.Closed[:archiveLen], len(b.Closed)-archiveLen
	}
	add(arch)
	add(&render.Page{Kind: "employers", Path: "employeurs/", Title: "Employeurs"})
	months := &render.Page{Kind: "months", Path: "echeances/", Title: "Échéances"}
	thisMonth := fmt.Sprintf("%04d-%02d", b.Today.Year, int(b.Today.Month))
	for _, m := range b.Months {
		if m.Key >= thisMonth {
			months.Upcoming = append(months.Upcoming, m)
		} else {
			months.Past = append([]*site.Month{m}, months.Past...)
		}
	}
	add(months)
	add(&render.Page{Kind: "404", Path: "404.html", Title: "Page introuvable"})
	for _, p := range b.Offers {
		pg := &render.Page{Kind: "offer", Path: p.Path, Title: p.Title + " – " + p.Employer.Name, Description: clip(feed.Summary(p), 300),
			Offer: p, Feed: p.Employer.Path + "feed.xml", FeedTitle: "Offres de " + p.Employer.Name}
		p := p
		if !p.Closed {
			pages = append(pages, pg.Path)
			jobs = append(jobs, job{pg.Path + "index.html", func(out io.Writer) error {
				ld, err := feed.JobPosting(b, p, cfg.Location(), w.country(p.Employer))
				if err != nil {
					return err
				}
				pg.JSONLD = template.JS(ld)
				return w.r.Page(out, pg)
			}})
			continue
		}
		add(pg)
	}
	for _, e := range b.Employers {
		add(&render.Page{Kind: "employer", Path: e.Path, Title: e.Name, Employer: e,
			Description: fmt.Sprintf("Offres d’emploi de %s : %d ouvertes sur %d.", e.Name, e.Open, len(e.Offers)),
			Feed:        e.Path + "feed.xml", FeedTitle: "Offres de " + e.Name})
		ch := feed.Channel{Title: e.Name + " · " + cfg.Title, Description: "Offres d’emploi ouvertes : " + e.Name,
			Language: cfg.Language, Link: b.AbsURL(e.Path), Self: b.AbsURL(e.Path + "feed.xml"), Loc: cfg.Location()}
		jobs = append(jobs, job{e.Path + "feed.xml", w.rss(ch, site.FeedOffers(e.Offers, cfg.FeedLength))})
	}
	for _, e := range b.Employers {
		jobs = append(jobs, job{e.Path + "echeances.ics", w.ics(feed.Calendar{Name: "Échéances · " + e.Name, TimeZone: cfg.TimeZone, ReminderDays: cfg.ReminderDays}, e.Offers)})
	}
	jobs = append(jobs, job{"echeances.ics", w.ics(feed.Calendar{Name: "Échéances · " + cfg.Title, TimeZone: cfg.TimeZone, ReminderDays: cfg.ReminderDays}, b.Open)})
	for _, m := range b.Months {
		add(&render.Page{Kind: "month", Path: m.Path, Title: "Date limite en " + m.Name, Month: m})
	}
	ch := feed.Channel{Title: cfg.Title, Description: cfg.Description, Language: cfg.Language,
		Link: b.AbsURL(""), Self: b.AbsURL("feed.xml"), Loc: cfg.Location()}
	jobs = append(jobs, job{"feed.xml", w.rss(ch, site.FeedOffers(b.Offers, cfg.FeedLength))})
	jobs = append(jobs, job{"offres.json", func(out io.Writer) error { return feed.WriteJSON(out, b) }})
	jobs = append(jobs, job{"recherche.json", func(out io.Writer) error { return feed.WriteSearchIndex(out, b) }})
	sort.Strings(pages)
	jobs = append(jobs, job{"sitemap.xml", func(out io.Writer) error {
		var buf bytes.Buffer
		if err := feed.WriteSitemap(&buf, b, pages); err != nil {
			return err
		}
		return w.r.Minifier().Minify("application/xml", out, &buf)
	}})
	jobs = append(jobs, job{"robots.txt", func(out io.Writer) error {
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
		jobs = append(jobs, job{strings.TrimPrefix(name, "static/"), func(out io.Writer) error {
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

func mediaType(name string) string {
	switch path.Ext(name) {
	case ".css":
		return "text/css"
	case ".js":
		return "application/javascript"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	}
	return ""
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
