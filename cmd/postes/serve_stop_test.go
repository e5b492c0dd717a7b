package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"postes"
	"postes/generator/pipeline"
)

// stopWithin cancels a serve started with ctx and fails unless it
// returns within d.
func stopWithin(t *testing.T, cancel context.CancelFunc, done <-chan error, d time.Duration) {
	t.Helper()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(d):
		t.Fatalf("serve did not stop within %s of being told to", d)
	}
}

// TestServeStopsWhileTheFirstBuildBlocks: a named pipe as config.toml
// blocks whoever opens it until someone writes to it; serve must still
// stop when told to.
func TestServeStopsWhileTheFirstBuildBlocks(t *testing.T) {
	root := serveSite(t)
	if err := syscall.Mkfifo(filepath.Join(root, "config.toml"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, pipeline.Options{Source: root, Now: "2025-03-15", Theme: postes.Theme},
			serveConfig{addr: "127.0.0.1:0", stdout: io.Discard, stderr: io.Discard})
	}()
	time.Sleep(300 * time.Millisecond)
	stopWithin(t, cancel, done, stopWait+time.Second)
}

// TestServeStopsWhileARebuildBlocks: a named pipe appears in static/
// while serve runs; the rebuild it starts may block on it, the signal
// must not.
func TestServeStopsWhileARebuildBlocks(t *testing.T) {
	for _, where := range []string{"static/pipe.css", "templates/pipe.html", "content/pipe.txt", "content/x.txt>pipe"} {
		t.Run(strings.ReplaceAll(where, "/", "_"), func(t *testing.T) {
			root := serveSite(t)
			for _, d := range []string{"static", "templates"} {
				if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			s := startServe(t, root, serveConfig{})
			name, link, _ := strings.Cut(where, ">")
			if link != "" {
				// A link in content/ to a pipe beside it: listed as a file.
				if err := syscall.Mkfifo(filepath.Join(root, "content", link), 0o644); err != nil {
					t.Skip("no named pipes here:", err)
				}
				if err := os.Symlink(link, filepath.Join(root, name)); err != nil {
					t.Fatal(err)
				}
			} else if err := syscall.Mkfifo(filepath.Join(root, name), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			time.Sleep(300 * time.Millisecond) // the rebuild starts, and may block
			if code, _ := s.get("/offres/agent-d-accueil/"); code != 200 {
				t.Errorf("the last good board is not served while a rebuild is under way (%d)", code)
			}
			start := time.Now()
			s.stop()
			if d := time.Since(start); d > stopWait+time.Second {
				t.Errorf("serve took %s to stop", d)
			}
		})
	}
}

// TestServeStopsOnSignal runs the command and sends it SIGTERM, then
// SIGINT, while its first build is blocked on a named pipe reached
// through a link in content/.
func TestServeStopsOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			root := serveSite(t)
			if err := syscall.Mkfifo(filepath.Join(root, "config.toml"), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			cmd := postesCmd(t, "serve", "--source", root, "--port", "0")
			var out strings.Builder
			cmd.Stdout, cmd.Stderr = &out, &out
			defer func() { t.Logf("serve said: %s", out.String()) }()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(500 * time.Millisecond)
			signalAndWait(t, cmd, sig, stopWait+3*time.Second)
		})
	}
}

// TestServeStopsDuringABuild: told to stop while it builds a large board,
// serve ends that build at its next file, leaves within stopWait and
// removes its temporary board (it finished the build first, half a
// minute at 20,000 offers, and left hundreds of megabytes behind).
func TestServeStopsDuringABuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a board of a few thousand offers")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3000; i++ {
		text := fmt.Sprintf("# Poste numéro %d\n\nRéférence : S-%d\nEmployeur : Commune %d\nDate de dépôt de l’offre : 01/03/2025\nDate limite de candidature : 31/03/2025\n\n# Missions\n\n%s\n",
			i, i, i%50, strings.Repeat("Une phrase de description assez longue pour peser. ", 60))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tmp := t.TempDir()
	cmd := postesCmd(t, "serve", "--source", root, "--port", "0", "--now", "2025-03-10")
	cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Once pages are staged, the build is well under way (they move into
	// the board when it is complete).
	deadline := time.Now().Add(30 * time.Second)
	for {
		pages, _ := filepath.Glob(filepath.Join(tmp, "postes-serve-*", "public", ".postes-tmp-*", "offres", "*"))
		if len(pages) > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if d := signalAndWait(t, cmd, syscall.SIGTERM, 30*time.Second); d > stopWait+500*time.Millisecond {
		t.Errorf("serve took %s to stop during a build", d.Round(time.Millisecond))
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "postes-serve-*")); len(left) > 0 {
		t.Errorf("temporary board left behind: %v", left)
	}
	if strings.Contains(out.String(), "publié") || strings.Contains(out.String(), "published") {
		t.Errorf("the build went on after the signal:\n%s", out.String())
	}
}

// signalAndWait sends sig to the serve command and waits at most limit
// for it to exit cleanly; it returns how long that took.
func signalAndWait(t *testing.T, cmd *exec.Cmd, sig syscall.Signal, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("serve exited with %v", err)
		}
	case <-time.After(limit):
		_ = cmd.Process.Kill()
		t.Fatalf("serve ignored %s for %s", sig, limit)
	}
	return time.Since(start)
}
