package offer

import (
	"regexp"
	"sort"
	"strings"

	"postes/generator/grade"
	"postes/generator/message"
)

// addGrades keeps a grade line ("Ingénieur ou Technicien supérieur /
// informatique") to read once the employer is known: the civil service
// it belongs to decides between homonyms (see finishGrades).
func (x *extractor) addGrades(line int, value string) {
	v := strings.TrimSpace(value)
	if v == "" || notApplicable(v) {
		return
	}
	x.gradeLines = append(x.gradeLines, gradeLine{line, v})
}

type gradeLine struct {
	line int
	text string
}

// readGrades reads the grade lines into grades, through package grade's
// table, which also gives each its category and filière in the civil
// service svc ("" when unknown). What the table doubts is a warning at
// the line. A grade is kept once, whatever its spelling.
func (x *extractor) readGrades(svc string) {
	seen := map[string]bool{}
	for _, gl := range x.gradeLines {
		gs, notes := grade.Split(gl.text)
		for _, n := range notes {
			x.kindWarn(warnGrade, gl.line, message.GradeNote, "note", n)
		}
		for _, g := range gs {
			if c := x.opt.Grades[grade.Key(g.Name)]; c != "" {
				// The board says: no doubt, no warning.
				og := Grade{Name: asWritten(gl.text, g.Name), Specialty: g.Specialty, Key: g.ID(), Category: c, Known: true}
				if og.Key == "" {
					og.Key = squash(g.Name)
				}
				if info := g.Known; info != nil {
					og.Filiere = info.Filiere
				} else if fr := frenchGrade(g.Name); fr != nil {
					og.Filiere = fr.Filiere
				}
				if !seen[og.Key] {
					seen[og.Key] = true
					x.o.Grades = append(x.o.Grades, og)
				}
				continue
			}
			info := g.Known
			if svc != "" {
				if in := g.In(svc); in != nil {
					info = in
				} else if svc == grade.NC && info != nil {
					// A corps New Caledonia's table does not know: the
					// French grade of that name, with a warning; but its
					// health and social corps are built apart from the
					// French ones, and get no category.
					i := *info
					info = &i
					if len(x.o.Categories) == 0 {
						if healthOrSocial[i.Filiere] {
							x.kindWarn(warnGrade, gl.line, message.GradeNotNCNoCategory, "grade", g.Name)
						} else if i.Category != "" {
							x.kindWarn(warnGrade, gl.line, message.GradeNotNC, "grade", g.Name, "category", i.Category)
						}
					}
					if healthOrSocial[i.Filiere] {
						i.Category = ""
					}
					i.Cadre = "?" // said: no French fallback below
				} else if svc == grade.FPE || svc == grade.FPH {
					// A State or hospital offer naming a grade the table
					// knows only in another service: its category holds
					// across services, its filière does not.
					if info != nil {
						i := *info
						i.Filiere = ""
						info = &i
					}
				}
			}
			og := Grade{Name: asWritten(gl.text, g.Name), Specialty: g.Specialty, Key: g.ID()}
			if og.Key == "" {
				og.Key = squash(g.Name)
			}
			if info != nil {
				og.Category, og.Filiere, og.Known = info.Category, info.Filiere, true
			}
			if info != nil && info.Category == "" && info.Cadre != "?" && len(x.o.Categories) == 0 {
				// A corps whose category no source confirmed (some of
				// New Caledonia's): the French grade of that name says
				// what it most likely is, and the warning says so.
				fr := g.In(grade.FPT)
				if fr == nil || fr.Category == "" {
					fr = frenchGrade(g.Name) // "Ingénieur 2ème grade": the French "Ingénieur"
				}
				if fr != nil && fr.Category != "" {
					og.Category = fr.Category
					if og.Filiere == "" {
						og.Filiere = fr.Filiere
					}
					x.kindWarn(warnGrade, gl.line, message.GradeUnconfirmed, "grade", og.Name, "category", fr.Category)
				} else {
					x.kindWarn(warnGrade, gl.line, message.GradeNoCategory, "grade", og.Name)
				}
			}
			if seen[og.Key] {
				continue
			}
			seen[og.Key] = true
			x.o.Grades = append(x.o.Grades, og)
		}
		// "Rédacteur territorial - catégorie B": the category a grade
		// line states counts when no label gives one.
		if m := reStatedCategory.FindStringSubmatch(squash(gl.text)); m != nil && x.statedCategory == "" {
			x.statedCategory = strings.ToUpper(m[1])
			x.statedCategoryLine = gl.line
		}
	}
}

// healthOrSocial are the filières of corps New Caledonia sets apart from
// the French ones.
var healthOrSocial = map[string]bool{"médico-sociale": true, "sociale": true, "médico-technique": true,
	"soignante": true, "rééducation": true, "socio-éducative": true}

// frenchGrade finds the territorial grade a name begins with, from the
// longest: New Caledonia's "Ingénieur 2ème grade" is most like the FPT's
// "Ingénieur".
func frenchGrade(name string) *grade.Info {
	words := strings.Fields(name)
	for n := len(words); n > 0; n-- {
		if in := grade.LookupIn(strings.Join(words[:n], " "), grade.FPT); in != nil && in.Category != "" {
			return in
		}
	}
	return nil
}

// services are the words that say which civil service employs an
// offer's agents, in the folded name of its employer or in a "Versant"
// label: the service decides between grades of the same name (an
// infirmier of a hospital is of the FPH, of a département of the FPT).
var services = []struct {
	svc   string
	words []string
}{
	{grade.NC, []string{"nouvelle-caledonie", "province sud", "province nord", "province des iles", "gouvernement de la nouvelle"}},
	{grade.FPH, []string{"centre hospitalier", "chu ", "chr ", "chu", "hopital", "hopitaux", "hospices", "ehpad", "groupe hospitalier",
		"groupement hospitalier", "ght", "assistance publique", "ap-hp", "fonction publique hospitaliere", "etablissement public de sante"}},
	{grade.FPE, []string{"ministere", "prefecture", "direction regionale", "direction departementale", "direction interdepartementale",
		"direction interministerielle", "rectorat", "vice-rectorat", "academie", "insee", "universite", "tribunal", "cour d'appel",
		"cour administrative", "meteo-france", "office national", "cerema", "archives nationales", "haut-commissariat",
		"administration superieure", "agence regionale de sante", "ofb", "ign", "dreal", "ddt", "dreets", "drac", "deal", "dinum",
		"fonction publique de l'etat", "etablissement du service", "service d'infrastructure"}},
	{grade.FPT, []string{"mairie", "commune", "ville", "departement", "conseil departemental", "region", "conseil regional",
		"communaute", "metropole", "ccas", "cias", "sdis", "syndicat", "centre de gestion", "cdg", "sivos", "sivom", "sivu",
		"fonction publique territoriale", "collectivite", "agglomeration", "pays"}},
}

// service infers the civil service of the offer's agents: a "Versant"
// line, else its employer's name.
func (x *extractor) service() string {
	o := x.o
	for _, e := range o.Extras {
		if strings.HasPrefix(labelKey(e.Label), "versant") {
			if s := serviceOf(squash(e.Value)); s != "" {
				return s
			}
		}
	}
	s := serviceOf(squash(o.EmployerName))
	// New Caledonia's communes, provinces and hospitals have civil
	// services of their own; the State's offices there employ the State's.
	if s != grade.FPE && len(o.Places) > 0 {
		switch o.Places[0].Department {
		case "988":
			return grade.NC
		case "987":
			// French Polynesia's civil service has its own corps, which
			// the table does not hold: the French grades of the same
			// names answer, not the FPH's.
			return ""
		}
	}
	return s
}

func serviceOf(f string) string {
	for _, s := range services {
		for _, w := range s.words {
			if strings.HasPrefix(f, w) || strings.Contains(f, " "+w) {
				return s.svc
			}
		}
	}
	return ""
}

// asWritten is name as the line writes it, when it differs only in case:
// "attaché" stays "attaché".
func asWritten(line, name string) string {
	lower := strings.ToLower(line)
	if len(lower) != len(line) {
		return name
	}
	if i := strings.Index(lower, strings.ToLower(name)); i >= 0 && len(strings.ToLower(name)) == len(name) {
		return line[i : i+len(name)]
	}
	return name
}

// reStatedCategory finds "catégorie B", "cat. A" in a grade line. Folded.
var reStatedCategory = regexp.MustCompile(`\bcat(?:egorie|\.)\s*([abcd])\b`)

// finishGrades derives the offer's categories and filières from its
// grades, where no "Catégorie" label gave them, and says when a label and
// the grades disagree.
func (x *extractor) finishGrades() {
	o := x.o
	if h := x.gradeHint; len(x.gradeLines) == 0 && h.line > 0 {
		x.addGrades(h.line, h.value)
		o.Lines[FieldGrades] = h.line
		x.guess(FieldGrades, h.line, message.GradesGuessed, "from", message.New(h.from), "grades", h.value)
	}
	x.readGrades(x.service())
	cats := map[string]bool{}
	fils := map[string]bool{}
	for _, g := range o.Grades {
		if g.Category != "" {
			cats[g.Category] = true
		}
		if g.Filiere != "" {
			fils[g.Filiere] = true
		}
	}
	o.Filieres = sortedKeys(fils)
	switch {
	case len(o.Categories) > 0 && len(cats) > 0:
		for _, c := range o.Categories {
			if cats[c] {
				return
			}
		}
		x.warn(o.Lines[FieldCategory], message.CategoryMismatch, "stated", strings.Join(o.Categories, "/"), "grades", strings.Join(sortedKeys(cats), "/"),
			"n", len(cats))
	case len(o.Categories) > 0:
	case len(cats) > 0:
		o.Categories = sortedKeys(cats)
	case x.statedCategory != "":
		o.Categories = []string{x.statedCategory}
		o.Lines[FieldCategory] = x.statedCategoryLine
	case x.categoryHint.line > 0:
		h := x.categoryHint
		x.setCategory(h.line, h.value)
		x.guess(FieldCategory, h.line, message.CategoryGuessed, "from", message.New(h.from), "category", h.value)
	}
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
