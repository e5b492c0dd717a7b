package offer

import (
	"strings"
	"unsafe"
)

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
	// FieldCategory is the civil-service category: "Catégorie : A".
	FieldCategory
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
	"family", "working_time", "contract", "posted", "deadline", "start", "category", "extra", "section", "heading"}

func (f Field) String() string {
	if f >= 0 && int(f) < len(fieldNames) {
		return fieldNames[f]
	}
	return "?"
}

// isValue says the field holds a value: not a heading or section of the
// text, nor a label postes does not know.
func (f Field) isValue() bool {
	return f != FieldNone && f != FieldHeading && f != FieldSection && f != FieldExtra
}

// labels maps the labels seen in real offers, in every spelling met, to what
// they introduce. Keys are written as editors write them and folded at
// start-up (case, accents, apostrophes, "(s)", "(1)" and spaces do not
// matter), so adding a variant is adding a line.
var labels = map[string]Field{
	"Titre": FieldTitle, "Intitulé du poste": FieldTitle, "Intitulé": FieldTitle, "Poste": FieldTitle,
	"Intitulé de poste": FieldTitle, "Intitulé de l’offre": FieldTitle, "Intitulé de l’emploi": FieldTitle,
	"Titre du poste": FieldTitle, "Titre de l’offre": FieldTitle, "Libellé du poste": FieldTitle,
	"Emploi proposé": FieldTitle, "Poste proposé": FieldTitle, "Intitulé de la fonction": FieldTitle,

	"Référence": FieldReference, "Réf.": FieldReference, "Réf": FieldReference, "Ref": FieldReference,
	"Référence de l’offre": FieldReference, "Numéro de l’offre": FieldReference, "N° de l’offre": FieldReference,
	"Offre n°": FieldReference, "Référence de l’annonce": FieldReference, "N° d’offre": FieldReference,
	"Numéro d’offre": FieldReference, "NOR": FieldReference, "N° NOR": FieldReference, "Numéro NOR": FieldReference,
	"Référence du poste": FieldReference, "Référence interne": FieldReference, "Code offre": FieldReference,
	"Numéro de poste": FieldReference, "N° de poste": FieldReference, "N° de référence": FieldReference,
	"Référence à rappeler": FieldReference, "Identifiant de l’offre": FieldReference, "Réf. de l’offre": FieldReference,
	"Numéro de référence": FieldReference, "Référence de l’avis": FieldReference, "N° de l’avis": FieldReference, "Numéro de l’annonce": FieldReference,

	"Employeur": FieldEmployer, "Collectivité": FieldEmployer, "Collectivité employeur": FieldEmployer,
	"Organisme": FieldEmployer, "Structure": FieldEmployer, "Employeur / Collectivité": FieldEmployer,
	"Organisme de rattachement": FieldEmployer, "Employeur public": FieldEmployer, "Établissement": FieldEmployer,
	"Établissement employeur": FieldEmployer, "Administration": FieldEmployer, "Administration employeuse": FieldEmployer,
	"Organisme employeur": FieldEmployer, "Nom de l’employeur": FieldEmployer, "Nom de la collectivité": FieldEmployer,
	"Collectivité territoriale": FieldEmployer, "Structure employeuse": FieldEmployer, "Organisme recruteur": FieldEmployer,
	"Recruteur": FieldEmployer, "Ministère": FieldEmployer, "Institution": FieldEmployer, "Entité": FieldEmployer,
	"Employeur / Établissement": FieldEmployer, "Établissement de rattachement": FieldEmployer,
	"Collectivité / Établissement": FieldEmployer, "Ministère / Établissement": FieldEmployer,
	"Juridiction": FieldEmployer, "Employeur (établissement)": FieldEmployer, "Service employeur": FieldEmployer,

	"Lieu de travail": FieldLocation, "Lieu d’affectation": FieldLocation, "Lieu d’exercice": FieldLocation,
	"Lieu d’exercice du poste": FieldLocation, "Localisation": FieldLocation, "Lieu": FieldLocation,
	"Commune": FieldLocation, "Ville": FieldLocation, "Lieu(x) de travail": FieldLocation, "Lieux de travail": FieldLocation,
	"Lieux d’affectation": FieldLocation, "Lieu d’exercice des fonctions": FieldLocation, "Localisation du poste": FieldLocation,
	"Adresse du lieu de travail": FieldLocation, "Adresse de travail": FieldLocation, "Lieu de l’emploi": FieldLocation,
	"Résidence administrative": FieldLocation, "Lieu de résidence administrative": FieldLocation,
	"Affectation géographique": FieldLocation, "Site d’affectation": FieldLocation, "Commune d’affectation": FieldLocation,
	"Ville de travail": FieldLocation, "Lieu de poste": FieldLocation, "Lieu du poste": FieldLocation,
	"Lieu(x) d’affectation": FieldLocation, "Lieu(x) d’exercice": FieldLocation, "Implantation": FieldLocation,
	"Localisation géographique": FieldLocation, "Adresse du poste": FieldLocation, "Lieu de la mission": FieldLocation,
	"Sites": FieldLocation, "Site": FieldLocation, "Lieux": FieldLocation, "Lieu(x)": FieldLocation, "Sites d’exercice": FieldLocation,

	"Corps ou Cadre d’emploi / Domaine": FieldGrades, "Corps ou cadre d’emplois / Domaine": FieldGrades,
	"Corps / Domaine": FieldGrades, "Corps ou Cadre d’emploi": FieldGrades, "Corps ou cadre d’emplois": FieldGrades,
	"Cadre d’emploi": FieldGrades, "Cadre d’emplois": FieldGrades, "Cadre d’emploi / Domaine": FieldGrades,
	"Cadres d’emplois": FieldGrades, "Corps": FieldGrades, "Grade": FieldGrades, "Grades": FieldGrades,
	"Grade(s) recherché(s)": FieldGrades, "Grade recherché": FieldGrades, "Grades recherchés": FieldGrades,
	"Grade(s)": FieldGrades, "Grades ouverts": FieldGrades, "Grade / Cadre d’emplois": FieldGrades,
	"Cadre d’emplois / Grade": FieldGrades, "Corps / Grade": FieldGrades, "Corps - Grade": FieldGrades,
	"Corps ou grade": FieldGrades, "Cadre(s) d’emploi(s)": FieldGrades, "Cadre d’emplois recherché": FieldGrades,
	"Grades accessibles": FieldGrades, "Corps d’accueil": FieldGrades, "Corps de rattachement": FieldGrades,
	"Grade ou cadre d’emplois": FieldGrades, "Corps et grade": FieldGrades, "Cadre d’emplois et grade": FieldGrades,
	"Grade(s) ouvert(s)": FieldGrades, "Grade(s) / Cadre(s) d’emplois": FieldGrades, "Corps / Cadre d’emploi": FieldGrades,
	"Cadres d’emplois ouverts": FieldGrades, "Cadre d’emplois de référence": FieldGrades, "Corps de référence": FieldGrades,
	"Grade de référence": FieldGrades, "Grades autorisés": FieldGrades, "Grades autorisés de recrutement": FieldGrades,
	"Grades de recrutement": FieldGrades, "Grade(s) de recrutement": FieldGrades, "Grades éligibles": FieldGrades,

	"Direction": FieldDirection, "Service": FieldDirection, "Direction / Service": FieldDirection,
	"Direction - Service": FieldDirection, "Pôle": FieldDirection, "Service d’affectation": FieldDirection,
	"Direction d’affectation": FieldDirection, "Direction générale": FieldDirection, "Affectation": FieldDirection,
	"Sous-direction": FieldDirection, "Division": FieldDirection, "Bureau": FieldDirection, "Unité": FieldDirection,
	"Pôle d’affectation": FieldDirection, "Service recruteur": FieldDirection, "Structure d’affectation": FieldDirection,
	"Direction / Pôle": FieldDirection, "Pôle / Direction": FieldDirection, "Service / Unité": FieldDirection,
	"Direction / Service / Pôle": FieldDirection, "Entité d’affectation": FieldDirection,
	"Rattachement": FieldDirection, "Service de rattachement": FieldDirection, "Direction de rattachement": FieldDirection,

	"Famille de métiers": FieldFamily, "Famille de métier": FieldFamily, "Métier": FieldFamily, "Métier(s)": FieldFamily,
	"Domaine": FieldFamily, "Filière": FieldFamily, "Domaine / Métier": FieldFamily, "Domaine professionnel": FieldFamily,
	"Famille professionnelle": FieldFamily, "Domaine d’activité": FieldFamily, "Métier de référence": FieldFamily,

	"Temps de travail": FieldWorkingTime, "Durée hebdomadaire": FieldWorkingTime, "Temps de travail hebdomadaire": FieldWorkingTime,
	"Durée hebdomadaire de travail": FieldWorkingTime, "Quotité de travail": FieldWorkingTime, "Durée de travail": FieldWorkingTime,
	"Quotité": FieldWorkingTime, "Durée du travail": FieldWorkingTime, "Quotité de temps de travail": FieldWorkingTime, "Durée hebdomadaire de service": FieldWorkingTime,
	"Temps de travail (durée hebdomadaire)": FieldWorkingTime, "Temps complet / non complet": FieldWorkingTime,
	"Temps de travail / Quotité": FieldWorkingTime, "Régime de travail": FieldWorkingTime,

	"Type d’emploi": FieldContract, "Type de contrat": FieldContract, "Nature du contrat": FieldContract,
	"Nature de l’emploi": FieldContract, "Type de recrutement": FieldContract, "Statut": FieldContract,
	"Type de poste": FieldContract, "Nature du poste": FieldContract,
	"Contrat": FieldContract, "Type de contrat proposé": FieldContract, "Modalité de recrutement": FieldContract,
	"Mode de recrutement": FieldContract, "Statut de l’emploi": FieldContract, "Type d’offre": FieldContract,

	"Date de dépôt de l’offre": FieldPosted, "Date de dépot de l’offre": FieldPosted, "Date de publication": FieldPosted,
	"Publiée le": FieldPosted, "Publié le": FieldPosted, "Date de l’offre": FieldPosted, "Date de mise en ligne": FieldPosted,
	"Date de parution": FieldPosted, "Mise en ligne le": FieldPosted, "Date de diffusion": FieldPosted,
	"Diffusée le": FieldPosted, "Diffusé le": FieldPosted, "Date de publication de l’offre": FieldPosted,
	"Mis en ligne le": FieldPosted, "Date de dépôt": FieldPosted, "Offre publiée le": FieldPosted,
	"Date de l’annonce": FieldPosted, "Date de création": FieldPosted, "En ligne depuis le": FieldPosted,
	"Date de l’avis": FieldPosted, "Parution": FieldPosted, "Date d’ouverture": FieldPosted,
	"Mise en ligne": FieldPosted, "Date de première publication": FieldPosted, "Première publication": FieldPosted,
	"Publication": FieldPosted, "Publié": FieldPosted, "Date de première diffusion": FieldPosted,

	"Date limite de candidature": FieldDeadline, "Date limite de candidatures": FieldDeadline,
	"Date limite de dépôt des candidatures": FieldDeadline, "Date limite de dépôt de candidature": FieldDeadline,
	"Date limite de réception des candidatures": FieldDeadline, "Date limite": FieldDeadline,
	"Date de clôture": FieldDeadline, "Clôture des candidatures": FieldDeadline, "Candidature avant le": FieldDeadline,
	"Candidatures avant le": FieldDeadline, "Date limite de dépôt": FieldDeadline,
	"Date de clôture des candidatures": FieldDeadline, "Date limite de réponse": FieldDeadline,
	"Date de fin de publication": FieldDeadline, "Date de fin de diffusion": FieldDeadline, "Clôture": FieldDeadline,
	"Clôture de l’offre": FieldDeadline, "Date limite de dépôt des dossiers": FieldDeadline,
	"Date limite d’envoi des candidatures": FieldDeadline, "Date limite pour candidater": FieldDeadline,
	"Fin de publication": FieldDeadline, "Dépôt des candidatures": FieldDeadline, "Date limite de réception": FieldDeadline,
	"Candidatures jusqu’au": FieldDeadline, "Date de clôture de l’offre": FieldDeadline, "Date de fin de l’offre": FieldDeadline,
	"Fin des candidatures": FieldDeadline, "Date limite de dépôt des candidatures (inclus)": FieldDeadline,
	"Date limite d’envoi": FieldDeadline, "Date limite de transmission des candidatures": FieldDeadline,
	"Date limite de retour des candidatures": FieldDeadline, "Clôture des inscriptions": FieldDeadline,
	"Date limite dépôt candidature": FieldDeadline, "Date limite dépôt des candidatures": FieldDeadline,
	"Date limite candidature": FieldDeadline, "Réception des candidatures jusqu’au": FieldDeadline,

	"Poste à pourvoir": FieldStart, "Poste à pourvoir le": FieldStart, "Prise de poste": FieldStart,
	"Date de prise de poste": FieldStart, "Date de début": FieldStart, "À pourvoir le": FieldStart, "À pourvoir": FieldStart,
	"Date de prise de fonction": FieldStart, "Prise de fonction": FieldStart, "Date de vacance": FieldStart,
	"Date de vacance de l’emploi": FieldStart, "Date de vacance du poste": FieldStart, "Date d’entrée en fonction": FieldStart,
	"Début de mission": FieldStart, "Date de début de mission": FieldStart, "Date de début du contrat": FieldStart,
	"Date d’embauche": FieldStart, "Date de recrutement": FieldStart, "Poste à pourvoir à compter du": FieldStart,
	"Poste à pourvoir au": FieldStart, "Date de prise de poste souhaitée": FieldStart,
	"Date de prise de fonction souhaitée": FieldStart, "Début du contrat": FieldStart, "Date d’effet": FieldStart,
	"Date de prise de fonctions": FieldStart, "Prise de fonctions": FieldStart, "Date de début de contrat": FieldStart,
	"Poste vacant à compter du": FieldStart, "Remplacement souhaité à compter du": FieldStart,
	"Date prévue du recrutement": FieldStart, "Date prévue de recrutement": FieldStart, "Date prévisionnelle de recrutement": FieldStart,
	"Date prévue de prise de poste": FieldStart, "Date prévisionnelle de prise de poste": FieldStart,
	"Date de début souhaitée": FieldStart, "Date de prise de poste prévue": FieldStart, "Date d’arrivée": FieldStart,
	"Date prévisible de la vacance d’emploi": FieldStart, "Date prévisible de vacance": FieldStart,
	"Date prévisionnelle de vacance": FieldStart, "Date prévisible de la vacance": FieldStart, "Poste vacant au": FieldStart, "Poste vacant le": FieldStart, "Poste vacant": FieldStart,
	"Statut du poste": FieldStart, "Vacance": FieldStart, "Disponibilité du poste": FieldStart, "Vacance du poste": FieldStart,

	"Catégorie": FieldCategory, "Catégorie statutaire": FieldCategory, "Catégorie d’emploi": FieldCategory,
	"Catégorie hiérarchique": FieldCategory, "Catégorie de l’emploi": FieldCategory, "Catégorie / Niveau": FieldCategory,
	"Catégorie statutaire / Corps": FieldCategory, "Catégorie / Corps": FieldCategory, "Catégorie / Grade": FieldCategory,
	"Catégorie et corps": FieldCategory, "Catégorie statutaire / Grade": FieldCategory,

	"Durée de résidence exigée": FieldExtra, "Motif de vacance du poste": FieldExtra, "Motif de vacance": FieldExtra,
	"Nombre de postes": FieldExtra, "Nombre de poste": FieldExtra, "Ouvert aux contractuels": FieldExtra,
	"Emploi RESPNC": FieldExtra, "Rémunération": FieldExtra, "Salaire": FieldExtra,
	"Niveau de diplôme": FieldExtra, "Expérience": FieldExtra, "Télétravail": FieldExtra, "Contact": FieldExtra,
	"Poste ouvert aux contractuels": FieldExtra, "Permis": FieldExtra, "Cadre d’emplois ouvert": FieldExtra,
	"Traitement": FieldExtra, "Avantages": FieldExtra, "Télétravail possible": FieldExtra, "Management": FieldExtra,
	"Encadrement": FieldExtra, "Nombre d’agents encadrés": FieldExtra, "Versant": FieldExtra, "Niveau d’études": FieldExtra,
	"Diplôme requis": FieldExtra, "Expérience souhaitée": FieldExtra, "Durée du contrat": FieldExtra,
	"Durée de la mission": FieldExtra, "Personne à contacter": FieldExtra, "Téléphone": FieldExtra, "Courriel": FieldExtra,
	"Adresse e-mail": FieldExtra, "Site internet": FieldExtra, "Lien de candidature": FieldExtra, "Pièces à fournir": FieldExtra,
	"Conditions particulières": FieldExtra, "Motif du recrutement": FieldExtra, "Secteur géographique": FieldExtra,
	"Département de travail": FieldExtra, "Région": FieldExtra, "Pays": FieldExtra, "Zone géographique": FieldExtra,
	"Domaine fonctionnel": FieldExtra, "Emploi-type": FieldExtra, "Emploi type": FieldExtra, "Spécialité": FieldExtra,
	"Date de l’entretien": FieldExtra, "Date des entretiens": FieldExtra, "Ouvert aux": FieldExtra, "Public concerné": FieldExtra,
	"Téléphone collectivité": FieldExtra, "Horaires": FieldExtra, "Horaires de travail": FieldExtra, "Logement": FieldExtra,
	"Emploi ouvert aux contractuels": FieldExtra, "Ouvert aux agents contractuels": FieldExtra, "Durée": FieldExtra,
	"Niveau d’expérience": FieldExtra, "Niveau requis": FieldExtra, "Vacance d’emploi": FieldExtra, "E-mail": FieldExtra,
	"Rémunération indicative": FieldExtra, "Rémunération et avantages": FieldExtra, "Rythme de travail": FieldExtra,

	"Descriptif de l’emploi": FieldSection, "Missions / conditions d’exercice": FieldSection,
	"Missions": FieldSection, "Profil recherché": FieldSection, "Profils recherchés": FieldSection,
	"Profil du candidat": FieldSection, "Informations complémentaires": FieldSection,
	"Travailleurs handicapés": FieldSection, "Conditions d’exercice": FieldSection, "Descriptif du poste": FieldSection,
	"Missions principales": FieldSection, "Activités": FieldSection, "Compétences": FieldSection,
	"Candidature": FieldSection, "Pour postuler": FieldSection, "Modalités de candidature": FieldSection,
	"Description du poste": FieldSection, "Description de l’employeur": FieldSection, "Présentation de l’employeur": FieldSection,
	"Présentation de la collectivité": FieldSection, "Présentation du service": FieldSection, "Contexte": FieldSection,
	"Contexte du poste": FieldSection, "Environnement du poste": FieldSection, "Vos missions": FieldSection,
	"Missions et activités": FieldSection, "Activités principales": FieldSection, "Profil": FieldSection,
	"Profil souhaité": FieldSection, "Compétences requises": FieldSection, "Savoir-faire": FieldSection,
	"Savoir-être": FieldSection, "Qualités requises": FieldSection, "Conditions de travail": FieldSection,
	"Conditions d’emploi": FieldSection, "Comment postuler": FieldSection, "Pour candidater": FieldSection,
	"Dossier de candidature": FieldSection, "Contact et informations complémentaires": FieldSection,
	"Descriptif de l’employeur": FieldSection, "Qui sommes-nous": FieldSection, "Le poste": FieldSection,
	"Votre profil": FieldSection, "Nous vous offrons": FieldSection, "Spécificités du poste": FieldSection,
	"Description du profil recherché": FieldSection, "Descriptif du profil recherché": FieldSection,
	"Présentation": FieldSection, "Activités et tâches": FieldSection, "Missions du poste": FieldSection,
	"Descriptif des missions": FieldSection, "Description des missions": FieldSection, "Profil attendu": FieldSection,
	"Connaissances": FieldSection, "Aptitudes": FieldSection, "Qualifications": FieldSection, "Éléments de candidature": FieldSection,
	"Modalités de recrutement": FieldSection, "Candidatures": FieldSection, "Environnement de travail": FieldSection,
	"Contraintes du poste": FieldSection, "Sujétions particulières": FieldSection, "Conditions et contraintes d’exercice": FieldSection,

	"Synthèse de l’offre": FieldHeading, "Détails de l’offre": FieldHeading, "Localisation du lieu de travail": FieldHeading,
	"Informations générales": FieldHeading, "Caractéristiques du poste": FieldHeading, "Informations sur le poste": FieldHeading,
	"En bref": FieldHeading, "Résumé de l’offre": FieldHeading, "Informations clés": FieldHeading, "Détail de l’offre": FieldHeading,
}

// prefixLabels are labels followed by qualifiers that vary from offer to
// offer ("Durée de résidence exigée pour le recrutement sur titre (1)").
var prefixLabels = []string{"Durée de résidence exigée"}

// inlineLabels may be followed by their value without a colon, on the same
// line, in layout b ("Offre n° O037240201370133", "Publiée le 28/02/2024").
var inlineLabels = []string{"Offre n°", "Publiée le", "Publié le", "Mise en ligne le", "Mis en ligne le", "Diffusée le", "Offre publiée le", "En ligne depuis le", "NOR", "Réf.", "Poste à pourvoir"}

// weakLabels name a field less precisely than others of its family: the
// ministry an employer belongs to, the general nature of a post. A value
// read under one gives way, silently, to one read under a precise label
// ("Organisme de rattachement : Ministère de l'Intérieur", then
// "Employeur : Préfecture du Calvados").
var weakLabels = []string{"Organisme de rattachement", "Ministère", "Administration", "Ministère / Établissement",
	"Nature de l’emploi", "Statut", "Établissement de rattachement", "Corps de rattachement", "Pôle"}

type labelInfo struct {
	field Field
	name  string // the label as written in the table, for display
	weak  bool
}

var labelTable = func() map[string]labelInfo {
	m := make(map[string]labelInfo, len(labels))
	for k, f := range labels {
		m[labelKey(k)] = labelInfo{field: f, name: k}
	}
	for _, k := range weakLabels {
		li := m[labelKey(k)]
		li.weak = true
		m[labelKey(k)] = li
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
	return foldedKey(Fold(s))
}

// foldedKey is labelKey of a text f already folded.
func foldedKey(f string) string {
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
			return labelInfo{field: FieldExtra, name: prefixLabels[i]}, true
		}
	}
	// A qualifier in parentheses after a known label: "Date limite de
	// candidature (à minuit)", "(inclus)", "(cachet de la poste faisant
	// foi)".
	if strings.HasSuffix(k, ")") {
		if i := strings.LastIndexByte(k, '('); i > 0 {
			if li, ok := labelTable[strings.TrimSuffix(strings.TrimSpace(k[:i]), "s")]; ok && li.field != FieldExtra {
				return li, true
			}
		}
	}
	return labelInfo{}, false
}

// lineKeys are the lines of one file with their label keys, each folded
// once and only when asked for: the layout's detection, the reader and
// layout b's body all ask whether the same short line is a label, and
// folding every line three times was a fifth of extraction.
type lineKeys struct {
	lines []string
	keys  []lineKey
	// folded holds the lines folded, one after the other: the keys are
	// cut from it rather than each folded into a string of its own.
	// Bytes once written are never written again, so the keys stay as
	// they were when it grows into a new array.
	folded *[]byte
}

type lineKey struct {
	key  string
	done bool
	// What the text before the line's colon is, for a line read as
	// "Label : value".
	colon             labelInfo
	colonKnown, split bool
}

func newLineKeys(lines []string) lineKeys {
	return lineKeys{lines: lines, keys: make([]lineKey, len(lines)), folded: new([]byte)}
}

// from is the view of the lines from i on, sharing the keys folded.
func (c lineKeys) from(i int) lineKeys {
	return lineKeys{lines: c.lines[i:], keys: c.keys[i:], folded: c.folded}
}

// key is labelKey of line i trimmed. Callers ask only for lines of at
// most maxLabelLen bytes, as lookupLabel would.
func (c lineKeys) key(i int) string {
	k := &c.keys[i]
	if !k.done {
		if *c.folded == nil {
			// Room for the lines that may be keys, folding seldom
			// lengthens text: one array for the file, most often.
			n := 0
			for _, l := range c.lines {
				if len(l) <= maxLabelLen {
					n += len(l)
				}
			}
			*c.folded = make([]byte, 0, n+n/8)
		}
		start := len(*c.folded)
		*c.folded = appendFold(*c.folded, strings.TrimSpace(c.lines[i]))
		f := (*c.folded)[start:]
		k.key, k.done = foldedKey(unsafe.String(unsafe.SliceData(f), len(f))), true
	}
	return k.key
}

// lookup is lookupLabel of line i trimmed.
func (c lineKeys) lookup(i int) (labelInfo, bool) {
	if len(strings.TrimSpace(c.lines[i])) > maxLabelLen {
		return labelInfo{}, false
	}
	return lookupKey(c.key(i))
}

// lookupShort is lookupShort of line i trimmed.
func (c lineKeys) lookupShort(i, n int) (labelInfo, bool) {
	if len(strings.TrimSpace(c.lines[i])) >= n {
		return labelInfo{}, false
	}
	return c.lookup(i)
}

// lookupColon is lookupLabel(label), where label is what splitLabel
// found before the colon of line i trimmed: in the first lines, the
// layout's detection asks, then the reader.
func (c lineKeys) lookupColon(i int, label string) (labelInfo, bool) {
	k := &c.keys[i]
	if !k.split {
		k.colon, k.colonKnown = lookupLabel(label)
		k.split = true
	}
	return k.colon, k.colonKnown
}
