package offer

import (
	"strings"
	"testing"

	"postes/generator/content"
)

// TestExtractRefusesOversizedFields: a field past what a real offer
// writes is an error at its line and the offer is not published (its
// page, feeds and grade pages would grow with it).
func TestExtractRefusesOversizedFields(t *testing.T) {
	const tail = "Date limite de candidature : 15/01/2027\nLieu de travail : Dijon\n\n# Missions\n\nTexte.\n"
	grades := strings.Repeat("Ingénieur en chef, Technicien principal de 1re classe, Adjoint technique, Agent de maîtrise, ", 20)
	for _, tt := range []struct {
		name string
		text string
		line int
		msg  string
	}{
		{"title", "# " + strings.Repeat("Gestionnaire ", 60) + "\n\nEmployeur : Mairie de Dijon\n" + tail, 1, `"Intitulé du poste" of 779 characters; a field holds at most 500`},
		{"employer", "# Gestionnaire\n\nEmployeur : " + strings.Repeat("Mairie ", 100) + "\n" + tail, 3, `"Employeur" of 699 characters`},
		{"grade_line", "# Gestionnaire\n\nEmployeur : Mairie de Dijon\nGrade : " + grades + "\n" + tail, 4, "grade line of 1859 characters"},
		{"extra", "# Gestionnaire\n\nEmployeur : Mairie de Dijon\nRémunération : " + strings.Repeat("selon grille ", 200) + "\n" + tail, 4, `"Rémunération" of 2599 characters`},
		{"grades", "# Gestionnaire\n\nEmployeur : Mairie de Dijon\nGrade : " + gradeList(26) + "\n" + tail, 4, "26 grades; an offer names at most 24"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o, diags := extract(t, "offre.txt", tt.text)
			if o != nil {
				t.Errorf("published an offer with an oversized %s", tt.name)
			}
			found := false
			for _, d := range diags {
				found = found || (d.Severity == content.Error && d.Pos.Line == tt.line && strings.Contains(d.Msg, tt.msg))
			}
			if !found {
				t.Errorf("no error at line %d saying %q:\n%v", tt.line, tt.msg, diags)
			}
		})
	}
}

// gradeList names n distinct grades the table knows.
func gradeList(n int) string {
	base := []string{"Attaché", "Rédacteur", "Adjoint administratif", "Ingénieur", "Technicien", "Adjoint technique",
		"Agent de maîtrise", "Animateur", "Adjoint d'animation", "Éducateur des activités physiques et sportives"}
	classes := []string{"", " principal de 2e classe", " principal de 1re classe"}
	var out []string
	for _, c := range classes {
		for _, b := range base {
			out = append(out, b+c)
		}
	}
	return strings.Join(out[:n], ", ")
}
