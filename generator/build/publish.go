package build

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"
)

// markerName marks a folder as postes output. A folder without it is never
// replaced or deleted: --output pointed at the wrong folder loses nothing.
const markerName = ".postes-build"

// legacyMarker is the marker of postes 0.1, which held the cache too.
const legacyMarker = ".postes-build.json"

// cacheSuffix names the cache kept beside the output folder ("public" →
// ".public.postes-cache.json"). For every file of the last build it holds
// the hash of its content and the key of its inputs. Deleting it only makes
// the next build cold.
const cacheSuffix = ".postes-cache.json"

type manifest struct {
	Generator string           `json:"generator"`
	Files     map[string]entry `json:"files"`
}

type entry struct {
	Hash uint64 `json:"h"` // xxhash64 of the content
	Key  uint64 `json:"k"` // the job's key: a hash of its inputs; 0 if none
}

// Output writes a site. By default it builds a fresh sibling of the final
// folder and swaps it in only when every file is written: readers see the
// old board or the new one, never a mix, and a killed build leaves the old
// board intact (its staging folder is removed by the next build). Files
// whose inputs did not change are hard-linked from the old board instead of
// rendered again; when nothing changed at all, the old board is left as it
// is and no file is touched.
//
// In place, files are replaced one by one (each atomically, by rename), and
// only those that changed: serve uses it for its private output, where a
// rebuild after one edit must cost what that edit changed.
type Output struct {
	final   string
	cache   string
	inPlace bool
	prev    map[string]entry

	mu      sync.Mutex
	stage   string // "" until the first write
	files   map[string]entry
	reused  []string
	dirs    map[string]*dirOnce
	written int
	changed bool
	// pending are the files an in-place build wrote beside their place
	// (name + pendingSuffix): Commit renames them in, Abort removes them,
	// so that a build that fails changes nothing that is served.
	pending []string
}

// pendingSuffix marks a file an in-place build wrote and has not
// committed yet.
const pendingSuffix = ".postes-new"

// openOutput prepares to write the site into final. last is what the
// previous build of the same Builder wrote, when it kept it; otherwise the
// cache beside the output tells.
func openOutput(final string, inPlace bool, last map[string]entry) (*Output, error) {
	final, err := filepath.Abs(final)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Split(final)
	o := &Output{final: final, inPlace: inPlace, files: map[string]entry{}, dirs: map[string]*dirOnce{},
		cache: filepath.Join(parent, "."+base+cacheSuffix)}
	st, err := os.Stat(final)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case !st.IsDir():
		return nil, fmt.Errorf("output %s exists and is not a folder; refusing to replace it", final)
	default:
		if !isOurs(final) {
			ents, _ := os.ReadDir(final)
			if len(ents) > 0 {
				return nil, fmt.Errorf("output %s is not empty and was not made by postes (no %s in it); refusing to replace it: remove it or choose another --output", final, markerName)
			}
		} else if last != nil {
			o.prev = last
		} else if data, err := os.ReadFile(o.cache); err == nil {
			var m manifest
			if json.Unmarshal(data, &m) == nil && m.Generator == "postes" {
				o.prev = m.Files
			}
		} else if inPlace {
			// Nothing says what is there (a commit failed half-way): take
			// every file as unknown, so that each is written again or
			// removed, never left stale.
			o.prev = listFiles(final)
		}
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	// Staging folders left by killed builds.
	for _, pat := range []string{".postes-tmp-*", ".postes-tmp-*-old"} {
		old, _ := filepath.Glob(filepath.Join(parent, "."+base+pat))
		for _, d := range old {
			_ = os.RemoveAll(d)
		}
	}
	if inPlace {
		if err := os.MkdirAll(final, 0o755); err != nil {
			return nil, err
		}
		o.stage = final
	}
	return o, nil
}

// listFiles lists the files of an output folder with an unknown hash.
func listFiles(dir string) map[string]entry {
	files := map[string]entry{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err == nil && rel != markerName && rel != legacyMarker {
			files[filepath.ToSlash(rel)] = entry{Hash: unknownHash}
		}
		return nil
	})
	return files
}

// unknownHash stands for a file whose content is not known; no content
// has this hash but by a chance of one in 2^64.
const unknownHash = 0x9e3779b97f4a7c15

func isOurs(dir string) bool {
	for _, m := range []string{markerName, legacyMarker} {
		if _, err := os.Stat(filepath.Join(dir, m)); err == nil {
			return true
		}
	}
	return false
}

func cleanPath(rel string) (string, error) {
	clean := path.Clean("/" + rel)[1:]
	if clean == "" || clean != strings.TrimSuffix(rel, "/") || strings.HasPrefix(clean, "../") || strings.Contains(clean, "\\") ||
		clean == markerName || clean == legacyMarker {
		return "", fmt.Errorf("refusing to write %q: not a plain path inside the output folder", rel)
	}
	return clean, nil
}

// Reuse reports whether the file at rel can be kept from the last build
// because its inputs, summed in key, are the same. The caller then skips
// rendering it.
func (o *Output) Reuse(rel string, key uint64) bool {
	if key == 0 || o.prev == nil {
		return false
	}
	clean, err := cleanPath(rel)
	if err != nil {
		return false
	}
	e, ok := o.prev[clean]
	if !ok || e.Key != key {
		return false
	}
	// A staged build links the old file: it must still be there. In place,
	// the file is serve's own and stays where it was.
	if !o.inPlace {
		if _, err := os.Lstat(filepath.Join(o.final, filepath.FromSlash(clean))); err != nil {
			return false // the old file is gone: render it again
		}
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, dup := o.files[clean]; dup {
		return false // let Write report it
	}
	o.files[clean] = e
	o.reused = append(o.reused, clean)
	return true
}

// Write stores one file. rel is a slash-separated path inside the site; a
// path that would leave the output folder is refused.
func (o *Output) Write(rel string, key uint64, data []byte) error {
	clean, err := cleanPath(rel)
	if err != nil {
		return err
	}
	e := entry{Hash: xxhash.Sum64(data), Key: key}
	o.mu.Lock()
	if _, dup := o.files[clean]; dup {
		o.mu.Unlock()
		return fmt.Errorf("two pages want the same file %s", clean)
	}
	o.files[clean] = e
	prev, had := o.prev[clean]
	same := had && prev.Hash == e.Hash
	if same && (o.inPlace || o.stage == "") {
		// Identical to the file already there: nothing to write (in place),
		// or only a link to make at commit time (staged).
		if !o.inPlace {
			o.reused = append(o.reused, clean)
		}
		o.mu.Unlock()
		return nil
	}
	if !o.changed && o.inPlace {
		// In place, the old files are about to change: the cache must not
		// outlive them if this build fails half-way.
		_ = os.Remove(o.cache)
	}
	o.changed = true
	if err := o.ensureStage(); err != nil {
		o.mu.Unlock()
		return err
	}
	dst := filepath.Join(o.stage, filepath.FromSlash(clean))
	o.written++
	o.mu.Unlock()

	if err := o.mkdir(filepath.Dir(dst)); err != nil {
		return err
	}
	if same {
		if os.Link(filepath.Join(o.final, filepath.FromSlash(clean)), dst) == nil {
			return nil
		}
	}
	if o.inPlace {
		if err := os.WriteFile(dst+pendingSuffix, data, 0o644); err != nil {
			return err
		}
		o.mu.Lock()
		o.pending = append(o.pending, dst)
		o.mu.Unlock()
		return nil
	}
	return os.WriteFile(dst, data, 0o644)
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

// ensureStage creates the staging folder on first need. Called with o.mu held.
func (o *Output) ensureStage() error {
	if o.stage != "" {
		return nil
	}
	// The cache describes the old board: drop it before anything changes,
	// so that a build killed after the swap cannot leave a wrong cache.
	_ = os.Remove(o.cache)
	parent, base := filepath.Split(o.final)
	stage, err := os.MkdirTemp(parent, "."+base+".postes-tmp-")
	if err != nil {
		return err
	}
	// MkdirTemp makes the folder private (0700); a web server running as
	// another user must be able to read the board.
	if err := os.Chmod(stage, 0o755); err != nil {
		_ = os.RemoveAll(stage)
		return err
	}
	o.stage = stage
	return nil
}

// Stats reports how many files were written and how many kept from the
// last build.
func (o *Output) Stats() (written, reused int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.written, len(o.files) - o.written
}

// unchanged reports whether the new build is the old one exactly.
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

// Commit puts the new site in place of the old.
func (o *Output) Commit() error {
	if o.inPlace {
		return o.commitInPlace()
	}
	if o.unchanged() {
		o.Abort()
		return nil // the board on disk is already this one
	}
	o.mu.Lock()
	err := o.ensureStage()
	o.mu.Unlock()
	if err != nil {
		return err
	}
	// Link what was kept from the old board into the new one.
	sort.Strings(o.reused)
	var linkErr error
	var once sync.Once
	parallel(len(o.reused), 0, func(i int) {
		rel := filepath.FromSlash(o.reused[i])
		dst := filepath.Join(o.stage, rel)
		if err := o.mkdir(filepath.Dir(dst)); err != nil {
			once.Do(func() { linkErr = err })
			return
		}
		if err := os.Link(filepath.Join(o.final, rel), dst); err != nil {
			once.Do(func() { linkErr = fmt.Errorf("reusing %s from the previous build: %w", o.reused[i], err) })
		}
	})
	if linkErr != nil {
		return linkErr
	}
	if err := os.WriteFile(filepath.Join(o.stage, markerName), []byte("postes\n"), 0o644); err != nil {
		return err
	}
	if err := o.swap(); err != nil {
		return err
	}
	return o.writeCache()
}

func (o *Output) swap() error {
	if _, err := os.Stat(o.final); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(o.stage, o.final)
	}
	// Swap in one step where the system allows it, so that the final path
	// always holds a complete board.
	if exchange(o.stage, o.final) == nil {
		return os.RemoveAll(o.stage) // now holds the old board
	}
	old := o.stage + "-old"
	if err := os.Rename(o.final, old); err != nil {
		return err
	}
	if err := os.Rename(o.stage, o.final); err != nil {
		_ = os.Rename(old, o.final)
		return err
	}
	return os.RemoveAll(old)
}

func (o *Output) commitInPlace() error {
	if o.unchanged() {
		return nil
	}
	_ = os.Remove(o.cache)
	for _, dst := range o.pending {
		if err := os.Rename(dst+pendingSuffix, dst); err != nil {
			return err
		}
	}
	o.pending = nil
	for p := range o.prev {
		if _, ok := o.files[p]; ok {
			continue
		}
		dst := filepath.Join(o.final, filepath.FromSlash(p))
		_ = os.Remove(dst)
		// Remove the folders the file leaves empty ("offres/<slug>/").
		for dir := filepath.Dir(dst); dir != o.final && strings.HasPrefix(dir, o.final); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}
	_ = os.Remove(filepath.Join(o.final, legacyMarker))
	if err := os.WriteFile(filepath.Join(o.final, markerName), []byte("postes\n"), 0o644); err != nil {
		return err
	}
	return o.writeCache()
}

func (o *Output) writeCache() error {
	data, err := json.Marshal(manifest{Generator: "postes", Files: o.files})
	if err != nil {
		return err
	}
	tmp := o.cache + ".new"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, o.cache)
}

// Abort removes the staging folder, or in place the files not committed
// and the folders made for them; the old board stays as it was.
func (o *Output) Abort() {
	if !o.inPlace {
		if o.stage != "" {
			_ = os.RemoveAll(o.stage)
		}
		return
	}
	for _, dst := range o.pending {
		_ = os.Remove(dst + pendingSuffix)
	}
	o.pending = nil
	dirs := make([]string, 0, len(o.dirs))
	for d := range o.dirs {
		dirs = append(dirs, d)
	}
	// Deepest first; a folder that still holds files stays.
	sort.Slice(dirs, func(i, j int) bool { return len(dirs[i]) > len(dirs[j]) })
	for _, d := range dirs {
		if d != o.final {
			_ = os.Remove(d)
		}
	}
}
