package parallel

import (
	"sync/atomic"
	"testing"
)

// TestDo: every index is run once, whatever the number of workers, and
// Do returns only when all are done.
func TestDo(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 0}, {1, 0}, {5, 1}, {1000, 0}, {1000, 3}, {3, 64}} {
		seen := make([]atomic.Int32, tc.n)
		var done atomic.Int32
		Do(tc.n, tc.workers, func(i int) {
			seen[i].Add(1)
			done.Add(1)
		})
		if int(done.Load()) != tc.n {
			t.Errorf("n=%d workers=%d: %d calls done when Do returned", tc.n, tc.workers, done.Load())
		}
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Errorf("n=%d workers=%d: index %d run %d times", tc.n, tc.workers, i, c)
			}
		}
	}
}
