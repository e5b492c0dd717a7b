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
	for _, line := range strings.Split(o.Body, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "#") {
			h := labelKey(strings.TrimLeft(t, "# "))
			if hasAnyPrefix(h, applyWords) || strings.Contains(h, "candidature") || strings.Contains(h, "postuler") {
				return true
			}
			continue
		}
		if rePostal.MatchString(t) {
			return true
		}
	}
	return false
}
