package offer

import (
	"strings"

	"postes/generator/message"
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
	written := x.front[FieldLocation] || o.Defaulted.Has(FieldLocation)
	home := x.employerTown()
	near := append([]string(nil), x.opt.Near...)
	if home != nil {
		near = append(near, home.Department)
	}
	if text == "" {
		switch {
		case home != nil:
			x.placeFromEmployer() // "Mairie de Tours" hires in Tours
		case x.placeFromDirection():
		case x.placeFromProse():
		case x.placeFromEmployer():
		case x.todoFields.Has(FieldLocation):
			// "Lieu de travail : [à compléter]": said with the placeholders.
		default:
			line := x.emptyLabel[FieldLocation]
			if line == 0 && len(x.src.Lines) > 0 {
				line = 1
			}
			x.warn(line, message.NoPlace)
		}
		return
	}
	if p, ok := x.opt.Places[PlaceKey(strings.TrimSpace(reCedex.ReplaceAllString(rePostcode.ReplaceAllString(text, ""), "")))]; ok {
		// The board's own name for the whole place wins over the
		// reference: "Ville/Nouvelle" is one place of the board's,
		// not two towns the reference half knows.
		o.Places = []Place{p}
		if !written {
			o.Location = cleanLocation(text, o.Layout == 'b')
		}
		return
	}
	res := place.ParseNear(text, near...)
	if !hasTown(res) {
		// "Multi-accueil Les Lutins": the town is in the employer's
		// address, below its name (emploi-territorial).
		for i := len(o.Address) - 1; i >= 0; i-- {
			if r := place.ParseNear(o.Address[i], near...); hasTown(r) && r.Sure {
				res = r
				break
			}
		}
	}
	var towns []string
	for _, p := range res.Places {
		if p.Town == "" {
			continue
		}
		o.Places = append(o.Places, Place{p.Town, p.Postcode, p.Department})
		towns = append(towns, p.Town)
	}
	switch {
	case len(towns) > 0:
		if !written {
			// A town written as the reference writes it but for its case
			// or an apostrophe ("POUM", "Mu'a") stays as written.
			parts := strings.FieldsFunc(cleanLocation(text, o.Layout == 'b'), func(r rune) bool { return strings.ContainsRune(",;/", r) })
			shown := make([]string, len(towns))
			for i, t := range towns {
				shown[i] = t
				for _, p := range parts {
					p = strings.TrimSpace(p)
					if Fold(p) == Fold(t) || strings.ReplaceAll(Fold(p), "'", "") == Fold(t) {
						shown[i] = p
						break
					}
				}
			}
			o.Location = strings.Join(shown, ", ")
		}
		if !res.Sure {
			x.guess(FieldLocation, line, message.PlaceUnsure, "value", Clip(text, 60), "why", res.Reasons, "kept", o.Location)
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
		if p, ok := x.localPlace(text); ok {
			o.Places = []Place{p}
			return
		}
		if res.Reasons.ID == message.PlaceOnlyArea {
			// "Centre technique 98860": a postcode or a département, no town.
			x.guess(FieldLocation, line, message.PlaceAreaOnly, "value", Clip(text, 60), "why", res.Reasons)
			return
		}
		x.guess(FieldLocation, line, message.PlaceUnknown, "value", Clip(text, 60))
	}
}

// localPlace finds in a place's text a name of the board's [places]: a
// locality or tribe the reference lacks ("Tiéta" = "Voh"), a place of its
// own.
func (x *extractor) localPlace(text string) (Place, bool) {
	if len(x.opt.Places) == 0 {
		return Place{}, false
	}
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",;/()–", r) }) {
		part = strings.TrimSpace(reCedex.ReplaceAllString(rePostcode.ReplaceAllString(part, ""), ""))
		if p, ok := x.opt.Places[PlaceKey(part)]; ok {
			return p, true
		}
	}
	return Place{}, false
}

// PlaceKey folds a place's name as config.toml's [places] is looked up.
func PlaceKey(name string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("-", " ", "'", " ").Replace(squash(name))), " ")
}

func hasTown(r place.Result) bool {
	for _, p := range r.Places {
		if p.Town != "" {
			return true
		}
	}
	return false
}

// placeFromEmployer files an offer that names no place under the town of
// its employer's name ("Centre hospitalier de Beaune"), with a warning:
// a filter by place then finds it.
func (x *extractor) placeFromEmployer() bool {
	p, ok := oneTown(x.o.EmployerName, x.opt.Near, false)
	if !ok {
		return false
	}
	x.fileUnder(p, x.o.Lines[FieldLocation])
	if x.employerTown() != nil {
		return true // the commune's own offer: "Mairie de Tours" hires in Tours
	}
	x.guess(FieldLocation, x.o.Lines[FieldEmployer], message.PlaceFromEmployer, "town", p.Town)
	return true
}

// placeFromDirection files an offer that names no place under the town
// its service's line names ("Affectation : Groupement Sud - CIS de
// Beaune", "Structure d'affectation : UFR, 21000 Dijon"), with a warning.
func (x *extractor) placeFromDirection() bool {
	p, ok := oneTown(x.o.Direction, x.opt.Near, false)
	if !ok {
		return false
	}
	line := x.o.Lines[FieldDirection]
	x.fileUnder(p, line)
	x.guess(FieldLocation, line, message.PlaceFromDirection, "town", p.Town)
	return true
}

// placeFromProse files an offer that names no place under the town a
// sentence of its description names ("Le poste est basé à Dijon"), with a
// warning.
func (x *extractor) placeFromProse() bool {
	h := x.placeHint
	if h.line == 0 {
		return false
	}
	p, ok := oneTown(h.value, x.opt.Near, true)
	if !ok {
		return false
	}
	x.fileUnder(p, h.line)
	x.guess(FieldLocation, h.line, message.PlaceFromProse, "town", p.Town, "from", message.New(h.from))
	return true
}

// oneTown is the one town a text names ("Centre hospitalier de Beaune" →
// Beaune), none when it names several, none, or a region ("Université de
// Bourgogne"); sure asks the place reader to be sure of it.
func oneTown(text string, near []string, sure bool) (place.Place, bool) {
	if text == "" {
		return place.Place{}, false
	}
	res := place.ParseNear(text, near...)
	if len(res.Places) != 1 || res.Places[0].Town == "" || regionNames[Fold(res.Places[0].Town)] || sure && !res.Sure {
		return place.Place{}, false
	}
	return res.Places[0], true
}

// fileUnder makes p the offer's place, read at line.
func (x *extractor) fileUnder(p place.Place, line int) {
	x.o.Places = []Place{{p.Town, p.Postcode, p.Department}}
	x.o.Location = p.Town
	x.o.Lines[FieldLocation] = line
}

// regionNames are the names of France's regions, old and new, some of
// which are also small communes': the "Université de Bourgogne" is in
// Dijon, not in Bourgogne (51), and "Service Bretagne" not in a village.
var regionNames = map[string]bool{"bourgogne": true, "bretagne": true, "normandie": true, "champagne": true,
	"picardie": true, "lorraine": true, "alsace": true, "auvergne": true, "limousin": true, "aquitaine": true,
	"provence": true, "corse": true, "artois": true, "franche-comte": true, "occitanie": true, "savoie": true,
	"touraine": true, "anjou": true, "berry": true, "bourbonnais": true, "gascogne": true, "guyenne": true,
	"languedoc": true, "lyonnais": true, "nivernais": true, "orleanais": true, "poitou": true, "saintonge": true,
	"vendee": true, "bearn": true, "quercy": true, "rouergue": true, "perigord": true, "vexin": true}

// employerTown is the town of an employer that is a commune or a body of
// one ("Mairie de Nouméa", "CCAS de Tours"), or nil.
func (x *extractor) employerTown() *Place {
	e := x.o.EmployerName
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
