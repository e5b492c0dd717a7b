package offer

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"postes/generator/content"
)

// extract decodes text as content.ReadFile would and extracts it. Decoding
// errors are returned with Extract's diagnostics, as build does.
func extract(t *testing.T, path, text string) (*Offer, content.List) {
	t.Helper()
	src, diags := content.Decode(path, []byte(text))
	if src == nil {
		t.Fatalf("decode: %v", diags)
	}
	o, d := Extract(src)
	return o, append(diags, d...)
}

// wantDiag is one expected diagnostic: its line, severity and a part of its
// message.
type wantDiag struct {
	Line int
	Sev  content.Severity
	Msg  string
}

func (w wantDiag) String() string { return fmt.Sprintf("%d: %v: …%s…", w.Line, w.Sev, w.Msg) }

// checkDiags requires exactly the diagnostics in want, in line order, each
// naming path.
const noPlaceMsg = "no place of work"

func checkDiags(t *testing.T, path string, got content.List, want []wantDiag) {
	t.Helper()
	got.Sort()
	// Most fixtures are about something else than the place, and name
	// none: the "no place of work" warning counts only where a test
	// expects it (TestExtractPlaceMissing).
	expectsNoPlace := false
	for _, w := range want {
		expectsNoPlace = expectsNoPlace || strings.Contains(w.Msg, noPlaceMsg)
	}
	if !expectsNoPlace {
		var kept content.List
		for _, d := range got {
			if !strings.Contains(d.Msg, noPlaceMsg) {
				kept = append(kept, d)
			}
		}
		got = kept
	}
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		g, w := got[i], want[i]
		ok = g.Pos.Path == path && g.Pos.Line == w.Line && g.Severity == w.Sev && strings.Contains(g.Msg, w.Msg)
	}
	if !ok {
		t.Errorf("diagnostics:\n%v\nwant:\n%v", got, want)
	}
}

// fields is what most tests compare of an Offer.
type fields struct {
	Layout                               string
	Title, Employer, Reference, Location string
	Direction, Family, WorkingTime       string
	Contract                             string
	Grades, Address                      []string
	Posted, Deadline, Start              string
	StartASAP, Expired, Draft            bool
	Extras                               []Extra
}

func fieldsOf(o *Offer) fields {
	return fields{
		Layout: strings.Trim(string(o.Layout), "\x00"), Title: o.Title, Employer: o.EmployerName, Reference: o.Reference,
		Location: o.Location, Direction: o.Direction, Family: o.Family, WorkingTime: o.WorkingTime,
		Contract: o.Contract, Grades: gradeTexts(o.Grades), Address: o.Address,
		Posted: o.Posted.String(), Deadline: o.Deadline.String(), Start: o.Start.String(),
		StartASAP: o.StartASAP, Expired: o.Expired, Draft: o.Draft, Extras: o.Extras,
	}
}

// body is a description, so that tests do not all warn about an empty one.
const body = "\n## Missions\n\nAccueillir le public.\n"

func TestExtract(t *testing.T) {
	tests := []struct {
		name  string
		path  string
		text  string
		want  fields
		diags []wantDiag
		lines map[Field]int // Offer.Lines to check
	}{
		{
			name:  "layout_a_minimal",
			path:  "b/layout-b.txt", // names and folders play no part
			text:  "# Agent d'accueil\n\nEmployeur : Mairie de Tours\n\nDate limite de candidature : 29/08/2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent d'accueil", Employer: "Mairie de Tours", Location: "Tours", Deadline: "2025-08-29"},
			lines: map[Field]int{FieldTitle: 1, FieldEmployer: 3, FieldDeadline: 5},
		},
		{
			name: "layout_a_without_blank_lines_or_heading",
			path: "offre.txt",
			text: "Agent d'accueil\nEmployeur : Mairie de Tours\nLieu de travail : Tours\nDate limite de candidature : 29/08/2025\n" + body,
			want: fields{Layout: "a", Title: "Agent d'accueil", Employer: "Mairie de Tours", Location: "Tours", Deadline: "2025-08-29"},
		},
		{
			name:  "layout_b_minimal",
			path:  "a/layout-a.txt",
			text:  "Agent d'accueil\n\nEmployeur\nMAIRIE DE TOURS\nLieu de travail\nTOURS\nDate limite de candidature\n29/08/2025\nDescriptif de l'emploi\nAccueillir le public.\n",
			want:  fields{Layout: "b", Title: "Agent d'accueil", Employer: "Mairie de Tours", Location: "Tours", Deadline: "2025-08-29"},
			lines: map[Field]int{FieldTitle: 1, FieldEmployer: 4, FieldLocation: 6, FieldDeadline: 8},
		},
		{
			// A template whose labels are still empty is layout a, not b.
			name: "layout_a_template_with_empty_labels",
			path: "offre.txt",
			text: "# Agent\nEmployeur : Mairie\nLieu de travail :\nDate limite de candidature :\nType d'emploi :\nPubliée le : 01/09/2025\n" + body,
			want: fields{Layout: "a", Title: "Agent", Employer: "Mairie", Posted: "2025-09-01"},
			diags: []wantDiag{
				{3, content.Warning, `label "Lieu de travail" has no value`},
				{4, content.Warning, `label "Date limite de candidature" has no value`},
				{4, content.Warning, "no deadline: expected a line"},
				{5, content.Warning, `label "Type d'emploi" has no value`},
			},
		},
		{
			name:  "province_sud_heading_is_not_the_title",
			path:  "offre.txt",
			text:  "PROVINCE SUD\n\nChargé de la gestion des commissions\n\nEmployeur : Province Sud\n\nDate limite de candidature : vendredi 06 juin 2025\n" + body,
			want:  fields{Layout: "a", Title: "Chargé de la gestion des commissions", Employer: "Province Sud", Deadline: "2025-06-06"},
			lines: map[Field]int{FieldTitle: 3},
			// A title that is not the file's first line is a guess.
			diags: []wantDiag{{3, content.Warning, `title read from line 3, "Chargé de la gestion des commissions" (the lines before it read as a banner: "PROVINCE SUD")`}},
		},
		{
			name: "province_sud_heading_after_title_is_dropped",
			path: "offre.txt",
			text: "# Chargé de la gestion des commissions\n\nPROVINCE SUD\n\nEmployeur : Province Sud\n\nDate limite de candidature : vendredi 06 juin 2025\n" + body,
			want: fields{Layout: "a", Title: "Chargé de la gestion des commissions", Employer: "Province Sud", Deadline: "2025-06-06"},
		},
		{
			name:  "standalone_direction_line",
			path:  "offre.txt",
			text:  "# Chargé de mission\n\nEmployeur : Province Sud\n\nDirection de l'Emploi et du Logement\n\nDate limite de candidature : 06/06/2025\n" + body,
			want:  fields{Layout: "a", Title: "Chargé de mission", Employer: "Province Sud", Direction: "Direction de l'Emploi et du Logement", Deadline: "2025-06-06"},
			lines: map[Field]int{FieldDirection: 5},
		},
		{
			name:  "unknown_label_warns_and_is_kept",
			path:  "offres/x.txt",
			text:  "# Agent\nEmployeur : Mairie\nRestauration collective : tickets restaurant\nDate limite de candidature : 29/08/2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29", Extras: []Extra{{"Restauration collective", "tickets restaurant"}}},
			diags: []wantDiag{{3, content.Warning, `unknown label "Restauration collective"`}},
		},
		{
			name: "known_extra_label",
			path: "offre.txt",
			text: "# Agent\nEmployeur : Mairie\n**Rémunération** : selon grille\nDate limite de candidature : 29/08/2025\n" + body,
			want: fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29", Extras: []Extra{{"Rémunération", "selon grille"}}},
		},
		{
			name: "unreadable_deadline",
			path: "offre.txt",
			text: "# Agent\nEmployeur : Mairie\n\nDate limite de candidature : bientôt\n" + body,
			want: fields{Layout: "a", Title: "Agent", Employer: "Mairie"},
			// One warning: no second "no deadline" for a deadline given.
			diags: []wantDiag{{4, content.Warning, `Date limite de candidature "bientôt": cannot read a date`}},
		},
		{
			name:  "impossible_deadline",
			path:  "offre.txt",
			text:  "# Agent\nEmployeur : Mairie\nDate limite de candidature : 31 février 2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie"},
			diags: []wantDiag{{3, content.Warning, "no such day"}},
		},
		{
			name:  "deadline_weekday_mismatch",
			path:  "offre.txt",
			text:  "# Agent\nEmployeur : Mairie\nDate limite de candidature : mardi 29 août 2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29"},
			diags: []wantDiag{{3, content.Warning, "is a Friday, not a mardi"}},
		},
		{
			name:  "deadline_before_posting_date",
			path:  "offre.txt",
			text:  "# Agent\nEmployeur : Mairie\nDate de dépôt de l'offre : 10/09/2025\nDate limite de candidature : 01/09/2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie", Posted: "2025-09-10", Deadline: "2025-09-01"},
			diags: []wantDiag{{4, content.Warning, "deadline 1 September 2025 is before the posting date 10 September 2025"}},
		},
		{
			name:  "deadline_year_typo",
			path:  "offre.txt",
			text:  "# Agent\nEmployeur : Mairie\nDate de dépôt de l'offre : 10/08/2025\nDate limite de candidature : 01/09/2052\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie", Posted: "2025-08-10", Deadline: "2052-09-01"},
			diags: []wantDiag{{4, content.Warning, "more than a year after"}},
		},
		{
			name: "start_asap_and_month",
			path: "offre.txt",
			text: "# Agent\nEmployeur : Mairie\nPoste à pourvoir : dès que possible\nDate limite de candidature : 29/08/2025\n" + body,
			want: fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29", StartASAP: true},
		},
		{
			name: "start_month",
			path: "offre.txt",
			text: "# Agent\nEmployeur : Mairie\nPoste à pourvoir : Novembre 2025\nDate limite de candidature : 29/08/2025\n" + body,
			want: fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29", Start: "2025-11"},
		},
		{
			name:  "field_given_twice",
			path:  "offre.txt",
			text:  "# Agent\nEmployeur : Mairie de Tours\nLieu de travail : Tours\nCollectivité : Ville de Blois\nDate limite de candidature : 29/08/2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie de Tours", Location: "Tours", Deadline: "2025-08-29"},
			diags: []wantDiag{{4, content.Warning, `"Employeur" given twice ("Mairie de Tours" at line 2, "Ville de Blois" here)`}},
		},
		{
			name:  "missing_employer",
			path:  "offre.txt",
			text:  "# Agent\nLieu de travail : Tours\nDate limite de candidature : 29/08/2025\n" + body,
			diags: []wantDiag{{1, content.Error, "no employer"}},
		},
		{
			name:  "missing_title",
			path:  "offre.txt",
			text:  "Employeur : Mairie\nDate limite de candidature : 29/08/2025\n" + body,
			diags: []wantDiag{{1, content.Error, "no title"}},
		},
		{
			name:  "missing_both",
			path:  "offre.txt",
			text:  "Lieu de travail : Tours\n" + body,
			diags: []wantDiag{{1, content.Error, "no employer"}, {1, content.Error, "no title"}},
		},
		{
			name:  "reference_date_stands_for_posting_date",
			path:  "offre.txt",
			text:  "# Référent\n\nRéférence : 3134-25-1264/SR du 08/08/2025\n\nEmployeur : Mairie de Nouméa\n\nDate limite de candidature : 29/08/2025\n" + body,
			want:  fields{Layout: "a", Title: "Référent", Employer: "Mairie de Nouméa", Reference: "3134-25-1264/SR", Location: "Nouméa", Posted: "2025-08-08", Deadline: "2025-08-29"},
			lines: map[Field]int{FieldReference: 3, FieldPosted: 3},
		},
		{
			name:  "explicit_posting_date_wins_over_reference_date",
			path:  "offre.txt",
			text:  "# Référent\nRéférence : 3134 du 21 mars 2025\nEmployeur : Mairie\nDate de dépôt de l'offre : 24/03/2025\nDate limite de candidature : 11/04/2025\n" + body,
			want:  fields{Layout: "a", Title: "Référent", Employer: "Mairie", Reference: "3134", Posted: "2025-03-24", Deadline: "2025-04-11"},
			lines: map[Field]int{FieldPosted: 4},
		},
		{
			name: "reference_without_date",
			path: "offre.txt",
			text: "# Référent\nRéférence : 3134 du service RH\nEmployeur : Mairie\nDate limite de candidature : 11/04/2025\n" + body,
			want: fields{Layout: "a", Title: "Référent", Employer: "Mairie", Reference: "3134 du service RH", Deadline: "2025-04-11"},
		},
		{
			name: "body_starts_at_first_heading_or_list",
			path: "offre.txt",
			text: "# Agent\nEmployeur : Mairie\nDate limite de candidature : 29/08/2025\n- accueillir\n- orienter\n",
			want: fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29"},
		},
		{
			name:  "stray_line_warns",
			path:  "offre.txt",
			text:  "# Agent\nEmployeur : Mairie\nUn poste passionnant vous attend\nDate limite de candidature : 29/08/2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29"},
			diags: []wantDiag{{3, content.Warning, `line "Un poste passionnant vous attend" has no label`}},
		},
		{
			name:  "bare_lower_case_line_is_the_direction",
			path:  "offre.txt",
			text:  "# Agent\nEmployeur : Mairie\npolitique de la Ville\nDate limite de candidature : 29/08/2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29", Direction: "politique de la Ville"},
			diags: []wantDiag{{3, content.Warning, `read as the direction`}},
		},
		{
			name:  "empty_description",
			path:  "offre.txt",
			text:  "# Agent\nEmployeur : Mairie\nDate limite de candidature : 29/08/2025\n",
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29"},
			diags: []wantDiag{{1, content.Warning, "empty description"}},
		},
		{
			name: "hostile_text_kept_as_text",
			path: "offre.txt",
			text: "# <script>alert('x')</script> & \"co\"\nEmployeur : A & B ]]> <b>C</b> 'd' \"e\"\nLieu de travail : <img src=x onerror=alert(1)>\nDate limite de candidature : 29/08/2025\n" + body,
			want: fields{Layout: "a", Title: "<script>alert('x')</script> & \"co\"", Employer: "A & B ]]> <b>C</b> 'd' \"e\"",
				Location: "<img src=x onerror=alert(1)>", Deadline: "2025-08-29"},
			diags: []wantDiag{{3, content.Warning, `Lieu de travail "<img src=x onerror=alert(1)>" names no town postes knows`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, diags := extract(t, tt.path, tt.text)
			checkDiags(t, tt.path, diags, tt.diags)
			if tt.want.Title == "" {
				if o != nil {
					t.Errorf("Extract returned an offer, want nil: %+v", fieldsOf(o))
				}
				if !diags.HasErrors() {
					t.Errorf("nil offer without an error")
				}
				return
			}
			if o == nil {
				t.Fatalf("Extract returned nil: %v", diags)
			}
			if diff := cmp.Diff(tt.want, fieldsOf(o)); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
			if o.Source != tt.path {
				t.Errorf("Source = %q, want %q", o.Source, tt.path)
			}
			for f, want := range tt.lines {
				if o.Lines[f] != want {
					t.Errorf("Lines[%v] = %d, want %d", f, o.Lines[f], want)
				}
			}
		})
	}
}

// TestExtractLabelSpelling writes the employer label every way editors do:
// spaces and no-break spaces around the colon, bold, tabs, capitals.
func TestExtractLabelSpelling(t *testing.T) {
	for _, line := range []string{
		"Employeur : Mairie de Tours",
		"Employeur: Mairie de Tours",
		"Employeur :Mairie de Tours",
		"Employeur\u00a0: Mairie de Tours",
		"Employeur\u202f:\u00a0Mairie de Tours",
		"Employeur\t:\tMairie de Tours",
		"Employeur  :   Mairie de Tours  ",
		"**Employeur** : Mairie de Tours",
		"**Employeur :** Mairie de Tours",
		"**Employeur** :\u00a0Mairie de Tours",
		"__Employeur__ : Mairie de Tours",
		"EMPLOYEUR : Mairie de Tours",
		"Collectivité employeur : Mairie de Tours",
		"Collectivite : Mairie de Tours",
		"Employeur : MAIRIE DE TOURS",
		"Employeur : **Mairie de Tours**",
	} {
		t.Run(line, func(t *testing.T) {
			text := "# Agent\n" + line + "\nDate limite de candidature : 29/08/2025\n" + body
			o, diags := extract(t, "offre.txt", text)
			checkDiags(t, "offre.txt", diags, nil)
			if o == nil {
				t.Fatal("no offer")
			}
			if o.EmployerName != "Mairie de Tours" || o.Lines[FieldEmployer] != 2 || o.Layout != 'a' {
				t.Errorf("Employer = %q at line %d, layout %c; want \"Mairie de Tours\" at line 2, layout a", o.EmployerName, o.Lines[FieldEmployer], o.Layout)
			}
		})
	}
}

func TestExtractDeadlineSpelling(t *testing.T) {
	for _, line := range []string{
		"Date limite de candidature : 29/08/2025",
		"Date limite de candidature\u00a0: vendredi 29\u00a0août 2025",
		"Date limite de candidatures : 29-08-2025",
		"**Date limite de dépôt des candidatures** : 2025-08-29",
		"DATE LIMITE DE CANDIDATURE : VENDREDI 29 AOÛT 2025",
		"Date de clôture : le 29 août 2025 à midi",
		"Candidatures avant le : 29/08/25",
	} {
		t.Run(line, func(t *testing.T) {
			o, diags := extract(t, "offre.txt", "# Agent\nEmployeur : Mairie\n"+line+"\n"+body)
			checkDiags(t, "offre.txt", diags, nil)
			if o == nil || o.Deadline != (Date{2025, 8, 29}) || o.Lines[FieldDeadline] != 3 {
				t.Errorf("got %+v", o)
			}
		})
	}
}

func TestExtractFrontMatter(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  fields
		slug  string
		diags []wantDiag
		lines map[Field]int
	}{
		{
			name: "overrides_the_text",
			text: "+++\ntitle = \"Agent d'accueil (F/H)\"\nemployer = \"CCAS DE BREST\"\ndeadline = 2025-09-30\nstart = \"dès que possible\"\ngrades = [\"Adjoint administratif\", \" \", \"Rédacteur\"]\nslug = \"agent-accueil\"\n+++\n" +
				"# Agent d'accueil\nEmployeur : Mairie de Brest\nDate limite de candidature : 01/09/2025\nPoste à pourvoir : 01/10/2025\nGrade : Attaché\n" + body,
			// Front matter is taken as written: no title case.
			want: fields{Layout: "a", Title: "Agent d'accueil (F/H)", Employer: "CCAS DE BREST", Location: "Brest", Deadline: "2025-09-30", StartASAP: true,
				Grades: []string{"Adjoint administratif", "Rédacteur"}},
			diags: []wantDiag{{3, content.Warning, "no place given; filed under Brest, the town in the employer's name"}},
			slug:  "agent-accueil",
			lines: map[Field]int{FieldTitle: 2, FieldEmployer: 3, FieldDeadline: 4, FieldStart: 5, FieldGrades: 6},
		},
		{
			name:  "fills_missing_fields",
			text:  "+++\nemployer = \"Mairie de Tours\"\nposted = \"28/02/2024\"\n+++\n# Agent\nDate limite de candidature : 29/03/2024\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie de Tours", Location: "Tours", Posted: "2024-02-28", Deadline: "2024-03-29"},
			lines: map[Field]int{FieldTitle: 5, FieldEmployer: 2, FieldPosted: 3, FieldDeadline: 6},
		},
		{
			name: "local_date_and_datetime",
			text: "+++\nposted = 2024-02-28T10:00:00+11:00\ndeadline = 2024-03-29\n+++\n# Agent\nEmployeur : Mairie\n" + body,
			want: fields{Layout: "a", Title: "Agent", Employer: "Mairie", Posted: "2024-02-28", Deadline: "2024-03-29"},
		},
		{
			name: "draft",
			// A draft is read whole, for check -v; build publishes nothing of it.
			text: "+++\ndraft = true\n+++\n# Agent\nEmployeur : Mairie\nDate limite de candidature : 29/08/2025\n" + body,
			want: fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29", Draft: true},
		},
		{
			// Even one that could not be published yet.
			name:  "draft_without_employer",
			text:  "+++\ndraft = true\n+++\n# Agent\nDate limite de candidature : 29/08/2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Deadline: "2025-08-29", Draft: true},
			diags: []wantDiag{{4, content.Error, "no employer"}},
		},
		{
			name:  "unknown_key_warns",
			text:  "+++\ntitle = \"Agent\"\nemployeur = \"Mairie\"\n+++\nEmployeur : Mairie\nDate limite de candidature : 29/08/2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29"},
			diags: []wantDiag{{3, content.Warning, `unknown key "employeur"`}},
		},
		{
			name:  "date_of_wrong_type_warns",
			text:  "+++\ndeadline = 20250829\n+++\n# Agent\nEmployeur : Mairie\nDate limite de candidature : 29/08/2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie", Deadline: "2025-08-29"},
			diags: []wantDiag{{2, content.Warning, "deadline must be a date"}},
		},
		{
			name:  "unreadable_date_string_warns",
			text:  "+++\ndeadline = \"fin août\"\n+++\n# Agent\nEmployeur : Mairie\nDate limite de candidature : 29/08/2025\n" + body,
			want:  fields{Layout: "a", Title: "Agent", Employer: "Mairie"},
			diags: []wantDiag{{2, content.Warning, "cannot read"}},
		},
		{
			name:  "missing_employer_is_reported_after_front_matter",
			text:  "+++\ntitle = \"Agent\"\n+++\nLieu de travail : Tours\n" + body,
			diags: []wantDiag{{4, content.Error, "no employer"}},
		},
		{
			name:  "invalid_toml_value",
			text:  "+++\ntitle = \"Agent\"\nemployer =\n+++\n# Agent\nEmployeur : Mairie\n" + body,
			diags: []wantDiag{{3, content.Error, "front matter"}},
		},
		{
			name:  "invalid_toml_unterminated_string",
			text:  "+++\n# commentaire\n\ntitle = \"Agent\ndraft = false\n+++\n# Agent\nEmployeur : Mairie\n" + body,
			diags: []wantDiag{{4, content.Error, "front matter"}},
		},
		{
			name:  "invalid_toml_date",
			text:  "+++\ntitle = \"Agent\"\ndeadline = 2025-13-45\n+++\n# Agent\nEmployeur : Mairie\n" + body,
			diags: []wantDiag{{3, content.Error, "front matter"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, diags := extract(t, "offre.txt", tt.text)
			checkDiags(t, "offre.txt", diags, tt.diags)
			if tt.want.Title == "" && !tt.want.Draft {
				if o != nil {
					t.Errorf("Extract returned an offer, want nil: %+v", fieldsOf(o))
				}
				return
			}
			if o == nil {
				t.Fatalf("Extract returned nil: %v", diags)
			}
			if diff := cmp.Diff(tt.want, fieldsOf(o)); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
			if o.AskedSlug != tt.slug {
				t.Errorf("Slug = %q, want %q", o.AskedSlug, tt.slug)
			}
			for f, want := range tt.lines {
				if o.Lines[f] != want {
					t.Errorf("Lines[%v] = %d, want %d", f, o.Lines[f], want)
				}
			}
			if tt.name == "overrides_the_text" && strings.Contains(o.Body, "# Agent d'accueil") {
				t.Errorf("the text's title line, replaced by the front matter, is in the body:\n%s", o.Body)
			}
		})
	}
}

const layoutB = `Un Référent Gestion Urbaine de Proximité (F/H)

Le délai de candidature pour cette offre a expiré, merci de ne plus postuler.
Offre n° O037240201370133
Publiée le 28/02/2024

Synthèse de l'offre

Employeur
MAIRIE DE TOURS
1 à 3 rue des Minimes
37926 TOURS Cedex 9
MAIRIE DE TOURS
1 à 3 rue des Minimes
37926 TOURS Cedex 9
Poste à pourvoir le
01/05/2024
Date limite de candidature
29/03/2024
Type d'emploi
Emploi permanent - création d'emploi
Nombre de postes
1

Détails de l'offre

Famille de métiers
Habitat et politique de la ville > Politique de la ville
Grade(s) recherché(s)
Rédacteur
Rédacteur principal de 2ème classe
Animateur
Temps de travail
Temps complet, 1607 heures annuelles
Descriptif de l'emploi
La Ville de Tours recrute :
- Animer la démarche
o En lien avec ses collègues
o Suivi de la convention
- Déployer la gestion urbaine
Missions / conditions d'exercice
1. Premier point
Profil recherché
* Rigueur
• Sens du service public
`

func TestExtractLayoutBInline(t *testing.T) {
	o, diags := extract(t, "offre.txt", layoutB)
	checkDiags(t, "offre.txt", diags, nil)
	if o == nil {
		t.Fatal("no offer")
	}
	want := fields{
		Layout: "b", Title: "Un Référent Gestion Urbaine de Proximité (F/H)", Employer: "Mairie de Tours",
		Reference: "O037240201370133", Location: "Tours", Contract: "Emploi permanent - création d'emploi",
		Family: "Habitat et politique de la ville > Politique de la ville", WorkingTime: "Temps complet, 1607 heures annuelles",
		Grades:  []string{"Rédacteur", "Rédacteur principal de 2ème classe", "Animateur"},
		Address: []string{"1 à 3 rue des Minimes", "37926 TOURS Cedex 9"},
		Posted:  "2024-02-28", Deadline: "2024-03-29", Start: "2024-05-01", Expired: true,
		Extras: []Extra{{"Nombre de postes", "1"}},
	}
	if diff := cmp.Diff(want, fieldsOf(o)); diff != "" {
		t.Errorf("Extract mismatch (-want +got):\n%s", diff)
	}
	lines := map[Field]int{FieldTitle: 1, FieldReference: 4, FieldPosted: 5, FieldEmployer: 10, FieldStart: 17, FieldDeadline: 19, FieldGrades: 30}
	for f, want := range lines {
		if o.Lines[f] != want {
			t.Errorf("Lines[%v] = %d, want %d", f, o.Lines[f], want)
		}
	}
	// Section labels become top-level headings, as "# Missions" in layout a.
	wantBody := `# Descriptif de l'emploi

La Ville de Tours recrute :

- Animer la démarche
  - En lien avec ses collègues
  - Suivi de la convention
- Déployer la gestion urbaine

# Missions / conditions d'exercice

1\. Premier point

# Profil recherché

- Rigueur
- Sens du service public`
	if diff := cmp.Diff(wantBody, o.Body); diff != "" {
		t.Errorf("body mismatch (-want +got):\n%s", diff)
	}
}

func TestExtractLayoutBWarnings(t *testing.T) {
	text := "Agent\n\nEmployeur\nMAIRIE DE TOURS\nDate limite de candidature\n29/03/2024\n30/03/2024\nUne ligne perdue\nLieu de travail\n\nDescriptif de l'emploi\nTexte.\n"
	o, diags := extract(t, "offre.txt", text)
	if o == nil {
		t.Fatalf("no offer: %v", diags)
	}
	checkDiags(t, "offre.txt", diags, []wantDiag{
		{7, content.Warning, `extra line under "Date limite de candidature" ignored: "30/03/2024"`},
		{8, content.Warning, `extra line under "Date limite de candidature" ignored: "Une ligne perdue"`},
		{9, content.Warning, `label "Lieu de travail" has no value; expected its value on the line below it`},
	})
}

func TestExtractLayoutBHostile(t *testing.T) {
	text := "<script>alert(1)</script>\n\nEmployeur\nA & B ]]> \"C\"\nDate limite de candidature\n29/03/2024\nDescriptif de l'emploi\n<script>alert(1)</script> & ]]> [lien](javascript:alert(1)) `code`\n# pas un titre\n"
	o, diags := extract(t, "offre.txt", text)
	if o == nil {
		t.Fatalf("no offer: %v", diags)
	}
	if o.Layout != 'b' || o.Title != "<script>alert(1)</script>" || o.EmployerName != "A & B ]]> \"C\"" {
		t.Errorf("fields changed: %+v", fieldsOf(o))
	}
	// Layout b is plain text: Markdown syntax in it is escaped, not run.
	for _, want := range []string{`\<script\>alert(1)\</script\> & \]\]\> \[lien\](javascript:alert(1)) \` + "`code\\`", `\# pas un titre`} {
		if !strings.Contains(o.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, o.Body)
		}
	}
}

// Every field must come out the same however the file was saved.
func TestExtractEncodingsAgree(t *testing.T) {
	utf8Text := "# Référent de secteur\r\nEmployeur : Mairie de Nouméa\r\nDate limite de candidature : Vendredi 29 août 2025\r\n" + body
	latin1 := []byte(strings.NewReplacer("é", "\xe9", "û", "\xfb").Replace(utf8Text))
	decomposed := strings.NewReplacer("é", "e\u0301", "û", "u\u0302").Replace(utf8Text)
	var want fields
	for i, data := range [][]byte{[]byte(utf8Text), []byte("\xEF\xBB\xBF" + utf8Text), latin1, []byte(decomposed)} {
		src, _ := content.Decode("offre.txt", data)
		o, diags := Extract(src)
		if o == nil {
			t.Fatalf("encoding %d: %v", i, diags)
		}
		got := fieldsOf(o)
		if i == 0 {
			want = got
			if got.Deadline != "2025-08-29" || got.Employer != "Mairie de Nouméa" {
				t.Fatalf("utf-8: %+v", got)
			}
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("encoding %d differs (-utf8 +got):\n%s", i, diff)
		}
	}
}

// A date field given but unusable for a deadline (a month, "dès que
// possible") is reported once, at its line, like an unreadable one.
func TestExtractUnusableDeadlineWarnsOnce(t *testing.T) {
	for _, value := range []string{"septembre 2025", "dès que possible"} {
		t.Run(value, func(t *testing.T) {
			_, diags := extract(t, "offre.txt", "# Agent\nEmployeur : Mairie\nDate limite de candidature : "+value+"\n"+body)
			checkDiags(t, "offre.txt", diags, []wantDiag{{3, content.Warning, "Date limite de candidature"}})
		})
	}
}

// A TOML type error must point at the offending line of the file, as parse
// errors do.
func TestExtractFrontMatterTypeErrorLine(t *testing.T) {
	_, diags := extract(t, "offre.txt", "+++\ntitle = \"Agent\"\n\ndraft = \"oui\"\n+++\n# Agent\nEmployeur : Mairie\n"+body)
	checkDiags(t, "offre.txt", diags, []wantDiag{{4, content.Error, "front matter"}})
}

// Text from front matter must be as clean as the text package content
// decodes: TOML escapes can write control characters, and multi-line
// strings line breaks.
func TestExtractFrontMatterControlCharacters(t *testing.T) {
	o, diags := extract(t, "offre.txt", "+++\ntitle = \"a\\u0007b\\u0000c\"\nemployer = \"\"\"x\ny\"\"\"\ndeadline = 2025-08-29\n+++\n# T\n"+body)
	if o == nil {
		t.Fatalf("no offer: %v", diags)
	}
	for _, s := range []string{o.Title, o.EmployerName} {
		if strings.IndexFunc(s, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }) >= 0 {
			t.Errorf("control character in %q", s)
		}
	}
}

// Diagnostics point at a line of the file, or at the whole file (line 0).
func TestExtractPositionsInsideFile(t *testing.T) {
	for _, text := range []string{
		"", // 0 lines; errors at line 1
		"+++\ntitle = \"x\"\nemployer = \"y\"\n+++\n",           // 4 lines; warnings at line 5
		"+++\ntitle = \"Agent\"\n# Agent\nEmployeur : Mairie\n", // unclosed: 4 lines; errors at line 5
	} {
		t.Run("", func(t *testing.T) {
			src, d0 := content.Decode("offre.txt", []byte(text))
			_, d := Extract(src)
			for _, diag := range append(d0, d...) {
				if diag.Pos.Line < 0 || diag.Pos.Line > len(src.Lines) {
					t.Errorf("%q: %v is outside the file's %d lines", text, diag, len(src.Lines))
				}
			}
		})
	}
}

func TestContacts(t *testing.T) {
	got := contacts("Candidatures à recrutement@ville.example ou sur https://ville.example/emplois.\nÉcrire à RECRUTEMENT@ville.example, voir www.ville.example.")
	want := []string{"https://ville.example/emplois", "recrutement@ville.example", "www.ville.example"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("contacts (-want +got):\n%s", diff)
	}
}

func TestPlainText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"# Missions :\n\n- **Accueillir** le public\n- voir [le site](https://x.nc)", 100, "Missions : Accueillir le public voir le site"},
		{"Un  texte\tavec   espaces", 100, "Un texte avec espaces"},
		{"un deux trois quatre", 13, "un deux trois…"},
		{"un deux trois quatre", 12, "un deux…"},
		{"anticonstitutionnellement", 5, "…"},
		{"_souligné_ et `code` et \\*échappé", 100, "souligné et code et *échappé"}, // an escaped * is a literal one
		{"", 10, ""},
		{"*Offre fictive, publiée.*\n\nLa commune", 100, "Offre fictive, publiée. La commune"}, // emphasis, not a bullet
		{"## Détails de l’offre\n\n> Texte cité\n\n* un\n+ deux", 100, "Détails de l’offre : Texte cité un deux"},
		{"---\n\n- - imbriqué\n\n* * *", 100, "imbriqué"}, // rules are no text
	} {
		if got := plainText(tc.in, tc.max); got != tc.want {
			t.Errorf("plainText(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}

// TestExtractShapes reads the shapes real boards give offers, beyond the
// two sample layouts: one row per shape, with the fields it must give and
// the warnings that say what was guessed.
func TestExtractShapes(t *testing.T) {
	type row struct {
		Title, Employer, Reference, Location, Direction, Contract string
		Posted, Deadline, Start                                   string
		Categories                                                []string
		Guessed                                                   []Field
	}
	tests := []struct {
		name  string
		text  string
		want  row
		diags []wantDiag
	}{
		{
			name: "value_on_the_line_below_its_label",
			text: "# Agent\nEmployeur :\nMairie de Koné\nLieu de travail :\n\nKoné\nDate limite de candidature :\n14 juil. 25\n" + body,
			want: row{Title: "Agent", Employer: "Mairie de Koné", Location: "Koné", Deadline: "2025-07-14"},
		},
		{
			name: "an_empty_label_never_takes_the_next_sentence",
			text: "# Agent\nEmployeur : Mairie\nPoste à pourvoir :\nLe poste sera pourvu à l'issue de la procédure de recrutement engagée.\nDate limite : 31/10/2025\n" + body,
			want: row{Title: "Agent", Employer: "Mairie", Deadline: "2025-10-31"},
			diags: []wantDiag{
				{3, content.Warning, `label "Poste à pourvoir" has no value; the line below it, "Le poste sera`},
			},
		},
		{
			name: "labelled_lines_in_a_list",
			text: "# Chef d'équipe\nEmployeur : Commune de Bourail\nConditions du poste :\n- Lieu de travail : Bourail\n- Date limite de candidature : 14/11/2025\n- Prise de fonctions : 5 janvier 2026\n" + body,
			want: row{Title: "Chef d'équipe", Employer: "Commune de Bourail", Location: "Bourail", Deadline: "2025-11-14", Start: "2026-01-05"},
		},
		{
			name:  "labels_at_the_end_of_the_description",
			text:  "# Greffier\nEmployeur : Tribunal de Nouméa\n\n# Missions\n\nAssister le juge.\n\n# Modalités\n\nDate limite de candidature : 30 janvier 2026\nNature de l'emploi\nEmploi ouvert aux titulaires\n",
			want:  row{Title: "Greffier", Employer: "Tribunal de Nouméa", Location: "Nouméa", Deadline: "2026-01-30", Contract: "Emploi ouvert aux titulaires", Guessed: []Field{FieldLocation}},
			diags: []wantDiag{{2, content.Warning, "no place given; filed under Nouméa, the town in the employer's name"}},
		},
		{
			name:  "banners_before_the_title",
			text:  "Accueil › Offres › Détail\nPublié le 2 juin 2025\n\nAGENT DE PROPRETÉ (H/F)\n\nEmployeur : Ville du Mont-Dore\nDate limite : 27/06/2025\n" + body,
			want:  row{Title: "AGENT DE PROPRETÉ (H/F)", Employer: "Ville du Mont-Dore", Location: "Le Mont-Dore", Posted: "2025-06-02", Deadline: "2025-06-27", Guessed: []Field{FieldTitle}},
			diags: []wantDiag{{4, content.Warning, `title read from line 4, "AGENT DE PROPRETÉ (H/F)" (the lines before it read as a banner: "Accueil › Offres › Détail")`}},
		},
		{
			// Its header and rule are part of the table, no lines to
			// warn of (they were "lines without a label").
			name: "a_markdown_table_of_fields",
			text: "# Agent d'accueil\n\n| Champ | Valeur |\n| --- | --- |\n| Employeur | Commune de Koné |\n| Lieu de travail | Koné |\n| Date limite de candidature | 30/06/2026 |\n" + body,
			want: row{Title: "Agent d'accueil", Employer: "Commune de Koné", Location: "Koné", Deadline: "2026-06-30"},
		},
		{
			name: "a_title_label_wins_over_a_heading",
			text: "# Fiche de poste\nIntitulé du poste : Gestionnaire des bourses\nEmployeur : Vice-rectorat\nDate limite : 09/01/2026\n" + body,
			want: row{Title: "Gestionnaire des bourses", Employer: "Vice-rectorat", Deadline: "2026-01-09"},
		},
		{
			name: "a_title_with_a_colon",
			text: "Prévisionniste : aéronautique et défense (F/H)\n\nEmployeur : Météo-France\nDate limite de candidature : 05/09/2025\n" + body,
			want: row{Title: "Prévisionniste : aéronautique et défense (F/H)", Employer: "Météo-France", Deadline: "2025-09-05"},
		},
		{
			name: "employer_from_a_sentence_is_a_warned_guess",
			text: "# Secrétaire de mairie\n\nLa commune de Poum recrute un secrétaire de mairie.\n\nDate limite de candidature : 04/04/2025\n" + body,
			want: row{Title: "Secrétaire de mairie", Employer: "Commune de Poum", Location: "Poum", Deadline: "2025-04-04", Guessed: []Field{FieldEmployer}},
			diags: []wantDiag{
				{3, content.Warning, `employer read from a banner line: "Commune de Poum"`},
			},
		},
		{
			name: "pour_le_compte_de_names_the_employer",
			text: "Centre de gestion de la Côte-d'Or\nBourse de l'emploi\n\nSecrétaire de mairie (H/F)\n\nOffre proposée par le CDG 21 pour le compte de la Commune de Saulieu.\n\nDate limite de candidature : 04/04/2025\n" + body,
			want: row{Title: "Secrétaire de mairie (H/F)", Employer: "Commune de Saulieu", Location: "Saulieu", Deadline: "2025-04-04", Guessed: []Field{FieldTitle, FieldEmployer}},
			diags: []wantDiag{
				{4, content.Warning, "title read from line 4"},
				{6, content.Warning, "has no label; kept at the top of the description"},
				{6, content.Warning, `employer read from a sentence of the description: "Commune de Saulieu"`},
			},
		},
		{
			name:  "deadline_from_a_sentence_is_a_warned_guess",
			text:  "# Agent\nEmployeur : Mairie\n\n# Candidature\n\nLes candidatures doivent parvenir au plus tard le 15 septembre 2025.\n",
			want:  row{Title: "Agent", Employer: "Mairie", Deadline: "2025-09-15", Guessed: []Field{FieldDeadline}},
			diags: []wantDiag{{6, content.Warning, "deadline read from a sentence of the description: Monday 15 September 2025"}},
		},
		{
			name: "deadline_counted_from_the_publication",
			text: "JORF n°0142 du 20 juin 2025\n\nAvis de vacance d'un emploi de sous-directeur (administration centrale du ministère de l'agriculture)\n\nNOR : AGRS2516001V\n\nL'emploi sera vacant à compter du 1er septembre 2025.\n\nLes candidatures doivent être transmises dans un délai de trente jours à compter de la date de publication du présent avis au Journal officiel.\n",
			want: row{Title: "Avis de vacance d'un emploi de sous-directeur (administration centrale du ministère de l'agriculture)",
				Employer: "Ministère de l'agriculture", Reference: "AGRS2516001V", Posted: "2025-06-20", Deadline: "2025-07-20", Start: "2025-09-01",
				Guessed: []Field{FieldTitle, FieldEmployer, FieldDeadline, FieldStart}},
			diags: []wantDiag{
				{3, content.Warning, `employer read from the title: "Ministère de l'agriculture"`},
				{3, content.Warning, "title read from line 3"},
				{7, content.Warning, "start read from a sentence of the description: 1 September 2025"},
				{9, content.Warning, "deadline counted from the posting date as the text says (30 days after 20 June 2025): 20 July 2025"},
			},
		},
		{
			name: "a_precise_label_wins_over_a_weak_one",
			text: "# Gestionnaire RH\nOrganisme de rattachement : Ministère de l'Intérieur\nEmployeur : Préfecture du Calvados\nNature de l'emploi : Emploi ouvert aux titulaires\nNature du contrat : CDD de 12 mois\nDate limite : 14/07/2024\n" + body,
			want: row{Title: "Gestionnaire RH", Employer: "Préfecture du Calvados", Contract: "CDD de 12 mois", Deadline: "2024-07-14"},
		},
		{
			name: "tables_pasted_as_text",
			text: "INSEE - Direction régionale\nOffre de poste n° DR21-2025-07\n\nIntitulé du poste\tStatisticien\n| Employeur | INSEE |\n| Catégorie | A |\nDate limite de candidature\t21/07/2025\n" + body,
			want: row{Title: "Statisticien", Employer: "INSEE", Reference: "DR21-2025-07", Deadline: "2025-07-21", Categories: []string{"A"}},
		},
		{
			name: "category_and_grade_in_one_label",
			text: "# Chargé de mission\nEmployeur : Préfecture\nCatégorie statutaire / Corps : A / Attaché d'administration de l'État\nDate limite : 15/07/2025\n" + body,
			want: row{Title: "Chargé de mission", Employer: "Préfecture", Deadline: "2025-07-15", Categories: []string{"A"}},
		},
		{
			name:  "labels_in_capitals_without_colon",
			text:  "CNFPT - DÉLÉGATION DE BOURGOGNE\n\nConseiller formation\n\nEMPLOYEUR Centre de gestion de la Côte-d'Or\nLIEU DE TRAVAIL Dijon\nDATE LIMITE DE CANDIDATURE 15.01.2027\nDATE DE PUBLICATION 26.11.2026\n" + body,
			want:  row{Title: "Conseiller formation", Employer: "Centre de gestion de la Côte-d'Or", Location: "Dijon", Posted: "2026-11-26", Deadline: "2027-01-15", Guessed: []Field{FieldTitle}},
			diags: []wantDiag{{3, content.Warning, "title read from line 3"}},
		},
		{
			name: "a_line_in_capitals_is_no_label",
			text: "# Agent\n\nADMINISTRATION SUPÉRIEURE DES ÎLES WALLIS ET FUTUNA\nEmployeur : Circonscription d'Uvea\nLieu de travail : Mata-Utu\nDate limite : 15/01/2027\n" + body,
			want: row{Title: "Agent", Employer: "Circonscription d'Uvea", Location: "Mata-Utu", Deadline: "2027-01-15"},
		},
		{
			name: "the_offer_number_after_the_posting_date",
			text: "Agent d'entretien (H/F)\n\nPublié le 24 novembre 2026 - offre n° 201QWXZ\n\nEmployeur : Commune de Baie-Mahault\nDate limite : 15/01/2027\n" + body,
			want: row{Title: "Agent d'entretien (H/F)", Employer: "Commune de Baie-Mahault", Reference: "201QWXZ", Location: "Baie-Mahault", Posted: "2026-11-24", Deadline: "2027-01-15"},
		},
		{
			name:  "a_notice_number_and_its_date",
			text:  "MINISTÈRE DE LA SANTÉ\n\nAVIS DE VACANCE D'EMPLOI N° 8812/MSP/DSP du 16 novembre 2026\n\nIntitulé du poste : Chargé d'études\nLieu d'affectation : Papeete\nDate limite : 14/12/2026\n" + body,
			want:  row{Title: "Chargé d'études", Employer: "Ministère de la Santé", Reference: "8812/MSP/DSP", Location: "Papeete", Posted: "2026-11-16", Deadline: "2026-12-14", Guessed: []Field{FieldEmployer}},
			diags: []wantDiag{{1, content.Warning, "employer read from a banner line"}},
		},
		{
			name:  "category_and_grades_in_a_sentence",
			text:  "# Responsable des espaces verts\n\nEmployeur : Ville de Saint-Paul\nLieu de travail : 97460 Saint-Paul\nDate limite : 23/12/2026\n\n# Missions\n\nPoste ouvert aux agents du cadre d'emplois des techniciens territoriaux et des agents de maîtrise.\n",
			want:  row{Title: "Responsable des espaces verts", Employer: "Ville de Saint-Paul", Location: "Saint-Paul", Deadline: "2026-12-23", Categories: []string{"B", "C"}, Guessed: []Field{FieldGrades}},
			diags: []wantDiag{{9, content.Warning, "grades read from a sentence of the description: Technicien, Agent de maîtrise"}},
		},
		{
			name:  "category_in_a_sentence",
			text:  "# Chargé de mission\n\nEmployeur : Préfecture de la Côte-d'Or\nLieu de travail : Dijon\nDate limite : 23/12/2026\n\n# Missions\n\nIl s'agit d'un poste de catégorie A, ouvert aux contractuels.\n",
			want:  row{Title: "Chargé de mission", Employer: "Préfecture de la Côte-d'Or", Location: "Dijon", Deadline: "2026-12-23", Categories: []string{"A"}, Guessed: []Field{FieldCategory}},
			diags: []wantDiag{{9, content.Warning, "catégorie A read from a sentence"}},
		},
		{
			name:  "two_employers_on_one_line",
			text:  "# Secrétaire de mairie\n\nEmployeurs : Commune de Saulieu et Commune de Précy-sous-Thil\nLieu de travail : Saulieu\nDate limite : 31/12/2026\n" + body,
			want:  row{Title: "Secrétaire de mairie", Employer: "Commune de Saulieu et Commune de Précy-sous-Thil", Location: "Saulieu", Deadline: "2026-12-31"},
			diags: []wantDiag{{3, content.Warning, "names two bodies"}},
		},
		{
			name:  "a_banner_numbers_the_offer",
			text:  "PROVINCE NORD\nAvis de vacance de poste n° 2025-0147\nPublié le 14 juil. 25\n\nIntitulé du poste : Chargé des aides\nDate de clôture : 8 août 25\n" + body,
			want:  row{Title: "Chargé des aides", Employer: "Province Nord", Reference: "2025-0147", Posted: "2025-07-14", Deadline: "2025-08-08", Guessed: []Field{FieldEmployer}},
			diags: []wantDiag{{1, content.Warning, `employer read from a banner line: "Province Nord"`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, diags := extract(t, "offre.txt", tt.text)
			checkDiags(t, "offre.txt", diags, tt.diags)
			if o == nil {
				t.Fatalf("no offer: %v", diags)
			}
			start := o.Start.String()
			var guessed []Field
			for f := FieldNone; f < numFields; f++ {
				if o.Guessed.Has(f) {
					guessed = append(guessed, f)
				}
			}
			got := row{o.Title, o.EmployerName, o.Reference, o.Location, o.Direction, o.Contract,
				o.Posted.String(), o.Deadline.String(), start, o.Categories, guessed}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// A file pasted from a web page may have many lines without a label:
// their warnings are folded into one line, on the first of them.
func TestExtractFoldsRepeatedWarnings(t *testing.T) {
	text := "# Agent\nEmployeur : Mairie\nRestauration : oui\nStationnement : oui\nCrèche : non\nMutuelle : oui\nDate limite : 14/07/2025\n" + body
	_, diags := extract(t, "offre.txt", text)
	checkDiags(t, "offre.txt", diags, []wantDiag{
		{3, content.Warning, `unknown label "Restauration"; shown as written (a field is written with one of its labels, listed in the README); 3 more like it on lines 4, 5 and 6`},
	})
}

// TestWeakLabelKeptBesideThePreciseOne: a ministry named under
// "Ministère" gives way to the employer a precise label names, whichever
// comes first, and is shown as written (it was dropped silently).
func TestWeakLabelKeptBesideThePreciseOne(t *testing.T) {
	for _, text := range []string{
		"# Chargé de mission\nMinistère : Ministère de l’Intérieur\nEmployeur : Préfecture de la Gironde\nDate limite : 30/06/2026\n" + body,
		"# Chargé de mission\nEmployeur : Préfecture de la Gironde\nMinistère : Ministère de l’Intérieur\nDate limite : 30/06/2026\n" + body,
	} {
		o, diags := extract(t, "a.txt", text)
		if o == nil {
			t.Fatalf("not read: %v", diags)
		}
		if o.EmployerName != "Préfecture de la Gironde" {
			t.Errorf("employer %q", o.EmployerName)
		}
		want := []Extra{{"Ministère", "Ministère de l’Intérieur"}}
		if !reflect.DeepEqual(o.Extras, want) {
			t.Errorf("extras %v, want %v", o.Extras, want)
		}
	}
}
