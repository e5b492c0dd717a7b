package offer

import (
	"regexp"
	"strings"
	"time"
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
			x.employerHint(o.Lines[FieldTitle], capitalise(strings.TrimSpace(m[1])), "the title", hintBanner)
		}
	}
	if o.EmployerName == "" && x.employerHintAt.value != "" {
		h := x.employerHintAt
		x.set(FieldEmployer, h.line, h.value)
		x.guess(FieldEmployer, h.line, "no \"Employeur\" label; employer read from %s: %s (write \"Employeur : …\", or set employer in the board's defaults, to be sure)", h.from, quote(TitleCase(h.value)))
	}
	if o.Title == "" {
		x.errorf(x.missingAt(FieldTitle, firstLine), "no title: expected a first line \"# Intitulé du poste\" or title = \"…\" in the front matter")
	}
	if o.EmployerName == "" {
		x.errorf(x.missingAt(FieldEmployer, firstLine), "no employer: expected a line \"Employeur : …\", employer = \"…\" in the front matter, or an employer in the board's defaults (config.toml [defaults] or a folder's _defaults.toml)")
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
		x.guess(FieldStart, h.line, "no \"Poste à pourvoir\" label; start read from %s: %s (write \"Poste à pourvoir : …\" to be sure)", h.from, h.value)
	}
	if o.Title == "" || o.EmployerName == "" || x.fatal {
		x.partial, x.o = x.o, nil
		return
	}
	if !x.front[FieldEmployer] && !o.Defaulted.Has(FieldEmployer) && strings.ContainsAny(strings.TrimSpace(o.EmployerName), " \u00a0") {
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
	x.finishPlace()
	if strings.TrimSpace(o.Body) == "" {
		x.warnf(firstLine, "empty description: expected the text of the offer (missions, profile, how to apply) after the fields")
	}
	if !o.Deadline.IsZero() && !o.Posted.IsZero() && o.Deadline.Compare(o.Posted) < 0 {
		x.warnf(o.Lines[FieldDeadline], "deadline %s is before the posting date %s", o.Deadline, o.Posted)
	}
	// Applications stay open for weeks, rarely months: a deadline more than
	// a year away is most often a mistyped year (2052 for 2025).
	if !o.Deadline.IsZero() && !o.Posted.IsZero() && o.Deadline.Time(time.UTC).Sub(o.Posted.Time(time.UTC)) > 366*24*time.Hour {
		x.warnf(o.Lines[FieldDeadline], "deadline %s is more than a year after the posting date %s; is the year a typo?", o.Deadline, o.Posted)
	}
	if !o.Start.IsZero() && !o.Posted.IsZero() && o.Start.Day != 0 && o.Start.Compare(o.Posted) < 0 {
		x.warnf(o.Lines[FieldStart], "start date %s is before the posting date %s", o.Start, o.Posted)
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
		x.guess(FieldDeadline, r.line, "no deadline label; deadline counted from the posting date as the text says (%d %s after %s): %s (write \"Date limite de candidature : …\" to be sure)",
			r.n, r.unit, o.Posted, o.Deadline)
		return
	}
	if h := x.deadlineHint; h.line > 0 {
		o.Deadline = x.deadlineAt
		o.Lines[FieldDeadline] = h.line
		x.guess(FieldDeadline, h.line, "no deadline label; deadline read from %s: %s (write \"Date limite de candidature : …\" to be sure)", h.from, o.Deadline.Long())
		return
	}
	at := x.missingAt(FieldDeadline, firstLine)
	if o.Posted.IsZero() {
		if o.Title != "" && o.EmployerName != "" {
			x.errorf(at, "no deadline and no posting date: postes cannot tell when applications close; expected a line \"Date limite de candidature : 29/08/2025\" (or a posting date, \"Publiée le : …\", and the offer closes %d days later, max_open_days)", x.opt.maxOpen())
			x.fatal = true
		}
		return
	}
	x.warnf(at, "no deadline: expected a line \"Date limite de candidature : 29/08/2025\"; the offer closes %d days after its posting date (max_open_days), on %s", x.opt.maxOpen(), o.Posted.AddDays(x.opt.maxOpen()).Long())
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
			x.warnf(x.o.Lines[FieldEmployer], "employer %s names two bodies; filed as one employer of that name, on neither body's page (write the employer who recruits in \"Employeur : …\" and the other in the description)", quote(Clip(e, 80)))
			return
		}
	}
}
