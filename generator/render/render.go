// Package render turns the board into minified HTML: it parses the theme's
// templates once, minified by tdewolff/minify (which leaves template
// actions alone), so that the pages they make come out minified; it
// renders offer bodies from Markdown with goldmark, minified apart.
//
// It sits after package site in the pipeline and before build, which
// decides where pages go. It writes no files itself and holds no state that
// changes while pages render, so one Renderer serves every worker.
package render

import (
	"bytes"
	"fmt"
	htmlstd "html"
	"html/template"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"

	"postes/generator/offer"
	"postes/generator/site"
)

// Site is what every page shows of the configuration.
type Site struct {
	Title       string
	Description string
	Language    string
	TimeZone    string // IANA name, "Pacific/Noumea"
	// ZoneName names the time zone for readers: "heure de Nouméa".
	ZoneName string
	Locale   string // Open Graph locale, "fr_FR"
}

// ZoneName is how pages name an IANA time zone after "heure de": the
// French name of the place for the zones of France and its territories,
// else the zone's city as IANA spells it ("America/New_York": "New York").
func ZoneName(tz string) string {
	if n, ok := zoneNames[tz]; ok {
		return n
	}
	city := tz[strings.LastIndexByte(tz, '/')+1:]
	return strings.ReplaceAll(city, "_", " ")
}

var zoneNames = map[string]string{
	"Europe/Paris": "Paris", "Pacific/Noumea": "Nouméa", "Pacific/Tahiti": "Tahiti",
	"Pacific/Marquesas": "Marquises", "Pacific/Gambier": "Gambier", "Pacific/Wallis": "Wallis-et-Futuna",
	"Indian/Reunion": "La Réunion", "Indian/Mayotte": "Mayotte", "America/Cayenne": "Cayenne",
	"America/Martinique": "Martinique", "America/Guadeloupe": "Guadeloupe", "America/Miquelon": "Saint-Pierre-et-Miquelon",
	"America/St_Barthelemy": "Saint-Barthélemy", "America/Marigot": "Saint-Martin",
}

// Page is the data a template receives: a page of the board (see
// site.Pages), the site and the board, and for an offer its rendered
// description and structured data.
type Page struct {
	Site  *Site
	Board *site.Board
	Kind  site.Kind
	Path  string // relative to the site root, "" for the home page
	// What the page shows, by kind (see site.Page).
	Offer          *site.Offer
	Employer       *site.Employer
	Month          *site.Month
	Facet          *site.Facet
	Value          *site.FacetValue
	Offers         []*site.Offer
	More           int
	Upcoming, Past []*site.Month
	Feed           *site.Feed // the page's feed and calendar, if any

	JSONLD template.JS   // structured data for search engines, if any
	Body   template.HTML // offer page: the rendered description

	r *Renderer
}

// NewPage is the data of a page of the board.
func NewPage(p *site.Page) *Page {
	return &Page{Kind: p.Kind, Path: p.Path, Offer: p.Offer, Employer: p.Employer, Month: p.Month, Facet: p.Facet,
		Value: p.Value, Offers: p.Offers, More: p.More, Upcoming: p.Upcoming, Past: p.Past, Feed: p.Feed}
}

// Text is the plain text of one of the page's blocks: "title" and
// "description", which each page kind's template defines, so that a theme
// names its pages. Base writes them in the head; feeds and calendars are
// named after the page they follow.
func (p *Page) Text(name string) (string, error) {
	t := p.r.pages[string(p.Kind)]
	if t == nil || t.Lookup(name) == nil {
		return "", nil
	}
	buf := p.r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer p.r.bufs.Put(buf)
	if err := t.ExecuteTemplate(buf, name, p); err != nil {
		return "", err
	}
	// The block is HTML; its text is wanted, which the caller escapes
	// for where it goes.
	return plainText(buf.Bytes()), nil
}

// plainText is the text of HTML without tags, on one line: entities
// unescaped and runs of spaces made one, as strings.Fields splits them.
// Most titles and descriptions need neither, and are only copied.
func plainText(b []byte) string {
	if bytes.IndexByte(b, '&') >= 0 {
		return strings.Join(strings.Fields(htmlstd.UnescapeString(string(b))), " ")
	}
	if !spaced(b) {
		return string(b)
	}
	return strings.Join(strings.Fields(string(b)), " ")
}

// spaced reports whether strings.Fields and a join by " " would change b:
// it starts or ends with a space, holds two in a row, or a space other
// than " " (a tab, a line break, a no-break space).
func spaced(b []byte) bool {
	prev := true // at the start, a space is leading
	for i := 0; i < len(b); {
		c := b[i]
		var space bool
		if c < utf8.RuneSelf {
			if c == ' ' {
				space = true
			} else if asciiSpace[c] {
				return true
			}
			i++
		} else {
			r, n := utf8.DecodeRune(b[i:])
			if unicode.IsSpace(r) {
				return true
			}
			i += n
		}
		if space && prev {
			return true
		}
		prev = space
	}
	return prev && len(b) > 0
}

// asciiSpace are the spaces unicode.IsSpace knows in ASCII, but " ".
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// Renderer renders pages of one board.
type Renderer struct {
	site  *Site
	board *site.Board
	// pages are the page kinds' templates, minified when parsed, so that
	// pages need not be minified once rendered (a sixth of a build's
	// time); raw are the same as written, for error messages with the
	// theme's own lines. minifyPages is set when a template could not be
	// minified as a template: pages are then minified whole.
	pages, raw  map[string]*template.Template
	minifyPages bool
	min         *minify.M
	md          *Markdown // offer bodies; safe for every worker at once
	bufs        sync.Pool
}

// New parses the theme: "_*.html" files are shared partials (one must
// define "base"), every other .html file is a page kind defining "main".
func New(theme fs.FS, s *Site, b *site.Board) (*Renderer, error) {
	r := &Renderer{site: s, board: b, min: NewMinifier(), md: NewMarkdown()}
	r.bufs.New = func() any { return new(bytes.Buffer) }
	var err error
	if r.raw, err = r.parse(theme, nil); err != nil {
		return nil, err
	}
	tmin := templateMinifier()
	r.pages, err = r.parse(theme, func(src []byte) ([]byte, error) { return tmin.Bytes("text/html", src) })
	if err != nil {
		// The theme parses as written but not minified: minify whole
		// pages instead.
		r.pages, r.minifyPages = r.raw, true
	}
	return r, nil
}

// templateMinifier minifies template files themselves: the HTML around the
// actions, which it leaves as they are.
func templateMinifier() *minify.M {
	m := NewMinifier()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, TemplateDelims: html.GoTemplateDelims})
	return m
}

// parse parses every template of the theme, each through transform when
// there is one.
func (r *Renderer) parse(theme fs.FS, transform func([]byte) ([]byte, error)) (map[string]*template.Template, error) {
	var root *template.Template
	b, s := r.board, r.site
	funcs := template.FuncMap{
		"cached": r.cached(&root),
		"url":    b.URL,
		"abs":    b.AbsURL,
		"long":   offer.Date.Long,
		"short":  offer.Date.Short,
		"plural": func(n int, one, many string) string {
			if n == 1 || n == 0 && strings.HasPrefix(s.Language, "fr") {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
		"contains": strings.Contains,
		"join":     strings.Join,
		"clip":     func(s string, n int) string { return offer.Clip(s, n) },
		// lines splits a value written on several lines (a field of the
		// emploi-territorial layout), for a <br> between them.
		"lines": func(s string) []string { return strings.Split(s, "\n") },
		// weblink makes "www.x" an address a browser opens.
		"weblink": func(s string) string {
			if strings.HasPrefix(s, "www.") {
				return "https://" + s
			}
			return s
		},
		// webcal is the subscription form of an absolute URL: calendar
		// apps open it and refresh it, where https would download once.
		// It is built from base_url, checked at start-up, so it is safe
		// to mark as a URL (html/template refuses unknown schemes).
		"webcal": func(p string) template.URL {
			u := b.AbsURL(p)
			if i := strings.Index(u, "://"); i >= 0 {
				return template.URL("webcal" + u[i:])
			}
			return template.URL(u)
		},
	}
	names, err := fs.Glob(theme, "templates/*.html")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	root = template.New("").Funcs(funcs)
	var kinds []string
	for _, n := range names {
		if strings.HasPrefix(path.Base(n), "_") {
			if err := parseFile(root, theme, n, transform); err != nil {
				return nil, err
			}
		} else {
			kinds = append(kinds, n)
		}
	}
	if root.Lookup("base") == nil {
		return nil, fmt.Errorf("templates: no template defines \"base\" (expected in templates/_base.html)")
	}
	pages := map[string]*template.Template{}
	for _, n := range kinds {
		t, err := root.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseFile(t, theme, n, transform); err != nil {
			return nil, err
		}
		if t.Lookup("main") == nil {
			return nil, fmt.Errorf("%s: no {{define \"main\"}}", n)
		}
		pages[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	for _, kind := range site.Kinds {
		if pages[string(kind)] == nil {
			return nil, fmt.Errorf("templates: missing templates/%s.html", kind)
		}
	}
	return pages, nil
}

// cached is the templates' "cached NAME DATA KEY…": it renders the partial
// template NAME (defined in a _*.html file) with DATA once per build and
// per value of the KEYs, then returns that HTML again, as Hugo's
// partialCached does. Every page repeats the site's header and footer:
// rendering them once saves a third of a page's template work. The partial
// must show only what the keys and the site determine, never the page.
func (r *Renderer) cached(root **template.Template) func(string, any, ...any) (template.HTML, error) {
	var mu sync.Mutex
	done := map[cacheKey]template.HTML{}
	return func(name string, data any, keys ...any) (template.HTML, error) {
		key := newCacheKey(name, keys)
		mu.Lock()
		h, ok := done[key]
		mu.Unlock()
		if ok {
			return h, nil
		}
		var buf bytes.Buffer
		if err := (*root).ExecuteTemplate(&buf, name, data); err != nil {
			return "", err
		}
		h = template.HTML(buf.String())
		mu.Lock()
		done[key] = h
		mu.Unlock()
		return h, nil
	}
}

// cacheKey is what "cached" files a partial under: its name and its keys,
// compared as values (a page kind, an offer's pointer) when they can be,
// else as printed. Printing them took a tenth of a list page's time once
// partials were cached per offer and per facet value.
type cacheKey struct {
	name string
	n    int // how many keys: no key and a nil key differ
	keys [3]any
	text string // the keys printed, when they cannot be compared or are many
}

func newCacheKey(name string, keys []any) cacheKey {
	k := cacheKey{name: name, n: len(keys)}
	if len(keys) <= len(k.keys) {
		for i, v := range keys {
			if v != nil && !reflect.ValueOf(v).Comparable() {
				return cacheKey{name: name, n: -1, text: fmt.Sprintf("%q", keys)}
			}
			k.keys[i] = v
		}
		return k
	}
	return cacheKey{name: name, n: -1, text: fmt.Sprintf("%q", keys)}
}

func parseFile(t *template.Template, theme fs.FS, name string, transform func([]byte) ([]byte, error)) error {
	data, err := fs.ReadFile(theme, name)
	if err != nil {
		return err
	}
	if transform != nil {
		if data, err = transform(data); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	if _, err := t.New(name).Parse(string(data)); err != nil {
		return err // html/template errors already name the file and line
	}
	return nil
}

// NewMinifier returns the minifier used for every output format.
func NewMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.Add("application/xml", &xml.Minifier{KeepWhitespace: false})
	return m
}

// Minifier gives access to the renderer's minifier, for feeds and static files.
func (r *Renderer) Minifier() *minify.M { return r.min }

// Page renders one page and writes it, minified, to w. Its Body must be
// minified already (see Body).
func (r *Renderer) Page(w io.Writer, p *Page) error {
	t := r.pages[string(p.Kind)]
	if t == nil {
		return fmt.Errorf("no template for page kind %q", p.Kind)
	}
	p.Site, p.Board, p.r = r.site, r.board, r
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.bufs.Put(buf)
	if err := t.ExecuteTemplate(buf, "base", p); err != nil {
		if !r.minifyPages {
			// Say where in the theme as written, not in its minified form.
			if err2 := r.raw[string(p.Kind)].ExecuteTemplate(io.Discard, "base", p); err2 != nil {
				return err2
			}
		}
		return err
	}
	if r.minifyPages {
		return r.min.Minify("text/html", w, buf)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Title is the plain text of a page's "title" block, for the feeds and
// calendars that follow it.
func (r *Renderer) Title(p *Page) (string, error) {
	p.Site, p.Board, p.r = r.site, r.board, r
	return p.Text("title")
}

// Description is the plain text of a page's "description" block.
func (r *Renderer) Description(p *Page) (string, error) {
	p.Site, p.Board, p.r = r.site, r.board, r
	return p.Text("description")
}

// Body renders an offer's Markdown body to minified HTML, for pages and
// feeds.
func (r *Renderer) Body(src string) (string, error) {
	return r.md.RenderMinified(src, r.min)
}
