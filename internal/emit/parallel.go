package emit

import (
	"runtime"
	"sync"
)

// Pipe runs jobs on every core as an emitter hands them over, in the
// order it builds them: at most one job per core waits, so a builder
// faster than the workers blocks instead of holding every built item at
// once. Emitters use it for work whose result depends only on what the job
// was given (rendering a built page, schema or file), so their output is the
// same whatever the number of workers; a job must not touch shared state.
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
