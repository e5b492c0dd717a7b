package publish

import (
	"io/fs"
	"syscall"
)

// StampOf reads a file's stamp from what Stat or Lstat returned.
func StampOf(fi fs.FileInfo) Stamp {
	s := Stamp{Size: fi.Size(), Mod: fi.ModTime().UnixNano()}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		s.Ino = st.Ino
		s.Ctime = st.Ctim.Nano()
	}
	return s
}
