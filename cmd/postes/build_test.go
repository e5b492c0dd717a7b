package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestBuildChangesList: --changes writes the paths a build wrote or
// removed, one per line, relative to the output, for sync scripts and CDN
// purges; the summary line counts them. Nothing published, the list is
// empty: a script never sends the last night's changes again.
func TestBuildChangesList(t *testing.T) {
	root := t.TempDir()
	writeBoard(t, root, 5)
	out := filepath.Join(t.TempDir(), "public")
	list := filepath.Join(t.TempDir(), "changes.txt")
	build := func(now string, extra ...string) (string, []string, error) {
		var stdout, stderr bytes.Buffer
		err := run(append([]string{"build", "--source", root, "--output", out, "--now", now, "--changes", list}, extra...), &stdout, &stderr)
		data, rerr := os.ReadFile(list)
		if rerr != nil {
			t.Fatal(rerr)
		}
		lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		if len(data) == 0 {
			lines = nil
		}
		return stdout.String() + stderr.String(), lines, err
	}

	text, lines, err := build("2025-03-15")
	if err != nil {
		t.Fatal(err, text)
	}
	var files []string
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(files)
	if strings.Join(lines, "\n") != strings.Join(files, "\n") {
		t.Errorf("first build: the list is not every file of the board:\n%s", strings.Join(lines, "\n"))
	}
	if want := "; " + strconv.Itoa(len(files)) + " fichiers écrits, 0 réutilisé, 0 supprimé"; !strings.Contains(text, want) {
		t.Errorf("summary %q, want %q", text, want)
	}

	// The next day, one offer renamed: its old page goes, its new one
	// comes; the other offers' pages are neither written nor listed.
	p := filepath.Join(root, "content", "00001.txt")
	data, _ := os.ReadFile(p)
	if err := os.WriteFile(p, bytes.Replace(data, []byte("Poste numéro 1\n"), []byte("Poste numéro un\n"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	text, lines, err = build("2025-03-16")
	if err != nil {
		t.Fatal(err, text)
	}
	for _, want := range []string{"offres/poste-numero-1-k-1/index.html", "offres/poste-numero-un-k-1/index.html", "index.html", "offres.json"} {
		if !contains(lines, want) {
			t.Errorf("%s is not in the list:\n%s", want, strings.Join(lines, "\n"))
		}
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "offres/poste-numero-2") {
			t.Errorf("%s is listed: its page did not change", l)
		}
		if _, err := os.Stat(filepath.Join(out, l)); err != nil && l != "offres/poste-numero-1-k-1/index.html" {
			t.Errorf("%s is listed but not in the board, and was not removed", l)
		}
	}
	if !strings.Contains(text, "1 supprimé") {
		t.Errorf("summary %q, want one file removed", text)
	}

	// Nothing published: an empty list.
	if err := os.WriteFile(filepath.Join(root, "content", "cassé.txt"), []byte("# Sans employeur\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, lines, err = build("2025-03-16", "--strict"); err == nil || len(lines) != 0 {
		t.Errorf("--strict with an error: %v, list %q; want a failure and an empty list", err, lines)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
