package site

import (
	"fmt"
)

// The board's pages. Pages says which pages exist for a board on its day,
// each with the data its template shows and, for pages that can be
// followed, the feed and calendar that go with it. A page kind is a
// constant here, a case in Pages, a template named after it (whose
// "title" and "description" blocks name the page, so that a theme can
// change them) and a key rule in package pipeline. Package pipeline turns pages
// into files; package render, into HTML.

// Kind is a kind of page; templates are named after it.
type Kind string

// The page kinds.
const (
	KindHome      Kind = "home"      // open offers
	KindOffer     Kind = "offer"     // one offer
	KindEmployers Kind = "employers" // every employer
	KindEmployer  Kind = "employer"  // one employer's offers
	KindMonths    Kind = "months"    // deadline months
	KindMonth     Kind = "month"     // one month's deadlines
	KindArchive   Kind = "archive"   // closed offers
	KindFacets    Kind = "facets"    // the values of one facet (every grade…)
	KindFacet     Kind = "facet"     // one facet value's offers (one grade…)
	KindFollow    Kind = "follow"    // every feed and calendar of the board
	Kind404       Kind = "404"       // the not-found page
)

// Kinds are every page kind, for themes and tests.
var Kinds = []Kind{KindHome, KindOffer, KindEmployers, KindEmployer, KindMonths, KindMonth, KindArchive,
	KindFacets, KindFacet, KindFollow, Kind404}

// Page is one page of the board: its kind, its path and what it shows.
type Page struct {
	Kind Kind
	// Path is relative to the site root, ending with "/" ("offres/x/"),
	// "" for the home page, "404.html" for the not-found page.
	Path string
	// By kind: the offer, employer, month, facet or facet value shown.
	Offer    *Offer
	Employer *Employer
	Month    *Month
	Facet    *Facet
	Value    *FacetValue
	// Offers are the offers the page lists (home, archive, a facet
	// value's first ones); More, how many it leaves out.
	Offers []*Offer
	More   int
	// Upcoming and Past are the months page's months: this month and
	// later, soonest first; earlier months, latest first.
	Upcoming, Past []*Month
	// Feed is the page's own feed and calendar, if it can be followed.
	Feed *Feed
}

// File is the path of the page's file: "offres/x/index.html".
func (p *Page) File() string {
	if p.Kind == Kind404 {
		return p.Path
	}
	return p.Path + "index.html"
}

// Feed is what a followable page offers: an RSS feed of its newest open
// offers and an iCalendar file of their deadlines.
type Feed struct {
	Path     string   // "employeurs/x/feed.xml"
	Calendar string   // "employeurs/x/echeances.ics"
	Items    []*Offer // the feed's offers: open, newest first, at most FeedLength
	// Events are the calendar's offers: open ones with a deadline, and
	// those that closed in the last RecentDays, which calendar
	// applications expect to keep showing; a calendar is never empty of
	// what it can show.
	Events []*Offer
	Page   *Page // the page it follows
}

// PagesOptions are what pages take from the configuration.
type PagesOptions struct {
	FeedLength int // items per feed; 0 for every open offer
	// ListLength bounds the offers a facet value's page lists, soonest
	// deadline first; the finder filters the rest. 0 for no bound.
	ListLength int
}

// archiveLength bounds the archive page; the finder and the month pages
// reach older offers.
const archiveLength = 200

// RecentDays is how long a closed offer stays in calendars.
const RecentDays = 30

// Pages lists every page of the board, in a fixed order: the home page,
// then the indexes, then one page per offer, employer, month and facet
// value. Feeds and calendars hang on the pages they follow.
func (b *Board) Pages(opt PagesOptions) []*Page {
	var pages []*Page
	add := func(p *Page) *Page {
		pages = append(pages, p)
		return p
	}
	home := add(&Page{Kind: KindHome, Path: "", Offers: b.Open})
	home.Feed = b.feed(home, "", b.Offers, opt)
	arch := add(&Page{Kind: KindArchive, Path: "archives/", Offers: b.Closed})
	if len(arch.Offers) > archiveLength {
		arch.Offers, arch.More = arch.Offers[:archiveLength], len(b.Closed)-archiveLength
	}
	add(&Page{Kind: KindEmployers, Path: "employeurs/"})
	months := add(&Page{Kind: KindMonths, Path: "echeances/"})
	thisMonth := fmt.Sprintf("%04d-%02d", b.Today.Year, int(b.Today.Month))
	for _, m := range b.Months {
		if m.Key >= thisMonth {
			months.Upcoming = append(months.Upcoming, m)
		} else {
			months.Past = append([]*Month{m}, months.Past...)
		}
	}
	for _, f := range b.Facets {
		add(&Page{Kind: KindFacets, Path: f.Path, Facet: f})
	}
	add(&Page{Kind: KindFollow, Path: "suivre/"})
	add(&Page{Kind: Kind404, Path: "404.html"})
	for _, o := range b.Offers {
		add(&Page{Kind: KindOffer, Path: o.Path, Offer: o})
	}
	for _, e := range b.Employers {
		p := add(&Page{Kind: KindEmployer, Path: e.Path, Employer: e, Offers: e.Offers})
		p.Feed = b.feed(p, e.Path, e.Offers, opt)
	}
	for _, m := range b.Months {
		add(&Page{Kind: KindMonth, Path: m.Path, Month: m, Offers: m.Offers})
	}
	for _, f := range b.Facets {
		for _, v := range f.Values {
			p := add(&Page{Kind: KindFacet, Path: v.Path, Facet: f, Value: v})
			for _, o := range v.Offers {
				if o.Closed {
					break // open first
				}
				if opt.ListLength > 0 && len(p.Offers) == opt.ListLength {
					p.More = v.Open - opt.ListLength
					break
				}
				p.Offers = append(p.Offers, o)
			}
			p.Feed = b.feed(p, v.Path, v.Offers, opt)
		}
	}
	return pages
}

// feed makes the feed and calendar of a page at dir, from its offers.
func (b *Board) feed(p *Page, dir string, offers []*Offer, opt PagesOptions) *Feed {
	f := &Feed{Path: dir + "feed.xml", Calendar: dir + "echeances.ics", Items: FeedOffers(offers, opt.FeedLength), Page: p}
	since := b.Today.AddDays(-RecentDays)
	for _, o := range offers {
		switch {
		case o.Deadline.IsZero() || !o.Deadline.HasDay():
		case !o.Closed:
			f.Events = append(f.Events, o)
		case o.Deadline.Compare(since) >= 0:
			f.Events = append(f.Events, o)
		}
	}
	return f
}

// Feeds are every feed of the board, in page order: what the OPML file
// lists.
func Feeds(pages []*Page) []*Feed {
	var fs []*Feed
	for _, p := range pages {
		if p.Feed != nil {
			fs = append(fs, p.Feed)
		}
	}
	return fs
}
