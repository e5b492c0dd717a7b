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

// WriteICS writes an RFC 5545 calendar with one all-day event per open
// offer on its deadline day. UIDs derive from the offer's address and
// DTSTAMP from its posting date, so an unchanged board gives an unchanged
// file and calendar apps do not duplicate events. Lines end with CRLF and
// are folded at 75 octets without splitting a UTF-8 sequence.
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
	for _, p := range offers {
		if p.Closed || p.Deadline.IsZero() {
			continue
		}
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
		line("SUMMARY", escapeText("Date limite : "+p.Title+" – "+p.Employer.Name))
		desc := "Dernier jour pour candidater : " + p.Title + " (" + p.Employer.Name + ")"
		if p.Reference != "" {
			desc += ", réf. " + p.Reference
		}
		line("DESCRIPTION", escapeText(desc+".\n"+link))
		if p.Location != "" {
			line("LOCATION", escapeText(p.Location))
		}
		line("URL;VALUE=URI", link)
		line("TRANSP", "TRANSPARENT")
		if cal.ReminderDays > 0 {
			line("BEGIN", "VALARM")
			line("ACTION", "DISPLAY")
			line("TRIGGER", fmt.Sprintf("-P%dD", cal.ReminderDays))
			line("DESCRIPTION", escapeText(fmt.Sprintf("Clôture dans %d jours : %s", cal.ReminderDays, p.Title)))
			line("END", "VALARM")
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	_, err := io.WriteString(w, sb.String())
	return err
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
