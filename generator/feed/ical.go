package feed

import (
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"postes/generator/site"
)

// Calendar describes one iCalendar subscription.
type Calendar struct {
	Name         string
	TimeZone     string // IANA name, for X-WR-TIMEZONE
	ReminderDays int    // alarm this many days before the deadline; 0: none
}

// WriteICS writes an RFC 5545 calendar with one all-day event per offer
// given (site.Feed's Events: open offers, and those closed lately) on its
// deadline day. UIDs derive from the offer's address and DTSTAMP from its
// posting date, so an unchanged board gives an unchanged file and calendar
// apps do not duplicate events. A calendar with no event holds the
// board's time zone, so that it still has the component RFC 5545 requires
// (strict clients reject an empty VCALENDAR). Lines end with CRLF and are
// folded at 75 octets without splitting a UTF-8 sequence.
func WriteICS(w io.Writer, b *site.Board, cal Calendar, offers []*site.Offer) error {
	host := "postes"
	if u, err := url.Parse(b.BaseURL); err == nil && u.Host != "" {
		host = u.Host
	}
	var sb strings.Builder
	line := func(name, value string) { foldLine(&sb, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//postes//Offres d'emploi//FR")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("X-WR-CALNAME", escapeText(cal.Name))
	if cal.TimeZone != "" {
		line("X-WR-TIMEZONE", escapeText(cal.TimeZone))
	}
	events := 0
	for _, p := range offers {
		if p.Deadline.IsZero() || !p.Deadline.HasDay() {
			continue
		}
		events++
		d := p.Deadline
		end := d.Time(time.UTC).AddDate(0, 0, 1)
		stamp := p.Posted
		if stamp.IsZero() {
			stamp = d
		}
		link := b.AbsURL(p.Path)
		line("BEGIN", "VEVENT")
		line("UID", p.Slug+"@"+host)
		line("DTSTAMP", fmt.Sprintf("%04d%02d%02dT000000Z", stamp.Year, int(stamp.Month), max(stamp.Day, 1)))
		line("DTSTART;VALUE=DATE", fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day))
		line("DTEND;VALUE=DATE", end.Format("20060102"))
		// An all-day event, as for every deadline; its hour, when the
		// offer names one, is in its words.
		limit, last := "Date limite", "Dernier jour pour candidater"
		if at := p.DeadlineAt(); at != "" {
			limit, last = "Date limite à "+at, "Dernier jour pour candidater, jusqu’à "+at
		}
		line("SUMMARY", escapeText(limit+" : "+p.Title+" – "+p.Employer.Name))
		desc := last + " : " + p.Title + " (" + p.Employer.Name + ")"
		if p.Reference != "" {
			desc += ", réf. " + p.Reference
		}
		line("DESCRIPTION", escapeText(desc+".\n"+link))
		if p.Location != "" {
			line("LOCATION", escapeText(p.Location))
		}
		line("URL;VALUE=URI", link)
		line("TRANSP", "TRANSPARENT")
		if cal.ReminderDays > 0 && !p.Closed {
			line("BEGIN", "VALARM")
			line("ACTION", "DISPLAY")
			line("TRIGGER", fmt.Sprintf("-P%dD", cal.ReminderDays))
			line("DESCRIPTION", escapeText(fmt.Sprintf("Clôture dans %d jours : %s", cal.ReminderDays, p.Title)))
			line("END", "VALARM")
		}
		line("END", "VEVENT")
	}
	if events == 0 {
		writeTimezone(line, cal.TimeZone, b.Today.Year)
	}
	line("END", "VCALENDAR")
	_, err := io.WriteString(w, sb.String())
	return err
}

// writeTimezone writes a VTIMEZONE for the IANA zone tz, from the offsets
// Go's time zone data gives for year: one STANDARD when the zone keeps
// one offset, else STANDARD and DAYLIGHT from that year's transitions.
func writeTimezone(line func(name, value string), tz string, year int) {
	loc, err := time.LoadLocation(tz)
	if err != nil || tz == "" {
		loc, tz = time.UTC, "UTC"
	}
	line("BEGIN", "VTIMEZONE")
	line("TZID", tz)
	start := time.Date(year, 1, 1, 0, 0, 0, 0, loc)
	end := start.AddDate(1, 0, 0)
	var changes []time.Time
	for t := start; t.Before(end); t = t.Add(24 * time.Hour) {
		_, a := t.Zone()
		if _, b := t.Add(24 * time.Hour).Zone(); a == b {
			continue
		}
		// The offset changes within this day: find the minute.
		lo, hi := t, t.Add(24*time.Hour)
		for hi.Sub(lo) > time.Minute {
			mid := lo.Add(hi.Sub(lo) / 2)
			if _, m := mid.Zone(); m == a {
				lo = mid
			} else {
				hi = mid
			}
		}
		changes = append(changes, hi.Truncate(time.Minute))
	}
	offset := func(sec int) string {
		sign := "+"
		if sec < 0 {
			sign, sec = "-", -sec
		}
		return fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec%3600/60)
	}
	part := func(kind string, at time.Time, from, to int) {
		name, _ := at.Zone()
		line("BEGIN", kind)
		// The onset in local time as it was just before (RFC 5545 §3.6.5).
		line("DTSTART", at.UTC().Add(time.Duration(from)*time.Second).Format("20060102T150405"))
		line("TZOFFSETFROM", offset(from))
		line("TZOFFSETTO", offset(to))
		if name != "" && !strings.HasPrefix(name, "+") && !strings.HasPrefix(name, "-") {
			line("TZNAME", escapeText(name))
		}
		line("END", kind)
	}
	if len(changes) == 0 {
		_, off := start.Zone()
		part("STANDARD", time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(off)*time.Second).In(loc), off, off)
	} else {
		for _, c := range changes {
			_, before := c.Add(-time.Minute).Zone()
			_, after := c.Zone()
			kind := "STANDARD"
			if after > before {
				kind = "DAYLIGHT"
			}
			part(kind, c.In(loc), before, after)
		}
	}
	line("END", "VTIMEZONE")
}

// escapeText escapes a TEXT value (RFC 5545 §3.3.11).
func escapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// foldLine writes one content line, folded so that no line exceeds 75
// octets (RFC 5545 §3.1), each ending with CRLF.
func foldLine(sb *strings.Builder, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		sb.WriteString(s[:cut])
		sb.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	sb.WriteString(s)
	sb.WriteString("\r\n")
}
