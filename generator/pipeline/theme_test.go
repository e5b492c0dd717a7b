package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"postes"
)

// TestStaticIsCopiedWhole: static/ is published at any depth, with the
// files hosts read (CNAME, _headers, .well-known/…); other hidden files
// are left out.
func TestStaticIsCopiedWhole(t *testing.T) {
	root := writeSite(t, map[string]string{
		"config.toml":                       "base_url = \"https://emplois.example.org/\"\n",
		"content/bon.txt":                   goodOffer,
		"static/CNAME":                      "emplois.example.org\n",
		"static/_headers":                   "/*\n  X-Frame-Options: DENY\n",
		"static/_redirects":                 "/ancien /nouveau 301\n",
		"static/.well-known/security.txt":   "Contact: mailto:dsi@example.org\n",
		"static/docs/guides/2025/guide.txt": "un guide\n",
		"static/docs/a/b/c/d/e.txt":         "profond\n",
		"static/.env":                       "SECRET=1\n",
		"static/docs/.brouillon.txt":        "x\n",
		"static/.git/config":                "[core]\n",
	})
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diags) > 0 {
		t.Errorf("diagnostics: %v", res.Diags)
	}
	files := readTree(t, out)
	for _, p := range []string{"CNAME", "_headers", "_redirects", ".well-known/security.txt", "docs/guides/2025/guide.txt", "docs/a/b/c/d/e.txt"} {
		if _, ok := files[p]; !ok {
			t.Errorf("%s was not published", p)
		}
	}
	for _, p := range []string{".env", "docs/.brouillon.txt", ".git/config"} {
		if _, ok := files[p]; ok {
			t.Errorf("hidden file %s was published", p)
		}
	}
}

// TestStaticFileWhereTheBoardHasAPage: a file of static/ at the path of
// a page or file postes makes is left out with a warning naming it; the
// board is published (the build failed on "two pages want the same file
// index.html", without saying that one was the publisher's).
func TestStaticFileWhereTheBoardHasAPage(t *testing.T) {
	root := writeSite(t, map[string]string{
		"config.toml":        "base_url = \"https://emplois.example.org/\"\n",
		"content/bon.txt":    goodOffer,
		"static/index.html":  "<p>mon accueil</p>\n",
		"static/offres.json": "[]\n",
		"static/logo.txt":    "logo\n",
	})
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	warned := map[string]bool{}
	for _, d := range res.Diags {
		if strings.Contains(d.Msg, "is not published") {
			warned[d.Pos.Path] = true
		}
	}
	if !warned["static/index.html"] || !warned["static/offres.json"] || len(warned) != 2 {
		t.Errorf("warnings for %v, want static/index.html and static/offres.json", warned)
	}
	files := readTree(t, out)
	if strings.Contains(string(files["index.html"]), "mon accueil") || string(files["offres.json"]) == "[]\n" {
		t.Errorf("the publisher's file replaced the board's")
	}
	if _, ok := files["logo.txt"]; !ok {
		t.Errorf("the rest of static/ was not published")
	}

	// --strict publishes nothing with these warnings either.
	strict := filepath.Join(t.TempDir(), "strict")
	if _, err := Run(Options{Source: root, Output: strict, Now: "2025-03-15", Theme: postes.Theme, Strict: true}); !errors.Is(err, ErrStrict) {
		t.Errorf("--strict with warnings about static/: %v, want ErrStrict", err)
	}
	if _, err := os.Stat(strict); err == nil {
		t.Errorf("--strict published a board")
	}
}

// TestThemeLinksOutOfTheSiteAreRefused: static/ and templates/ follow
// content/'s rule: a link that leaves the site is an error and is not
// read; a link inside the site is fine.
func TestThemeLinksOutOfTheSiteAreRefused(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "shadow")
	if err := os.WriteFile(secret, []byte("root:$6$secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	root := writeSite(t, map[string]string{
		"content/bon.txt": goodOffer,
		"shared/logo.txt": "logo\n",
	})
	for link, target := range map[string]string{
		"static/shadow.txt":   secret,
		"static/logo.txt":     filepath.Join(root, "shared", "logo.txt"),
		"templates/home.html": secret,
	} {
		p := filepath.Join(root, filepath.FromSlash(link))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	for p, data := range files {
		if strings.Contains(string(data), "$6$secret") {
			t.Errorf("%s publishes a file from outside the site", p)
		}
	}
	if _, ok := files["logo.txt"]; !ok {
		t.Errorf("a link inside the site was not followed")
	}
	msgs := res.Diags.Error()
	for _, want := range []string{"static/shadow.txt: symbolic link points outside the site", "templates/home.html: symbolic link points outside the site"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, msgs)
		}
	}
}

// TestPipesNeverHang: a named pipe where postes expects a file (an offer,
// a theme file, the configuration, a link to one) is an error naming it,
// never a read that waits for a writer.
func TestPipesNeverHang(t *testing.T) {
	for _, tc := range []struct {
		name, fifo, link string
		check            bool // postes check rather than build
		want             string
	}{
		{"content", "content/pipe.txt", "", false, "content/pipe.txt: named pipe"},
		{"content_link", "content/donnees/pipe", "content/lien.txt", false, "content/lien.txt: named pipe"},
		{"content_check", "content/pipe.txt", "", true, "content/pipe.txt: named pipe"},
		{"static", "static/pipe.css", "", false, "static/pipe.css: named pipe"},
		{"templates", "templates/offer.html", "", false, "templates/offer.html: named pipe"},
		{"config", "config.toml", "", false, "config.toml: named pipe"},
		{"config_check", "config.toml", "", true, "config.toml: named pipe"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeSite(t, map[string]string{"content/bon.txt": goodOffer})
			fifo := filepath.Join(root, filepath.FromSlash(tc.fifo))
			if err := os.MkdirAll(filepath.Dir(fifo), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(fifo, 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			if tc.link != "" {
				if err := os.Symlink(fifo, filepath.Join(root, filepath.FromSlash(tc.link))); err != nil {
					t.Fatal(err)
				}
			}
			opt := Options{Source: root, Output: filepath.Join(t.TempDir(), "public"), Now: "2025-03-15", Theme: postes.Theme}
			done := make(chan string, 1)
			go func() {
				var res *Result
				var err error
				if tc.check {
					res, _, err = Check(opt)
				} else {
					res, err = Run(opt)
				}
				msg := ""
				if err != nil {
					msg = err.Error()
				}
				if res != nil {
					msg += "\n" + res.Diags.Error()
				}
				done <- msg
			}()
			select {
			case msg := <-done:
				if !strings.Contains(msg, tc.want) {
					t.Errorf("got %q, want %q", msg, tc.want)
				}
			case <-time.After(20 * time.Second):
				// Unblock the reader so the test binary can finish.
				if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
					f.Close()
				}
				t.Fatalf("%s hangs on a named pipe", map[bool]string{true: "check", false: "build"}[tc.check])
			}
		})
	}
}

// TestDeadlineHour: a deadline that names an hour ("à 12h00") keeps it:
// the offer's page says it in its facts and apply box, offres.json gives
// it as deadline_time, and the page's JobPosting ends then, not at the
// end of the day. The offer stays open through its day.
func TestDeadlineHour(t *testing.T) {
	root := writeSite(t, map[string]string{
		"config.toml":      "base_url = \"https://emplois.example.org/\"\ntime_zone = \"Pacific/Noumea\"\n",
		"content/midi.txt": strings.Replace(goodOffer, "Date limite de candidature : 31/03/2025", "Date limite de candidature : le 31 mars 2025 à 12h00", 1),
	})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Source: root, Output: out, Now: "2025-03-31", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	page := string(files["offres/agent-d-accueil/index.html"])
	for _, want := range []string{"lundi 31 mars 2025 à 12\u00a0h", "Candidatures jusqu’au lundi 31 mars 2025 à 12\u00a0h (heure de", `"validThrough":"2025-03-31T12:00:00+11:00"`, `class="status open"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the offer's page lacks %q", want)
		}
	}
	if !strings.Contains(string(files["offres.json"]), `"deadline":"2025-03-31","deadline_time":"12:00"`) {
		t.Errorf("offres.json: %s", files["offres.json"])
	}
	if !strings.Contains(string(files["echeances.ics"]), "SUMMARY:Date limite à 12\u00a0h : Agent d’accueil") {
		t.Errorf("the calendar does not say the hour:\n%s", files["echeances.ics"])
	}

	// Only the hour changes: every file that says it is made again, as
	// a cold build would.
	p := filepath.Join(root, "content", "midi.txt")
	writeLater(t, p, strings.Replace(string(mustRead(t, p)), "à 12h00", "à 17 h 30", 1))
	if _, err := Run(Options{Source: root, Output: out, Now: "2025-03-31", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	cold := filepath.Join(t.TempDir(), "cold")
	if _, err := Run(Options{Source: root, Output: cold, Now: "2025-03-31", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, out, cold)
}
