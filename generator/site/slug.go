package site

import (
	"strings"

	"postes/generator/offer"
)

// Slug makes a URL path segment: ASCII letters and digits separated by
// single hyphens, at most max bytes, cut at a hyphen. "Chargé(e) de
// l’accueil – Nouméa" → "charge-e-de-l-accueil-noumea". Letters with no
// ASCII form (other scripts) are dropped; the result may be empty. Nothing
// in a slug can climb out of its folder: no dots, no slashes.
func Slug(s string, max int) string {
	f := offer.Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	dash := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteByte(c)
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > max {
		atWordEnd := out[max] == '-'
		out = out[:max]
		if i := strings.LastIndexByte(out, '-'); i > max/2 && !atWordEnd {
			out = out[:i] // do not end on half a word
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}
