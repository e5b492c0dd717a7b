package offer

import (
	"regexp"
	"strings"
)

// How to apply. A reader who found an offer must find where to send an
// application: an e-mail or web address, a postal address, or a part of
// the description about applying ("Pour postuler", "Candidature",
// "Modalités de candidature"). An open offer that gives none is a
// warning (package pipeline says it: whether an offer is open depends on
// the day).

// CanApply reports whether the offer says how to apply.
func (o *Offer) CanApply() bool { return !o.NoWayToApply }

// applyWords start a heading about applying, folded.
var applyWords = []string{"pour postuler", "postuler", "comment postuler", "pour candidater", "candidature", "modalites de candidature",
	"dossier de candidature", "envoi des candidatures", "depot des candidatures", "contact", "pour tout renseignement"}

// rePostal finds a postal address: a postcode before a town ("98800
// Nouméa", "37926 TOURS Cedex 9"), a post-office box ("BP 12", "B.P.
// 3", "CS 40012").
var rePostal = regexp.MustCompile(`(?:^|[^\d])\d{5}\s+\p{Lu}|\b(?:B\.?\s?P\.?|CS)\s?\d{1,6}\b`)

// wayToApply reports whether the offer says how to apply: in its body, its
// fields shown as written (Courriel, Lien de candidature, Contact…) or
// the employer's address.
func (o *Offer) wayToApply() bool {
	if len(o.Contacts) > 0 || len(o.Address) > 0 {
		return true
	}
	for _, e := range o.Extras {
		if reEmail.MatchString(e.Value) || reURL.MatchString(e.Value) || rePostal.MatchString(e.Value) ||
			hasAnyPrefix(labelKey(e.Label), applyWords) {
			return true
		}
	}
	// Headings first, found without splitting the body: every offer
	// passes here.
	for rest := o.Body; rest != ""; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "#") {
			h := labelKey(strings.TrimLeft(t, "# "))
			if hasAnyPrefix(h, applyWords) || strings.Contains(h, "candidature") || strings.Contains(h, "postuler") {
				return true
			}
		}
	}
	// A postal address: the regexp, slow on a whole description, runs
	// only on one that holds five digits in a row or a box's letters.
	return mayBePostal(o.Body) && rePostal.MatchString(o.Body)
}

// mayBePostal reports whether s holds five digits in a row, "BP", "B.P"
// or "CS": what every match of rePostal holds.
func mayBePostal(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; '0' <= c && c <= '9' {
			if run++; run == 5 {
				return true
			}
			continue
		}
		run = 0
	}
	return strings.Contains(s, "BP") || strings.Contains(s, "B.P") || strings.Contains(s, "CS")
}
