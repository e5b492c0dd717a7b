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

	"postes/generator/offer"
	"postes/generator/pipeline"
	"postes/generator/site"
)

// newTemplate is an offer in layout a with every label to fill in.
const newTemplate = `# %s

Référence : 
Employeur : 
Corps ou Cadre d’emploi / Domaine : 
Direction : 
Lieu de travail : 
Poste à pourvoir : 
Date de dépôt de l’offre : %s
Date limite de candidature : 

# Détails de l’offre

Présentez la collectivité et le service.

# Missions

- 

# Profil du candidat

- 

# Pour postuler

Candidatures (lettre et CV) à envoyer à …
`

// cmdNew writes a new offer file named from its title and never overwrites.
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
	title := strings.TrimSpace(fset.Arg(0))
	cfg, err := pipeline.LoadConfig(*source)
	if err != nil {
		return err
	}
	name := site.Slug(title, 80)
	if name == "" {
		name = "offre"
	}
	dir := filepath.Join(*source, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(dir, name+".txt")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; not overwritten (edit it, or choose another title)", path)
	}
	if err != nil {
		return err
	}
	today := offer.DateOf(time.Now().In(cfg.Location()))
	_, err = fmt.Fprintf(f, newTemplate, title, today.Short())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return err
	}
	fmt.Fprintln(stdout, path)
	return nil
}
