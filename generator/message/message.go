// Package message says what postes tells editors in the board's language.
// Every diagnostic about a content file, and the lines that sum a build up,
// is a Text: a message id and its arguments, said in French or English
// when it is printed, from a catalogue that is one file per language
// (fr.toml, en.toml, embedded).
//
// It sits beside the pipeline rather than in it: every stage that reports
// a problem (content, offer, grade, place, site, pipeline) makes Texts, and
// the command says them in the language of config.toml's language key.
// It knows nothing of offers; it only fills patterns.
//
// A catalogue is a TOML file: a [language] table (plural rule, month and
// weekday names, how dates are written, how lists are joined) and a
// [messages] table mapping each id to a pattern. A pattern names its
// arguments in braces, {label}, and chooses a word by a number's plural
// form, {n|jour|jours}. Adding a language is writing one more such file;
// every id of ids.go must be in each (a test says which are missing).
//
// Why not golang.org/x/text/message: its catalogues are keyed by the
// English text and filled from Go code or a gotext pipeline; here the
// editors' words are data a translator edits in one file, ids are stable
// for tools (check --format json gives them), and the plural and date
// forms the messages need fit in a few lines.
package message

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Lang is a catalogue's language: "fr" or "en".
type Lang string

// The catalogues postes has.
const (
	French  Lang = "fr"
	English Lang = "en"
)

// LangOf is the catalogue for a board's language (config.toml's language,
// a BCP 47 tag such as "fr", "fr-NC", "en-GB"): French for any French,
// English otherwise, so that a board elsewhere can use postes.
func LangOf(tag string) Lang {
	t := strings.ToLower(strings.TrimSpace(tag))
	if t == "fr" || strings.HasPrefix(t, "fr-") || strings.HasPrefix(t, "fr_") {
		return French
	}
	return English
}

// ID names a message in every catalogue; ids.go declares them.
type ID string

// Text is a message to be said in some language: its id, its arguments,
// and the messages said after it, joined by the language's separator
// ("; " in English, " ; " in French). Its fields are exported so that
// caches can keep it (encoding/gob).
type Text struct {
	ID   ID
	Args []Arg
	More []Text
}

// Arg is one named argument of a Text.
type Arg struct {
	Name string
	Kind Kind
	S    string   // text
	N    int      // a number; a date as yyyymmdd (dd 0 for a month); a weekday
	L    []string // a list
	T    []Text   // a message said inside another
	Ns   []int    // numbers, as line numbers
}

// Kind says how an argument is said.
type Kind uint8

// Kinds of arguments.
const (
	KindString  Kind = iota // as written
	KindInt                 // a number
	KindDay                 // a date: "1er mars 2025", "1 March 2025"; a month when the day is 0
	KindLongDay             // a date with its weekday: "samedi 1er mars 2025"
	KindWeekday             // "vendredi", "Friday"
	KindList                // quoted items, joined: « a », « b »
	KindText                // another message
	KindInts                // numbers joined: "3, 5 et 7"
	KindRaw                 // text said as it is: a message already said
	KindDecimal             // a number with one decimal: "10,5", "10.5"
)

// Day is a calendar date as messages say it; Day 0 is a month.
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// LongDay is a date said with its weekday.
type LongDay Day

// Quoted is a list of values read from a file, each quoted as the
// language quotes.
type Quoted []string

// Numbers is a list of numbers, such as lines.
type Numbers []int

// Raw is text said as it is, escaped of nothing: a message already said.
type Raw string

// Decimal is a number said with at most one decimal, with the language's
// decimal mark.
type Decimal float64

// New makes a Text from its id and name, value pairs. Values are strings,
// ints, Day, LongDay, time.Weekday, Quoted, Numbers, Raw, Decimal, a Text
// or Texts (said joined by commas); a string
// value has its control characters escaped when said, so that a value read
// from a file cannot drive a terminal.
func New(id ID, kv ...any) Text {
	t := Text{ID: id}
	for i := 0; i+1 < len(kv); i += 2 {
		name, _ := kv[i].(string)
		a := Arg{Name: name}
		switch v := kv[i+1].(type) {
		case string:
			// A copy: a value read from a file is a piece of the file's
			// text, and a message kept for the whole build (a warning of
			// every other offer of a national board) kept every such
			// file whole, 145 MB of a 500 MB heap at 100,000 offers.
			a.S = strings.Clone(v)
		case int:
			a.Kind, a.N = KindInt, v
		case int64:
			a.Kind, a.N = KindInt, int(v)
		case Day:
			a.Kind, a.N = KindDay, v.Year*10000+int(v.Month)*100+v.Day
		case LongDay:
			a.Kind, a.N = KindLongDay, v.Year*10000+int(v.Month)*100+v.Day
		case time.Weekday:
			a.Kind, a.N = KindWeekday, int(v)
		case Quoted:
			a.Kind, a.L = KindList, make([]string, len(v))
			for i, s := range v {
				a.L[i] = strings.Clone(s)
			}
		case Numbers:
			a.Kind, a.Ns = KindInts, []int(v)
		case Text:
			a.Kind, a.T = KindText, []Text{v}
		case []Text:
			a.Kind, a.T = KindText, v
		case Raw:
			a.Kind, a.S = KindRaw, strings.Clone(string(v))
		case Decimal:
			a.Kind, a.N = KindDecimal, int(float64(v)*10+0.5)
		case fmt.Stringer:
			a.S = v.String()
		case error:
			a.S = v.Error()
		default:
			a.S = fmt.Sprint(v)
		}
		t.Args = append(t.Args, a)
	}
	if len(kv)%2 == 1 {
		// A bug of postes, not of the file: said, not hidden.
		t.Args = append(t.Args, Arg{Name: "?", S: fmt.Sprint(kv[len(kv)-1])})
	}
	return t
}

// IsZero reports a Text with no id: a message not in the catalogue.
func (t Text) IsZero() bool { return t.ID == "" }

// Then returns t followed by more.
func (t Text) Then(more ...Text) Text {
	t.More = append(append([]Text(nil), t.More...), more...)
	return t
}

// Arg returns the value of the argument name as a string ("" when absent).
func (t Text) Arg(name string) string {
	for _, a := range t.Args {
		if a.Name == name {
			if a.Kind == KindInt {
				return strconv.Itoa(a.N)
			}
			return a.S
		}
	}
	return ""
}

// In says t in language l; an id the catalogue lacks is said in English,
// and one no catalogue has as its id and arguments.
func (t Text) In(l Lang) string {
	var b strings.Builder
	t.write(&b, catalogueOf(l))
	return b.String()
}

// String says t in English.
func (t Text) String() string { return t.In(English) }

func (t Text) write(b *strings.Builder, c *catalogue) {
	p, ok := c.patterns[t.ID]
	if !ok {
		p, ok = catalogueOf(English).patterns[t.ID]
	}
	if !ok {
		b.WriteString(string(t.ID))
		for _, a := range t.Args {
			b.WriteString(" " + a.Name + "=")
			c.arg(b, a)
		}
	} else {
		for _, s := range p {
			switch {
			case s.arg == "":
				b.WriteString(s.text)
			case s.forms != nil:
				a, found := t.find(s.arg)
				if !found {
					b.WriteString("{" + s.arg + "?}")
					continue
				}
				n := a.N
				if a.Kind == KindList {
					n = len(a.L)
				} else if a.Kind == KindInts {
					n = len(a.Ns)
				}
				if c.singular(n) {
					b.WriteString(s.forms[0])
				} else {
					b.WriteString(s.forms[1])
				}
			default:
				a, found := t.find(s.arg)
				if !found {
					b.WriteString("{" + s.arg + "?}")
					continue
				}
				c.arg(b, a)
			}
		}
	}
	for _, m := range t.More {
		b.WriteString(c.Language.Then)
		m.write(b, c)
	}
}

func (t Text) find(name string) (Arg, bool) {
	for _, a := range t.Args {
		if a.Name == name {
			return a, true
		}
	}
	return Arg{}, false
}

func (c *catalogue) arg(b *strings.Builder, a Arg) {
	switch a.Kind {
	case KindInt:
		b.WriteString(strconv.Itoa(a.N))
	case KindDay:
		b.WriteString(c.day(a.N, false))
	case KindLongDay:
		b.WriteString(c.day(a.N, true))
	case KindWeekday:
		if a.N >= 0 && a.N < len(c.Language.Weekdays) {
			b.WriteString(c.Language.Weekdays[a.N])
		}
	case KindList:
		for i, s := range a.L {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(c.Language.Open + printable(s) + c.Language.Close)
		}
	case KindInts:
		for i, n := range a.Ns {
			switch {
			case i == 0:
			case i == len(a.Ns)-1:
				b.WriteString(c.Language.And)
			default:
				b.WriteString(", ")
			}
			b.WriteString(strconv.Itoa(n))
		}
	case KindText:
		for i, t := range a.T {
			if i > 0 {
				b.WriteString(", ")
			}
			t.write(b, c)
		}
	case KindRaw:
		b.WriteString(a.S)
	case KindDecimal:
		b.WriteString(strconv.Itoa(a.N / 10))
		if a.N%10 != 0 {
			b.WriteString(c.Language.Decimal + strconv.Itoa(a.N%10))
		}
	default:
		b.WriteString(printable(a.S))
	}
}

// day says a date written yyyymmdd.
func (c *catalogue) day(n int, long bool) string {
	y, m, d := n/10000, n/100%100, n%100
	if m < 1 || m > 12 || len(c.Language.Months) != 12 {
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	r := strings.NewReplacer("{month}", c.Language.Months[m-1], "{y}", strconv.Itoa(y))
	if d == 0 {
		return r.Replace(c.Language.MonthForm)
	}
	ds := strconv.Itoa(d)
	if d == 1 && c.Language.First != "" {
		ds = c.Language.First
	}
	if !long {
		return strings.ReplaceAll(r.Replace(c.Language.Short), "{d}", ds)
	}
	wd := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Weekday()
	return strings.NewReplacer("{d}", ds, "{weekday}", c.Language.Weekdays[wd]).Replace(r.Replace(c.Language.Long))
}

// printable escapes what would drive a terminal or break a line: control
// and non-printing characters, bytes that are not UTF-8.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsGraphic(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unicode.IsGraphic(r):
			b.WriteString(s[i : i+n])
		default:
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += n
	}
	return b.String()
}

// Plural chooses between a singular and a plural word for n in language
// l: "1 avertissement", "0 avertissement", "2 avertissements"; "0
// warnings".
func Plural(l Lang, n int, one, other string) string {
	if catalogueOf(l).singular(n) {
		return one
	}
	return other
}

//go:embed *.toml
var files embed.FS

// catalogue is one language's file, read.
type catalogue struct {
	Language struct {
		Name      string
		Singular  []int
		Months    []string
		Weekdays  []string
		Short     string `toml:"day"`
		Long      string `toml:"long_day"`
		MonthForm string `toml:"month"`
		First     string `toml:"first"`
		And       string `toml:"and"`
		Then      string `toml:"then"`
		Open      string `toml:"open_quote"`
		Close     string `toml:"close_quote"`
		Decimal   string `toml:"decimal"`
	}
	Messages map[string]string

	patterns    map[ID][]segment
	singularSet map[int]bool
}

func (c *catalogue) singular(n int) bool { return c.singularSet[n] }

// segment is a piece of a pattern: text, an argument, or a plural choice.
type segment struct {
	text  string
	arg   string
	forms []string // [one, other] for {n|one|other}
}

var catalogues = map[Lang]*catalogue{}

func init() {
	for _, l := range []Lang{French, English} {
		c, err := load(l)
		if err != nil {
			panic(err) // the embedded catalogues are postes's own; a test reads them
		}
		catalogues[l] = c
	}
}

// load reads a catalogue file.
func load(l Lang) (*catalogue, error) {
	data, err := files.ReadFile(string(l) + ".toml")
	if err != nil {
		return nil, err
	}
	return parse(string(l)+".toml", string(data))
}

func parse(name, data string) (*catalogue, error) {
	c := &catalogue{}
	if _, err := toml.Decode(data, c); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.singularSet = map[int]bool{}
	for _, n := range c.Language.Singular {
		c.singularSet[n] = true
	}
	c.patterns = map[ID][]segment{}
	for id, p := range c.Messages {
		segs, err := compile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", name, id, err)
		}
		c.patterns[ID(id)] = segs
	}
	return c, nil
}

// compile splits a pattern into segments.
func compile(p string) ([]segment, error) {
	var segs []segment
	for p != "" {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			segs = append(segs, segment{text: p})
			break
		}
		if i > 0 {
			segs = append(segs, segment{text: p[:i]})
		}
		j := strings.IndexByte(p[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("unclosed { in %q", p)
		}
		inner := p[i+1 : i+j]
		parts := strings.Split(inner, "|")
		switch len(parts) {
		case 1:
			segs = append(segs, segment{arg: inner})
		case 3:
			segs = append(segs, segment{arg: parts[0], forms: parts[1:]})
		default:
			return nil, fmt.Errorf("{%s}: expected {name} or {name|one|other}", inner)
		}
		p = p[i+j+1:]
	}
	return segs, nil
}

func catalogueOf(l Lang) *catalogue {
	if c, ok := catalogues[l]; ok {
		return c
	}
	return catalogues[English]
}

// Has reports whether language l's catalogue says id.
func Has(l Lang, id ID) bool {
	_, ok := catalogueOf(l).patterns[id]
	return ok
}

// Args lists the arguments a pattern says (not those that only choose a
// plural), for tests: every language says the same.
func Args(l Lang, id ID) []string {
	var names []string
	for _, s := range catalogueOf(l).patterns[id] {
		if s.arg != "" && s.forms == nil {
			names = append(names, s.arg)
		}
	}
	return names
}

// IDs lists the ids of language l's catalogue.
func IDs(l Lang) []ID {
	var ids []ID
	for id := range catalogueOf(l).patterns {
		ids = append(ids, id)
	}
	return ids
}
