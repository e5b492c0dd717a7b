// Command gencorpus writes a synthetic, deterministic corpus of job offers for
// benchmarking static job-board generators.
//
// It is a copy of the shared benchmark corpus generator (a stand-alone,
// standard-library-only module), kept in this repository so that the
// benchmarks (scripts/bench, generator/pipeline's BenchmarkBuild*) run anywhere
// without it. Keep the two in step: the same -n and -seed must give
// byte-identical corpora, so that figures measured with either compare.
// The only changes: it is part of module postes (no go.mod of its own) and
// an unused text pool was dropped.
//
//	go run ./tools/gencorpus -n 10000 -seed 1 -out DIR [-hugo]
//
// It writes DIR/content/offres/NNNNNN.txt in the two real input layouts
// (about 80% "New Caledonia" Markdown-ish layout a, 20% "emploi-territorial"
// plain-text layout b). With -hugo it also writes DIR/hugo/, a complete Hugo
// site holding the same offers (content/offres/NNNNNN.md with TOML front
// matter) and a minimal theme producing the equivalent pages.
// Standard library only.
package main

import (
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

type employer struct {
	Name   string // canonical name (taxonomy term)
	Layout byte   // 'a' or 'b'
	Place  place
	Addr   string // street line (layout b)
	Cedex  string
	Code   int
}

type offer struct {
	ID       int
	Layout   byte
	Emp      *employer
	Title    string
	Deadline time.Time
	Pub      time.Time
	Start    time.Time
	Seed     int64
}

var (
	flagN     = flag.Int("n", 1000, "number of offers")
	flagSeed  = flag.Int64("seed", 1, "random seed (same seed, same corpus)")
	flagOut   = flag.String("out", "", "output directory (required)")
	flagHugo  = flag.Bool("hugo", false, "also write an equivalent Hugo site to OUT/hugo")
	flagFracB = flag.Float64("b", 0.2, "fraction of offers in layout b (emploi-territorial)")
	flagEmp   = flag.Int("employers", 0, "number of distinct employers (default n/20)")
	flagJobs  = flag.Int("j", runtime.NumCPU(), "parallel writers")
	flagForce = flag.Bool("force", false, "allow writing into a non-empty OUT/content/offres (existing files are removed)")
	baseMonth = time.Date(2024, time.July, 1, 0, 0, 0, 0, time.UTC) // deadlines: 24 months from here
	months    = 24
	frDays    = []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	frMonths  = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	tzNC      = time.FixedZone("+11", 11*3600)
	tzFR      = time.FixedZone("+01", 3600)
)

func main() {
	flag.Parse()
	if *flagOut == "" || *flagN < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N [-seed S] -out DIR [-hugo]")
		os.Exit(2)
	}
	n := *flagN
	contentDir := filepath.Join(*flagOut, "content", "offres")
	hugoDir := filepath.Join(*flagOut, "hugo")
	prepDir(contentDir)
	if *flagHugo {
		prepDir(filepath.Join(hugoDir, "content", "offres"))
		must(writeHugoSkeleton(hugoDir))
	}

	rng := rand.New(rand.NewSource(*flagSeed))
	emps := makeEmployers(rng, n)
	offers := assignOffers(rng, n, emps)

	jobs := *flagJobs
	if jobs < 1 {
		jobs = 1
	}
	type stats struct {
		a, b             int
		bytes, body      int64
		minBody, maxBody int
		err              error
	}
	st := make([]stats, jobs)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s := &st[w]
			s.minBody = math.MaxInt32
			for i := w; i < n; i += jobs {
				o := &offers[i]
				r := rand.New(rand.NewSource(mix(*flagSeed, int64(o.ID))))
				secs := buildBody(r, o)
				var txt, body, md string
				if o.Layout == 'a' {
					body = renderBodyA(r, secs)
					txt = renderA(r, o, body)
					md = body
					s.a++
				} else {
					body = renderBodyB(secs)
					txt = renderB(r, o, body)
					md = renderBodyMD(secs)
					s.b++
				}
				if r.Intn(10) < 3 { // some files use ASCII apostrophes throughout
					txt = strings.ReplaceAll(txt, "’", "'")
					md = strings.ReplaceAll(md, "’", "'")
				}
				name := fmt.Sprintf("%06d", o.ID)
				if err := os.WriteFile(filepath.Join(contentDir, name+".txt"), []byte(txt), 0o644); err != nil {
					s.err = err
					return
				}
				s.bytes += int64(len(txt))
				s.body += int64(len(body))
				if len(body) < s.minBody {
					s.minBody = len(body)
				}
				if len(body) > s.maxBody {
					s.maxBody = len(body)
				}
				if *flagHugo {
					if err := os.WriteFile(filepath.Join(hugoDir, "content", "offres", name+".md"), []byte(hugoPage(o, md)), 0o644); err != nil {
						s.err = err
						return
					}
				}
			}
		}(w)
	}
	wg.Wait()
	var tot stats
	tot.minBody = math.MaxInt32
	for _, s := range st {
		must(s.err)
		tot.a += s.a
		tot.b += s.b
		tot.bytes += s.bytes
		tot.body += s.body
		if s.minBody < tot.minBody {
			tot.minBody = s.minBody
		}
		if s.maxBody > tot.maxBody {
			tot.maxBody = s.maxBody
		}
	}
	usedEmp := map[string]bool{}
	usedMonth := map[string]bool{}
	for i := range offers {
		usedEmp[offers[i].Emp.Name] = true
		usedMonth[offers[i].Deadline.Format("2006-01")] = true
	}
	manifest := fmt.Sprintf("offers=%d layout_a=%d layout_b=%d employers=%d deadline_months=%d txt_bytes=%d body_bytes_avg=%d body_bytes_min=%d body_bytes_max=%d seed=%d hugo=%v\n",
		n, tot.a, tot.b, len(usedEmp), len(usedMonth), tot.bytes, tot.body/int64(n), tot.minBody, tot.maxBody, *flagSeed, *flagHugo)
	must(os.WriteFile(filepath.Join(*flagOut, "manifest.txt"), []byte(manifest), 0o644))
	fmt.Print(manifest)
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func prepDir(dir string) {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		if !*flagForce {
			must(fmt.Errorf("%s is not empty (use -force to replace its files)", dir))
		}
		must(os.RemoveAll(dir))
	}
	must(os.MkdirAll(dir, 0o755))
}

// mix derives an independent per-offer seed (splitmix64).
func mix(seed, i int64) int64 {
	z := uint64(seed)*0x9E3779B97F4A7C15 + uint64(i)*0xBF58476D1CE4E5B9 + 0x94D049BB133111EB
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return int64(z ^ (z >> 31))
}

func pick(r *rand.Rand, xs []string) string { return xs[r.Intn(len(xs))] }

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// de returns "de X" or "d’X" (elision before a vowel sound).
func de(p string) string {
	c, _ := utf8.DecodeRuneInString(p)
	if strings.ContainsRune("AEIOUÉÈÎÏÔYaeiouéîô", c) {
		return "d’" + p
	}
	return "de " + p
}

func applyTemplate(t string, a, b place) string {
	s := strings.Replace(t, "%s", de(a.Name), 1)
	s = strings.Replace(s, "%S", de(strings.ToUpper(a.Name)), 1)
	s = strings.Replace(s, "%q", b.Name, 1)
	return s
}

func makeEmployers(rng *rand.Rand, n int) []*employer {
	e := *flagEmp
	if e <= 0 {
		e = (n + 10) / 20
	}
	if e < 1 {
		e = 1
	}
	if e > n {
		e = n
	}
	nb := int(float64(e)**flagFracB + 0.5)
	if *flagFracB > 0 && nb == 0 && e >= 2 {
		nb = 1
	}
	if nb >= e && *flagFracB < 1 {
		nb = e - 1
	}
	na := e - nb
	seen := map[string]bool{}
	var out []*employer
	add := func(name string, layout byte, p place) bool {
		key := strings.ToLower(name)
		if seen[key] {
			return false
		}
		seen[key] = true
		em := &employer{Name: name, Layout: layout, Place: p, Code: 3100 + len(out)%900}
		if layout == 'b' {
			num := 1 + rng.Intn(40)
			if chance(rng, 0.3) {
				em.Addr = fmt.Sprintf("%d à %d %s", num, num+2, pick(rng, streets))
			} else {
				em.Addr = fmt.Sprintf("%d %s", num, pick(rng, streets))
			}
			if chance(rng, 0.5) {
				em.Cedex = fmt.Sprintf(" Cedex %d", 1+rng.Intn(9))
			}
		}
		out = append(out, em)
		return true
	}
	for _, name := range fixedNCEmployers {
		if len(out) >= na {
			break
		}
		p := ncPlaces[0]
		for _, q := range ncPlaces {
			if strings.Contains(strings.ToLower(name), strings.ToLower(q.Name)) {
				p = q
			}
		}
		switch name {
		case "Province Nord":
			p = place{"Koné", "98860"}
		case "Province des Îles Loyauté":
			p = place{"Lifou", "98820"}
		}
		add(name, 'a', p)
	}
	for tries := 0; len(out) < na; tries++ {
		var a place
		if chance(rng, 0.6) {
			a = ncPlaces[rng.Intn(len(ncPlaces))]
		} else {
			a = metroPlaces[rng.Intn(len(metroPlaces))]
		}
		var name string
		if tries < 20*na && chance(rng, 0.7) {
			name = applyTemplate(pick(rng, singleTemplatesA), a, a)
		} else {
			b := ncPlaces[rng.Intn(len(ncPlaces))]
			if b.Name == a.Name {
				continue
			}
			name = applyTemplate(pick(rng, pairTemplates), a, b)
		}
		add(name, 'a', a)
	}
	for tries := 0; len(out) < e; tries++ {
		a := metroPlaces[rng.Intn(len(metroPlaces))]
		var name string
		if tries < 20*nb && chance(rng, 0.7) {
			name = applyTemplate(pick(rng, singleTemplatesB), a, a)
		} else {
			b := metroPlaces[rng.Intn(len(metroPlaces))]
			if b.Name == a.Name {
				continue
			}
			name = applyTemplate(pick(rng, pairTemplates), a, b)
		}
		add(name, 'b', a)
	}
	return out
}

func assignOffers(rng *rand.Rand, n int, emps []*employer) []offer {
	var poolA, poolB []*employer
	for _, e := range emps {
		if e.Layout == 'a' {
			poolA = append(poolA, e)
		} else {
			poolB = append(poolB, e)
		}
	}
	perm := rng.Perm(len(emps))
	offers := make([]offer, n)
	skewPick := func(pool []*employer) *employer {
		// mildly skewed: a few large employers publish many offers
		return pool[int(float64(len(pool))*math.Pow(rng.Float64(), 1.8))]
	}
	for i := 0; i < n; i++ {
		o := &offers[i]
		o.ID = i + 1
		if i < len(emps) {
			o.Emp = emps[perm[i]] // every employer gets at least one offer
		} else if len(poolB) > 0 && (chance(rng, *flagFracB) || len(poolA) == 0) {
			o.Emp = skewPick(poolB)
		} else {
			o.Emp = skewPick(poolA)
		}
		o.Layout = o.Emp.Layout
		m := baseMonth.AddDate(0, rng.Intn(months), 0)
		days := m.AddDate(0, 1, -1).Day()
		tz := tzNC
		if o.Layout == 'b' {
			tz = tzFR
		}
		o.Deadline = time.Date(m.Year(), m.Month(), 1+rng.Intn(days), 0, 0, 0, 0, tz)
		o.Pub = o.Deadline.AddDate(0, 0, -(14 + rng.Intn(32))).Add(8 * time.Hour)
		o.Start = o.Deadline.AddDate(0, 1+rng.Intn(3), 0)
		o.Title = pick(rng, titles)
	}
	return offers
}

// ---------- body model ----------

type item struct {
	text string
	sub  bool
}

type block struct {
	para   []string // sentences (paragraph) when items == nil
	items  []item
	label  string // optional plain label line before a list ("Savoir-faire :")
	bullet string
}

type section struct {
	key    string
	blocks []*block
}

func (b *block) size() int {
	n := len(b.label)
	for _, s := range b.para {
		n += len(s) + 1
	}
	for _, it := range b.items {
		n += len(it.text) + 4
	}
	return n + 2
}

func bodySize(secs []*section) int {
	n := 0
	for _, s := range secs {
		n += 40
		for _, b := range s.blocks {
			n += b.size()
		}
	}
	return n
}

type filler struct {
	r    *rand.Rand
	o    *offer
	dir  string
	used map[string]bool
}

func (f *filler) fill(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	r := f.r
	rep := strings.NewReplacer(
		"{Emp}", upperFirst(f.o.Emp.Name), "{emp}", f.o.Emp.Name, "{ville}", f.o.Emp.Place.Name,
		"{dir}", lowerFirst(f.dir), "{poste}", strings.ToLower(f.o.Title),
		"{n}", fmt.Sprint(2+r.Intn(12)), "{n0}", fmt.Sprint(20+r.Intn(300)), "{N}", fmt.Sprint(100+r.Intn(3000)),
		"{slugville}", asciiSlug(f.o.Emp.Place.Name), "{tel}", fmt.Sprintf("%02d.%02d.%02d", 20+r.Intn(70), r.Intn(100), r.Intn(100)),
	)
	return rep.Replace(s)
}

// uniq picks an unused entry of xs (falls back to any entry when exhausted).
func (f *filler) uniq(xs []string) string {
	for t := 0; t < 8; t++ {
		s := xs[f.r.Intn(len(xs))]
		if !f.used[s] {
			f.used[s] = true
			return f.fill(s)
		}
	}
	return f.fill(xs[f.r.Intn(len(xs))])
}

func buildBody(r *rand.Rand, o *offer) []*section {
	f := &filler{r: r, o: o, dir: pick(r, directions), used: map[string]bool{}}
	para := func(pool []string, k int) *block {
		b := &block{}
		for i := 0; i < k; i++ {
			b.para = append(b.para, f.uniq(pool))
		}
		return b
	}
	list := func(pool []string, k int, label, bullet string) *block {
		b := &block{label: label, bullet: bullet}
		for i := 0; i < k; i++ {
			b.items = append(b.items, item{text: f.uniq(pool)})
		}
		return b
	}
	detail := &section{key: "detail", blocks: []*block{para(introSentences, 2+r.Intn(2))}}
	if chance(r, 0.4) {
		svc := &block{}
		for _, i := range r.Perm(len(services))[:2+r.Intn(3)] {
			svc.items = append(svc.items, item{text: services[i]})
		}
		detail.blocks = append(detail.blocks, para(introSentences, 1), svc)
	}
	missions := &section{key: "missions", blocks: []*block{para(missionIntros, 1), list(missionItems, 4+r.Intn(4), "", "")}}
	profil := &section{key: "profil", blocks: []*block{list(knowledgeItems, 3+r.Intn(3), pick(r, []string{"Savoir / Connaissance / Diplôme exigé :", "Savoir / Connaissance/Diplôme exigé:", "Connaissances :"}), "")}}
	secs := []*section{detail}
	if chance(r, 0.35) {
		secs = append(secs, &section{key: "respnc", blocks: []*block{{para: []string{o.Title}}}})
	}
	secs = append(secs, missions)
	optional := []*section{
		{key: "caract", blocks: []*block{para(characteristicSentences, 1+r.Intn(2))}},
		profil,
		{key: "conditions", blocks: []*block{para(conditionSentences, 1+r.Intn(2))}},
		{key: "postuler", blocks: []*block{para(applySentences, 1+r.Intn(2))}},
	}
	secs = append(secs, optional[0], optional[1])
	target := 2100 + r.Intn(3700)
	extraAdded := 0
	for guard := 0; bodySize(secs) < target && guard < 200; guard++ {
		switch k := r.Intn(10); {
		case k < 3: // another mission item (sometimes a sub-item)
			lb := missions.blocks[len(missions.blocks)-1]
			if len(lb.items) < 16 {
				if chance(r, 0.2) && len(lb.items) > 0 {
					lb.items = append(lb.items, item{text: f.uniq(missionSubItems), sub: true})
				} else {
					lb.items = append(lb.items, item{text: f.uniq(missionItems)})
				}
			} else {
				missions.blocks = append(missions.blocks, para(missionIntros, 1), list(missionItems, 3, "", ""))
			}
		case k < 5: // grow a paragraph
			b := detail.blocks[r.Intn(len(detail.blocks))]
			if b.items == nil && len(b.para) < 5 {
				b.para = append(b.para, f.uniq(introSentences))
			} else {
				detail.blocks = append(detail.blocks, para(introSentences, 1+r.Intn(3)))
			}
		case k < 7: // profile lists
			switch len(profil.blocks) {
			case 1:
				profil.blocks = append(profil.blocks, list(skillItems, 3+r.Intn(3), pick(r, []string{"Savoir-faire :", "Savoir-faire:", "Compétences techniques :"}), ""))
			case 2:
				profil.blocks = append(profil.blocks, list(qualityItems, 3+r.Intn(3), pick(r, []string{"Savoir-être :", "Savoir être:", "Qualités requises :"}), ""))
			default:
				b := profil.blocks[r.Intn(len(profil.blocks))]
				if len(b.items) < 10 {
					b.items = append(b.items, item{text: f.uniq(append(append([]string{}, skillItems...), qualityItems...))})
				}
			}
		default: // optional sections
			if extraAdded < 2 {
				secs = append(secs, optional[2+extraAdded])
				extraAdded++
			} else {
				b := optional[0].blocks[0]
				b.para = append(b.para, f.uniq(characteristicSentences))
			}
		}
	}
	return secs
}

// ---------- rendering ----------

var headsA = map[string][]string{
	"detail":     {"Détails de l’offre :", "Détails de l’offre:", "Détails de l'offre", "Détail de l’offre :"},
	"respnc":     {"Emploi RESPNC :", "Emploi RESPNC:"},
	"missions":   {"Missions :", "Missions", "Missions principales :", "Activités principales :"},
	"caract":     {"Caractéristiques particulières de l’emploi:", "Caractéristiques particulières de l’emploi :", "Contraintes du poste :"},
	"profil":     {"Profil du candidat :", "Profil du candidat:", "Profil recherché :"},
	"conditions": {"Conditions d’emploi :", "Rémunération et avantages :", "Conditions de travail"},
	"postuler":   {"Modalités de candidature :", "Pour postuler :", "Candidature"},
}

var headsB = map[string]string{
	"detail": "Descriptif de l'emploi", "respnc": "Métier", "missions": "Missions / conditions d'exercice",
	"caract": "Contraintes du poste", "profil": "Profils recherchés", "conditions": "Conditions d'exercice",
	"postuler": "Informations complémentaires",
}

func renderBodyA(r *rand.Rand, secs []*section) string {
	var sb strings.Builder
	subBullet := pick(r, []string{"- ", "  - ", "- "})
	for _, s := range secs {
		sb.WriteString("# ")
		sb.WriteString(pick(r, headsA[s.key]))
		sb.WriteString("\n\n")
		for _, b := range s.blocks {
			if b.label != "" {
				if chance(r, 0.3) {
					sb.WriteString("# ")
				}
				sb.WriteString(b.label)
				sb.WriteString("\n\n")
			}
			if b.items == nil {
				sb.WriteString(strings.Join(b.para, " "))
				sb.WriteString("\n\n")
				continue
			}
			for _, it := range b.items {
				if it.sub {
					sb.WriteString(subBullet)
				} else {
					sb.WriteString("- ")
				}
				sb.WriteString(it.text)
				sb.WriteByte('\n')
			}
			sb.WriteByte('\n')
		}
	}
	return strings.TrimRight(sb.String(), "\n") + "\n"
}

func renderBodyB(secs []*section) string {
	var sb strings.Builder
	for _, s := range secs {
		sb.WriteString(headsB[s.key])
		sb.WriteByte('\n')
		for _, b := range s.blocks {
			if b.label != "" {
				sb.WriteString(b.label)
				sb.WriteByte('\n')
			}
			if b.items == nil {
				for _, p := range b.para {
					sb.WriteString(p)
					sb.WriteByte('\n')
				}
				continue
			}
			bullet := "- "
			if s.key == "profil" {
				bullet = "* "
			}
			for _, it := range b.items {
				if it.sub {
					sb.WriteString("o ")
				} else {
					sb.WriteString(bullet)
				}
				sb.WriteString(it.text)
				sb.WriteByte('\n')
			}
		}
		if s.key == "missions" || s.key == "postuler" {
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

// renderBodyMD renders the layout-b body as Markdown for Hugo (same text).
func renderBodyMD(secs []*section) string {
	var sb strings.Builder
	for _, s := range secs {
		sb.WriteString("## ")
		sb.WriteString(headsB[s.key])
		sb.WriteString("\n\n")
		for _, b := range s.blocks {
			if b.label != "" {
				sb.WriteString(b.label)
				sb.WriteString("\n\n")
			}
			if b.items == nil {
				sb.WriteString(strings.Join(b.para, "\n"))
				sb.WriteString("\n\n")
				continue
			}
			for _, it := range b.items {
				if it.sub {
					sb.WriteString("    - ")
				} else {
					sb.WriteString("- ")
				}
				sb.WriteString(it.text)
				sb.WriteByte('\n')
			}
			sb.WriteByte('\n')
		}
	}
	sb.WriteString("## Travailleurs handicapés\n\n")
	sb.WriteString(handiPara)
	sb.WriteByte('\n')
	return sb.String()
}

func frDate(r *rand.Rand, t time.Time, style int) string {
	day := fmt.Sprint(t.Day())
	if style == 1 || (style == 0 && chance(r, 0.3)) {
		day = fmt.Sprintf("%02d", t.Day())
	}
	if t.Day() == 1 && chance(r, 0.5) {
		day = "1er"
	}
	wd := frDays[t.Weekday()]
	switch style {
	case 2:
		return fmt.Sprintf("%s %s %d", day, frMonths[t.Month()-1], t.Year())
	case 3:
		return t.Format("02/01/2006")
	case 1:
		return fmt.Sprintf("%s %s %s %d", wd, day, frMonths[t.Month()-1], t.Year())
	default:
		return fmt.Sprintf("%s %s %s %d", upperFirst(wd), day, frMonths[t.Month()-1], t.Year())
	}
}

type field struct{ label, value string }

func renderA(r *rand.Rand, o *offer, body string) string {
	sep := pick(r, []string{" : ", " : ", " : ", ": ", ": ", " :  ", " : "})
	ap := "’"
	if chance(r, 0.2) {
		ap = "'"
	}
	dstyle := []int{0, 0, 0, 1, 1, 2, 3}[r.Intn(7)]
	refDate := o.Pub.Format("02/01/2006")
	if chance(r, 0.4) {
		refDate = frDate(r, o.Pub, 2)
	}
	ref := field{pick(r, []string{"Référence", "Référence", "Référence", "Réference", "Référence de l" + ap + "offre"}),
		fmt.Sprintf("%d-%02d-%04d/SR du %s", o.Emp.Code, o.Pub.Year()%100, o.ID%10000, refDate)}
	empName := o.Emp.Name
	if chance(r, 0.1) {
		empName = strings.ToUpper(empName)
	}
	emp := field{pick(r, []string{"Employeur", "Employeur", "Employeur", "Collectivité"}), empName}
	crp := field{pick(r, []string{"Corps ou Cadre d" + ap + "emploi / Domaine", "Corps ou cadre d" + ap + "emploi / Domaine", "Corps /Domaine", "Corps ou Cadre d" + ap + "emploi /Domaine", "Cadre d" + ap + "emploi"}), pick(r, corps)}
	var middle, tail []field
	var bare []string
	dir := pick(r, directions)
	switch k := r.Intn(10); {
	case k < 6:
		middle = append(middle, field{"Direction", directionValue(dir)})
	case k < 8:
		bare = append(bare, dir)
	}
	if chance(r, 0.8) {
		middle = append(middle, field{pick(r, []string{"Durée de résidence exigée pour le recrutement sur titre", "Durée de résidence exigée pour le recrutement sur titre (1)", "Durée de résidence exigée (1)"}),
			pick(r, []string{"/", "/", "/", "au moins égale à 5 ans pour le recrutement sur titre", "10 ans"})})
	}
	loc := o.Emp.Place.Name
	if chance(r, 0.25) {
		loc = pick(r, []string{"Hôtel de Ville", "Centre technique municipal", loc + " – centre-ville", strings.ToUpper(loc)})
	}
	middle = append(middle, field{pick(r, []string{"Lieu de travail", "Lieu de travail", "Lieu de travail", "Lieu d" + ap + "affectation"}), loc})
	var start string
	switch r.Intn(5) {
	case 0:
		start = upperFirst(frMonths[o.Start.Month()-1]) + fmt.Sprintf(" %d", o.Start.Year())
	case 1:
		start = fmt.Sprintf("1ᵉʳ %s %d", frMonths[o.Start.Month()-1], o.Start.Year())
	case 2:
		start = "Dès que possible"
	case 3:
		start = o.Start.Format("02/01/2006")
	default:
		start = frMonths[o.Start.Month()-1] + fmt.Sprintf(" %d", o.Start.Year())
	}
	poste := field{pick(r, []string{"Poste à pourvoir", "Poste à pourvoir", "Poste à pourvoir le", "Prise de poste"}), start}
	depot := field{pick(r, []string{"Date de dépôt de l" + ap + "offre", "Date de dépôt de l" + ap + "offre", "Date de dépot de l" + ap + "offre", "Date de publication"}), frDate(r, o.Pub, dstyle)}
	limite := field{pick(r, []string{"Date limite de candidature", "Date limite de candidature", "Date limite de candidatures", "Date limite de dépôt des candidatures", "Date limite de candidature "}), frDate(r, o.Deadline, dstyle)}
	tail = append(tail, depot, limite)
	if chance(r, 0.85) {
		if chance(r, 0.5) {
			middle = append(middle, poste)
		} else {
			tail = append(tail, poste)
		}
	}
	r.Shuffle(len(middle), func(i, j int) { middle[i], middle[j] = middle[j], middle[i] })
	if chance(r, 0.3) {
		r.Shuffle(len(tail), func(i, j int) { tail[i], tail[j] = tail[j], tail[i] })
	}
	gap := "\n\n"
	if chance(r, 0.12) {
		gap = "\n"
	}
	var sb strings.Builder
	if chance(r, 0.2) {
		sb.WriteString("\n")
	}
	sb.WriteString("# " + o.Title + gap)
	write := func(f field) {
		s := sep
		if chance(r, 0.1) {
			s = pick(r, []string{": ", " : ", " :"})
		}
		sb.WriteString(f.label + s + f.value + gap)
	}
	write(ref)
	if strings.HasPrefix(o.Emp.Name, "Province") && chance(r, 0.5) {
		sb.WriteString(strings.ToUpper(o.Emp.Name) + gap)
	}
	write(emp)
	write(crp)
	for _, b := range bare {
		sb.WriteString(b + gap)
	}
	for _, f := range middle {
		write(f)
	}
	for _, f := range tail {
		write(f)
	}
	if gap == "\n" {
		sb.WriteString("\n")
	}
	sb.WriteString(body)
	return sb.String()
}

func renderB(r *rand.Rand, o *offer, body string) string {
	var sb strings.Builder
	title := o.Title
	if chance(r, 0.4) {
		title = pick(r, []string{"Un ", "Une ", "Un(e) "}) + title
	}
	title += pick(r, []string{" (F/H)", " (H/F)", " F/H", ""})
	sb.WriteString(title + "\n\n")
	if o.Deadline.Before(baseMonth.AddDate(1, 0, 0)) {
		sb.WriteString("Le délai de candidature pour cette offre a expiré, merci de ne plus postuler.\n")
	}
	cp := o.Emp.Place.CP
	dept := "0" + cp[:2]
	fmt.Fprintf(&sb, "Offre n° O%s%02d%02d%08d\n", dept, o.Pub.Year()%100, int(o.Pub.Month()), o.ID*37%100000000)
	sep := ""
	if chance(r, 0.15) {
		sep = ": "
	}
	fmt.Fprintf(&sb, "Publiée le %s%s\n\nSynthèse de l'offre\n\nEmployeur\n", sep, o.Pub.Format("02/01/2006"))
	upper := strings.ToUpper(o.Emp.Name)
	city := strings.ToUpper(o.Emp.Place.Name)
	addr := fmt.Sprintf("%s\n%s\n%s %s%s\n", upper, o.Emp.Addr, cp, city, o.Emp.Cedex)
	sb.WriteString(addr)
	if chance(r, 0.6) {
		sb.WriteString(addr)
	}
	sb.WriteString("Lieu de travail\n" + city + o.Emp.Cedex + "\n")
	sb.WriteString(pick(r, []string{"Poste à pourvoir le\n", "Poste à pourvoir le\n", "Poste à pourvoir\n"}) + o.Start.Format("02/01/2006") + "\n")
	sb.WriteString(pick(r, []string{"Date limite de candidature\n", "Date limite de candidature\n", "Date limite de candidature :\n"}) + o.Deadline.Format("02/01/2006") + "\n")
	fmt.Fprintf(&sb, "Type d'emploi\n%s\nMotif de vacance du poste\n%s\nNombre de postes\n%d\n\nLocalisation du lieu de travail\n\nDétails de l'offre\n\n",
		pick(r, typesEmploi), pick(r, motifs), 1+r.Intn(3)/2)
	fmt.Fprintf(&sb, "Famille de métiers\n%s\nGrade(s) recherché(s)\n", pick(r, familles))
	for _, i := range r.Perm(len(corps))[:1+r.Intn(4)] {
		sb.WriteString(upperFirst(corps[i]) + "\n")
	}
	fmt.Fprintf(&sb, "Ouvert aux contractuels\n%s\nTemps de travail\n%s\n", pick(r, contractuels), pick(r, tempsTravail))
	sb.WriteString(body)
	fmt.Fprintf(&sb, "\nContact\n\nContact\n0%d%08d\n\nTravailleurs handicapés\n\n%s", 1+r.Intn(5), r.Intn(100000000), handiPara)
	return sb.String()
}

// ---------- Hugo ----------

func tomlStr(s string) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			sb.WriteByte('\\')
			sb.WriteRune(c)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&sb, "\\u%04x", c)
		default:
			sb.WriteRune(c)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

func hugoPage(o *offer, md string) string {
	ref := fmt.Sprintf("%d-%02d-%04d/SR", o.Emp.Code, o.Pub.Year()%100, o.ID%10000)
	loc := o.Emp.Place.Name
	if o.Layout == 'b' {
		cp := o.Emp.Place.CP
		ref = fmt.Sprintf("O0%s%02d%02d%08d", cp[:2], o.Pub.Year()%100, int(o.Pub.Month()), o.ID*37%100000000)
		loc = strings.ToUpper(o.Emp.Place.Name) + o.Emp.Cedex
	}
	return fmt.Sprintf("+++\ntitle = %s\ndate = %s\nreference = %s\nlocation = %s\ndeadline = %s\nemployeurs = [%s]\necheances = [%s]\n+++\n\n%s",
		tomlStr(o.Title), o.Pub.Format(time.RFC3339), tomlStr(ref), tomlStr(loc), tomlStr(o.Deadline.Format("2006-01-02")),
		tomlStr(o.Emp.Name), tomlStr(o.Deadline.Format("2006-01")), md)
}

func upperFirst(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[n:]
}

func lowerFirst(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(c)) + s[n:]
}

func asciiSlug(s string) string {
	repl := strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "î", "i", "ï", "i", "ô", "o", "û", "u", "ù", "u", "ç", "c", "É", "e", "Î", "i")
	s = strings.ToLower(repl.Replace(s))
	var sb strings.Builder
	for _, c := range s {
		if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			sb.WriteRune(c)
		} else if sb.Len() > 0 && !strings.HasSuffix(sb.String(), "-") {
			sb.WriteByte('-')
		}
	}
	return strings.Trim(sb.String(), "-")
}

// directionValue turns "Direction de la culture" into "culture" (seed style:
// "Direction : politique de la Ville").
func directionValue(d string) string {
	if !strings.HasPrefix(d, "Direction ") {
		return d
	}
	d = strings.TrimPrefix(d, "Direction ")
	for _, a := range []string{"de la ", "des ", "de l’", "de l'", "du "} {
		if strings.HasPrefix(d, a) {
			return upperFirst(strings.TrimPrefix(d, a))
		}
	}
	return d
}
