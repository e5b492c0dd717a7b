package feed

import (
	"encoding/xml"
	"io"
)

// Outline is one feed in the OPML file.
type Outline struct {
	Title string // the page's title
	Feed  string // absolute URL of the RSS feed
	Page  string // absolute URL of the page it follows
	Group string // what kind of page: home, employer, facet…
}

type opml struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title string `xml:"title"`
	} `xml:"head"`
	Body struct {
		Groups []opmlGroup `xml:"outline"`
	} `xml:"body"`
}

type opmlGroup struct {
	Text  string        `xml:"text,attr"`
	Items []opmlOutline `xml:"outline"`
}

type opmlOutline struct {
	Type    string `xml:"type,attr"`
	Text    string `xml:"text,attr"`
	Title   string `xml:"title,attr"`
	XMLURL  string `xml:"xmlUrl,attr"`
	HTMLURL string `xml:"htmlUrl,attr"`
}

// WriteOPML writes an OPML 2.0 list of feeds, which feed readers import
// in one go: every feed of the board, grouped by the kind of page it
// follows, in the order given.
func WriteOPML(w io.Writer, title string, items []Outline) error {
	var doc opml
	doc.Version = "2.0"
	doc.Head.Title = title
	index := map[string]int{}
	for _, it := range items {
		i, ok := index[it.Group]
		if !ok {
			i = len(doc.Body.Groups)
			index[it.Group] = i
			doc.Body.Groups = append(doc.Body.Groups, opmlGroup{Text: it.Group})
		}
		g := &doc.Body.Groups[i]
		g.Items = append(g.Items, opmlOutline{Type: "rss", Text: it.Title, Title: it.Title, XMLURL: it.Feed, HTMLURL: it.Page})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	return enc.Encode(doc)
}
