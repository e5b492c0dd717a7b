// Copy of the shared benchmark corpus generator; see main.go.

package main

import (
	"os"
	"path/filepath"
)

// The Hugo site mirrors what postes emits:
//
//	/offres/<id>/            one page per offer (title, employer, deadline, location, reference, body)
//	/employeurs/<term>/      offers of one employer        /employeurs/  list of employers
//	/echeances/<yyyy-mm>/    offers closing in one month   /echeances/   list of months
//	/                        home page listing the offers  /feed.xml     RSS (latest 100 offers)
//
// Term links are built with urlize rather than .GetTerms: same HTML, but
// .GetTerms walks every term of the taxonomy for each page (Hugo 0.111), which
// made builds about 30% slower at 10k offers and grows with N^2.
// Everything else Hugo makes by default (section list, sitemap, robots.txt,
// 404, per-term RSS feeds) is switched off so that both tools write the same pages.
var hugoFiles = map[string]string{
	"config.toml": `baseURL = "https://postes.example/"
languageCode = "fr"
title = "Offres d'emploi"
disableKinds = ["section", "sitemap", "robotsTXT", "404"]
disableHugoGeneratorInject = true
removePathAccents = true
enableRobotsTXT = false

[taxonomies]
  employeur = "employeurs"
  echeance = "echeances"

[outputs]
  home = ["HTML", "RSS"]
  page = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[outputFormats.RSS]
  baseName = "feed"
`,
	"layouts/_default/baseof.html": `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} – {{ .Site.Title }}{{ end }}</title>
<link rel="alternate" type="application/rss+xml" title="{{ .Site.Title }}" href="{{ "feed.xml" | absURL }}">
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:0 auto;padding:1rem;line-height:1.5}nav a{margin-right:1rem}dt{font-weight:bold}li{margin:.2rem 0}</style>
</head>
<body>
<header><nav><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a><a href="{{ "/employeurs/" | relURL }}">Employeurs</a><a href="{{ "/echeances/" | relURL }}">Échéances</a><a href="{{ "feed.xml" | relURL }}">RSS</a></nav></header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ .Site.Title }}</p></footer>
</body>
</html>
`,
	"layouts/_default/single.html": `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<dl>
<dt>Employeur</dt><dd>{{ with .Params.employeurs }}{{ $e := index . 0 }}<a href="{{ printf "/employeurs/%s/" (urlize $e) | relURL }}">{{ $e }}</a>{{ end }}</dd>
<dt>Date limite de candidature</dt><dd>{{ with .Params.echeances }}<a href="{{ printf "/echeances/%s/" (index . 0) | relURL }}">{{ end }}<time datetime="{{ .Params.deadline }}">{{ time.Format "02/01/2006" .Params.deadline }}</time></a></dd>
<dt>Lieu de travail</dt><dd>{{ .Params.location }}</dd>
<dt>Référence</dt><dd>{{ .Params.reference }}</dd>
<dt>Publiée le</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></dd>
</dl>
{{ .Content }}
</article>
{{ end }}
`,
	"layouts/_default/term.html": `{{ define "main" }}
<h1>{{ if eq .Data.Plural "employeurs" }}Employeur{{ else }}Échéance{{ end }} : {{ .Title }}</h1>
<p>{{ len .Pages }} offre(s)</p>
<ul>
{{ range .Pages.ByParam "deadline" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> — {{ index .Params.employeurs 0 }} — {{ .Params.location }} — date limite {{ time.Format "02/01/2006" .Params.deadline }}</li>
{{ end }}
</ul>
{{ end }}
`,
	"layouts/_default/taxonomy.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
`,
	"layouts/index.html": `{{ define "main" }}
<h1>Offres d'emploi</h1>
<p>{{ len .Site.RegularPages }} offres</p>
<ul>
{{ range .Site.RegularPages.ByParam "deadline" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> — {{ index .Params.employeurs 0 }} — {{ .Params.location }} — date limite {{ time.Format "02/01/2006" .Params.deadline }}</li>
{{ end }}
</ul>
{{ end }}
`,
	"layouts/index.rss.xml": `{{- printf "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{{ .Site.Title }}</title>
<link>{{ .Permalink }}</link>
<description>Dernières offres d'emploi publiées</description>
<language>fr</language>
{{ with .OutputFormats.Get "RSS" }}<atom:link href="{{ .Permalink }}" rel="self" type="application/rss+xml"/>{{ end }}
{{ range first 100 .Site.RegularPages.ByDate.Reverse }}<item>
<title>{{ .Title }}</title>
<link>{{ .Permalink }}</link>
<guid>{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
<description>{{ index .Params.employeurs 0 }} — {{ .Params.location }} — date limite {{ time.Format "02/01/2006" .Params.deadline }}</description>
</item>
{{ end }}
</channel>
</rss>
`,
}

func writeHugoSkeleton(dir string) error {
	for name, body := range hugoFiles {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}
