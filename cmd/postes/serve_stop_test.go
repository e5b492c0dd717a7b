package main

import (
	"context"
	"io"
	"os"
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
			case <-time.After(stopWait + 3*time.Second):
				_ = cmd.Process.Kill()
				t.Fatalf("serve ignored %s", sig)
			}
		})
	}
}
