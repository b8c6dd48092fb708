package main

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// TestMutatedSpecsGenerateOrFail damages copies of every domain spec at
// random (fixed seed) and runs the whole pipeline on each: a damaged spec
// ends in positioned errors, or in a model that every emitter turns into
// files or errors, never in a panic.
func TestMutatedSpecsGenerateOrFail(t *testing.T) {
	seeds, _ := filepath.Glob("../../testdata/specs/*/spec.yaml")
	seeds = append(seeds, "../../spec/contract.yaml", "../../testdata/minimal/spec.yaml")
	r := rand.New(rand.NewSource(11))
	valid := 0
	rounds := 300
	if testing.Short() {
		rounds = 60
	}
	for i := 0; i < rounds; i++ {
		data, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			t.Fatal(err)
		}
		for j := 0; j < 1+r.Intn(2); j++ {
			p := r.Intn(len(data))
			switch r.Intn(3) {
			case 0:
				data[p] = "abcxyz_-:0 \n[]{}"[r.Intn(16)]
			case 1:
				data = append(data[:p], data[min(len(data), p+1+r.Intn(8)):]...)
			case 2:
				q := r.Intn(len(data))
				data = append(data[:p], append(append([]byte{}, data[q:min(len(data), q+r.Intn(40))]...), data[p:]...)...)
			}
		}
		func() {
			defer func() {
				if x := recover(); x != nil {
					t.Fatalf("panic on mutation %d of %s: %v\n%s", i, seeds[i%len(seeds)], x, data)
				}
			}()
			if generateInMemory(data) {
				valid++
			}
		}()
	}
	t.Logf("%d mutations, %d still valid and generated", rounds, valid)
}
