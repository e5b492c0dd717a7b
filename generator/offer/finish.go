package offer

import (
	"regexp"
	"strings"
	"time"

	"postes/generator/message"
)

// finish applies the rules that need every field: required fields, display
// forms, and the consistency checks between dates.
func (x *extractor) finish() {
	o := x.o
	if o.Posted.IsZero() && !x.refDate.IsZero() {
		o.Posted = x.refDate
		o.Lines[FieldPosted] = x.refDateLine
	}
	x.applyDefaults()
	// Problems of the whole file point at its first line of text, or at
	// no line (0) when it has none: never past its end.
	firstLine := 0
	if i := firstNonBlank(x.src.Lines, x.src.Start); i >= 0 {
		firstLine = i + 1
	} else if x.src.Front != nil {
		firstLine = x.src.FrontLine - 1
	}
	if o.EmployerName == "" && x.employerHintAt.strength <= hintProse && x.titleFrom != titleNone {
		// "Avis de vacance d'un emploi de sous-directeur (administration
		// centrale du ministère de l'agriculture)": the body in the
		// title's parentheses.
		if m := reTitleBody.FindStringSubmatch(o.Title); m != nil && startsWithBody(squash(m[1])) {
			x.employerHint(o.Lines[FieldTitle], capitalise(strings.TrimSpace(m[1])), message.FromTitle, hintBanner)
		}
	}
	if o.EmployerName == "" && x.employerHintAt.value != "" {
		h := x.employerHintAt
		x.set(FieldEmployer, h.line, h.value)
		x.guess(FieldEmployer, h.line, message.EmployerGuessed, "from", message.New(h.from), "employer", TitleCase(h.value))
	}
	if o.Title == "" {
		x.fail(x.missingAt(FieldTitle, firstLine), message.NoTitle)
	}
	if o.EmployerName == "" {
		x.fail(x.missingAt(FieldEmployer, firstLine), message.NoEmployer)
	}
	x.checkTwoEmployers()
	x.checkSizes()
	x.checkGradeLines()
	if x.fatal {
		x.partial, x.o = x.o, nil
		return
	}
	x.readPlace()
	x.finishGrades()
	x.checkGrades()
	x.finishDeadline(firstLine)
	if h := x.startHint; h.line > 0 && !x.has(FieldStart) {
		if x.startAt.IsZero() {
			o.StartASAP = true
		} else {
			o.Start = x.startAt
		}
		o.Lines[FieldStart] = h.line
		start := message.New(message.StartASAP)
		if !o.StartASAP {
			start = message.New(message.DayText, "day", o.Start.say())
		}
		x.guess(FieldStart, h.line, message.StartGuessed, "from", message.New(h.from), "start", start)
	}
	if o.Title == "" || o.EmployerName == "" || x.fatal {
		x.partial, x.o = x.o, nil
		return
	}
	if !x.front[FieldEmployer] && !o.Defaulted.Has(FieldEmployer) && !isPlaceholder(o.EmployerName) && strings.ContainsAny(strings.TrimSpace(o.EmployerName), " \u00a0") {
		// "MAIRIE DE TOURS" is a name in capitals; "INSEE", in one
		// word, an acronym.
		o.EmployerName = TitleCase(o.EmployerName)
	}
	o.detach()
	// Both are cut from the body: copied, so that they do not keep it in
	// memory when a national build drops bodies (see detach).
	o.Intro = strings.Clone(plainText(o.Body, 280))
	o.Contacts = contacts(o.Body)
	for i := range o.Contacts {
		o.Contacts[i] = strings.Clone(o.Contacts[i])
	}
	o.NoWayToApply = !o.wayToApply()
	x.sayPlaceholders()
	x.finishPlace()
	if strings.TrimSpace(o.Body) == "" {
		x.warn(firstLine, message.EmptyBody)
	}
	if !o.Deadline.IsZero() && !o.Posted.IsZero() && o.Deadline.Compare(o.Posted) < 0 {
		x.warn(o.Lines[FieldDeadline], message.DeadlineBeforePosted, "deadline", o.Deadline.say(), "posted", o.Posted.say(), "postedLine", o.Lines[FieldPosted])
	}
	// Applications stay open for weeks, rarely months: a deadline more than
	// a year away is most often a mistyped year (2052 for 2025).
	if !o.Deadline.IsZero() && !o.Posted.IsZero() && o.Deadline.Time(time.UTC).Sub(o.Posted.Time(time.UTC)) > 366*24*time.Hour {
		x.warn(o.Lines[FieldDeadline], message.DeadlineFar, "deadline", o.Deadline.say(), "posted", o.Posted.say())
	}
	if !o.Start.IsZero() && !o.Posted.IsZero() && o.Start.Day != 0 && o.Start.Compare(o.Posted) < 0 {
		x.warn(o.Lines[FieldStart], message.StartBeforePosted, "start", o.Start.say(), "posted", o.Posted.say())
	}
}

// missingAt is the line to blame for a missing required field: the label
// given without a value, if any, else the file's first line.
func (x *extractor) missingAt(f Field, first int) int {
	if n := x.emptyLabel[f]; n > 0 {
		return n
	}
	return first
}

// finishDeadline settles the deadline when no label gave one: from a
// sentence of the description, with a warning; else the offer closes
// MaxOpenDays after its posting date (the site applies it), said in a
// warning; an offer with neither a deadline nor a posting date could
// stay open for ever, and is an error.
func (x *extractor) finishDeadline(firstLine int) {
	o := x.o
	if !o.Deadline.IsZero() || x.unreadable[FieldDeadline] {
		return
	}
	if r := x.relativeDeadline; r.line > 0 && !o.Posted.IsZero() {
		o.Deadline = r.from(o.Posted)
		o.Lines[FieldDeadline] = r.line
		x.guess(FieldDeadline, r.line, message.DeadlineCounted, "span", r.span(), "posted", o.Posted.say(), "deadline", o.Deadline.say())
		return
	}
	if h := x.deadlineHint; h.line > 0 {
		o.Deadline = x.deadlineAt
		o.Lines[FieldDeadline] = h.line
		x.guess(FieldDeadline, h.line, message.DeadlineGuessed, "from", message.New(h.from), "deadline", message.LongDay(o.Deadline.say()))
		return
	}
	at := x.missingAt(FieldDeadline, firstLine)
	if o.Posted.IsZero() {
		if o.Title != "" && o.EmployerName != "" {
			x.fail(at, message.NoDeadlineNoPosted, "days", x.opt.maxOpen())
			x.fatal = true
		}
		return
	}
	x.warn(at, message.NoDeadline, "days", x.opt.maxOpen(), "closes", message.LongDay(o.Posted.AddDays(x.opt.maxOpen()).say()))
}

// reTitleBody finds a body named in parentheses at the end of a title.
var reTitleBody = regexp.MustCompile(`\((?:administration centrale (?:du|de la|de l['’]) ?)?([^()]{6,120})\)\s*$`)

var (
	rePostcode = regexp.MustCompile(`\b\d{5}\b`)
	reCedex    = regexp.MustCompile(`(?i)\s+cedex(\s+\d+)?\s*$`)
)

// cleanLocation keeps the town: "37926 TOURS Cedex 9" → "TOURS", shown as
// "Tours" when the source writes every value in capitals (layout b).
func cleanLocation(s string, upperSource bool) string {
	s = strings.TrimSpace(s)
	s = reCedex.ReplaceAllString(s, "")
	s = strings.TrimSpace(rePostcode.ReplaceAllString(s, ""))
	s = strings.Trim(s, " ,-–")
	if upperSource {
		s = TitleCase(s)
	}
	return s
}

// detach copies every field out of the file's text. Fields are substrings
// of its lines, and one short title would otherwise keep the whole file in
// memory for as long as the offer lives: at 100,000 offers, gigabytes. The
// body is not: it is built apart, in a buffer of its size (bodyA, bodyB).
func (o *Offer) detach() {
	for _, d := range Fields {
		if p := o.text(d.Field); p != nil {
			*p = strings.Clone(*p)
		}
	}
	o.AskedSlug, o.Source = strings.Clone(o.AskedSlug), strings.Clone(o.Source)
	for i := range o.Grades {
		g := &o.Grades[i]
		g.Name, g.Specialty, g.Key = strings.Clone(g.Name), strings.Clone(g.Specialty), strings.Clone(g.Key)
	}
	for i := range o.Address {
		o.Address[i] = strings.Clone(o.Address[i])
	}
	for i := range o.Extras {
		o.Extras[i].Label = strings.Clone(o.Extras[i].Label)
		o.Extras[i].Value = strings.Clone(o.Extras[i].Value)
	}
}

// checkTwoEmployers warns of an employer line naming two bodies ("Commune
// de Saulieu et Commune de Précy-sous-Thil", a shared post): the offer is
// filed under the whole line, an employer of its own, and under neither
// body's page.
func (x *extractor) checkTwoEmployers() {
	e := x.o.EmployerName
	f := squash(e)
	for _, sep := range []string{" et ", " / ", " & "} {
		i := strings.Index(f, sep)
		if i <= 0 || !startsWithBody(f) {
			continue
		}
		rest := strings.TrimPrefix(strings.TrimPrefix(f[i+len(sep):], "la "), "le ")
		if startsWithBody(rest) {
			x.warn(x.o.Lines[FieldEmployer], message.EmployerTwoBodies, "employer", Clip(e, 80))
			return
		}
	}
}
