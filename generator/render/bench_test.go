package render_test

import (
	"bytes"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"postes"
	"postes/generator/content"
	"postes/generator/offer"
	"postes/generator/render"
	"postes/generator/site"
)

// BenchmarkMarkdown renders the body of a sample offer, as every offer page
// of a build does once.
func BenchmarkMarkdown(b *testing.B) {
	name := "000.txt"
	data, err := os.ReadFile(filepath.Join("..", "offer", "testdata", "seeds", name))
	if err != nil {
		b.Fatal(err)
	}
	src, diags := content.Decode(name, data)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	o, diags := offer.Extract(src)
	if o == nil {
		b.Fatal(diags)
	}
	if len(o.Body) < 500 {
		b.Fatalf("body of %s is %d bytes; expected a real offer body", name, len(o.Body))
	}
	md := render.NewMarkdown()
	b.SetBytes(int64(len(o.Body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := md.Render(o.Body); err != nil {
			b.Fatal(err)
		}
	}
}

// benchPage is a page of about 20 KB shaped like an offer page: head,
// navigation, a definition list of fields, paragraphs and lists, with the
// indentation and blank space templates leave behind.
func benchPage() []byte {
	var sb strings.Builder
	sb.WriteString(`<!DOCTYPE html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Référent de secteur – Mairie de Nouméa · Offres d’emploi</title>
    <link rel="stylesheet" href="/style.css">
    <link rel="alternate" type="application/rss+xml" title="Offres de Mairie de Nouméa" href="/employeurs/mairie-de-noumea/feed.xml">
  </head>
  <body>
    <header class="site">
      <a class="brand" href="/">Offres d’emploi</a>
      <nav>
        <a href="/employeurs/">Employeurs</a>
        <a href="/echeances/">Échéances</a>
        <a href="/archives/">Archives</a>
      </nav>
    </header>
    <main>
`)
	for i := 0; sb.Len() < 20<<10; i++ {
		sb.WriteString(`
      <article class="offer">
        <h1>Référent de secteur</h1>
        <dl class="fields">
          <dt>Employeur</dt>
          <dd><a href="/employeurs/mairie-de-noumea/">Mairie de Nouméa</a></dd>
          <dt>Date limite de candidature</dt>
          <dd><a href="/echeances/2025-08/"><time datetime="2025-08-29">vendredi 29 août 2025</time></a></dd>
          <dt>Lieu de travail</dt>
          <dd>Nouméa</dd>
        </dl>
        <section class="body">
          <h2>Missions :</h2>
          <p>Sous l’autorité du chef de service, vous assurez le suivi des projets de quartier
             et l’animation du réseau des partenaires &amp; des associations.</p>
          <ul>
            <li>Coordonner les actions de gestion urbaine de proximité ;</li>
            <li>Préparer et animer les réunions de secteur ;</li>
            <li>Rédiger les bilans et les notes à l’attention des élus.</li>
          </ul>
        </section>
      </article>
`)
	}
	sb.WriteString(`    </main>
    <footer class="site"><p>Offres publiées par les employeurs publics.</p></footer>
  </body>
</html>
`)
	return []byte(sb.String())
}

// BenchmarkMinifyHTML minifies one page, as the build does for every page.
func BenchmarkMinifyHTML(b *testing.B) {
	page := benchPage()
	m := render.NewMinifier()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if err := m.Minify("text/html", io.Discard, bytes.NewReader(page)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPage renders pages of a board made of the sample offers, through
// the default theme's templates and the minifier: what every offer page
// and every list page of a build costs beyond its Markdown (templates are
// minified when parsed, so pages are not minified once rendered).
func BenchmarkPage(b *testing.B) {
	seeds, err := filepath.Glob(filepath.Join("..", "offer", "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		b.Fatalf("no seeds: %v", err)
	}
	var offers []*offer.Offer
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		src, _ := content.Decode(filepath.Base(name), data)
		o, diags := offer.Extract(src)
		if o == nil {
			b.Fatal(diags)
		}
		offers = append(offers, o)
	}
	board, _ := site.New(offers, site.Options{BaseURL: "https://emplois.example/", Today: offer.Date{Year: 2025, Month: 4, Day: 1}})
	r, err := render.New(postes.Theme, &render.Site{Title: "Offres", Language: "fr", TimeZone: "Pacific/Noumea"}, board)
	if err != nil {
		b.Fatal(err)
	}
	md := render.NewMarkdown()
	var pages []*render.Page
	for _, p := range board.Offers {
		body, err := md.Render(p.Body)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, &render.Page{Kind: "offer", Path: p.Path, Title: p.Title, Offer: p, Body: template.HTML(body)})
	}
	for _, bc := range []struct {
		name  string
		pages []*render.Page
	}{
		{"offer", pages},
		{"month", []*render.Page{{Kind: "month", Path: "echeances/tout/", Title: "Toutes", Month: &site.Month{Offers: board.Offers}}}},
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
