package pipeline

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"postes"
)

// TestHostileFileIsRefusedAndTheRestBuilds: a file beyond a limit is an
// error naming it, the rest of the board is published, and the build
// takes a bounded time. Each file once took minutes or gigabytes; the
// render package's TestHostileOffers holds every limit to its case.
func TestHostileFileIsRefusedAndTheRestBuilds(t *testing.T) {
	body := func(s string) string { return strings.Replace(goodOffer, "- Accueillir le public.\n", s, 1) }
	for _, tc := range []struct {
		name, text, want string
	}{
		{"emphasis", body(strings.Repeat("*a_ ", 120000)), "content/x.txt:8: description: 240000 emphasis"},
		{"link_reference", body("[a]: https://example.org/" + strings.Repeat("x", 4000) + "\n\n" + strings.Repeat("[a]\n\n", 80000)), "content/x.txt:8: description: link references"},
		{"table", body(strings.Repeat("|a", 990) + "|\n" + strings.Repeat("|-", 990) + "|\n" + strings.Repeat("|\n", 200)), "content/x.txt:8: description: tables of"},
		{"nesting", body(strings.Repeat("- ", 3000) + "a\n"), "content/x.txt:8: description: lists and quotes nested"},
		{"front_matter", "+++\nx = " + strings.Repeat("[", 250000) + strings.Repeat("]", 250000) + "\n+++\n" + goodOffer, "content/x.txt:2: front matter: arrays"},
		{"size", body(strings.Repeat("Une phrase. ", 100000)), "content/x.txt: file is 1.1 MB; an offer file must be under 1 MB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeSite(t, map[string]string{"content/bon.txt": goodOffer, "content/x.txt": tc.text})
			start := time.Now()
			res, err := Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "site"), Now: "2025-03-15", Theme: postes.Theme})
			if err != nil {
				t.Fatal(err)
			}
			// Loose: the race detector, a busy machine. Before the limits
			// these took from 20 s to hours, or died.
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("the build took %s", d)
			}
			if res.Offers != 1 || res.Skipped != 1 {
				t.Errorf("published %d, skipped %d; want 1 and 1", res.Offers, res.Skipped)
			}
			if msgs := res.Diags.Error(); !strings.Contains(msgs, tc.want) {
				t.Errorf("diagnostics lack %q:\n%s", tc.want, msgs)
			}
		})
	}
}

// TestManyAddressesInOneBody: 480 KB of bare addresses is a body within
// the limits; its feeds once took time quadratic in its links (the XML
// minifier's entity replacement: 8.6 s for this file). The build of a
// body four times larger must take about four times longer, not sixteen.
func TestManyAddressesInOneBody(t *testing.T) {
	build := func(size int) time.Duration {
		body := strings.Replace(goodOffer, "- Accueillir le public.\n", strings.Repeat("https://example.org/abc ", size/24), 1)
		root := writeSite(t, map[string]string{"content/bon.txt": goodOffer, "content/x.txt": strings.Replace(body, "Agent d’accueil", "Liens", 1)})
		best := time.Duration(1<<63 - 1)
		for range 3 {
			start := time.Now()
			res, err := Run(Options{Source: root, Output: filepath.Join(t.TempDir(), "site"), Now: "2025-03-15", Theme: postes.Theme})
			best = min(best, time.Since(start))
			if err != nil || res.Offers != 2 {
				t.Fatalf("published %d offers, want 2: %v %v", res.Offers, err, res.Diags)
			}
		}
		return best
	}
	small, large := build(120<<10), build(480<<10)
	if large > 8*small {
		t.Errorf("a body 4 times larger took %.1f times longer (%s, %s)", float64(large)/float64(small), small, large)
	}
}
