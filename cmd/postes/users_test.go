package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// nobody is the user the tests build as when they run as root, to meet
// what a user without root's rights meets.
const nobody = 65534

// asUser prepares a folder every user can read and a copy of the test
// binary every user can run. Under root, cmd() runs postes as nobody;
// otherwise as the current user.
type asUser struct {
	dir string // world-readable, world-writable (not sticky)
	exe string
}

func newAsUser(t *testing.T) *asUser {
	t.Helper()
	dir, err := os.MkdirTemp("", "postes-users-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// What nobody made may be read-only to it, not to root.
		_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && info.IsDir() {
				_ = os.Chmod(p, 0o755)
			}
			return nil
		})
		_ = os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "postes.test")
	in, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	outf, err := os.OpenFile(exe, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(outf, in); err != nil {
		t.Fatal(err)
	}
	if err := outf.Close(); err != nil {
		t.Fatal(err)
	}
	return &asUser{dir: dir, exe: exe}
}

// cmd runs postes; as another user when the tests run as root.
func (u *asUser) cmd(other bool, args ...string) *exec.Cmd {
	cmd := exec.Command(u.exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "POSTES_TEST_MAIN="+strings.Join(args, "\x1f"), "XDG_CACHE_HOME="+filepath.Join(u.dir, "cache"), "TMPDIR="+u.dir)
	if other && os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	return cmd
}

// TestUnreadableFolderIsSkipped: a folder of content/ that the building
// user cannot list is an error naming it; the rest of the board builds.
func TestUnreadableFolderIsSkipped(t *testing.T) {
	u := newAsUser(t)
	root := filepath.Join(u.dir, "site")
	writeBoard(t, root, 3)
	locked := filepath.Join(root, "content", "verrou")
	if err := os.MkdirAll(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(locked, "x.txt"), []byte("# X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	if os.Geteuid() != 0 {
		if _, err := os.ReadDir(locked); err == nil {
			t.Skip("this user reads a folder of mode 000")
		}
	}
	out := filepath.Join(u.dir, "public")
	for _, args := range [][]string{
		{"build", "--source", root, "--output", out, "--now", "2025-03-15"},
		{"check", "--source", root, "--now", "2025-03-15"},
	} {
		text, code := cmdOutput(t, u.cmd(true, args...))
		if code == 0 || !strings.Contains(text, "content/verrou: ") || !strings.Contains(text, "dossier illisible (permission denied)") {
			t.Errorf("postes %s: exit %d, want 1 or 2 and the folder named:\n%s", args[0], code, text)
		}
		if args[0] == "build" {
			if pages, _ := filepath.Glob(filepath.Join(out, "offres", "*", "index.html")); len(pages) != 3 {
				t.Errorf("published %d offers, want the 3 readable ones:\n%s", len(pages), text)
			}
		}
	}
}

// TestBoardOfAnotherUserIsReplacedCleanly: a board built by root, then by
// a user who cannot delete root's files, is published; what cannot be
// removed is said, never silently left, and never fails the build.
func TestBoardOfAnotherUserIsReplacedCleanly(t *testing.T) {
	u := newAsUser(t)
	root := filepath.Join(u.dir, "site")
	writeBoard(t, root, 20)
	if err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.IsDir() {
			err = os.Chmod(p, 0o755)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(u.dir, "public")
	if text, code := cmdOutput(t, u.cmd(false, "build", "--source", root, "--output", out, "--now", "2025-03-15")); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, text)
	}
	if os.Geteuid() != 0 {
		// The first board is the user's own: make one of its folders
		// undeletable, as root's would be.
		if err := os.Chmod(filepath.Join(out, "offres"), 0o555); err != nil {
			t.Fatal(err)
		}
	}
	for i, step := range []struct{ now, file, from, want string }{
		// One change: the rest is reused from the other user's board,
		// whose files this user may not link (fs.protected_hardlinks).
		{"2025-03-15", "00001.txt", "Commune 1\n", "Commune 21"},
		// The next day, another: the board is now this user's own, but
		// for the old files it could not remove.
		{"2025-03-16", "00002.txt", "Commune 2\n", "Commune 22"},
	} {
		p := filepath.Join(root, "content", step.file)
		data, _ := os.ReadFile(p)
		edited := strings.Replace(string(data), step.from, step.want+"\n", 1)
		if edited == string(data) {
			t.Fatalf("%s does not say %q", step.file, step.from)
		}
		if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		text, code := cmdOutput(t, u.cmd(true, "build", "--source", root, "--output", out, "--now", step.now))
		t.Logf("build %d as another user:\n%s", i+2, text)
		if code != 0 {
			t.Fatalf("build %d as another user: exit %d", i+2, code)
		}
		if !strings.Contains(text, "cannot remove") {
			t.Errorf("build %d: what could not be removed is not said", i+2)
		}
		home, _ := os.ReadFile(filepath.Join(out, "index.html"))
		if !strings.Contains(string(home), step.want) {
			t.Errorf("build %d: the new board is not published (no %q)", i+2, step.want)
		}
		// Left behind: only the other user's old board, named in the
		// message; never a staging folder of this build.
		left, _ := filepath.Glob(filepath.Join(u.dir, ".public.postes-tmp-*"))
		for _, l := range left {
			if !strings.Contains(text, l) {
				t.Errorf("build %d: %s left behind without a word", i+2, l)
			}
		}
	}
	if os.Geteuid() != 0 {
		_ = filepath.Walk(u.dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && info.IsDir() {
				_ = os.Chmod(p, 0o755)
			}
			return nil
		})
	}
	// The first user's next build clears what the other could not.
	if text, code := cmdOutput(t, u.cmd(false, "build", "--source", root, "--output", out, "--now", "2025-03-17")); code != 0 {
		t.Fatalf("last build: exit %d\n%s", code, text)
	}
	if left, _ := filepath.Glob(filepath.Join(u.dir, ".public.postes-tmp-*")); len(left) > 0 {
		t.Errorf("left behind after the owner's build: %v", left)
	}
}
