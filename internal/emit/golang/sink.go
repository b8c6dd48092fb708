package golang

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/dave/jennifer/jen"
)

// StructsPerFile is how many structs one file of a kind holds before the
// next file of that kind starts (decode_2.go, decode_3.go, ...).
// Formatting a file holds its whole syntax tree, so files of bounded size
// bound the emitter's memory and spread the formatting over the cores; a
// contract of fewer structs keeps one file per kind. At 100, a synthetic
// contract of 1,000 operations generates with 132 MiB at peak, against 222
// MiB at 250 (scripts/bench-gen.sh 1000).
const StructsPerFile = 100

// sink hands a fill function the file to write into, starting a new file
// of its kind every StructsPerFile structs, and passes each finished file
// to the renderer.
type sink struct {
	kind, pkg string
	cur       *jen.File
	n, count  int
	r         *renderer
}

// next returns the file that the next struct's declarations go to.
func (k *sink) next() *jen.File {
	if k.cur != nil && k.n == StructsPerFile {
		k.flush()
	}
	f := k.file()
	k.n++
	return f
}

// file returns the current file, for declarations that belong to no
// struct (helpers, shared variables): they go after the structs.
func (k *sink) file() *jen.File {
	if k.cur == nil {
		k.cur = jen.NewFile(k.pkg)
		k.cur.HeaderComment(emit.Header)
		k.n = 0
		k.count++
	}
	return k.cur
}

// finish passes on the last file; a kind with nothing in it still gets its
// one file, as it always has.
func (k *sink) finish() {
	k.file()
	k.flush()
}

func (k *sink) flush() {
	name := k.kind + ".go"
	if k.count > 1 {
		name = fmt.Sprintf("%s_%d.go", k.kind, k.count)
	}
	k.r.render(name, k.cur)
	k.cur = nil
}

// renderer formats finished files on every core while the fill goes on
// (emit.Pipe), so that filling, which is faster, cannot hold the syntax of
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

// render queues f; only the fill's one goroutine calls it.
func (r *renderer) render(name string, f *jen.File) {
	r.order = append(r.order, name)
	r.pipe.Go(func() {
		var buf bytes.Buffer
		err := f.Render(&buf)
		if err != nil {
			err = fmt.Errorf("rendering %s: %w", name, err)
		} else {
			err = checkComments(name, buf.Bytes())
		}
		r.mu.Lock()
		r.out[name], r.errs[name] = buf.Bytes(), err
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
