// Package content reads offer files: it finds them under content/, decodes
// whatever encoding an editor saved them in into clean NFC UTF-8 lines, and
// splits off optional TOML front matter.
//
// It is the first stage of the pipeline (read → extract → model → render →
// publish). It knows nothing of offers: what the lines mean is package
// offer's business. Every problem it meets is a Diag carrying the file and
// line, so a bad file is named and skipped, never silently dropped.
package content

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"postes/generator/message"
)

// MaxSize is the largest offer file read. Real offers are a few kilobytes
// (the largest seen, 50 KB); a file past this is a mistake (an export, a
// binary) or hostile, and is refused whole, read no further than this.
const MaxSize = 1 << 20

// Source is one decoded offer file.
type Source struct {
	Path  string   // relative to content/, forward slashes
	Lines []string // the whole file, decoded, without line endings
	// Front holds the front matter lines (without the +++ fences) and
	// FrontLine the 1-based line of the first of them; Front is nil when the
	// file has none. Start is the 0-based index in Lines of the first line
	// after the front matter.
	Front     []string
	FrontLine int
	Start     int
	// Plain says the lines are the file's bytes as they are, split on LF:
	// UTF-8 without BOM, no CR, nothing removed or normalised. A reader
	// of the same bytes may then skip decoding (see ReadBytes).
	Plain bool
}

// Decode turns raw bytes into a Source. It accepts UTF-8 with or without BOM,
// UTF-16 with BOM, and Windows-1252 (a superset of Latin-1 for printable
// text), which it reports as a warning since the guess could be wrong. CRLF
// and lone CR become LF; control characters other than tab are removed;
// text is normalised to NFC so that "é" typed as e + accent matches labels.
func Decode(path string, data []byte) (*Source, List) {
	return decode(path, data, false)
}

// decode is Decode; owned says the caller gives data up (ReadFile's own
// buffer): the text is then read in place instead of copied.
func decode(path string, data []byte, owned bool) (*Source, List) {
	var diags List
	pos := Pos{Path: path}
	if len(data) > MaxSize {
		// ReadFile reads one byte past the limit, no more: the size is
		// not known, only that it is too much.
		diags.Say(pos, Error, message.FileOverMax, "max", int(MaxSize>>20))
		return nil, diags
	}
	plain := true
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, plain = data[3:], false
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			diags.Say(pos, Error, message.UTF16Unreadable, "err", err)
			return nil, diags
		}
		data, owned, plain = out, true, false
	}
	if looksBinary(data) {
		diags.Say(pos, Error, message.BinaryFile)
		return nil, diags
	}
	if !utf8.Valid(data) {
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			diags.Say(pos, Error, message.EncodingUnknown, "err", err)
			return nil, diags
		}
		line := lineOf(data, firstInvalid(data))
		diags.Say(Pos{Path: path, Line: line}, Warning, message.NotUTF8)
		data, owned, plain = out, true, false
	}
	var text string
	if owned && len(data) > 0 {
		// Nothing writes to data any more: the lines can be cut from it
		// without a copy of every file.
		text = unsafe.String(unsafe.SliceData(data), len(data))
	} else {
		text = string(data)
	}
	if nfc := norm.NFC.String(text); nfc != text {
		text, plain = nfc, false
	}
	lines, changed := splitLines(text)
	src := &Source{Path: path, Lines: lines, Plain: plain && !changed}
	diags = append(diags, src.splitFront()...)
	if src.Front != nil {
		// The TOML parser recurses without bound: check before it reads.
		if line := TOMLTooDeep(strings.Join(src.Front, "\n")); line > 0 {
			diags.Say(Pos{Path: path, Line: src.FrontLine + line - 1}, Error, message.FrontTooDeep, "max", MaxTOMLDepth)
			return nil, diags
		}
	}
	return src, diags
}

// looksBinary reports NUL bytes or a high share of control bytes near the
// start, the usual signature of images, PDFs and office documents.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctl++
		}
	}
	return ctl > len(head)/20+2
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// lineOf returns the 1-based line of byte offset i, counting line breaks
// as splitLines does: LF, CRLF and lone CR. Counting LF alone put every
// warning of a CR-only file (old Mac editors) on line 1.
func lineOf(data []byte, i int) int {
	head := data[:i]
	return 1 + bytes.Count(head, []byte{'\n'}) + bytes.Count(head, []byte{'\r'}) - bytes.Count(head, []byte("\r\n"))
}

// splitLines splits on LF, CRLF and lone CR, and drops control characters
// that no offer means to contain (they would make the XML outputs invalid).
func splitLines(text string) (lines []string, changed bool) {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
		changed = true
	}
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return nil, changed
	}
	lines = strings.Split(text, "\n")
	for i, l := range lines {
		if hasJunk(l) {
			l = strings.Map(func(r rune) rune {
				if isJunk(r) {
					return -1
				}
				return r
			}, l)
			// Removing a control between a letter and its accent
			// ("e\x01\u0301") joins them: normalise again so labels match.
			lines[i] = norm.NFC.String(l)
			changed = true
		}
	}
	return lines, changed
}

// hasJunk reports whether a valid UTF-8 line holds a rune isJunk drops. It
// looks at bytes, not runes: every line of every file goes through it, and
// decoding each rune to ask unicode.IsControl was a tenth of a national
// build's reading time.
func hasJunk(l string) bool {
	for i := 0; i < len(l); i++ {
		switch b := l[i]; {
		case b < 0x20 && b != '\t', b == 0x7f:
			return true
		case b == 0xc2 && i+1 < len(l) && l[i+1] < 0xa0:
			return true // U+0080–U+009F, C1 controls
		case b == 0xef && i+2 < len(l) && ((l[i+1] == 0xbb && l[i+2] == 0xbf) || (l[i+1] == 0xbf && l[i+2] >= 0xbe)):
			return true // U+FEFF, U+FFFE, U+FFFF
		case b == 0xc2 && i+1 < len(l) && l[i+1] == 0xad:
			return true // U+00AD, soft hyphen
		case b == 0xe1 && i+2 < len(l) && l[i+1] == 0xa0 && l[i+2] == 0x8e:
			return true // U+180E, Mongolian vowel separator (a format character)
		case b == 0xe2 && i+2 < len(l) && invisible(rune(l[i+1])<<8|rune(l[i+2])):
			return true
		}
	}
	return false
}

// invisible reports the three-byte runs (after 0xE2) of the invisible
// format characters isJunk drops.
func invisible(tail rune) bool {
	switch {
	case tail == 0x808b, tail == 0x808e, tail == 0x808f: // U+200B zero-width space, U+200E/F direction marks
		return true
	case tail >= 0x80aa && tail <= 0x80ae: // U+202A–U+202E direction embeddings and overrides
		return true
	case tail == 0x81a0, tail >= 0x81a6 && tail <= 0x81a9: // U+2060 word joiner, U+2066–U+2069 isolates
		return true
	}
	return false
}

func isJunk(r rune) bool {
	if r == '\t' {
		return false
	}
	// C0 and C1 controls, the BOM met mid-file, and non-characters. And
	// the invisible format characters word processors and web pages leave
	// in copied text (soft hyphens, zero-width spaces, direction marks,
	// overrides and isolates): unseen, they made one employer four that
	// looked the same ("Mairie de Nou\u00adméa"), and a direction
	// override shows text other than what it is.
	switch r {
	case '\u00AD', '\u180E', '\u200B', '\u200E', '\u200F', '\u2060':
		return true
	}
	if (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') {
		return true
	}
	return unicode.IsControl(r) || r == '\uFEFF' || r == '\uFFFE' || r == '\uFFFF'
}

// splitFront detects TOML front matter: a first line "+++" and a closing
// "+++" line.
func (s *Source) splitFront() List {
	if len(s.Lines) == 0 || strings.TrimSpace(s.Lines[0]) != "+++" {
		return nil
	}
	for i := 1; i < len(s.Lines); i++ {
		if strings.TrimSpace(s.Lines[i]) == "+++" {
			s.Front = s.Lines[1:i]
			s.FrontLine = 2
			s.Start = i + 1
			return nil
		}
	}
	var l List
	l.Say(Pos{Path: s.Path, Line: 1}, Error, message.FrontUnclosed)
	s.Start = len(s.Lines)
	return l
}

// String is for debugging.
func (s *Source) String() string { return fmt.Sprintf("%s (%d lines)", s.Path, len(s.Lines)) }
