package pipeline

// offres.json and the search index are one piece per offer. serve keeps
// the pieces in memory from build to build (memo); a one-shot build, the
// nightly one, takes those of offers that did not change from the last
// board's own files, cut at the pieces' boundaries: at national scale,
// making 100,000 entries again took a tenth of a nightly build. The state
// folder keeps, for each file, its content hash and the key of each of
// its pieces, in order; a file that is not the one described, or whose
// pieces do not count right, is not used.

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"

	"postes/generator/content"
	"postes/generator/offer"
	"postes/generator/publish"
)

const (
	piecesName   = "pieces.gob"
	piecesFormat = 1
	maxPieces    = 64 << 20 // two keys per offer: far less
)

type piecesFile struct {
	Format       int
	Version      string
	Common       uint64 // commonKey of the build that wrote the files
	JSON, Search pieceList
}

// pieceList describes one file of pieces.
type pieceList struct {
	Hash uint64   // the file's content hash
	Keys []uint64 // the key of each piece, in the file's order
}

// readKeys is what each offer was read with (readFile.defHash).
func (b *Builder) readKeys() map[*offer.Offer]uint64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	m := make(map[*offer.Offer]uint64, len(b.files))
	for _, rf := range b.files {
		if rf.o != nil {
			m[rf.o] = rf.defHash
		}
	}
	return m
}

// loadPieces reads what the state knows of the last board's offres.json
// and search index, or nil.
func loadPieces(state string, common uint64) *piecesFile {
	f, st, err := content.OpenRegular(filepath.Join(state, piecesName))
	if err != nil {
		return nil
	}
	defer f.Close()
	var pf piecesFile
	if st.Size() > maxPieces || gob.NewDecoder(f).Decode(&pf) != nil || pf.Format != piecesFormat || pf.Version != Version || pf.Common != common {
		return nil
	}
	return &pf
}

// memo returns the pieces of the last board's file rel, or nil: read
// when that file is made again, and dropped with it, so that a national
// board's 100 MB of them are never held while pages are rendered.
func (pf *piecesFile) memo(out *publish.Output, rel string) *memo {
	if pf == nil {
		return nil
	}
	l, split := pf.JSON, splitOffers
	if rel == "recherche.json" {
		l, split = pf.Search, splitSearch
	}
	data := out.Previous(rel, l.Hash)
	if data == nil {
		return nil
	}
	ps := split(data)
	if len(ps) != len(l.Keys) {
		return nil
	}
	m := newMemo()
	dst := m.json
	if rel == "recherche.json" {
		dst = m.search
	}
	for i, k := range l.Keys {
		dst[k] = ps[i]
	}
	return m
}

// savePieces records the pieces of the files this build wrote; a file
// kept from the last board keeps its record.
func savePieces(state string, out *publish.Output, w *writer) {
	var pf piecesFile
	if f, err := os.Open(filepath.Join(state, piecesName)); err == nil {
		if gob.NewDecoder(f).Decode(&pf) != nil || pf.Common != w.common {
			pf = piecesFile{}
		}
		f.Close()
	}
	files := out.Files()
	record := func(l *pieceList, rel string, keys []uint64) {
		e, ok := files[rel]
		switch {
		case !ok:
			*l = pieceList{}
		case keys != nil:
			*l = pieceList{Hash: e.Hash, Keys: keys}
		case l.Hash != e.Hash:
			*l = pieceList{} // kept, but not the file described
		}
	}
	record(&pf.JSON, "offres.json", w.jsonKeys)
	record(&pf.Search, "recherche.json", w.searchKeys)
	pf.Format, pf.Version, pf.Common = piecesFormat, Version, w.common
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(pf) != nil {
		return
	}
	tmp := filepath.Join(state, piecesName+".new")
	if os.WriteFile(tmp, buf.Bytes(), 0o644) != nil || os.Rename(tmp, filepath.Join(state, piecesName)) != nil {
		_ = os.Remove(tmp)
	}
}

// splitOffers cuts offres.json ("[" entry ("," entry)* "]\n") into its
// entries. Each is an object that begins {"source":, which no string in
// an entry can hold unescaped, so `},{"source":` is only ever a boundary.
func splitOffers(data []byte) [][]byte {
	if !bytes.HasPrefix(data, []byte("[")) || !bytes.HasSuffix(data, []byte("]\n")) {
		return nil
	}
	return splitAt(data[1:len(data)-2], []byte(`},{"source":`))
}

// splitSearch cuts the search index's offers ({…,"offers":[ entry (","
// entry)* ]}\n) into its entries, flat arrays of strings and numbers that
// begin with a string: `],["` is only ever a boundary.
func splitSearch(data []byte) [][]byte {
	i := bytes.Index(data, []byte(`"offers":[`))
	if i < 0 || !bytes.HasSuffix(data, []byte("]}\n")) {
		return nil
	}
	return splitAt(data[i+len(`"offers":[`):len(data)-3], []byte(`],["`))
}

// splitAt cuts data at each sep, whose first byte ends a piece and whose
// third begins the next (the second is the comma between them).
func splitAt(data, sep []byte) [][]byte {
	if len(data) == 0 {
		return [][]byte{}
	}
	var out [][]byte
	for {
		i := bytes.Index(data, sep)
		if i < 0 {
			return append(out, data)
		}
		out = append(out, data[:i+1])
		data = data[i+2:]
	}
}
