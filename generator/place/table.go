package place

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The reference, written by scripts/gen-places (see the files' headers for
// their sources and format).
var (
	//go:embed communes.tsv
	communesTSV string
	//go:embed departements.tsv
	departementsTSV string
	//go:embed abroad.tsv
	abroadTSV string
)

// Kinds of entries, in the table's own letters.
const (
	kindCommune  = 'c' // a commune
	kindArr      = 'a' // a municipal arrondissement: Town is its commune
	kindFormer   = 'f' // a former commune, now part of a commune
	kindVillage  = 'v' // a village of Wallis-et-Futuna
	kindSpelling = 's' // another name of a commune: Town is the commune's official name
	kindLoose    = 'l' // a name without its article ("Mont-Dore" for "Le Mont-Dore")
	kindLocality = 'q' // a quarter, tribe or village: Town is its commune's official name
	kindAbroad   = 'x' // a town abroad: insee holds its country's ISO 3166-1 code
)

// entry is one way of naming a place.
type entry struct {
	name  string // the place's official name, shown as Town
	insee string // the commune it is in; for a town abroad, its country's code ("FJ")
	post  string // postcodes, comma-separated (the commune's, or the arrondissement's)
	pop   int32  // the commune's population, to choose among homonyms
	kind  byte
	next  int32 // the next entry of the same key, or -1
}

// table is the reference, read once from the embedded files.
type table struct {
	ft      *foldTable
	entries []entry
	// The names folded, for entries[i] all[keys[i].s:keys[i].e], and an
	// open-addressing hash table of them: slots hold 1 + the first entry of
	// each name, the others follow through entry.next. It is built faster
	// than a map of 45,000 strings, which matters on the first Parse.
	all   string
	keys  []span
	slots []int32
	// words holds, by a hash of the first word of every folded name (of a
	// commune or a département), the most words such a name has, so that
	// reading a place tries only the lengths that can match. Words that
	// share a hash share the largest count, which only costs a few more
	// lookups.
	words     *[1 << 15]uint8
	depts     map[string]string // code → official name
	countries map[string]string // ISO 3166-1 code → French name, for places abroad
	// deptIndex holds the folded names of départements, collectivities and
	// countries abroad, by code: a country said next to a town is read as
	// a département is ("Suva (Fidji)"), the codes never collide.
	deptIndex map[string]string
	byPost    func() []postEntry
}

type span struct{ s, e int32 }

type postEntry struct {
	code string
	e    int32
}

// load reads the table once, on first use.
var load = sync.OnceValue(func() *table { return newTable(communesTSV, departementsTSV, abroadTSV) })

func newTable(communes, departements, abroad string) *table {
	t := &table{ft: newFoldTable()}
	n := strings.Count(communes, "\n")
	t.entries = make([]entry, 0, n+n/4) // lines, other spellings, names without their article
	arena := make([]byte, 0, len(communes)/2)
	keys := make([]span, 0, cap(t.entries))
	add := func(e entry, name string) {
		s := len(arena)
		arena = t.ft.appendKey(arena, name)
		e.next = -1
		t.entries = append(t.entries, e)
		keys = append(keys, span{int32(s), int32(len(arena))})
	}
	var cm entry // the commune the lines below belong to
	for line := range strings.Lines(communes) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] != '\t' {
			code, rest, _ := strings.Cut(line, "\t")
			name, rest, _ := strings.Cut(rest, "\t")
			post, pop, _ := strings.Cut(rest, "\t")
			n, _ := strconv.Atoi(pop)
			cm = entry{name: name, insee: code, post: post, pop: int32(n), kind: kindCommune}
			add(cm, name)
			continue
		}
		kind, rest, _ := strings.Cut(line[1:], "\t")
		if cm.insee == "" || rest == "" {
			continue
		}
		e := cm
		switch kind {
		case "a":
			n, post, _ := strings.Cut(rest, "\t")
			e.kind, e.post = kindArr, post
			add(e, cm.name+" "+n)
		case "f", "v":
			// A village's line also holds its other spellings.
			e.kind = kind[0]
			e.name, _, _ = strings.Cut(rest, "\t")
			for spelling := range strings.SplitSeq(rest, "\t") {
				add(e, spelling)
			}
		case "q":
			// A locality is read as its commune, e.name stays the commune's.
			e.kind = kindLocality
			for spelling := range strings.SplitSeq(rest, "\t") {
				add(e, spelling)
			}
		case "s":
			e.kind = kindSpelling
			add(e, rest)
		}
	}
	t.countries = map[string]string{}
	t.deptIndex = map[string]string{}
	country := ""
	for line := range strings.Lines(abroad) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] != '\t' {
			names := strings.Split(line, "\t")
			country = names[0]
			t.countries[country] = names[1]
			for _, name := range names[1:] {
				t.deptIndex[t.ft.key(name)] = country
			}
			continue
		}
		names := strings.Split(line[1:], "\t")
		for _, spelling := range names {
			add(entry{name: names[0], insee: country, kind: kindAbroad}, spelling)
		}
	}
	// Names without their article: offers write "Mont-Dore" for "Le
	// Mont-Dore", "Île des Pins" for "L'Île-des-Pins". A locality keeps its
	// article: "La Roche" of Maré is not any Roche.
	for i, n := 0, len(t.entries); i < n; i++ {
		e, k := t.entries[i], keys[i]
		if e.kind == kindArr || e.kind == kindSpelling || e.kind == kindLocality || e.kind == kindAbroad {
			continue
		}
		for _, art := range [...]string{"le ", "la ", "les ", "l "} {
			if w := arena[k.s:k.e]; len(w) > len(art) && string(w[:len(art)]) == art {
				e.kind = kindLoose
				t.entries = append(t.entries, e)
				keys = append(keys, span{k.s + int32(len(art)), k.e})
				break
			}
		}
	}
	t.all, t.keys = string(arena), keys
	size := 1
	for size < 2*len(t.entries) {
		size <<= 1
	}
	t.slots = make([]int32, size)
	t.words = new([1 << 15]uint8)
	// Backwards, so that each name's entries follow in the file's order.
	for i := len(t.entries) - 1; i >= 0; i-- {
		k := t.key(int32(i))
		for j := hash(k) & uint32(size-1); ; j = (j + 1) & uint32(size-1) {
			s := t.slots[j]
			if s == 0 {
				t.entries[i].next = -1
				t.countWords(k)
			} else if t.key(s-1) == k {
				t.entries[i].next = s - 1
			} else {
				continue
			}
			t.slots[j] = int32(i) + 1
			break
		}
	}

	t.depts = map[string]string{}
	for k := range t.deptIndex {
		t.countWords(k)
	}
	for line := range strings.Lines(departements) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		t.depts[f[0]] = f[1]
		for _, name := range f[1:] {
			k := t.ft.key(name)
			t.deptIndex[k] = f[0]
			t.countWords(k)
		}
	}
	t.byPost = sync.OnceValue(t.postIndex)
	return t
}

// key returns the folded name of entry e.
func (t *table) key(e int32) string {
	return t.all[t.keys[e].s:t.keys[e].e]
}

// lookup returns the first entry of folded name k, or -1.
func (t *table) lookup(k string) int32 {
	mask := uint32(len(t.slots) - 1)
	for j := hash(k) & mask; ; j = (j + 1) & mask {
		s := t.slots[j]
		if s == 0 {
			return -1
		}
		if t.key(s-1) == k {
			return s - 1
		}
	}
}

func (t *table) countWords(k string) {
	n := strings.Count(k, " ") + 1
	first, _, _ := strings.Cut(k, " ")
	if h := hash(first) & (1<<15 - 1); uint8(n) > t.words[h] {
		t.words[h] = uint8(n)
	}
}

// maxWords returns at least the number of words of the longest name that
// starts with word w, 0 when none does.
func (t *table) maxWords(w string) int {
	return int(t.words[hash(w)&(1<<15-1)])
}

// hash is FNV-1a, its high bits folded into the low ones that index tables.
func hash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h ^ h>>16
}

// area returns the name of a département, collectivity or country abroad by
// its code.
func (t *table) area(code string) string {
	if name := t.depts[code]; name != "" {
		return name
	}
	return t.countries[code]
}

// postIndex lists the communes and arrondissements by postcode, for places
// given by their postcode alone. It is built on first need.
func (t *table) postIndex() []postEntry {
	var ps []postEntry
	for i, e := range t.entries {
		if e.kind != kindCommune && e.kind != kindArr {
			continue
		}
		for p := range strings.SplitSeq(e.post, ",") {
			if p != "" {
				ps = append(ps, postEntry{p, int32(i)})
			}
		}
	}
	slices.SortStableFunc(ps, func(a, b postEntry) int { return strings.Compare(a.code, b.code) })
	return ps
}

// postcode returns the entries of communes and arrondissements that have
// postcode code, communes first.
func (t *table) postcode(code string) []int32 {
	ps := t.byPost()
	i, _ := slices.BinarySearchFunc(ps, code, func(p postEntry, c string) int { return strings.Compare(p.code, c) })
	var es []int32
	for ; i < len(ps) && ps[i].code == code; i++ {
		es = append(es, ps[i].e)
	}
	return es
}

// deptOf returns the département or collectivity of an INSEE code: two
// characters ("21", "2A"), three overseas ("974", "988").
func deptOf(insee string) string {
	if len(insee) < 3 {
		return insee
	}
	if insee[0] == '9' && (insee[1] == '7' || insee[1] == '8') {
		return insee[:3]
	}
	return insee[:2]
}
