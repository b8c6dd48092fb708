package breaking

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/validate"
)

// FuzzCompare compares pairs of arbitrary specs: whenever both are valid,
// Compare and Markdown end without a panic, and a spec compared with
// itself (two models built from the same bytes) shows no change. Seeds:
// every rule's old and new spec.
func FuzzCompare(f *testing.F) {
	dirs, _ := filepath.Glob("testdata/*")
	for _, d := range dirs {
		old, err1 := os.ReadFile(filepath.Join(d, "old.yaml"))
		new, err2 := os.ReadFile(filepath.Join(d, "new.yaml"))
		if err1 == nil && err2 == nil {
			f.Add(old, new)
		}
	}
	f.Fuzz(func(t *testing.T, oldSpec, newSpec []byte) {
		o, n := fuzzModel(oldSpec), fuzzModel(newSpec)
		if o == nil || n == nil {
			return
		}
		_ = Markdown("main", "spec.yaml", Compare(o, n))
		if same := Compare(o, fuzzModel(oldSpec)); len(same) > 0 {
			t.Fatalf("a spec compared with itself changes: %s", render(same))
		}
	})
}

// fuzzModel is the model of a valid spec, or nil.
func fuzzModel(data []byte) *model.Contract {
	s, err := load.Bytes("spec.yaml", data)
	if err != nil {
		return nil
	}
	c, err := validate.Check(s)
	if err != nil {
		return nil
	}
	return c
}
