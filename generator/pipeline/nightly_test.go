package pipeline

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"postes"
	"postes/generator/offer"
	"postes/generator/publish"
)

// The nightly build: on a new day, a board changes only where what it
// shows changes, and a build writes only the files whose bytes changed.

// nightDay is the day of the first build of the nightly tests: the last
// day of a month, so that the next day also moves August from the
// upcoming months to the past ones.
var nightDay = offer.Date{Year: 2025, Month: time.August, Day: 31}

// Words that only unpublished offers carry: no published file may hold
// them.
const (
	scheduledMark = "Fontainier confidentiel"
	scheduledRef  = "SECRET-2025-10"
	scheduledEmp  = "Syndicat des eaux de Pouébo"
	draftMark     = "Jardinier brouillon"
	draftRef      = "BROUILLON-7"
	draftEmp      = "Régie de Canala"
)

func dmy(d offer.Date) string { return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year) }

func day(d offer.Date, n int) offer.Date { return offer.DateOf(d.Time(time.UTC).AddDate(0, 0, n)) }

// nightOffer is the text of one offer of the nightly board.
func nightOffer(title, ref, employer, place, grade string, posted, deadline offer.Date, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\nRéférence : %s\nEmployeur : %s\nLieu de travail : %s\nGrade : %s\n", title, ref, employer, place, grade)
	fmt.Fprintf(&b, "Date de dépôt de l’offre : %s\n", dmy(posted))
	if !deadline.IsZero() {
		fmt.Fprintf(&b, "Date limite de candidature : %s\n", dmy(deadline))
	}
	fmt.Fprintf(&b, "\n# Missions :\n\n%s\n\n- Accueillir le public ;\n- Tenir les dossiers à jour.\n", body)
	return b.String()
}

// nightBoard writes a site of n offers around nightDay: several
// employers, places and grades; deadlines from 40 days before to 59 days
// after; offers closing on the next day (their deadline is nightDay, or
// it is max_open_days after their posting date); one offer that comes
// out the next day, one scheduled for later, one draft.
func nightBoard(t *testing.T, n int) string {
	t.Helper()
	employers := []string{"Commune de Nevers", "Mairie de Dijon", "Ville de Tours", "Mairie de Nouméa", "Province Sud", "Commune de Dumbéa", "CCAS de Lyon", "Département du Doubs"}
	places := []string{"Nevers", "Dijon", "Tours", "Nouméa", "Dumbéa", "Lyon", "Besançon"}
	grades := []string{"Adjoint administratif", "Rédacteur", "Attaché", "Technicien", "Ingénieur"}
	titles := []string{"Agent d’accueil", "Gestionnaire des ressources humaines", "Chargé de mission", "Technicien informatique", "Juriste"}
	files := map[string]string{"config.toml": "title = \"Emplois\"\nbase_url = \"https://emplois.example.org/\"\ntime_zone = \"Pacific/Noumea\"\n"}
	for i := 0; i < n; i++ {
		posted := day(nightDay, -(10 + i%40))
		deadline := day(nightDay, i%100-40)
		switch {
		case i == 7: // no deadline, withdrawn after max_open_days: open today, closed tomorrow
			posted, deadline = day(nightDay, -offer.DefaultMaxOpenDays), offer.Date{}
		case i%25 == 0:
			deadline = offer.Date{}
		}
		body := fmt.Sprintf("La collectivité recrute pour le poste numéro %d un agent motivé, au service des habitants.", i)
		files[fmt.Sprintf("content/offre-%03d.txt", i)] = nightOffer(fmt.Sprintf("%s %d", titles[i%len(titles)], i), fmt.Sprintf("R-%03d", i),
			employers[i%len(employers)], places[i%len(places)], grades[i%len(grades)], posted, deadline, body)
	}
	files["content/sortie.txt"] = nightOffer("Agent des espaces verts", "SORTIE-1", employers[0], places[0], grades[3], day(nightDay, 1), day(nightDay, 30), "Une offre publiée demain.")
	files["content/secret.txt"] = nightOffer(scheduledMark, scheduledRef, scheduledEmp, "Pouébo", grades[4], day(nightDay, 40), day(nightDay, 70), "Texte qui ne doit pas paraître avant sa date : "+scheduledMark+".")
	files["content/brouillon.txt"] = "+++\ndraft = true\n+++\n" + nightOffer(draftMark, draftRef, draftEmp, "Canala", grades[0], day(nightDay, -3), day(nightDay, 20), "Brouillon : "+draftMark+".")
	return writeSite(t, files)
}

// fileState is what a file of the output was after a build.
type fileState struct {
	data  []byte
	ino   uint64
	mtime time.Time
}

func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	files := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		st, _ := fi.Sys().(*syscall.Stat_t)
		var ino uint64
		if st != nil {
			ino = st.Ino
		}
		files[filepath.ToSlash(rel)] = fileState{data, ino, fi.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// pagesByStatus reads offres.json: each offer's page (by source file) and
// whether it is closed.
func pagesByStatus(t *testing.T, dir string) map[string][2]string {
	t.Helper()
	var entries []struct {
		Source, URL string
		Closed      bool
	}
	if err := json.Unmarshal(mustRead(t, filepath.Join(dir, "offres.json")), &entries); err != nil {
		t.Fatal(err)
	}
	m := map[string][2]string{}
	for _, e := range entries {
		m[e.Source] = [2]string{strings.TrimPrefix(e.URL, "https://emplois.example.org/") + "index.html", fmt.Sprint(e.Closed)}
	}
	return m
}

// TestNextDayRewritesOnlyWhatChanged builds a board, edits a few offers
// (a description, a title, a deadline), removes one and adds one, and
// builds again on the next day. Every file whose bytes are the same keeps
// its inode and time (rsync -a and object-storage syncs skip it); every
// other file, and only those, is in the build's list of changes; offer
// pages change only for offers edited, added, removed, closing that day
// or coming out; and the board is, byte for byte, a cold build of that
// day. With precompression, the twins follow the same rule.
func TestNextDayRewritesOnlyWhatChanged(t *testing.T) {
	for _, precompress := range []bool{false, true} {
		t.Run(fmt.Sprintf("precompress=%v", precompress), func(t *testing.T) {
			root := nightBoard(t, 240)
			if precompress {
				cfg := filepath.Join(root, "config.toml")
				if err := os.WriteFile(cfg, append(mustRead(t, cfg), "precompress = true\n"...), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(t.TempDir(), "public")
			opt := Options{Source: root, Output: out, Now: nightDay.String(), Theme: postes.Theme}
			if _, err := Run(opt); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, out)
			statusBefore := pagesByStatus(t, out)

			edit := func(name, from, to string) {
				p := filepath.Join(root, "content", name)
				data := string(mustRead(t, p))
				if !strings.Contains(data, from) {
					t.Fatalf("%s does not say %q", name, from)
				}
				writeLater(t, p, strings.Replace(data, from, to, 1))
			}
			edit("offre-003.txt", "au service des habitants.", "au service des habitants et des associations.")
			edit("offre-002.txt", "# Chargé de mission 2", "# Chargée de mission 2")
			edit("offre-011.txt", "Date limite de candidature : "+dmy(day(nightDay, 11-40)), "Date limite de candidature : "+dmy(day(nightDay, 45)))
			if err := os.Remove(filepath.Join(root, "content", "offre-013.txt")); err != nil {
				t.Fatal(err)
			}
			added := nightOffer("Électricien du patrimoine", "R-NEW", "Mairie de Dijon", "Dijon", "Technicien", nightDay, day(nightDay, 25), "Entretenir les installations.")
			if err := os.WriteFile(filepath.Join(root, "content", "nouvelle.txt"), []byte(added), 0o644); err != nil {
				t.Fatal(err)
			}

			opt.Now = day(nightDay, 1).String()
			res, err := Run(opt)
			if err != nil {
				t.Fatal(err)
			}
			after := snapshot(t, out)

			var written, removed []string
			for p, a := range after {
				b, ok := before[p]
				switch {
				case !ok || !bytes.Equal(a.data, b.data):
					written = append(written, p)
				case a.ino != b.ino || !a.mtime.Equal(b.mtime):
					t.Errorf("%s: same bytes, but written again", p)
				}
			}
			for p := range before {
				if _, ok := after[p]; !ok {
					removed = append(removed, p)
				}
			}
			changed := append(append([]string(nil), written...), removed...)
			sort.Strings(changed)
			if diff := cmp.Diff(changed, res.Changes); diff != "" {
				t.Errorf("the list of changes is not the files whose bytes changed (-files +list):\n%s", diff)
			}
			if res.Written != len(written) || res.Removed != len(removed) || res.Linked != len(after)-len(written) {
				t.Errorf("counts: %d written, %d reused, %d removed; want %d, %d, %d", res.Written, res.Linked, res.Removed, len(written), len(after)-len(written), len(removed))
			}

			// Offer pages: those of offers edited, added, removed, closing
			// today or coming out, and no other.
			statusAfter := pagesByStatus(t, out)
			want := map[string]bool{}
			for src, a := range statusAfter {
				b, ok := statusBefore[src]
				if !ok || b != a || src == "offre-003.txt" {
					want[a[0]] = true
				}
				if ok && b[0] != a[0] {
					want[b[0]] = true
				}
			}
			for src, b := range statusBefore {
				if _, ok := statusAfter[src]; !ok {
					want[b[0]] = true
				}
			}
			got := map[string]bool{}
			for _, p := range changed {
				if strings.HasPrefix(p, "offres/") && strings.HasSuffix(p, "/index.html") {
					got[p] = true
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("offer pages written (-want +got):\n%s", diff)
			}
			// 3 edited, 1 removed, 1 added, 1 coming out, and those closing
			// today (deadline yesterday, or withdrawn): a handful, not the
			// board.
			if len(got) < 6 || len(got) > 20 {
				t.Errorf("%d offer pages written: %v", len(got), got)
			}
			if !contains(changed, "echeances/index.html") {
				t.Errorf("a new month, but the months page was kept")
			}
			if share := float64(len(written)) / float64(len(after)); share > 0.5 {
				t.Errorf("%.0f %% of the files written", 100*share)
			}
			t.Logf("%d files: %d written, %d removed", len(after), len(written), len(removed))

			cold := filepath.Join(t.TempDir(), "cold")
			copt := opt
			copt.Output = cold
			if _, err := Run(copt); err != nil {
				t.Fatal(err)
			}
			sameTrees(t, out, cold)
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestNothingPrivateIsServed builds a board into a sub-folder of a web
// root, as for a board under a sub-path, twice (the second build reuses
// the first's caches), with a board of postes 0.3 there before, whose
// marker and caches lay in and beside the output. Then it asks a web
// server for every file under the root, hidden ones included: no cache,
// manifest, marker or staging folder is there, and no response carries
// the text, reference, employer or place of an offer scheduled for later
// or of a draft.
func TestNothingPrivateIsServed(t *testing.T) {
	root := nightBoard(t, 60)
	www := t.TempDir()
	out := filepath.Join(www, "emplois")
	old := map[string]string{
		"emplois/index.html":             "ancien tableau",
		"emplois/.postes-build":          "postes\n",
		".emplois.postes-cache.json":     `{"generator":"postes","files":{}}`,
		".emplois.postes-offers.gob":     scheduledMark,
		".emplois.postes-offers.gob.new": scheduledMark,
	}
	for p, data := range old {
		dst := filepath.Join(www, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opt := Options{Source: root, Output: out, Now: nightDay.String(), Theme: postes.Theme}
	for _, now := range []offer.Date{nightDay, day(nightDay, 1)} {
		opt.Now = now.String()
		res, err := Run(opt)
		if err != nil {
			t.Fatal(err)
		}
		if res.Scheduled < 1 || res.Drafts != 1 {
			t.Fatalf("%s: %d scheduled, %d drafts; the board lost its unpublished offers", now, res.Scheduled, res.Drafts)
		}
	}
	// The offers cache holds what must not be served.
	if cache := mustRead(t, filepath.Join(stateOf(t, root, out), offersName)); !bytes.Contains(cache, []byte(scheduledMark)) {
		t.Errorf("the offers cache does not hold the scheduled offer: the test would not see it served")
	}

	srv := httptest.NewServer(http.FileServer(http.Dir(www)))
	defer srv.Close()
	secrets := []string{scheduledMark, scheduledRef, scheduledEmp, "Pouébo", "pouebo", draftMark, draftRef, draftEmp, "Canala", "canala", "fontainier", "jardinier"}
	served := 0
	err := filepath.WalkDir(www, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(www, p)
		rel = filepath.ToSlash(rel)
		if strings.Contains(rel, ".postes") || strings.Contains(rel, "postes-") || strings.Contains(rel, "/.") || strings.HasPrefix(rel, ".") {
			t.Errorf("/%s is served: postes's own", rel)
		}
		resp, err := http.Get(srv.URL + "/" + rel)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			return nil
		}
		served++
		for _, s := range secrets {
			if bytes.Contains(bytes.ToLower(body), bytes.ToLower([]byte(s))) {
				t.Errorf("/%s tells of an unpublished offer: %q", rel, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if served < 100 {
		t.Errorf("only %d files served: the board is not there", served)
	}
	// Where the old caches lay, nothing answers.
	for p := range old {
		if strings.HasPrefix(p, "emplois/index") {
			continue
		}
		resp, err := http.Get(srv.URL + "/" + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("/%s: %s", p, resp.Status)
		}
	}
	if around, _ := os.ReadDir(www); len(around) != 1 {
		t.Errorf("the web root holds %d entries, want the board alone", len(around))
	}
}

// TestRobotsUnderASubPath: crawlers read robots.txt only at the root of
// a host; a board under a sub-path says what the host's must hold, and its
// sitemap lists only addresses under that path.
func TestRobotsUnderASubPath(t *testing.T) {
	for _, tc := range []struct{ base, want string }{
		{"https://emplois.example.org/", "User-agent: *\nAllow: /\n\nSitemap: https://emplois.example.org/sitemap.xml\n"},
		{"https://example.org/emplois/", "# This board lives under /emplois/: crawlers read robots.txt only at the root of\n# the host. Add the Sitemap line below to https://example.org/robots.txt.\nSitemap: https://example.org/emplois/sitemap.xml\n"},
	} {
		out := filepath.Join(t.TempDir(), "public")
		if _, err := Run(Options{Source: copySample(t), Output: out, Now: "2025-08-15", BaseURL: tc.base, Theme: postes.Theme}); err != nil {
			t.Fatal(err)
		}
		if got := string(mustRead(t, filepath.Join(out, "robots.txt"))); got != tc.want {
			t.Errorf("%s: robots.txt\n%s\nwant\n%s", tc.base, got, tc.want)
		}
		sitemap := string(mustRead(t, filepath.Join(out, "sitemap.xml")))
		if n := strings.Count(sitemap, "<loc>"); n == 0 || n != strings.Count(sitemap, "<loc>"+tc.base) {
			t.Errorf("%s: %d addresses, %d under the board's", tc.base, n, strings.Count(sitemap, "<loc>"+tc.base))
		}
	}
}

// TestPiecesAreCutAtTheirBoundaries: a one-shot build takes the entries
// of offres.json and the search index from the last board's files, cut
// where one entry ends; a title that holds what looks like a boundary
// does not cut its entry. The next build finds every piece.
func TestPiecesAreCutAtTheirBoundaries(t *testing.T) {
	root := nightBoard(t, 30)
	tricky := nightOffer(`Agent },{"source": ],["x" polyvalent`, "R-TRICKY", "Mairie de Dijon", "Dijon", "Technicien", nightDay, day(nightDay, 20), `Texte avec },{"source": et ],[" dedans.`)
	if err := os.WriteFile(filepath.Join(root, "content", "tricky.txt"), []byte(tricky), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Source: root, Output: out, Now: nightDay.String(), Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	for name, split := range map[string]func([]byte) [][]byte{"offres.json": splitOffers, "recherche.json": splitSearch} {
		ps := split(mustRead(t, filepath.Join(out, name)))
		if len(ps) != res.Offers {
			t.Errorf("%s: %d pieces, want %d", name, len(ps), res.Offers)
		}
		for _, p := range ps {
			if !json.Valid(p) {
				t.Errorf("%s: a piece is not an entry: %s", name, p)
			}
		}
	}
	st := stateOf(t, root, out)
	o, err := publish.Open(mustResolve(t, out), publish.Options{State: st})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Abort()
	var common uint64
	var saved piecesFile
	if f, err := os.Open(filepath.Join(st, piecesName)); err == nil {
		_ = gob.NewDecoder(f).Decode(&saved)
		f.Close()
		common = saved.Common
	}
	pf := loadPieces(st, common)
	mj, ms := pf.memo(o, "offres.json"), pf.memo(o, "recherche.json")
	if mj == nil || ms == nil || len(mj.json) != res.Offers || len(ms.search) != res.Offers {
		t.Fatalf("the next build finds no pieces of the last board's files")
	}
}

// TestDefaultsChangeEqualsCold: a field an offer takes from its folder's
// defaults is not in its text; changing the defaults changes its page and
// its entries all the same.
func TestDefaultsChangeEqualsCold(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/_defaults.toml": "location = \"Koné\"\n",
		"content/a.txt":          nightOffer("Agent d’accueil", "R-1", "Commune de Koné", "Koné", "Adjoint administratif", day(nightDay, -20), day(nightDay, 20), "Accueillir."),
		"content/b.txt":          strings.Replace(nightOffer("Jardinier", "R-2", "Commune de Koné", "x", "Adjoint technique", day(nightDay, -20), day(nightDay, 20), "Planter."), "Lieu de travail : x\n", "", 1),
	})
	rebuildEqualsCold(t, root, func() {
		writeLater(t, filepath.Join(root, "content", "_defaults.toml"), "location = \"Pouembout\"\n")
	})
}

// TestNightAfterNight builds a board night after night, one offer edited
// each day. Each build writes only what changed, however many builds came
// before: removing the last board unlinks the files it shared with the
// new one, which sets their change time, and that must not make the next
// build take them for files changed by hand (it rewrote the whole board
// every other night).
func TestNightAfterNight(t *testing.T) {
	root := nightBoard(t, 120)
	out := filepath.Join(t.TempDir(), "public")
	opt := Options{Source: root, Output: out, Now: nightDay.String(), Theme: postes.Theme}
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	for night := 1; night <= 4; night++ {
		before := snapshot(t, out)
		p := filepath.Join(root, "content", fmt.Sprintf("offre-%03d.txt", 60+night))
		writeLater(t, p, strings.Replace(string(mustRead(t, p)), "au service des habitants.", fmt.Sprintf("au service des habitants (nuit %d).", night), 1))
		opt.Now = day(nightDay, night).String()
		res, err := Run(opt)
		if err != nil {
			t.Fatal(err)
		}
		after := snapshot(t, out)
		same := 0
		for p, a := range after {
			b, ok := before[p]
			if !ok || !bytes.Equal(a.data, b.data) {
				continue
			}
			same++
			if a.ino != b.ino || !a.mtime.Equal(b.mtime) {
				t.Errorf("night %d: %s: same bytes, but written again", night, p)
			}
		}
		if res.Written != len(after)-same {
			t.Errorf("night %d: %d files written, but %d changed", night, res.Written, len(after)-same)
		}
		t.Logf("night %d: %d of %d files written", night, res.Written, len(after))
	}
}
