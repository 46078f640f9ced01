// Package par runs the independent steps of a loop on several goroutines.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls fn(i) for every i in [0, n), on up to workers goroutines at once
// (GOMAXPROCS when workers <= 0), and returns when every call has. Steps are
// handed out in order, one at a time, so uneven steps keep every worker
// busy; fn writes its result to slot i of its own slice, so that the order
// of results does not depend on the schedule.
func Do(n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}
