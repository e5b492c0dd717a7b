package main

import (
	"bufio"
	"context"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"postes"
	"postes/generator/pipeline"
)

const serveOffer = `# Agent d’accueil

Employeur : Commune de Test
Lieu de travail : %s
Date de dépôt de l’offre : 01/03/2025
Date limite de candidature : 31/03/2025

# Missions

- Accueillir le public.

Candidatures à accueil@test.example.
`

func writeOffer(t *testing.T, path, location string, employer bool) {
	t.Helper()
	text := strings.Replace(serveOffer, "%s", location, 1)
	if !employer {
		text = strings.Replace(text, "Employeur : Commune de Test\n", "", 1)
	}
	save(t, path, text)
}

// save writes a file as editors do: a temporary file, then renamed over.
func save(t *testing.T, path, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), ".tmp-save")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

// session is a serve running on a site folder, with its event stream.
type session struct {
	t      *testing.T
	root   string
	base   string
	events chan string
	cancel context.CancelFunc
	done   chan error
	srv    *server
}

// startServe runs serve on root until the test ends, listens to its event
// stream and waits for it to serve. cfg's addr, output and ready are set
// here; its limits are the test's.
func startServe(t *testing.T, root string, cfg serveConfig) *session {
	t.Helper()
	s := startServeQuiet(t, root, cfg)
	resp, err := http.Get(s.base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				s.events <- ev + " " + strings.TrimPrefix(line, "data: ")
			}
		}
		close(s.events)
	}()
	return s
}

// startServeQuiet is startServe without the event stream.
func startServeQuiet(t *testing.T, root string, cfg serveConfig) *session {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &session{t: t, root: root, events: make(chan string, 64), cancel: cancel, done: make(chan error, 1)}
	ready := make(chan *server, 1)
	if cfg.addr == "" {
		cfg.addr = "127.0.0.1:0"
	}
	cfg.stdout, cfg.stderr = io.Discard, io.Discard
	cfg.ready = func(srv *server) { ready <- srv }
	go func() {
		s.done <- serve(ctx, pipeline.Options{Source: root, Now: "2025-03-15", Theme: postes.Theme}, cfg)
	}()
	select {
	case srv := <-ready:
		s.srv = srv
		s.base = "http://" + srv.addr
	case err := <-s.done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// wait returns the next event of the given kind ("reload", "problems").
func (s *session) wait(kind string) string {
	s.t.Helper()
	for {
		select {
		case e, ok := <-s.events:
			if !ok {
				s.t.Fatalf("event stream closed while waiting for %q", kind)
			}
			if strings.HasPrefix(e, kind+" ") {
				return e
			}
		case <-time.After(10 * time.Second):
			s.t.Fatalf("no %q event", kind)
		}
	}
}

// stop cancels serve and fails the test if it does not stop in time.
func (s *session) stop() {
	s.t.Helper()
	s.cancel()
	select {
	case err, ok := <-s.done:
		if !ok {
			return // stopped already
		}
		if err != nil {
			s.t.Errorf("serve: %v", err)
		}
		close(s.done)
	case <-time.After(10 * time.Second):
		s.t.Fatal("serve did not stop")
	}
}

func (s *session) get(p string) (int, string) {
	s.t.Helper()
	return get(s.t, s.base+p)
}

// TestServeReloadsAndKeepsLastGoodBoard drives the editor's loop end to
// end: edit, see the reload event and the new page; break the file, see the
// problem while the old page is still served; fix it, see it recover.
func TestServeReloadsAndKeepsLastGoodBoard(t *testing.T) {
	root := t.TempDir()
	offerPath := filepath.Join(root, "content", "accueil.txt")
	if err := os.MkdirAll(filepath.Dir(offerPath), 0o755); err != nil {
		t.Fatal(err)
	}
	writeOffer(t, offerPath, "Premièreville", true)
	s := startServe(t, root, serveConfig{})
	const page = "/offres/agent-d-accueil/"
	code, body := s.get(page)
	if code != 200 || !strings.Contains(body, "Premièreville") || !strings.Contains(body, eventsPath) {
		t.Fatalf("first page: %d, has content %v, has reload script %v", code, strings.Contains(body, "Premièreville"), strings.Contains(body, eventsPath))
	}

	writeOffer(t, offerPath, "Deuxièmeville", true)
	s.wait("reload")
	if _, body := s.get(page); !strings.Contains(body, "Deuxièmeville") {
		t.Errorf("after the edit the page does not show it")
	}

	// A file with an error keeps its last good version, and its page
	// says why, in the board's language (French by default).
	writeOffer(t, offerPath, "Troisièmeville", false)
	s.wait("reload")
	code, body = s.get(page)
	if code != 200 || !strings.Contains(body, "Deuxièmeville") {
		t.Errorf("the last good page is no longer served (%d)", code)
	}
	for _, want := range []string{"content/accueil.txt:1: erreur : pas d’employeur", "version précédente affichée", `id="postes-file"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page's panel does not say %q", want)
		}
	}

	writeOffer(t, offerPath, "Quatrièmeville", true)
	s.wait("reload")
	if _, body := s.get(page); !strings.Contains(body, "Quatrièmeville") || strings.Contains(body, "pas d’employeur") {
		t.Errorf("after the fix the page does not show it, or still shows the error")
	}
}

// titled saves serveOffer under another title, for another address.
func titled(t *testing.T, path, title, location string) {
	t.Helper()
	save(t, path, strings.Replace(strings.Replace(serveOffer, "%s", location, 1), "Agent d’accueil", title, 1))
}

// served reports which offer pages are served and which offers
// offres.json lists, by address.
func (s *session) served(slugs ...string) (pages, listed map[string]bool) {
	s.t.Helper()
	pages, listed = map[string]bool{}, map[string]bool{}
	_, list := s.get("/offres.json")
	for _, slug := range slugs {
		code, _ := s.get("/offres/" + slug + "/")
		pages[slug] = code == 200
		listed[slug] = strings.Contains(list, "/offres/"+slug+"/")
	}
	return pages, listed
}

// TestServeFollowsDeletionsAndAdditions deletes an offer, edits another,
// adds one, edits another again: every step is published, and each board
// holds exactly the offers on disk. serve once kept the listing it had
// patched for one rebuild only: after a deletion every later edit failed
// on the deleted file, and after an addition the next edit dropped it.
func TestServeFollowsDeletionsAndAdditions(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	titled(t, filepath.Join(dir, "juriste.txt"), "Juriste", "Jurisville")
	titled(t, filepath.Join(dir, "jardinier.txt"), "Jardinier", "Jardinville")
	s := startServe(t, root, serveConfig{})
	check := func(step string, want map[string]bool, location string) {
		t.Helper()
		var slugs []string
		for slug := range want {
			slugs = append(slugs, slug)
		}
		pages, listed := s.served(slugs...)
		for slug, on := range want {
			if pages[slug] != on || listed[slug] != on {
				t.Errorf("%s: offres/%s/ served %v, in offres.json %v; want %v", step, slug, pages[slug], listed[slug], on)
			}
		}
		if location != "" {
			if _, body := s.get("/offres/jardinier/"); !strings.Contains(body, location) {
				t.Errorf("%s: the edited page does not show %q", step, location)
			}
		}
	}
	check("start", map[string]bool{"juriste": true, "jardinier": true, "secretaire": false}, "Jardinville")

	if err := os.Remove(filepath.Join(dir, "juriste.txt")); err != nil {
		t.Fatal(err)
	}
	s.wait("reload")
	check("after a deletion", map[string]bool{"juriste": false, "jardinier": true}, "")

	titled(t, filepath.Join(dir, "jardinier.txt"), "Jardinier", "Deuxièmeville")
	s.wait("reload")
	check("edit after a deletion", map[string]bool{"juriste": false, "jardinier": true}, "Deuxièmeville")

	titled(t, filepath.Join(dir, "secretaire.txt"), "Secrétaire", "Secrétville")
	s.wait("reload")
	check("after an addition", map[string]bool{"secretaire": true, "jardinier": true}, "Deuxièmeville")

	titled(t, filepath.Join(dir, "jardinier.txt"), "Jardinier", "Troisièmeville")
	s.wait("reload")
	check("edit after an addition", map[string]bool{"juriste": false, "secretaire": true, "jardinier": true}, "Troisièmeville")
}

func TestBuildOutputHasNoReloadScript(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr strings.Builder
	if err := run([]string{"build", "--source", "../..", "--output", out, "--now", "2025-04-01"}, &stdout, &stderr); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr.String())
	}
	data, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), eventsPath) {
		t.Errorf("build output carries the live-reload script")
	}
	if !strings.Contains(stdout.String(), "offres publiées") {
		t.Errorf("no summary line: %q", stdout.String())
	}
}

// TestServeUnpublishedRebuildChangesNothing breaks a rebuild after it has
// rendered some pages (a theme whose home page fails on one offer): the
// pages served must be the last good board's, and the next good rebuild
// must be complete, removing an offer deleted meanwhile.
func TestServeUnpublishedRebuildChangesNothing(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(filepath.Join(root, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	home, err := fs.ReadFile(postes.Theme, "templates/home.html")
	if err != nil {
		t.Fatal(err)
	}
	// index out of range: the home page fails while Boum is listed.
	broken := strings.Replace(string(home), `{{define "main" -}}`,
		`{{define "main" -}}{{range .Board.Offers}}{{if eq .Offer.Location "Boum"}}{{index .Offer.Grades 99}}{{end}}{{end}}`, 1)
	if err := os.WriteFile(filepath.Join(root, "templates", "home.html"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	titled(t, filepath.Join(dir, "juriste.txt"), "Juriste", "Jurisville")
	titled(t, filepath.Join(dir, "jardinier.txt"), "Jardinier", "Jardinville")
	s := startServe(t, root, serveConfig{})

	titled(t, filepath.Join(dir, "jardinier.txt"), "Jardinier", "Boum")
	if e := s.wait("problems"); !strings.Contains(e, "index") {
		t.Errorf("problem event does not say why: %s", e)
	}
	if _, body := s.get("/offres/jardinier/"); strings.Contains(body, "Boum") || !strings.Contains(body, "Jardinville") {
		t.Errorf("a rebuild that was not published changed the served page")
	}
	if _, list := s.get("/offres.json"); strings.Contains(list, "Boum") {
		t.Errorf("a rebuild that was not published changed offres.json")
	}

	if err := os.Remove(filepath.Join(dir, "juriste.txt")); err != nil {
		t.Fatal(err)
	}
	s.wait("problems")
	if code, _ := s.get("/offres/juriste/"); code != 200 {
		t.Errorf("a rebuild that was not published removed a page (%d)", code)
	}
	titled(t, filepath.Join(dir, "jardinier.txt"), "Jardinier", "Troisièmeville")
	s.wait("reload")
	if _, body := s.get("/offres/jardinier/"); !strings.Contains(body, "Troisièmeville") {
		t.Errorf("the good rebuild did not publish the edit")
	}
	if code, _ := s.get("/offres/juriste/"); code != 404 {
		t.Errorf("the offer deleted while rebuilds failed is still served (%d)", code)
	}
	if _, list := s.get("/offres.json"); strings.Contains(list, "juriste") {
		t.Errorf("the offer deleted while rebuilds failed is still in offres.json")
	}
}

// TestServeWatchesOnlyInputs: folders a concurrent build makes in the
// site root (its output, its staging folder), other folders there and
// hidden folders of content/ are not watched; new folders of content/
// are.
func TestServeWatchesOnlyInputs(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeOffer(t, filepath.Join(dir, "accueil.txt"), "Premièreville", true)
	s := startServe(t, root, serveConfig{})
	for _, d := range []string{
		"public/offres/a", "public/employeurs/b",
		".public.postes-tmp-123/offres/a", ".public.postes-tmp-123/offres/b",
		"notes/2025/mars", "content/.git/objects/aa", "content/nouveau/sous",
	} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeOffer(t, filepath.Join(dir, "nouveau", "sous", "jardinier.txt"), "Jardinville", true)
	// Events come in order: once this edit is seen, so were the folders.
	writeOffer(t, filepath.Join(dir, "accueil.txt"), "Deuxièmeville", true)
	s.wait("reload")
	watched := map[string]bool{}
	for _, p := range s.srv.w.WatchList() {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			t.Fatal(err)
		}
		watched[filepath.ToSlash(rel)] = true
	}
	for p := range watched {
		if p != "." && p != "content" && !strings.HasPrefix(p, "content/") || strings.Contains(p, "/.") {
			t.Errorf("watches %s, which is no input", p)
		}
	}
	for _, p := range []string{".", "content", "content/nouveau", "content/nouveau/sous"} {
		if !watched[p] {
			t.Errorf("does not watch %s", p)
		}
	}
}

// TestServePublishesOtherEditsWhileAFileIsBroken: one broken file does not
// hold the board back. Its last good page stays, marked; an edit to
// another offer is published; every page lists the board's problems, each
// linking to its offer.
func TestServePublishesOtherEditsWhileAFileIsBroken(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	titled(t, filepath.Join(dir, "juriste.txt"), "Juriste", "Koné")
	titled(t, filepath.Join(dir, "jardinier.txt"), "Jardinier", "Koné")
	s := startServe(t, root, serveConfig{})

	save(t, filepath.Join(dir, "juriste.txt"), strings.Replace(strings.Replace(serveOffer, "%s", "Koné", 1), "Employeur : Commune de Test\n", "", 1))
	s.wait("reload")
	titled(t, filepath.Join(dir, "jardinier.txt"), "Jardinier", "Poum")
	s.wait("reload")
	if _, body := s.get("/offres/jardinier/"); !strings.Contains(body, "Poum") {
		t.Errorf("an edit to another offer was not published while a file is broken")
	}
	_, body := s.get("/offres/juriste/")
	if !strings.Contains(body, "Agent d’accueil") && !strings.Contains(body, "Juriste") {
		t.Errorf("the broken offer's last good page is not served")
	}
	for _, want := range []string{`id="postes-file"`, "content/juriste.txt:1: erreur : pas d’employeur", "version précédente affichée"} {
		if !strings.Contains(body, want) {
			t.Errorf("the broken offer's page does not say %q", want)
		}
	}
	_, home := s.get("/")
	if strings.Contains(home, `id="postes-file"`) || !strings.Contains(home, `id="postes-board"`) ||
		!strings.Contains(home, `<a href="/offres/juriste/">content/juriste.txt:1: erreur : pas d’employeur`) {
		t.Errorf("the home page does not list the board's problems with a link to the offer")
	}
	// build never writes the panel.
	if strings.Contains(string(mustReadFile(t, filepath.Join(s.srv.opt.Output, "offres", "juriste", "index.html"))), "postes-panel") {
		t.Errorf("the panel was written to the board")
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
