package golang

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/synth"
	"github.com/stretchr/testify/require"
)

// TestInitDoesNotGrowWithTheContract: the generated tables (layouts,
// member tables, rules) are static data, so the package's init function
// is no larger for a contract of 24 operations than for one of 3. A table
// entry the compiler has to fill in at run time (say, a slice copied from
// a variable) adds code to init per operation: at a thousand operations
// that made a 352 KB init function, slow to compile. (The sizes need not
// be equal: the compiler inlines more into init of a small package.)
func TestInitDoesNotGrowWithTheContract(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated packages with the go command")
	}
	small, large := initSize(t, 3), initSize(t, 24)
	require.Positive(t, large)
	require.LessOrEqual(t, large, small, "init of the synthetic package: %d bytes at 3 operations, %d at 24", small, large)
}

// initSize compiles the package generated for the synthetic spec of n
// operations and returns the size of its init function's machine code.
func initSize(t *testing.T, n int) int {
	t.Helper()
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.yaml")
	require.NoError(t, os.WriteFile(spec, synth.Spec(n), 0o644))
	c, files := generate(t, spec)
	writeModule(t, dir, "example.com/static", c.Package, files)
	goCommand(t, dir, "build", "-o", "pkg.a", "./"+c.Package)
	out, err := exec.Command("go", "tool", "nm", "-size", filepath.Join(dir, "pkg.a")).Output()
	require.NoError(t, err)
	sym := "example.com/static/" + c.Package + ".init"
	for _, line := range strings.Split(string(out), "\n") {
		// address, size, kind, name
		f := strings.Fields(line)
		if len(f) == 4 && f[2] == "T" && f[3] == sym {
			size, err := strconv.Atoi(f[1])
			require.NoError(t, err)
			return size
		}
	}
	t.Fatalf("no %s in go tool nm's output", sym)
	return 0
}
