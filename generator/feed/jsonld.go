package feed

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"postes/generator/site"
)

// JobPosting returns schema.org JobPosting JSON-LD for an offer page, with
// what search engines' job search asks for. validThrough is the last
// second of the deadline day in the board's time zone, when applications
// close. json.Marshal escapes <, > and &, so the result is safe inside a
// <script> element.
func JobPosting(b *site.Board, p *site.Offer, bodyHTML string, loc *time.Location, country string) ([]byte, error) {
	type postal struct {
		Type     string `json:"@type"`
		Locality string `json:"addressLocality,omitempty"`
		Street   string `json:"streetAddress,omitempty"`
		Postcode string `json:"postalCode,omitempty"`
		Country  string `json:"addressCountry,omitempty"`
	}
	type place struct {
		Type    string `json:"@type"`
		Address postal `json:"address"`
	}
	type org struct {
		Type   string `json:"@type"`
		Name   string `json:"name"`
		SameAs string `json:"sameAs,omitempty"`
	}
	type ident struct {
		Type  string `json:"@type"`
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	doc := struct {
		Context        string   `json:"@context"`
		Type           string   `json:"@type"`
		Title          string   `json:"title"`
		Description    string   `json:"description"`
		DatePosted     string   `json:"datePosted,omitempty"`
		ValidThrough   string   `json:"validThrough,omitempty"`
		EmploymentType string   `json:"employmentType,omitempty"`
		Hiring         org      `json:"hiringOrganization"`
		JobLocation    place    `json:"jobLocation"`
		Identifier     *ident   `json:"identifier,omitempty"`
		URL            string   `json:"url"`
		Occupational   []string `json:"occupationalCategory,omitempty"`
	}{
		Context: "https://schema.org", Type: "JobPosting",
		Title:       p.Title,
		Description: bodyHTML,
		Hiring:      org{Type: "Organization", Name: p.Employer.Name, SameAs: b.AbsURL(p.Employer.Path)},
		JobLocation: place{Type: "Place", Address: postal{Type: "PostalAddress", Locality: locality(p), Country: country}},
		URL:         b.AbsURL(p.Path),
	}
	if doc.Description == "" {
		doc.Description = p.Summary()
	}
	if !p.Posted.IsZero() {
		doc.DatePosted = p.Posted.String()
	}
	if !p.Deadline.IsZero() {
		end := p.Deadline.Time(loc).AddDate(0, 0, 1).Add(-time.Second)
		if h, m, ok := strings.Cut(p.DeadlineTime, ":"); ok {
			hour, _ := strconv.Atoi(h)
			min, _ := strconv.Atoi(m)
			end = p.Deadline.Time(loc).Add(time.Duration(hour)*time.Hour + time.Duration(min)*time.Minute)
		}
		doc.ValidThrough = end.Format(time.RFC3339)
	}
	if p.Reference != "" {
		doc.Identifier = &ident{Type: "PropertyValue", Name: p.Employer.Name, Value: p.Reference}
	}
	doc.EmploymentType = employmentType(p.WorkingTime + " " + p.Contract)
	for _, a := range p.Address {
		if m := postcode(a); m != "" {
			doc.JobLocation.Address.Postcode = m
		} else if doc.JobLocation.Address.Street == "" {
			doc.JobLocation.Address.Street = a
		}
	}
	if len(p.Grades) > 0 {
		doc.Occupational = p.GradeNames()
	}
	return json.Marshal(doc)
}

// locality is the town search engines file the offer under: its first
// town, else its place as written.
func locality(p *site.Offer) string {
	if len(p.Places) > 0 {
		return p.Places[0].Town
	}
	return p.Location
}

func postcode(s string) string {
	for _, f := range strings.Fields(s) {
		if len(f) == 5 && strings.Trim(f, "0123456789") == "" {
			return f
		}
	}
	return ""
}

// employmentType maps the French wording to schema.org's values, only when
// the offer says it.
func employmentType(s string) string {
	f := strings.ToLower(s)
	switch {
	case strings.Contains(f, "non complet"), strings.Contains(f, "partiel"):
		return "PART_TIME"
	case strings.Contains(f, "temps complet"), strings.Contains(f, "plein"):
		return "FULL_TIME"
	case strings.Contains(f, "durée déterminée"), strings.Contains(f, "cdd"), strings.Contains(f, "temporaire"):
		return "TEMPORARY"
	}
	return ""
}
