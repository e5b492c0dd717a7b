package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// board writes files through an Output and commits.
func board(t *testing.T, final string, opt Options, files map[string]string) *Output {
	t.Helper()
	o, err := Open(final, opt)
	if err != nil {
		t.Fatal(err)
	}
	for rel, data := range files {
		// The key stands for the inputs: here, the content itself.
		key := uint64(len(data)) + 1
		if !o.Reuse(rel, key) {
			if err := o.Write(rel, key, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	return o
}

// tree reads every file under dir.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		got[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

var (
	first  = map[string]string{"index.html": "accueil", "offres/a/index.html": "a", "offres/b/index.html": "b", "style.css": "css"}
	second = map[string]string{"index.html": "accueil 2", "offres/a/index.html": "a", "offres/c/index.html": "c", "style.css": "css"}
)

// TestMountPointIsUpdatedInPlace: an output that cannot be renamed (a
// Docker volume, a bind mount) is updated file by file instead of
// failing; files the new board lacks are removed; a failed build before
// the moves leaves it as it was.
func TestMountPointIsUpdatedInPlace(t *testing.T) {
	busy := func(final string) ops {
		refuse := func(a, b string) error {
			if a == final || b == final {
				return &os.LinkError{Op: "rename", Old: a, New: b, Err: syscall.EBUSY}
			}
			return os.Rename(a, b)
		}
		return ops{rename: refuse, exchange: func(a, b string) error {
			if a == final || b == final {
				return syscall.EBUSY
			}
			return exchange(a, b)
		}, link: func(from, to string) error {
			// A bind mount: no link across it, on the same device.
			if strings.HasPrefix(from, final+string(filepath.Separator)) && !strings.HasPrefix(to, final+string(filepath.Separator)) {
				return &os.LinkError{Op: "link", Old: from, New: to, Err: syscall.EXDEV}
			}
			return os.Link(from, to)
		}}
	}
	for _, tc := range []struct {
		name string
		ops  func(final string) ops
	}{
		{"rename_fails", busy},
		{"other_device", func(final string) ops {
			o := busy(final)
			o.device = func(p string) (uint64, bool) {
				if p == final {
					return 2, true
				}
				return 1, true
			}
			return o
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			final := filepath.Join(t.TempDir(), "emplois")
			if err := os.Mkdir(final, 0o755); err != nil { // the mount point
				t.Fatal(err)
			}
			ino := inode(t, final)
			opt := Options{ops: tc.ops(final), State: t.TempDir()}
			board(t, final, opt, first)
			o := board(t, final, opt, second)
			if diff := cmp.Diff(second, tree(t, final)); diff != "" {
				t.Errorf("board mismatch (-want +got):\n%s", diff)
			}
			if !o.InPlace() {
				t.Errorf("not updated in place")
			}
			if inode(t, final) != ino {
				t.Errorf("the mount point was replaced")
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(final), ".*"+stageInfix+"*")); len(left) > 0 {
				t.Errorf("staging folders left: %v", left)
			}
			// The next builds know it from the start: they write in place
			// and reuse what did not change (staged, they could link none
			// of it, and wrote the whole board every time).
			o = board(t, final, opt, second)
			if w, r := o.Stats(); !o.InPlace() || w != 0 || r != len(second) {
				t.Errorf("nothing changed: in place %v, %d files written, %d reused", o.InPlace(), w, r)
			}

			// A build that fails before its moves changes nothing.
			before := tree(t, final)
			o, err := Open(final, opt)
			if err != nil {
				t.Fatal(err)
			}
			if err := o.Write("index.html", 9, []byte("cassé")); err != nil {
				t.Fatal(err)
			}
			o.Abort()
			if diff := cmp.Diff(before, tree(t, final)); diff != "" {
				t.Errorf("an aborted build changed the board (-want +got):\n%s", diff)
			}
			if left, _ := filepath.Glob(filepath.Join(final, stageInfix+"*")); len(left) > 0 {
				t.Errorf("staging folders left in the output: %v", left)
			}
		})
	}
}

// TestReusedFilesAreProven: a file kept from the last board must still
// be the one written; gone, edited or replaced, it is written again.
func TestReusedFilesAreProven(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(p string)
	}{
		{"removed", func(p string) { os.Remove(p) }},
		{"appended", func(p string) {
			f, _ := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString("!")
			f.Close()
		}},
		{"replaced_same_size_same_time", func(p string) {
			st, _ := os.Stat(p)
			os.Remove(p)
			os.WriteFile(p, []byte("CSS"), 0o644)
			os.Chtimes(p, st.ModTime(), st.ModTime())
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			final := filepath.Join(t.TempDir(), "public")
			opt := Options{State: t.TempDir()}
			board(t, final, opt, first)
			tc.damage(filepath.Join(final, "style.css"))
			o := board(t, final, opt, first)
			if diff := cmp.Diff(first, tree(t, final)); diff != "" {
				t.Errorf("board mismatch (-want +got):\n%s", diff)
			}
			if w, _ := o.Stats(); w != 1 {
				t.Errorf("%d files written, want only the damaged one", w)
			}
		})
	}
}

// TestUnchangedBoardIsNotTouched: nothing changed, nothing written, no
// staging folder made.
func TestUnchangedBoardIsNotTouched(t *testing.T) {
	final := filepath.Join(t.TempDir(), "public")
	opt := Options{State: t.TempDir()}
	board(t, final, opt, first)
	ino := inode(t, final)
	o := board(t, final, opt, first)
	if w, r := o.Stats(); w != 0 || r != len(first) {
		t.Errorf("written %d, reused %d", w, r)
	}
	if inode(t, final) != ino {
		t.Errorf("the board was swapped")
	}
}

// TestOversizeManifestIsIgnored: a manifest is read only up to its bound.
func TestOversizeManifestIsIgnored(t *testing.T) {
	final := filepath.Join(t.TempDir(), "public")
	opt := Options{State: t.TempDir()}
	board(t, final, opt, first)
	f, err := os.OpenFile(filepath.Join(opt.State, manifestName), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxManifest + 1); err != nil {
		t.Skip(err)
	}
	f.Close()
	o, err := Open(final, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Abort()
	if o.prev != nil {
		t.Errorf("an oversize manifest was read")
	}
}

// TestLockWaitsThenRefuses: a second holder waits for the first, then
// gives up naming it; once released, the lock is free.
func TestLockWaitsThenRefuses(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	final := filepath.Join(t.TempDir(), "public")
	l, err := Acquire(final, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(l.Path, os.Getenv("XDG_CACHE_HOME")) || strings.HasPrefix(l.Path, filepath.Dir(final)) {
		t.Errorf("lock at %s: want it in the user's cache folder, away from the output", l.Path)
	}
	start := time.Now()
	_, err = Acquire(final, 200*time.Millisecond)
	want := fmt.Sprintf("another postes build is writing %s (pid %d); waited 0.2 s", final, os.Getpid())
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("gave up after %s", d)
	}
	// A build that waits long enough gets the lock when the first is done.
	go func() {
		time.Sleep(100 * time.Millisecond)
		l.Release()
	}()
	l2, err := Acquire(final, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	l2.Release()
}

// TestLockWithoutCacheFolder: a user with no cache folder (no HOME, as in
// some services) locks in a private folder of the temporary folder.
func TestLockWithoutCacheFolder(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	l, err := Acquire(filepath.Join(t.TempDir(), "public"), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	if !strings.HasPrefix(l.Path, filepath.Join(tmp, fmt.Sprintf("postes-%d", os.Geteuid()))) {
		t.Errorf("lock at %s", l.Path)
	}
}

// TestResolve: an output that is a link resolves to its target; a
// dangling one is refused, naming the target.
func TestResolve(t *testing.T) {
	dir := t.TempDir()
	real, _ := filepath.EvalSymlinks(dir)
	if err := os.Mkdir(filepath.Join(dir, "srv"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "srv"), filepath.Join(dir, "public")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "absent"), filepath.Join(dir, "dangling")); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		filepath.Join(dir, "public"):          filepath.Join(real, "srv"),
		filepath.Join(dir, "public", "x"):     filepath.Join(real, "srv", "x"),
		filepath.Join(dir, "new", "a", "out"): filepath.Join(real, "new", "a", "out"),
	} {
		if got, err := Resolve(in); err != nil || got != want {
			t.Errorf("Resolve(%s) = %s, %v; want %s", in, got, err, want)
		}
	}
	if _, err := Resolve(filepath.Join(dir, "dangling")); err == nil || !strings.Contains(err.Error(), "which does not exist") {
		t.Errorf("dangling link: %v", err)
	}
}

// TestSettled: a stamp is trusted only when the file's last change was a
// clock tick or more before the stamp was taken; coarse clocks (whole
// seconds) need longer.
func TestSettled(t *testing.T) {
	seen := time.Date(2025, 3, 15, 12, 0, 0, 500_000_000, time.UTC)
	at := func(d time.Duration) int64 { return seen.Add(d).UnixNano() }
	for _, tc := range []struct {
		name string
		s    Stamp
		want bool
	}{
		{"old", Stamp{Mod: at(-time.Hour + 1), Ctime: at(-time.Hour + 1)}, true},
		{"just_written", Stamp{Mod: at(-time.Millisecond), Ctime: at(-time.Millisecond)}, false},
		{"restored_old_time", Stamp{Mod: at(-time.Hour + 1), Ctime: at(-time.Millisecond)}, false},
		{"future", Stamp{Mod: at(time.Hour), Ctime: at(time.Hour)}, false},
		{"a_tick_before", Stamp{Mod: at(-100*time.Millisecond + 1), Ctime: at(-100*time.Millisecond + 1)}, true},
		{"whole_seconds_one_before", Stamp{Mod: at(-1500 * time.Millisecond), Ctime: at(-1500 * time.Millisecond)}, false},
		{"whole_seconds_three_before", Stamp{Mod: at(-3500 * time.Millisecond), Ctime: at(-3500 * time.Millisecond)}, true},
	} {
		if got := tc.s.Settled(seen); got != tc.want {
			t.Errorf("%s: Settled = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestStaleStagingFoldersAreSwept: a staging folder nobody holds goes;
// one whose folder cannot be removed is said.
func TestStaleStagingFoldersAreSwept(t *testing.T) {
	parent := t.TempDir()
	final := filepath.Join(parent, "public")
	dead := filepath.Join(parent, ".public"+stageInfix+"1")
	old := filepath.Join(parent, ".public"+stageInfix+"2-old")
	for _, d := range []string{dead, old} {
		if err := os.MkdirAll(filepath.Join(d, "offres"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	o, err := Open(final, Options{})
	if err != nil {
		t.Fatal(err)
	}
	o.Abort()
	left, _ := filepath.Glob(filepath.Join(parent, ".*"))
	sort.Strings(left)
	if len(left) > 0 {
		t.Errorf("left: %v", left)
	}
}

func TestCannotRename(t *testing.T) {
	for err, want := range map[error]bool{
		&os.LinkError{Err: syscall.EBUSY}: true,
		&os.LinkError{Err: syscall.EXDEV}: true,
		syscall.EACCES:                    false,
		errors.New("x"):                   false,
	} {
		if cannotRename(err) != want {
			t.Errorf("cannotRename(%v) = %v", err, !want)
		}
	}
}

// TestSwappedOutBoardRemovedBeforeTheManifest: removing the old board
// unlinks the files it shares with the new one, which sets their change
// time. However long that takes, it comes before the manifest's time, so
// the next build still proves those files unchanged and reuses them (it
// took them for files edited by hand and rewrote the whole board every
// other build).
func TestSwappedOutBoardRemovedBeforeTheManifest(t *testing.T) {
	final := filepath.Join(t.TempDir(), "public")
	slow := Options{State: t.TempDir()}
	slow.ops.removeAll = func(p string) error {
		time.Sleep(300 * time.Millisecond) // a national board's old folder
		return os.RemoveAll(p)
	}
	board(t, final, slow, first)
	board(t, final, slow, second) // swaps, and removes the first board slowly
	o := board(t, final, slow, second)
	if w, r := o.Stats(); w != 0 || r != len(second) {
		t.Errorf("nothing changed, yet %d files written and %d reused", w, r)
	}
}
