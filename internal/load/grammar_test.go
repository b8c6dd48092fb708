package load

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestLoaderReachesEveryShape: the specs the repository ships, read
// together, make the loader read every shape of the grammar, so each
// object call is checked against its shape (a mismatch is reported as an
// internal error) and the editor schema describes real code paths.
func TestLoaderReachesEveryShape(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/specs/*/spec.yaml")
	paths = append(paths, "../../spec/contract.yaml", "../../testdata/minimal/spec.yaml")
	seen := map[string]bool{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		var doc yaml.Node
		require.NoError(t, yaml.Unmarshal(data, &doc))
		errs := &diag.List{File: p}
		r := &reader{errs: errs, budget: 1 << 30, shapes: seen}
		r.spec(doc.Content[0], &Spec{})
		require.NoError(t, errs.Err(), p)
	}
	var missing []string
	for _, s := range Grammar {
		if !seen[s.Name] {
			missing = append(missing, s.Name)
		}
	}
	assert.Empty(t, missing, "shapes no shipped spec uses")
}

// TestGrammarIsWellFormed: shape names are unique, every referenced shape
// exists and is reachable from the root.
func TestGrammarIsWellFormed(t *testing.T) {
	names := map[string]bool{}
	for _, s := range Grammar {
		assert.False(t, names[s.Name], "shape %s twice", s.Name)
		names[s.Name] = true
		assert.NotEmpty(t, s.Doc, s.Name)
		keys := map[string]bool{}
		for _, k := range s.Keys {
			assert.False(t, keys[k.Name], "%s.%s twice", s.Name, k.Name)
			keys[k.Name] = true
			assert.NotEmpty(t, k.Doc, "%s.%s", s.Name, k.Name)
		}
	}
	reached := map[string]bool{}
	var visit func(v Value)
	var walk func(name string)
	visit = func(v Value) {
		switch v.Kind {
		case ValShape:
			require.NotNil(t, LookupShape(v.Shape), "shape %q", v.Shape)
			walk(v.Shape)
		case ValMap, ValList:
			visit(*v.Elem)
		case ValEither:
			for _, a := range v.Alts {
				visit(a)
			}
		}
	}
	walk = func(name string) {
		if reached[name] {
			return
		}
		reached[name] = true
		for _, k := range LookupShape(name).Keys {
			visit(k.Value)
		}
	}
	walk(RootShape)
	assert.Equal(t, len(Grammar), len(reached), "every shape is reachable from the root")
}

// TestFormatNamesMatchThePatternTable keeps the grammar's format enum in
// step with the formats validate accepts.
func TestFormatNamesMatchThePatternTable(t *testing.T) {
	var want []string
	for name := range pattern.Formats {
		want = append(want, name)
	}
	got := append([]string(nil), formatNames...)
	sort.Strings(want)
	sort.Strings(got)
	assert.Equal(t, want, got)
}
