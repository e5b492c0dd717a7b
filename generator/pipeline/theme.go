package pipeline

// The theme: the default templates/ and static/ with the site's own laid
// over them, file by file.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"

	"github.com/cespare/xxhash/v2"

	"postes/generator/content"
)

// theme is what a build renders with.
type theme struct {
	// fs holds templates/… and static/…; fstest.MapFS is a complete
	// in-memory fs.FS (Glob, ReadDir…) that lives under testing/ but
	// pulls in no test machinery.
	fs   fstest.MapFS
	hash uint64 // of every file: a changed template or style sheet changes every page's key
	// custom says a template differs from the default theme's. The
	// default's pages are keyed on what they show; another template may
	// show anything of the board on any page (a count of open offers on
	// every offer page), so its pages are keyed on the whole board.
	custom bool
	diags  content.List // files of the site's theme that were refused
}

// loadTheme overlays the site's templates/ and static/ on the default
// theme. The site's folders follow content/'s rules: hidden files are
// skipped (but static/.well-known, which hosts read), a link that leaves
// the site is refused, and only regular files are read, never a named
// pipe; each refusal is an error naming the file, and the rest is used.
func loadTheme(def fs.FS, source string) (*theme, error) {
	th := &theme{fs: fstest.MapFS{}}
	defaults := map[string][]byte{}
	if def != nil {
		for _, top := range []string{"templates", "static"} {
			err := fs.WalkDir(def, top, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if p != top && hidden(p) {
					if d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if d.IsDir() {
					return nil
				}
				data, err := fs.ReadFile(def, p)
				if err != nil {
					return err
				}
				th.fs[p] = &fstest.MapFile{Data: data, Mode: 0o644}
				defaults[p] = data
				return nil
			})
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
	}
	site, err := filepath.Abs(source)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(site); err == nil {
		site = real
	}
	w := &themeWalk{th: th, site: site, seen: map[string]bool{}}
	for _, top := range []string{"templates", "static"} {
		if err := w.top(top); err != nil {
			return nil, err
		}
	}
	names := make([]string, 0, len(th.fs))
	for n := range th.fs {
		names = append(names, n)
	}
	sort.Strings(names)
	h := xxhash.New()
	for _, n := range names {
		data := th.fs[n].Data
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(data))
		h.Write(data)
		if strings.HasPrefix(n, "templates/") && !bytes.Equal(data, defaults[n]) {
			th.custom = true
		}
	}
	th.hash = h.Sum64()
	th.diags.Sort()
	return th, nil
}

// hidden reports a path of the theme that is not published: a name
// starting with a dot at any depth, but for static/.well-known/…
func hidden(p string) bool {
	for i, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") && !(i == 1 && part == ".well-known" && strings.HasPrefix(p, "static/")) {
			return true
		}
	}
	return false
}

// themeWalk reads the site's theme folders.
type themeWalk struct {
	th   *theme
	site string          // the site root, links resolved
	seen map[string]bool // folders read, links resolved: no cycles
}

func (w *themeWalk) refuse(rel string, format string, args ...any) {
	w.th.diags.Add(content.Pos{Path: rel}, content.Error, format, args...)
}

// top reads one of the site's theme folders, if there is one. A file
// where the folder should be fails the build: the theme would silently
// be the default one.
func (w *themeWalk) top(top string) error {
	abs := filepath.Join(w.site, top)
	fi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("%s: %w", top, err)
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		target, ok := w.follow(top, abs)
		if !ok {
			return nil
		}
		if fi, err = os.Stat(target); err != nil {
			return fmt.Errorf("%s: %w", top, err)
		}
		abs = target
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s: a file, expected a folder of the theme's %s", top, map[string]string{"templates": "templates", "static": "files to publish"}[top])
	}
	w.dir(top, abs)
	return nil
}

// follow resolves a link of the theme, refusing one that leaves the site.
func (w *themeWalk) follow(rel, abs string) (string, bool) {
	target, err := filepath.EvalSymlinks(abs)
	if err != nil {
		w.refuse(rel, "broken symbolic link: %v", err)
		return "", false
	}
	if !within(w.site, target) {
		w.refuse(rel, "symbolic link points outside the site; refused")
		return "", false
	}
	return target, true
}

// dir reads the folder at abs, rel in the theme ("static/docs").
func (w *themeWalk) dir(rel, abs string) {
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		if w.seen[real] {
			return
		}
		w.seen[real] = true
	}
	ents, err := os.ReadDir(abs)
	if err != nil {
		w.refuse(rel, "cannot read folder: %v", cause(err))
	}
	for _, e := range ents {
		p, a := path.Join(rel, e.Name()), filepath.Join(abs, e.Name())
		if hidden(p) {
			continue
		}
		mode := e.Type()
		target := a
		if mode&fs.ModeSymlink != 0 {
			t, ok := w.follow(p, a)
			if !ok {
				continue
			}
			st, err := os.Stat(t)
			if err != nil {
				w.refuse(p, "cannot read: %v", cause(err))
				continue
			}
			target, mode = t, st.Mode().Type()
		}
		switch {
		case mode.IsDir():
			w.dir(p, target)
		case !mode.IsRegular():
			w.refuse(p, "%s; not read", (&content.NotRegularError{Mode: mode}).Error())
		default:
			// Read without following a pipe swapped in since the listing.
			data, err := content.ReadRegular(target, 0)
			if err != nil {
				var odd *content.NotRegularError
				if errors.As(err, &odd) {
					w.refuse(p, "%v; not read", odd)
				} else {
					w.refuse(p, "cannot read: %v", cause(err))
				}
				continue
			}
			w.th.fs[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		}
	}
}

// cause drops the path an *fs.PathError repeats: diagnostics name the
// file already.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func mediaType(name string) string {
	switch path.Ext(name) {
	case ".css":
		return "text/css"
	case ".js":
		return "application/javascript"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	}
	return ""
}
