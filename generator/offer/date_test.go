package offer

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"postes/generator/content"
	"postes/generator/message"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want DateResult
		err  string // substring of the error; "" for success
		note string // substring of Note; "" for none
	}{
		{name: "numeric", in: "29/03/2024", want: DateResult{Date: Date{2024, 3, 29}}},
		{name: "numeric_two_digit_year", in: "29/03/24", want: DateResult{Date: Date{2024, 3, 29}}},
		{name: "numeric_dashes", in: "29-03-2024", want: DateResult{Date: Date{2024, 3, 29}}},
		{name: "numeric_dots", in: "01.05.2024", want: DateResult{Date: Date{2024, 5, 1}}},
		{name: "numeric_one_digit", in: "1/5/2024", want: DateResult{Date: Date{2024, 5, 1}}},
		{name: "iso", in: "2024-03-29", want: DateResult{Date: Date{2024, 3, 29}}},
		{name: "weekday_capitalised", in: "Vendredi 29 août 2025", want: DateResult{Date: Date{2025, 8, 29}}},
		{name: "weekday_zero_padded_day", in: "vendredi 06 juin 2025", want: DateResult{Date: Date{2025, 6, 6}}},
		{name: "weekday_with_comma", in: "vendredi, 6 juin 2025", want: DateResult{Date: Date{2025, 6, 6}}},
		{name: "premier", in: "1er juillet 2025", want: DateResult{Date: Date{2025, 7, 1}}},
		{name: "premier_superscript", in: "1ᵉʳ juillet 2025", want: DateResult{Date: Date{2025, 7, 1}}},
		{name: "premier_degree_sign", in: "1° septembre 2026", want: DateResult{Date: Date{2026, 9, 1}}},
		{name: "month_only", in: "Novembre 2025", want: DateResult{Date: Date{2025, 11, 0}}},
		{name: "month_only_accented", in: "février 2026", want: DateResult{Date: Date{2026, 2, 0}}},
		{name: "iso_month_as_printed", in: "2025-11", want: DateResult{Date: Date{2025, 11, 0}}},
		{name: "iso_month_no_such_month", in: "2025-13", err: "no month 13"},
		{name: "iso_month_inside_text_is_not_a_date", in: "réf. 3134-25", err: "cannot read"},
		{name: "asap", in: "dès que possible", want: DateResult{ASAP: true}},
		{name: "asap_capitalised", in: "Dès que possible", want: DateResult{ASAP: true}},
		{name: "asap_uppercase", in: "DÈS QUE POSSIBLE", want: DateResult{ASAP: true}},
		{name: "asap_immediately", in: "immédiatement", want: DateResult{ASAP: true}},
		{name: "le_prefix", in: "le 12 avril 2024", want: DateResult{Date: Date{2024, 4, 12}}},
		{name: "text_around", in: "Candidatures à envoyer avant le 15/09/2025 inclus, cachet de la poste faisant foi", want: DateResult{Date: Date{2025, 9, 15}}},
		{name: "first_date_wins", in: "du 01/09/2025 au 30/09/2025", want: DateResult{Date: Date{2025, 9, 1}}},
		{name: "nbsp_inside", in: "29\u00a0août\u202f2025", want: DateResult{Date: Date{2025, 8, 29}}},
		{name: "uppercase_month", in: "29 AOÛT 2025", want: DateResult{Date: Date{2025, 8, 29}}},
		{name: "abbrev_sept_dot", in: "15 sept. 2025", want: DateResult{Date: Date{2025, 9, 15}}},
		{name: "abbrev_janv", in: "1 janv 2026", want: DateResult{Date: Date{2026, 1, 1}}},
		{name: "abbrev_dec_dot", in: "3 déc. 2025", want: DateResult{Date: Date{2025, 12, 3}}},
		{name: "leap_day", in: "29/02/2024", want: DateResult{Date: Date{2024, 2, 29}}},
		{name: "no_such_day", in: "31 février 2025", err: "no such day"},
		{name: "no_leap_day", in: "29/02/2025", err: "no such day"},
		{name: "no_such_day_iso", in: "2025-04-31", err: "no such day"},
		{name: "no_such_month", in: "13/13/2025", err: "no month 13"},
		{name: "month_zero", in: "12/00/2025", err: "no month 0"},
		{name: "day_zero", in: "00/12/2025", err: "no such day"},
		{name: "year_out_of_range", in: "29/03/1789", err: "year 1789 is out of range"},
		{name: "weekday_mismatch", in: "mardi 29 août 2025", want: DateResult{Date: Date{2025, 8, 29}}, note: "Friday, not a mardi"},
		{name: "empty", in: "", err: "empty date"},
		{name: "blank", in: " \t\u00a0", err: "empty date"},
		{name: "garbage", in: "à définir", err: "cannot read"},
		{name: "number_alone", in: "2025", err: "cannot read"},
		{name: "day_month_without_year", in: "29 août", err: "cannot read"},
		{name: "abbrev_two_digit_year", in: "14 juil. 25", want: DateResult{Date: Date{2025, 7, 14}}},
		{name: "abbrev_two_digit_year_no_space", in: "14 juil.25", want: DateResult{Date: Date{2025, 7, 14}}},
		{name: "full_month_two_digit_year", in: "3 septembre 26", want: DateResult{Date: Date{2026, 9, 3}}},
		{name: "two_digits_after_month_are_an_hour", in: "3 mars 12h00", err: "cannot read"},
		{name: "two_digits_after_month_are_an_hour_spaced", in: "3 mars 12 h", err: "cannot read"},
		{name: "year_first_slashes", in: "2025/08/29", want: DateResult{Date: Date{2025, 8, 29}}},
		{name: "numeric_two_digit_year_then_hour", in: "le 12/03/26 à 12h", want: DateResult{Date: Date{2026, 3, 12}}},
		{name: "asap_au_plus_vite", in: "Au plus vite", want: DateResult{ASAP: true}},
		{name: "asap_immediate", in: "Prise de poste immédiate", want: DateResult{ASAP: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.err != "" {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %+v, want an error containing %q", tt.in, got, tt.err)
				}
				var de *DateError
				if !errors.As(err, &de) {
					t.Errorf("error %T is not a *DateError", err)
				}
				if !strings.Contains(err.Error(), tt.err) {
					t.Errorf("ParseDate(%q) error = %q, want it to contain %q", tt.in, err, tt.err)
				}
				if !got.Date.IsZero() || got.ASAP || !got.Note.IsZero() {
					t.Errorf("ParseDate(%q) returned %+v with an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			// Notes are compared in English.
			note := got.Note.String()
			if tt.note == "" && note != "" {
				t.Errorf("ParseDate(%q): unexpected note %q", tt.in, note)
			}
			if !strings.Contains(note, tt.note) {
				t.Errorf("ParseDate(%q): note %q, want it to contain %q", tt.in, note, tt.note)
			}
			got.Note = message.Text{}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseDate(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseDeadline(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		note string // substring of Note; "" for none
	}{
		{"29/08/2025", Date{2025, 8, 29}, ""},
		{"du 01/09/2025 au 30/09/2025", Date{2025, 9, 30}, ""},
		{"du 1er septembre 2025 jusqu'au 15 octobre 2025", Date{2025, 10, 15}, ""},
		{"vendredi 6 juin 2025 (ou lundi 9 juin 2025 par courrier)", Date{2025, 6, 9}, "kept the last"},
		{"Lundi 1 septembre 2025 à 12h00", Date{2025, 9, 1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDeadline(tt.in)
			if err != nil {
				t.Fatalf("ParseDeadline(%q): %v", tt.in, err)
			}
			if got.Date != tt.want {
				t.Errorf("ParseDeadline(%q) = %v, want %v", tt.in, got.Date, tt.want)
			}
			if note := got.Note.String(); (tt.note == "") != (note == "") || !strings.Contains(note, tt.note) {
				t.Errorf("ParseDeadline(%q) note %q, want %q", tt.in, note, tt.note)
			}
		})
	}
}

func TestDateFormats(t *testing.T) {
	tests := []struct {
		d                Date
		long, short, str string
		hasDay, isZero   bool
	}{
		{Date{2025, 8, 29}, "vendredi 29 août 2025", "29 août 2025", "2025-08-29", true, false},
		{Date{2025, 7, 1}, "mardi 1er juillet 2025", "1er juillet 2025", "2025-07-01", true, false},
		{Date{2025, 11, 0}, "novembre 2025", "novembre 2025", "2025-11", false, false},
		{Date{2026, 2, 1}, "dimanche 1er février 2026", "1er février 2026", "2026-02-01", true, false},
		{Date{2024, 12, 31}, "mardi 31 décembre 2024", "31 décembre 2024", "2024-12-31", true, false},
		{Date{}, "", "", "", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.str, func(t *testing.T) {
			if got := tt.d.Long(); got != tt.long {
				t.Errorf("Long() = %q, want %q", got, tt.long)
			}
			if got := tt.d.Short(); got != tt.short {
				t.Errorf("Short() = %q, want %q", got, tt.short)
			}
			if got := tt.d.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			if tt.d.HasDay() != tt.hasDay || tt.d.IsZero() != tt.isZero {
				t.Errorf("HasDay, IsZero = %v, %v; want %v, %v", tt.d.HasDay(), tt.d.IsZero(), tt.hasDay, tt.isZero)
			}
		})
	}
}

func TestDateTime(t *testing.T) {
	noumea := time.FixedZone("Pacific/Noumea", 11*3600)
	if got, want := (Date{2025, 11, 0}).Time(noumea), time.Date(2025, 11, 1, 0, 0, 0, 0, noumea); !got.Equal(want) {
		t.Errorf("month Time = %v, want %v", got, want)
	}
	if got := DateOf(time.Date(2025, 8, 29, 23, 30, 0, 0, noumea)); got != (Date{2025, 8, 29}) {
		t.Errorf("DateOf = %v, want the date in its own zone", got)
	}
	if got := MonthName(2025, time.August); got != "août 2025" {
		t.Errorf("MonthName = %q", got)
	}
}

func TestDateCompare(t *testing.T) {
	tests := []struct {
		a, b Date
		want int
	}{
		{Date{2025, 8, 29}, Date{2025, 8, 29}, 0},
		{Date{2025, 8, 28}, Date{2025, 8, 29}, -1},
		{Date{2025, 8, 29}, Date{2025, 8, 28}, 1},
		{Date{2025, 7, 31}, Date{2025, 8, 1}, -1},
		{Date{2024, 12, 31}, Date{2025, 1, 1}, -1},
		{Date{2026, 1, 1}, Date{2025, 12, 31}, 1},
		// A month sorts as its first day.
		{Date{2025, 11, 0}, Date{2025, 11, 1}, 0},
		{Date{2025, 11, 0}, Date{2025, 10, 31}, 1},
		{Date{2025, 11, 0}, Date{2025, 11, 2}, -1},
		// The zero Date (unknown) sorts first.
		{Date{}, Date{1900, 1, 1}, -1},
	}
	for _, tt := range tests {
		if got := tt.a.Compare(tt.b); got != tt.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := tt.b.Compare(tt.a); got != -tt.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
	}
}

// TestClockIn: the hour a deadline names, as editors write it; none for
// the end of the day, and no hour made of a date's digits.
func TestClockIn(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"le 30 juin 2026 à 12h00", "12:00"},
		{"30/06/2026 à 12 h", "12:00"},
		{"30/06/2026, 17h30", "17:30"},
		{"avant le 30 juin 2026, 9 h 15", "09:15"},
		{"30 juin 2026 à 15 heures", "15:00"},
		{"30 juin 2026 (midi)", "12:00"},
		{"2026-06-30T16:00", "16:00"},
		{"30 juin 2026 à minuit", ""},
		{"30 juin 2026 à 23h59", ""},
		{"30 juin 2026, 24h00", ""},
		{"30/06/2026", ""},
		{"30.06.2026", ""},
		{"14 juil. 25", ""},
		{"le 30 juin 2026 (cachet de la poste faisant foi)", ""},
		{"30 juin 2026 dans l’après-midi", ""},
	} {
		if got := clockIn(tc.in); got != tc.want {
			t.Errorf("clockIn(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{{"12:00", "12\u00a0h"}, {"09:15", "9\u00a0h\u00a015"}, {"", ""}} {
		if got := (&Offer{DeadlineTime: tc.in}).DeadlineAt(); got != tc.want {
			t.Errorf("DeadlineAt(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDeadlineHourEverywhere: the hour is read from a label's value, a
// front matter string and a TOML date-time alike.
func TestDeadlineHourEverywhere(t *testing.T) {
	for _, text := range []string{
		"# Agent\nEmployeur : Mairie\nDate limite de candidature : 30/06/2026 à 12h00\n\n## Missions\n\nAccueillir.\n",
		"+++\ndeadline = \"30/06/2026 à 12h00\"\n+++\n# Agent\nEmployeur : Mairie\n\n## Missions\n\nAccueillir.\n",
		"+++\ndeadline = 2026-06-30T12:00:00\n+++\n# Agent\nEmployeur : Mairie\n\n## Missions\n\nAccueillir.\n",
	} {
		src, _ := content.Decode("a.txt", []byte(text))
		o, diags := Extract(src)
		if o == nil || o.Deadline != (Date{2026, 6, 30}) || o.DeadlineTime != "12:00" {
			t.Errorf("%q: read %+v, %v", text, o, diags)
		}
	}
}
