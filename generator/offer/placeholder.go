package offer

import (
	"strings"

	"postes/generator/message"
)

// Placeholders. postes new writes "[à compléter]" where a value is to be
// filled in, so that the file builds as soon as it is saved and every
// value left to write is one warning, on the first of them: the title
// and the employer keep the placeholder as their value (the offer is
// published, and its page shows what is missing); other fields are left
// empty.

// Placeholder is the text postes new writes for a value to fill in.
const Placeholder = "[à compléter]"

// isPlaceholder reports a value that is a placeholder: "[à compléter]",
// "[À compléter : adresse e-mail]".
func isPlaceholder(s string) bool {
	return strings.HasPrefix(squash(s), "[a completer")
}

// placeholder notes a placeholder left under label (the body's when
// label is "") at line.
func (x *extractor) placeholder(label string, line int) {
	x.todo = append(x.todo, todo{label, line})
}

// placeholderFor notes that field f was given a placeholder: what its
// absence would be warned of is said with the placeholders.
func (x *extractor) placeholderFor(f Field, line int) {
	x.placeholder(fieldLabel(f), line)
	x.todoFields.add(f)
}

type todo struct {
	label string
	line  int
}

// sayPlaceholders warns once of every placeholder left.
func (x *extractor) sayPlaceholders() {
	if len(x.todo) == 0 {
		return
	}
	var labels message.Quoted
	var lines message.Numbers
	seen := map[string]bool{}
	for _, t := range x.todo {
		l := t.label
		if l == "" {
			l = "description"
		}
		if !seen[l] {
			seen[l] = true
			labels = append(labels, l)
		}
		lines = append(lines, t.line)
	}
	x.warn(x.todo[0].line, message.Placeholders, "labels", labels, "lines", lines)
}
