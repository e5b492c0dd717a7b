package build

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"postes/generator/content"
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
	Output      string `toml:"output"`
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

	loc *time.Location
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
	}
}

// LoadConfig reads dir/config.toml if it exists and checks every value.
func LoadConfig(dir string) (Config, error) {
	c := DefaultConfig()
	path := filepath.Join(dir, "config.toml")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, c.check("config.toml")
	}
	if err != nil {
		return c, err
	}
	if line := content.TOMLTooDeep(string(data)); line > 0 { // before the parser, which recurses without bound
		return c, fmt.Errorf("config.toml:%d: arrays, tables or dotted keys nested more than %d deep", line, content.MaxTOMLDepth)
	}
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return c, fmt.Errorf("config.toml:%d: %s", pe.Position.Line, pe.Message)
		}
		return c, fmt.Errorf("config.toml: %w", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		var msgs []string
		for _, k := range und {
			msgs = append(msgs, fmt.Sprintf("config.toml:%d: unknown key %q; known keys: title, description, base_url, language, time_zone, output, feed_length, country, reminder_days, [aliases], [countries]",
				keyLine(string(data), k), k.String()))
		}
		sort.Strings(msgs)
		return c, errors.New(strings.Join(msgs, "\n"))
	}
	return c, c.check("config.toml")
}

// keyLine finds the line of a key for error messages; BurntSushi/toml
// reports which keys were not decoded but not where they are.
func keyLine(text string, k toml.Key) int {
	last := k[len(k)-1]
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, last) || strings.HasPrefix(l, `"`+last+`"`) || strings.HasPrefix(l, "["+last) {
			return i + 1
		}
	}
	return 1
}

func (c *Config) check(name string) error {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return fmt.Errorf("%s: base_url %q must be an absolute URL such as \"https://emplois.example.org/\"", name, c.BaseURL)
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return fmt.Errorf("%s: time_zone %q is not a known zone; expected a name such as \"Pacific/Noumea\" or \"Europe/Paris\"", name, c.TimeZone)
	}
	c.loc = loc
	if c.FeedLength < 0 {
		return fmt.Errorf("%s: feed_length must be 0 (all open offers) or more, not %d", name, c.FeedLength)
	}
	if c.ReminderDays < 0 {
		return fmt.Errorf("%s: reminder_days must be 0 (no reminder) or more, not %d", name, c.ReminderDays)
	}
	if c.Output == "" {
		c.Output = "public"
	}
	return nil
}

// Location is the board's time zone.
func (c *Config) Location() *time.Location {
	if c.loc == nil {
		return time.UTC
	}
	return c.loc
}
