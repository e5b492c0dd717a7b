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
	"postes/generator/message"
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
	raw    any    // as TOML gives it
	source string // "config.toml:12", "content/kone/_defaults.toml:2"
}

// DefaultsKeys are the keys a defaults table may hold: the fields that
// describe an employer's offers (see Fields).
var DefaultsKeys = func() []string {
	var ks []string
	for _, d := range Fields {
		if d.Default {
			ks = append(ks, d.Name)
		}
	}
	return ks
}()

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
			diags.Say(content.Pos{Path: path, Line: line}, content.Error, message.DefaultsSyntax, "err", perr.Message)
		} else {
			diags.Say(content.Pos{Path: path, Line: line}, content.Error, message.DefaultsSyntax, "err", err)
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
		if d := fieldNamed(k); d == nil || !d.Default {
			if near := closest(k, DefaultsKeys); near != "" {
				diags.Say(p, content.Warning, message.DefaultsUnknownKeyNear, "key", k, "near", near)
			} else {
				diags.Say(p, content.Warning, message.DefaultsUnknownKey, "key", k, "known", message.Quoted(DefaultsKeys))
			}
			continue
		}
		switch raw[k].(type) {
		case string, time.Time, []any:
			if msg := checkDefault(fieldNamed(k), raw[k]); !msg.IsZero() {
				// Said once here, at its line, not on every offer it
				// would reach; and not used, so that an offer it leaves
				// without a date is refused as one without.
				if msg.ID == message.ValueNotString {
					// A list for a field of one value: said as any
					// value of the wrong kind, not "defaults: defaults:".
					diags.Say(p, content.Error, message.DefaultsNotString, "key", k, "value", tomlValue(raw[k]))
				} else {
					diags.Say(p, content.Error, message.DefaultsNotUsed, "msg", msg)
				}
				continue
			}
			d.values[k] = defaultValue{raw: raw[k], source: p.String()}
		default:
			diags.Say(p, content.Error, message.DefaultsNotString, "key", k, "value", tomlValue(raw[k]))
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
		fmt.Fprintf(h, "%s\x00%#v\x00%s\x00", k, v.raw, v.source)
	}
	d.hash = h.Sum64()
	return d, diags
}

// checkDefault reads a default value as an offer would, and says what
// an offer would be warned of: a date it cannot read ("demain"), a
// category that is none ("Z").
func checkDefault(def *FieldDef, v any) message.Text {
	x := &extractor{src: &content.Source{}, o: &Offer{}}
	x.setValue(def, 0, v, fromDefaults)
	for _, d := range x.diags {
		return d.Text
	}
	return message.Text{}
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
		def := fieldNamed(k)
		if !ok || x.has(def.Field) {
			continue
		}
		if x.setValue(def, 0, v.raw, fromDefaults) && x.has(def.Field) {
			x.o.Defaulted.add(def.Field)
			x.o.Lines[def.Field] = 0
		}
	}
}

// DefaultSource says where the default of a field came from
// ("content/kone/_defaults.toml:2"), for check -v.
func (d *Defaults) DefaultSource(f Field) string {
	if d == nil {
		return ""
	}
	if def := fieldDef(f); def != nil {
		return d.values[def.Name].source
	}
	return ""
}

// Text is the value the defaults give field f, written as a file would
// write it ("Attaché, Rédacteur" for a list, "2025-08-29" for a date), or
// "": what postes new fills in.
func (d *Defaults) Text(f Field) string {
	def := fieldDef(f)
	if d == nil || def == nil {
		return ""
	}
	v, ok := d.values[def.Name]
	if !ok {
		return ""
	}
	switch v := v.raw.(type) {
	case string:
		return oneLine(v)
	case time.Time:
		return v.Format("02/01/2006")
	case []any:
		var parts []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				parts = append(parts, oneLine(s))
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}
