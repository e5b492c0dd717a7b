//go:build unix

package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// tryLock takes an exclusive lock on f without waiting; busy reports
// that another open file holds it.
func tryLock(f *os.File) (busy bool, err error) {
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return true, nil
	}
	return false, err
}

// ownedByMe reports whether a folder made for locks belongs to this user,
// so that no other user can swap a lock file for a link to a file of ours.
func ownedByMe(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*unix.Stat_t)
	return !ok || int(st.Uid) == os.Geteuid()
}

// noFollow opens the last element of a path only if it is not a link.
const noFollow = unix.O_NOFOLLOW
