package validate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/contractgen/contractgen/internal/load"
)

// FuzzSpec feeds arbitrary documents through load and validate: every input
// ends in a model or in positioned errors, never in a panic. Seeds: the
// shipped spec, the domain specs, the hostile spec and every invalid case.
func FuzzSpec(f *testing.F) {
	paths := []string{"../../spec/contract.yaml", "../../testdata/hostile/spec.yaml"}
	for _, glob := range []string{"../../testdata/specs/*/spec.yaml", "../../testdata/invalid/*/spec.yaml"} {
		more, _ := filepath.Glob(glob)
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
	f.Add([]byte("contract: {name: x}\nenvelopes: *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := load.Bytes("spec.yaml", data)
		if err != nil {
			return
		}
		_, _ = Check(s)
	})
}
