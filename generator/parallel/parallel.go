// Package parallel runs the independent steps of a build on every core:
// reading offers, deriving their addresses, rendering and linking files.
package parallel

import (
	"runtime"
	"sync"
)

// Do runs f(0..n-1) on a pool of workers, GOMAXPROCS of them when
// workers <= 0, never more than n, and returns when every call has. Each
// worker takes the next index as it is free, so that a few long calls
// (the board's JSON files) do not hold back the rest.
func Do(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
