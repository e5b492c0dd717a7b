package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets tests run the real command in a child process, so that a
// test can kill a build half-way as a power cut or Ctrl-C would.
func TestMain(m *testing.M) {
	if args := os.Getenv("POSTES_TEST_MAIN"); args != "" {
		os.Args = append([]string{"postes"}, strings.Split(args, "\x1f")...)
		main()
		os.Exit(0)
	}
	// Builds lock their output in the user's cache folder: the tests',
	// and the builds they start, use one of their own.
	cache, err := os.MkdirTemp("", "postes-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

func postesCmd(t *testing.T, args ...string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "POSTES_TEST_MAIN="+strings.Join(args, "\x1f"))
	return cmd
}

func TestKilledBuildLeavesPreviousBoardIntact(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a board of a few thousand offers")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	const n = 1200
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("# Poste numéro %d\n\nRéférence : K-%d\nEmployeur : Commune %d\nDate de dépôt de l’offre : 01/03/2025\nDate limite de candidature : 31/03/2025\n\n# Missions\n\n%s\n",
			i, i, i%50, strings.Repeat("Une phrase de description assez longue pour peser. ", 60))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(root, "public")
	args := []string{"build", "--source", root, "--output", out, "--now", "2025-03-15"}
	if b, err := postesCmd(t, args...).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	marker := filepath.Join(out, "offres", "poste-numero-1-k-1", "index.html")
	before, err := os.ReadFile(marker)
	if err != nil {
		t.Fatal(err)
	}
	// Change every offer, so the second build has to write everything.
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("%05d.txt", i))
		data, _ := os.ReadFile(p)
		_ = os.WriteFile(p, []byte(strings.Replace(string(data), "31/03/2025", "30/04/2025", 1)), 0o644)
	}
	cmd := postesCmd(t, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it has started writing its staging folder.
	deadline := time.Now().Add(30 * time.Second)
	killed := false
	for time.Now().Before(deadline) {
		stages, _ := filepath.Glob(filepath.Join(root, ".public.postes-tmp-*", "offres", "*"))
		if len(stages) > 10 {
			_ = cmd.Process.Kill()
			killed = true
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	_ = cmd.Wait()
	if !killed {
		t.Skip("the build finished before it could be killed")
	}
	after, err := os.ReadFile(marker)
	if err != nil || string(after) != string(before) {
		t.Fatalf("the previous board was damaged by a killed build: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(out, "offres")); len(entries) != n {
		t.Fatalf("previous board has %d offer pages, want %d", len(entries), n)
	}
	// The next build succeeds and clears what the killed one left.
	if b, err := postesCmd(t, args...).CombinedOutput(); err != nil {
		t.Fatalf("build after the kill: %v\n%s", err, b)
	}
	if left, _ := filepath.Glob(filepath.Join(root, ".public.postes-tmp-*")); len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
	now, _ := os.ReadFile(marker)
	if !strings.Contains(string(now), "30 avril 2025") {
		t.Errorf("the build after the kill did not publish the new deadline")
	}
}
