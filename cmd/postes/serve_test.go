package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"postes"
	"postes/generator/build"
)

const serveOffer = `# Agent d’accueil

Employeur : Commune de Test
Lieu de travail : %s
Date de dépôt de l’offre : 01/03/2025
Date limite de candidature : 31/03/2025

# Missions

- Accueillir le public.
`

func writeOffer(t *testing.T, path, location string, employer bool) {
	t.Helper()
	text := strings.Replace(serveOffer, "%s", location, 1)
	if !employer {
		text = strings.Replace(text, "Employeur : Commune de Test\n", "", 1)
	}
	// Save as editors do: write a temporary file, then rename it over.
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

	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, build.Options{Source: root, Now: "2025-03-15", Theme: postes.Theme}, "127.0.0.1:0",
			io.Discard, io.Discard, func(a string) { addrc <- a })
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	page := base + "/offres/agent-d-accueil/"
	code, body := get(t, page)
	if code != 200 || !strings.Contains(body, "Premièreville") || !strings.Contains(body, eventsPath) {
		t.Fatalf("first page: %d, has content %v, has reload script %v", code, strings.Contains(body, "Premièreville"), strings.Contains(body, eventsPath))
	}

	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		var ev string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				events <- ev + " " + strings.TrimPrefix(line, "data: ")
			}
		}
		close(events)
	}()
	wait := func(kind string) string {
		t.Helper()
		for {
			select {
			case e, ok := <-events:
				if !ok {
					t.Fatalf("event stream closed while waiting for %q", kind)
				}
				if strings.HasPrefix(e, kind+" ") {
					return e
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("no %q event", kind)
			}
		}
	}

	writeOffer(t, offerPath, "Deuxièmeville", true)
	wait("reload")
	if _, body := get(t, page); !strings.Contains(body, "Deuxièmeville") {
		t.Errorf("after the edit the page does not show it")
	}

	writeOffer(t, offerPath, "Troisièmeville", false)
	if e := wait("problems"); !strings.Contains(e, "content/accueil.txt:1: no employer") {
		t.Errorf("problem event does not name the file and line: %s", e)
	}
	if code, body := get(t, page); code != 200 || !strings.Contains(body, "Deuxièmeville") {
		t.Errorf("the last good page is no longer served (%d)", code)
	}

	writeOffer(t, offerPath, "Quatrièmeville", true)
	wait("reload")
	if _, body := get(t, page); !strings.Contains(body, "Quatrièmeville") {
		t.Errorf("after the fix the page does not show it")
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
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
	if !strings.Contains(stdout.String(), "offers published") {
		t.Errorf("no summary line: %q", stdout.String())
	}
}
