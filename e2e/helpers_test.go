package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// shared is a folder that lives for the whole test binary: the built gen
// binary goes there so that every test reuses one build.
var shared string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "contractgen-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	shared = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// repoRoot is the absolute path of this checkout (the folder of go.mod).
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	require.Contains(t, string(mod), "module github.com/contractgen/contractgen\n", "e2e must run from <checkout>/e2e")
	return root
}

// goTool returns the go command, skipping the test when there is none.
func goTool(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	return p
}

// goEnv is the environment for go commands run by the tests: no workspace,
// no toolchain switch, and -mod=mod so that a fresh module resolves its
// requirements from the module cache.
func goEnv(extra ...string) []string {
	flags := strings.TrimSpace(os.Getenv("GOFLAGS") + " -mod=mod")
	env := append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS="+flags)
	return append(env, extra...)
}

var (
	genOnce sync.Once
	genPath string
	genErr  error
)

// genBinary builds cmd/gen once per test run and returns its path.
func genBinary(t testing.TB) string {
	t.Helper()
	goCmd := goTool(t)
	genOnce.Do(func() {
		out := filepath.Join(shared, "gen")
		if runtime.GOOS == "windows" {
			out += ".exe"
		}
		cmd := exec.Command(goCmd, "build", "-o", out, "./cmd/gen")
		cmd.Dir = repoRoot(t)
		cmd.Env = goEnv()
		if b, err := cmd.CombinedOutput(); err != nil {
			genErr = fmt.Errorf("go build ./cmd/gen: %v\n%s", err, b)
			return
		}
		genPath = out
	})
	require.NoError(t, genErr)
	return genPath
}

// result is the outcome of one command.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", r.code, r.stdout, r.stderr)
}

// run runs name with args in dir and returns its exit code and output. A
// command that cannot start, or runs longer than limit, fails the test.
func run(t testing.TB, dir string, env []string, limit time.Duration, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %s: no result within %s\n%s%s", name, strings.Join(args, " "), limit, stdout.String(), stderr.String())
	}
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// gen runs the built binary in dir.
func gen(t testing.TB, dir string, env []string, args ...string) result {
	t.Helper()
	if env == nil {
		env = os.Environ()
	}
	return run(t, dir, env, time.Minute, genBinary(t), args...)
}

// entry is one thing in a snapshot of a tree: a folder, or a file with its
// permission bits and bytes.
type entry struct {
	dir  bool
	mode fs.FileMode
	data string
}

func (e entry) String() string {
	if e.dir {
		return fmt.Sprintf("dir %v", e.mode)
	}
	return fmt.Sprintf("file %v, %d bytes", e.mode, len(e.data))
}

// snapshot records every folder and file under root, by slash path relative
// to root.
func snapshot(t testing.TB, root string) map[string]entry {
	t.Helper()
	out := map[string]entry{}
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == "." {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		e := entry{dir: d.IsDir(), mode: info.Mode()}
		if !e.dir {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			e.data = string(b)
		}
		out[filepath.ToSlash(rel)] = e
		return nil
	}))
	return out
}

// requireSameTree fails with the list of paths that differ.
func requireSameTree(t testing.TB, want, got map[string]entry, msgAndArgs ...any) {
	t.Helper()
	var diffs []string
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			diffs = append(diffs, "gone: "+p)
		case g != w:
			diffs = append(diffs, fmt.Sprintf("changed: %s (%v -> %v)", p, w, g))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, "new: "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		require.Fail(t, "tree changed:\n  "+strings.Join(diffs, "\n  "), msgAndArgs...)
	}
}

// files keeps the files of a snapshot, mapping slash path to bytes.
func files(s map[string]entry) map[string]string {
	out := map[string]string{}
	for p, e := range s {
		if !e.dir {
			out[p] = e.data
		}
	}
	return out
}

// changedFiles lists, sorted, the files that differ between two snapshots:
// changed, added or removed.
func changedFiles(before, after map[string]string) []string {
	var out []string
	for p, b := range before {
		if a, ok := after[p]; !ok || a != b {
			out = append(out, p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// copyFile copies src to dst, creating dst's folder.
func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	require.NoError(t, err)
	writeFile(t, dst, string(b))
}

// writeFile writes text to p, creating its folder.
func writeFile(t testing.TB, p, text string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
}

// editSpec replaces old with new in the spec at p, once; old must occur.
func editSpec(t testing.TB, p, old, new string) {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(string(b), old), "%s must contain %q exactly once", p, old)
	require.NoError(t, os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644))
}

// addKillSwitch is the spec edit the tests make: a new flag_kind value in
// the feature_flags spec, which changes several generated files.
func addKillSwitch(t testing.TB, spec string) {
	t.Helper()
	const anchor = "      permission: Grants a feature to chosen customers for good.\n"
	editSpec(t, spec, anchor, anchor+"      kill_switch: Turns a feature off in an emergency.\n")
}

// featureFlagsSpec is the spec with a forbidden-keys rule the tests copy.
func featureFlagsSpec(t testing.TB) string {
	return filepath.Join(repoRoot(t), "testdata", "specs", "feature_flags", "spec.yaml")
}

// reported is one file a -check run names.
type reported struct {
	kind string // "stale", "missing" or "orphaned"
	path string
}

// checkReport returns the files a -check run names, in its order: the
// "--- PATH (on disk)" header of each diff and the missing/orphaned lines.
// That order is the order in which gen would write them.
func checkReport(stdout string) []reported {
	var out []reported
	for _, l := range strings.Split(stdout, "\n") {
		switch {
		case strings.HasPrefix(l, "--- ") && strings.HasSuffix(l, " (on disk)"):
			out = append(out, reported{"stale", strings.TrimSuffix(strings.TrimPrefix(l, "--- "), " (on disk)")})
		case strings.HasPrefix(l, "missing: "):
			out = append(out, reported{"missing", strings.SplitN(strings.TrimPrefix(l, "missing: "), " (", 2)[0]})
		case strings.HasPrefix(l, "orphaned: "):
			out = append(out, reported{"orphaned", strings.SplitN(strings.TrimPrefix(l, "orphaned: "), " (", 2)[0]})
		}
	}
	return out
}

// checkNames splits a -check report by kind.
func checkNames(stdout string) (stale, missing, orphaned []string) {
	for _, r := range checkReport(stdout) {
		switch r.kind {
		case "stale":
			stale = append(stale, r.path)
		case "missing":
			missing = append(missing, r.path)
		case "orphaned":
			orphaned = append(orphaned, r.path)
		}
	}
	return stale, missing, orphaned
}
