package build

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"
)

// markerName is the file that marks a folder as postes output. It holds
// the hash of every file written, so the next build can hard-link what did
// not change instead of writing it again. A folder without it is never
// replaced or deleted: --output pointed at the wrong folder loses nothing.
const markerName = ".postes-build.json"

type manifest struct {
	Generator string            `json:"generator"`
	Files     map[string]string `json:"files"` // path → xxhash64, hex
}

// Output writes a site into a fresh sibling of the final folder and swaps
// it in only when every file is written: readers of the final folder see
// the old board or the new one, never a mix, and a killed build leaves the
// old board intact (its staging folder is removed by the next build).
type Output struct {
	final string
	stage string
	prev  map[string]string

	mu     sync.Mutex
	files  map[string]string
	dirs   sync.Map
	linked atomic.Int64
	wrote  atomic.Int64
}

// OpenOutput prepares a staging folder beside final.
func OpenOutput(final string) (*Output, error) {
	final, err := filepath.Abs(final)
	if err != nil {
		return nil, err
	}
	o := &Output{final: final, files: map[string]string{}}
	st, err := os.Stat(final)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case !st.IsDir():
		return nil, fmt.Errorf("output %s exists and is not a folder; refusing to replace it", final)
	default:
		data, err := os.ReadFile(filepath.Join(final, markerName))
		if err != nil {
			ents, _ := os.ReadDir(final)
			if len(ents) > 0 {
				return nil, fmt.Errorf("output %s is not empty and was not made by postes (no %s in it); refusing to replace it: remove it or choose another --output", final, markerName)
			}
		} else {
			var m manifest
			if json.Unmarshal(data, &m) == nil {
				o.prev = m.Files
			}
		}
	}
	parent, base := filepath.Split(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	// Staging folders left by killed builds.
	if old, _ := filepath.Glob(filepath.Join(parent, "."+base+".postes-*")); len(old) > 0 {
		for _, d := range old {
			_ = os.RemoveAll(d)
		}
	}
	o.stage, err = os.MkdirTemp(parent, "."+base+".postes-tmp-")
	if err != nil {
		return nil, err
	}
	// MkdirTemp makes the folder private (0700); a web server running as
	// another user must be able to read the board.
	if err := os.Chmod(o.stage, 0o755); err != nil {
		o.Abort()
		return nil, err
	}
	return o, nil
}

// Dir is the staging folder.
func (o *Output) Dir() string { return o.stage }

// Write stores one file. rel is a slash-separated path inside the site; a
// path that would leave the output folder is refused.
func (o *Output) Write(rel string, data []byte) error {
	clean := path.Clean("/" + rel)[1:]
	if clean == "" || clean != strings.TrimSuffix(rel, "/") || strings.HasPrefix(clean, "../") || strings.Contains(clean, "\\") {
		return fmt.Errorf("refusing to write %q: not a plain path inside the output folder", rel)
	}
	sum := fmt.Sprintf("%016x", xxhash.Sum64(data))
	o.mu.Lock()
	if _, dup := o.files[clean]; dup {
		o.mu.Unlock()
		return fmt.Errorf("two pages want the same file %s", clean)
	}
	o.files[clean] = sum
	o.mu.Unlock()

	dst := filepath.Join(o.stage, filepath.FromSlash(clean))
	if dir := filepath.Dir(dst); dir != o.stage {
		if _, ok := o.dirs.Load(dir); !ok {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			o.dirs.Store(dir, true)
		}
	}
	if o.prev != nil && o.prev[clean] == sum {
		if os.Link(filepath.Join(o.final, filepath.FromSlash(clean)), dst) == nil {
			o.linked.Add(1)
			return nil
		}
	}
	o.wrote.Add(1)
	return os.WriteFile(dst, data, 0o644)
}

// Stats reports how many files were written and how many reused.
func (o *Output) Stats() (written, linked int) {
	return int(o.wrote.Load()), int(o.linked.Load())
}

// Commit writes the marker and puts the new site in place of the old.
func (o *Output) Commit() error {
	data, err := json.Marshal(manifest{Generator: "postes", Files: o.files})
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(o.stage, markerName), data, 0o644); err != nil {
		return err
	}
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

// Abort removes the staging folder; the old board stays as it was.
func (o *Output) Abort() { _ = os.RemoveAll(o.stage) }
