package golang

import (
	"fmt"
	"sync"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/dave/jennifer/jen"
)

// StructsPerFile is how many structs one file of a kind holds before the
// next file of that kind starts (decode_2.go, decode_3.go, ...).
// Bounded files bound the emitter's memory and spread the rendering over
// the cores; a contract of fewer structs keeps one file per kind. At 100,
// a synthetic contract of 1,000 operations generates with 132 MiB at peak,
// against 222 MiB at 250 (scripts/bench-gen.sh 1000).
const StructsPerFile = 100

// sink hands a fill function the file to write into, starting a new file
// of its kind every StructsPerFile structs, and passes each finished file
// to the renderer. A file is a list of chunks: declarations written as
// gofmt-clean text (decl), or jennifer code formatted on its own (jen).
type sink struct {
	kind, pkg string
	pkgDoc    []string // the package comment, in the first file
	chunks    []*chunk // the current file's; nil before it starts
	open      bool
	cut       bool // the next jennifer code starts a new chunk
	n, count  int
	r         *renderer
}

// next starts the next struct's declarations, in a new file once the
// current one holds StructsPerFile structs.
func (k *sink) next() {
	if k.open && k.n == StructsPerFile {
		k.flush()
	}
	k.start()
	k.n++
	k.cut = true
}

// start opens a file when none is open.
func (k *sink) start() {
	if !k.open {
		k.open, k.n, k.chunks = true, 0, nil
		k.count++
	}
}

// jen returns the jennifer file that the next declarations go to: the
// last chunk when it is jennifer code, else a new one. Declarations that
// belong to no struct (helpers, shared variables) go after the structs.
func (k *sink) jen() *jen.File {
	k.start()
	if n := len(k.chunks); n > 0 && k.chunks[n-1].jf != nil && !k.cut {
		return k.chunks[n-1].jf
	}
	k.cut = false
	f := jen.NewFile(k.pkg)
	k.chunks = append(k.chunks, &chunk{jf: f})
	return f
}

// decl adds the declaration w holds, written as gofmt-clean text.
func (k *sink) decl(w *gw) {
	k.start()
	k.chunks = append(k.chunks, &chunk{text: w.bytes(), imports: w.imports})
	w.reset()
}

// finish passes on the last file; a kind with nothing in it still gets its
// one file, as it always has.
func (k *sink) finish() {
	k.start()
	k.flush()
}

func (k *sink) flush() {
	name := k.kind + ".go"
	if k.count > 1 {
		name = fmt.Sprintf("%s_%d.go", k.kind, k.count)
	}
	k.r.render(name, k.pkg, k.pkgDoc, k.chunks)
	k.chunks, k.open, k.pkgDoc = nil, false, nil
}

// renderer renders finished files on every core while the fill goes on
// (emit.Pipe), so that filling, which is faster, cannot hold the chunks of
// every file at once.
type renderer struct {
	pipe  *emit.Pipe
	order []string // the files in the order filled
	mu    sync.Mutex
	out   map[string][]byte
	errs  map[string]error
}

func newRenderer() *renderer {
	return &renderer{pipe: emit.NewPipe(), out: map[string][]byte{}, errs: map[string]error{}}
}

// render queues a file; only the fill's one goroutine calls it.
func (r *renderer) render(name, pkg string, pkgDoc []string, chunks []*chunk) {
	r.order = append(r.order, name)
	r.pipe.Go(func() {
		src, err := assemble(pkg, pkgDoc, chunks)
		if err != nil {
			err = fmt.Errorf("rendering %s: %w", name, err)
		} else {
			err = checkComments(name, src)
		}
		r.mu.Lock()
		r.out[name], r.errs[name] = src, err
		r.mu.Unlock()
	})
}

// wait returns every rendered file once all are done; on failure, the
// error of the first file filled that failed.
func (r *renderer) wait() (map[string][]byte, error) {
	r.pipe.Wait()
	for _, name := range r.order {
		if err := r.errs[name]; err != nil {
			return nil, err
		}
	}
	return r.out, nil
}
