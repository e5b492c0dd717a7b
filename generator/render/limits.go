package render

// Limits on offer bodies. goldmark takes time quadratic in some
// constructs (emphasis and link markers in one paragraph, nesting), and
// gives HTML far larger than the Markdown for others (a link reference
// used many times, a table whose rows are padded to a wide header). One
// small hostile file once took 578 s, or made a 409 MB page. CheckBody
// measures a body in one pass before goldmark parses it; a body beyond a
// limit is refused (its file is named and skipped, the rest of the board
// is built), and Render stops at the size limit whatever CheckBody said.
//
// Every measure is an upper bound of what goldmark meets: a paragraph
// never spans a blank line, so the text between blank lines (a chunk)
// holds at least a paragraph. Real offers stay far below every limit.

import (
	"strings"

	"postes/generator/message"
)

const (
	// MaxBodySize is the largest body, in bytes: ten times the largest
	// real offer. goldmark renders the worst body within the limits
	// below at about 2.5 µs a byte: under a second and a half.
	MaxBodySize = 512 << 10

	// MaxNesting is how deep lists and block quotes may nest. Real
	// offers nest three deep; goldmark's time grows with the square of
	// the depth (3,000 deep: 59 s).
	MaxNesting = 32

	// MaxInlineWork bounds the sum, over chunks, of their markers times
	// their length. Markers are runs of * _ ~ and `, and brackets [ ];
	// goldmark matches each closer against the openers before it, and
	// each "](" against the text after it: up to that product of work
	// (an 800 KB paragraph of "*a_ " took 578 s). The bound, about a
	// quarter of a second of goldmark's worst, lets a 50 KB paragraph
	// hold 5,000 markers.
	MaxInlineWork = 256 << 20

	// MaxTableCells is how many table cells a body may make. goldmark
	// pads every row of a table to its header's width: a 9.9 MB table
	// of 5,000 rows under a 990-column header took 2.3 GB.
	MaxTableCells = 10000

	// MaxGrowth is how many times larger than its Markdown the HTML of a
	// body may be, past a first growthSlack bytes (a one-line list is 10
	// times its text). Plain constructs stay under 16 times; only a link
	// reference used many times, or a table, may go past.
	MaxGrowth = 64

	// MaxBodyHTML is the largest HTML of a body, in bytes, whatever its
	// size.
	MaxBodyHTML = 16 << 20
)

// growthSlack is the HTML a body may make past MaxGrowth times its size:
// a short body ("-") makes more markup than text.
const growthSlack = 4 << 10

// localGrowth bounds how many times larger than its Markdown the HTML of
// a body is, references and table padding aside: nested block quotes
// ("> > " → "<blockquote>" and its end) are the worst, under 14.
const localGrowth = 16

// cellHTML bounds the markup of one table cell beside its text:
// `<td style="text-align:center"></td>` and a line break.
const cellHTML = 48

// maxHTML is the most HTML a body of n bytes may make.
func maxHTML(n int) int {
	return min(MaxGrowth*n+growthSlack, MaxBodyHTML)
}

// LimitError says which limit a body passed. Line is 1-based in the body.
// Text says it in the board's language; Msg in English.
type LimitError struct {
	Line int
	Msg  string
	Text message.Text
}

func (e *LimitError) Error() string { return e.Msg }

func limitError(line int, id message.ID, kv ...any) *LimitError {
	t := message.New(id, kv...)
	return &LimitError{Line: line, Msg: t.String(), Text: t}
}

// CheckBody measures a Markdown body against the limits above, in time
// linear in its size, without parsing it. It returns a *LimitError for
// the first limit passed, or nil: then Render takes a bounded time and
// makes at most maxHTML(len(src)) bytes.
func CheckBody(src string) error {
	if len(src) > MaxBodySize {
		return limitError(1, message.BodyTooBig, "size", len(src), "max", MaxBodySize)
	}
	m := measure(src)
	switch {
	case m.depth > MaxNesting:
		return limitError(m.depthLine, message.BodyTooDeep, "depth", m.depth, "max", MaxNesting)
	case m.work > MaxInlineWork:
		return limitError(m.workLine, message.BodyTooManyMarkers, "markers", m.workMarkers, "size", m.workLen)
	case m.cells > MaxTableCells:
		return limitError(m.cellsLine, message.BodyTooManyCells, "cells", m.cells, "max", MaxTableCells)
	}
	if est := localGrowth*len(src) + cellHTML*m.cells + m.refs; est > maxHTML(len(src)) {
		return limitError(m.refsLine, message.BodyGrowth, "times", est/max(len(src), 1), "uses", m.uses, "longest", m.longestDef, "max", MaxGrowth)
	}
	return nil
}

// measures are what CheckBody counts in one pass.
type measures struct {
	depth, depthLine int // deepest nesting a line shows, and its line

	work, workLine       int // sum of markers × length over chunks; the worst chunk's first line
	workMarkers, workLen int // that chunk's markers and length

	cells, cellsLine int // table cells at most; the line of the delimiter row that adds most

	refs, refsLine int // bound on the HTML of reference uses; the first definition's line
	uses           int // closing brackets: an upper bound on reference uses
	longestDef     int // longest text a definition may hold
}

// refHTML bounds the HTML of one reference use beside its definition's
// text: `<a href="" title=""></a>`.
const refHTML = 32

// defGrowth bounds how many times larger a definition's destination and
// title get in HTML: `"` becomes `&quot;`, a byte of a non-ASCII
// destination `%C3`.
const defGrowth = 6

func measure(src string) measures {
	var m measures
	// The chunk under way: its start, first line, markers, and the
	// number of its lines; its table delimiter rows (line index in the
	// chunk, columns); where its first definition-like line starts.
	var (
		start, startLine int
		markers          int
		lines            int
		delims           [][2]int
		def              = -1
		hasDefMark       bool
		worst, worstCell int
		longestDef       int
	)
	end := func(at int) {
		if lines > 0 {
			size := at - start
			w := markers * size
			m.work += w
			if w > worst {
				worst, m.workLine, m.workMarkers, m.workLen = w, startLine, markers, size
			}
			// goldmark makes a table of a paragraph's lines from its
			// delimiter row to its end; count each candidate row as if
			// it began one.
			for _, d := range delims {
				// The header row and the rows after the delimiter row.
				c := d[1] * (lines - d[0])
				m.cells += c
				if c > worstCell {
					worstCell, m.cellsLine = c, startLine+d[0]
				}
			}
			if def >= 0 && hasDefMark {
				longestDef = max(longestDef, at-def)
			}
		}
		markers, lines, delims, def, hasDefMark = 0, 0, delims[:0], -1, false
	}
	n := 0
	for at := 0; at < len(src); {
		stop := strings.IndexByte(src[at:], '\n')
		if stop < 0 {
			stop = len(src)
		} else {
			stop += at
		}
		n++
		l := src[at:stop]
		content, depth, opens := prefix(l)
		if strings.TrimSpace(content) == "" {
			// A blank line, or container markers alone (">"): either
			// ends a paragraph.
			end(at)
		} else {
			if lines == 0 {
				start, startLine = at, n
			}
			if opens && depth > m.depth {
				m.depth, m.depthLine = depth, n
			}
			if cols := delimiterRow(content); cols > 0 {
				delims = append(delims, [2]int{lines, cols})
			}
			if def < 0 && strings.HasPrefix(content, "[") {
				def = at
				if m.refsLine == 0 {
					m.refsLine = n
				}
			}
			hasDefMark = hasDefMark || strings.Contains(l, "]:")
			lines++
			markers += countMarkers(l)
			m.uses += strings.Count(l, "]")
		}
		at = stop + 1
	}
	end(len(src))
	if longestDef > 0 {
		m.longestDef = longestDef
		m.refs = m.uses * (defGrowth*longestDef + refHTML)
	}
	return m
}

// prefix strips the container markers that open a line (spaces, block
// quote ">", list markers "-", "*", "+", "1." or "1)"), returning what
// follows, an upper bound of the nesting the line shows (its markers,
// and its indentation over 2: a nested list item is indented at least 2
// columns more than its parent; the space that follows a marker belongs
// to it), and whether it holds any marker.
func prefix(l string) (content string, depth int, opens bool) {
	cols, markers := 0, 0
	i := 0
	marker := func(end int) {
		markers++
		i = end
		if i < len(l) && l[i] == ' ' {
			i++
		}
	}
	for i < len(l) {
		switch c := l[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4 - cols%4
			i++
		case c == '>':
			marker(i + 1)
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(l) && l[i+1] != ' ' && l[i+1] != '\t' {
				return l[i:], markers + cols/2, markers > 0
			}
			marker(i + 1)
		case '0' <= c && c <= '9':
			j := i
			for j < len(l) && j-i < 10 && '0' <= l[j] && l[j] <= '9' {
				j++
			}
			if j-i > 9 || j == len(l) || (l[j] != '.' && l[j] != ')') || (j+1 < len(l) && l[j+1] != ' ' && l[j+1] != '\t') {
				return l[i:], markers + cols/2, markers > 0
			}
			marker(j + 1)
		default:
			return l[i:], markers + cols/2, markers > 0
		}
	}
	return "", markers + cols/2, markers > 0
}

// delimiterRow returns the columns of a line that may be a table's
// delimiter row ("|---|:-:|", ":--"), at most: 0 if it cannot be one. A
// line of dashes alone is a heading's underline or a rule, never a table's
// delimiter row: it ends the paragraph.
func delimiterRow(content string) int {
	pipe, colon, dash := 0, false, false
	for i := 0; i < len(content); i++ {
		switch content[i] {
		case '|':
			pipe++
		case ':':
			colon = true
		case '-':
			dash = true
		case ' ', '\t':
		default:
			return 0
		}
	}
	if !dash || (pipe == 0 && !colon) {
		return 0
	}
	// Columns are what lies between pipes; the pipes around a row
	// ("| --- | --- |") open and close it, they make no column.
	cols := pipe + 1
	t := strings.TrimSpace(content)
	if strings.HasPrefix(t, "|") {
		cols--
	}
	if len(t) > 1 && strings.HasSuffix(t, "|") {
		cols--
	}
	return max(cols, 1)
}

// countMarkers counts what goldmark matches against other parts of a
// paragraph: runs of emphasis, strikethrough and code markers (a run
// counts once), and every bracket.
func countMarkers(l string) int {
	n := 0
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !isMarker[c] {
			continue // most bytes: one table lookup
		}
		n++
		if c != '[' && c != ']' {
			for i+1 < len(l) && l[i+1] == c {
				i++
			}
		}
	}
	return n
}

// isMarker are the bytes countMarkers counts.
var isMarker = [256]bool{'*': true, '_': true, '~': true, '`': true, '[': true, ']': true}
