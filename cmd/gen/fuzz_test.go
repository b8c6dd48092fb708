package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/contractgen/contractgen/internal/config"
	"github.com/contractgen/contractgen/internal/emit"
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
		generateInMemory(data)
	})
}

// generateInMemory runs load, validate and every emitter on spec text data
// and reports whether it validated. An emitter may refuse what only it
// constrains (the docs need operation names that can name a file, and
// examples they can synthesize); it says so in an error, which is dropped
// here: what the callers look for is a panic.
func generateInMemory(data []byte) bool {
	s, err := load.Bytes("spec.yaml", data)
	if err != nil {
		return false
	}
	c, err := validate.Check(s)
	if err != nil {
		return false
	}
	all := &settings{cfg: &config.Config{Go: &config.GoTarget{Out: "go"}, Schema: &config.SchemaTarget{Out: "schemas"}, Docs: &config.DocsTarget{Out: "docs"}}}
	for _, tg := range targets(all) {
		_, _ = tg.emitter.Generate(c, emit.Options{Package: c.Package, SchemaDir: "schemas", DocsDir: "docs"})
	}
	return true
}
