package par

import (
	"sync/atomic"
	"testing"
)

func TestDoCallsEachStepOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 100} {
		for _, n := range []int{0, 1, 7, 1000} {
			calls := make([]atomic.Int32, n)
			Do(n, workers, func(i int) { calls[i].Add(1) })
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Fatalf("workers %d, n %d: step %d ran %d times", workers, n, i, c)
				}
			}
		}
	}
}

func TestDoBoundsWorkers(t *testing.T) {
	var running, most atomic.Int32
	Do(200, 3, func(int) {
		r := running.Add(1)
		for {
			m := most.Load()
			if r <= m || most.CompareAndSwap(m, r) {
				break
			}
		}
		for range 1000 {
			_ = running.Load()
		}
		running.Add(-1)
	})
	if m := most.Load(); m > 3 || m < 1 {
		t.Errorf("%d steps ran at once, want 1 to 3", m)
	}
}
