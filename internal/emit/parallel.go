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

// Pipe runs jobs on every core as an emitter hands them over, in the
// order it builds them: at most one job per core waits, so a builder
// faster than the workers blocks instead of holding every built item at
// once. Like ForEach, a job must depend only on what it was given.
type Pipe struct {
	jobs chan func()
	wg   sync.WaitGroup
}

// NewPipe starts one worker per core.
func NewPipe() *Pipe {
	n := runtime.GOMAXPROCS(0)
	p := &Pipe{jobs: make(chan func(), n)}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for job := range p.jobs {
				job()
			}
		}()
	}
	return p
}

// Go hands job to a worker, waiting while every worker is busy and one
// job per worker waits.
func (p *Pipe) Go(job func()) { p.jobs <- job }

// Wait returns once every job handed over has run; the pipe takes no more.
func (p *Pipe) Wait() {
	close(p.jobs)
	p.wg.Wait()
}
