package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"postes"
	"postes/generator/publish"
)

// TestStateLivesInTheSite: a build keeps what it remembers in the site's
// .postes/, one folder per output, which names its output; the state of
// an output that is gone is dropped by the next build.
func TestStateLivesInTheSite(t *testing.T) {
	root := writeSite(t, map[string]string{"content/bon.txt": goodOffer})
	a := filepath.Join(t.TempDir(), "a")
	b := filepath.Join(t.TempDir(), "b")
	for _, out := range []string{a, b} {
		if _, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme}); err != nil {
			t.Fatal(err)
		}
		st := stateOf(t, root, out)
		if !strings.HasPrefix(st, filepath.Join(root, StateFolder)+string(filepath.Separator)) {
			t.Errorf("state of %s at %s, want it in the site's %s", out, st, StateFolder)
		}
		if got := publish.RecordedOutput(st); got != mustResolve(t, out) {
			t.Errorf("the state of %s records %q", out, got)
		}
		if _, err := os.Stat(filepath.Join(st, offersName)); err != nil {
			t.Errorf("no offers cache: %v", err)
		}
	}
	if err := os.RemoveAll(a); err != nil {
		t.Fatal(err)
	}
	stA := stateOf(t, root, a)
	if _, err := Run(Options{Source: root, Output: b, Now: "2025-03-16", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stA); !os.IsNotExist(err) {
		t.Errorf("the state of a removed output is kept: %v", err)
	}
	if _, err := os.Stat(stateOf(t, root, b)); err != nil {
		t.Errorf("the state of the output built was dropped: %v", err)
	}
}

// TestStateOfASiteThatCannotBeWritten: where .postes/ cannot be made,
// the state goes to the user's cache folder, and rebuilds still reuse.
func TestStateOfASiteThatCannotBeWritten(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := writeSite(t, map[string]string{"content/bon.txt": goodOffer, StateFolder: "not a folder"})
	out := filepath.Join(t.TempDir(), "public")
	opt := Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme}
	for i := 0; i < 2; i++ {
		res, err := Run(opt)
		if err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		if i == 1 && res.Written != 0 {
			t.Errorf("the rebuild wrote %d files: nothing was remembered", res.Written)
		}
	}
	st := stateOf(t, root, out)
	if !strings.HasPrefix(st, os.Getenv("XDG_CACHE_HOME")) {
		t.Errorf("state at %s, want it in the user's cache folder", st)
	}
}

// TestOutputInsideTheStateIsRefused: the state holds unpublished offers;
// a board built into it would publish them with it.
func TestOutputInsideTheStateIsRefused(t *testing.T) {
	root := writeSite(t, map[string]string{"content/bon.txt": goodOffer})
	_, err := Run(Options{Source: root, Output: filepath.Join(root, StateFolder, "public"), Now: "2025-03-15", Theme: postes.Theme})
	if err == nil || !strings.Contains(err.Error(), "inside the site's .postes/") {
		t.Errorf("err = %v, want a refusal", err)
	}
}
