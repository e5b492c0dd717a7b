package offer

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/cespare/xxhash/v2"

	"postes/generator/content"
)

// Defaults are field values that offers take when their file does not
// state them: a board run by one employer, a folder of one employer's
// offers. They cascade, as Hugo's cascade does: config.toml's [defaults],
// then each folder's _defaults.toml from content/ down to the file's
// folder, the nearest winning. An explicit value in the file always wins.
type Defaults struct {
	values map[string]defaultValue // by TOML key
	hash   uint64
}

type defaultValue struct {
	text   string   // scalar fields, dates as written
	list   []string // grades
	source string   // "config.toml:12", "content/kone/_defaults.toml:2"
}

// DefaultsKeys are the keys a defaults table may hold: the fields of the
// front matter that describe an employer's offers.
var DefaultsKeys = []string{"employer", "location", "grades", "category", "direction", "family", "working_time", "contract",
	"reference", "posted", "deadline", "start"}

var defaultsField = map[string]Field{
	"employer": FieldEmployer, "location": FieldLocation, "grades": FieldGrades, "category": FieldCategory,
	"direction": FieldDirection, "family": FieldFamily, "working_time": FieldWorkingTime, "contract": FieldContract,
	"reference": FieldReference, "posted": FieldPosted, "deadline": FieldDeadline, "start": FieldStart,
}

// Hash identifies the defaults, so that a cached offer is read again when
// they change.
func (d *Defaults) Hash() uint64 {
	if d == nil {
		return 0
	}
	return d.hash
}

// Len is the number of fields the defaults give.
func (d *Defaults) Len() int {
	if d == nil {
		return 0
	}
	return len(d.values)
}

// ParseDefaults reads a _defaults.toml file (path names it in messages),
// layered over base.
func ParseDefaults(path string, text string, base *Defaults) (*Defaults, content.List) {
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		var diags content.List
		line := 1
		var perr toml.ParseError
		if errors.As(err, &perr) {
			line = perr.Position.Line
			diags.Add(content.Pos{Path: path, Line: line}, content.Error, "defaults: %s; the defaults of this folder are not used", perr.Message)
		} else {
			diags.Add(content.Pos{Path: path, Line: line}, content.Error, "defaults: %v; the defaults of this folder are not used", err)
		}
		return base, diags
	}
	return NewDefaults(raw, func(key string) content.Pos {
		return content.Pos{Path: path, Line: keyLineIn(text, key)}
	}, base)
}

// NewDefaults makes defaults from a decoded TOML table (config.toml's
// [defaults]), layered over base. pos says where a key is written.
func NewDefaults(raw map[string]any, pos func(key string) content.Pos, base *Defaults) (*Defaults, content.List) {
	var diags content.List
	d := &Defaults{values: map[string]defaultValue{}}
	if base != nil {
		for k, v := range base.values {
			d.values[k] = v
		}
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := pos(k)
		if _, ok := defaultsField[k]; !ok {
			diags.Add(p, content.Warning, "defaults: unknown key %q; known keys: %s", k, strings.Join(DefaultsKeys, ", "))
			continue
		}
		src := p.String()
		switch v := raw[k].(type) {
		case string:
			if k == "grades" {
				d.values[k] = defaultValue{list: []string{oneLine(v)}, source: src}
				continue
			}
			d.values[k] = defaultValue{text: oneLine(v), source: src}
		case time.Time:
			d.values[k] = defaultValue{text: v.Format("2006-01-02"), source: src}
		case []any:
			if k != "grades" {
				diags.Add(p, content.Warning, "defaults: %s must be a string, not a list", k)
				continue
			}
			var list []string
			for _, e := range v {
				if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
					list = append(list, oneLine(s))
				}
			}
			d.values[k] = defaultValue{list: list, source: src}
		default:
			diags.Add(p, content.Warning, "defaults: %s must be a string, not %T", k, v)
		}
	}
	h := xxhash.New()
	names := make([]string, 0, len(d.values))
	for k := range d.values {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v := d.values[k]
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", k, v.text, strings.Join(v.list, "\x01"), v.source)
	}
	d.hash = h.Sum64()
	return d, diags
}

// keyLineIn finds the 1-based line of a key in a TOML text.
func keyLineIn(text, key string) int {
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, key) || strings.HasPrefix(l, `"`+key+`"`) {
			return i + 1
		}
	}
	return 1
}

// applyDefaults gives the offer the defaults' values for the fields it
// does not have.
func (x *extractor) applyDefaults() {
	d := x.opt.Defaults
	if d == nil {
		return
	}
	for _, k := range DefaultsKeys {
		v, ok := d.values[k]
		f := defaultsField[k]
		if !ok || x.has(f) {
			continue
		}
		switch f {
		case FieldGrades:
			for _, g := range v.list {
				x.set(f, 0, g)
			}
		default:
			x.set(f, 0, v.text)
		}
		if x.has(f) {
			x.o.Defaulted.add(f)
			x.o.Lines[f] = 0
		}
	}
}

// DefaultSource says where the default of a field came from
// ("content/kone/_defaults.toml:2"), for check -v.
func (d *Defaults) DefaultSource(f Field) string {
	if d == nil {
		return ""
	}
	for k, ff := range defaultsField {
		if ff == f {
			return d.values[k].source
		}
	}
	return ""
}
