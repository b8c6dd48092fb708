package validate

import (
	"math/rand"
	"os"
	"testing"

	"github.com/contractgen/contractgen/internal/load"
)

// TestMutatedSpecsNeverPanic runs load and validate over thousands of
// randomly damaged copies of the real specs (fixed seed, so runs repeat):
// every one ends in a model or in errors, never in a panic.
func TestMutatedSpecsNeverPanic(t *testing.T) {
	seeds := []string{"../../spec/contract.yaml", "../../testdata/specs/feature_flags/spec.yaml", "../../testdata/hostile/spec.yaml", "../../testdata/specs/payments_webhooks/spec.yaml"}
	r := rand.New(rand.NewSource(7))
	loaded := 0
	for i := 0; i < 2000; i++ {
		data, _ := os.ReadFile(seeds[i%4])
		n := 1 + r.Intn(3)
		for j := 0; j < n; j++ {
			p := r.Intn(len(data))
			switch r.Intn(3) {
			case 0:
				data[p] = "abcxyz_-:0 \n"[r.Intn(12)]
			case 1:
				data = append(data[:p], data[min(len(data), p+1+r.Intn(12)):]...)
			case 2:
				q := r.Intn(len(data))
				data = append(data[:p], append(append([]byte{}, data[q:min(len(data), q+r.Intn(30))]...), data[p:]...)...)
			}
		}
		s, err := load.Bytes("spec.yaml", data)
		if err == nil {
			loaded++
			func() {
				defer func() {
					if x := recover(); x != nil {
						t.Fatalf("panic on mutation %d: %v\n%s", i, x, data)
					}
				}()
				_, _ = Check(s)
			}()
		}
	}
	if loaded < 100 {
		t.Fatalf("only %d mutated specs loaded; the mutations are too destructive to test validation", loaded)
	}
}
