//go:build unix

package publish

import (
	"os"
	"syscall"
)

// device is the file system a path lies on.
func device(path string) (uint64, bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(st.Dev), true
}

// identity is a folder's device and inode: which folder a path holds now.
func identity(path string) (FolderID, bool) {
	fi, err := os.Lstat(path)
	if err != nil {
		return FolderID{}, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return FolderID{}, false
	}
	return FolderID{Dev: uint64(st.Dev), Ino: st.Ino}, true
}
