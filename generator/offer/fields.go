package offer

import (
	"strings"
)

// The fields of an offer, declared once. Each declaration says what every
// stage needs to know of a field: its name (the key of front matter, of
// defaults tables and of offres.json), its kind (how it is read and
// written), how messages name it, and whether lists show it, so that the
// keys of the pages that list offers depend on it. Front matter, defaults,
// diagnostics, offres.json (package feed) and the keys (package pipeline)
// all go through this table: a new field is one line here, one case in
// Offer.text or the kinds below, and its place in the templates.

// kind says how a field is read and written.
type kind int

const (
	kindText     kind = iota // one line of text
	kindGrades               // grade lines, read by package grade
	kindCategory             // "A", "B ou C"
	kindDate                 // a date, a month, or "dès que possible" (start)
)

// FieldDef declares a field.
type FieldDef struct {
	Field Field
	// Name is the field's key in front matter, defaults tables and
	// offres.json: "title", "working_time".
	Name string
	kind kind
	// Label is how messages name the field: the label an offer writes
	// ("Date limite de candidature"), in every language.
	Label string
	// Default says a defaults table may give it: the fields that
	// describe an employer's offers, not one offer's own.
	Default bool
	// InLists says lists of offers (cards), calendars and the sitemap
	// show it: the keys of those pages depend on it, and an edit of
	// anything else (the description) leaves them as they are.
	InLists bool
}

// Fields are the declared fields, in the order of offres.json.
var Fields = []FieldDef{
	{FieldTitle, "title", kindText, "Intitulé du poste", false, true},
	{FieldReference, "reference", kindText, "Référence", true, true},
	{FieldEmployer, "employer", kindText, "Employeur", true, true},
	{FieldLocation, "location", kindText, "Lieu de travail", true, true},
	{FieldGrades, "grades", kindGrades, "Grade", true, true},
	{FieldCategory, "category", kindCategory, "Catégorie", true, true},
	{FieldDirection, "direction", kindText, "Direction", true, false},
	{FieldFamily, "family", kindText, "Famille de métiers", true, false},
	{FieldWorkingTime, "working_time", kindText, "Temps de travail", true, true},
	{FieldContract, "contract", kindText, "Type d’emploi", true, true},
	{FieldPosted, "posted", kindDate, "Date de dépôt de l’offre", true, true},
	{FieldDeadline, "deadline", kindDate, "Date limite de candidature", true, true},
	{FieldStart, "start", kindDate, "Poste à pourvoir", true, false},
}

// fieldDef returns the declaration of f, or nil.
func fieldDef(f Field) *FieldDef {
	for i := range Fields {
		if Fields[i].Field == f {
			return &Fields[i]
		}
	}
	return nil
}

// fieldNamed returns the declaration of the field called name, or nil.
func fieldNamed(name string) *FieldDef {
	for i := range Fields {
		if Fields[i].Name == name {
			return &Fields[i]
		}
	}
	return nil
}

// frontKeys are the keys front matter takes besides the fields.
var frontKeys = []string{"slug", "draft"}

// knownFrontKeys lists every key front matter takes, for the warning
// about an unknown one.
func knownFrontKeys() []string {
	var ks []string
	for _, d := range Fields {
		ks = append(ks, d.Name)
	}
	return append(ks, frontKeys...)
}

// fieldLabel is how messages name f.
func fieldLabel(f Field) string {
	if d := fieldDef(f); d != nil {
		return d.Label
	}
	return f.String()
}

// Text is the value of f as one string: text as written, grades and
// categories joined, dates as Date.String gives them ("dès que possible"
// for a start as soon as possible). It is what keys and check -v read.
func (o *Offer) Text(f Field) string {
	if p := o.text(f); p != nil {
		return *p
	}
	switch f {
	case FieldGrades:
		return strings.Join(o.GradeNames(), " | ")
	case FieldCategory:
		return strings.Join(o.Categories, ", ")
	case FieldPosted:
		return o.Posted.String()
	case FieldDeadline:
		return o.Deadline.String()
	case FieldStart:
		if o.StartASAP {
			return "dès que possible"
		}
		return o.Start.String()
	}
	return ""
}

// Value is the value of f as offres.json gives it: a string, a list of
// strings (grades, categories), or a date as "2025-08-29", "2025-11" or
// nil.
func (o *Offer) Value(f Field) any {
	d := fieldDef(f)
	if d == nil {
		return nil
	}
	switch d.kind {
	case kindGrades:
		return nonNil(o.GradeNames())
	case kindCategory:
		return nonNil(o.Categories)
	case kindDate:
		if s := o.Text(f); s != "" && !(f == FieldStart && o.StartASAP) {
			return s
		}
		return nil
	}
	return o.Text(f)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
