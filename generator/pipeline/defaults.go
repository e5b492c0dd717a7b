package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"

	"postes/generator/content"
	"postes/generator/message"
	"postes/generator/offer"
)

// defaultsName is the file that gives the offers of its folder, and of
// the folders below it, the fields they do not state.
const defaultsName = "_defaults.toml"

// maxDefaultsSize bounds a _defaults.toml file: a few keys.
const maxDefaultsSize = 64 << 10

// folderDefaults are the defaults of each folder of content/ holding
// offers: config.toml's [defaults], then each _defaults.toml from
// content/ down, the nearest winning.
type folderDefaults map[string]*offer.Defaults // by folder, "content/x"

// of returns the defaults of a file, by its path ("content/x/a.txt").
func (d folderDefaults) of(file string) *offer.Defaults {
	return d[path.Dir(file)]
}

// defaults reads config.toml's [defaults] and the _defaults.toml of every
// folder that holds offers, or is above one. They are a few small files:
// read at every build, so that an edit to one is always seen.
func (b *Builder) defaults(cfg Config, files []content.File) (folderDefaults, content.List) {
	var diags content.List
	out := folderDefaults{}
	var at func(dir string) *offer.Defaults
	at = func(dir string) *offer.Defaults {
		if d, ok := out[dir]; ok {
			return d
		}
		base := cfg.defaults
		if dir != "content" && dir != "." && dir != "/" {
			base = at(path.Dir(dir))
		}
		d := base
		rel := dir + "/" + defaultsName
		abs := filepath.Join(b.opt.Source, filepath.FromSlash(rel))
		st, err := os.Stat(abs)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err == nil && !content.Inside(filepath.Join(b.opt.Source, "content"), abs):
			// A link out of the site: the folder walk refuses it for
			// offers, and the defaults, which end up on every page of
			// the folder, are no different.
			diags.Say(content.Pos{Path: rel}, content.Error, message.DefaultsLinkOutside)
		case err != nil:
			diags.Say(content.Pos{Path: rel}, content.Error, message.DefaultsUnreadable, "err", err)
		case !st.Mode().IsRegular():
			diags.Say(content.Pos{Path: rel}, content.Error, message.DefaultsNotRegular)
		case st.Size() > maxDefaultsSize:
			diags.Say(content.Pos{Path: rel}, content.Error, message.DefaultsTooBig, "size", content.SizeText(st.Size()), "max", maxDefaultsSize>>10)
		default:
			data, err := os.ReadFile(abs)
			if err != nil {
				diags.Say(content.Pos{Path: rel}, content.Error, message.DefaultsUnreadable, "err", err)
				break
			}
			var dd content.List
			d, dd = offer.ParseDefaults(rel, string(data), base)
			diags = append(diags, dd...)
		}
		out[dir] = d
		return d
	}
	dirs := map[string]bool{}
	for _, f := range files {
		dirs[path.Dir(f.Path)] = true
	}
	names := make([]string, 0, len(dirs))
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names)
	for _, d := range names {
		at(d)
	}
	b.mu.Lock()
	b.defs = out
	b.mu.Unlock()
	return out, diags
}

// defsOf returns the defaults the last build used for an offer, by its
// source (relative to content/).
func (b *Builder) defsOf(source string) *offer.Defaults {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.defs.of("content/" + source)
}
