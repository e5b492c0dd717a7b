package pipeline

// Where a build keeps what it remembers of an output between builds: the
// record of which folder is the board and the manifest of its files
// (package publish), and the offers cache (offers.go). Never in or beside
// the output, where a web server would publish them (the offers cache
// holds the text of offers scheduled for later): in the site's hidden
// folder .postes/, one folder per output, or, when the site cannot be
// written, in the user's cache folder.

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"postes/generator/publish"
)

// StateFolder is the site's folder of what builds remember, beside
// content/. Version control should ignore it (postes init's .gitignore
// does). Deleting it makes the next build cold, and, since it holds the
// record of which folder is the board, makes postes refuse to replace an
// output folder that is not empty until that folder is removed.
const StateFolder = ".postes"

// stateReadme is written in a new state folder, for whoever finds it.
const stateReadme = `This folder is postes's memory of the boards it built from this site: for
each output folder, which folder it is, the files it holds and the offers
as read. It is private (it holds offers not published yet): keep it out of
version control and out of any web server's reach. Deleting it makes the
next build cold, and postes then refuses to replace an output folder that
is not empty until that folder is removed.
`

// stateDir returns the folder where builds of the output final (a path
// publish.Resolve returned) keep what they remember, creating the site's
// state folder if need be: ".postes/<output's name>-<hash of its path>".
// Where this user cannot write it (a read-only checkout, a site another
// user builds too), it is a folder of this user's cache, and also names
// the site's, whose record of the output is read, not written. "" when
// there is nowhere to keep anything: every build is then cold.
func stateDir(source, final string) (state string, also []string) {
	sum := sha256.Sum256([]byte(final))
	name := strings.TrimPrefix(filepath.Base(final), ".") + "-" + hex.EncodeToString(sum[:6])
	root := filepath.Join(source, StateFolder)
	site := filepath.Join(root, name)
	if writable(site) {
		readme := filepath.Join(root, "README")
		if _, err := os.Lstat(readme); errors.Is(err, fs.ErrNotExist) {
			_ = os.WriteFile(readme, []byte(stateReadme), 0o644)
		}
		return site, nil
	}
	if st, err := os.Stat(site); err == nil && st.IsDir() {
		also = []string{site}
	}
	abs, _ := filepath.Abs(source)
	ss := sha256.Sum256([]byte(abs))
	dir, err := publish.PrivateDir("sites")
	if err != nil {
		return "", also
	}
	own := filepath.Join(dir, hex.EncodeToString(ss[:8]), name)
	if !writable(own) {
		return "", also
	}
	return own, also
}

// writable makes the folder dir if need be and reports whether this user
// can write in it.
func writable(dir string) bool {
	if os.MkdirAll(dir, 0o755) != nil {
		return false
	}
	f, err := os.CreateTemp(dir, ".probe-")
	if err != nil {
		return false
	}
	f.Close()
	_ = os.Remove(f.Name())
	return true
}

// pruneStates removes the state of outputs that no longer exist, beside
// keep: a build into a temporary folder leaves nothing behind for ever,
// and an output that is gone has nothing to reuse.
func pruneStates(keep string) {
	root := filepath.Dir(keep)
	ents, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range ents {
		dir := filepath.Join(root, e.Name())
		if !e.IsDir() || dir == keep {
			continue
		}
		out := publish.RecordedOutput(dir)
		if out == "" {
			continue
		}
		if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
			_ = os.RemoveAll(dir)
		}
	}
}
