package emit

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// ForEach calls do(i) for every i in [0, n) on every core and returns when
// all calls have. Emitters use it for work whose result depends on i
// alone (rendering a built page or schema), so their output is the same
// whatever the number of workers; do must not touch shared state.
func ForEach(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := min(runtime.GOMAXPROCS(0), n); w > 0; w-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		}()
	}
	wg.Wait()
}
