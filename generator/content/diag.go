package content

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a content file. Line and Col are 1-based; 0 means
// unknown (the whole file, or the whole line).
type Pos struct {
	Path string
	Line int
	Col  int
}

func (p Pos) String() string {
	s := p.Path
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
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
type Diag struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

func (d Diag) Error() string {
	if d.Severity == Error {
		return d.Pos.String() + ": " + d.Msg
	}
	return d.Pos.String() + ": warning: " + d.Msg
}

// List collects diagnostics, in the manner of go/scanner.ErrorList.
type List []Diag

// Add appends a diagnostic built with fmt.Sprintf.
func (l *List) Add(pos Pos, sev Severity, format string, args ...any) {
	*l = append(*l, Diag{Pos: pos, Severity: sev, Msg: fmt.Sprintf(format, args...)})
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
