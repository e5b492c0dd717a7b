package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Lock is one build's hold on one output: while a build holds it, another
// build of the same output waits, then gives up. Two builds writing one
// output at once published incomplete boards, and each deleted the other's
// staging folder.
//
// The lock is a file in the user's cache folder (os.UserCacheDir, else the
// system's temporary folder), named after a hash of the output's resolved
// path: never in or beside the output, where a web server could publish
// it. It holds the pid of the build that holds it, for the message of the
// one that waits. The lock is the system's (flock): it goes with the
// process, so a killed build never leaves a stale lock behind.
type Lock struct {
	f    *os.File
	Path string // the lock file
}

// lockPoll is how often a waiting build tries the lock again.
const lockPoll = 50 * time.Millisecond

// Acquire takes the lock of the output at final (a path Resolve
// returned), waiting up to wait for another build to finish with it.
func Acquire(final string, wait time.Duration) (*Lock, error) {
	path, err := lockPath(final)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|noFollow, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot lock %s: %w", final, err)
	}
	deadline := time.Now().Add(wait)
	for {
		busy, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("cannot lock %s: %w", final, err)
		}
		if !busy {
			break
		}
		if !time.Now().Before(deadline) {
			holder := "pid unknown"
			if data, err := os.ReadFile(path); err == nil {
				if pid, err := strconv.Atoi(strings.SplitN(string(data), "\n", 2)[0]); err == nil {
					holder = fmt.Sprintf("pid %d", pid)
				}
			}
			f.Close()
			return nil, fmt.Errorf("another postes build is writing %s (%s); waited %s s", final, holder, strconv.FormatFloat(wait.Seconds(), 'f', -1, 64))
		}
		time.Sleep(min(lockPoll, time.Until(deadline)+time.Millisecond))
	}
	// For the message of a build that waits: who holds the lock, on what.
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(fmt.Sprintf("%d\n%s\n", os.Getpid(), final)), 0)
	return &Lock{f: f, Path: path}, nil
}

// Release lets the next build of the output go on.
func (l *Lock) Release() {
	if l != nil && l.f != nil {
		l.f.Close()
		l.f = nil
	}
}

// lockPath is the lock file of an output, in the user's cache folder or,
// for a user without one, in a private folder of the temporary folder.
func lockPath(final string) (string, error) {
	sum := sha256.Sum256([]byte(final))
	name := hex.EncodeToString(sum[:16]) + ".lock"
	locks, err := PrivateDir("locks")
	if err != nil {
		return "", fmt.Errorf("cannot lock %s: %w", final, err)
	}
	return filepath.Join(locks, name), nil
}

// PrivateDir returns a folder of this user's for postes's own files
// (locks, the state of sites that cannot be written), made if need be:
// "postes/<name>" in the user's cache folder ($XDG_CACHE_HOME, else
// ~/.cache on Linux), or, for a user without one, "postes-<uid>/<name>"
// in the temporary folder, checked to be this user's own.
func PrivateDir(name string) (string, error) {
	if dir, err := os.UserCacheDir(); err == nil {
		d := filepath.Join(dir, "postes", name)
		if os.MkdirAll(d, 0o700) == nil {
			return d, nil
		}
	}
	// The temporary folder is shared: the folder must be this user's
	// own, made by this user, not a link another user left there.
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("postes-%d", os.Geteuid()))
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) {
		return "", fmt.Errorf("cannot make a folder for postes: %w", err)
	}
	st, err := os.Lstat(dir)
	if err != nil || !st.IsDir() || !ownedByMe(st) {
		return "", fmt.Errorf("%s is not a folder of this user's", dir)
	}
	d := filepath.Join(dir, name)
	if err := os.MkdirAll(d, 0o700); err != nil {
		return "", fmt.Errorf("cannot make a folder for postes: %w", err)
	}
	return d, nil
}
