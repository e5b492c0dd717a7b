package pipeline

// Where a build publishes, and what it refuses to publish over.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"postes/generator/content"
	"postes/generator/publish"
)

// DefaultWait is how long a build waits for another build of the same
// output to finish before it gives up.
const DefaultWait = 30 * time.Second

// outputPath is the output folder as given: --output (relative to the
// working folder), else config's output, relative to the site root unless
// absolute.
func (b *Builder) outputPath(cfg Config) string {
	switch {
	case b.opt.Output != "":
		return b.opt.Output
	case filepath.IsAbs(cfg.Output):
		return cfg.Output
	}
	return filepath.Join(b.opt.Source, cfg.Output)
}

// guardOutput refuses an output that holds the site or one of its inputs
// (a build replaces its output whole: "--output ." in a site folder
// deleted the editor's content/ and config.toml), or that lies inside an
// input folder (the next build would read the board as input). final is
// resolved (publish.Resolve); inputs that are links are followed too.
func guardOutput(source, final string) error {
	site, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(site); err == nil {
		site = real
	}
	if within(final, site) {
		return fmt.Errorf("output %s contains the site %s: a build replaces its output whole and would delete the site's files; choose an output outside it, such as %s", final, site, filepath.Join(site, "public"))
	}
	for _, name := range []string{"content", "templates", "static", "config.toml"} {
		real, err := filepath.EvalSymlinks(filepath.Join(site, name))
		if err != nil {
			continue
		}
		shown := name
		if name != "config.toml" {
			shown += "/"
		}
		if within(final, real) {
			return fmt.Errorf("output %s contains the site's %s (%s): a build replaces its output whole and would delete it; choose an output outside the site's inputs", final, shown, real)
		}
		if name != "config.toml" && within(real, final) {
			return fmt.Errorf("output %s lies inside the site's %s (%s): the next build would read the board as input; choose an output outside it", final, shown, real)
		}
	}
	if state := filepath.Join(site, StateFolder); within(state, final) {
		return fmt.Errorf("output %s lies inside the site's %s/ (%s), where builds keep what they remember, unpublished offers included; choose an output outside it", final, StateFolder, state)
	}
	return nil
}

// within reports whether p is root or lies inside it.
func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// siteContent checks that source is a site: a folder with content/ in it.
func siteContent(source string) error {
	st, err := os.Stat(filepath.Join(source, "content"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no content/ folder in %s: a site holds config.toml and content/, one offer per file (templates/ and static/ are optional)", source)
	case err != nil:
		return err
	case !st.IsDir():
		return fmt.Errorf("%s: a file, expected a folder of offers", filepath.Join(source, "content"))
	}
	return nil
}

// ErrEmpty is returned when a build would replace a board that has offers
// with one that has none, and --allow-empty was not given.
var ErrEmpty = errors.New("refusing to publish an empty board")

// emptyBoard explains why the new board has no offer, for the refusal.
func emptyBoard(res *Result, final string) error {
	why := "content/ holds no offer"
	if n := res.Skipped + res.Drafts + res.Scheduled; n > 0 {
		why = fmt.Sprintf("of %d files, %d skipped with errors, %d drafts, %d scheduled", n, res.Skipped, res.Drafts, res.Scheduled)
	}
	return fmt.Errorf("%w: the new board has no offer (%s) and would replace the one in %s, which has some; nothing published: fix content/, or build with --allow-empty", ErrEmpty, why, final)
}

// warnings turns what publishing could not clean up into diagnostics:
// said, but not failing a build that published.
func warnings(out *publish.Output) content.List {
	var l content.List
	for _, w := range out.Warnings() {
		l.Add(content.Pos{Path: w.Path}, content.Warning, "%s", w.Msg)
	}
	return l
}
