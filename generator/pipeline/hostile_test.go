package pipeline

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"postes"
)

// hostile carries text meant to break every output format.
const hostile = `+++
slug = "../../etc/passwd"
+++
# Chef <script>alert(1)</script> & "adjoint" ]]> l'été

Référence : R&D-<b>42</b>]]>
Employeur : Commune d'<img src=x onerror=alert(1)> & "Fils"
Lieu de travail : Ville]]><!--
Date de dépôt de l’offre : 01/03/2025
Date limite de candidature : 31/03/2025

# Missions <script>alert(2)</script>

<script>alert(3)</script>
<iframe src="https://evil.example/"></iframe>

Un mot trèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèèslong, ]]> et & et "guillemets" et <em>balises</em>.
`

func TestHostileTextIsEscapedEverywhere(t *testing.T) {
	root := writeSite(t, map[string]string{"content/hostile.txt": hostile, "content/bon.txt": goodOffer})
	out := filepath.Join(t.TempDir(), "site")
	res, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	if res.Offers != 2 {
		t.Fatalf("published %d offers, want 2: %v", res.Offers, res.Diags)
	}
	files := readTree(t, out)
	for p := range files {
		if strings.Contains(p, "..") || strings.Contains(p, "etc/passwd") && !strings.HasPrefix(p, "offres/") {
			t.Errorf("file written outside its place: %s", p)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "etc")); err == nil {
		t.Errorf("a slug escaped the output folder")
	}
	var page string
	for p, data := range files {
		if strings.HasPrefix(p, "offres/") && strings.Contains(string(data), "alert(2)") {
			page = string(data)
		}
	}
	if page == "" {
		t.Fatal("hostile offer page not found")
	}
	// Parse every page as a browser would: no element may come from the
	// offer's text ("<" inside a quoted attribute value is plain text).
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		z := html.NewTokenizer(strings.NewReader(string(data)))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
				name, hasAttr := z.TagName()
				switch string(name) {
				case "script":
					// Only the theme's own scripts: JSON-LD data or a src.
					ok := false
					for hasAttr {
						var k, v []byte
						k, v, hasAttr = z.TagAttr()
						if string(k) == "src" || string(k) == "type" && string(v) == "application/ld+json" {
							ok = true
						}
					}
					if !ok {
						t.Errorf("%s: <script> injected by the offer's text", p)
					}
					if z.Next() == html.TextToken && strings.ContainsAny(string(z.Text()), "<>") {
						t.Errorf("%s: script text carries unescaped markup: %s", p, z.Text())
					}
				case "img", "iframe", "em", "b":
					t.Errorf("%s: element <%s> injected by the offer's text", p, name)
				}
			}
		}
	}
	if !strings.Contains(page, "&lt;script>alert(3)") && !strings.Contains(page, "&lt;script&gt;alert(3)") {
		t.Errorf("raw HTML in the body is not shown as text")
	}
	// Feeds and sitemap must stay well-formed XML; offres.json valid JSON.
	for p, data := range files {
		switch {
		case strings.HasSuffix(p, ".xml"):
			d := xml.NewDecoder(strings.NewReader(string(data)))
			for {
				_, err := d.Token()
				if err != nil {
					if err.Error() != "EOF" {
						t.Errorf("%s is not well-formed XML: %v", p, err)
					}
					break
				}
			}
		case strings.HasSuffix(p, ".json") && p != "offres.json":
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Errorf("%s is not valid JSON: %v", p, err)
			}
		case p == "offres.json":
			var v []map[string]any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Errorf("%s is not valid JSON: %v", p, err)
			}
			found := false
			for _, o := range v {
				if strings.Contains(o["title"].(string), "<script>alert(1)</script>") {
					found = true
				}
			}
			if !found {
				t.Errorf("offres.json does not keep the title as text")
			}
		}
	}
	var feed struct {
		Items []struct {
			Title   string `xml:"title"`
			Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	ok := false
	for _, it := range feed.Items {
		if strings.Contains(it.Title, "<script>alert(1)</script>") &&
			(strings.Contains(it.Content, "&lt;script>alert(3)") || strings.Contains(it.Content, "&lt;script&gt;alert(3)")) {
			ok = true
		}
		// The content is HTML a feed reader shows: no element may come
		// from the offer's text.
		z := html.NewTokenizer(strings.NewReader(it.Content))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if name, _ := z.TagName(); tt == html.StartTagToken && strings.Contains(" script img iframe em b ", " "+string(name)+" ") {
				t.Errorf("feed item %q: element <%s> injected by the offer's text", it.Title, name)
			}
		}
	}
	if !ok {
		t.Errorf("feed item does not carry the hostile title as text and its body escaped: %+v", feed.Items)
	}
}
