package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/KimMachineGun/automemlimit/memlimit"
	"github.com/contractgen/contractgen/internal/synth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGCPace: gen sets the garbage collector's pace itself, so that a run
// that keeps little live and allocates much (the synthetic spec of 300
// operations: some 150 MB) is not collected every few megabytes, unless
// GOGC or GOMEMLIMIT says otherwise; the output is the same either way.
// The floor grows with the spec (cmd/gen/gc.go), so a paced run collects
// about seven times at any size, where Go's own pace collects 14 to 19
// times from 300 to 5,000 operations.
func TestGCPace(t *testing.T) {
	dir := t.TempDir()
	spec := synth.Spec(300)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "spec.yaml"), spec, 0o644))
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") && !strings.HasPrefix(kv, "GODEBUG=") {
			env = append(env, kv)
		}
	}
	env = append(env, "GODEBUG=gctrace=1")
	cycle := regexp.MustCompile(`(?m)^gc \d+ @`)
	collections := func(out string, extra ...string) int {
		r := gen(t, dir, append(append([]string(nil), env...), extra...), "-spec", "spec.yaml",
			"-go-out", out+"/go", "-schema-out", out+"/schemas", "-docs-out", out+"/docs")
		require.Equal(t, 0, r.code, r.String())
		return len(cycle.FindAllString(r.stderr, -1))
	}
	paced := collections("paced")
	gogc := collections("gogc", "GOGC=100")
	limit := collections("limit", "GOMEMLIMIT=1GiB")
	t.Logf("collections: paced %d, GOGC=100 %d, GOMEMLIMIT=1GiB %d", paced, gogc, limit)
	if c, err := memlimit.FromCgroup(); err == nil && c < 4*96*uint64(len(spec)) {
		// In a container too small for the floor, it is a quarter of the
		// container's memory (docs/cli.md), which the run may well pass
		// more often.
		assert.LessOrEqual(t, paced, gogc)
	} else {
		assert.LessOrEqual(t, 3*paced, 2*gogc, "at most two thirds of the collections")
	}
	assert.GreaterOrEqual(t, gogc, 5, "GOGC=100 is the runtime's own pace")
	assert.GreaterOrEqual(t, limit, 5, "GOMEMLIMIT alone leaves GOGC=100")
	assert.Equal(t, snapshot(t, filepath.Join(dir, "gogc")), snapshot(t, filepath.Join(dir, "paced")))
}
