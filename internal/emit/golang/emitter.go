// Package golang emits the Go package of a contract: types that marshal in
// spec order, strict reflection-free decoders, validators that report every
// violation, and builders that apply the contract's defaults. The generated
// code needs only the standard library.
package golang

import (
	"embed"
	"errors"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/model"
)

//go:embed rt/*.go
var runtimeFS embed.FS

// Emitter writes the Go package.
type Emitter struct{}

// New returns the Go emitter.
func New() *Emitter { return &Emitter{} }

// Name identifies the emitter in errors.
func (*Emitter) Name() string { return "go" }

// Generate returns the package's files keyed by file name.
func (*Emitter) Generate(c *model.Contract, opts emit.Options) (map[string][]byte, error) {
	pkg := opts.Package
	if pkg == "" {
		pkg = c.Package
	}
	g := newGen(c, pkg)
	// Filling shares the generator's state, so it runs in order; a file is
	// assembled (and its comments checked) from its own declarations
	// alone, so each is assembled as soon as it is filled, while the next
	// ones fill.
	r := newRenderer()
	for _, file := range []struct {
		kind string
		fill func(*sink)
	}{
		{"contract", g.contractFile},
		{"types", g.typesFile},
		{"decode", g.decodeFile},
		{"validate", g.validateFile},
		{"build", g.buildFile},
	} {
		k := &sink{kind: file.kind, pkg: pkg, r: r}
		file.fill(k)
		k.finish()
	}
	out, err := r.wait()
	if err != nil {
		return nil, err
	}
	if len(g.errs) > 0 {
		return nil, errors.Join(g.errs...)
	}
	if err := runtimeFiles(pkg, out); err != nil {
		return nil, err
	}
	return out, nil
}

var packageClause = regexp.MustCompile(`(?m)^package rt$`)

// runtimeFiles copies the hand-written runtime (decoder, errors, checks)
// into the package under the chosen package name.
func runtimeFiles(pkg string, out map[string][]byte) error {
	entries, err := fs.ReadDir(runtimeFS, "rt")
	if err != nil {
		return err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		// rules.go stands in for what contract.go generates.
		if !strings.HasSuffix(e.Name(), "_test.go") && e.Name() != "rules.go" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		src, err := runtimeFS.ReadFile("rt/" + n)
		if err != nil {
			return err
		}
		// The runtime is gofmt-clean as written (TestRuntimeIsGofmtClean),
		// and a header comment and another package name keep it so.
		body := packageClause.ReplaceAll(src, []byte("package "+pkg))
		out["runtime_"+n] = append([]byte("// "+emit.Header+"\n\n"), body...)
	}
	return nil
}
