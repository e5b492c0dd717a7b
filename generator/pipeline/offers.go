package pipeline

import (
	"bufio"
	"encoding/gob"
	"fmt"
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
const offersFormat = 5

// Bounds on the offers cache: a file larger than this for the number of
// offer files listed is not a cache of them, and is not read (a 4 GB file
// there was read whole). An offer without its body takes under 1 KB; one
// with unusually long fields may push a cache over, which then only makes
// the build cold.
const (
	offersCacheBase    = 1 << 20
	offersCachePerFile = 8 << 10
)

// offersHeader begins the offers cache; each file's record follows as a
// gob message of its own, so that neither writing nor reading holds the
// whole cache in one buffer.
type offersHeader struct {
	Format  int
	Version string
	Extract uint64 // Config.extractHash of the build that wrote it
	Files   int    // how many records follow
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
	limit := int64(offersCacheBase) + int64(files)*offersCachePerFile
	h, cfs, err := readOffers(path, limit)
	if err != nil || h.Format != offersFormat || h.Version != Version || h.Extract != ext {
		return
	}
	m := make(map[string]*readFile, len(cfs))
	for _, cf := range cfs {
		rf := &readFile{stamp: cf.Stamp, seen: time.Unix(0, cf.Seen), o: cf.Offer, diags: cf.Diags, defHash: cf.DefHash,
			file: content.File{Path: cf.Path, Abs: cf.Abs}, bodyless: cf.Offer != nil}
		m[cf.Path] = rf
	}
	b.mu.Lock()
	b.files = m
	b.mu.Unlock()
}

// readOffers reads the offers cache at path, if it is no bigger than
// limit: its header, then each file's record.
func readOffers(path string, limit int64) (offersHeader, []cachedFile, error) {
	var h offersHeader
	f, st, err := content.OpenRegular(path)
	if err != nil {
		return h, nil, err
	}
	defer f.Close()
	if st.Size() > limit {
		return h, nil, fmt.Errorf("%s: %d bytes, more than a cache of this board", path, st.Size())
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(io.LimitReader(f, limit), 1<<20))
	if err := dec.Decode(&h); err != nil {
		return h, nil, err
	}
	if h.Files < 0 || int64(h.Files) > limit/16 {
		return h, nil, fmt.Errorf("%s: %d files: not a cache", path, h.Files)
	}
	cfs := make([]cachedFile, h.Files)
	for i := range cfs {
		if err := dec.Decode(&cfs[i]); err != nil {
			return h, nil, err
		}
	}
	return h, cfs, nil
}

// saveOffers writes the offers cache, one record at a time: a national
// board's (94 MB) was built whole in memory, while pages were rendered.
func (b *Builder) saveOffers(path string, ext uint64) {
	type item struct {
		path string
		rf   *readFile
	}
	b.mu.Lock()
	items := make([]item, 0, len(b.files))
	for p, rf := range b.files {
		items = append(items, item{p, rf}) // a readFile does not change once read
	}
	b.mu.Unlock()
	sort.Slice(items, func(i, j int) bool { return items[i].path < items[j].path })
	_ = writeOffers(path, offersHeader{Format: offersFormat, Version: Version, Extract: ext, Files: len(items)}, func(put func(*cachedFile) error) error {
		for _, it := range items {
			rf := it.rf
			cf := cachedFile{Path: it.path, Abs: rf.file.Abs, Stamp: rf.stamp, Seen: rf.seen.UnixNano(), Diags: rf.diags, DefHash: rf.defHash}
			if rf.o != nil {
				o := *rf.o
				o.Body = "" // read from the file when a page needs it
				cf.Offer = &o
			}
			if err := put(&cf); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeOffers writes an offers cache atomically: the header, then the
// records records puts.
func writeOffers(path string, h offersHeader, records func(put func(*cachedFile) error) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".new"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := gob.NewEncoder(w)
	err = enc.Encode(h)
	if err == nil {
		err = records(func(cf *cachedFile) error { return enc.Encode(cf) })
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
