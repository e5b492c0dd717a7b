package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"postes/generator/message"
	"postes/generator/offer"
)

// cmdInit writes a new board in a folder: config.toml with every key
// explained, content/ with an example offer in each layout, a .gitignore
// and a CI workflow that checks the offers on every push and builds the
// board every night. It writes nothing over an existing file.
func cmdInit(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("postes init", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "usage: postes init [DIR]\n\nWrites a new board in DIR (default: the current folder): config.toml, content/ with two example offers, .gitignore, .github/workflows/postes.yml.")
	}
	if err := parse(fset, args, stdout); err != nil {
		return err
	}
	if fset.NArg() > 1 {
		fset.Usage()
		return errUsage
	}
	dir := "."
	if fset.NArg() == 1 {
		dir = fset.Arg(0)
	}
	lang := message.French // the default board's language, which config.toml below sets
	files := initFiles(offer.DateOf(time.Now().In(parisOr(time.Local))))
	var there []string
	for _, f := range files {
		top := strings.SplitN(f.path, "/", 2)[0]
		if _, err := os.Lstat(filepath.Join(dir, top)); err == nil && top != ".github" {
			there = appendOnce(there, top)
		} else if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f.path))); err == nil {
			there = appendOnce(there, f.path)
		}
	}
	if len(there) > 0 {
		return sayError{say(lang, message.InitNotEmpty, "dir", shown(dir), "what", message.Quoted(there))}
	}
	var written []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := writeNew(p, f.text); err != nil {
			return err
		}
		written = append(written, f.path)
	}
	fmt.Fprintln(stdout, say(lang, message.InitWritten, "dir", shown(dir), "files", strings.Join(written, ", ")))
	if dir == "." {
		fmt.Fprintln(stdout, say(lang, message.InitNextHere))
	} else {
		fmt.Fprintln(stdout, say(lang, message.InitNext, "dir", dir))
	}
	return nil
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// parisOr is the default board's time zone, or loc where the system has
// no zone database (time/tzdata is linked in: it always has).
func parisOr(loc *time.Location) *time.Location {
	if l, err := time.LoadLocation("Europe/Paris"); err == nil {
		return l
	}
	return loc
}

// writeNew writes a file that must not exist yet.
func writeNew(path, text string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err != nil {
		return err
	}
	_, err = io.WriteString(f, text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

type initFile struct{ path, text string }

// initFiles are the files of a new board made on day today: its example
// offers are posted that day and open for a month.
func initFiles(today offer.Date) []initFile {
	deadline := today.AddDays(30)
	num := func(d offer.Date) string { return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year) }
	r := strings.NewReplacer("{posted}", today.Short(), "{posted-num}", num(today), "{deadline}", deadline.Long(), "{deadline-num}", num(deadline))
	return []initFile{
		{"config.toml", initConfig},
		{"content/exemple-agent-accueil.txt", r.Replace(initLayoutA)},
		{"content/exemple-technicien-espaces-verts.txt", r.Replace(initLayoutB)},
		{".gitignore", initGitignore},
		{".github/workflows/postes.yml", initWorkflow},
	}
}

// initConfig explains every key of config.toml (see the README's table
// and generator/pipeline/config.go), with its default value.
const initConfig = `# Réglages du site d’offres d’emploi (postes). Chaque clé est facultative :
# la valeur écrite ici est celle par défaut, sauf base_url. Le README
# (section « Configuration ») les décrit toutes.

# Nom du site, en titre de chaque page et de chaque flux.
title = "Offres d’emploi"

# Une phrase qui présente le site, pour les flux et les moteurs de recherche.
description = "Les offres d’emploi publiées par les employeurs publics."

# L’adresse où le site sera publié, avec la barre finale ; elle peut
# comporter un chemin (https://example.org/emplois/). Sans elle, les flux
# RSS, les liens canoniques et le plan du site pointent vers
# http://localhost:1313/ et postes build le signale.
# base_url = "https://emplois.example.org/"

# Langue des pages, des flux et des messages de postes : "fr" (messages en
# français) ou une autre langue (messages en anglais).
language = "fr"

# Fuseau horaire où les candidatures ferment (à minuit) : "Europe/Paris",
# "Pacific/Noumea", "Pacific/Tahiti", "Indian/Reunion"…
time_zone = "Europe/Paris"

# Dossier où le site est construit, relatif à ce dossier-ci ou absolu.
output = "public"

# Nombre d’offres par flux RSS (0 : toutes les offres ouvertes).
feed_length = 50

# Code ISO 3166 du pays des employeurs, pour les moteurs de recherche
# ("FR", "NC", "PF"…) ; [countries] plus bas le change par employeur.
country = "FR"

# Rappel dans les calendriers, autant de jours avant chaque date limite
# (0 : aucun).
reminder_days = 3

# Une offre sans date limite ferme ce nombre de jours après sa date de dépôt.
max_open_days = 60

# Nombre d’offres ouvertes listées par page d’un lieu, d’un grade… (les
# plus proches de leur date limite d’abord ; 0 : toutes). La recherche de
# la page trouve les autres.
list_length = 200

# Noms d’un même employeur : "nom tel qu’écrit" = "nom sous lequel le classer".
[aliases]
# "Ville de Démoville" = "Commune de Démoville"

# Pays d’un employeur hors de country.
[countries]
# "Mairie de Nouméa" = "NC"

# Champs que prend toute offre qui ne les donne pas : pour un site d’un seul
# employeur. Un dossier de content/ peut avoir les siens dans un fichier
# _defaults.toml. Clés : employer, location, grades, category, direction,
# family, working_time, contract, reference, posted, deadline, start.
[defaults]
# employer = "Commune de Démoville"
# location = "Démoville"

# Lieux que la liste des communes ne connaît pas : "lieu" = "commune" (une
# tribu, un quartier : "Tiéta" = "Voh") ou "lieu" = "code du département"
# (une commune propre au site). Démoville est la commune imaginaire des
# offres d’exemple : supprimez cette ligne avec elles.
[places]
"Démoville" = "01"

# Catégorie d’un grade que postes ne connaît pas, ou dont il ne connaît pas
# la catégorie : "grade tel qu’écrit" = "catégorie" (sans avertissement).
[grades]
# "Ingénieur 2ème grade" = "A"
`

// initLayoutA is an example offer in layout a: "# Title", labelled lines,
// then the description in Markdown.
const initLayoutA = `# Agent ou agente d’accueil (offre d’exemple)

Référence : EXEMPLE-001
Employeur : Commune de Démoville
Lieu de travail : Démoville
Corps ou Cadre d’emploi / Domaine : Adjoint administratif
Type d’emploi : Emploi permanent
Temps de travail : Temps complet
Poste à pourvoir : Dès que possible
Date de dépôt de l’offre : {posted}
Date limite de candidature : {deadline}

# Détails de l’offre

Cette offre est un exemple écrit par postes init, dans la première des deux
présentations que postes lit : l’intitulé après « # », un champ par ligne
« Label : valeur », puis la description. Remplacez-la par vos offres, ou
supprimez-la.

La commune imaginaire de Démoville accueille ses habitants à l’hôtel de ville.

# Missions

- Accueillir et orienter le public, à l’accueil et au téléphone ;
- Tenir l’agenda des salles municipales ;
- Enregistrer le courrier.

# Profil recherché

- Sens du service public et de l’écoute ;
- Maîtrise des outils bureautiques.

# Dossier de candidature

Lettre de motivation et CV à envoyer à recrutement@demoville.example avant la date limite.
`

// initLayoutB is an example offer in layout b: the title on the first
// line, each label alone on its line with its value below it.
const initLayoutB = `Technicien ou technicienne des espaces verts (offre d’exemple)

Offre n° EXEMPLE-002
Publiée le {posted-num}

Employeur
COMMUNE DE DÉMOVILLE
Hôtel de ville
Lieu de travail
Démoville
Date limite de candidature
{deadline-num}
Grade(s) recherché(s)
Technicien
Agent de maîtrise
Type d’emploi
Emploi permanent
Temps de travail
Temps complet

Descriptif de l’emploi
Cette offre est un exemple écrit par postes init, dans la seconde présentation que postes lit : l’intitulé en première ligne, chaque label seul sur sa ligne et sa valeur en dessous. Remplacez-la par vos offres, ou supprimez-la.

Missions
- Organiser l’entretien des parcs et jardins de la commune ;
- Encadrer une équipe de quatre agents ;
- Suivre les marchés de plantation.

Profils recherchés
- Diplôme en aménagement paysager ;
- Permis B.

Informations complémentaires
Lettre de motivation et CV à envoyer à recrutement@demoville.example avant la date limite.
`

const initGitignore = `# Ce que postes écrit : le site construit et ses caches.
/public/
/.postes/
.*.postes-cache.json
.*.postes-offers.gob
`

// initWorkflow checks the offers on every push and builds the board
// every night (offers close with the date), for GitHub Actions and
// GitHub Pages.
const initWorkflow = `# Vérifie les offres à chaque envoi (push) et reconstruit le site chaque
# nuit : les offres ferment avec la date, et un site construit la veille
# afficherait encore celles qui ont fermé à minuit. Le site est publié sur
# GitHub Pages (Settings > Pages > Source : GitHub Actions).
#
# postes est compilé depuis son dépôt : donnez-le dans la variable
# POSTES_REPOSITORY du dépôt (Settings > Secrets and variables > Actions >
# Variables), sous la forme propriétaire/nom.
name: postes

on:
  push:
  pull_request:
  workflow_dispatch:
  schedule:
    # GitHub compte en UTC : 23 h 05 et 22 h 05 UTC tombent juste après
    # minuit à Paris, l’hiver et l’été. Pour Nouméa (UTC+11) : "5 13 * * *".
    - cron: "5 23 * * *"
    - cron: "5 22 * * *"

permissions:
  contents: read

jobs:
  check:
    if: github.event_name == 'push' || github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/checkout@v4
        with:
          repository: ${{ vars.POSTES_REPOSITORY }}
          path: .postes/src
      - uses: actions/setup-go@v5
        with:
          go-version: stable
          cache: false
      - name: Compiler postes
        run: |
          (cd .postes/src && go build -o ../bin/postes ./cmd/postes)
          echo "$GITHUB_WORKSPACE/.postes/bin" >> "$GITHUB_PATH"
      - name: Vérifier les offres
        # 1 : des avertissements, 2 : des erreurs ; chacun nommé avec sa ligne.
        run: postes check

  build:
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch' || (github.event_name == 'push' && github.ref == 'refs/heads/main')
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/checkout@v4
        with:
          repository: ${{ vars.POSTES_REPOSITORY }}
          path: .postes/src
      - uses: actions/setup-go@v5
        with:
          go-version: stable
          cache: false
      - name: Compiler postes
        run: |
          (cd .postes/src && go build -o ../bin/postes ./cmd/postes)
          echo "$GITHUB_WORKSPACE/.postes/bin" >> "$GITHUB_PATH"
      - name: Construire le site
        # --strict : au moindre avertissement, rien n’est publié et le job
        # échoue (base_url manquante dans config.toml, par exemple) ;
        # retirez-le pour publier malgré les avertissements.
        run: postes build --strict
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`
