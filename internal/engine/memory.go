package engine

import (
	"context"
	"errors"
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// DefaultMemoryLimit bounds the live Go heap while the rules run: the large
// synthetic project (BENCHMARKS.md) peaks near 1.4 GiB, so a rule has room
// to work, and one that builds values without end is stopped long before
// the machine runs out.
const DefaultMemoryLimit = 4 << 30

// errMemoryLimit is the cause of a cancellation by the memory watchdog.
var errMemoryLimit = errors.New("memory limit reached")

// memoryPoll is how often the watchdog reads the heap.
const memoryPoll = 10 * time.Millisecond

// SetMemoryLimit bounds the live heap, in bytes, while the rules run; 0
// means no bound.
func (e *Engine) SetMemoryLimit(bytes uint64) { e.memLimit = bytes }

// watchMemory cancels ctx with errMemoryLimit when the live heap grows past
// the limit, until stop is called. While it runs, the runtime's soft memory
// limit is set to the same bound, so that the collector runs as the heap
// nears it and the live size it reports is current. OPA checks for
// cancellation between evaluation steps, so a rule is stopped at its next
// step; a single builtin call that allocates a huge value at once finishes
// first.
func (e *Engine) watchMemory(ctx context.Context, cancel context.CancelCauseFunc) (stop func()) {
	if e.memLimit == 0 {
		return func() {}
	}
	limit := int64(min(e.memLimit, math.MaxInt64))
	prev := debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(min(prev, limit)) // a lower GOMEMLIMIT stays in force
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(memoryPoll)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
				metrics.Read(sample)
				v := sample[0].Value
				if v.Kind() == metrics.KindUint64 && v.Uint64() > e.memLimit {
					cancel(errMemoryLimit)
					return
				}
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		debug.SetMemoryLimit(prev)
	}
}
