package offer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"postes/generator/message"
)

// The line reader. An offer is read as a lexer reads text: each state is a
// small function that reads the lines it knows and returns the next state
// (see Go's text/template/parse/lex.go). The states are:
//
//	readTop     before the title: banners, inline labels, the title line
//	readHeader  the fields: labelled lines, labels whose value is below
//	            them, standalone lines (a heading repeating the employer,
//	            the hiring direction)
//	readBody    the description, in which labelled lines still fill the
//	            fields the header left empty
//
// Both layouts go through the same states; where they differ (how a label
// standing alone takes the lines below it, how the body is made) the
// reader asks r.layout.

// Thresholds of the reader, named so that changing a heuristic means
// reading one line.
const (
	// maxAloneLabel is the longest line read as a label standing alone.
	maxAloneLabel = 90
	// maxInlineHead is how much of a long line is folded to find an
	// inline label at its start: the longest with room to spare.
	maxInlineHead = 48
	// maxValue is the longest line taken as the value of a label written
	// above it; longer lines are sentences of the description.
	maxValue = 160
	// sentenceWords is the number of words from which a line ending with
	// a full stop reads as a sentence, not a value.
	sentenceWords = 8
	// maxBanner is the longest line that can be a banner or a heading in
	// capitals ("PROVINCE SUD").
	maxBanner = 80
	// maxStandalone is the longest bare line among the fields read as the
	// direction; longer ones are kept for the description.
	maxStandalone = 120
	// bodyLine is the length from which a bare line among the fields
	// starts the description.
	bodyLine = 160
)

type stateFn func(*reader) stateFn

// reader walks the lines of one file after its front matter.
type reader struct {
	x     *extractor
	lines []string // the whole file's lines
	keys  lineKeys // their label keys
	// ahead is line aheadAt classified: the line a look-ahead read,
	// which the reader reads again next.
	ahead   line
	aheadAt int
	i       int // index of the next line to read
	layout  byte
	labels  int      // labelled lines read so far
	stray   []string // lines without a label, kept at the top of the body
	pend    pending  // a label whose value is on the lines below it
	// skipped are the banner lines read before the title, for the
	// warning when the title is not the file's first line.
	skipped []string
	first   int // index of the first non-blank line
}

// pending is a label written alone ("Lieu de travail", "Date limite :")
// whose value is on the lines below it.
type pending struct {
	li     labelInfo
	label  string
	line   int // 1-based
	values []string
	vlines []int
	open   bool
}

// line is one line of the file, classified.
type line struct {
	raw     string
	text    string // trimmed; for a list item, without its bullet
	n       int    // 1-based
	heading bool   // "# …": text is the heading's text
	item    bool   // a list item
	label   string // the label, cleaned, when the line starts with one
	li      labelInfo
	known   bool   // label is in the table
	value   string // what follows the label on its line
	colon   bool   // the label is followed by a colon
}

func (r *reader) run(start int) {
	r.i = start
	r.first = firstNonBlank(r.lines, start)
	for state := stateFn(readTop); state != nil; {
		state = state(r)
	}
}

// classify reads one line. Only short lines are looked up as labels.
func classify(raw string, n int) line {
	return classifyKeyed(raw, n, nil)
}

// classifyAt classifies line i of the file, once for the reader and its
// look-aheads.
func (r *reader) classifyAt(i int) line {
	if i != r.aheadAt {
		r.ahead, r.aheadAt = classifyKeyed(r.lines[i], i+1, &r.keys), i
	}
	return r.ahead
}

// classifyKeyed is classify with the file's label keys, when the caller
// has them: raw must then be line n-1 of keys.
func classifyKeyed(raw string, n int, keys *lineKeys) line {
	l := line{raw: raw, text: strings.TrimSpace(raw), n: n}
	t := l.text
	if t == "" {
		return l
	}
	if strings.HasPrefix(t, "#") {
		l.heading = true
		l.text = strings.TrimSpace(strings.TrimRight(strings.TrimLeft(t, "#"), " :\u00a0\u202f"))
		if li, ok := lookupShort(l.text, maxAloneLabel); ok {
			l.label, l.li, l.known = cleanLabel(l.text), li, true
		}
		return l
	}
	if isListItem(t) {
		l.item = true
		_, n := firstRune(t)
		t = strings.TrimSpace(t[n:])
		l.text = t
	}
	// Labels stand at the start of a line: fold only what can be one.
	// A line too long to be a label alone can only start with an inline
	// label ("Publiée le …"), which its first words hold: fold those.
	head, headMax := t, maxLabelLen
	if len(t) >= maxAloneLabel {
		headMax = maxInlineHead
	}
	if len(head) > headMax {
		n := headMax
		for n > 0 && !utf8.RuneStart(head[n]) {
			n--
		}
		head = head[:n]
	}
	var k string
	if keys != nil && !l.item && len(t) < maxAloneLabel {
		k = keys.key(n - 1) // head is the whole line trimmed
	} else {
		k = labelKey(head)
	}
	if len(t) < maxAloneLabel {
		if li, ok := lookupKey(k); ok && !strings.Contains(t, ":") {
			l.label, l.li, l.known = cleanLabel(t), li, true // "Poste à pourvoir le", alone
			return l
		}
	}
	for j, p := range inlineKeys {
		if hasKeyPrefix(k, p) {
			value := strings.TrimSpace(t[inlineCut(t, inlineLabels[j]):])
			l.value = strings.TrimSpace(strings.TrimLeft(value, ": "))
			l.li, _ = lookupLabel(inlineLabels[j])
			l.label, l.known = inlineLabels[j], true
			return l
		}
	}
	if strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 3 {
		// A Markdown table row: "| Collectivité | Commune de X |".
		cells := strings.Split(strings.Trim(t, "| "), "|")
		if len(cells) == 2 {
			if li, ok := lookupLabel(strings.TrimSpace(cells[0])); ok {
				l.colon = true
				l.label, l.value, l.li, l.known = cleanLabel(strings.TrimSpace(cells[0])), strings.TrimSpace(cells[1]), li, true
				return l
			}
		}
	}
	if i := strings.IndexByte(t, '\t'); i > 0 && !strings.Contains(t[:i], ":") && !strings.HasPrefix(strings.TrimSpace(t[i:]), ":") {
		// A table pasted as text: "Intitulé du poste<TAB>Statisticien".
		if li, ok := lookupLabel(t[:i]); ok {
			l.colon = true
			l.label, l.value, l.li, l.known = cleanLabel(t[:i]), strings.TrimSpace(t[i:]), li, true
			return l
		}
	}
	if label, value, li, ok := capsLabel(t); ok {
		l.colon = true
		l.label, l.value, l.li, l.known = cleanLabel(label), value, li, true
		return l
	}
	if label, value, ok := splitLabel(t); ok {
		var li labelInfo
		var known bool
		if keys != nil && !l.item {
			li, known = keys.lookupColon(n-1, label) // t is the whole line trimmed
		} else {
			li, known = lookupLabel(label)
		}
		if known || value != "" {
			l.colon = true
			l.label, l.value, l.li, l.known = cleanLabel(label), value, li, known
			return l
		}
		// "Vous aurez pour missions :" is text, unless the whole line is
		// a label ("Missions / conditions d'exercice :").
	}
	if len(t) < maxAloneLabel {
		if li, ok := lookupKey(k); ok {
			l.label, l.li, l.known = cleanLabel(t), li, true
		}
	}
	return l
}

// hasKeyPrefix reports whether key k starts with the inline label key p
// followed by a space or a colon: k == p+" …" or p+":…", without building
// either string for every line and every inline label.
func hasKeyPrefix(k, p string) bool {
	return len(k) > len(p) && (k[len(p)] == ' ' || k[len(p)] == ':') && k[:len(p)] == p
}

func (r *reader) next() line {
	l := r.classifyAt(r.i)
	r.i++
	return l
}

// readTop reads up to the title: blank lines, banners ("Offre d'emploi",
// a site's name, "Publiée le …"), a heading in capitals naming the
// employer, then the title, from a "# heading" or the first line of text.
// A label met first sends the reader to the fields: the title may be one
// of them ("Intitulé du poste : …").
func readTop(r *reader) stateFn {
	x := r.x
	for r.i < len(r.lines) {
		at := r.i
		l := r.next()
		switch {
		case l.text == "":
			continue
		case r.expired(l):
			continue
		case x.front[FieldTitle] && at == r.first && !l.known:
			continue // the front matter retitles the offer; the text's title line is not body
		case l.heading && l.known && l.value == "" && l.li.field.isValue() && !x.front[FieldTitle] && r.nextIsLabel():
			// "# Poste", "# Contrat": a job named by a label's word, above
			// the fields; a label standing as a heading has its value
			// below it instead.
			r.title(l, titleHeading)
			return readHeader
		case l.heading && l.known:
			r.i = at // "# Détails de l'offre", "# Missions": no title line
			return readHeader
		case l.heading:
			if r.banner(l) {
				continue
			}
			r.title(l, titleHeading)
			return readHeader
		case l.known && l.value != "" && (l.li.field == FieldPosted || l.li.field == FieldReference):
			// "Publié le …", "Réf : …" above the title: page metadata.
			r.labels++
			r.apply(l.li, l.label, l.n, []string{l.value}, []int{l.n})
			continue
		case l.known:
			r.i = at
			return readHeader
		case r.banner(l):
			continue
		case l.item:
			r.i = at
			return readHeader
		default:
			r.title(l, titleLine)
			return readHeader
		}
	}
	return nil
}

// titleFrom says where the title was read: a label or front matter wins
// over a heading, which wins over a line.
type titleFrom int

const (
	titleNone titleFrom = iota
	titleLine
	titleHeading
	titleLabel
)

// title takes l as the title. A line that is not the file's first is a
// guess, said in a warning naming what came before it.
func (r *reader) title(l line, from titleFrom) {
	x := r.x
	if x.front[FieldTitle] {
		return
	}
	text := l.text
	if l.item {
		text = l.raw
	}
	if l.colon && bannerWhole[strings.TrimRight(squash(l.label), " .:!")] {
		text = l.value // "OFFRE D'EMPLOI : Aide-soignant(e)"
	}
	x.set(FieldTitle, l.n, strings.TrimSpace(text))
	x.titleFrom = from
	if from == titleLine && l.n-1 != r.first {
		if len(r.skipped) > 0 {
			x.guess(FieldTitle, l.n, message.TitleAfterBanners, "line", l.n, "title", Clip(l.text, 60), "banners", quoteList(r.skipped, 3))
		} else {
			x.guess(FieldTitle, l.n, message.TitleFromLine, "line", l.n, "title", Clip(l.text, 60))
		}
	}
}

// banner reports a line that is not the offer's: a board's or site's
// name, "Offre d'emploi", a breadcrumb, a posting date, a heading in
// capitals naming the employer. It notes what a banner says of the
// employer ("PROVINCE SUD", "La commune de Poum recrute").
func (r *reader) banner(l line) bool {
	f := squash(l.text)
	if bannerKind(f, l.text) == notBanner {
		return false
	}
	x := r.x
	head := bannerBody(l.text)
	if name, strength := employerInProse(head); name != "" {
		x.employerHint(l.n, name, message.FromBanner, strength)
	} else if name := employerIn(head, squash(head)); name != "" {
		x.employerHint(l.n, name, message.FromBanner, hintBanner)
	}
	if m := reBannerNumber.FindStringSubmatch(l.text); m != nil && !x.has(FieldReference) && reNumberedBanner.MatchString(strings.TrimRight(squash(bannerTail(l.text)), " .:!")) {
		x.setReference(l.n, m[1]) // "N° 8812/MSP/DSP du 16 novembre 2026": a number and its date
	}
	if m := reJournalDate.FindStringSubmatch(f); m != nil && !x.has(FieldPosted) {
		if res, err := ParseDate(m[1]); err == nil && res.Date.HasDay() {
			x.o.Posted, x.o.Lines[FieldPosted] = res.Date, l.n
		}
	}
	r.skipped = append(r.skipped, l.text)
	return true
}

// bannerTail is the last part of a banner: "Offre d'emploi n° 2025-34" in
// "Ville de Dumbéa - Offre d'emploi n° 2025-34".
func bannerTail(text string) string {
	for _, sep := range bannerSeparators {
		if i := strings.LastIndex(text, sep); i > 0 {
			return text[i+len(sep):]
		}
	}
	return text
}

// bannerBody is the part of a banner that may name the employer: "Mairie
// de Bourail" in "Mairie de Bourail - Recrutement", but all of "INSEE -
// Direction régionale de Bourgogne".
func bannerBody(text string) string {
	for _, sep := range bannerSeparators {
		if i := strings.Index(text, sep); i > 0 {
			head, tail := strings.TrimSpace(text[:i]), squash(text[i+len(sep):])
			tail = strings.TrimRight(tail, " .:!")
			if startsWithBody(squash(head)) && (bannerWhole[tail] || hasBannerPrefix(tail) || reNumberedBanner.MatchString(tail)) {
				return head
			}
		}
	}
	return text
}

// expired notes a banner saying applications are closed ("Le délai de
// candidature pour cette offre a expiré").
func (r *reader) expired(l line) bool {
	if len(l.text) > 200 {
		return false
	}
	// Every line of the fields is asked: folded on the stack, the text
	// being short, not in a string made for this question alone.
	var buf [256]byte
	f := appendFold(buf[:0], l.text)
	if !hasAnyContains(unsafe.String(unsafe.SliceData(f), len(f)), expiredBanners) {
		return false
	}
	r.x.o.Expired = true
	return true
}

// readHeader reads the fields, up to the first line of the description.
func readHeader(r *reader) stateFn {
	x := r.x
	for r.i < len(r.lines) {
		at := r.i
		l := r.next()
		if l.text == "" {
			r.blank()
			continue
		}
		if r.expired(l) {
			continue
		}
		if l.heading {
			r.flush()
			switch {
			case l.known && l.li.field == FieldHeading && r.labels == 0:
				continue // "# Informations générales" above the fields
			case x.o.Title == "" && r.labels == 0 && !l.known && !r.banner(l):
				r.title(l, titleHeading)
				continue
			}
			r.i = at
			return readBody // the first heading after the fields
		}
		if l.known {
			switch l.li.field {
			case FieldSection:
				r.flush()
				if l.value == "" {
					r.i = at
					return readBody
				}
				r.labels++
				x.addExtra(l.n, l.label, l.value)
				continue
			case FieldHeading:
				r.flush()
				continue
			}
			r.flush()
			r.labels++
			if l.value == "" {
				r.pend = pending{li: l.li, label: l.label, line: l.n, open: true}
				continue
			}
			r.apply(l.li, l.label, l.n, []string{l.value}, []int{l.n})
			continue
		}
		if r.pend.open && r.takes(l) {
			r.pend.values = append(r.pend.values, r.valueText(l))
			r.pend.vlines = append(r.pend.vlines, l.n)
			if !r.multiLine() {
				r.flush()
			}
			continue
		}
		r.flush()
		if strings.HasSuffix(l.text, ":") && looksLikeLabel(strings.TrimRight(l.text, " :")) && r.nextIsLabel() {
			continue // "Conditions du poste :" above labelled lines: a heading of fields
		}
		if l.colon && l.value != "" && looksLikeLabel(l.label) && !l.item {
			r.labels++
			x.unknownLabel(l.n, l.label)
			x.addExtra(l.n, l.label, l.value)
			continue
		}
		if l.item && r.labels > 0 {
			r.i = at
			return readBody // a list after the fields: the missions
		}
		if next := r.standalone(l); next != nil {
			r.i = at
			return next
		}
	}
	r.flush()
	return readBody
}

// nextIsLabel reports whether the next line that is not blank is a known
// label.
func (r *reader) nextIsLabel() bool {
	if k := nextNonBlank(r.lines, r.i, len(r.lines)); k >= 0 {
		return r.classifyAt(k).known
	}
	return false
}

// blank ends the values of a label written above them in layout b, where
// a blank line closes a block; in layout a the value may come after one
// blank line ("Employeur :", blank, "Mairie de Koné").
func (r *reader) blank() {
	if !r.pend.open {
		return
	}
	if r.layout == 'b' || len(r.pend.values) > 0 {
		r.flush()
	}
}

// multiLine reports whether the pending label takes several lines: the
// employer and its address, grades, extras; in layout b every label,
// whose extra lines are then reported.
func (r *reader) multiLine() bool {
	if r.layout == 'b' {
		return true
	}
	switch r.pend.li.field {
	case FieldEmployer, FieldGrades, FieldExtra:
		return true
	}
	return false
}

// takes reports whether l is a value of the pending label: not a label,
// not a heading, and, for its first value, not a sentence of the
// description. An empty label never takes the next sentence as its value.
func (r *reader) takes(l line) bool {
	if l.heading || l.known {
		return false
	}
	if len(r.pend.values) > 0 {
		return r.layout == 'b' || !isSentence(l.text)
	}
	if isSentence(l.text) || len(l.text) > maxValue {
		r.x.kindWarn(warnNoValue, r.pend.line, message.LabelNoValueSentence, "label", r.pend.label, "below", Clip(l.text, 60))
		r.pend.open = false
		r.pend.values = nil
		r.pend.li = labelInfo{}
		return false
	}
	return true
}

// valueText is a value line as kept: without its bullet.
func (r *reader) valueText(l line) string {
	return l.text
}

// isSentence reports a line of running text: many words and a final stop.
func isSentence(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	last := lastRune(s)
	words := len(strings.Fields(s))
	return (last == '.' || last == '!' || last == '?' || last == ';') && words >= sentenceWords
}

// flush applies the pending label, if any.
func (r *reader) flush() {
	p := r.pend
	r.pend = pending{}
	if p.li.field == FieldNone {
		return
	}
	if len(p.values) == 0 {
		r.x.emptyLabel[p.li.field] = p.line
		if p.line > 0 {
			id := message.LabelNoValue
			if r.layout == 'b' {
				id = message.LabelNoValueBelow
			}
			r.x.kindWarn(warnNoValue, p.line, id, "label", p.label)
		}
		return
	}
	r.apply(p.li, p.label, p.line, p.values, p.vlines)
}

// keepWeak keeps the value of a weak label that gave way to a precise
// one, as a field shown as written: "Ministère : Ministère de
// l'Intérieur" beside "Employeur : Préfecture de la Gironde" (it was
// dropped silently).
func (x *extractor) keepWeak(line int, label, value string) {
	label = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(label), ":"))
	if label == "" || strings.TrimSpace(value) == "" {
		return
	}
	x.addExtra(line, label, strings.TrimSpace(value))
}

// apply stores the value lines read under one label.
func (r *reader) apply(li labelInfo, label string, line int, values []string, lines []int) {
	x := r.x
	if li.weak && x.has(li.field) {
		// The precise label said the field already; what this one says
		// (the ministry of a préfecture) is shown as written.
		x.keepWeak(line, label, strings.Join(values, " "))
		return
	}
	if !li.weak && x.weak.Has(li.field) {
		// A precise label after a weak one: the weak one's value is kept
		// as written, beside the field.
		if p := x.o.text(li.field); p != nil && *p != "" {
			x.keepWeak(x.o.Lines[li.field], x.weakLabel[li.field], *p)
		}
		x.clear(li.field)
	}
	if li.weak {
		defer func() {
			if x.has(li.field) {
				x.weak.add(li.field)
				x.weakLabel[li.field] = label
			}
		}()
	} else {
		x.weak.remove(li.field)
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
	case FieldTitle:
		if x.titleFrom < titleLabel && !x.front[FieldTitle] {
			// A title label says what the job is: it wins over a heading
			// or a first line ("# Fiche de poste", then "Intitulé du
			// poste : …").
			x.o.Title, x.o.Lines[FieldTitle] = "", 0
			x.unguess(FieldTitle)
		}
		x.set(FieldTitle, lines[0], values[0])
		x.titleFrom = titleLabel
		r.extraLines(label, values, lines)
	case FieldLocation:
		// "Siège, Hôtel de Région", then "Metz ou Strasbourg": the
		// lines of a place are one place.
		x.set(li.field, lines[0], strings.Join(values, ", "))
	case FieldPosted:
		// "Publié le 24 novembre 2026 - offre n° 201QWXZ": the date,
		// then the offer's number.
		v := values[0]
		if m := rePostedNumber.FindStringSubmatchIndex(v); m != nil {
			if !x.has(FieldReference) {
				x.set(FieldReference, lines[0], v[m[2]:m[3]])
			}
			v = v[:m[0]]
		}
		x.set(li.field, lines[0], v)
		r.extraLines(label, values, lines)
	case FieldDeadline, FieldStart, FieldCategory:
		x.set(li.field, lines[0], values[0])
		r.extraLines(label, values, lines)
	case FieldExtra:
		if len(values) == 1 && notApplicable(values[0]) {
			return
		}
		if len(values) == 1 && isPlaceholder(values[0]) {
			x.placeholder(label, lines[0])
			return
		}
		x.addExtra(lines[0], label, strings.Join(values, "\n"))
	default:
		x.set(li.field, lines[0], strings.Join(values, " "))
	}
}

func (r *reader) extraLines(label string, values []string, lines []int) {
	for j := 1; j < len(values); j++ {
		r.x.kindWarn(warnExtraLine, lines[j], message.ExtraLine, "label", label, "line", Clip(values[j], 60))
	}
}

// standalone reads a line without a label among the fields. It returns
// readBody when the line starts the description.
func (r *reader) standalone(l line) stateFn {
	x := r.x
	text := l.text
	f := Fold(text)
	switch {
	case IsUpper(text) && len(text) < maxBanner && r.banner(l):
	case IsUpper(text) && len(text) < maxBanner && (x.o.Title != "" || employerIn(text, squash(text)) != ""):
		// A heading such as "PROVINCE SUD" that repeats the employer.
		if name := employerIn(text, squash(text)); name != "" {
			x.employerHint(l.n, name, message.FromHeading, hintBanner)
		}
	case r.banner(l):
	case x.o.Title == "" && !x.front[FieldTitle] && len(text) < maxValue:
		r.title(l, titleLine)
	case hasAnyPrefix(f, directionWords) && x.o.Direction == "" && len(text) < maxStandalone:
		x.set(FieldDirection, l.n, text)
	case (len(text) > bodyLine || isSentence(text)) && r.labels > 0:
		return readBody // the first sentence after the fields
	case x.o.Direction == "" && !x.front[FieldDirection] && r.labels > 0 && len(text) < 100 && startsLower(text) && !strings.ContainsAny(text, ".;!?"):
		// A short bare line among the fields, in lower case as a value
		// and not a sentence, is on these boards the hiring service
		// ("politique de la Ville"): read it so, and say so.
		x.set(FieldDirection, l.n, text)
		x.guess(FieldDirection, l.n, message.DirectionFromLine, "line", Clip(text, 60))
	case tableRow(text):
		// A table of fields: its header ("| Champ | Valeur |") and the
		// rule under it ("| --- | --- |") are part of the table, no
		// lines to warn of.
		r.stray = append(r.stray, text)
	default:
		x.kindWarn(warnStray, l.n, message.StrayLine, "line", Clip(text, 60))
		r.stray = append(r.stray, text)
		x.prose(text, l.n)
	}
	return nil
}

// tableRow reports a row of a Markdown table written with its outer
// pipes, or the table's delimiter row.
func tableRow(text string) bool {
	t := strings.TrimSpace(text)
	if len(t) > 1 && t[0] == '|' && t[len(t)-1] == '|' {
		return true
	}
	return strings.Contains(t, "|") && strings.Contains(t, "-") && strings.Trim(t, "|-: \t") == ""
}

// readBody makes the body from the rest of the file, and reads in it the
// labelled lines of fields the header did not give ("Date limite de
// candidature : …" at the end of the description) and, where no label
// gives them, a deadline or an employer stated in a sentence.
func readBody(r *reader) stateFn {
	x, o := r.x, r.x.o
	rest := r.lines[min(r.i, len(r.lines)):]
	if r.i < len(r.lines) && r.stray == nil {
		o.BodyLine = r.i + 1
	}
	if r.layout == 'b' {
		o.Body = bodyB(r.stray, r.keys.from(min(r.i, len(r.lines))))
	} else {
		o.Body = bodyA(r.stray, rest)
	}
	for j := 0; j < len(rest); j++ {
		n := r.i + j + 1
		t := strings.TrimSpace(rest[j])
		if t == "" {
			continue
		}
		if strings.Contains(t, "[") && strings.Contains(squash(t), "[a completer") {
			x.placeholder("", n)
		}
		if len(t) > 400 {
			continue
		}
		// Only a short line, or one with a colon, a tab or a pipe near its
		// start, can be a label: the others are sentences, not classified.
		if len(t) >= maxAloneLabel && !strings.ContainsAny(t[:maxAloneLabel], ":\t|") {
			x.prose(t, n)
			continue
		}
		l := r.classifyAt(n - 1)
		// A title label below wins over a title guessed from a bare line
		// above: a recruiting site's page opens on a slogan, and gives
		// "Intitulé du poste" among the details at its end.
		guessedTitle := l.known && l.li.field == FieldTitle && x.titleFrom == titleLine && x.o.Guessed.Has(FieldTitle)
		if l.known && lateField(l) && (!x.has(l.li.field) || x.weak.Has(l.li.field) && !l.li.weak || guessedTitle) {
			if l.value != "" {
				r.apply(l.li, l.label, n, []string{l.value}, []int{n})
				continue
			}
			// A label alone with its value below it, as a details table
			// pasted at the end of a page ("Nature de l'emploi", then
			// "Emploi ouvert aux titulaires et aux contractuels").
			if k := nextNonBlank(rest, j+1, len(rest)); k == j+1 && !l.heading {
				v := r.classifyAt(n)
				if !v.known && !v.heading && v.text != "" && !isSentence(v.text) && len(v.text) <= maxValue && !v.colon {
					r.apply(l.li, l.label, n, []string{v.text}, []int{n + 1})
					j = k
					continue
				}
			}
		}
		x.prose(t, n)
	}
	return nil
}

// lateField reports the labels read inside the description: those whose
// meaning cannot be mistaken there. "Poste :" or "Service :" in a
// description often say something else.
func lateField(l line) bool {
	switch l.li.field {
	case FieldDeadline, FieldPosted, FieldStart, FieldLocation, FieldReference, FieldEmployer,
		FieldContract, FieldWorkingTime, FieldGrades, FieldCategory:
		return true
	case FieldTitle:
		return strings.HasPrefix(labelKey(l.label), "intitule")
	case FieldDirection:
		return strings.HasPrefix(labelKey(l.label), "direction")
	}
	return false
}

// rePostedNumber is an offer's number after its posting date, on one
// line: " - offre n° 201QWXZ", ", réf. 2026-114".
var rePostedNumber = regexp.MustCompile(`(?i)\s*[-–—,|]\s*(?:offre|annonce|r[ée]f(?:[ée]rence)?\.?)\s*(?:n\s?[°º]|no\.?)?\s*:?\s*([A-Z0-9][A-Z0-9/._-]*[0-9][A-Z0-9/._-]*)\s*$`)

// capsLabel reads a label written in capitals with its value after it
// and no colon, as some boards print their details: "LIEU DE TRAVAIL
// Saint-Denis", "DATE LIMITE DE CANDIDATURE 15.01.2027". The leading
// words in capitals are the label when they are a known one.
func capsLabel(t string) (label, value string, li labelInfo, ok bool) {
	if len(t) > maxLabelLen+200 || !twoUpper(t) || strings.Contains(t, ":") {
		return "", "", labelInfo{}, false
	}
	words := strings.Fields(t)
	caps := 0
	for caps < len(words) && IsUpper(words[caps]) && !hasDigit(words[caps]) {
		caps++
	}
	// The value is what is not in capitals: a line all in capitals
	// ("ADMINISTRATION SUPÉRIEURE DES ÎLES WALLIS ET FUTUNA", "VILLE DE
	// BESANÇON") is a banner or a name, whatever word it starts with.
	if caps == 0 || caps == len(words) {
		return "", "", labelInfo{}, false
	}
	head := strings.Join(words[:caps], " ")
	if li, ok := lookupLabel(head); ok && li.field.isValue() && len(head) >= 4 {
		return head, strings.Join(words[caps:], " "), li, true
	}
	return "", "", labelInfo{}, false
}

// twoUpper says whether s starts with two capital letters: most lines
// of an offer do not, and are not split into words for capsLabel.
func twoUpper(s string) bool {
	r1, n := utf8.DecodeRuneInString(s)
	r2, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsUpper(r1) && unicode.IsUpper(r2)
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
