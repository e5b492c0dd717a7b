// Package offer turns the lines of one offer file into an Offer: it detects
// the layout, reads labelled fields and French dates, and keeps the body as
// Markdown.
//
// It is the second stage of the pipeline, after package content (which
// decodes files) and before package site (which groups offers into a board).
// It does no I/O, so every rule here is tested and fuzzed on strings.
//
// Two layouts are read, detected per file:
//
//   - layout a (New Caledonia boards): "# Title", then "Label : value" lines,
//     then a Markdown body starting at the first heading;
//   - layout b (emploi-territorial): plain text where a label stands alone on
//     its line and its value follows on the next lines.
//
// Glossary of the French labels (see labels.go for every spelling):
//
//	Référence, Offre n°                 Reference
//	Employeur, Collectivité             Employer
//	Lieu de travail                     Location
//	Corps ou cadre d'emploi, Grade(s)   Grades
//	Direction, Service                  Direction
//	Famille de métiers                  Family
//	Temps de travail                    WorkingTime
//	Type d'emploi, Type de contrat      Contract
//	Date de dépôt de l'offre, Publiée le Posted
//	Date limite de candidature          Deadline
//	Poste à pourvoir, Prise de poste    Start
//
// Extract never guesses silently: whatever it cannot read for sure is a
// warning with the file and line, and the offer is published with what it
// knows. A file with no title or no employer is an error.
package offer

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"

	"postes/generator/content"
	"postes/generator/message"
)

// Offer is one job offer as read from its file.
type Offer struct {
	Source       string // path relative to content/, forward slashes
	Layout       byte   // 'a' or 'b'
	Title        string
	Reference    string
	EmployerName string // as it should be displayed ("Mairie de Tours")
	Address      []string
	Location     string // the towns named, joined by ", ", else the place as written
	// Places are the towns the place names, from the reference of
	// communes, for display and filters.
	Places      []Place
	Grades      []Grade
	Direction   string
	Family      string
	WorkingTime string
	Contract    string
	Posted      Date
	Deadline    Date
	// DeadlineTime is the hour the deadline names ("à 12h00": "12:00"),
	// "" for the end of its day. The offer stays open through that day
	// (a board is built once a day), but its page says the hour: a job
	// seeker applying in the afternoon would come too late.
	DeadlineTime string
	Start        Date
	StartASAP    bool
	// Expired is set when the text itself says applications are closed
	// ("Le délai de candidature pour cette offre a expiré").
	Expired bool
	Extras  []Extra
	Body    string // Markdown
	// BodyLine is the 1-based line of the file's text where the body
	// starts when the body is made from those lines alone (see BodyAt);
	// 0 when it is not (nothing after the fields, or lines without a
	// label kept at its top).
	BodyLine int
	// Intro is the start of the body as plain text, for summaries, derived
	// from Body when the offer is read.
	Intro string
	// Contacts are the e-mail and web addresses given in the body: where
	// to apply.
	Contacts []string
	// NoWayToApply: the offer gives no e-mail or web address, no postal
	// address and no part about applying (see CanApply).
	NoWayToApply bool
	// Hash identifies the file's decoded text; the builder sets it, so that
	// pages whose offers did not change are not rendered again.
	Hash uint64
	// AskedSlug is set by front matter only; package site derives the others.
	AskedSlug string
	Draft     bool
	// Categories are the civil-service categories the offer is open to
	// ("A", "B"…), sorted: from a "Catégorie" label, or from its grades.
	Categories []string
	// Filieres are the filières of its grades ("administrative",
	// "technique"…), sorted.
	Filieres []string
	// Lines records the 1-based line each field was read from (0 if absent),
	// so later checks can point at it.
	Lines [numFields]int
	// Guessed are the fields read from something other than a label (a
	// banner, a sentence, a line without a label): each was warned.
	Guessed FieldSet
	// Defaulted are the fields taken from defaults (config.toml's
	// [defaults], a folder's _defaults.toml), which the file did not give.
	Defaulted FieldSet
}

// Grade is a grade or cadre d'emplois the offer recruits in, with what
// the grade table knows of it.
type Grade struct {
	Name      string // as the offer writes it, cleaned ("Rédacteur principal de 2ème classe")
	Specialty string // "informatique", "économie rurale ou équipement"
	Category  string // "A", "B", "C", "D"; "" when unknown
	Filiere   string // "administrative", "technique"…; "" when unknown or none
	// Key identifies the grade whatever its spelling, for filters:
	// "Rédacteur" of New Caledonia and of the FPT are one grade to a job
	// seeker, "1re classe" and "1ère classe" one class (grade.Grade.ID).
	Key string
	// Known says postes's grade table knows the name, or the known name
	// it goes on from: only those are values of the grades facet, since
	// a line the table cannot read may be a sentence ("Poste ouvert aux
	// agents de catégorie B") rather than a grade.
	Known bool
}

// String is the grade as shown: "Technicien (informatique)".
func (g Grade) String() string {
	if g.Specialty != "" {
		return g.Name + " (" + g.Specialty + ")"
	}
	return g.Name
}

// GradeNames are the offer's grades as shown.
func (o *Offer) GradeNames() []string {
	names := make([]string, len(o.Grades))
	for i, g := range o.Grades {
		names[i] = g.String()
	}
	return names
}

// Extra is a labelled field shown as written.
type Extra struct {
	Label string
	Value string
}

// BodyAt makes again the body of an offer from its file's lines, without
// extracting the fields: what a national build does when it did not keep
// bodies in memory. layout and line are the offer's Layout and BodyLine
// (which must not be 0), and lines those of the same text.
func BodyAt(lines []string, layout byte, line int) string {
	if line < 1 || line > len(lines) {
		return ""
	}
	if layout == 'b' {
		return bodyB(nil, newLineKeys(lines[line-1:]))
	}
	return bodyA(nil, lines[line-1:])
}

// Extract reads one decoded file. It returns the offer (nil when the file
// cannot be published) and every problem met, each with its line.
func Extract(src *content.Source) (*Offer, content.List) {
	return ExtractWith(src, Options{})
}

// Options are what extraction takes from the site besides the file.
type Options struct {
	// Defaults give fields the file does not state: the employer of a
	// board or folder of one employer's offers, its town.
	Defaults *Defaults
	// MaxOpenDays is how long an offer without a deadline stays open
	// after its posting date; 0 means DefaultMaxOpenDays.
	MaxOpenDays int
	// Near are the départements or collectivities where the board's
	// offers mostly are ("988" for a New Caledonian board): a town name
	// shared by communes elsewhere is read as the one there.
	Near []string
	// Places are the board's own names of places (config.toml's
	// [places]), by PlaceKey: localities the reference of communes lacks.
	Places map[string]Place
	// Grades are the board's categories of grades (config.toml's
	// [grades]), by grade.Key: corps whose category postes's table does
	// not confirm ("Ingénieur 2ème grade" of New Caledonia = "A").
	Grades map[string]string
}

// DefaultMaxOpenDays is how long an offer with no deadline stays open
// after its posting date, unless config.toml says otherwise: public
// employers publish vacancies for a month or two.
const DefaultMaxOpenDays = 60

func (o Options) maxOpen() int {
	if o.MaxOpenDays > 0 {
		return o.MaxOpenDays
	}
	return DefaultMaxOpenDays
}

// ExtractWith is Extract with options.
func ExtractWith(src *content.Source, opt Options) (*Offer, content.List) {
	x := &extractor{src: src, o: &Offer{Source: src.Path}, opt: opt}
	x.run()
	if x.o == nil && x.partial != nil && x.partial.Draft {
		// A draft is shown by check -v as far as it could be read.
		x.partial.detach()
		return x.partial, x.diags
	}
	if x.o == nil {
		return nil, x.diags
	}
	return x.o, x.diags
}

type extractor struct {
	src   *content.Source
	o     *Offer
	diags content.List
	front map[Field]bool // fields set by front matter win over the text
	// refDate is the date a reference carries ("… du 08/08/2025"), used
	// when no posting date is given.
	refDate     Date
	refDateLine int
	// unreadable marks date fields given but not understood, already
	// reported: no second "missing" warning for them.
	unreadable [numFields]bool
	opt        Options
	titleFrom  titleFrom
	kinds      map[int]warnKind // diags index → kind, for fold
	// Values read from something other than a label, used with a
	// warning when nothing better gives the field.
	employerHintAt   hint
	deadlineHint     hint
	placeHint        hint // "basé à Dijon": the folded words naming the town
	categoryHint     hint // "un poste de catégorie A": "A", "B ou C"
	gradeHint        hint // "du cadre d'emplois des techniciens": the grades the table knows
	deadlineAt       Date
	startHint        hint
	startAt          Date
	relativeDeadline relative
	// emptyLabel is the line of a label given without a value, for the
	// error of a missing required field.
	emptyLabel [numFields]int
	fatal      bool              // an error that is not a missing title or employer
	weak       FieldSet          // fields read under a weak label (see weakLabels)
	weakLabel  [numFields]string // the weak label each such field was read under, as written
	guessAt    [numFields]int    // 1 + index in diags of each field's guess warning
	// statedCategory is a category a grade line states ("Rédacteur -
	// catégorie B"), used when no label gives one.
	statedCategory     string
	statedCategoryLine int
	gradeLines         []gradeLine
	// partial is the offer as read when the file cannot be published,
	// for the tests that score extraction.
	partial *Offer
	// todo are the placeholders left ("[à compléter]"), todoFields the
	// fields they stand for.
	todo       []todo
	todoFields FieldSet
}

// warn reports a warning at line from the message catalogue.
func (x *extractor) warn(line int, id message.ID, kv ...any) {
	x.diags.Say(content.Pos{Path: x.src.Path, Line: line}, content.Warning, id, kv...)
}

// fail reports an error at line: the file is not published.
func (x *extractor) fail(line int, id message.ID, kv ...any) {
	x.diags.Say(content.Pos{Path: x.src.Path, Line: line}, content.Error, id, kv...)
}

func (x *extractor) run() {
	if x.src.Front != nil {
		if !x.frontMatter() {
			x.o = nil
			return
		}
	}
	keys := newLineKeys(x.src.Lines)
	x.o.Layout = detectLayout(keys.from(x.src.Start))
	r := &reader{x: x, lines: x.src.Lines, keys: keys, layout: x.o.Layout, aheadAt: -1}
	r.run(x.src.Start)
	x.finish()
	x.fold()
}

// text returns the text field f of the offer, or nil when f is not one.
func (o *Offer) text(f Field) *string {
	switch f {
	case FieldTitle:
		return &o.Title
	case FieldReference:
		return &o.Reference
	case FieldEmployer:
		return &o.EmployerName
	case FieldLocation:
		return &o.Location
	case FieldDirection:
		return &o.Direction
	case FieldFamily:
		return &o.Family
	case FieldWorkingTime:
		return &o.WorkingTime
	case FieldContract:
		return &o.Contract
	}
	return nil
}

// clear forgets a field read under a weak label.
func (x *extractor) clear(f Field) {
	o := x.o
	if p := o.text(f); p != nil {
		*p = ""
	}
	switch f {
	case FieldEmployer:
		o.Address = nil
	case FieldGrades:
		x.gradeLines = nil
	case FieldStart:
		o.Start, o.StartASAP = Date{}, false
	case FieldCategory:
		o.Categories = nil
	}
	o.Lines[f] = 0
}

// has reports whether the offer has a value for f, or was given one that
// could not be read (and was reported).
func (x *extractor) has(f Field) bool {
	o := x.o
	switch f {
	case FieldTitle:
		return o.Title != ""
	case FieldReference:
		return o.Reference != ""
	case FieldEmployer:
		return o.EmployerName != ""
	case FieldLocation:
		return o.Location != ""
	case FieldGrades:
		return len(x.gradeLines) > 0
	case FieldDirection:
		return o.Direction != ""
	case FieldFamily:
		return o.Family != ""
	case FieldWorkingTime:
		return o.WorkingTime != ""
	case FieldContract:
		return o.Contract != ""
	case FieldCategory:
		return len(o.Categories) > 0
	case FieldPosted:
		return !o.Posted.IsZero() || x.unreadable[f] || !x.refDate.IsZero()
	case FieldDeadline:
		return !o.Deadline.IsZero() || x.unreadable[f]
	case FieldStart:
		return !o.Start.IsZero() || o.StartASAP || x.unreadable[f]
	}
	return false
}

// detectLayout scores the two layouts on the first lines: labels followed by
// a colon and a value on the same line vote for a, labels alone on their
// line followed by a value line vote for b. The file name plays no part.
func detectLayout(keys lineKeys) byte {
	lines := keys.lines
	a, b := 0, 0
	limit := min(len(lines), 80)
	for i := 0; i < limit; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if label, value, ok := splitLabel(l); ok {
			if _, known := keys.lookupColon(i, label); known {
				if strings.TrimSpace(value) != "" {
					a++
					continue
				}
			}
		}
		if li, ok := keys.lookup(i); ok && li.field != FieldHeading && li.field != FieldSection {
			// A label alone, with its value on the very next line; that
			// line must not be another label (an offer template with
			// labels still empty is layout a).
			if next := nextNonBlank(lines, i+1, limit); next == i+1 && !isLabelLine(keys, next) {
				b++
			}
		}
	}
	// "# Title" on the first line is layout a's signature.
	if first := nextNonBlank(lines, 0, limit); first >= 0 && strings.HasPrefix(strings.TrimSpace(lines[first]), "# ") {
		a += 3
	}
	if b > a {
		return 'b'
	}
	return 'a'
}

// isLabelLine reports a line that starts with a known label, alone or
// followed by a colon.
func isLabelLine(keys lineKeys, i int) bool {
	if _, ok := keys.lookup(i); ok {
		return true
	}
	l := strings.TrimSpace(keys.lines[i])
	if label, _, ok := splitLabel(l); ok {
		_, known := keys.lookupColon(i, label)
		return known
	}
	return false
}

func nextNonBlank(lines []string, from, limit int) int {
	for j := from; j < limit && j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) != "" {
			return j
		}
	}
	return -1
}

// splitLabel splits "Label : value" at the first colon. Colons inside a
// time ("14:30") or a URL ("https://") do not make a label.
func splitLabel(line string) (label, value string, ok bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 || i > 90 {
		return "", "", false
	}
	label = strings.TrimSpace(line[:i])
	if label == "" || strings.HasSuffix(label, "http") || strings.HasSuffix(label, "https") {
		return "", "", false
	}
	if i > 0 && isDigit(line[i-1]) && i+1 < len(line) && isDigit(line[i+1]) {
		return "", "", false
	}
	value = strings.TrimSpace(strings.Trim(line[i+1:], "*_ \u00a0\u202f"))
	label = strings.Trim(label, "*_ \u00a0\u202f")
	return label, value, label != ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// frontMatter decodes the TOML between +++ fences. Its fields win over the
// text. It reports false when the front matter is unreadable: the file is
// then an error, since what the editor meant to override is unknown.
func (x *extractor) frontMatter() bool {
	var fm map[string]any
	text := strings.Join(x.src.Front, "\n")
	if _, err := toml.Decode(text, &fm); err != nil {
		line := x.src.FrontLine
		var perr toml.ParseError
		if errors.As(err, &perr) {
			line += perr.Position.Line - 1
			x.fail(line, message.FrontSyntax, "err", perr.Message)
		} else {
			x.fail(line, message.FrontSyntax, "err", err)
		}
		return false
	}
	x.front = map[Field]bool{}
	keyLine := func(key string) int {
		for i, l := range x.src.Front {
			if strings.HasPrefix(strings.TrimSpace(l), key) {
				return x.src.FrontLine + i
			}
		}
		return x.src.FrontLine
	}
	o := x.o
	// slug and draft first: a draft is not read further.
	if v, ok := fm["draft"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			x.fail(keyLine("draft"), message.FrontDraftType, "value", tomlValue(v))
			return false
		}
		o.Draft = b
	}
	if v, ok := fm["slug"]; ok {
		if s, isString := v.(string); isString {
			o.AskedSlug = oneLine(s)
		} else {
			x.warn(keyLine("slug"), message.FrontSlugType, "value", tomlValue(v))
		}
	}
	keys := make([]string, 0, len(fm))
	for k := range fm {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := fm[k]
		d := fieldNamed(k)
		if d == nil {
			if k != "slug" && k != "draft" {
				if near := closest(k, knownFrontKeys()); near != "" {
					x.warn(keyLine(k), message.FrontUnknownKeyNear, "key", k, "near", near)
				} else {
					x.warn(keyLine(k), message.FrontUnknownKey, "key", k, "known", message.Quoted(knownFrontKeys()))
				}
			}
			continue
		}
		if x.setValue(d, keyLine(k), v, fromFront) {
			x.front[d.Field] = true
			if o.Lines[d.Field] == 0 {
				o.Lines[d.Field] = keyLine(k)
			}
		}
	}
	return true
}

// Where a TOML value comes from, for messages.
const (
	fromFront    = message.WhereFront
	fromDefaults = message.WhereDefaults
)

// setValue sets a declared field from a TOML value (front matter, a
// defaults table), saying so when its type is not the field's. It reports
// whether the field was set.
func (x *extractor) setValue(d *FieldDef, line int, v any, where message.ID) bool {
	o := x.o
	switch d.kind {
	case kindText, kindCategory:
		s, ok := v.(string)
		if !ok {
			x.warn(line, message.ValueNotString, "where", message.New(where), "key", d.Name, "value", tomlValue(v))
			return false
		}
		if d.kind == kindCategory {
			x.setCategory(line, s)
			return len(o.Categories) > 0
		}
		*o.text(d.Field) = oneLine(s)
		o.Lines[d.Field] = line
		return true
	case kindGrades:
		var list []string
		switch v := v.(type) {
		case string:
			list = []string{v}
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok {
					list = append(list, s)
				}
			}
		default:
			x.warn(line, message.ValueNotGrades, "where", message.New(where), "key", d.Name, "value", tomlValue(v))
			return false
		}
		for _, g := range list {
			x.addGrades(line, oneLine(g))
		}
		o.Lines[d.Field] = line
		return true
	case kindDate:
		var s string
		switch v := v.(type) {
		case string:
			s = v
		case time.Time: // TOML dates, local or not: the calendar date as written
			s = v.Format("2006-01-02")
			if v.Hour() != 0 || v.Minute() != 0 {
				s = v.Format("2006-01-02 15:04") // and its hour, for a deadline's
			}
		default:
			x.warn(line, message.ValueNotDate, "where", message.New(where), "key", d.Name, "value", tomlValue(v))
			return false
		}
		x.setDate(d.Field, line, s)
		return true
	}
	return false
}

// tomlValue says a TOML value in a message.
func tomlValue(v any) message.Text {
	switch v := v.(type) {
	case string:
		return message.New(message.TOMLString, "s", Clip(v, 60))
	case []any:
		return message.New(message.TOMLList)
	case map[string]any:
		return message.New(message.TOMLTable)
	case bool:
		return message.New(message.TOMLBool, "v", fmt.Sprint(v))
	case time.Time:
		return message.New(message.TOMLOther, "v", v.Format("2006-01-02"))
	}
	return message.New(message.TOMLOther, "v", fmt.Sprint(v))
}

// oneLine cleans a front matter value as content.Decode cleans the text:
// a field is one line, without control characters.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)), " ")
}

// set stores a field read from the text unless front matter already gave it.
func (x *extractor) set(f Field, line int, value string) {
	if x.front[f] {
		return
	}
	value = strings.TrimSpace(value)
	if isPlaceholder(value) {
		x.placeholderFor(f, line)
		switch f {
		case FieldTitle, FieldEmployer:
			// Kept: the file builds, its page shows what is missing.
		case FieldPosted, FieldDeadline, FieldStart:
			x.unreadable[f] = true // said once, as a placeholder
			return
		default:
			return
		}
	}
	o := x.o
	dst := o.text(f)
	switch f {
	case FieldGrades:
		x.addGrades(line, value)
		if o.Lines[f] == 0 {
			o.Lines[f] = line
		}
		return
	case FieldPosted, FieldDeadline, FieldStart:
		x.setDate(f, line, value)
		return
	case FieldCategory:
		x.setCategory(line, value)
		return
	}
	if dst == nil {
		return
	}
	if *dst != "" && value != "" && Fold(*dst) != Fold(value) {
		x.warn(line, message.FieldTwice, "field", fieldLabel(f), "first", Clip(*dst, 60), "line", o.Lines[f], "second", Clip(value, 60))
		return
	}
	if *dst == "" {
		*dst = value
		o.Lines[f] = line
	}
}

// reCategory finds the categories a "Catégorie" label names: "A", "B ou
// C", "Catégorie A (cadre)", "A+", "A/B".
var reCategory = regexp.MustCompile(`(?:^|[^\pL])([ABCD])\+?(?:$|[^\pL])`)

var reCategoryThenGrade = regexp.MustCompile(`^([ABCD]\+?)\s*[/-]\s*(\pL.{2,})$`)

// setCategory reads a "Catégorie" value.
func (x *extractor) setCategory(line int, value string) {
	v := strings.TrimSpace(value)
	if m := reCategoryThenGrade.FindStringSubmatch(v); m != nil {
		// "Catégorie statutaire / Corps : A / Attaché d'administration"
		v = m[1]
		x.set(FieldGrades, line, m[2])
	}
	if strings.HasPrefix(Fold(v), "categorie") {
		v = strings.TrimSpace(v[len("categorie")+1:])
	}
	var cats []string
	seen := map[string]bool{}
	for _, m := range reCategory.FindAllStringSubmatch(strings.ReplaceAll(v, "/", " / "), -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			cats = append(cats, m[1])
		}
	}
	if len(cats) == 0 {
		x.warn(line, message.CategoryUnreadable, "value", Clip(value, 40))
		return
	}
	sort.Strings(cats)
	if len(x.o.Categories) == 0 {
		x.o.Categories = cats
		x.o.Lines[FieldCategory] = line
	}
}

func (x *extractor) setDate(f Field, line int, value string) {
	o := x.o
	var dst *Date
	switch f {
	case FieldPosted:
		dst = &o.Posted
	case FieldDeadline:
		dst = &o.Deadline
	default:
		dst = &o.Start
	}
	if !dst.IsZero() || (f == FieldStart && o.StartASAP) {
		return
	}
	parse := ParseDate
	if f == FieldDeadline {
		parse = ParseDeadline
	}
	res, err := parse(value)
	if err != nil {
		var de *DateError
		if errors.As(err, &de) {
			x.warn(line, message.DateField, "field", fieldLabel(f), "value", Clip(strings.TrimSpace(value), 60), "msg", de.Text)
		} else {
			x.warn(line, message.DateField, "field", fieldLabel(f), "value", Clip(strings.TrimSpace(value), 60), "msg", err)
		}
		x.unreadable[f] = true
		return
	}
	if !res.Note.IsZero() {
		x.warn(line, message.DateField, "field", fieldLabel(f), "value", Clip(strings.TrimSpace(value), 60), "msg", res.Note)
	}
	if res.ASAP {
		if f == FieldStart {
			o.StartASAP = true
			o.Lines[f] = line
		} else {
			x.warn(line, message.DateASAPNotDate, "field", fieldLabel(f), "value", Clip(strings.TrimSpace(value), 60))
			x.unreadable[f] = true
		}
		return
	}
	if f != FieldStart && !res.Date.HasDay() {
		x.warn(line, message.DateMonthOnly, "field", fieldLabel(f), "value", Clip(strings.TrimSpace(value), 60))
		x.unreadable[f] = true
		return
	}
	*dst = res.Date
	o.Lines[f] = line
	if f == FieldDeadline {
		o.DeadlineTime = clockIn(value)
	}
}

var reRefDate = regexp.MustCompile(`^(.*?)\s+(?:[-–,]\s*)?(?:du|en date du|le|(?:offre )?publi[ée]e? le|mise? en ligne le|diffus[ée]e? le)\s+(.+)$`)

// setReference splits "3134-25-1264/SR du 08/08/2025" into the reference and
// the date it carries, which stands in for a missing posting date.
func (x *extractor) setReference(line int, value string) {
	value = strings.TrimSpace(value)
	if m := reRefDate.FindStringSubmatch(value); m != nil {
		if res, err := ParseDate(m[2]); err == nil && res.Date.HasDay() {
			x.set(FieldReference, line, m[1])
			if x.o.Posted.IsZero() && !x.front[FieldPosted] {
				x.refDate, x.refDateLine = res.Date, line
			}
			return
		}
	}
	x.set(FieldReference, line, value)
}
