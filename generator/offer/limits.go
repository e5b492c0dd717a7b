package offer

import (
	"unicode/utf8"

	"postes/generator/message"
)

// Bounds on what one offer's fields hold. Every field is on the offer's
// page, in offres.json and the search index, in each feed item, and a
// grade is also a page, a feed and a calendar of its own: one file of
// 100 KB with 5,000 grades on one line wrote 600 MB, and an 880 KB title
// 6 MB per page and per feed holding the offer. A real field is a line;
// an offer names a few grades. Past these bounds the file is an error
// naming the field, and the rest of the board is built.
const (
	maxFieldChars = 500 // a title, an employer, a place, an extra label's value
	maxGradeChars = 1000
	maxGrades     = 24
)

// checkGradeLines refuses grade lines too long to be a list of grades,
// before package grade reads them.
func (x *extractor) checkGradeLines() {
	kept := x.gradeLines[:0]
	for _, gl := range x.gradeLines {
		if n := utf8.RuneCountInString(gl.text); n > maxGradeChars {
			x.fail(gl.line, message.GradeLineTooLong, "n", n, "max", maxGradeChars)
			x.fatal = true
			continue
		}
		kept = append(kept, gl)
	}
	x.gradeLines = kept
}

// checkSizes refuses an offer whose fields are past the bounds above.
func (x *extractor) checkSizes() {
	o := x.o
	for i := range Fields {
		d := &Fields[i]
		p := o.text(d.Field)
		if p == nil {
			continue
		}
		if n := utf8.RuneCountInString(*p); n > maxFieldChars {
			x.fail(o.Lines[d.Field], message.FieldTooLong, "field", d.Label, "n", n, "max", maxFieldChars)
			x.fatal = true
		}
	}
}

// checkGrades refuses an offer naming more grades than an offer does.
func (x *extractor) checkGrades() {
	o := x.o
	if n := len(o.Grades); n > maxGrades {
		x.fail(o.Lines[FieldGrades], message.TooManyGrades, "n", n, "max", maxGrades)
		x.fatal = true
	}
}

// addExtra keeps a field of a label postes does not know, unless it is
// past the bounds above.
func (x *extractor) addExtra(line int, label, value string) {
	if n := utf8.RuneCountInString(value); n > maxFieldChars*4 {
		x.fail(line, message.FieldTooLong, "field", Clip(label, 40), "n", n, "max", maxFieldChars*4)
		x.fatal = true
		return
	}
	x.o.Extras = append(x.o.Extras, Extra{label, value})
}
