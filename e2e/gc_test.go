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
func TestGCPace(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "spec.yaml"), synth.Spec(300), 0o644))
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
	if c, err := memlimit.FromCgroup(); err == nil && c < 640<<20 {
		// In a container of less than 640 MiB the floor is a quarter of
		// it (docs/cli.md), which the run may well pass more than twice.
		assert.LessOrEqual(t, paced, gogc)
	} else {
		assert.LessOrEqual(t, paced, 2)
	}
	assert.GreaterOrEqual(t, gogc, 5, "GOGC=100 is the runtime's own pace")
	assert.GreaterOrEqual(t, limit, 5, "GOMEMLIMIT alone leaves GOGC=100")
	assert.Equal(t, snapshot(t, filepath.Join(dir, "gogc")), snapshot(t, filepath.Join(dir, "paced")))
}
