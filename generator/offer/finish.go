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
	// Problems of the whole file point at its first line of text, or at
	// no line (0) when it has none: never past its end.
	firstLine := 0
	if i := firstNonBlank(x.src.Lines, x.src.Start); i >= 0 {
		firstLine = i + 1
	} else if x.src.Front != nil {
		firstLine = x.src.FrontLine - 1
	}
	if o.Title == "" {
		x.errorf(firstLine, "no title: expected a first line \"# Intitulé du poste\" or title = \"…\" in the front matter")
	}
	if o.Employer == "" {
		x.errorf(firstLine, "no employer: expected a line \"Employeur : …\" or employer = \"…\" in the front matter")
	}
	if o.Title == "" || o.Employer == "" {
		x.o = nil
		return
	}
	if !x.front[FieldEmployer] {
		o.Employer = TitleCase(o.Employer)
	}
	o.detach()
	// Both are cut from the body: copied, so that they do not keep it in
	// memory when a national build drops bodies (see detach).
	o.Intro = strings.Clone(plainText(o.Body, 280))
	o.Contacts = contacts(o.Body)
	for i := range o.Contacts {
		o.Contacts[i] = strings.Clone(o.Contacts[i])
	}
	if o.Location == "" {
		// emploi-territorial gives the town in the address: "37926 TOURS Cedex 9".
		for i := len(o.Address) - 1; i >= 0; i-- {
			if rePostcode.MatchString(o.Address[i]) {
				o.Location = o.Address[i]
				break
			}
		}
	}
	if !x.front[FieldLocation] {
		o.Location = cleanLocation(o.Location, o.Layout == 'b')
	}
	if strings.TrimSpace(o.Body) == "" {
		x.warnf(firstLine, "empty description: expected the text of the offer (missions, profile, how to apply) after the fields")
	}
	if o.Deadline.IsZero() && !x.unreadable[FieldDeadline] {
		x.warnf(firstLine, "no deadline: expected a line \"Date limite de candidature : 29/08/2025\"; the offer stays listed as open")
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
	for _, p := range []*string{&o.Title, &o.Reference, &o.Employer, &o.Location, &o.Direction,
		&o.Family, &o.WorkingTime, &o.Contract, &o.Slug, &o.Source} {
		*p = strings.Clone(*p)
	}
	for i := range o.Grades {
		o.Grades[i] = strings.Clone(o.Grades[i])
	}
	for i := range o.Address {
		o.Address[i] = strings.Clone(o.Address[i])
	}
	for i := range o.Extras {
		o.Extras[i].Label = strings.Clone(o.Extras[i].Label)
		o.Extras[i].Value = strings.Clone(o.Extras[i].Value)
	}
}
