package offer

import (
	"sort"
	"unicode/utf8"

	"postes/generator/message"
)

// Misspelt labels and keys. An unknown label is shown as written and its
// value is not read as a field: when it is one typo away from a known
// label ("Date limte"), the warning names the label meant, so that the
// editor fixes the line instead of wondering why the page says "Date
// limite non précisée".

// nearLabels are the labels of the table, folded, with the spelling to
// suggest, in a stable order.
var nearLabels = func() []nearLabel {
	out := make([]nearLabel, 0, len(labels))
	for k, f := range labels {
		if f == FieldSection || f == FieldHeading {
			continue // a misspelt heading is a heading of the description
		}
		out = append(out, nearLabel{key: labelKey(k), name: k, field: f})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].key < out[j].key || out[i].key == out[j].key && out[i].name < out[j].name
	})
	return out
}()

type nearLabel struct {
	key, name string
	field     Field
}

// maxTypos is how far a word may be from a known one to be taken for a
// typo of it: one edit in a short word, one more every 8 letters. Shorter
// words than minNear are not compared: "Lien" is not a typo of "Lieu".
func maxTypos(n int) int { return 1 + n/8 }

const minNear = 6

// closestLabel finds the known label a misspelt one most likely meant.
func closestLabel(label string) (nearLabel, bool) {
	k := labelKey(label)
	n := utf8.RuneCountInString(k)
	if n < minNear || n > 60 {
		return nearLabel{}, false
	}
	best, bestD := nearLabel{}, maxTypos(n)+1
	for _, c := range nearLabels {
		if d := typos(k, c.key, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD <= maxTypos(n)
}

// Closest finds the word of known that word is most likely a typo of
// ("titre" for "title"), or "": for keys of settings files.
func Closest(word string, known []string) string { return closest(word, known) }

// closest finds the word of known nearest to word, or "".
func closest(word string, known []string) string {
	n := utf8.RuneCountInString(word)
	if n < 3 {
		return ""
	}
	best, bestD := "", maxTypos(n)+1
	for _, k := range known {
		if d := typos(Fold(word), Fold(k), bestD); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// typos is the optimal string alignment distance between a and b (edits,
// with a swap of two neighbours counted once), or limit when it is
// limit or more.
func typos(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= limit || -d >= limit {
		return limit
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if low >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit)
}

// unknownLabel warns about a "Label : value" line whose label is not in
// the table, naming the label meant when it is a typo of one.
func (x *extractor) unknownLabel(line int, label string) {
	near, ok := closestLabel(label)
	switch {
	case !ok:
		x.kindWarn(warnUnknownLabel, line, message.UnknownLabel, "label", label)
	case near.field == FieldExtra || labelKey(fieldLabel(near.field)) == near.key:
		x.kindWarn(warnUnknownLabel, line, message.UnknownLabelNear, "label", label, "near", near.name)
	default:
		// The field's own label first: it is the one the README and
		// postes new write.
		x.kindWarn(warnUnknownLabel, line, message.UnknownLabelNearField, "label", label, "near", near.name, "field", fieldLabel(near.field))
	}
}
