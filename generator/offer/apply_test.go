package offer

import "testing"

func TestWayToApply(t *testing.T) {
	for _, tt := range []struct {
		body string
		want bool
	}{
		{"## Missions\n\nAccueillir le public.\n", false},
		{"## Missions\n\nAccueillir.\n\n## Pour postuler\n\nÉcrire au maire.\n", true},
		{"## Missions\n\nAccueillir.\n\n### Modalités de candidature\n\nPar courrier.\n", true},
		{"Adresser sa lettre à la mairie, 1 rue de la Paix\n21000 Dijon\n", true},
		{"Adresser sa lettre à la mairie, BP 12, Koné.\n", true},
		{"Adresser sa lettre à la mairie, CS 40012.\n", true},
		{"Le service compte 12345 habitants desservis.\n", false},
		{"Budget de 250000 euros.\n", false},
	} {
		o := &Offer{Body: tt.body}
		if got := o.wayToApply(); got != tt.want {
			t.Errorf("wayToApply(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
}
