package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/cespare/xxhash/v2"

	"postes/generator/content"
	"postes/generator/grade"
	"postes/generator/message"
	"postes/generator/offer"
	"postes/generator/place"
)

// Config is config.toml. Every key is optional; an unknown key is an error
// naming the key and its line, so a typo ("baseUrl") is never silently
// ignored.
type Config struct {
	Title       string `toml:"title"`
	Description string `toml:"description"`
	BaseURL     string `toml:"base_url"`
	Language    string `toml:"language"`
	TimeZone    string `toml:"time_zone"`
	Output      string `toml:"output"` // relative to the site root, or absolute
	FeedLength  int    `toml:"feed_length"`
	// Country is the ISO 3166 code of the board's employers, for search
	// engines ("NC", "FR"); Countries sets it per employer where needed.
	Country   string            `toml:"country"`
	Countries map[string]string `toml:"countries"`
	// ReminderDays adds an alarm this many days before each deadline in
	// the calendars; 0 for none.
	ReminderDays int `toml:"reminder_days"`
	// Aliases files offers written under one name under another:
	// "Ville de Nouméa" = "Mairie de Nouméa".
	Aliases map[string]string `toml:"aliases"`
	// MaxOpenDays closes an offer that states no deadline this many days
	// after its posting date.
	MaxOpenDays int `toml:"max_open_days"`
	// ListLength bounds the open offers a facet page lists (a grade, a
	// town…), soonest deadline first; its finder filters the rest. 0: no
	// bound.
	ListLength int `toml:"list_length"`
	// Defaults gives every offer the fields its file does not state
	// (employer, location…): a board run by one employer.
	Defaults map[string]any `toml:"defaults"`
	// Places names places the reference of communes does not know: a
	// locality or tribe ("Tiéta" = "Voh", a commune), or a town of the
	// board's own ("Démoville" = "988", its département).
	Places map[string]any `toml:"places"`
	// Grades gives the category of grades postes's table knows without
	// one, or does not know: "Ingénieur 2ème grade" = "A".
	Grades map[string]any `toml:"grades"`
	// Precompress writes a gzip and a brotli copy beside every HTML, CSS,
	// JavaScript, JSON, XML, OPML, iCalendar and SVG file, for web
	// servers that serve them as they are (nginx's gzip_static). Not in
	// any key: switched on or off, no page changes.
	Precompress bool `toml:"precompress" json:"-"`

	loc      *time.Location
	defaults *offer.Defaults
	places   map[string]offer.Place
	grades   map[string]string // by grade.Key
	// baseURLSet: config.toml gives base_url (see buildDiags).
	baseURLSet bool
}

// DefaultConfig is used for every key config.toml does not set.
func DefaultConfig() Config {
	return Config{
		Title:        "Offres d’emploi",
		Description:  "Les offres d’emploi publiées par les employeurs publics.",
		BaseURL:      "http://localhost:1313/",
		Language:     "fr",
		TimeZone:     "Europe/Paris",
		Output:       "public",
		FeedLength:   50,
		Country:      "FR",
		ReminderDays: 3,
		MaxOpenDays:  offer.DefaultMaxOpenDays,
		ListLength:   200,
	}
}

// LoadConfig reads dir/config.toml if it exists and checks every value.
// What is wrong is a *ConfigError, said in the board's language.
func LoadConfig(dir string) (Config, error) {
	c := DefaultConfig()
	path := filepath.Join(dir, "config.toml")
	data, err := content.ReadRegular(path, maxConfig)
	if errors.Is(err, fs.ErrNotExist) {
		return c, c.check("config.toml", "")
	}
	at := content.Pos{Path: "config.toml"}
	var odd *content.NotRegularError
	var big *content.TooBigError
	switch {
	case errors.As(err, &odd):
		return c, configError(c, at, message.New(message.ConfigNotRegular, "what", odd.Text()))
	case errors.As(err, &big):
		return c, configError(c, at, message.New(message.ConfigTooBig, "size", content.SizeText(big.Size), "max", content.SizeText(big.Max)))
	case err != nil:
		return c, configError(c, at, message.New(message.ConfigUnreadable, "err", err))
	}
	text := string(data)
	if line := content.TOMLTooDeep(text); line > 0 { // before the parser, which recurses without bound
		at.Line = line
		return c, configError(langOnly(text), at, message.New(message.ConfigTooDeep, "max", content.MaxTOMLDepth))
	}
	md, err := toml.Decode(text, &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			at.Line = pe.Position.Line
			return c, configError(langOnly(text), at, message.New(message.ConfigSyntax, "msg", pe.Message))
		}
		// A value of the wrong type: the parser says where only in its
		// message ("toml: line 2 (last key "feed_length"): incompatible
		// types: …").
		if m := reTypeError.FindStringSubmatch(err.Error()); m != nil {
			at.Line, _ = strconv.Atoi(m[1])
			if want, ok := configWants[m[2]]; ok {
				return c, configError(langOnly(text), at, message.New(message.ConfigType, "key", m[2], "want", message.New(want, "key", m[2])))
			}
		}
		return c, configError(langOnly(text), at, message.New(message.ConfigSyntax, "msg", err))
	}
	c.baseURLSet = md.IsDefined("base_url")
	// A table written as a value ("aliases = "…"") decodes as nothing,
	// silently.
	// (md.Type cannot tell: a table holding the key "" is a "String" to
	// it.)
	for _, t := range []struct {
		key     string
		decoded bool
	}{{"aliases", c.Aliases != nil}, {"countries", c.Countries != nil}, {"defaults", c.Defaults != nil},
		{"places", c.Places != nil}, {"grades", c.Grades != nil}} {
		if md.IsDefined(t.key) && !t.decoded {
			at.Line = keyLine(text, toml.Key{t.key})
			return c, configError(c, at, message.New(message.ConfigType, "key", t.key, "want", message.New(message.ConfigWantTable)))
		}
	}
	var und []toml.Key
	for _, k := range md.Undecoded() {
		if len(k) > 1 && k[0] == "defaults" {
			continue // [defaults] is read as a table: its keys are checked by offer.NewDefaults
		}
		und = append(und, k)
	}
	if len(c.Defaults) > 0 {
		var diags content.List
		c.defaults, diags = offer.NewDefaults(c.Defaults, func(key string) content.Pos {
			return content.Pos{Path: "config.toml", Line: keyLine(text, toml.Key{"defaults", key})}
		}, nil)
		if len(diags) > 0 {
			// The board's settings: what is wrong in them stops the
			// build, as any other setting of config.toml does.
			for i := range diags {
				diags[i].Severity = content.Error
			}
			return c, &ConfigError{Lang: message.LangOf(c.Language), Diags: diags}
		}
	}
	var diags content.List
	c.readPlaces(text, &diags)
	c.readGrades(text, &diags)
	for _, k := range und {
		pos := content.Pos{Path: "config.toml", Line: keyLine(text, k)}
		if near := offer.Closest(k.String(), configKeys); near != "" {
			diags.Say(pos, content.Error, message.ConfigUnknownKeyNear, "key", k.String(), "near", near)
		} else {
			diags.Say(pos, content.Error, message.ConfigUnknownKey, "key", k.String(), "known", message.Raw(strings.Join(configKeys, ", ")))
		}
	}
	if len(diags) > 0 {
		diags.Sort()
		return c, &ConfigError{Lang: message.LangOf(c.Language), Diags: diags}
	}
	return c, c.check("config.toml", text)
}

// reTypeError reads the line and key of BurntSushi/toml's type errors.
var reTypeError = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]+)"\): incompatible types`)

// configKeys are config.toml's keys in the order of Config, tables as
// "[aliases]", as an unknown key's message lists them; configWants says
// what each takes, for a value of the wrong type. Both are read from
// Config's fields, so that a new setting is never left out of either.
var configKeys, configWants = func() ([]string, map[string]message.ID) {
	var keys []string
	wants := map[string]message.ID{}
	t := reflect.TypeOf(Config{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if key == "" || key == "-" {
			continue
		}
		switch f.Type.Kind() {
		case reflect.Map:
			keys = append(keys, "["+key+"]")
			wants[key] = message.ConfigWantTable
			continue
		case reflect.Int:
			wants[key] = message.ConfigWantNumber
		case reflect.Bool:
			wants[key] = message.ConfigWantBool
		default:
			wants[key] = message.ConfigWantString
		}
		keys = append(keys, key)
	}
	// Plain keys first: a table's header ends the top level.
	sort.SliceStable(keys, func(a, b int) bool { return !strings.HasPrefix(keys[a], "[") && strings.HasPrefix(keys[b], "[") })
	return keys, wants
}()

// ConfigError is what is wrong with the board's settings (config.toml,
// --base-url), to be said in the board's language: Error gives it in
// English, as Go errors are; commands say Diags in Lang.
type ConfigError struct {
	Lang  message.Lang
	Diags content.List
}

func (e *ConfigError) Error() string { return e.Diags.Error() }

// configError is one thing wrong with the settings c, at pos.
func configError(c Config, pos content.Pos, t message.Text) *ConfigError {
	var l content.List
	l.SayText(pos, content.Error, t)
	return &ConfigError{Lang: message.LangOf(c.Language), Diags: l}
}

// langOnly reads only the language of a config.toml the parser refuses,
// to say why in that language: the first line that sets it, else the
// default (French).
func langOnly(text string) Config {
	c := DefaultConfig()
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "[") {
			break // past the top-level keys
		}
		if isKeyOf(l, "language") {
			var one struct {
				Language string `toml:"language"`
			}
			if _, err := toml.Decode(l, &one); err == nil {
				c.Language = one.Language
			}
			break
		}
	}
	return c
}

// keyLine finds the line of a key for error messages; BurntSushi/toml
// reports which keys were not decoded but not where they are. A key of a
// table ({"defaults", "title"}) is looked for under that table's header,
// not at the top level key of the same name.
func keyLine(text string, k toml.Key) int {
	last := k[len(k)-1]
	table := ""
	if len(k) > 1 {
		table = strings.Join(k[:len(k)-1], ".")
	}
	in := table == ""
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "[") {
			name, _, _ := strings.Cut(strings.TrimLeft(l, "["), "]")
			name = strings.TrimSpace(name)
			if len(k) == 1 && name == last {
				return i + 1 // an unknown table: its header
			}
			in = name == table
			continue
		}
		if in && (isKeyOf(l, last) || isKeyOf(l, `"`+last+`"`)) {
			return i + 1
		}
	}
	return 1
}

// isKeyOf says whether the TOML line l sets key: "title = …", not
// "titles = …".
func isKeyOf(l, key string) bool {
	rest, ok := strings.CutPrefix(l, key)
	rest = strings.TrimLeft(rest, " \t")
	return ok && (strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "."))
}

// maxConfig bounds config.toml: settings and a list of aliases fit in far
// less.
const maxConfig = 4 << 20

func (c *Config) check(name, text string) error {
	pos := func(key string) content.Pos {
		p := content.Pos{Path: name}
		if text != "" {
			p.Line = keyLine(text, toml.Key{key})
		}
		return p
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return configError(*c, pos("base_url"), message.New(message.ConfigBaseURL, "url", c.BaseURL))
	}
	// url.Parse takes a space in a path; feeds and sitemaps would then
	// carry links no reader follows.
	if i := strings.IndexFunc(c.BaseURL, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }); i >= 0 {
		return configError(*c, pos("base_url"), message.New(message.ConfigBaseURLSpace, "url", c.BaseURL))
	}
	// Every link of the board is this address followed by a path: a
	// query or fragment would come before the path ("…/?q=1/archives/"),
	// credentials would be published in every feed, and sitemaps and
	// feeds want ASCII.
	scheme := strings.ToLower(u.Scheme)
	if port := u.Port(); (scheme != "http" && scheme != "https") || u.User != nil || u.RawQuery != "" || u.ForceQuery ||
		strings.Contains(c.BaseURL, "#") || (port != "" && !validPort(port)) || strings.HasSuffix(u.Host, ":") ||
		strings.IndexFunc(c.BaseURL, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 || dotSegment(u.EscapedPath()) {
		return configError(*c, pos("base_url"), message.New(message.ConfigBaseURLForm, "url", c.BaseURL))
	}
	// Scheme and host are case-insensitive: written as browsers show them.
	c.BaseURL = scheme + "://" + strings.ToLower(u.Host) + u.EscapedPath()
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return configError(*c, pos("time_zone"), message.New(message.ConfigTimeZone, "zone", c.TimeZone))
	}
	c.loc = loc
	for _, v := range []struct {
		key    string
		n, min int
		id     message.ID
	}{
		{"feed_length", c.FeedLength, 0, message.ConfigFeedLength},
		{"list_length", c.ListLength, 0, message.ConfigListLength},
		{"max_open_days", c.MaxOpenDays, 1, message.ConfigMaxOpenDays},
		{"reminder_days", c.ReminderDays, 0, message.ConfigReminderDays},
	} {
		if v.n < v.min {
			return configError(*c, pos(v.key), message.New(v.id, "n", v.n))
		}
	}
	// The country goes to search engines (og:locale, JSON-LD): an ISO
	// code, not a name ("France" was taken as it was).
	cc := strings.ToUpper(strings.TrimSpace(c.Country))
	if len(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z' {
		return configError(*c, pos("country"), message.New(message.ConfigCountry, "country", c.Country))
	}
	c.Country = cc
	if c.Output == "" {
		c.Output = "public"
	}
	return nil
}

// dotSegment reports a path with "." or ".." segments ("/emplois/../"),
// which every link would carry as they are.
func dotSegment(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// validPort reports whether p is a TCP port: 1 to 65535.
func validPort(p string) bool {
	n, err := strconv.Atoi(p)
	return err == nil && n >= 1 && n <= 65535
}

// readTable reads one of config.toml's tables of names ([places],
// [grades]) entry by entry, in name order: read says what is wrong with
// an entry, and every mistake is reported at its line, all at once.
func readTable(text, table string, entries map[string]any, diags *content.List, read func(name string, v any) message.Text) {
	names := make([]string, 0, len(entries))
	for name := range entries {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if t := read(name, entries[name]); !t.IsZero() {
			pos := content.Pos{Path: "config.toml", Line: keyLine(text, toml.Key{table, name})}
			diags.Say(pos, content.Error, message.ConfigEntry, "table", table, "name", name, "msg", t)
		}
	}
}

// readPlaces reads config.toml's [places], whose text is given for the
// lines of its errors.
func (c *Config) readPlaces(text string, diags *content.List) {
	c.places = map[string]offer.Place{}
	readTable(text, "places", c.Places, diags, func(name string, v any) message.Text {
		s, ok := v.(string)
		if !ok {
			return message.New(message.ConfigPlaceType)
		}
		p, t := localPlace(name, s)
		if t.IsZero() {
			c.places[offer.PlaceKey(name)] = p
		}
		return t
	})
}

// readGrades reads config.toml's [grades], whose text is given for the
// lines of its errors.
func (c *Config) readGrades(text string, diags *content.List) {
	c.grades = map[string]string{}
	readTable(text, "grades", c.Grades, diags, func(name string, v any) message.Text {
		s, _ := v.(string)
		s = strings.ToUpper(strings.TrimSpace(s))
		k := grade.Key(name)
		switch {
		case s != "A" && s != "B" && s != "C" && s != "D":
			return message.New(message.ConfigGradeCategory)
		case k == "":
			return message.New(message.ConfigGradeName)
		}
		c.grades[k] = s
		return message.Text{}
	})
}

// reDepartment is a département or collectivity code: "21", "2A", "988".
var reDepartment = regexp.MustCompile(`^(?:\d{2,3}|2[AaBb])$`)

// localPlace reads a [places] entry: a commune of the reference, or a
// département's code for a town of the board's own. A non-zero Text says
// what is wrong.
func localPlace(name, v string) (offer.Place, message.Text) {
	v = strings.TrimSpace(v)
	if reDepartment.MatchString(v) {
		if place.Department(v) == "" {
			return offer.Place{}, message.New(message.ConfigPlaceDept, "code", v)
		}
		return offer.Place{Town: name, Department: strings.ToUpper(v)}, message.Text{}
	}
	ps := place.Lookup(v)
	switch len(ps) {
	case 0:
		return offer.Place{}, message.New(message.ConfigPlaceUnknown, "town", v)
	case 1:
		return offer.Place{Town: ps[0].Town, Postcode: ps[0].Postcode, Department: ps[0].Department}, message.Text{}
	}
	return offer.Place{}, message.New(message.ConfigPlaceAmbiguous, "town", v, "n", len(ps))
}

// zoneDepartments are the départements and collectivities a board's time
// zone names, where a town name shared with communes elsewhere is read as
// the one there ("Mont-Dore" on a board in Nouméa is Le Mont-Dore).
var zoneDepartments = map[string][]string{
	"Pacific/Noumea": {"988"}, "Pacific/Tahiti": {"987"}, "Pacific/Marquesas": {"987"}, "Pacific/Gambier": {"987"},
	"Pacific/Wallis": {"986"}, "Indian/Reunion": {"974"}, "Indian/Mayotte": {"976"}, "America/Guadeloupe": {"971"},
	"America/Martinique": {"972"}, "America/Cayenne": {"973"}, "America/Miquelon": {"975"},
	"America/St_Barthelemy": {"977"}, "America/Marigot": {"978"},
}

// Near are the départements where the board's offers mostly are, from
// its time zone; none for a board in Europe/Paris.
func (c *Config) Near() []string { return zoneDepartments[c.TimeZone] }

// extractHash identifies the options every offer is extracted with
// (offer.Options, but the defaults): an offer read with other options is
// read again.
func (c *Config) extractHash() uint64 {
	h := xxhash.New()
	fmt.Fprintf(h, "%d\x00%q\x00", c.MaxOpenDays, c.Near())
	for _, k := range slices.Sorted(maps.Keys(c.places)) {
		fmt.Fprintf(h, "p%q\x00%#v\x00", k, c.places[k])
	}
	for _, k := range slices.Sorted(maps.Keys(c.grades)) {
		fmt.Fprintf(h, "g%q\x00%q\x00", k, c.grades[k])
	}
	return h.Sum64()
}

// Location is the board's time zone.
func (c *Config) Location() *time.Location {
	if c.loc == nil {
		return time.UTC
	}
	return c.loc
}
