package pipeline

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"postes"
	"postes/generator/publish"
)

// TestStagingFolderOfALiveBuildIsKept: a build clears the staging folders
// of killed builds, never one that a running build holds (it locks the
// folder itself; a build of postes 0.3 locked a marker in it), even one
// it reaches by another path than its own.
func TestStagingFolderOfALiveBuildIsKept(t *testing.T) {
	root := writeSite(t, map[string]string{"content/bon.txt": goodOffer})
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	live := filepath.Join(parent, ".public.postes-tmp-live")
	old := filepath.Join(parent, ".public.postes-tmp-live03")
	dead := filepath.Join(parent, ".public.postes-tmp-dead")
	for _, d := range []string{live, old, dead} {
		if err := os.MkdirAll(filepath.Join(d, "offres"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(old, publish.LegacyMarker), []byte("postes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{live, filepath.Join(old, publish.LegacyMarker)} {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			t.Skip("no flock here:", err)
		}
	}
	if _, err := Run(Options{Source: root, Output: out, Now: "2025-03-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{live, old} {
		if _, err := os.Stat(filepath.Join(d, "offres")); err != nil {
			t.Errorf("the staging folder of a running build was deleted: %v", err)
		}
	}
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("the staging folder of a killed build was kept: %v", err)
	}
}
