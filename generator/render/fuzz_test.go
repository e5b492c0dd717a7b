package render_test

import (
	"bytes"
	"flag"
	"fmt"
	htmltemplate "html/template"
	"strings"
	"testing"
	"time"

	"postes"
	"postes/generator/content"
	"postes/generator/feed"
	"postes/generator/offer"
	"postes/generator/render"
	"postes/generator/site"
)

// hostileHead is an offer's fields; hostile bodies follow it.
const hostileHead = "# Offre %s\n\nEmployeur : Commune de Test\nLieu de travail : Testville\n" +
	"Date de dépôt de l’offre : 01/03/2025\nDate limite de candidature : 31/03/2025\n\n# Missions\n\n"

// hostile are small files that once took minutes, or gigabytes, each
// written so that one limit stops it (refused names the limit), at the
// size it was met and below the file size limit; a few are accepted and
// must render within the budget. They are made here, not stored. div
// divides every count: the fuzzer mutates small files quickly, not
// megabytes (refused then says nothing).
func hostile(div int) []struct {
	name, text, refused string
} {
	head := func(name string) string { return fmt.Sprintf(hostileHead, name) }
	repeat := func(s string, n int) string { return strings.Repeat(s, max(n/div, 1)) }
	table := func(cols, rows int) string {
		var b strings.Builder
		b.WriteString(strings.Repeat("|a", cols) + "|\n" + strings.Repeat("|-", cols) + "|\n")
		for range max(rows/div, 1) {
			b.WriteString(strings.Repeat("|a", cols) + "\n")
		}
		return b.String()
	}
	nested := func(depth int) string {
		var b strings.Builder
		for i := range max(depth/div, 1) {
			b.WriteString(strings.Repeat("  ", i) + "- a\n")
		}
		return b.String()
	}
	ref := "[a]: https://example.org/" + strings.Repeat("x", 4000) + "\n\n"
	return []struct{ name, text, refused string }{
		{"emphasis_800KB", head("x") + repeat("*a_ ", 200000), "description: 800011 bytes; at most 524288"},
		{"emphasis_500KB", head("x") + repeat("*a_ ", 125000), "emphasis, code and link markers in a paragraph"},
		{"emphasis_in_paragraphs", head("x") + strings.Repeat(repeat("*a_ ", 10000)+"\n\n", 12), "emphasis, code and link markers in a paragraph"},
		{"unclosed_links", head("x") + repeat("[](<", 100000), "emphasis, code and link markers in a paragraph"},
		{"bare_addresses_3MB", head("x") + repeat("https://example.org/abc ", 3<<20/24), "file is over 1 MB"},
		{"bare_addresses_500KB", head("x") + repeat("https://example.org/abc ", 500<<10/24), ""},
		{"link_reference_100000_uses", head("x") + ref + repeat("[a] ", 100000), "emphasis, code and link markers in a paragraph"},
		{"link_reference_80000_paragraphs", head("x") + ref + repeat("[a]\n\n", 80000), "link references could make its HTML"},
		{"front_matter_1200000_deep", "+++\nx = " + repeat("[", 1200000) + repeat("]", 1200000) + "\n+++\n" + head("x") + "- a\n", "file is over 1 MB"},
		{"front_matter_250000_deep", "+++\nx = " + repeat("[", 250000) + repeat("]", 250000) + "\n+++\n" + head("x") + "- a\n", "front matter: arrays, tables or dotted keys nested more than 32 deep"},
		{"front_matter_dotted_key", "+++\nx" + repeat(".x", 5000) + " = 1\n+++\n" + head("x") + "- a\n", "front matter: arrays, tables or dotted keys nested more than 32 deep"},
		{"table_5000x990", head("x") + table(990, 5000), "file is over 1 MB"},
		{"table_200x990", head("x") + table(990, 200), "tables of"},
		{"table_wide_header_empty_rows", head("x") + strings.Repeat("|a", 990) + "|\n" + strings.Repeat("|-", 990) + "|\n" + repeat("|\n", 1000), "tables of"},
		{"lists_3000_deep", head("x") + nested(3000), "file is over 1 MB"},
		{"lists_700_deep", head("x") + nested(700), "lists and quotes nested"},
		{"markers_3000_deep", head("x") + repeat("- ", 3000) + "a\n", "lists and quotes nested"},
		{"quotes_3000_deep", head("x") + repeat("> ", 3000) + "a\n", "lists and quotes nested"},
		{"quotes_at_the_limit", head("x") + repeat(strings.Repeat("> ", 31)+"a\n\n", 7000), ""},
		{"stars_around_a_word", head("x") + repeat("*", 200000) + "a" + repeat("*", 200000), ""},
		{"many_definitions", head("x") + func() string {
			var b strings.Builder
			for i := 0; b.Len() < 500<<10/div; i++ {
				fmt.Fprintf(&b, "[a%d]: /u\n\n", i)
			}
			return b.String()
		}(), ""},
	}
}

// fastest runs f until it takes under budget, three times at most, and
// returns its shortest time: a busy machine may stall one run, not three.
func fastest(budget time.Duration, f func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		f()
		if best = min(best, time.Since(start)); best < budget {
			break
		}
	}
	return best
}

// fuzzFactor is how much slower code runs instrumented for coverage, as
// the fuzzer runs it.
const fuzzFactor = 4

// growthSlack is the markup a short input may make past 64 times its
// size: a page's template, a feed's channel.
const growthSlack = 64 << 10

// offerRun renders an offer file as a build does: decode, extract, the
// body's limits, then the body, its page and its feed entry.
type offerRun struct {
	r     *render.Renderer
	board *site.Board // the Renderer's: each run puts its own board in it
	loc   *time.Location
}

func newOfferRun(t testing.TB) *offerRun {
	board := &site.Board{}
	r, err := render.New(postes.Theme, &render.Site{Title: "Offres", Language: "fr", TimeZone: "Pacific/Noumea", ZoneName: "Nouméa"}, board)
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Pacific/Noumea")
	return &offerRun{r: r, board: board, loc: loc}
}

// run returns the problem that refused the file ("" when it was
// published) and what it made, by output.
func (x *offerRun) run(t testing.TB, data []byte) (refused string, sizes map[string]int) {
	src, diags := content.Decode("content/x.txt", data)
	if src == nil {
		return diags.Error(), nil
	}
	o, diags := offer.Extract(src)
	if o == nil {
		return diags.Error(), nil
	}
	if err := render.CheckBody(o.Body); err != nil {
		return "description: " + err.Error(), nil
	}
	b, _ := site.New([]*offer.Offer{o}, site.Options{BaseURL: "https://emplois.example/", Today: offer.Date{Year: 2025, Month: 3, Day: 15}})
	*x.board = *b
	if len(b.Offers) == 0 {
		return "", nil // scheduled
	}
	p := b.Offers[0]
	sizes = map[string]int{}
	html, err := x.r.Body(o.Body)
	if err != nil {
		t.Fatalf("CheckBody let through a body Body refused: %v", err)
	}
	sizes["body"] = len(html)
	ld, err := feed.JobPosting(b, p, html, x.loc, "NC")
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	err = x.r.Page(&page, &render.Page{Kind: "offer", Path: p.Path, Offer: p, Body: htmltemplate.HTML(html), JSONLD: htmltemplate.JS(ld)})
	if err != nil {
		t.Fatalf("offer page: %v", err)
	}
	sizes["page"] = page.Len()
	var rss bytes.Buffer
	ch := feed.Channel{Title: "Offres", Link: b.AbsURL(""), Self: b.AbsURL("feed.xml"), Loc: x.loc}
	if err := feed.WriteRSS(&rss, b, ch, b.Offers, func(*site.Offer) (string, error) { return html, nil }); err != nil {
		t.Fatalf("feed: %v", err)
	}
	sizes["feed"] = rss.Len()
	entry, err := feed.JSONEntry(b, p)
	if err != nil {
		t.Fatal(err)
	}
	sizes["offres.json"] = len(entry)
	return "", sizes
}

// check holds one file to the budget: a second for the whole run (more
// under the race detector, or instrumented while fuzzing), and each output
// under 64 times the file's size.
func (x *offerRun) check(t *testing.T, data []byte) (refused string) {
	var sizes map[string]int
	budget := time.Duration(raceFactor) * time.Second
	if f := flag.Lookup("test.fuzz"); f != nil && f.Value.String() != "" {
		budget *= fuzzFactor
	}
	if d := fastest(budget, func() { refused, sizes = x.run(t, data) }); d > budget {
		t.Errorf("took %s to render (refused: %q)", d, refused)
	}
	for out, n := range sizes {
		if n > render.MaxGrowth*len(data)+growthSlack {
			t.Errorf("%s is %d bytes for a file of %d, over %d times its size", out, n, len(data), render.MaxGrowth)
		}
	}
	return refused
}

// TestHostileOffers: each hostile file is refused by the limit meant for
// it, in bounded time, or renders within the budget.
func TestHostileOffers(t *testing.T) {
	x := newOfferRun(t)
	for _, h := range hostile(1) {
		t.Run(h.name, func(t *testing.T) {
			refused := x.check(t, []byte(h.text))
			switch {
			case h.refused == "" && refused != "":
				t.Errorf("refused: %s", refused)
			case h.refused != "" && !strings.Contains(refused, h.refused):
				t.Errorf("refused for %q, want %q", refused, h.refused)
			}
		})
	}
}

// FuzzRenderOffer renders whole offer files, as a build does, under a
// time and size budget: whatever a file holds, it is refused or rendered
// within a second, and no output grows past 64 times its size.
func FuzzRenderOffer(f *testing.F) {
	// The hostile files at a hundredth of their size or less: the same
	// shapes, which the fuzzer can mutate and minimise quickly.
	// TestHostileOffers runs them whole.
	for _, h := range hostile(128) {
		f.Add([]byte(h.text))
	}
	for _, s := range []string{
		fmt.Sprintf(hostileHead, "courte") + "- Accueillir le public.\n",
		fmt.Sprintf(hostileHead, "liens") + "Écrire à rh@ville.example, voir www.ville.example.\n\n[x]: /a \"t\"\n\n[x] [x][]\n",
		fmt.Sprintf(hostileHead, "tableau") + "| a | b |\n|:-|-:|\n| 1 | 2 |\n",
		"+++\ntitle = \"Agent\"\nemployer = \"Commune\"\n+++\n> > - *a* _b_ ~~c~~ `d`\n",
	} {
		f.Add([]byte(s))
	}
	x := newOfferRun(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		x.check(t, data)
	})
}
