package offer

import (
	"strings"

	"postes/generator/place"
)

// Place is a town an offer names, from the reference of communes (see
// package place).
type Place struct {
	Town       string // official name: "Chenôve", "Le Mont-Dore"
	Postcode   string // "21300"; "" when the town has several and the offer gives none
	Department string // code of the département or collectivity: "21", "2A", "988"
}

// readPlace reads the offer's place into towns of the reference of
// communes: "12 rue X, 21300 Chenôve" is Chenôve, "TOURS Cedex 9" Tours,
// "Koné, Pouembout" two towns. Where the text names no town ("Hôtel de
// Ville") the employer's own town counts, when the employer is a commune
// ("Mairie de Nouméa"). What is guessed is a warning at the place's line.
func (x *extractor) readPlace() {
	o := x.o
	text, line := o.Location, o.Lines[FieldLocation]
	if text == "" {
		// emploi-territorial gives the town in the address: "37926 TOURS Cedex 9".
		for i := len(o.Address) - 1; i >= 0; i-- {
			if rePostcode.MatchString(o.Address[i]) {
				text, line = o.Address[i], o.Lines[FieldEmployer]
				break
			}
		}
	}
	home := x.employerTown()
	near := append([]string(nil), x.opt.Near...)
	if home != nil {
		near = append(near, home.Department)
	}
	if text == "" {
		return
	}
	res := place.ParseNear(text, near...)
	var towns []string
	for _, p := range res.Places {
		if p.Town == "" {
			continue
		}
		o.Places = append(o.Places, Place{p.Town, p.Postcode, p.Department})
		towns = append(towns, p.Town)
	}
	written := x.front[FieldLocation] || o.Defaulted.Has(FieldLocation)
	switch {
	case len(towns) > 0:
		if !written {
			o.Location = strings.Join(towns, ", ")
			// A town written as the reference writes it but for its
			// case ("POUM") stays as written.
			if c := cleanLocation(text, o.Layout == 'b'); len(towns) == 1 && Fold(c) == Fold(towns[0]) {
				o.Location = c
			}
		}
		if !res.Sure {
			x.guess(FieldLocation, line, "lieu de travail %s: %s; kept %s (write the town alone, \"Lieu de travail : Koné\", to be sure)",
				quote(Clip(text, 60)), res.Why, quote(o.Location))
		}
	case home != nil:
		// "Hôtel de Ville" of the Mairie de Nouméa is in Nouméa.
		o.Places = []Place{*home}
		if !written {
			o.Location = cleanLocation(text, o.Layout == 'b')
		}
	default:
		if !written {
			o.Location = cleanLocation(text, o.Layout == 'b')
		}
		x.guess(FieldLocation, line, "lieu de travail %s names no town postes knows; shown as written, and in no filter by place (write the town, \"Lieu de travail : Koné\")",
			quote(Clip(text, 60)))
	}
}

// employerTown is the town of an employer that is a commune or a body of
// one ("Mairie de Nouméa", "CCAS de Tours"), or nil.
func (x *extractor) employerTown() *Place {
	e := x.o.Employer
	if e == "" {
		return nil
	}
	f := squash(e)
	for _, w := range []string{"mairie", "commune", "ville", "ccas", "centre communal"} {
		if strings.HasPrefix(f, w+" ") {
			res := place.Parse(e)
			if res.Sure && len(res.Places) == 1 && res.Places[0].Town != "" {
				p := res.Places[0]
				return &Place{p.Town, p.Postcode, p.Department}
			}
		}
	}
	return nil
}

// finishPlace copies what readPlace kept out of the file's text.
func (x *extractor) finishPlace() {
	for i := range x.o.Places {
		p := &x.o.Places[i]
		p.Town = strings.Clone(p.Town)
	}
}
