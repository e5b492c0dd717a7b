package offer

import (
	"regexp"
	"sort"
	"strings"

	"postes/generator/grade"
)

// addGrades reads a grade line ("Ingénieur ou Technicien supérieur /
// informatique") into grades, through package grade's table, which also
// gives each its category and filière. What the table doubts is a
// warning at the line. A grade is kept once, whatever its spelling.
func (x *extractor) addGrades(line int, value string) {
	v := strings.TrimSpace(value)
	if v == "" || notApplicable(v) {
		return
	}
	gs, notes := grade.Split(v)
	for _, n := range notes {
		x.kindWarnf(warnGrade, line, "grade: %s", n)
	}
	seen := map[string]bool{}
	for _, g := range x.o.Grades {
		seen[g.Key] = true
	}
	for _, g := range gs {
		og := Grade{Name: asWritten(v, g.Name), Specialty: g.Specialty, Key: gradeKey(g)}
		if g.Known != nil {
			og.Category, og.Filiere = g.Known.Category, g.Known.Filiere
		}
		if seen[og.Key] {
			continue
		}
		seen[og.Key] = true
		x.o.Grades = append(x.o.Grades, og)
	}
	if len(gs) == 0 && len(notes) == 0 {
		return
	}
	// "Rédacteur territorial - catégorie B": the category a grade line
	// states counts when no label gives one.
	if m := reStatedCategory.FindStringSubmatch(squash(v)); m != nil {
		x.statedCategory = strings.ToUpper(m[1])
		x.statedCategoryLine = line
	}
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

// gradeKey identifies a grade whatever its spelling: the table's cadre
// and grade when it knows it, else the folded name.
func gradeKey(g grade.Grade) string {
	if g.Known != nil {
		return g.Known.Cadre + "/" + g.Known.Grade
	}
	return squash(g.Name)
}

// finishGrades derives the offer's categories and filières from its
// grades, where no "Catégorie" label gave them, and says when a label and
// the grades disagree.
func (x *extractor) finishGrades() {
	o := x.o
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
		x.warnf(o.Lines[FieldCategory], "catégorie %s, but the grades given are of category %s; kept %s",
			strings.Join(o.Categories, "/"), strings.Join(sortedKeys(cats), "/"), strings.Join(o.Categories, "/"))
	case len(o.Categories) > 0:
	case len(cats) > 0:
		o.Categories = sortedKeys(cats)
	case x.statedCategory != "":
		o.Categories = []string{x.statedCategory}
		o.Lines[FieldCategory] = x.statedCategoryLine
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
