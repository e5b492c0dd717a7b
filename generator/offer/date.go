package offer

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"postes/generator/message"
)

// Date is a calendar date without time zone, as offers write them. Day is 0
// when only the month is known ("Poste à pourvoir : novembre 2025" names a
// month, not its first day). The zero Date means unknown.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// HasDay reports whether the day is known.
func (d Date) HasDay() bool { return d.Day != 0 }

// String gives "2025-08-29", "2025-11" for a month, "" when unknown.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Compare orders dates; a month sorts as its first day.
func (d Date) Compare(e Date) int {
	a, b := d.key(), e.key()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (d Date) key() int {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return d.Year*10000 + int(d.Month)*100 + day
}

// Time is the start of the day (or month) in loc.
func (d Date) Time(loc *time.Location) time.Time {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, d.Month, day, 0, 0, 0, 0, loc)
}

// AddDays is the date n days later; a month counts from its first day.
func (d Date) AddDays(n int) Date {
	return DateOf(d.Time(time.UTC).AddDate(0, 0, n))
}

// DateOf returns the calendar date of t in its own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

var frMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
var frWeekdays = []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

// Long is the French long form: "vendredi 29 août 2025", "mardi 1er juillet
// 2025", "novembre 2025".
func (d Date) Long() string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0:
		return fmt.Sprintf("%s %d", frMonths[d.Month-1], d.Year)
	}
	day := strconv.Itoa(d.Day)
	if d.Day == 1 {
		day = "1er"
	}
	wd := d.Time(time.UTC).Weekday()
	return fmt.Sprintf("%s %s %s %d", frWeekdays[wd], day, frMonths[d.Month-1], d.Year)
}

// Short is "29 août 2025" (or "novembre 2025"), for lists.
func (d Date) Short() string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0:
		return fmt.Sprintf("%s %d", frMonths[d.Month-1], d.Year)
	}
	day := strconv.Itoa(d.Day)
	if d.Day == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %d", day, frMonths[d.Month-1], d.Year)
}

// MonthName is "août 2025".
func MonthName(year int, month time.Month) string {
	return fmt.Sprintf("%s %d", frMonths[month-1], year)
}

// DateError says why a date could not be read.
type DateError struct{ Text message.Text }

func (e *DateError) Error() string { return e.Text.String() }

func dateError(id message.ID, kv ...any) *DateError {
	return &DateError{message.New(id, kv...)}
}

// say is d as messages say it.
func (d Date) say() message.Day { return message.Day{Year: d.Year, Month: d.Month, Day: d.Day} }

// monthNumber maps folded month names and their usual abbreviations.
var monthNumber = map[string]time.Month{
	"janvier": 1, "janv": 1, "jan": 1,
	"fevrier": 2, "fevr": 2, "fev": 2,
	"mars":  3,
	"avril": 4, "avr": 4,
	"mai":     5,
	"juin":    6,
	"juillet": 7, "juil": 7,
	"aout":      8,
	"septembre": 9, "sept": 9, "sep": 9,
	"octobre": 10, "oct": 10,
	"novembre": 11, "nov": 11,
	"decembre": 12, "dec": 12,
}

var weekdayNumber = map[string]time.Weekday{
	"dimanche": 0, "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6,
}

const monthAlt = `janvier|janv|jan|fevrier|fevr|fev|mars|avril|avr|mai|juin|juillet|juil|aout|septembre|sept|sep|octobre|oct|novembre|nov|decembre|dec`

var (
	reISO = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	// reYMD is year first with slashes or dots ("2025/08/29"), as
	// spreadsheets export dates.
	reYMD     = regexp.MustCompile(`\b(\d{4}) ?[/.] ?(\d{1,2}) ?[/.] ?(\d{1,2})\b`)
	reNumeric = regexp.MustCompile(`\b(\d{1,2}) ?[/.-] ?(\d{1,2}) ?[/.-] ?(\d{4}|\d{2})\b`)
	// reLong takes a four-digit year, or two digits after an abbreviated
	// or full month name ("14 juil. 25"): see twoDigitYear. The first of
	// the month is "1er", "1ᵉʳ" or, typed on a keyboard that has it,
	// "1°" (folded to "1o").
	reLong  = regexp.MustCompile(`(?:\b(dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi),? +)?\b(\d{1,2}) *(?:er|e|eme|o)? +(` + monthAlt + `)\.? *(\d{4}|\d{2})\b`)
	reMonth = regexp.MustCompile(`\b(` + monthAlt + `)\.? +(?:(?:de|d')? *)?(\d{4})\b`)
	// reISOMonth is the form Date.String gives a month ("2025-11"), read
	// back when it is the whole value (front matter copied from
	// offres.json); anywhere in a line it would take references for dates.
	reISOMonth = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reASAP     = regexp.MustCompile(`des que possible|immediatement|au plus tot|au plus vite|\basap\b|sans delai|des maintenant|de suite\b|\bimmediat`)
)

// DateResult is what ParseDate read.
type DateResult struct {
	Date Date
	ASAP bool         // "dès que possible": no date, and none is missing
	Note message.Text // a doubt worth a warning, such as a weekday that does not match
}

// dateMatch is one date found in a text, at byte offsets [at, end) of its
// folded form.
type dateMatch struct {
	at, end int
	date    Date
	wd      string // the weekday written before it, if any
	month   bool   // a month alone ("novembre 2025"): Day 0 is no error
}

// findDates finds every date written in f, a squashed (folded) text, in
// order; matches that overlap an earlier one are dropped. Each pattern runs
// only where it can match (it needs a dash, a separator, a space): two
// dates per offer, every offer read.
func findDates(f string) []dateMatch {
	var ms []dateMatch
	add := func(m dateMatch) {
		for _, o := range ms {
			if m.at < o.end && o.at < m.end {
				return
			}
		}
		ms = append(ms, m)
	}
	if strings.IndexByte(f, '-') >= 0 {
		for _, m := range reISO.FindAllStringSubmatchIndex(f, -1) {
			add(dateMatch{at: m[0], end: m[1], date: Date{atoi(f[m[2]:m[3]]), time.Month(atoi(f[m[4]:m[5]])), atoi(f[m[6]:m[7]])}})
		}
	}
	if strings.ContainsAny(f, "/.") {
		for _, m := range reYMD.FindAllStringSubmatchIndex(f, -1) {
			add(dateMatch{at: m[0], end: m[1], date: Date{atoi(f[m[2]:m[3]]), time.Month(atoi(f[m[4]:m[5]])), atoi(f[m[6]:m[7]])}})
		}
	}
	if strings.ContainsAny(f, "/.-") {
		for _, m := range reNumeric.FindAllStringSubmatchIndex(f, -1) {
			y := atoi(f[m[6]:m[7]])
			if m[7]-m[6] == 2 {
				if !twoDigitYear(f, m[7]) {
					continue
				}
				y += 2000
			}
			add(dateMatch{at: m[0], end: m[1], date: Date{y, time.Month(atoi(f[m[4]:m[5]])), atoi(f[m[2]:m[3]])}})
		}
	}
	if strings.IndexByte(f, ' ') >= 0 {
		for _, m := range reLong.FindAllStringSubmatchIndex(f, -1) {
			y := atoi(f[m[8]:m[9]])
			if m[9]-m[8] == 2 {
				if !twoDigitYear(f, m[9]) {
					continue
				}
				y += 2000
			}
			c := dateMatch{at: m[0], end: m[1], date: Date{y, monthNumber[f[m[6]:m[7]]], atoi(f[m[4]:m[5]])}}
			if m[2] >= 0 {
				c.wd = f[m[2]:m[3]]
			}
			add(c)
		}
	}
	if len(ms) == 0 {
		for _, m := range reMonth.FindAllStringSubmatchIndex(f, -1) {
			add(dateMatch{at: m[0], end: m[1], date: Date{atoi(f[m[4]:m[5]]), monthNumber[f[m[2]:m[3]]], 0}, month: true})
		}
	}
	if len(ms) == 0 {
		if m := reISOMonth.FindStringSubmatch(f); m != nil {
			add(dateMatch{end: len(f), date: Date{atoi(m[1]), time.Month(atoi(m[2])), 0}, month: true})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].at < ms[j].at })
	return ms
}

// twoDigitYear reports whether two digits ending at end are a year: not
// an hour ("3 mars 12h00", "3 mars 12:00") nor the start of a longer
// number.
func twoDigitYear(f string, end int) bool {
	if end < len(f) {
		switch c := f[end]; {
		case c == 'h' || c == ':' || isDigit(c):
			return false
		case c == ' ' && end+1 < len(f) && (f[end+1] == 'h' || isDigit(f[end+1])):
			return false // "12 h 30", "25 000"
		}
	}
	return true
}

// ParseDate reads a French date wherever it stands in s: "29/03/2024",
// "29/03/24", "2024-03-29", "Vendredi 29 août 2025", "14 juil. 25",
// "1er juillet 2025", "1ᵉʳ juillet 2025", "novembre 2025" (a month), "dès
// que possible". The first date written wins. It never guesses: text with
// no date, or an impossible one ("31 février 2025"), is a *DateError
// saying what was expected.
func ParseDate(s string) (DateResult, error) {
	f := squash(s)
	if f == "" {
		return DateResult{}, dateError(message.DateEmpty)
	}
	ms := findDates(f)
	if len(ms) == 0 {
		if reASAP.MatchString(f) {
			return DateResult{ASAP: true}, nil
		}
		return DateResult{}, dateError(message.DateUnreadable)
	}
	return resultOf(s, ms[0])
}

// ParseDeadline reads the date applications close, from a value that may
// write a period ("du 1er au 30 septembre 2025", "du 01/09/2025 au
// 30/09/2025"): its end is the deadline, said in a Note. A value with
// several dates and no period word keeps the last, also with a Note.
func ParseDeadline(s string) (DateResult, error) {
	f := squash(s)
	ms := findDates(f)
	if len(ms) < 2 {
		return ParseDate(s)
	}
	last := ms[len(ms)-1]
	res, err := resultOf(s, last)
	if err != nil {
		return res, err
	}
	between := f[ms[len(ms)-2].end:last.at]
	if !strings.Contains(" "+between+" ", " au ") && !strings.Contains(between, "jusqu") && !strings.Contains(between, "avant") {
		res.Note = joinNotes(res.Note, message.New(message.DateSeveral, "n", len(ms), "kept", last.date.say()))
	}
	return res, nil
}

func joinNotes(a, b message.Text) message.Text {
	if a.IsZero() {
		return b
	}
	return a.Then(b)
}

// resultOf turns a match into a result, refusing impossible dates.
func resultOf(s string, best dateMatch) (DateResult, error) {
	d := best.date
	if d.Year < 1900 || d.Year > 2999 {
		return DateResult{}, dateError(message.DateYearRange, "year", d.Year)
	}
	if d.Month < 1 || d.Month > 12 {
		return DateResult{}, dateError(message.DateNoMonth, "month", int(d.Month))
	}
	// Day 0 means a month only when the text named a month alone: "00/12/2025"
	// is a typo, not "December 2025".
	if !best.month {
		if d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return DateResult{}, dateError(message.DateNoDay, "month", message.Day{Year: d.Year, Month: d.Month}, "days", daysIn(d.Year, d.Month),
				"last", message.Day{Year: d.Year, Month: d.Month, Day: daysIn(d.Year, d.Month)})
		}
	}
	res := DateResult{Date: d}
	if best.wd != "" {
		if got := d.Time(time.UTC).Weekday(); got != weekdayNumber[best.wd] {
			res.Note = message.New(message.DateWeekday, "date", d.say(), "weekday", got, "written", best.wd)
		}
	}
	return res, nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// reClock is an hour in a folded date's text: "a 12h00", "12 h 30",
// "17:00", "avant 12h". The hour is not part of a date ("30.06.2026").
var reClock = regexp.MustCompile(`(?:^|[^\d/.:-])([01]?\d|2[0-4]) ?(?:h(?:eures?)?|:) ?([0-5]\d)?(?:\b|$)`)

// clockIn returns the hour a deadline's text names, as "12:00", or "" for
// none or the end of the day (minuit, 24h, 23h59, 0h).
func clockIn(value string) string {
	f := Fold(value)
	if strings.Contains(f, "midi") && !strings.Contains(f, "apres-midi") && !strings.Contains(f, "apres midi") {
		return "12:00"
	}
	m := reClock.FindStringSubmatch(f)
	if m == nil {
		return ""
	}
	h, min := atoi(m[1]), 0
	if m[2] != "" {
		min = atoi(m[2])
	}
	if h == 0 && min == 0 || h == 24 || h == 23 && min == 59 {
		return "" // the end of the day, as every deadline
	}
	if h > 23 {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", h, min)
}

// DeadlineAt is the deadline's hour as French pages say it: "12 h",
// "17 h 30"; "" when the deadline has none.
func (o *Offer) DeadlineAt() string {
	h, m, ok := strings.Cut(o.DeadlineTime, ":")
	if !ok {
		return ""
	}
	h = strings.TrimPrefix(h, "0")
	if h == "" {
		h = "0"
	}
	if m == "00" {
		return h + "\u00a0h"
	}
	return h + "\u00a0h\u00a0" + m
}
