package publish

// What publishing remembers of an output between builds, kept in a state
// folder the caller chooses (Options.State): never in or beside the
// output, where a web server would publish it. Two files:
//
//   - the record (output.json) says which folder is the board: its path
//     and the identity (device and inode) of the folder swapped in. It
//     stands in for a marker inside the output: a folder that is not
//     empty is replaced only if the record names it, or if it holds the
//     marker of postes 0.3 and earlier (a board made before the record).
//     The identity tells the board from a folder put at its path since
//     (or a state folder copied with a site to another machine); it is
//     no proof, as a folder deleted then made again may get the old
//     one's inode number. A folder of another identity is still known
//     if it holds nothing but names the manifest lists: the board as
//     another user's build of the site swapped it in.
//   - the manifest (manifest.gob) lists every file of the board with
//     its key, hash and stamp, to reuse what did not change. It is gob,
//     not JSON: for a national board's 115,000 files, JSON took 0.85 s
//     to write and read again, gob 0.3 s, a tenth of a nightly build.

import (
	"encoding/gob"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"postes/generator/content"
)

// The files of a state folder.
const (
	recordName   = "output.json"
	manifestName = "manifest.gob"
)

// LegacyMarker marked a folder as postes output up to version 0.3, inside
// the output, where it was published. A folder holding it is still taken
// as postes's (a board of an older version), and the next board lacks it.
const LegacyMarker = ".postes-build"

// legacyMarkers are the markers of older versions: 0.1's held the cache.
var legacyMarkers = []string{LegacyMarker, ".postes-build.json"}

// LegacyCacheSuffix named the manifest of postes 0.3 and earlier, kept
// beside the output folder ("public" → ".public.postes-cache.json"), where
// a web server serving the output's parent published it. A build removes
// it.
const LegacyCacheSuffix = ".postes-cache.json"

// maxRecord bounds the record read: a path and two identities.
const maxRecord = 64 << 10

// FolderID is a folder's identity: its device and inode. Zero where the
// system does not give them.
type FolderID struct {
	Dev uint64 `json:"dev"`
	Ino uint64 `json:"ino"`
}

type record struct {
	Generator string `json:"generator"`
	Output    string `json:"output"`
	// IDs are the identities the output folder may have: the board
	// swapped in last, and, while a swap is under way (or was killed
	// half-way), the board before it.
	IDs []FolderID `json:"ids,omitempty"`
	// InPlace says the output could not be swapped (a mount point: a
	// Docker volume, a bind mount, which the device alone does not
	// reveal) and is updated in place: the next build writes there from
	// the start instead of staging a whole board it cannot link from.
	InPlace bool `json:"in_place,omitempty"`
}

// Knows reports whether the folder final (a path Resolve returned) holds
// the board whose record one of the state folders keeps, or a board of
// postes 0.3 or earlier: a folder postes may replace.
func Knows(final string, states ...string) bool {
	for _, m := range legacyMarkers {
		if _, err := os.Lstat(filepath.Join(final, m)); err == nil {
			return true
		}
	}
	for _, state := range states {
		if state != "" && recorded(final, state) {
			return true
		}
	}
	return false
}

// recorded reports whether a state folder's record names final, and final
// is the folder it swapped in, or holds nothing but what its manifest
// lists: another user's build of the same site may have swapped in its
// board since, which this user's record cannot know.
func recorded(final, state string) bool {
	r, ok := readRecord(state)
	if !ok || r.Output != final {
		return false
	}
	if _, err := os.Lstat(final); err != nil {
		return false // gone: nothing of it to replace or reuse
	}
	id, ok := identity(final)
	if !ok || id == (FolderID{}) || len(r.IDs) == 0 || slices.Contains(r.IDs, id) {
		return true
	}
	files, _ := readManifest(state, final)
	if files == nil {
		return false
	}
	names := map[string]bool{}
	for p := range files {
		first, _, _ := strings.Cut(p, "/")
		names[first] = true
	}
	ents, err := os.ReadDir(final)
	if err != nil {
		return false
	}
	for _, e := range ents {
		if !names[e.Name()] && !strings.HasPrefix(e.Name(), stageInfix) && !slices.Contains(legacyMarkers, e.Name()) {
			return false
		}
	}
	return true
}

// RecordedOutput is the output folder a state folder's record names, ""
// if it has none.
func RecordedOutput(state string) string {
	r, ok := readRecord(state)
	if !ok {
		return ""
	}
	return r.Output
}

func readRecord(state string) (record, bool) {
	var r record
	f, fi, err := content.OpenRegular(filepath.Join(state, recordName))
	if err != nil {
		return r, false
	}
	defer f.Close()
	if fi.Size() > maxRecord || json.NewDecoder(io.LimitReader(f, maxRecord)).Decode(&r) != nil || r.Generator != "postes" {
		return r, false
	}
	return r, true
}

// writeRecord records that final holds the board, or will once the folder
// of identity next is swapped in; ids lists the identities final may have
// meanwhile.
func (o *Output) writeRecord(ids ...FolderID) error {
	if o.state == "" {
		return nil
	}
	var keep []FolderID
	for _, id := range ids {
		if id != (FolderID{}) && !slices.Contains(keep, id) {
			keep = append(keep, id)
		}
	}
	data, err := json.Marshal(record{Generator: "postes", Output: o.final, IDs: keep, InPlace: o.inPlace && !o.private})
	if err != nil {
		return err
	}
	return o.writeState(recordName, data)
}

// writeState writes a file of the state folder atomically.
func (o *Output) writeState(name string, data []byte) error {
	if err := os.MkdirAll(o.state, 0o755); err != nil {
		return err
	}
	dst := filepath.Join(o.state, name)
	tmp := dst + ".new"
	err := os.WriteFile(tmp, data, 0o644)
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}

// readManifest reads the manifest of a state folder; nil when there is
// none, or it is not one, or it is too big to be one, or it describes
// another folder. It also returns when it was written, by the file
// system's clock, if that clock is finer than seconds.
func readManifest(state, final string) (map[string]Entry, int64) {
	f, fi, err := content.OpenRegular(filepath.Join(state, manifestName))
	if err != nil {
		return nil, 0
	}
	defer f.Close()
	if fi.Size() > maxManifest {
		return nil, 0
	}
	var m manifest
	if gob.NewDecoder(io.LimitReader(f, maxManifest)).Decode(&m) != nil || m.Generator != "postes" || m.Output != final {
		return nil, 0
	}
	since := fi.ModTime().UnixNano()
	if since%int64(time.Second) == 0 {
		// A clock of whole seconds: the build's own last changes and a
		// later edit may carry the same time; the change time cannot tell.
		since = 0
	}
	return m.Files, since
}

// removeManifest forgets the files of the board, before they change in
// place: a build killed half-way must not leave a manifest that says the
// board is whole.
func (o *Output) removeManifest() error {
	if o.state == "" {
		return nil
	}
	if err := os.Remove(filepath.Join(o.state, manifestName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
