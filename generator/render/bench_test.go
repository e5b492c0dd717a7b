package render_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"postes/generator/content"
	"postes/generator/offer"
	"postes/generator/render"
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
