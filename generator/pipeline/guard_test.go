package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"postes"
	"postes/generator/publish"
)

// TestOutputHoldingTheSiteIsRefused: a build replaces its output whole, so
// an output that holds the site (or one of its inputs) would delete the
// editor's files, and one inside an input folder would be read back as
// input by the next build.
func TestOutputHoldingTheSiteIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		out  func(root string) string
		want string
	}{
		{"the_site_itself", func(root string) string { return root }, "contains the site"},
		{"inside_content", func(root string) string { return filepath.Join(root, "content", "site") }, "inside the site's content/"},
		{"inside_static", func(root string) string { return filepath.Join(root, "static", "x") }, "inside the site's static/"},
		{"inside_templates", func(root string) string { return filepath.Join(root, "templates", "x") }, "inside the site's templates/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeSite(t, map[string]string{
				"content/bon.txt":      goodOffer,
				"config.toml":          "title = \"Test\"\n",
				"notes.txt":            "the editor's notes",
				"static/CNAME":         "emplois.example.org\n",
				"templates/README.txt": "x",
			})
			// The folder was once a postes board: it holds the marker of
			// postes 0.3, as in the report (a site folder inside a
			// published board).
			if err := os.WriteFile(filepath.Join(root, publish.LegacyMarker), []byte("postes\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			out := tc.out(root)
			_, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want a refusal saying %q", err, tc.want)
			}
			for _, p := range []string{"content/bon.txt", "config.toml", "notes.txt", "static/CNAME"} {
				if _, err := os.Stat(filepath.Join(root, p)); err != nil {
					t.Errorf("the site lost %s: %v", p, err)
				}
			}
			if _, err := os.Stat(filepath.Join(root, "content", "site", "index.html")); err == nil {
				t.Errorf("a board was written inside content/")
			}
		})
	}
}

// TestOutputAboveTheSiteIsRefused: a site folder inside a board made by
// postes, built into that board, would be deleted with the old board.
func TestOutputAboveTheSiteIsRefused(t *testing.T) {
	board := filepath.Join(t.TempDir(), "board")
	first := writeSite(t, map[string]string{"content/bon.txt": goodOffer})
	if _, err := Run(Options{Source: first, Output: board, Now: "2025-03-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(board, "site")
	for p, data := range map[string]string{"content/bon.txt": goodOffer, "config.toml": "title = \"T\"\n"} {
		dst := filepath.Join(site, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Run(Options{Source: site, Output: board, Now: "2025-03-15", Theme: postes.Theme})
	if err == nil || !strings.Contains(err.Error(), "contains the site") {
		t.Errorf("err = %v, want a refusal", err)
	}
	if _, err := os.Stat(filepath.Join(site, "content", "bon.txt")); err != nil {
		t.Errorf("the site inside the output was deleted: %v", err)
	}
}

// TestOutputContainingALinkedContentFolderIsRefused: content/ may be a
// link to a folder elsewhere; an output holding that folder is refused too.
func TestOutputContainingALinkedContentFolderIsRefused(t *testing.T) {
	shared := t.TempDir()
	if err := os.WriteFile(filepath.Join(shared, "bon.txt"), []byte(goodOffer), 0o644); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if err := os.Symlink(shared, filepath.Join(root, "content")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shared, publish.LegacyMarker), []byte("postes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(Options{Source: root, Output: shared, Now: "2025-03-15", Theme: postes.Theme})
	if err == nil || !strings.Contains(err.Error(), "contains the site's content/") {
		t.Errorf("err = %v, want a refusal naming content/", err)
	}
	if _, err := os.Stat(filepath.Join(shared, "bon.txt")); err != nil {
		t.Errorf("the linked content folder was replaced: %v", err)
	}
}

// TestSymlinkedOutputPublishesIntoItsTarget: an output that is a symbolic
// link stays a link; the board is swapped in at its target, staged beside
// the target.
func TestSymlinkedOutputPublishesIntoItsTarget(t *testing.T) {
	root := writeSite(t, map[string]string{"content/bon.txt": goodOffer})
	srv := filepath.Join(t.TempDir(), "srv")
	if err := os.MkdirAll(filepath.Join(srv, "emplois"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "public")
	if err := os.Symlink(filepath.Join(srv, "emplois"), link); err != nil {
		t.Fatal(err)
	}
	opt := Options{Source: root, Output: link, Now: "2025-03-15", Theme: postes.Theme}
	for i, title := range []string{"Agent d’accueil", "Agent d’accueil et d’état civil"} {
		if err := os.WriteFile(filepath.Join(root, "content", "bon.txt"), []byte(strings.Replace(goodOffer, "Agent d’accueil", title, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Run(opt); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		st, err := os.Lstat(link)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("build %d: the output link was replaced by a folder (%v)", i+1, err)
		}
		home, err := os.ReadFile(filepath.Join(srv, "emplois", "index.html"))
		if err != nil {
			t.Fatalf("build %d: the link's target holds no board: %v", i+1, err)
		}
		if !strings.Contains(string(home), title+"</a>") {
			t.Errorf("build %d: the target holds a stale board", i+1)
		}
	}
	for _, dir := range []string{filepath.Dir(link), srv} {
		left, _ := filepath.Glob(filepath.Join(dir, ".*postes-tmp*"))
		if len(left) > 0 {
			t.Errorf("staging folders left: %v", left)
		}
	}
	target := mustResolve(t, filepath.Join(srv, "emplois"))
	if got := publish.RecordedOutput(stateOf(t, root, link)); got != target {
		t.Errorf("the state records %q, want the link's target %s", got, target)
	}
	if around, _ := os.ReadDir(srv); len(around) != 1 {
		t.Errorf("beside the target: %v", around)
	}
}

// TestAbsoluteOutputInConfigStaysAbsolute: output = "/srv/emplois" in
// config.toml is that folder, not one under the site root.
func TestAbsoluteOutputInConfigStaysAbsolute(t *testing.T) {
	out := filepath.Join(t.TempDir(), "srv", "emplois")
	root := writeSite(t, map[string]string{
		"content/bon.txt": goodOffer,
		"config.toml":     "output = \"" + filepath.ToSlash(out) + "\"\n",
	})
	res, err := Run(Options{Source: root, Now: "2025-03-15", Theme: postes.Theme})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("nothing built at %s (built at %s): %v", out, res.Output, err)
	}
}

// TestEmptyContentDoesNotReplaceABoard: a content folder emptied by
// mistake, or one where every file failed, would publish an empty board
// over a good one.
func TestEmptyContentDoesNotReplaceABoard(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
	}{
		{"empty", map[string]string{}},
		{"every_file_broken", map[string]string{"content/bon.txt": "# Un titre sans employeur\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := writeSite(t, map[string]string{"content/bon.txt": goodOffer})
			out := filepath.Join(t.TempDir(), "public")
			opt := Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme}
			if _, err := Run(opt); err != nil {
				t.Fatal(err)
			}
			before := readTree(t, out)
			if err := os.RemoveAll(filepath.Join(root, "content")); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
				t.Fatal(err)
			}
			for p, data := range tc.files {
				if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(p)), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Run(opt)
			if err == nil || !strings.Contains(err.Error(), "--allow-empty") {
				t.Errorf("err = %v, want a refusal naming --allow-empty", err)
			}
			after := readTree(t, out)
			if len(after) != len(before) {
				t.Errorf("the board was replaced: %d files, was %d", len(after), len(before))
			}
			// Asked for, the empty board is published.
			opt.AllowEmpty = true
			if _, err := Run(opt); err != nil {
				t.Fatalf("--allow-empty: %v", err)
			}
			if pages, _ := filepath.Glob(filepath.Join(out, "offres", "*")); len(pages) > 0 {
				t.Errorf("--allow-empty kept offer pages: %v", pages)
			}
		})
	}
}

// TestFirstEmptyBoardIsBuilt: a new site with no offer yet builds.
func TestFirstEmptyBoardIsBuilt(t *testing.T) {
	root := writeSite(t, map[string]string{"config.toml": "title = \"T\"\n"})
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}
