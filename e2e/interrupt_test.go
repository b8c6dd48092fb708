//go:build unix

package e2e

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// twoSpecs prepares a project folder holding two unrelated specs (so that
// switching between them rewrites, adds and orphans many files) and returns
// it with the full output tree of each spec, generated into fresh folders.
func twoSpecs(t *testing.T) (dir string, specs [2]string, full [2]map[string]string) {
	t.Helper()
	root := repoRoot(t)
	dir = t.TempDir()
	specs = [2]string{"flags.yaml", "payments.yaml"}
	copyFile(t, filepath.Join(root, "testdata", "specs", "feature_flags", "spec.yaml"), filepath.Join(dir, specs[0]))
	copyFile(t, filepath.Join(root, "testdata", "specs", "payments_webhooks", "spec.yaml"), filepath.Join(dir, specs[1]))
	for i, s := range specs {
		ref := t.TempDir()
		copyFile(t, filepath.Join(dir, s), filepath.Join(ref, s))
		r := gen(t, ref, nil, genArgs(s)...)
		require.Equal(t, 0, r.code, "%s", r)
		full[i] = files(snapshot(t, filepath.Join(ref, "out")))
		require.NotEmpty(t, full[i])
	}
	return dir, specs, full
}

func genArgs(spec string) []string {
	return []string{"-spec", spec, "-go-out", "out/go", "-schema-out", "out/jsonschema", "-docs-out", "out/docs"}
}

// outFiles is the files of the output folders now.
func outFiles(t *testing.T, dir string) map[string]string {
	return files(snapshot(t, filepath.Join(dir, "out")))
}

// runs is how many killed runs TestKilledRunsNeverLeaveAMixedTree makes;
// CONTRACTGEN_KILL_RUNS raises it for a longer soak.
func runs(t *testing.T, def int) int {
	if v, err := strconv.Atoi(os.Getenv("CONTRACTGEN_KILL_RUNS")); err == nil && v > 0 {
		return v
	}
	return def
}

// TestKilledRunsNeverLeaveAMixedTree kills gen with SIGKILL at a random
// moment of its run, alternating between two specs. After each kill, -check
// with the killed run's spec fails unless the run had finished; when the
// kill left a journal or temp files, -check says so. The next normal run
// (with either spec) leaves exactly that spec's full output, nothing else.
func TestKilledRunsNeverLeaveAMixedTree(t *testing.T) {
	if testing.Short() {
		t.Skip("runs gen a few hundred times")
	}
	dir, specs, full := twoSpecs(t)
	bin := genBinary(t)

	// How long a run that rewrites the whole tree takes, to aim the kills.
	r := gen(t, dir, nil, genArgs(specs[0])...)
	require.Equal(t, 0, r.code, "%s", r)
	start := time.Now()
	r = gen(t, dir, nil, genArgs(specs[1])...)
	require.Equal(t, 0, r.code, "%s", r)
	span := time.Since(start)

	rng := rand.New(rand.NewPCG(1, 2))
	interrupted, finished := 0, 0
	n := runs(t, 100)
	for i := 0; i < n; i++ {
		killed := i % 2
		cmd := exec.Command(bin, genArgs(specs[killed])...)
		cmd.Dir = dir
		require.NoError(t, cmd.Start())
		// Files are replaced at the end of a run: aim the kills there.
		time.Sleep(time.Duration((0.5 + 0.55*rng.Float64()) * float64(span)))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()

		c := gen(t, dir, nil, append(genArgs(specs[killed]), "-check")...)
		if strings.Contains(c.stdout, "interrupted: ") {
			interrupted++
			assert.Equal(t, 1, c.code, "run %d: -check after an interrupted run\n%s", i, c)
			assert.Contains(t, c.stderr, "interrupted run", "run %d", i)
		} else if c.code == 0 {
			finished++
			assert.Equal(t, full[killed], outFiles(t, dir), "run %d: -check passed, so the tree is the full output", i)
		}

		next := rng.IntN(2)
		r := gen(t, dir, nil, genArgs(specs[next])...)
		require.Equal(t, 0, r.code, "run %d: the run after a kill\n%s", i, r)
		got := outFiles(t, dir)
		requireFilesEqual(t, full[next], got, "run %d: after the next normal run", i)
	}
	t.Logf("%d killed runs: %d left an interrupted tree that -check reported, %d had finished", n, interrupted, finished)
	assert.Positive(t, interrupted, "no kill landed while files were being replaced; the test aims badly")
}

// requireFilesEqual compares two trees of files by path and bytes, and
// names the paths that differ (a temp or lock file left shows as new).
func requireFilesEqual(t *testing.T, want, got map[string]string, msgAndArgs ...any) {
	t.Helper()
	if d := changedFiles(want, got); len(d) > 0 {
		require.Fail(t, "trees differ in:\n  "+strings.Join(d, "\n  "), msgAndArgs...)
	}
}

// TestConcurrentRunsNeverInterleave starts two runs with different specs
// into the same folders at the same moment. Each either finishes or fails
// fast with the lock error naming the other's pid; the tree is always the
// full output of a run that succeeded, never a mix.
func TestConcurrentRunsNeverInterleave(t *testing.T) {
	if testing.Short() {
		t.Skip("runs gen many times")
	}
	dir, specs, full := twoSpecs(t)
	bin := genBinary(t)
	locked := 0
	n := runs(t, 20)
	for i := 0; i < n; i++ {
		// Start from the other spec's tree each time, so both runs have
		// everything to rewrite.
		r := gen(t, dir, nil, genArgs(specs[i%2])...)
		require.Equal(t, 0, r.code, "%s", r)
		var wg sync.WaitGroup
		var res [2]result
		for k := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res[k] = runCmd(t, dir, bin, genArgs(specs[k])...)
			}()
		}
		wg.Wait()
		got := outFiles(t, dir)
		matched := false
		for k := range 2 {
			switch res[k].code {
			case 0:
				if len(changedFiles(full[k], got)) == 0 {
					matched = true
				}
			default:
				locked++
				assert.Equal(t, 1, res[k].code, "round %d run %d\n%s", i, k, res[k])
				assert.Regexp(t, `locked by another run \(pid \d+\); wait for it to end and run again`, res[k].stderr, "round %d run %d", i, k)
			}
		}
		require.True(t, matched, "round %d: the tree is no successful run's full output; changed: %v\n%s\n%s", i, changedFiles(full[0], got), res[0], res[1])
	}
	t.Logf("%d rounds of two concurrent runs: %d runs failed fast on the lock", n, locked)
}

// runCmd runs the gen binary without failing from another goroutine.
func runCmd(t *testing.T, dir, bin string, args ...string) result {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		code = -1
	}
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}
