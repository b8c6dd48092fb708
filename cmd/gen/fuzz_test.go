package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/emit/docs"
	"github.com/contractgen/contractgen/internal/emit/golang"
	"github.com/contractgen/contractgen/internal/emit/schema"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/validate"
)

// FuzzGenerate feeds arbitrary documents through the whole pipeline in
// memory: load, validate, and every emitter on what validates. Each stage
// ends in its output or in errors, never in a panic (FuzzSpec fuzzes load
// and validate alone). Seeds: the shipped spec, the domain specs, the
// hostile spec and every invalid case.
func FuzzGenerate(f *testing.F) {
	paths := []string{"../../spec/contract.yaml", "../../testdata/hostile/spec.yaml"}
	for _, glob := range []string{"../../testdata/specs/*/spec.yaml", "../../testdata/invalid/*/spec.yaml"} {
		more, err := filepath.Glob(glob)
		if err != nil {
			f.Fatal(err)
		}
		paths = append(paths, more...)
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && (st.IsDir() || st.Size() > 1<<20) {
			continue // the cases of a folder or an oversized spec
		}
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := load.Bytes("spec.yaml", data)
		if err != nil {
			return
		}
		c, err := validate.Check(s)
		if err != nil {
			return
		}
		// An emitter may refuse what only it constrains (the docs need
		// operation names that can name a file, and examples they can
		// synthesize); it says so in an error, never in a panic.
		for _, e := range []emit.Emitter{golang.New(), schema.New(), docs.New()} {
			if _, err := e.Generate(c, emit.Options{DocsDir: "docs", SchemaDir: "schemas"}); err != nil && err.Error() == "" {
				t.Errorf("%s emitter: an error without a message", e.Name())
			}
		}
	})
}
