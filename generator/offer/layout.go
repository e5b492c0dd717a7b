package offer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headerUnit says where a header line belongs.
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

// layoutA reads "# Title", then "Label : value" lines until the first
// heading or paragraph, then the Markdown body.
func (x *extractor) layoutA(start int) {
	lines := x.src.Lines
	labelsSeen := 0
	var stray []string
	i := start
	for ; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		ln := i + 1
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "#") {
			text := strings.TrimSpace(strings.TrimLeft(l, "#"))
			if x.o.Title == "" && labelsSeen == 0 && !x.front[FieldTitle] {
				x.set(FieldTitle, ln, text)
				continue
			}
			if x.front[FieldTitle] && labelsSeen == 0 && i == firstNonBlank(lines, start) {
				continue // the front matter retitles the offer; the text's title line is not body
			}
			break // first heading after the fields: the body starts
		}
		if isListItem(l) {
			break
		}
		if label, value, ok := splitLabel(l); ok {
			if li, known := lookupLabel(label); known {
				labelsSeen++
				if value == "" && li.field != FieldSection && li.field != FieldHeading {
					x.warnf(ln, "label %q has no value; expected \"%s : …\"", cleanLabel(label), cleanLabel(label))
					continue
				}
				switch li.field {
				case FieldSection:
					if value == "" {
						goto body
					}
					x.o.Extras = append(x.o.Extras, Extra{label, value})
				case FieldHeading:
				case FieldExtra:
					if !notApplicable(value) {
						x.o.Extras = append(x.o.Extras, Extra{cleanLabel(label), value})
					}
				case FieldReference:
					x.setReference(ln, value)
				default:
					x.set(li.field, ln, value)
				}
				continue
			}
			if value != "" && looksLikeLabel(label) {
				labelsSeen++
				x.warnf(ln, "unknown label %q; shown as written (add it to the label table if it names a known field)", label)
				x.o.Extras = append(x.o.Extras, Extra{cleanLabel(label), value})
				continue
			}
			if labelsSeen > 0 {
				break
			}
		}
		// A line without a label.
		switch f := Fold(l); {
		case IsUpper(l) && len(l) < 80:
			// A heading such as "PROVINCE SUD" that repeats the employer.
		case x.o.Title == "" && labelsSeen == 0 && !x.front[FieldTitle]:
			x.set(FieldTitle, ln, l)
		case hasAnyPrefix(f, directionWords) && x.o.Direction == "" && len(l) < 120:
			x.set(FieldDirection, ln, l)
		case len(l) > 160 && labelsSeen > 0:
			goto body
		case x.o.Direction == "" && !x.front[FieldDirection] && labelsSeen > 0 && len(l) < 100 && startsLower(l) && !strings.ContainsAny(l, ".;!?"):
			// A short bare line among the fields, in lower case as a value
			// and not a sentence, is on these boards the hiring service
			// ("politique de la Ville"): read it so, and say so.
			x.set(FieldDirection, ln, l)
			x.warnf(ln, "line %q has no label; read as the direction (write \"Direction : …\" to be sure)", Clip(l, 60))
		default:
			x.warnf(ln, "line %q has no label; kept at the top of the description", Clip(l, 60))
			stray = append(stray, l)
		}
	}
body:
	if i < len(lines) && stray == nil {
		x.o.BodyLine = i + 1
	}
	x.o.Body = bodyA(stray, lines[min(i, len(lines)):])
}

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

// layoutB reads the emploi-territorial layout: the title on the first line,
// then label lines each followed by value lines, until a section label
// ("Descriptif de l'emploi") starts the body.
func (x *extractor) layoutB(start int) {
	lines := x.src.Lines
	i := firstNonBlank(lines, start)
	if i < 0 {
		return
	}
	if !x.front[FieldTitle] {
		x.set(FieldTitle, i+1, strings.TrimSpace(strings.TrimLeft(lines[i], "# ")))
	}
	var (
		cur       labelInfo
		curLabel  string
		curLine   int
		values    []string
		valueLine []int
		stray     []string
	)
	flush := func() {
		if cur.field != FieldNone {
			x.applyB(cur, curLabel, curLine, values, valueLine)
		}
		cur, values, valueLine = labelInfo{}, nil, nil
	}
	for i++; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		ln := i + 1
		if l == "" {
			flush()
			continue
		}
		f := Fold(l)
		if hasAnyContains(f, expiredBanners) {
			x.o.Expired = true
			continue
		}
		k := labelKey(l)
		{
			matched := false
			for j, p := range inlineKeys {
				if strings.HasPrefix(k, p+" ") || strings.HasPrefix(k, p+":") {
					flush()
					value := strings.TrimSpace(l[inlineCut(l, inlineLabels[j]):])
					value = strings.TrimSpace(strings.TrimLeft(value, ": "))
					li, _ := lookupLabel(inlineLabels[j])
					if li.field == FieldReference {
						x.setReference(ln, value)
					} else {
						x.set(li.field, ln, value)
					}
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		if li, ok := lookupKey(k); ok && len(l) < 90 {
			switch li.field {
			case FieldSection:
				flush()
				if stray == nil {
					x.o.BodyLine = i + 1
				}
				x.o.Body = bodyB(stray, lines[i:])
				return
			case FieldHeading:
				flush()
				continue
			}
			flush()
			cur, curLabel, curLine = li, cleanLabel(l), ln
			continue
		}
		if label, value, ok := splitLabel(l); ok && value != "" {
			if li, known := lookupLabel(label); known && li.field != FieldSection && li.field != FieldHeading {
				flush()
				x.applyB(li, cleanLabel(label), ln, []string{value}, []int{ln})
				continue
			}
		}
		if cur.field != FieldNone {
			values = append(values, l)
			valueLine = append(valueLine, ln)
			continue
		}
		x.warnf(ln, "line %q is not under a known label; kept at the top of the description", Clip(l, 60))
		stray = append(stray, l)
	}
	flush()
	x.o.Body = bodyB(stray, nil)
}

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

// applyB stores the value lines read under one label in layout b.
func (x *extractor) applyB(li labelInfo, label string, line int, values []string, lines []int) {
	if len(values) == 0 {
		x.warnf(line, "label %q has no value below it", label)
		return
	}
	switch li.field {
	case FieldEmployer:
		x.set(FieldEmployer, lines[0], values[0])
		// The address follows the name, and the block is often repeated.
		seen := map[string]bool{Fold(values[0]): true}
		for _, v := range values[1:] {
			if k := Fold(v); !seen[k] {
				seen[k] = true
				x.o.Address = append(x.o.Address, v)
			}
		}
	case FieldGrades:
		for j, v := range values {
			x.set(FieldGrades, lines[j], v)
		}
	case FieldReference:
		x.setReference(lines[0], values[0])
	case FieldPosted, FieldDeadline, FieldStart, FieldLocation, FieldTitle:
		x.set(li.field, lines[0], values[0])
		for j := 1; j < len(values); j++ {
			x.warnf(lines[j], "extra line under %q ignored: %q", label, Clip(values[j], 60))
		}
	case FieldExtra:
		x.o.Extras = append(x.o.Extras, Extra{label, strings.Join(values, "\n")})
	default:
		x.set(li.field, lines[0], strings.Join(values, " "))
	}
}

// bodyB turns layout b's plain text into Markdown: known section labels
// become headings, "-", "*", "•" lines list items and "o" lines sub-items;
// every other line is a paragraph of its own, as the source shows it.
func bodyB(stray []string, lines []string) string {
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
	for _, raw := range lines {
		l := strings.TrimSpace(raw)
		if l == "" {
			continue
		}
		if li, ok := lookupShort(l, 90); ok && (li.field == FieldSection || li.field == FieldHeading || li.field == FieldExtra) {
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
