package validate

import (
	"os"
	"testing"

	"github.com/contractgen/contractgen/internal/load"
)

// FuzzSpec feeds arbitrary documents through load and validate: every input
// ends in a model or in positioned errors, never in a panic.
func FuzzSpec(f *testing.F) {
	for _, p := range []string{"../../testdata/hostile/spec.yaml", "../../testdata/invalid/several_semantic_errors/spec.yaml"} {
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
