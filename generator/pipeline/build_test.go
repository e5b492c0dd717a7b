package pipeline

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"postes"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// sampleRoot is the repository root, which holds the sample board.
const sampleRoot = "../.."

func buildSample(t *testing.T, now string, workers int) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	// A copy: a build keeps its state in the site (.postes/), and tests
	// leave the repository as it is.
	res, err := Run(Options{Source: copySample(t), Output: out, Now: now, Theme: postes.Theme, Workers: workers})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	// The sample is the board a new user first builds: not one warning
	// (its config.toml's [grades] confirms the one category postes's
	// table cannot, see offer.TestExtractSeedsHaveNoWarnings).
	for _, d := range res.Diags {
		t.Errorf("the sample board has a problem: %v", d)
	}
	return out
}

// readTree returns every file under dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGolden compares the whole sample board, built on a fixed day, with
// testdata/golden. Run "go test ./generator/pipeline -update" to refresh it,
// then review the diff.
func TestGolden(t *testing.T) {
	out := buildSample(t, "2025-08-15", 0)
	got := readTree(t, out)
	golden := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for p, data := range got {
			dst := filepath.Join(golden, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for p, data := range got {
		if strings.Contains(string(data), "ZgotmplZ") {
			t.Errorf("%s: html/template refused a value (#ZgotmplZ)", p)
		}
	}
	want := readTree(t, golden)
	for p, w := range want {
		g, ok := got[p]
		if !ok {
			t.Errorf("%s: not built", p)
			continue
		}
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs from the golden file (run go test -update and review the diff)\n got: %s\nwant: %s", p, clipBytes(g), clipBytes(w))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: built but not in the golden files", p)
		}
	}
}

func clipBytes(b []byte) string {
	s := string(b)
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}

// TestDeterministic builds the board twice, with one worker and with many:
// same input and --now give byte-identical output, whatever the scheduling.
func TestDeterministic(t *testing.T) {
	a := readTree(t, buildSample(t, "2025-04-01", 1))
	b := readTree(t, buildSample(t, "2025-04-01", 8))
	if len(a) != len(b) {
		t.Fatalf("%d files vs %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestClosedOffersLeaveOpenLists checks the board on a day when one sample
// offer is still open and the next day, when it has closed.
func TestClosedOffersLeaveOpenLists(t *testing.T) {
	const page = "offres/secretaire-general-3134-25-0482-sr/index.html"
	for _, tc := range []struct {
		now    string
		closed bool
	}{{"2025-04-18", false}, {"2025-04-19", true}} {
		out := readTree(t, buildSample(t, tc.now, 0))
		home, feed := string(out["index.html"]), string(out["feed.xml"])
		offer := string(out[page])
		inHome := strings.Contains(home, "secretaire-general-3134-25-0482-sr")
		inFeed := strings.Contains(feed, "secretaire-general-3134-25-0482-sr")
		says := strings.Contains(offer, "Candidatures closes")
		if inHome == tc.closed || inFeed == tc.closed || says != tc.closed {
			t.Errorf("--now %s: on home page %v, in feed %v, page says closed %v; want closed=%v", tc.now, inHome, inFeed, says, tc.closed)
		}
		if tc.closed && !strings.Contains(string(out["archives/index.html"]), "secretaire-general-3134-25-0482-sr") {
			t.Errorf("--now %s: closed offer missing from the archive", tc.now)
		}
		// The search index gives body words to open offers only.
		var index struct{ Offers [][]any }
		if err := json.Unmarshal(out["recherche.json"], &index); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range index.Offers {
			if e[0] != "secretaire-general-3134-25-0482-sr" {
				continue
			}
			found = true
			words, _ := e[8].(string)
			if closed := e[7] == 1.0; closed != tc.closed || (words == "") != tc.closed {
				t.Errorf("--now %s: search entry closed=%v with words %.40q; want closed=%v, words iff open", tc.now, e[7], words, tc.closed)
			}
		}
		if !found {
			t.Errorf("--now %s: offer missing from recherche.json", tc.now)
		}
	}
}

// TestSitemapIndex lowers the sitemap size limit: a board with more pages
// than one sitemap may list gets an index of several sitemaps, which
// together list every page once.
func TestSitemapIndex(t *testing.T) {
	one := readTree(t, buildSample(t, "2025-08-15", 0))
	defer func(n int) { sitemapMax = n }(sitemapMax)
	sitemapMax = 5
	many := readTree(t, buildSample(t, "2025-08-15", 0))

	type urlset struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	parse := func(name string, data []byte, v any) {
		t.Helper()
		if err := xml.Unmarshal(data, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	var all urlset
	parse("sitemap.xml", one["sitemap.xml"], &all)
	if len(all.URLs) <= sitemapMax {
		t.Fatalf("the sample board has %d pages; the test needs more than %d", len(all.URLs), sitemapMax)
	}
	var index struct {
		XMLName  xml.Name
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	parse("sitemap.xml", many["sitemap.xml"], &index)
	if index.XMLName.Local != "sitemapindex" || len(index.Sitemaps) != (len(all.URLs)+sitemapMax-1)/sitemapMax {
		t.Fatalf("sitemap.xml is <%s> with %d sitemaps; want a sitemapindex of %d", index.XMLName.Local, len(index.Sitemaps), (len(all.URLs)+sitemapMax-1)/sitemapMax)
	}
	var got urlset
	for i, s := range index.Sitemaps {
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		if s.Loc != "https://emplois.example.org/"+name {
			t.Errorf("index entry %d is %s; want %s", i, s.Loc, name)
		}
		var part urlset
		parse(name, many[name], &part)
		if len(part.URLs) == 0 || len(part.URLs) > sitemapMax {
			t.Errorf("%s lists %d pages; want 1 to %d", name, len(part.URLs), sitemapMax)
		}
		got.URLs = append(got.URLs, part.URLs...)
	}
	if !reflect.DeepEqual(got, all) {
		t.Errorf("the sitemaps together list\n%v\nwant\n%v", got, all)
	}
}
