package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// File is one offer file found under the content folder.
type File struct {
	Path string // relative to the content folder, forward slashes
	Abs  string // path on disk
}

// Find lists the offer files under root: every .txt and .md file,
// recursively, in path order. Hidden files and folders (".git", ".#x"),
// editor backups ("x~", "#x#", ".swp", ".bak", ".orig") are ignored.
// Symbolic links are followed only when they stay inside root: a link that
// points outside would let content publish any file of the machine, so it is
// reported as an error and skipped.
func Find(root string) ([]File, List, error) {
	var files []File
	var diags List
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, err
	}
	realRoot, err := filepath.EvalSymlinks(rootAbs)
	if err != nil {
		return nil, nil, fmt.Errorf("content folder: %w", err)
	}
	// WalkDir does not descend into a root that is itself a symbolic link
	// (content -> ../shared/content): it would find nothing and say
	// nothing. Walk the folder the link names instead.
	if fi, err := os.Lstat(rootAbs); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		rootAbs = realRoot
	}
	err = filepath.WalkDir(rootAbs, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != rootAbs && ignored(name) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(rootAbs, p)
		rel = filepath.ToSlash(rel)
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(p)
			if err != nil {
				diags.Add(Pos{Path: rel}, Error, "broken symbolic link: %v", errors.Unwrap(err))
				return nil
			}
			if !within(realRoot, target) {
				diags.Add(Pos{Path: rel}, Error, "symbolic link points outside content/; refused")
				return nil
			}
			st, err := os.Stat(target)
			if err != nil || st.IsDir() {
				return nil // links to folders are not followed: no cycles
			}
		} else if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if !isOffer(name) {
			return nil
		}
		files = append(files, File{Path: rel, Abs: p})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, diags, nil
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func isOffer(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".txt" || ext == ".md"
}

func ignored(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") {
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".swp", ".swo", ".swx", ".bak", ".orig", ".tmp":
		return true
	}
	return false
}

// ReadFile reads and decodes one file, refusing files over MaxSize without
// reading them whole.
func ReadFile(f File) (*Source, List) {
	data, err := ReadBytes(f)
	if err != nil {
		var l List
		l.Add(Pos{Path: f.Path}, Error, "cannot read: %v", err)
		return nil, l
	}
	return decode(f.Path, data, true)
}

// ReadBytes reads one file as it is, up to MaxSize+1 bytes, in a buffer of
// its size: io.ReadAll would grow one several times for a 4 KB offer.
func ReadBytes(f File) ([]byte, error) {
	fh, err := os.Open(f.Abs)
	if err != nil {
		if u := errors.Unwrap(err); u != nil {
			err = u
		}
		return nil, err
	}
	defer fh.Close()
	size := MaxSize + 1
	if st, err := fh.Stat(); err == nil && st.Size() < int64(size) {
		size = int(st.Size()) + 1
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(fh, MaxSize+1))
	return buf.Bytes(), err
}

// IsOffer reports whether a slash-separated path under content/ names a
// file Find would list: a .txt or .md file, in no hidden folder, not a
// backup.
func IsOffer(rel string) bool {
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		if i > 0 && ignored(p) { // parts[0] may be "content" itself
			return false
		}
	}
	return isOffer(parts[len(parts)-1])
}
