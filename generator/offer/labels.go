package offer

import "strings"

// Field names what a label introduces.
type Field int

const (
	FieldNone Field = iota
	FieldTitle
	FieldReference
	FieldEmployer
	FieldLocation
	FieldGrades
	FieldDirection
	FieldFamily
	FieldWorkingTime
	FieldContract
	FieldPosted
	FieldDeadline
	FieldStart
	// FieldExtra is a label we know and show as written, without meaning
	// attached: "Durée de résidence exigée", "Nombre de postes"…
	FieldExtra
	// FieldSection starts the body in layout b ("Descriptif de l'emploi").
	FieldSection
	// FieldHeading is a structural line of layout b with nothing to keep
	// ("Synthèse de l'offre").
	FieldHeading
	numFields
)

var fieldNames = [...]string{"", "title", "reference", "employer", "location", "grades", "direction",
	"family", "working_time", "contract", "posted", "deadline", "start", "extra", "section", "heading"}

func (f Field) String() string {
	if f >= 0 && int(f) < len(fieldNames) {
		return fieldNames[f]
	}
	return "?"
}

// labels maps the labels seen in real offers, in every spelling met, to what
// they introduce. Keys are written as editors write them and folded at
// start-up (case, accents, apostrophes, "(s)", "(1)" and spaces do not
// matter), so adding a variant is adding a line.
var labels = map[string]Field{
	"Titre": FieldTitle, "Intitulé du poste": FieldTitle, "Intitulé": FieldTitle, "Poste": FieldTitle,

	"Référence": FieldReference, "Réf.": FieldReference, "Réf": FieldReference, "Ref": FieldReference,
	"Référence de l’offre": FieldReference, "Numéro de l’offre": FieldReference, "N° de l’offre": FieldReference,
	"Offre n°": FieldReference, "Référence de l’annonce": FieldReference,

	"Employeur": FieldEmployer, "Collectivité": FieldEmployer, "Collectivité employeur": FieldEmployer,
	"Organisme": FieldEmployer, "Structure": FieldEmployer, "Employeur / Collectivité": FieldEmployer,

	"Lieu de travail": FieldLocation, "Lieu d’affectation": FieldLocation, "Lieu d’exercice": FieldLocation,
	"Lieu d’exercice du poste": FieldLocation, "Localisation": FieldLocation, "Lieu": FieldLocation,
	"Commune": FieldLocation, "Ville": FieldLocation,

	"Corps ou Cadre d’emploi / Domaine": FieldGrades, "Corps ou cadre d’emplois / Domaine": FieldGrades,
	"Corps / Domaine": FieldGrades, "Corps ou Cadre d’emploi": FieldGrades, "Corps ou cadre d’emplois": FieldGrades,
	"Cadre d’emploi": FieldGrades, "Cadre d’emplois": FieldGrades, "Cadre d’emploi / Domaine": FieldGrades,
	"Cadres d’emplois": FieldGrades, "Corps": FieldGrades, "Grade": FieldGrades, "Grades": FieldGrades,
	"Grade(s) recherché(s)": FieldGrades, "Grade recherché": FieldGrades, "Grades recherchés": FieldGrades,

	"Direction": FieldDirection, "Service": FieldDirection, "Direction / Service": FieldDirection,
	"Direction - Service": FieldDirection, "Pôle": FieldDirection, "Service d’affectation": FieldDirection,

	"Famille de métiers": FieldFamily, "Famille de métier": FieldFamily, "Métier": FieldFamily, "Métier(s)": FieldFamily,
	"Domaine": FieldFamily, "Filière": FieldFamily,

	"Temps de travail": FieldWorkingTime, "Durée hebdomadaire": FieldWorkingTime, "Temps de travail hebdomadaire": FieldWorkingTime,
	"Durée hebdomadaire de travail": FieldWorkingTime, "Quotité de travail": FieldWorkingTime,

	"Type d’emploi": FieldContract, "Type de contrat": FieldContract, "Nature du contrat": FieldContract,
	"Nature de l’emploi": FieldContract, "Type de recrutement": FieldContract, "Statut": FieldContract,

	"Date de dépôt de l’offre": FieldPosted, "Date de dépot de l’offre": FieldPosted, "Date de publication": FieldPosted,
	"Publiée le": FieldPosted, "Publié le": FieldPosted, "Date de l’offre": FieldPosted, "Date de mise en ligne": FieldPosted,
	"Date de parution": FieldPosted, "Mise en ligne le": FieldPosted,

	"Date limite de candidature": FieldDeadline, "Date limite de candidatures": FieldDeadline,
	"Date limite de dépôt des candidatures": FieldDeadline, "Date limite de dépôt de candidature": FieldDeadline,
	"Date limite de réception des candidatures": FieldDeadline, "Date limite": FieldDeadline,
	"Date de clôture": FieldDeadline, "Clôture des candidatures": FieldDeadline, "Candidature avant le": FieldDeadline,
	"Candidatures avant le": FieldDeadline, "Date limite de dépôt": FieldDeadline,

	"Poste à pourvoir": FieldStart, "Poste à pourvoir le": FieldStart, "Prise de poste": FieldStart,
	"Date de prise de poste": FieldStart, "Date de début": FieldStart, "À pourvoir le": FieldStart, "À pourvoir": FieldStart,
	"Date de prise de fonction": FieldStart, "Prise de fonction": FieldStart,

	"Durée de résidence exigée": FieldExtra, "Motif de vacance du poste": FieldExtra, "Motif de vacance": FieldExtra,
	"Nombre de postes": FieldExtra, "Nombre de poste": FieldExtra, "Ouvert aux contractuels": FieldExtra,
	"Emploi RESPNC": FieldExtra, "Catégorie": FieldExtra, "Rémunération": FieldExtra, "Salaire": FieldExtra,
	"Niveau de diplôme": FieldExtra, "Expérience": FieldExtra, "Télétravail": FieldExtra, "Contact": FieldExtra,
	"Poste ouvert aux contractuels": FieldExtra, "Permis": FieldExtra, "Cadre d’emplois ouvert": FieldExtra,

	"Descriptif de l’emploi": FieldSection, "Missions / conditions d’exercice": FieldSection,
	"Missions": FieldSection, "Profil recherché": FieldSection, "Profils recherchés": FieldSection,
	"Profil du candidat": FieldSection, "Informations complémentaires": FieldSection,
	"Travailleurs handicapés": FieldSection, "Conditions d’exercice": FieldSection, "Descriptif du poste": FieldSection,
	"Missions principales": FieldSection, "Activités": FieldSection, "Compétences": FieldSection,
	"Candidature": FieldSection, "Pour postuler": FieldSection, "Modalités de candidature": FieldSection,

	"Synthèse de l’offre": FieldHeading, "Détails de l’offre": FieldHeading, "Localisation du lieu de travail": FieldHeading,
}

// prefixLabels are labels followed by qualifiers that vary from offer to
// offer ("Durée de résidence exigée pour le recrutement sur titre (1)").
var prefixLabels = []string{"Durée de résidence exigée"}

// inlineLabels may be followed by their value without a colon, on the same
// line, in layout b ("Offre n° O037240201370133", "Publiée le 28/02/2024").
var inlineLabels = []string{"Offre n°", "Publiée le", "Publié le", "Mise en ligne le"}

type labelInfo struct {
	field Field
	name  string // the label as written in the table, for display
}

var labelTable = func() map[string]labelInfo {
	m := make(map[string]labelInfo, len(labels))
	for k, f := range labels {
		m[labelKey(k)] = labelInfo{f, k}
	}
	return m
}()

var prefixKeys, inlineKeys []string

func init() {
	for _, p := range prefixLabels {
		prefixKeys = append(prefixKeys, labelKey(p))
	}
	for _, p := range inlineLabels {
		inlineKeys = append(inlineKeys, labelKey(p))
	}
}

// labelKey folds a label for lookup: "**Grade(s) recherché(s)** :" and
// "grades recherches" give the same key.
func labelKey(s string) string {
	f := Fold(s)
	if strings.ContainsAny(f, "*_(") {
		f = labelMarks.Replace(f)
	}
	f = strings.Trim(f, " :*_.")
	// Spaces around slashes vary ("Corps /Domaine"): drop them.
	if strings.Contains(f, "/") {
		f = strings.ReplaceAll(strings.ReplaceAll(f, " /", "/"), "/ ", "/")
	}
	if strings.Contains(f, "  ") {
		f = strings.Join(strings.Fields(f), " ")
	}
	f = strings.TrimSuffix(f, "s") // "candidatures", "métiers", "emplois": singular and plural alike
	return f
}

var labelMarks = strings.NewReplacer("**", "", "__", "", "(s)", "s", "(e)", "", "(1)", "", "(2)", "", "(*)", "")

// maxLabelLen bounds the text worth looking up: the longest label with its
// marks and qualifiers. Body lines are longer and are not folded for
// nothing.
const maxLabelLen = 160

// lookupLabel finds what a label introduces. It reports FieldNone for text
// that is not a label we know.
func lookupLabel(label string) (labelInfo, bool) {
	if len(label) > maxLabelLen {
		return labelInfo{}, false
	}
	return lookupKey(labelKey(label))
}

// lookupShort is lookupLabel for lines shorter than n bytes, the only ones
// that can be a label standing alone; longer lines are not folded.
func lookupShort(l string, n int) (labelInfo, bool) {
	if len(l) >= n {
		return labelInfo{}, false
	}
	return lookupLabel(l)
}

// lookupKey is lookupLabel for a key labelKey already made.
func lookupKey(k string) (labelInfo, bool) {
	if k == "" || len(k) > maxLabelLen {
		return labelInfo{}, false
	}
	if li, ok := labelTable[k]; ok {
		return li, true
	}
	for i, p := range prefixKeys {
		if strings.HasPrefix(k, p) {
			return labelInfo{FieldExtra, prefixLabels[i]}, true
		}
	}
	return labelInfo{}, false
}
