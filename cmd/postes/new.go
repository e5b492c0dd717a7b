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
	"postes/generator/pipeline"
	"postes/generator/site"
)

// newFields are the labelled lines postes new writes, in layout a, each
// with the field whose default fills it in.
var newFields = []struct {
	label string
	field offer.Field
}{
	{"Référence", offer.FieldReference},
	{"Employeur", offer.FieldEmployer},
	{"Lieu de travail", offer.FieldLocation},
	{"Corps ou Cadre d’emploi / Domaine", offer.FieldGrades},
	{"Direction", offer.FieldDirection},
	{"Type d’emploi", offer.FieldContract},
	{"Temps de travail", offer.FieldWorkingTime},
	{"Poste à pourvoir", offer.FieldStart},
}

// newBody is the description postes new writes: each part to write is a
// placeholder, warned until it is replaced. How to apply is a part of its
// own, "Dossier de candidature": the page's apply box already says "Pour
// postuler" and lists the addresses this part gives.
const newBody = `# Détails de l’offre

[à compléter : présentez la collectivité et le service]

# Missions

- [à compléter]

# Profil recherché

- [à compléter]

# Dossier de candidature

Lettre de motivation et CV à envoyer à [à compléter : adresse e-mail ou postale].
`

// cmdNew writes a new offer file named from its title and never
// overwrites. The file builds as it is: what is left to write is
// "[à compléter]", one warning; the board's defaults are filled in.
func cmdNew(args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("postes new", flag.ContinueOnError)
	fset.SetOutput(stderr)
	source := fset.String("source", ".", "site root")
	if err := parse(fset, args, stdout); err != nil {
		return err
	}
	if fset.NArg() != 1 || strings.TrimSpace(fset.Arg(0)) == "" {
		fmt.Fprintln(stderr, `usage: postes new [--source DIR] "Intitulé du poste"`)
		return errUsage
	}
	title := strings.Join(strings.Fields(fset.Arg(0)), " ")
	if err := isBoard(*source); err != nil {
		return err
	}
	cfg, err := pipeline.LoadConfig(*source)
	if err != nil {
		return err
	}
	lang := message.LangOf(cfg.Language)
	name := site.Slug(title, 80)
	if name == "" {
		name = "offre"
	}
	dir := filepath.Join(*source, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	defs := cfg.OfferDefaults()
	if data, err := os.ReadFile(filepath.Join(dir, "_defaults.toml")); err == nil {
		defs, _ = offer.ParseDefaults("content/_defaults.toml", string(data), defs) // its problems are said by check
	}
	path := filepath.Join(dir, name+".txt")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return sayError{say(lang, message.NewExists, "path", path)}
	}
	if err != nil {
		return err
	}
	today := offer.DateOf(time.Now().In(cfg.Location()))
	_, err = io.WriteString(f, newOffer(title, defs, today))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return err
	}
	fmt.Fprintln(stdout, say(lang, message.NewWritten, "path", path))
	return nil
}

// newOffer is the text of a new offer: its title, the labels with the
// defaults' values or placeholders, today as the posting date, and the
// description to write.
func newOffer(title string, defs *offer.Defaults, today offer.Date) string {
	var b strings.Builder
	b.WriteString("# " + title + "\n\n")
	for _, nf := range newFields {
		v := defs.Text(nf.field)
		if v == "" {
			v = offer.Placeholder
		}
		b.WriteString(nf.label + " : " + v + "\n")
	}
	if c := defs.Text(offer.FieldCategory); c != "" {
		b.WriteString("Catégorie : " + c + "\n")
	}
	if fam := defs.Text(offer.FieldFamily); fam != "" {
		b.WriteString("Famille de métiers : " + fam + "\n")
	}
	b.WriteString("Date de dépôt de l’offre : " + today.Short() + "\n")
	deadline := defs.Text(offer.FieldDeadline)
	if deadline == "" {
		deadline = offer.Placeholder
	}
	b.WriteString("Date limite de candidature : " + deadline + "\n\n")
	b.WriteString(newBody)
	return b.String()
}
