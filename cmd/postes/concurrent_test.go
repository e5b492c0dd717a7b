package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"postes/generator/publish"
)

// writeBoard writes n offers under root/content.
func writeBoard(t *testing.T, root string, n int) {
	t.Helper()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("# Poste numéro %d\n\nRéférence : K-%d\nEmployeur : Commune %d\nDate de dépôt de l’offre : 01/03/2025\nDate limite de candidature : 31/03/2025\n\n# Missions\n\n%s\n",
			i, i, i%20, strings.Repeat("Une phrase de description assez longue pour peser. ", 20))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestConcurrentBuildsPublishWholeBoards runs several real builds of one
// site into one output at once, as a cron job meeting a manual build
// does: each must publish a whole board or wait its turn, and none may
// delete another's work.
func TestConcurrentBuildsPublishWholeBoards(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a dozen builds of a few hundred offers")
	}
	root := t.TempDir()
	const n = 500
	writeBoard(t, root, n)
	out := filepath.Join(root, "public")
	for round := 0; round < 3; round++ {
		var wg sync.WaitGroup
		errs := make([]string, 3)
		for i := range errs {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				// Each build its own day: every page differs from the last
				// build's, so every build writes the whole board.
				now := fmt.Sprintf("2025-03-%02d", 1+round*3+i)
				if b, err := postesCmd(t, "build", "--source", root, "--output", out, "--now", now).CombinedOutput(); err != nil {
					errs[i] = fmt.Sprintf("build --now %s: %v\n%s", now, err, b)
				}
			}(i)
		}
		wg.Wait()
		for _, e := range errs {
			if e != "" {
				t.Errorf("round %d: %s", round, e)
			}
		}
		if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
			t.Errorf("round %d: the board has no home page: %v", round, err)
		}
		if pages, _ := filepath.Glob(filepath.Join(out, "offres", "*", "index.html")); len(pages) != n {
			t.Errorf("round %d: the board has %d offer pages, want %d", round, len(pages), n)
		}
		if left, _ := filepath.Glob(filepath.Join(root, ".public.postes-tmp-*")); len(left) > 0 {
			t.Errorf("round %d: staging folders left: %v", round, left)
		}
		if t.Failed() {
			return
		}
	}
}

// cmdOutput runs cmd and returns its combined output and exit status.
func cmdOutput(t *testing.T, cmd *exec.Cmd) (string, int) {
	t.Helper()
	b, err := cmd.CombinedOutput()
	if err == nil {
		return string(b), 0
	}
	ee, ok := err.(*exec.ExitError)
	if !ok {
		t.Fatalf("%v: %v", cmd.Args, err)
	}
	return string(b), ee.ExitCode()
}

// TestBusyOutputIsRefusedAfterWaiting: a build whose output another build
// holds waits, then gives up, naming the output and the other build.
func TestBusyOutputIsRefusedAfterWaiting(t *testing.T) {
	root := t.TempDir()
	writeBoard(t, root, 2)
	out := filepath.Join(root, "public")
	final, err := publish.Resolve(out)
	if err != nil {
		t.Fatal(err)
	}
	lock, err := publish.Acquire(final, 0)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	text, code := cmdOutput(t, postesCmd(t, "build", "--source", root, "--output", out, "--wait", "300ms"))
	waited := time.Since(start)
	want := fmt.Sprintf("another postes build is writing %s (pid %d); waited 0.3 s", final, os.Getpid())
	if code != 1 || !strings.Contains(text, want) {
		t.Errorf("exit %d, want 1 and %q:\n%s", code, want, text)
	}
	if waited < 300*time.Millisecond {
		t.Errorf("gave up after %s, before its --wait", waited)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("the waiting build wrote its output")
	}
	// Once the other build is done, the next one goes ahead.
	lock.Release()
	if text, code := cmdOutput(t, postesCmd(t, "build", "--source", root, "--output", out, "--wait", "0")); code != 0 {
		t.Errorf("build after the lock was released: exit %d\n%s", code, text)
	}
}
