package golang

import (
	"fmt"
	"sync"

	"github.com/contractgen/contractgen/internal/emit"
)

// StructsPerFile is how many structs one file of a kind holds before the
// next file of that kind starts (decode_2.go, decode_3.go, ...): files of
// bounded size are assembled on a free core while the next ones fill, and
// stay small enough to read and diff. A contract of fewer structs keeps
// one file per kind.
const StructsPerFile = 100

// sink hands a fill function the file to write into, starting a new file
// of its kind every StructsPerFile structs, and passes each finished file
// to the renderer. A file is a list of declarations, each written as
// gofmt-clean text (gw).
type sink struct {
	kind, pkg string
	pkgDoc    []string // the package comment, in the first file
	decls     []decl   // the current file's; nil before it starts
	open      bool
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
}

// start opens a file when none is open.
func (k *sink) start() {
	if !k.open {
		k.open, k.n, k.decls = true, 0, nil
		k.count++
	}
}

// decl adds the declaration w holds and empties w for the next.
func (k *sink) decl(w *gw) {
	k.start()
	k.decls = append(k.decls, decl{text: w.bytes(), imports: w.imports})
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
	k.r.render(name, k.pkg, k.pkgDoc, k.decls)
	k.decls, k.open, k.pkgDoc = nil, false, nil
}

// renderer assembles finished files on every core while the fill goes on
// (emit.Pipe), so that filling cannot hold every file's declarations at
// once.
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
func (r *renderer) render(name, pkg string, pkgDoc []string, decls []decl) {
	r.order = append(r.order, name)
	r.pipe.Go(func() {
		src := assemble(pkg, pkgDoc, decls)
		err := checkComments(name, src)
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
