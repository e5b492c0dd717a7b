package render

import "testing"

func TestZoneName(t *testing.T) {
	for tz, want := range map[string]string{"Pacific/Noumea": "Nouméa", "Europe/Paris": "Paris", "America/New_York": "New York", "UTC": "UTC"} {
		if got := ZoneName(tz); got != want {
			t.Errorf("ZoneName(%q) = %q, want %q", tz, got, want)
		}
	}
}
