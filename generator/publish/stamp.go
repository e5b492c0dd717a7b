package publish

import "time"

// Stamp is what the file system says of one version of a file without
// reading it: its size, modification time, inode and change time (the
// last two 0 where the system does not give them). Two stamps that differ
// mean two versions; equal stamps mean the same version only if the file
// was not written again within the clock's resolution after the stamp was
// taken (see Settled).
//
// The change time is what catches a file put back with its old
// modification time (cp -p, tar x, rsync -a): the system sets it to the
// moment of the restore, and no program can set it back. The inode
// catches a file replaced by another (tar x, rsync) with the same size
// and time.
type Stamp struct {
	Size  int64
	Mod   int64 // UnixNano
	Ino   uint64
	Ctime int64 // UnixNano
}

// How long after its last change a file's stamp is trusted to tell its
// versions apart, as Git treats "racily clean" files. A write stamps a
// file with the file system's clock, which ticks coarsely: two writes of
// the same size within one tick leave the same stamp. A stamp taken a
// tick or more after the last change is safe: any later write stamps a
// later time. Linux ticks every few milliseconds; file systems that stamp
// whole seconds (FAT every two, ext3, HFS+) are known by their stamps.
const (
	settleFine   = 50 * time.Millisecond
	settleCoarse = 2 * time.Second
)

// Settled reports whether a stamp taken at seen can be trusted later to
// mean "not changed": the file's last change was safely before the stamp
// was taken. A file written just before it was read may be written again
// in the same tick, same size, and keep its stamp: such a file is read
// again by the next build.
func (s Stamp) Settled(seen time.Time) bool {
	settle := settleFine
	if s.Mod%int64(time.Second) == 0 && s.Ctime%int64(time.Second) == 0 {
		settle = settleCoarse
	}
	return max(s.Mod, s.Ctime) < seen.Add(-settle).UnixNano()
}
