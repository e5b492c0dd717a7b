package offer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isListItem reports a Markdown or typed list item.
func isListItem(l string) bool {
	return strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "• ") || strings.HasPrefix(l, "+ ")
}

// looksLikeLabel tells a short label ("Salaire", "Poste ouvert aux
// contractuels") from a sentence that happens to contain a colon.
func looksLikeLabel(label string) bool {
	return len(label) <= 60 && len(strings.Fields(label)) <= 7 && !strings.HasSuffix(label, ".")
}

// directionWords start a standalone line that names the hiring department
// ("Direction de l'Emploi et du Logement").
var directionWords = []string{"direction ", "service ", "pole ", "departement ", "secretariat ", "delegation "}

// textSize is the length of lines each followed by sep bytes: what a
// body's builder needs, so that it does not grow line after line.
func textSize(lines []string, sep int) int {
	n := 0
	for _, l := range lines {
		n += len(l) + sep
	}
	return n
}

// bodyA is layout a's body: lines without a label kept at its top, then
// the text after the fields as written.
func bodyA(stray []string, lines []string) string {
	var b strings.Builder
	b.Grow(textSize(stray, 2) + textSize(lines, 1))
	for _, s := range stray {
		b.WriteString(s)
		b.WriteString("\n\n")
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "#") {
			// "# Missions :" reads as a heading; the colon is a label habit.
			l = strings.TrimRight(l, " :\u00a0\u202f")
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return strings.TrimSpace(b.String())
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

func firstNonBlank(lines []string, from int) int {
	for i := from; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "" {
			return i
		}
	}
	return -1
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Clip shortens s to at most n bytes, cut at a character boundary, with
// "…" when it was cut: quotes in messages and page descriptions.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// cleanLabel is a label as shown on the page: without bold marks, colon
// or footnote call ("Durée de résidence exigée (1)").
func cleanLabel(label string) string {
	label = strings.TrimSpace(strings.Trim(label, "*_ :"))
	if strings.HasSuffix(label, ")") {
		label = reFootnote.ReplaceAllString(label, "")
	}
	return strings.TrimSpace(label)
}

var reFootnote = regexp.MustCompile(`\s*\(\d\)$|\s*\(\*\)$`)

// notApplicable is how offers say a field does not apply.
func notApplicable(v string) bool {
	switch strings.TrimSpace(v) {
	case "/", "-", "–", "—", "néant", "Néant", "N/A", "n/a", "sans objet", "Sans objet":
		return true
	}
	return false
}

var expiredBanners = []string{"delai de candidature pour cette offre a expire", "cette offre a expire", "cette offre n'est plus disponible", "offre expiree"}

func hasAnyContains(s string, subs []string) bool {
	for _, p := range subs {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// inlineCut finds where the value starts after an inline label, by counting
// the label's words: folding may change byte lengths ("°" → "o").
func inlineCut(line, label string) int {
	n := len(strings.Fields(label))
	fields := 0
	inWord := false
	for i, r := range line {
		space := r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || r == ':'
		if !space && !inWord {
			if fields == n {
				return i
			}
			fields++
		}
		inWord = !space
	}
	return len(line)
}

// bodyB turns layout b's plain text into Markdown: known section labels
// become headings, "-", "*", "•" lines list items and "o" lines sub-items;
// every other line is a paragraph of its own, as the source shows it.
func bodyB(stray []string, keys lineKeys) string {
	lines := keys.lines
	var b strings.Builder
	b.Grow(textSize(stray, 3) + textSize(lines, 3)) // escapes aside, the body is no longer than this
	for _, s := range stray {
		b.WriteString(escapeMarkdown(s))
		b.WriteString("\n\n")
	}
	prevHeading := ""
	inList, hasTop := false, false
	endList := func() {
		if inList {
			b.WriteByte('\n')
			inList, hasTop = false, false
		}
	}
	for i, raw := range lines {
		l := strings.TrimSpace(raw)
		if l == "" {
			continue
		}
		if li, ok := keys.lookupShort(i, 90); ok && (li.field == FieldSection || li.field == FieldHeading || li.field == FieldExtra) {
			h := strings.TrimRight(l, " :")
			if Fold(h) == prevHeading {
				continue // "Contact" repeated as a section and as a label
			}
			endList()
			prevHeading = Fold(h)
			b.WriteString("# ")
			b.WriteString(escapeMarkdown(h))
			b.WriteString("\n\n")
			continue
		}
		prevHeading = ""
		if text, sub, ok := bulletB(l); ok {
			if sub && hasTop {
				b.WriteString("  - ")
			} else {
				b.WriteString("- ")
				hasTop = true
			}
			b.WriteString(escapeMarkdown(text))
			b.WriteByte('\n')
			inList = true
			continue
		}
		endList()
		b.WriteString(escapeMarkdown(l))
		b.WriteString("\n\n")
	}
	return strings.TrimSpace(b.String())
}

func bulletB(l string) (text string, sub, ok bool) {
	switch {
	case strings.HasPrefix(l, "- "), strings.HasPrefix(l, "* "), strings.HasPrefix(l, "+ "):
		return strings.TrimSpace(l[2:]), false, true
	case strings.HasPrefix(l, "• "), strings.HasPrefix(l, "– "):
		return strings.TrimSpace(l[len("• "):]), false, true
	case strings.HasPrefix(l, "o "), strings.HasPrefix(l, "◦ "), strings.HasPrefix(l, "▪ "):
		_, n := firstRune(l)
		return strings.TrimSpace(l[n:]), true, true
	}
	return "", false, false
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i > 0 {
			return r, i
		}
	}
	return 0, len(s)
}

var reOrdered = regexp.MustCompile(`^(\d+)([.)])(\s)`)

// escapeMarkdown keeps plain text plain when it goes through Markdown.
func escapeMarkdown(s string) string {
	if strings.ContainsAny(s, "\\*[]<>`_") {
		s = mdEscaper.Replace(s)
	}
	if s != "" && strings.ContainsRune("#=+-|>", rune(s[0])) {
		s = "\\" + s
	}
	if s != "" && '0' <= s[0] && s[0] <= '9' {
		s = reOrdered.ReplaceAllString(s, `$1\$2$3`)
	}
	return s
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`, "`", "\\`")
