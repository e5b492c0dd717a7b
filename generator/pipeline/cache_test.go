package pipeline

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"postes"
)

// TestHugeCachesAreNotRead: a file where a cache is expected is read only
// if its size is plausible; a 4 GB one is ignored, and the build is the
// cold one.
func TestHugeCachesAreNotRead(t *testing.T) {
	root := copySample(t)
	out := filepath.Join(t.TempDir(), "public")
	opt := Options{Source: root, Output: out, Now: "2025-08-15", Theme: postes.Theme}
	if _, err := Run(opt); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"manifest.gob", offersName} {
		// Sparse: 4 GB long, no disk used.
		f, err := os.Create(filepath.Join(stateOf(t, root, out), name))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(4 << 30); err != nil {
			t.Skip("no sparse files here:", err)
		}
		f.Close()
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := Run(opt)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<20 {
		t.Errorf("the build allocated %d MB: the caches were read", alloc>>20)
	}
	if res.Linked != 0 {
		t.Errorf("%d files reused on the word of an oversize cache", res.Linked)
	}
	cold := filepath.Join(t.TempDir(), "cold")
	if _, err := Run(Options{Source: root, Output: cold, Now: "2025-08-15", Theme: postes.Theme}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, out, cold)
}
