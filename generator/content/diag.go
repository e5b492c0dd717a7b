package content

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"postes/generator/message"
)

// Pos is a place in a content file. Line and Col are 1-based; 0 means
// unknown (the whole file, or the whole line).
type Pos struct {
	Path string
	Line int
	Col  int
}

// String is "path:line:col", the path quoted when it must be (see
// QuoteName).
func (p Pos) String() string {
	s := QuoteName(p.Path)
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// QuoteName returns a file name fit for a terminal and for tools that
// read "path:line:": as it is when every character prints (letters,
// accents, spaces), else quoted as a Go string ("a\x1b]0;x\a.txt"), so
// that a name holding escape sequences cannot retitle or clear the
// editor's terminal and a newline cannot break a line in two.
func QuoteName(name string) string {
	if printable(name, false) {
		return name
	}
	return strconv.Quote(name)
}

// printable reports whether s is valid UTF-8 made only of graphic
// characters (letters, marks, numbers, punctuation, symbols, spaces), and
// line breaks and tabs when lines is set.
func printable(s string, lines bool) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if (c < 0x20 || c == 0x7f) && !(lines && (c == '\n' || c == '\t')) {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !unicode.IsGraphic(r) {
			return false
		}
		i += n
	}
	return true
}

// Printable returns a message fit for a terminal: line breaks and tabs
// are kept, every other control or non-printing character and every byte
// that is not UTF-8 is written as its escape (\x1b, \u202e). It is the
// last guard for messages that carry a name from outside (an error of the
// system naming a file); diagnostics quote their paths already.
func Printable(msg string) string {
	if printable(msg, true) {
		return msg
	}
	var b strings.Builder
	for i := 0; i < len(msg); {
		r, n := utf8.DecodeRuneInString(msg[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, msg[i])
		case r == '\n' || r == '\t' || (r >= 0x20 && r != 0x7f && unicode.IsGraphic(r)):
			b.WriteString(msg[i : i+n])
		default:
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += n
	}
	return b.String()
}

// Severity says whether a problem stops a file from being published.
type Severity int

const (
	// Warning: the offer is published with what could be read.
	Warning Severity = iota
	// Error: the file is skipped; the rest of the board is still built.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diag is one problem found in a content file, printed like a compiler
// message: "content/a.txt:12: date limite "31 février": no such day".
// Text is the message, to be said in the board's language (see package
// message); Msg is it said in English, as Error gives it. A Diag made by
// Add, for the theme's and the publisher's messages, which no editor
// reads, has Msg only.
type Diag struct {
	Pos      Pos
	Severity Severity
	Msg      string
	Text     message.Text
}

func (d Diag) Error() string {
	if d.Severity == Error {
		return d.Pos.String() + ": " + d.Msg
	}
	return d.Pos.String() + ": warning: " + d.Msg
}

// Message is the diagnostic's message in language l.
func (d Diag) Message(l message.Lang) string {
	if d.Text.IsZero() {
		return d.Msg
	}
	return d.Text.In(l)
}

// Say is the whole line in language l, as the terminal and serve's
// panels show it: "content/a.txt:12: avertissement : …", with pos as
// the caller writes it (check adds a column).
func (d Diag) Say(l message.Lang, pos string) string {
	id := message.DiagWarning
	if d.Severity == Error {
		id = message.DiagError
	}
	return message.New(id, "pos", pos, "msg", message.Raw(d.Message(l))).In(l)
}

// SeverityIn is the severity's word in language l: "avertissement".
func (s Severity) In(l message.Lang) string {
	if s == Error {
		return message.New(message.SeverityError).In(l)
	}
	return message.New(message.SeverityWarning).In(l)
}

// List collects diagnostics, in the manner of go/scanner.ErrorList.
type List []Diag

// Add appends a diagnostic built with fmt.Sprintf, in English only: for
// messages about the theme or the output, not about content files.
func (l *List) Add(pos Pos, sev Severity, format string, args ...any) {
	*l = append(*l, Diag{Pos: pos, Severity: sev, Msg: fmt.Sprintf(format, args...)})
}

// Say appends a diagnostic from the message catalogue.
func (l *List) Say(pos Pos, sev Severity, id message.ID, kv ...any) {
	l.SayText(pos, sev, message.New(id, kv...))
}

// SayText appends a diagnostic with the message t.
func (l *List) SayText(pos Pos, sev Severity, t message.Text) {
	*l = append(*l, Diag{Pos: pos, Severity: sev, Msg: t.String(), Text: t})
}

// Sort orders by file, line, column, then message, so output is stable
// whatever order the files were read in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return l[i].Msg < l[j].Msg
	})
}

// HasErrors reports whether any diagnostic is an Error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}
