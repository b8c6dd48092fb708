package e2e

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The install story of README.md and docs/downstream.md, end to end: a
// consumer module adds the generator with a tool directive and runs it by
// its full path from a go:generate line; its settings live in
// contractgen.yaml, so the line carries no flags.

const toolPath = "github.com/contractgen/contractgen/cmd/gen"

const consumerDoc = `// Package consumer keeps its contract in contract.yaml.
package consumer

//go:generate go tool ` + toolPath + ` generate
`

const consumerConfig = `version: 1
spec: contract.yaml
outputs:
  go: {out: contract, package: contract}
  schema: {out: schemas}
  docs: {out: docs}
`

// TestInstallWithToolDirective: go get -tool from a module proxy (no
// replace directive), as a consumer pins a commit today and a release later.
func TestInstallWithToolDirective(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module with the go command")
	}
	goCmd := goTool(t)
	root := repoRoot(t)
	proxy, version := moduleProxy(t, root)
	dir := consumer(t, root)
	upstream, err := exec.Command(goCmd, "env", "GOPROXY").Output()
	require.NoError(t, err)
	env := installEnv("GOPROXY=file://"+filepath.ToSlash(proxy)+","+strings.TrimSpace(string(upstream)),
		"GONOSUMDB=github.com/contractgen/contractgen", "GONOSUMCHECK=github.com/contractgen/contractgen")
	mustRun(t, dir, env, goCmd, "get", "-tool", toolPath+"@"+version)
	mod := readFile(t, filepath.Join(dir, "go.mod"))
	assert.Contains(t, mod, "\ntool "+toolPath+"\n")
	assert.Contains(t, mod, "github.com/contractgen/contractgen "+version)
	consumerWorkflow(t, dir, env, goCmd)
}

// TestInstallWithReplace: a consumer that builds the generator from a local
// checkout. go get -tool refuses a module that only a replace directive
// provides, so go.mod is edited and tidied instead, as docs/downstream.md says.
func TestInstallWithReplace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module with the go command")
	}
	goCmd := goTool(t)
	root := repoRoot(t)
	dir := consumer(t, root)
	env := installEnv()
	mustRun(t, dir, env, goCmd, "mod", "edit", "-require", "github.com/contractgen/contractgen@v0.0.0",
		"-replace", "github.com/contractgen/contractgen="+root, "-tool", toolPath)
	mustRun(t, dir, env, goCmd, "mod", "tidy")
	consumerWorkflow(t, dir, env, goCmd)
}

// consumerWorkflow: go generate writes what the config names; gen check
// passes; an edited spec fails the check with a diff; a typo in the config
// is reported at its position with a suggestion.
func consumerWorkflow(t *testing.T, dir string, env []string, goCmd string) {
	t.Helper()
	r := mustRun(t, dir, env, goCmd, "generate", "./...")
	assert.Contains(t, r.stdout, "wrote "+filepath.Join("contract", "types.go")+"\n")
	for _, p := range []string{"contract", "schemas", "docs"} {
		_, err := os.Stat(filepath.Join(dir, p))
		assert.NoError(t, err, "%s written", p)
	}
	for _, p := range []string{"generated", filepath.Join("generated", "jsonschema")} {
		_, err := os.Stat(filepath.Join(dir, p))
		assert.True(t, os.IsNotExist(err), "no default folder %s is written beside a config", p)
	}
	mustRun(t, dir, env, goCmd, "vet", "./...")
	r = mustRun(t, dir, env, goCmd, "tool", toolPath, "check")
	assert.Empty(t, r.stdout+r.stderr)
	r = mustRun(t, dir, env, goCmd, "tool", toolPath, "lint", "--format=json")
	var lint struct{ Diagnostics []map[string]any }
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &lint), r.stdout)

	addKillSwitch(t, filepath.Join(dir, "contract.yaml"))
	r = run(t, dir, env, 3*time.Minute, goCmd, "tool", toolPath, "check")
	require.Equal(t, 1, r.code, "%s", r)
	assert.Regexp(t, `(?m)^\+.*FlagKindKillSwitch FlagKind = "kill_switch"$`, r.stdout, "the diff shows the new constant")
	assert.Contains(t, r.stderr, "out of date with the spec")

	writeFile(t, filepath.Join(dir, "contractgen.yaml"), strings.Replace(consumerConfig, "schema: {out: schemas}", "schemas: {out: schemas}", 1))
	r = run(t, dir, env, 3*time.Minute, goCmd, "tool", toolPath, "check")
	require.Equal(t, 1, r.code, "%s", r)
	assert.Equal(t, `contractgen.yaml:5:3: unknown key "schemas" in outputs; did you mean "schema"?`+"\n", r.stderr)
}

// consumer writes a fresh module with a spec, contractgen.yaml and a
// go:generate line; go.sum starts as this repository's, so dependencies
// resolve from the module cache.
func consumer(t *testing.T, root string) string {
	dir := t.TempDir()
	goLine := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(readFile(t, filepath.Join(root, "go.mod")))
	require.NotNil(t, goLine)
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/consumer\n\ngo "+goLine[1]+"\n")
	copyFile(t, filepath.Join(root, "go.sum"), filepath.Join(dir, "go.sum"))
	copyFile(t, featureFlagsSpec(t), filepath.Join(dir, "contract.yaml"))
	writeFile(t, filepath.Join(dir, "contractgen.yaml"), consumerConfig)
	writeFile(t, filepath.Join(dir, "doc.go"), consumerDoc)
	return dir
}

// installEnv is goEnv without -mod=mod: a consumer runs plain go commands.
func installEnv(extra ...string) []string {
	env := append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=")
	return append(env, extra...)
}

func mustRun(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	r := run(t, dir, env, 5*time.Minute, name, args...)
	require.Equal(t, 0, r.code, "%s %s\n%s", name, strings.Join(args, " "), r)
	return r
}

// moduleProxy lays out a GOPROXY folder serving this checkout's files (as
// git lists them) as github.com/contractgen/contractgen at a pseudo-version,
// standing in for a commit pinned with go get -tool …@<commit>. The
// pseudo-version's hash is the content's, so that the module cache never
// serves an earlier tree under the same version.
func moduleProxy(t *testing.T, root string) (string, string) {
	t.Helper()
	out, err := exec.Command("git", "-C", root, "ls-files", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("git ls-files: %v (the proxy is built from a git checkout)", err)
	}
	files := map[string][]byte{}
	var paths []string
	sum := sha256.New()
	for _, p := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		data, err := os.ReadFile(filepath.Join(root, p))
		if os.IsNotExist(err) {
			continue // deleted but not yet staged
		}
		require.NoError(t, err)
		files[p] = data
		paths = append(paths, p)
		fmt.Fprintf(sum, "%s\x00%d\x00", p, len(data))
		sum.Write(data)
	}
	installVersion := "v0.0.0-20261201000000-" + hex.EncodeToString(sum.Sum(nil))[:12]
	proxy := t.TempDir()
	base := filepath.Join(proxy, "github.com", "contractgen", "contractgen", "@v")
	require.NoError(t, os.MkdirAll(base, 0o755))
	zf, err := os.Create(filepath.Join(base, installVersion+".zip"))
	require.NoError(t, err)
	zw := zip.NewWriter(zf)
	prefix := "github.com/contractgen/contractgen@" + installVersion + "/"
	for _, p := range paths {
		data := files[p]
		w, err := zw.Create(prefix + p)
		require.NoError(t, err)
		_, err = w.Write(data)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, zf.Close())
	copyFile(t, filepath.Join(root, "go.mod"), filepath.Join(base, installVersion+".mod"))
	info := `{"Version":` + strconv.Quote(installVersion) + `,"Time":"2026-12-01T00:00:00Z"}`
	writeFile(t, filepath.Join(base, installVersion+".info"), info)
	writeFile(t, filepath.Join(base, "list"), installVersion+"\n")
	return proxy, installVersion
}
