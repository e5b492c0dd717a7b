//go:build !linux

package publish

import "io/fs"

// StampOf reads a file's stamp from what Stat or Lstat returned. Outside
// Linux it holds the size and modification time only.
func StampOf(fi fs.FileInfo) Stamp {
	return Stamp{Size: fi.Size(), Mod: fi.ModTime().UnixNano()}
}
