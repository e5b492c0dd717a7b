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
	"syscall"

	"postes/generator/message"
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
// reported as an error and skipped. Only regular files are listed: a named
// pipe, socket or device with an offer's name is an error naming it, since
// reading one would wait for ever. A sub-folder that cannot be read is an
// error naming it, and the rest is listed; only a root that cannot be read
// is a failure.
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
		rel, _ := filepath.Rel(rootAbs, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			if p == rootAbs {
				return err
			}
			// A folder of the editor's that this user may not read: its
			// offers are skipped as an unreadable file's would be.
			diags.Say(Pos{Path: rel}, Error, message.FolderUnreadable, "err", cause(err))
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != rootAbs && ignored(name) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := filepath.EvalSymlinks(p)
			if err != nil {
				diags.SayText(Pos{Path: rel}, Error, brokenLink(p))
				return nil
			}
			if !within(realRoot, target) {
				// Only what postes would read is named: an offer or a
				// folder of them here, a _defaults.toml by the defaults'
				// reader.
				if st, err := os.Stat(target); isOffer(name) || (err == nil && st.IsDir()) {
					diags.Say(Pos{Path: rel}, Error, message.LinkOutside)
				}
				return nil
			}
			st, err := os.Stat(target)
			if err != nil || st.IsDir() {
				return nil // links to folders are not followed: no cycles
			}
			if !st.Mode().IsRegular() {
				if isOffer(name) {
					diags.SayText(Pos{Path: rel}, Error, notRegularText(st.Mode()))
				}
				return nil
			}
		case d.IsDir():
			return nil
		case !d.Type().IsRegular():
			if isOffer(name) {
				diags.SayText(Pos{Path: rel}, Error, notRegularText(d.Type()))
			}
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

// brokenLink says why the link at p leads nowhere.
func brokenLink(p string) message.Text {
	_, err := os.Stat(p)
	switch {
	case errors.Is(err, syscall.ELOOP):
		return message.New(message.LinkLoop)
	case errors.Is(err, fs.ErrNotExist):
		if target, err := os.Readlink(p); err == nil {
			return message.New(message.LinkBrokenTo, "target", target)
		}
		return message.New(message.LinkBroken)
	case err != nil:
		return message.New(message.LinkUnreadable, "err", cause(err))
	}
	return message.New(message.LinkBroken)
}

// cause drops the path an *fs.PathError repeats: messages name the file
// already.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Inside says whether the file at p, its symbolic links followed, is in
// the folder root, its own links followed too: false when either cannot be
// resolved.
func Inside(root, p string) bool {
	r, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false
	}
	t, err := filepath.EvalSymlinks(p)
	return err == nil && within(r, t)
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

// NotRegularError is a file that is not a regular file where one is read:
// a named pipe would make the read wait for a writer for ever.
type NotRegularError struct {
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string { return notRegular(e.Mode) }

// Text says the error in the catalogue's words.
func (e *NotRegularError) Text() message.Text { return notRegularText(e.Mode) }

func notRegular(m fs.FileMode) string {
	kind := "special file"
	switch {
	case m.IsDir():
		kind = "folder"
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	return kind + ", not a regular file"
}

// notRegularText says that a file of mode m was not read.
func notRegularText(m fs.FileMode) message.Text {
	id := message.NotRegularSpecial
	switch {
	case m.IsDir():
		id = message.NotRegularFolder
	case m&fs.ModeNamedPipe != 0:
		id = message.NotRegularPipe
	case m&fs.ModeSocket != 0:
		id = message.NotRegularSocket
	case m&fs.ModeDevice != 0:
		id = message.NotRegularDevice
	}
	return message.New(id)
}

// SizeText says a byte count for people in the reader's language: "269
// Mo", "10,5 MB".
func SizeText(n int64) message.Text {
	switch {
	case n >= 100<<20:
		return message.New(message.SizeMB, "n", message.Decimal(float64(n>>20)))
	case n >= 1<<20:
		return message.New(message.SizeMB, "n", message.Decimal(float64(n*10>>20)/10))
	case n >= 1<<10:
		return message.New(message.SizeKB, "n", message.Decimal(float64(n>>10)))
	}
	return message.New(message.SizeBytes, "n", int(n))
}

// TooBigError is a file over the size a reader accepts. Size is the
// file's own, from the file system, or at least Size when the file grew
// while it was read.
type TooBigError struct {
	Size, Max int64
	Grew      bool
}

func (e *TooBigError) Error() string {
	more := ""
	if e.Grew {
		more = "more than "
	}
	return fmt.Sprintf("file is %s%s; at most %s is read", more, Size(e.Size), Size(e.Max))
}

// Size writes a byte count for people: "269 MB", "10.5 MB", "812 KB".
func Size(n int64) string {
	switch {
	case n >= 100<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MB"
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// OpenRegular opens a file for reading only if it is a regular file,
// following symbolic links. A named pipe, socket or device is refused
// with a *NotRegularError and never waited on: the file is checked before
// it is opened, then opened without blocking and checked again, so one
// swapped for a pipe in between is refused too.
func OpenRegular(name string) (*os.File, fs.FileInfo, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, nil, &fs.PathError{Op: "open", Path: name, Err: &NotRegularError{Mode: st.Mode()}}
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err = f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = &fs.PathError{Op: "open", Path: name, Err: &NotRegularError{Mode: st.Mode()}}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// ReadRegular reads a whole regular file (see OpenRegular) of at most max
// bytes; a larger one is a *TooBigError, found before reading when the
// file system gives its size. max <= 0 means no bound.
func ReadRegular(name string, max int64) ([]byte, error) {
	f, st, err := OpenRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(f, st.Size(), max)
}

// readAll reads f, whose size the file system gave, in a buffer of that
// size: io.ReadAll would grow one several times for a 4 KB offer.
func readAll(f *os.File, size, max int64) ([]byte, error) {
	if max > 0 && size > max {
		return nil, &TooBigError{Size: size, Max: max}
	}
	limit := max + 1
	if max <= 0 {
		limit = 1<<63 - 1
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(size, limit)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit)); err != nil {
		return nil, err
	}
	if max > 0 && int64(buf.Len()) > max {
		return nil, &TooBigError{Size: max, Max: max, Grew: true}
	}
	return buf.Bytes(), nil
}

// ReadFile reads and decodes one file, refusing files over MaxSize without
// reading them, and anything but a regular file without opening it.
func ReadFile(f File) (*Source, List) {
	data, err := ReadBytes(f)
	if err != nil {
		var l List
		var big *TooBigError
		var odd *NotRegularError
		switch {
		case errors.As(err, &big):
			id, size := message.FileTooBig, big.Size
			if big.Grew || size < MaxSize+MaxSize/10 {
				// Just over the limit, its size rounds to the limit:
				// "more than 1 MB", not "1 MB; must be under 1 MB".
				id, size = message.FileGrewTooBig, MaxSize
			}
			l.Say(Pos{Path: f.Path}, Error, id, "size", SizeText(size), "max", int(MaxSize>>20))
		case errors.As(err, &odd):
			l.SayText(Pos{Path: f.Path}, Error, notRegularText(odd.Mode))
		default:
			l.Say(Pos{Path: f.Path}, Error, message.FileUnreadable, "err", err)
		}
		return nil, l
	}
	return decode(f.Path, data, true)
}

// ReadBytes reads one regular file as it is, of at most MaxSize bytes;
// errors are a *TooBigError, a *NotRegularError or the system's, without
// the path, which callers name already.
func ReadBytes(f File) ([]byte, error) {
	data, err := ReadRegular(f.Abs, MaxSize)
	var big *TooBigError
	var odd *NotRegularError
	if err != nil && !errors.As(err, &big) && !errors.As(err, &odd) {
		err = cause(err)
	} else if errors.As(err, &odd) {
		err = odd
	}
	return data, err
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
