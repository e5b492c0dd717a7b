// Package publish puts a built site in place of the last one, so that
// readers, and the next build, only ever find a whole board.
//
// It is the last stage of the pipeline (read → extract → model → render →
// publish): package pipeline renders each file and hands it to an Output;
// this package decides where the bytes go and when the new board replaces
// the old. It never renders, knows nothing of pages or offers, and reads
// no input of the site.
//
// Its contract:
//
//   - The output shows the old board or the new one, never a mix: the new
//     board is staged in a hidden folder beside the output and swapped in
//     whole by Commit. A failed or killed build leaves the old board as it
//     was.
//   - Nothing of postes's own is published: what it remembers of an
//     output (which folder it is, the manifest of its files) lives in a
//     state folder the caller chooses, never in or beside the output (see
//     state.go). A staging folder beside the output holds only the new
//     board, and only while a build runs.
//   - Only an empty folder, or the one the state's record names, is ever
//     replaced.
//   - A file whose inputs did not change is hard-linked from the old board
//     instead of written, but only once proven to be the file the last
//     build wrote: its size, modification time and inode, recorded in the
//     manifest, must still match. A file deleted or edited by hand is
//     written again, and so is one whose content changed; one written
//     again with the same content is linked. Untouched files therefore
//     keep their inode and time, and sync tools (rsync -a, rclone) send
//     only what changed, which Changes lists. When nothing changed at all,
//     the old board is left as it is and no file is touched.
//   - With Precompress, files get gzip and brotli twins (compress.go).
//   - An output that is a symbolic link is published at its target, staged
//     beside the target; the link stays.
//   - An output that is a mount point (a Docker volume, a bind mount),
//     which cannot be renamed, is updated in place: changed files are
//     staged inside it, moved in one by one (each atomically), then files
//     the new board lacks are removed. Readers may meet a mix while that
//     runs; a failure before it leaves the old board as it was.
//   - A staging folder is removed only when no build holds it: each
//     build holds a lock on its own (see also Lock, one build per output).
//   - What could not be cleaned up is said (Warnings), never silently
//     left, and never fails a build that published.
package publish

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/cespare/xxhash/v2"

	"postes/generator/parallel"
)

// stageInfix names staging folders: ".public.postes-tmp-123" beside the
// output, ".postes-tmp-123" inside an output updated in place.
const stageInfix = ".postes-tmp-"

// clockTick is longer than the file system's clock takes to move on
// Linux (a kernel tick: 1 to 10 ms).
const clockTick = 20 * time.Millisecond

// maxManifest bounds the manifest read: a national board's is about 15 MB
// (twice that with precompressed twins); a larger file where the manifest
// is expected is not read but ignored.
const maxManifest = 128 << 20

// Entry is what the manifest records of one file of the board.
type Entry struct {
	Hash uint64 `json:"h"` // xxhash64 of the content
	Key  uint64 `json:"k"` // the job's key: a hash of its inputs; 0 if none
	// The file as written: a file is reused only while its stamp matches.
	Size int64  `json:"s,omitempty"`
	Mod  int64  `json:"m,omitempty"` // UnixNano
	Ino  uint64 `json:"i,omitempty"`
}

type manifest struct {
	Generator string           `json:"generator"`
	Output    string           `json:"output"` // the folder it describes
	Files     map[string]Entry `json:"files"`
}

// Options say how to open an output.
type Options struct {
	// Private says the output is the caller's own (serve's temporary
	// folder), which no one else writes: it is updated in place, file by
	// file, so that a rebuild after one edit costs what that edit changed,
	// and Last is trusted without looking at the files.
	Private bool
	// Last is what the caller's previous build of this output wrote
	// (Output.Files), when it kept it; nil: the manifest tells.
	Last map[string]Entry
	// State is the folder where what is remembered of this output between
	// builds is kept (its record and manifest), one per output, outside
	// the output's reach. "" remembers nothing: every build is cold, and
	// only an empty folder (or one of postes 0.3) is replaced. A private
	// output keeps nothing there.
	State string
	// Also are state folders of others (another user's builds of the
	// same site) whose record and manifest are read, never written.
	Also []string
	// Precompress gives compressible files gzip and brotli twins.
	Precompress bool

	ops ops // tests simulate what only a mount point does
}

// ops are the file-system calls that differ on a mount point.
type ops struct {
	rename    func(from, to string) error
	exchange  func(a, b string) error
	device    func(path string) (uint64, bool)
	removeAll func(path string) error // the old board, once swapped out
	link      func(from, to string) error
}

func (o *ops) fill() {
	if o.rename == nil {
		o.rename = os.Rename
	}
	if o.removeAll == nil {
		o.removeAll = os.RemoveAll
	}
	if o.link == nil {
		o.link = os.Link
	}
	if o.exchange == nil {
		o.exchange = exchange
	}
	if o.device == nil {
		o.device = device
	}
}

// Output writes one board. See the package doc for its contract.
type Output struct {
	final       string
	state       string
	precompress bool
	private     bool
	inPlace     bool // private, or a mount point
	trusted     bool // prev is Last: no need to look at the files
	prev        map[string]Entry
	// since is when the manifest was written, by the file system's clock
	// (its modification time, UnixNano), after the build's last change
	// to the board; 0 if unknown.
	since int64
	ops   ops

	mu       sync.Mutex
	stage    string   // "" until the first write
	owner    *os.File // the stage folder, locked while this build runs
	files    map[string]Entry
	reused   []string // kept from the old board, to link at commit (staged)
	staged   []string // written into the stage
	removed  []string // files of the old board the new one lacks, once committed
	dirs     map[string]*dirOnce
	written  int
	changed  bool
	touched  bool // the board's files began to change in place
	warnings []Warning
	oldGone  sync.WaitGroup // the old board, once swapped out, is being removed
}

// Warning is something publishing could not clean up, at Path.
type Warning struct {
	Path, Msg string
}

// Resolve returns the absolute path a build publishes to for output, with
// symbolic links resolved: an output that is a link is published at its
// target, and two spellings of one folder share one lock. An output that
// does not exist yet is resolved through its nearest existing parent.
func Resolve(output string) (string, error) {
	abs, err := filepath.Abs(output)
	if err != nil {
		return "", err
	}
	if fi, err := os.Lstat(abs); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			target, _ := os.Readlink(abs)
			return "", fmt.Errorf("output %s is a symbolic link to %s, which does not exist: make that folder or choose another output", abs, target)
		}
		return real, nil
	}
	dir, rest := abs, ""
	for {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}

// Open prepares to write a board at final, a path Resolve returned. The
// caller holds final's Lock, unless the output is private.
func Open(final string, opt Options) (*Output, error) {
	opt.ops.fill()
	parent, base := filepath.Split(final)
	o := &Output{final: final, state: opt.State, precompress: opt.Precompress, private: opt.Private, inPlace: opt.Private, ops: opt.ops,
		files: map[string]Entry{}, dirs: map[string]*dirOnce{}}
	if o.private {
		o.state = "" // its owner keeps what it wrote (Files, then Options.Last)
	}
	st, err := os.Stat(final)
	exists := err == nil
	known := false
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case !st.IsDir():
		return nil, fmt.Errorf("output %s exists and is not a folder; refusing to replace it", final)
	case o.private:
		// The caller's own folder, which no one else writes.
		known = true
		if opt.Last != nil {
			o.prev, o.trusted = opt.Last, true
		}
	case !Knows(final, append([]string{o.state}, opt.Also...)...):
		ents, _ := os.ReadDir(final)
		if len(ents) > 0 {
			where := "no record of builds is kept"
			if o.state != "" {
				where = "its records are in " + o.state
			}
			return nil, fmt.Errorf("output %s is not empty and postes has no record of building it (%s); refusing to replace it: remove that folder or choose another --output", final, where)
		}
	default:
		known = true
		for _, st := range append([]string{o.state}, opt.Also...) {
			if st != "" && o.prev == nil {
				o.prev, o.since = readManifest(st, final)
			}
		}
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if exists {
		// A folder on another device than its parent is a mount point:
		// it cannot be renamed, only updated in place.
		d, ok := o.ops.device(final)
		pd, pok := o.ops.device(parent)
		if ok && pok && d != pd {
			o.inPlace = true
		}
		// A bind mount shares its parent's device; its record says what
		// the last build found.
		if r, ok := readRecord(o.state); known && ok && r.InPlace && r.Output == final {
			if id, ok := identity(final); ok && slices.Contains(r.IDs, id) {
				o.inPlace = true
			}
		}
	}
	// Staging folders left by killed builds; never one a build holds.
	o.sweep(filepath.Join(parent, "."+base+stageInfix+"*"))
	if exists && known {
		o.sweep(filepath.Join(final, stageInfix+"*"))
	}
	// The manifest of postes 0.3 lay beside the output, published with
	// it when the output is a sub-folder of the web root.
	if !o.private {
		for _, p := range []string{"." + base + LegacyCacheSuffix, "." + base + LegacyCacheSuffix + ".new"} {
			if err := os.Remove(filepath.Join(parent, p)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				o.warn(filepath.Join(parent, p), "cannot remove this cache of an older postes, which a web server may publish: %v", cause(err))
			}
		}
	}
	if o.inPlace {
		if err := os.MkdirAll(final, 0o755); err != nil {
			return nil, err
		}
	}
	return o, nil
}

// Final is the folder the board is published to.
func (o *Output) Final() string { return o.final }

// InPlace reports whether the board is updated in place rather than
// swapped in whole.
func (o *Output) InPlace() bool { return o.inPlace }

// Touched reports whether a commit began to change the board in place:
// after a failure, the board may then be a mix, and what the caller kept
// of the last build (Files) is no longer what the output holds.
func (o *Output) Touched() bool { return o.touched }

// Holds reports whether the current board has anything under dir (a
// slash-separated folder of the board).
func (o *Output) Holds(dir string) bool {
	f, err := os.Open(filepath.Join(o.final, filepath.FromSlash(dir)))
	if err != nil {
		return false
	}
	defer f.Close()
	names, _ := f.Readdirnames(1)
	return len(names) > 0
}

// Warnings are what could not be cleaned up: a staging folder or an old
// board this user may not delete, a manifest that could not be written.
func (o *Output) Warnings() []Warning {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]Warning(nil), o.warnings...)
}

func (o *Output) warn(path, format string, args ...any) {
	o.mu.Lock()
	o.warnings = append(o.warnings, Warning{path, fmt.Sprintf(format, args...)})
	o.mu.Unlock()
}

// Previous returns the content of the file at rel in the last board, if
// it is still the file the manifest describes and its content hash is
// hash; nil otherwise. A writer takes pieces of it for the new board.
func (o *Output) Previous(rel string, hash uint64) []byte {
	e, ok := o.prev[rel]
	if !ok || e.Hash != hash || !o.matches(rel, e) {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(o.final, filepath.FromSlash(rel)))
	if err != nil || xxhash.Sum64(data) != hash {
		return nil
	}
	return data
}

// LastSize is the size of the file at rel in the last board, 0 if
// unknown: a writer sizes its buffer for a big file once, instead of
// doubling it up to 70 MB.
func (o *Output) LastSize(rel string) int64 {
	return o.prev[rel].Size
}

// Files is what the board holds once committed, for Options.Last.
func (o *Output) Files() map[string]Entry { return o.files }

// Stats reports how many files were written and how many kept from the
// last build.
func (o *Output) Stats() (written, reused int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.written, len(o.files) - o.written
}

// Changes lists, once committed, the files this build wrote (new, or
// with other content than the last board's) and those of the last board
// it removed, as slash-separated paths relative to the output, sorted:
// what a sync must upload or delete, and a CDN purge. Files kept from the
// last board, linked or untouched, are in neither.
func (o *Output) Changes() (written, removed []string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	written = append([]string(nil), o.staged...)
	sort.Strings(written)
	return written, append([]string(nil), o.removed...)
}

func cleanPath(rel string) (string, error) {
	clean := path.Clean("/" + rel)[1:]
	if clean == "" || clean != strings.TrimSuffix(rel, "/") || strings.HasPrefix(clean, "../") || strings.Contains(clean, "\\") ||
		slices.Contains(legacyMarkers, clean) || strings.HasPrefix(clean, stageInfix) {
		return "", fmt.Errorf("refusing to write %q: not a plain path inside the output folder", rel)
	}
	return clean, nil
}

// matches reports whether the file at rel in the current board is still
// the one e describes: the last build wrote it, and no one changed,
// replaced or removed it since.
func (o *Output) matches(rel string, e Entry) bool {
	if o.trusted {
		return true
	}
	if e.Mod == 0 {
		return false // a manifest of postes 0.2 recorded no stamps
	}
	fi, err := os.Lstat(filepath.Join(o.final, filepath.FromSlash(rel)))
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	s := StampOf(fi)
	// The change time is not recorded per file: linking a file into the
	// next board, and removing the old board, change it. But every such
	// change was made before the manifest was written, and any other
	// change of the file (an edit that restored its size and time) after:
	// its change time is later than the manifest's, or equal within one
	// tick, which is taken as a change too.
	return s.Size == e.Size && s.Mod == e.Mod && (e.Ino == 0 || s.Ino == e.Ino) &&
		(o.since == 0 || s.Ctime < o.since)
}

// Reuse reports whether the file at rel can be kept from the last build:
// its inputs, summed in key, are the same, and the file is still as the
// last build wrote it, and so are its twins, if it gets any. The caller
// then skips rendering it.
func (o *Output) Reuse(rel string, key uint64) bool {
	if key == 0 || o.prev == nil {
		return false
	}
	clean, err := cleanPath(rel)
	if err != nil {
		return false
	}
	e, ok := o.prev[clean]
	if !ok || e.Key != key || !o.matches(clean, e) {
		return false
	}
	keep := []string{clean}
	for _, tw := range o.twinsOf(clean) {
		te, ok := o.prev[clean+tw.ext]
		if !ok || te.Key != e.Hash || !o.matches(clean+tw.ext, te) {
			return false
		}
		keep = append(keep, clean+tw.ext)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, p := range keep {
		if _, dup := o.files[p]; dup {
			return false // let Write report it
		}
	}
	for _, p := range keep {
		o.files[p] = o.prev[p]
		if !o.inPlace {
			o.reused = append(o.reused, p)
		}
	}
	return true
}

// Write stores one file, and its twins if it gets any. rel is a
// slash-separated path inside the site; a path that would leave the
// output folder is refused. Write keeps no reference to data.
func (o *Output) Write(rel string, key uint64, data []byte) error {
	clean, err := cleanPath(rel)
	if err != nil {
		return err
	}
	hash := xxhash.Sum64(data)
	if err := o.put(clean, key, hash, data); err != nil {
		return err
	}
	for _, tw := range o.twinsOf(clean) {
		// A twin's input is its file's content: its key is that hash.
		trel := clean + tw.ext
		if e, ok := o.prev[trel]; ok && e.Key == hash {
			err := o.put(trel, hash, e.Hash, nil)
			if err == nil {
				continue
			}
			if !errors.Is(err, errGone) {
				return err
			}
		}
		z, err := tw.encode(data)
		if err != nil {
			return fmt.Errorf("%s: %w", trel, err)
		}
		if err := o.put(trel, hash, xxhash.Sum64(z), z); err != nil {
			return err
		}
	}
	return nil
}

// errGone says the last board's file, which was to be kept, is gone or
// changed: its content must be given.
var errGone = errors.New("no longer in the previous board")

// put stores one file of content hash. data may be nil to keep the last
// board's file of that hash; if it is gone or changed, put returns
// errGone.
func (o *Output) put(clean string, key, hash uint64, data []byte) error {
	prev, had := o.prev[clean]
	same := had && prev.Hash == hash && o.matches(clean, prev)
	if data == nil && !same {
		return errGone
	}
	o.mu.Lock()
	if _, dup := o.files[clean]; dup {
		o.mu.Unlock()
		return fmt.Errorf("two pages want the same file %s", clean)
	}
	if same {
		// Identical to the file already there: nothing to write (in
		// place), or only a link to make (staged).
		e := prev
		e.Key = key
		o.files[clean] = e
		if o.inPlace || o.stage == "" {
			if !o.inPlace {
				o.reused = append(o.reused, clean)
			}
			o.mu.Unlock()
			return nil
		}
		stage := o.stage
		o.mu.Unlock()
		if o.link(clean, stage, e) == nil {
			return nil
		}
		o.mu.Lock()
		if data == nil {
			delete(o.files, clean)
			o.mu.Unlock()
			return errGone
		}
	} else {
		o.files[clean] = Entry{Hash: hash, Key: key}
	}
	o.changed = true
	if err := o.ensureStage(); err != nil {
		o.mu.Unlock()
		return err
	}
	stage := o.stage
	o.written++
	o.mu.Unlock()

	dst := filepath.Join(stage, filepath.FromSlash(clean))
	if err := o.mkdir(filepath.Dir(dst)); err != nil {
		return err
	}
	s, err := writeFile(dst, data)
	if err != nil {
		return err
	}
	o.mu.Lock()
	o.files[clean] = Entry{Hash: hash, Key: key, Size: s.Size, Mod: s.Mod, Ino: s.Ino}
	o.staged = append(o.staged, clean)
	o.mu.Unlock()
	return nil
}

// writeFile writes a new file and returns its stamp. It never writes
// into a file that exists: in a stage, that may be a link of the old
// board's file.
func writeFile(name string, data []byte) (Stamp, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return Stamp{}, err
	}
	_, err = f.Write(data)
	var fi fs.FileInfo
	if err == nil {
		fi, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Stamp{}, err
	}
	return StampOf(fi), nil
}

// link makes the staged file rel a hard link of the old board's, and
// checks that what it linked is the file e describes: the old file may
// have changed since it was looked at.
func (o *Output) link(rel, stage string, e Entry) error {
	dst := filepath.Join(stage, filepath.FromSlash(rel))
	if err := o.mkdir(filepath.Dir(dst)); err != nil {
		return err
	}
	if err := o.ops.link(filepath.Join(o.final, filepath.FromSlash(rel)), dst); err != nil {
		return err
	}
	if fi, err := os.Lstat(dst); err == nil {
		if s := StampOf(fi); s.Size == e.Size && s.Mod == e.Mod && (e.Ino == 0 || s.Ino == e.Ino) {
			return nil
		}
	}
	_ = os.Remove(dst)
	return fmt.Errorf("%s changed while it was linked", rel)
}

// dirOnce creates one folder once, however many files go into it.
type dirOnce struct {
	once sync.Once
	err  error
}

func (o *Output) mkdir(dir string) error {
	o.mu.Lock()
	d := o.dirs[dir]
	if d == nil {
		d = &dirOnce{}
		o.dirs[dir] = d
	}
	o.mu.Unlock()
	d.once.Do(func() {
		// Most folders are one level below one made already ("offres/x/"):
		// one mkdir, where MkdirAll would stat the folder and its parent
		// first.
		d.err = os.Mkdir(dir, 0o755)
		if errors.Is(d.err, fs.ErrNotExist) {
			d.err = os.MkdirAll(dir, 0o755)
		} else if errors.Is(d.err, fs.ErrExist) {
			if st, err := os.Stat(dir); err == nil && st.IsDir() {
				d.err = nil
			}
		}
	})
	return d.err
}

// ensureStage creates the staging folder on first need: beside the
// output, or inside it when it is updated in place (a mount point: the
// only folder files can be renamed from). Called with o.mu held.
func (o *Output) ensureStage() error {
	if o.stage != "" {
		return nil
	}
	// In place, the old board is about to change file by file: a build
	// killed half-way must not leave a manifest that says the board is
	// whole. (A staged build leaves the old board whole until the swap;
	// after it, the stamps of the manifest no longer match the new files,
	// which are then never trusted.)
	if o.inPlace {
		if err := o.removeManifest(); err != nil {
			return fmt.Errorf("cannot remove the manifest: %w", err)
		}
		// The folder stays the same folder: recorded before it changes,
		// it is known even to the build after a killed one.
		if id, _ := identity(o.final); o.writeRecord(id) != nil {
			return fmt.Errorf("cannot record the output in %s: %w", o.state, o.writeRecord(id))
		}
	}
	parent, base := filepath.Split(o.final)
	dir, pattern := parent, "."+base+stageInfix
	if o.inPlace {
		dir, pattern = o.final, stageInfix
	}
	stage, err := os.MkdirTemp(dir, pattern)
	if err != nil {
		return fmt.Errorf("cannot stage the new board: %w", err)
	}
	// MkdirTemp makes the folder private (0700); a web server running as
	// another user must be able to read the board.
	if err := os.Chmod(stage, 0o755); err != nil {
		_ = os.RemoveAll(stage)
		return err
	}
	// A lock on the folder itself tells other builds it is being
	// written; nothing is added to it, so nothing of postes's own is
	// swapped in with the board.
	owner, err := os.Open(stage)
	if err == nil {
		if _, err = tryLock(owner); err != nil {
			owner.Close()
		}
	}
	if err != nil {
		_ = os.RemoveAll(stage)
		return err
	}
	o.stage, o.owner = stage, owner
	return nil
}

// sweep removes the staging folders matching pattern that no build holds:
// those of killed builds. What cannot be removed is said.
func (o *Output) sweep(pattern string) {
	dirs, _ := filepath.Glob(pattern)
	for _, d := range dirs {
		if held(d) {
			continue
		}
		if err := os.RemoveAll(d); err != nil {
			o.warn(d, "cannot remove this folder, left by an earlier build: %v; remove it as its owner", cause(err))
		}
	}
}

// held reports whether a build is writing the staging folder dir: it holds
// the folder's lock, or, for a build of postes 0.3, the lock of the
// marker in it.
func held(dir string) bool {
	for _, p := range []string{dir, filepath.Join(dir, LegacyMarker)} {
		f, err := os.OpenFile(p, os.O_RDONLY|noFollow|syscall.O_NONBLOCK, 0)
		if err != nil {
			continue
		}
		busy, _ := tryLock(f)
		f.Close()
		if busy {
			return true
		}
	}
	return false
}

func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

// unchanged reports whether the new board is the old one exactly.
func (o *Output) unchanged() bool {
	if o.changed || o.prev == nil || len(o.prev) != len(o.files) {
		return false
	}
	for p, e := range o.files {
		if pe, ok := o.prev[p]; !ok || pe.Hash != e.Hash {
			return false
		}
	}
	return true
}

// LinkReused links into the staged board the files kept from the old one,
// and returns those it could not: removed or changed since they were
// looked at, or not this user's to link. The caller renders those again
// and hands them to Write. It is part of Commit; a caller that can render
// again calls it first.
func (o *Output) LinkReused() []string {
	if o.inPlace || o.unchanged() {
		return nil
	}
	o.mu.Lock()
	err := o.ensureStage()
	stage, reused := o.stage, o.reused
	o.reused = nil
	o.mu.Unlock()
	if err != nil {
		return reused // Write will meet the same error and report it
	}
	sort.Strings(reused)
	failed := make([]bool, len(reused))
	parallel.Do(len(reused), 0, func(i int) {
		o.mu.Lock()
		e := o.files[reused[i]]
		o.mu.Unlock()
		failed[i] = o.link(reused[i], stage, e) != nil
	})
	gone := map[string]bool{}
	for i, rel := range reused {
		if failed[i] {
			gone[rel] = true
		}
	}
	// A twin is made again from its file on the new board; a file made
	// again by the caller brings its twins.
	var lost []string
	for _, rel := range reused {
		if !gone[rel] {
			continue
		}
		if main, ok := o.twinOf(rel); ok && !gone[main] {
			if o.remakeTwin(rel, main, stage) == nil {
				continue
			}
			lost = append(lost, main) // linked: unlinked below, written again
			continue
		}
		if _, ok := o.twinOf(rel); !ok {
			lost = append(lost, rel)
		}
	}
	sort.Strings(lost)
	lost = slices.Compact(lost)
	o.mu.Lock()
	for _, rel := range lost {
		for _, p := range append([]string{rel}, o.twinPaths(rel)...) {
			if _, ok := o.files[p]; ok && !gone[p] {
				_ = os.Remove(filepath.Join(stage, filepath.FromSlash(p))) // linked: the caller writes it again
			}
			delete(o.files, p)
		}
	}
	for rel := range gone {
		if _, ok := o.twinOf(rel); ok {
			continue
		}
		delete(o.files, rel)
	}
	o.mu.Unlock()
	return lost
}

// twinOf returns the file a twin is made from, if rel is a twin.
func (o *Output) twinOf(rel string) (string, bool) {
	for _, tw := range twins {
		if main, ok := strings.CutSuffix(rel, tw.ext); ok && len(o.twinsOf(main)) > 0 {
			return main, true
		}
	}
	return "", false
}

// twinPaths are the paths of a file's twins.
func (o *Output) twinPaths(rel string) []string {
	var ps []string
	for _, tw := range o.twinsOf(rel) {
		ps = append(ps, rel+tw.ext)
	}
	return ps
}

// remakeTwin writes again, in the stage, the twin rel of the file main,
// from main as staged.
func (o *Output) remakeTwin(rel, main, stage string) error {
	data, err := os.ReadFile(filepath.Join(stage, filepath.FromSlash(main)))
	if err != nil {
		return err
	}
	for _, tw := range o.twinsOf(main) {
		if main+tw.ext != rel {
			continue
		}
		z, err := tw.encode(data)
		if err != nil {
			return err
		}
		s, err := writeFile(filepath.Join(stage, filepath.FromSlash(rel)), z)
		if err != nil {
			return err
		}
		o.mu.Lock()
		o.files[rel] = Entry{Hash: xxhash.Sum64(z), Key: xxhash.Sum64(data), Size: s.Size, Mod: s.Mod, Ino: s.Ino}
		o.staged = append(o.staged, rel)
		o.written++
		o.changed = true
		o.mu.Unlock()
		return nil
	}
	return fmt.Errorf("%s: not a twin of %s", rel, main)
}

// Commit puts the new board in place of the old, and lets other builds
// clean up after this one. Files kept from the old board that could no
// longer be linked (see LinkReused) fail the commit.
func (o *Output) Commit() error {
	defer o.release()
	if o.unchanged() {
		o.removeStage()
		return nil // the board on disk is already this one
	}
	if lost := o.LinkReused(); len(lost) > 0 {
		o.removeStage()
		return fmt.Errorf("%s: no longer in the previous board; build again", lost[0])
	}
	o.mu.Lock()
	err := o.ensureStage()
	o.mu.Unlock()
	if err != nil {
		return err
	}
	if o.inPlace {
		return o.moveIn()
	}
	if err := o.swap(); err != nil {
		return err
	}
	o.writeManifest()
	return nil
}

// swap puts the staged board at the output's path in one step where the
// system allows it, so that the path always holds a whole board. An
// output that cannot be renamed is a mount point: it is updated in place
// from the staged board.
func (o *Output) swap() error {
	o.removed = o.lacking()
	// Recorded before the swap, both boards are known: the next build
	// knows the output whether this one is killed before or after it.
	next, _ := identity(o.stage)
	cur, _ := identity(o.final)
	if err := o.writeRecord(next, cur); err != nil {
		return fmt.Errorf("cannot record the output in %s: %w; nothing published", o.state, cause(err))
	}
	swapped := func() {
		o.stage = ""
		if err := o.writeRecord(next); err != nil {
			o.warn(o.state, "cannot update the record of the output: %v", cause(err))
		}
	}
	if _, err := os.Lstat(o.final); errors.Is(err, fs.ErrNotExist) {
		if err := o.ops.rename(o.stage, o.final); err != nil {
			return err
		}
		swapped()
		return nil
	}
	err := o.ops.exchange(o.stage, o.final)
	if err == nil {
		// The stage now holds the old board: removed while the manifest
		// is written (Commit waits for it).
		old := o.stage
		o.oldGone.Add(1)
		go func() {
			defer o.oldGone.Done()
			if err := o.ops.removeAll(old); err != nil {
				o.warn(old, "cannot remove the previous board, moved there: %v; remove it as its owner", cause(err))
			}
		}()
		swapped()
		return nil
	}
	if cannotRename(err) {
		return o.moveIn()
	}
	old := o.stage + "-old"
	if err := o.ops.rename(o.final, old); err != nil {
		if cannotRename(err) {
			return o.moveIn()
		}
		return err
	}
	if err := o.ops.rename(o.stage, o.final); err != nil {
		_ = o.ops.rename(old, o.final)
		return err
	}
	swapped()
	if err := os.RemoveAll(old); err != nil {
		o.warn(old, "cannot remove the previous board, moved there: %v; remove it as its owner", cause(err))
	}
	return nil
}

// lacking lists the files of the old board the new one lacks: from the
// manifest, or, without one, from the folder itself.
func (o *Output) lacking() []string {
	var gone []string
	if o.prev != nil {
		for p := range o.prev {
			if _, ok := o.files[p]; !ok {
				gone = append(gone, p)
			}
		}
	} else {
		gone = o.walkStale()
	}
	sort.Strings(gone)
	return gone
}

// cannotRename reports the errors of renaming a mount point, or of
// renaming across one.
func cannotRename(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV)
}

// moveIn updates the output in place from the staged files: each is moved
// (or copied, across devices) over the old one, atomically; then files
// the new board lacks are removed, and the stage.
func (o *Output) moveIn() error {
	// Updated in place from the start, the stage holds what was written;
	// after a swap that failed, the whole board, linked or written.
	rels := o.staged
	if !o.inPlace {
		rels = make([]string, 0, len(o.files))
		for rel := range o.files {
			rels = append(rels, rel)
		}
		o.inPlace = true
	}
	if id, _ := identity(o.final); o.writeRecord(id) != nil {
		return fmt.Errorf("cannot record the output in %s: %w", o.state, o.writeRecord(id))
	}
	sort.Strings(rels)
	o.touched = true
	for _, rel := range rels {
		src := filepath.Join(o.stage, filepath.FromSlash(rel))
		dst := filepath.Join(o.final, filepath.FromSlash(rel))
		sfi, err := os.Lstat(src)
		if err != nil {
			continue // kept in place
		}
		if dfi, err := os.Lstat(dst); err == nil && os.SameFile(sfi, dfi) {
			continue // a link of the file already there
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		err = o.ops.rename(src, dst)
		if errors.Is(err, syscall.EXDEV) {
			err = copyOver(src, dst)
		}
		if err != nil {
			return err
		}
		if fi, err := os.Lstat(dst); err == nil {
			s := StampOf(fi)
			o.mu.Lock()
			e := o.files[rel]
			e.Size, e.Mod, e.Ino = s.Size, s.Mod, s.Ino
			o.files[rel] = e
			o.mu.Unlock()
		}
	}
	o.removed = o.removeStale()
	o.removeStage()
	o.writeManifest()
	return nil
}

// copyOver copies src over dst atomically: a copy beside dst, renamed.
func copyOver(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	tmp := dst + ".postes-new"
	_ = os.Remove(tmp)
	if _, err := writeFile(tmp, data); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, dst)
}

// removeStale removes from an output updated in place the files the new
// board lacks, and the folders they leave empty, and returns those it
// removed. A private output whose last build is known holds only what
// that build wrote; any other output is looked at whole, as a swapped
// board would drop anything the build did not write (a marker of postes
// 0.3 included).
func (o *Output) removeStale() []string {
	var stale []string
	if o.private && o.trusted {
		for p := range o.prev {
			if _, ok := o.files[p]; !ok {
				stale = append(stale, p)
			}
		}
	} else {
		stale = o.walkStale()
	}
	sort.Strings(stale)
	var removed []string
	for _, p := range stale {
		dst := filepath.Join(o.final, filepath.FromSlash(p))
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			o.warn(dst, "cannot remove this file, no longer part of the board: %v", cause(err))
			continue
		}
		removed = append(removed, p)
		// Remove the folders the file leaves empty ("offres/<slug>/").
		for dir := filepath.Dir(dst); dir != o.final && strings.HasPrefix(dir, o.final); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}
	return removed
}

// walkStale lists the files of the output folder that the new board
// lacks.
func (o *Output) walkStale() []string {
	var stale []string
	_ = filepath.WalkDir(o.final, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(o.final, p)
		rel = filepath.ToSlash(rel)
		switch {
		case p == o.final:
			return nil
		case d.IsDir() && strings.HasPrefix(rel, stageInfix):
			return filepath.SkipDir
		case d.IsDir():
			return nil
		}
		if _, ok := o.files[rel]; !ok {
			stale = append(stale, rel)
		}
		return nil
	})
	return stale
}

// writeManifest records the board for the next build. A failure only
// makes the next build cold: it is said, not an error.
func (o *Output) writeManifest() {
	if o.private || o.state == "" {
		// A private output's owner keeps what it wrote (Files, then
		// Options.Last) and trusts it: a manifest would only be written
		// again and again.
		o.oldGone.Wait()
		return
	}
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(manifest{Generator: "postes", Output: o.final, Files: o.files})
	// The old board is removed while the manifest is made; removing it
	// unlinks every file the two boards share, which sets their change
	// time: that must come before the manifest's time, or the next build
	// takes every reused file for one changed by hand (and the one after
	// it, reusing nothing, for one unchanged: a board rewritten every
	// other night).
	o.oldGone.Wait()
	// Let the file system's clock tick past the build's last change, so
	// that the manifest's time tells the build's changes (before) from
	// anyone's after (see matches).
	time.Sleep(clockTick)
	if err == nil {
		err = o.writeState(manifestName, buf.Bytes())
	}
	if err != nil {
		o.warn(filepath.Join(o.state, manifestName), "cannot write the manifest, the next build will be cold: %v", cause(err))
	}
}

// removeStage removes this build's staging folder, if any.
func (o *Output) removeStage() {
	o.mu.Lock()
	stage := o.stage
	o.stage = ""
	o.mu.Unlock()
	if stage == "" {
		return
	}
	if err := os.RemoveAll(stage); err != nil {
		o.warn(stage, "cannot remove this build's staging folder: %v", cause(err))
	}
}

// release lets other builds remove this build's staging folder.
func (o *Output) release() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.owner != nil {
		o.owner.Close()
		o.owner = nil
	}
}

// Abort removes the staging folder; the old board stays as it was.
func (o *Output) Abort() {
	o.removeStage()
	o.release()
}
