package render

import (
	"bytes"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"golang.org/x/net/html"

	"postes"
	"postes/generator/content"
	"postes/generator/offer"
	"postes/generator/site"
)

// seedBoard is a board of the sample offers, on a day when some are open.
func seedBoard(t testing.TB) *site.Board {
	t.Helper()
	seeds, err := filepath.Glob(filepath.Join("..", "offer", "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var offers []*offer.Offer
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src, _ := content.Decode(filepath.Base(name), data)
		o, diags := offer.Extract(src)
		if o == nil {
			t.Fatal(diags)
		}
		offers = append(offers, o)
	}
	board, _ := site.New(offers, site.Options{BaseURL: "https://emplois.example/", Today: offer.Date{Year: 2025, Month: 4, Day: 1}})
	return board
}

// TestMinifiedTemplatesMakeTheSamePages renders every page of a board
// twice: through the templates minified when parsed (what builds do) and
// through the templates as written with each page minified whole (what
// they did before, and still do for a theme that cannot be minified as
// templates). Browsers must see the same document: same elements, same
// attributes, same text but for runs of spaces.
func TestMinifiedTemplatesMakeTheSamePages(t *testing.T) {
	if dom(t, "<p>Offres <a>de X</a></p>") == dom(t, "<p>Offres<a>de X</a></p>") {
		t.Fatal("dom does not tell a missing space between text and a link")
	}
	b := seedBoard(t)
	s := &Site{Title: "Offres", Description: "Emplois publics", Language: "fr", TimeZone: "Pacific/Noumea", Locale: "fr_FR"}
	fast, err := New(postes.Theme, s, b)
	if err != nil {
		t.Fatal(err)
	}
	if fast.minifyPages {
		t.Fatal("the default theme cannot be minified as templates")
	}
	whole, err := New(postes.Theme, s, b)
	if err != nil {
		t.Fatal(err)
	}
	whole.pages, whole.minifyPages = whole.raw, true

	md := NewMarkdown()
	// Every page of the board, every kind.
	var pages []*Page
	for _, sp := range b.Pages(site.PagesOptions{}) {
		p := NewPage(sp)
		if p.Offer != nil {
			body, err := md.Render(p.Offer.Body)
			if err != nil {
				t.Fatal(err)
			}
			p.Body, p.JSONLD = template.HTML(body), `{"@type":"JobPosting"}`
		}
		pages = append(pages, p)
	}
	for _, p := range pages {
		var a, w bytes.Buffer
		q := *p
		if p.Offer != nil {
			min, err := fast.Body(p.Offer.Body)
			if err != nil {
				t.Fatal(err)
			}
			q.Body = template.HTML(min)
		}
		if err := fast.Page(&a, &q); err != nil {
			t.Fatal(err)
		}
		if err := whole.Page(&w, p); err != nil {
			t.Fatal(err)
		}
		if got, want := dom(t, a.String()), dom(t, w.String()); got != want {
			t.Errorf("%s page %q differs:\n got: %s\nwant: %s", p.Kind, p.Path, diffAt(got, want), diffAt(want, got))
		}
	}
}

// dom prints a document as a browser reads it: one line per node, text
// with its spaces collapsed, attributes sorted.
func dom(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		switch n.Type {
		case html.ElementNode:
			attrs := make([]string, 0, len(n.Attr))
			for _, a := range n.Attr {
				attrs = append(attrs, a.Key+"="+strings.Join(strings.Fields(a.Val), " "))
			}
			sort.Strings(attrs)
			sb.WriteString(strings.Repeat(" ", depth) + "<" + n.Data + " " + strings.Join(attrs, " ") + ">\n")
		case html.TextNode:
			// Runs of spaces collapse to one, but a space at either end
			// stays: "offres <a>" and "offres<a>" read differently.
			text := strings.Join(strings.Fields(n.Data), " ")
			if text == "" {
				break // only spaces, between blocks
			}
			if strings.TrimLeftFunc(n.Data, unicode.IsSpace) != n.Data {
				text = "␣" + text
			}
			if strings.TrimRightFunc(n.Data, unicode.IsSpace) != n.Data {
				text += "␣"
			}
			sb.WriteString(strings.Repeat(" ", depth) + text + "\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return sb.String()
}

// diffAt shows a from the first line where it differs from b.
func diffAt(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range al {
		if i >= len(bl) || al[i] != bl[i] {
			return strings.Join(al[i:min(i+3, len(al))], " | ")
		}
	}
	return "(a prefix of the other)"
}

// TestTemplateErrorsNameTheThemeLine: pages run the minified templates,
// but an error names the line of the template as written.
func TestTemplateErrorsNameTheThemeLine(t *testing.T) {
	theme := fstest.MapFS{}
	err := fs.WalkDir(postes.Theme, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(postes.Theme, p)
		theme[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	theme["templates/offer.html"] = &fstest.MapFile{Data: []byte("{{define \"main\" -}}\n<h1>\n  {{.Path}}\n</h1>\n\n<p>{{.Offer.Nope}}</p>\n{{- end}}\n")}
	b := seedBoard(t)
	r, err := New(theme, &Site{Title: "Offres", Language: "fr"}, b)
	if err != nil {
		t.Fatal(err)
	}
	err = r.Page(io.Discard, &Page{Kind: "offer", Path: b.Offers[0].Path, Offer: b.Offers[0]})
	if err == nil || !strings.Contains(err.Error(), "templates/offer.html:6:") || !strings.Contains(err.Error(), "Nope") {
		t.Errorf("error %v; want one at templates/offer.html:6 naming Nope", err)
	}
}

// BenchmarkPage renders pages of a board made of the sample offers, through
// the default theme's templates and the minifier: what every offer page
// and every list page of a build costs beyond its Markdown (templates are
// minified when parsed, so pages are not minified once rendered).
func BenchmarkPage(b *testing.B) {
	board := seedBoard(b)
	r, err := New(postes.Theme, &Site{Title: "Offres", Language: "fr", TimeZone: "Pacific/Noumea"}, board)
	if err != nil {
		b.Fatal(err)
	}
	md := NewMarkdown()
	var pages []*Page
	for _, p := range board.Offers {
		body, err := md.Render(p.Body)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, &Page{Kind: "offer", Path: p.Path, Offer: p, Body: template.HTML(body)})
	}
	for _, bc := range []struct {
		name  string
		pages []*Page
	}{
		{"offer", pages},
		{"month", []*Page{{Kind: "month", Path: "echeances/tout/", Month: &site.Month{Name: "toutes", Offers: board.Offers}, Offers: board.Offers}}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := r.Page(io.Discard, bc.pages[i%len(bc.pages)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
