package pipeline

import (
	"encoding/gob"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"postes/generator/content"
	"postes/generator/offer"
	"postes/generator/publish"
)

// offersName names the offers cache in the output's state folder
// (state.go): every offer as extracted, without its body, with the stamp
// of its file (size, modification time, inode, change time). The next
// build reads again only the files whose stamp changed, or changed too
// recently to be trusted (publish.Stamp), and a page that must be
// rendered reads its file for the body. An offer's extraction does not
// depend on the day: the cache serves the next night's build as well as
// the next minute's. Deleting the cache only makes the next build read
// everything; a new version of postes ignores an old cache, and a cache
// of other extraction options (config's [places], max_open_days, time
// zone) is ignored too.
const offersName = "offers.gob"

// legacyOffersSuffix named the offers cache of postes 0.3, beside the
// output folder ("public" → ".public.postes-offers.gob"), where a web
// server serving the output's parent published the text of offers not
// published yet. A build removes it.
const legacyOffersSuffix = ".postes-offers.gob"

// offersFormat is the layout of the offers cache; a cache of another
// layout is ignored.
const offersFormat = 3

// Bounds on the offers cache: a file larger than this for the number of
// offer files listed is not a cache of them, and is not read (a 4 GB file
// there was read whole). An offer without its body takes under 1 KB; one
// with unusually long fields may push a cache over, which then only makes
// the build cold.
const (
	offersCacheBase    = 1 << 20
	offersCachePerFile = 8 << 10
)

type offersFile struct {
	Format  int
	Version string
	Extract uint64 // Config.extractHash of the build that wrote it
	Files   []cachedFile
}

type cachedFile struct {
	Path  string // "content/…"
	Abs   string
	Stamp publish.Stamp
	Seen  int64 // UnixNano: when the stamp was taken
	Offer *offer.Offer
	Diags content.List
	// DefHash is the hash of the defaults the file was read with.
	DefHash uint64
}

// removeLegacyOffers removes the offers cache of postes 0.3 beside the
// output folder final.
func removeLegacyOffers(final string) {
	dir, base := filepath.Split(final)
	for _, p := range []string{"." + base + legacyOffersSuffix, "." + base + legacyOffersSuffix + ".new"} {
		_ = os.Remove(filepath.Join(dir, p))
	}
}

// loadOffers starts from the offers cache. It pays even when every page
// is to be rendered (the output was removed): a page then reads its
// file's body again, from its offset in the file when the file is plain
// UTF-8, which costs less than extracting the file again (at 10,000
// offers, 7.1 s of CPU against 9.4 for the whole build). files is how
// many offer files content/ holds, which bounds the cache's size.
func (b *Builder) loadOffers(path string, ext uint64, files int) {
	f, st, err := content.OpenRegular(path)
	if err != nil {
		return
	}
	defer f.Close()
	limit := int64(offersCacheBase) + int64(files)*offersCachePerFile
	if st.Size() > limit {
		return
	}
	var c offersFile
	if gob.NewDecoder(io.LimitReader(f, limit)).Decode(&c) != nil || c.Format != offersFormat || c.Version != Version || c.Extract != ext {
		return
	}
	m := make(map[string]*readFile, len(c.Files))
	for _, cf := range c.Files {
		rf := &readFile{stamp: cf.Stamp, seen: time.Unix(0, cf.Seen), o: cf.Offer, diags: cf.Diags, defHash: cf.DefHash,
			file: content.File{Path: cf.Path, Abs: cf.Abs}, bodyless: cf.Offer != nil}
		m[cf.Path] = rf
	}
	b.mu.Lock()
	b.files = m
	b.mu.Unlock()
}

func (b *Builder) saveOffers(path string, ext uint64) {
	b.mu.Lock()
	c := offersFile{Format: offersFormat, Version: Version, Extract: ext, Files: make([]cachedFile, 0, len(b.files))}
	for p, rf := range b.files {
		cf := cachedFile{Path: p, Abs: rf.file.Abs, Stamp: rf.stamp, Seen: rf.seen.UnixNano(), Diags: rf.diags, DefHash: rf.defHash}
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
	if os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
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
