// Package feed writes the board's machine-readable outputs: RSS 2.0 feeds,
// offres.json and sitemap.xml.
//
// It reads the same site.Board as package render, after the offer bodies
// have been rendered (feeds carry the full text). Every writer escapes
// through encoding/xml or encoding/json, never by hand, so any text an offer
// carries comes out well-formed.
package feed

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html"
	"io"
	"strings"
	"time"

	"postes/generator/offer"
	"postes/generator/site"
)

// Channel describes one feed.
type Channel struct {
	Title       string
	Description string
	Language    string
	Link        string // absolute URL of the page the feed follows
	Self        string // absolute URL of the feed
	Loc         *time.Location
	// Brief feeds carry each offer's key facts and the start of its
	// description, with a link to the rest, instead of its whole text:
	// the feeds of facet values, one per town, grade, category…, which
	// at national scale would otherwise render every open offer's body
	// half a dozen times.
	Brief bool
}

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Content string     `xml:"xmlns:content,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	AtomLink      atomLink  `xml:"atom:link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Generator     string    `xml:"generator"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Author      string   `xml:"author,omitempty"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description"`
	Content     cdata    `xml:"content:encoded"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type cdata struct {
	Value string `xml:",chardata"`
}

// WriteRSS writes an RSS 2.0 feed of the given offers (already chosen and
// ordered by site.FeedOffers). Each item's guid is the offer's permanent
// URL, which stays the same across rebuilds; pubDate is the posting date at
// midnight in the board's time zone; description is a plain-text summary and
// content:encoded the full HTML body.
//
// body returns an offer's rendered body HTML. The feed comes out compact
// (no indentation, no space between elements): it needs no minifier.
func WriteRSS(w io.Writer, b *site.Board, ch Channel, offers []*site.Offer, body func(*site.Offer) (string, error)) error {
	doc := rss{Version: "2.0", Content: "http://purl.org/rss/1.0/modules/content/", Atom: "http://www.w3.org/2005/Atom"}
	c := &doc.Channel
	c.Title, c.Link, c.Description, c.Language = ch.Title, ch.Link, ch.Description, ch.Language
	c.AtomLink = atomLink{Href: ch.Self, Rel: "self", Type: "application/rss+xml"}
	c.Generator = "postes"
	var latest offer.Date
	for _, p := range offers {
		link := b.AbsURL(p.Path)
		var html string
		if ch.Brief {
			html = "<p>" + xmlText(p.Intro) + "</p><p><a href=\"" + xmlText(link) + "\">Lire l’offre complète</a></p>"
		} else {
			var err error
			if html, err = body(p); err != nil {
				return err
			}
		}
		it := rssItem{
			Title:       p.Title + " – " + p.Employer.Name,
			Link:        link,
			GUID:        rssGUID{IsPermaLink: true, Value: link},
			Categories:  []string{p.Employer.Name},
			Description: p.Summary(),
			Content:     cdata{factsHTML(p) + html},
		}
		if p.Location != "" {
			it.Categories = append(it.Categories, p.Location)
		}
		if !p.Posted.IsZero() {
			it.PubDate = p.Posted.Time(ch.Loc).Format(time.RFC1123Z)
			if p.Posted.Compare(latest) > 0 {
				latest = p.Posted
			}
		}
		c.Items = append(c.Items, it)
	}
	// lastBuildDate follows the content, not the clock, so that an
	// unchanged board gives an unchanged feed.
	if !latest.IsZero() {
		c.LastBuildDate = latest.Time(ch.Loc).Format(time.RFC1123Z)
	}
	if _, err := io.WriteString(w, strings.TrimSuffix(xml.Header, "\n")); err != nil {
		return err
	}
	return xml.NewEncoder(w).Encode(doc)
}

// xmlText escapes text for HTML inside a feed's content.
func xmlText(s string) string { return html.EscapeString(s) }

// factsHTML lists the key facts at the top of a feed item's full text:
// readers that show content:encoded hide the description.
func factsHTML(p *site.Offer) string {
	var b strings.Builder
	b.WriteString("<ul>")
	item := func(label, value string) {
		if value != "" {
			b.WriteString("<li><strong>" + label + " :</strong> " + html.EscapeString(value) + "</li>")
		}
	}
	item("Employeur", p.Employer.Name)
	item("Lieu de travail", p.Location)
	deadline := p.Deadline.Long()
	if at := p.DeadlineAt(); at != "" && deadline != "" {
		deadline += " à " + at
	}
	item("Date limite de candidature", deadline)
	item("Grade", strings.Join(p.GradeNames(), ", "))
	item("Catégorie", strings.Join(p.Categories, ", "))
	item("Référence", p.Reference)
	b.WriteString("</ul>")
	return b.String()
}

// JSONPlace is a town an offer names, in offres.json.
type JSONPlace struct {
	Town       string `json:"town"`
	Postcode   string `json:"postcode,omitempty"`
	Department string `json:"department,omitempty"`
}

// JSONEntry is one offer's element of offres.json: source and url, then
// every declared field of the offer (offer.Fields) under its name, with
// what the board adds: employer_url after employer, filiere and places
// after category, deadline_time after deadline, start_asap after start,
// closed last. Other tools read
// this file: keys are only ever added, never renamed.
func JSONEntry(b *site.Board, p *site.Offer) ([]byte, error) {
	places := make([]JSONPlace, len(p.Places))
	for i, pl := range p.Places {
		places[i] = JSONPlace{pl.Town, pl.Postcode, pl.Department}
	}
	filieres := p.Filieres
	if filieres == nil {
		filieres = []string{}
	}
	w := &object{}
	w.add("source", p.Source)
	w.add("url", b.AbsURL(p.Path))
	for _, d := range offer.Fields {
		switch d.Field {
		case offer.FieldEmployer:
			w.add(d.Name, p.Employer.Name) // the name it is filed under
			w.add("employer_url", b.AbsURL(p.Employer.Path))
		case offer.FieldCategory:
			w.add(d.Name, p.Offer.Value(d.Field))
			w.add("filiere", filieres)
			w.add("places", places)
		case offer.FieldStart:
			w.add(d.Name, p.Offer.Value(d.Field))
			w.add("start_asap", p.StartASAP)
		case offer.FieldDeadline:
			w.add(d.Name, p.Offer.Value(d.Field))
			w.add("deadline_time", p.DeadlineTime) // "12:00", or "" for the end of the day
		default:
			w.add(d.Name, p.Offer.Value(d.Field))
		}
	}
	w.add("closed", p.Closed)
	return w.bytes()
}

// object writes a JSON object whose keys keep the order they are added in.
type object struct {
	buf bytes.Buffer
	err error
}

func (o *object) add(key string, v any) {
	if o.err != nil {
		return
	}
	if o.buf.Len() == 0 {
		o.buf.WriteByte('{')
	} else {
		o.buf.WriteByte(',')
	}
	k, _ := json.Marshal(key)
	o.buf.Write(k)
	o.buf.WriteByte(':')
	data, err := json.Marshal(v)
	if err != nil {
		o.err = err
		return
	}
	o.buf.Write(data)
}

func (o *object) bytes() ([]byte, error) {
	o.buf.WriteByte('}')
	return o.buf.Bytes(), o.err
}

// WriteJSON writes offres.json: every published offer, open or closed, in
// source path order. entry gives an offer's element (JSONEntry, or a copy
// of it kept from the last build).
func WriteJSON(w io.Writer, b *site.Board, entry func(*site.Offer) ([]byte, error)) error {
	return writeArray(w, "[", "]\n", b.Offers, entry)
}

// writeArray writes the elements of a JSON array, one per offer.
func writeArray(w io.Writer, open, close string, offers []*site.Offer, entry func(*site.Offer) ([]byte, error)) error {
	buf := bufio.NewWriterSize(w, 64<<10)
	buf.WriteString(open)
	for i, p := range offers {
		data, err := entry(p)
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(data)
	}
	buf.WriteString(close)
	return buf.Flush()
}

type urlset struct {
	XMLName xml.Name  `xml:"urlset"`
	NS      string    `xml:"xmlns,attr"`
	URLs    []siteURL `xml:"url"`
}

type siteURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// SitemapMax is the most URLs one sitemap file may list (sitemaps.org);
// a larger board gets a sitemap index and several sitemaps.
const SitemapMax = 50000

// WriteSitemap lists HTML pages (every page but the 404 page, or a part
// of them: see WriteSitemapIndex). An offer's lastmod is its posting date,
// or the day after its deadline once closed: its page changed that day.
func WriteSitemap(w io.Writer, b *site.Board, paths []string) error {
	doc := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	lastmod := make(map[string]string, len(b.Offers))
	for _, p := range b.Offers {
		switch {
		case p.Closed && p.Deadline.HasDay():
			lastmod[p.Path] = offer.DateOf(p.Deadline.Time(time.UTC).AddDate(0, 0, 1)).String()
		case !p.Posted.IsZero():
			lastmod[p.Path] = p.Posted.String()
		}
	}
	doc.URLs = make([]siteURL, 0, len(paths))
	for _, p := range paths {
		doc.URLs = append(doc.URLs, siteURL{Loc: b.AbsURL(p), LastMod: lastmod[p]})
	}
	return writeXML(w, doc)
}

// writeXML writes an XML document with its declaration.
func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	return xml.NewEncoder(w).Encode(doc)
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapRef `xml:"sitemap"`
}

type sitemapRef struct {
	Loc string `xml:"loc"`
}

// WriteSitemapIndex writes the sitemap index of a board whose pages do not
// fit in one sitemap: files are the sitemaps' paths in the site.
func WriteSitemapIndex(w io.Writer, b *site.Board, files []string) error {
	doc := sitemapIndex{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, f := range files {
		doc.Sitemaps = append(doc.Sitemaps, sitemapRef{Loc: b.AbsURL(f)})
	}
	return writeXML(w, doc)
}
