package emit

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestPipeRunsEveryJob: every job handed over runs once before Wait
// returns, with one worker or several, and a pipe given nothing waits for
// nothing.
func TestPipeRunsEveryJob(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		ran := make([]int32, 1000)
		p := NewPipe()
		for i := range ran {
			p.Go(func() { atomic.AddInt32(&ran[i], 1) })
		}
		p.Wait()
		for i, n := range ran {
			if n != 1 {
				t.Fatalf("GOMAXPROCS=%d: job %d ran %d times", procs, i, n)
			}
		}
		NewPipe().Wait()
	}
}
