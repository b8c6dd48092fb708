package synth

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"testing"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/emit/golang"
	"github.com/stretchr/testify/require"
)

// TestLargeGoOutputIsSplit: a contract of a few more structs than one file
// holds (each synthetic operation makes 5) gets a second file of types,
// decoders and validators (builders, 3 per operation, stay in one); every
// file is gofmt-clean, the files are the same bytes whatever GOMAXPROCS is,
// and the package they make compiles and passes vet.
func TestLargeGoOutputIsSplit(t *testing.T) {
	c := contract(t, golang.StructsPerFile/5+1)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first map[string][]byte
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		files, err := golang.New().Generate(c, emit.Options{})
		require.NoError(t, err)
		if first == nil {
			first = files
			continue
		}
		require.Equal(t, len(first), len(files), "GOMAXPROCS=%d", procs)
		for name, b := range first {
			require.True(t, bytes.Equal(b, files[name]), "%s differs with GOMAXPROCS=%d", name, procs)
		}
	}
	var names []string
	for name := range first {
		names = append(names, name)
	}
	sort.Strings(names)
	require.NotContains(t, names, "build_2.go")
	for _, kind := range []string{"types", "decode", "validate"} {
		require.Contains(t, names, kind+".go")
		require.Contains(t, names, kind+"_2.go")
		require.NotContains(t, names, kind+"_3.go")
	}
	dir := t.TempDir()
	for _, name := range names {
		formatted, err := format.Source(first[name])
		require.NoError(t, err, name)
		require.True(t, bytes.Equal(formatted, first[name]), "%s is not gofmt-clean", name)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), first[name], 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module synthetic\n\ngo 1.22\n"), 0o644))
	cmd := exec.Command("go", "vet", ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go vet: %s", out)
}
