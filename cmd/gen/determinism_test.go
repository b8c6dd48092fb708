package main

import (
	"bytes"
	"github.com/contractgen/contractgen/internal/config"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestOutputIndependentOfParallelism: the emitters and the Go files run
// concurrently; the plan must be the same, byte for byte and in the same
// order, whatever GOMAXPROCS is.
func TestOutputIndependentOfParallelism(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, spec := range []string{"../../spec/contract.yaml", "../../testdata/specs/lab_results/spec.yaml"} {
		c, err := loadSpec(spec)
		require.NoError(t, err)
		cfg := &settings{cfg: &config.Config{Go: &config.GoTarget{Out: "go"}, Schema: &config.SchemaTarget{Out: "schemas"}, Docs: &config.DocsTarget{Out: "docs", MkDocs: true}}}
		var first []string
		var firstData [][]byte
		for _, procs := range []int{1, 2, 8} {
			runtime.GOMAXPROCS(procs)
			plan, err := generate(c, cfg)
			require.NoError(t, err)
			var paths []string
			var data [][]byte
			for _, f := range plan.Files {
				paths = append(paths, f.Path)
				data = append(data, f.Data)
			}
			if first == nil {
				first, firstData = paths, data
				continue
			}
			require.Equal(t, first, paths, "%s: files with GOMAXPROCS=%d", spec, procs)
			for i := range data {
				require.True(t, bytes.Equal(firstData[i], data[i]), "%s: %s differs with GOMAXPROCS=%d", spec, paths[i], procs)
			}
		}
	}
}
