package build

import (
	"encoding/gob"
	"os"
	"path/filepath"
	"sort"
	"time"

	"postes/generator/content"
	"postes/generator/offer"
)

// offersSuffix names the offers cache beside the output folder ("public"
// → ".public.postes-offers.gob"): every offer as extracted, without its
// body, with the size and modification time of its file. The next build
// reads again only the files whose size or time changed, and a page that
// must be rendered reads its file for the body. Deleting the cache only
// makes the next build read everything; a new version of postes ignores
// an old cache.
const offersSuffix = ".postes-offers.gob"

type offersFile struct {
	Version string
	Today   string // the day of the build that wrote it
	Files   []cachedFile
}

type cachedFile struct {
	Path  string // "content/…"
	Abs   string
	Size  int64
	Mod   int64 // UnixNano
	Offer *offer.Offer
	Diags content.List
	// DefHash is the hash of the defaults the file was read with.
	DefHash uint64
}

// offersCache is the path of the offers cache for this build's output,
// and the output folder.
func (b *Builder) offersCache(cfg Config) (cache, output string) {
	out := b.opt.Output
	if out == "" {
		out = filepath.Join(b.opt.Source, cfg.Output)
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "-", out
	}
	dir, base := filepath.Split(abs)
	return filepath.Join(dir, "."+base+offersSuffix), abs
}

// loadOffers starts from the offers cache when it pays: on the day it was
// written, with the output still there, few pages will be rendered again.
// On a new day every page shows the new date and is rendered again, which
// needs every body: reading every file whole is then cheaper than reading
// the cache and each file again.
func (b *Builder) loadOffers(path string, today offer.Date, output string) {
	if !isOurs(output) {
		return
	}
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	var c offersFile
	if gob.NewDecoder(f).Decode(&c) != nil || c.Version != Version || c.Today != today.String() {
		return
	}
	files := make(map[string]*readFile, len(c.Files))
	for _, cf := range c.Files {
		rf := &readFile{size: cf.Size, mod: time.Unix(0, cf.Mod), o: cf.Offer, diags: cf.Diags, defHash: cf.DefHash,
			file: content.File{Path: cf.Path, Abs: cf.Abs}, bodyless: cf.Offer != nil}
		files[cf.Path] = rf
	}
	b.mu.Lock()
	b.files = files
	b.mu.Unlock()
}

func (b *Builder) saveOffers(path string, today offer.Date) {
	b.mu.Lock()
	c := offersFile{Version: Version, Today: today.String(), Files: make([]cachedFile, 0, len(b.files))}
	for p, rf := range b.files {
		cf := cachedFile{Path: p, Abs: rf.file.Abs, Size: rf.size, Mod: rf.mod.UnixNano(), Diags: rf.diags, DefHash: rf.defHash}
		if rf.o != nil {
			o := *rf.o
			o.Body = "" // read from the file when a page needs it
			cf.Offer = &o
		}
		c.Files = append(c.Files, cf)
	}
	b.mu.Unlock()
	sort.Slice(c.Files, func(i, j int) bool { return c.Files[i].Path < c.Files[j].Path })
	tmp := path + ".new"
	f, err := os.Create(tmp)
	if err != nil {
		return
	}
	if err := gob.NewEncoder(f).Encode(c); err != nil {
		f.Close()
		os.Remove(tmp)
		return
	}
	if f.Close() != nil || os.Rename(tmp, path) != nil {
		os.Remove(tmp)
	}
}
