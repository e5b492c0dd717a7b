package publish

// Precompressed twins: with Options.Precompress, every file a web server
// would compress on the fly (HTML, CSS, JavaScript, JSON, XML, OPML,
// iCalendar, SVG) gets a gzip and a brotli copy beside it, "x.html.gz" and
// "x.html.br", which nginx's gzip_static and brotli_static, and CDNs,
// serve as they are. A twin is made from its file's content: it is kept
// from the last board while that content is the same, whatever made the
// file be written again.

import (
	"bytes"
	"compress/gzip"
	"path"

	"github.com/andybalholm/brotli"
)

// compressible are the extensions of files that get twins.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".json": true, ".xml": true,
	".opml": true, ".ics": true, ".svg": true}

// brotliQuality trades size for time: on pages of a board, quality 5
// makes files 10 % smaller than gzip's best at about 12 MB/s per core
// (in Go); 11, the most, saves 9 % more at 0.4 MB/s, an hour for a
// national board.
const brotliQuality = 5

// twin is one kind of precompressed copy.
type twin struct {
	ext    string
	encode func([]byte) ([]byte, error)
}

var twins = []twin{{".gz", gzipped}, {".br", brotlied}}

// twinsOf are the twins a file gets, none if it is not compressible or
// precompression is off.
func (o *Output) twinsOf(rel string) []twin {
	if !o.precompress || !compressible[path.Ext(rel)] {
		return nil
	}
	return twins
}

// gzipped compresses data as gzip_static expects: the same bytes for the
// same input (no name, no time in the header).
func gzipped(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func brotlied(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	w := brotli.NewWriterLevel(&buf, brotliQuality)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
