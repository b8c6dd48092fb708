package synth

import (
	"strconv"
	"testing"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/emit/docs"
	"github.com/contractgen/contractgen/internal/emit/golang"
	"github.com/contractgen/contractgen/internal/emit/schema"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/validate"
	"github.com/stretchr/testify/require"
)

func contract(t testing.TB, n int) *model.Contract {
	t.Helper()
	s, err := load.Bytes("synthetic.yaml", Spec(n))
	require.NoError(t, err)
	c, err := validate.Check(s)
	require.NoError(t, err)
	return c
}

// TestSpecIsValid: the synthetic spec loads, validates and generates every
// output, with one operation per requested one.
func TestSpecIsValid(t *testing.T) {
	c := contract(t, 3)
	require.Len(t, c.Operations, 3)
	for _, e := range []emit.Emitter{golang.New(), schema.New(), docs.New()} {
		files, err := e.Generate(c, emit.Options{DocsDir: "docs", SchemaDir: "schemas"})
		require.NoError(t, err, e.Name())
		require.NotEmpty(t, files, e.Name())
	}
}

func benchEmitter(b *testing.B, e emit.Emitter, n int) {
	c := contract(b, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Generate(c, emit.Options{DocsDir: "docs", SchemaDir: "schemas"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerate times each emitter and the whole pipeline (load,
// validate, three emitters) on the synthetic spec of N operations.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(name("go", n), func(b *testing.B) { benchEmitter(b, golang.New(), n) })
		b.Run(name("schema", n), func(b *testing.B) { benchEmitter(b, schema.New(), n) })
		b.Run(name("docs", n), func(b *testing.B) { benchEmitter(b, docs.New(), n) })
		b.Run(name("all", n), func(b *testing.B) {
			spec := Spec(n)
			for i := 0; i < b.N; i++ {
				s, err := load.Bytes("synthetic.yaml", spec)
				if err != nil {
					b.Fatal(err)
				}
				c, err := validate.Check(s)
				if err != nil {
					b.Fatal(err)
				}
				for _, e := range []emit.Emitter{golang.New(), schema.New(), docs.New()} {
					if _, err := e.Generate(c, emit.Options{DocsDir: "docs", SchemaDir: "schemas"}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

func name(what string, n int) string {
	return what + "/N=" + strconv.Itoa(n)
}

// BenchmarkLoad times the stages before the emitters, which run alone:
// reading the spec's YAML with positions, and validating it into the model.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{100, 1000} {
		spec := Spec(n)
		b.Run(name("load", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := load.Bytes("synthetic.yaml", spec); err != nil {
					b.Fatal(err)
				}
			}
		})
		s, err := load.Bytes("synthetic.yaml", spec)
		require.NoError(b, err)
		b.Run(name("validate", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := validate.Check(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
