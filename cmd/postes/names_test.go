package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileNamesReachTheTerminalQuoted: a file name holding escape
// sequences or a newline is quoted in what check, build and serve print,
// so it can neither drive the editor's terminal nor break "path:line:".
func TestFileNamesReachTheTerminalQuoted(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	names := []string{"\x1b]0;pwned\x07.txt", "a\nb.txt", "\x1b[2J.txt"}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("# Sans employeur\n\nLieu de travail : Nulle part\n"), 0o644); err != nil {
			t.Skip("this file system refuses the name:", err)
		}
	}
	// Two offers with one address: the warning names the other file.
	offer := "# Agent\n\nEmployeur : Commune de Test\nDate limite de candidature : 31/03/2025\n"
	for _, n := range []string{"\x1b[31mrouge.txt", "vert.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(offer), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"check", "--source", root, "--now", "2025-03-15"},
		{"check", "--source", root, "--now", "2025-03-15", "-v"},
		{"build", "--source", root, "--now", "2025-03-15", "--output", filepath.Join(t.TempDir(), "public")},
	} {
		var stdout, stderr strings.Builder
		_ = run(args, &stdout, &stderr)
		out := stdout.String() + stderr.String()
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("%s printed a raw escape:\n%q", args[0], out)
		}
		for _, want := range []string{`"content/\x1b]0;pwned\a.txt":1`, `"content/a\nb.txt":1`, `"content/\x1b[2J.txt":1`, `"content/\x1b[31mrouge.txt"`} {
			if !strings.Contains(out, want) {
				t.Errorf("%s does not name %s:\n%s", args[0], want, out)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "b.txt") {
				t.Errorf("%s: a name broke a line: %q", args[0], line)
			}
		}
	}
}
