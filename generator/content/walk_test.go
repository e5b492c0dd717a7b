package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"postes/generator/message"
)

// TestFindSkipsUnreadableFolder: a folder that cannot be listed is an
// error naming it; the rest of content/ is still found. As root every
// folder can be read: cmd/postes runs the same case as another user.
func TestFindSkipsUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder; see TestUnreadableFolderAsAnotherUser in cmd/postes")
	}
	root := t.TempDir()
	tree(t, root, "a.txt", "verrou/b.txt", "z/c.txt")
	locked := filepath.Join(root, "verrou")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	files, diags, err := Find(root)
	if err != nil {
		t.Fatalf("Find aborted: %v", err)
	}
	if diff := cmp.Diff([]string{"a.txt", "z/c.txt"}, paths(files)); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
	if msg := diags.Error(); !strings.Contains(msg, "verrou: cannot read folder") {
		t.Errorf("diagnostics: %q, want the folder named", msg)
	}
}

// TestFindLinkLoop: a loop of links says so, not "<nil>".
func TestFindLinkLoop(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "a.txt")
	symlink(t, "b.txt", filepath.Join(root, "c.txt"))
	symlink(t, "c.txt", filepath.Join(root, "b.txt"))
	_, diags, err := Find(root)
	if err != nil {
		t.Fatal(err)
	}
	msg := diags.Error()
	if strings.Contains(msg, "<nil>") || !strings.Contains(msg, "b.txt: symbolic link loop") || !strings.Contains(msg, "c.txt: symbolic link loop") {
		t.Errorf("diagnostics: %q", msg)
	}
}

// TestFindNamesSpecialFiles: a named pipe (or socket, device) with an
// offer's name is an error naming it, directly or through a link, never
// listed for reading.
func TestFindNamesSpecialFiles(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "a.txt", "data/")
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.txt"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if err := syscall.Mkfifo(filepath.Join(root, "data", "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	symlink(t, filepath.Join(root, "data", "pipe"), filepath.Join(root, "lien.md"))
	files, diags, err := Find(root)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a.txt"}, paths(files)); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
	msg := diags.Error()
	for _, want := range []string{"pipe.txt: named pipe, not a regular file", "lien.md: named pipe, not a regular file"} {
		if !strings.Contains(msg, want) {
			t.Errorf("diagnostics %q lack %q", msg, want)
		}
	}
}

// TestReadFileNeverBlocks: a file that became a pipe after it was listed
// is refused at open, not waited on.
func TestReadFileNeverBlocks(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "a.txt")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan List, 1)
	go func() {
		_, diags := ReadFile(File{Path: "a.txt", Abs: p})
		done <- diags
	}()
	select {
	case diags := <-done:
		if !strings.Contains(diags.Error(), "a.txt: named pipe, not a regular file") {
			t.Errorf("diagnostics: %v", diags)
		}
	case <-time.After(10 * time.Second):
		if f, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("ReadFile waits on a named pipe")
	}
}

// TestReadFileReportsTheRealSize: a file over MaxSize is named with its
// size as the file system gives it.
func TestReadFileReportsTheRealSize(t *testing.T) {
	p := filepath.Join(t.TempDir(), "export.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(282066944); err != nil {
		t.Skip(err)
	}
	f.Close()
	_, diags := ReadFile(File{Path: "export.txt", Abs: p})
	if !strings.Contains(diags.Error(), "export.txt: file is 269 MB") {
		t.Errorf("diagnostics: %v", diags)
	}
}

// TestReadFileJustOverTheLimit: a file a byte over MaxSize is "more than
// 1 MB", not "1 MB; must be under 1 MB".
func TestReadFileJustOverTheLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(p, make([]byte, MaxSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags := ReadFile(File{Path: "long.txt", Abs: p})
	if len(diags) != 1 || !strings.Contains(diags[0].Text.In(message.French), "fichier de plus de 1 Mo") {
		t.Errorf("diagnostics: %v", diags)
	}
}
