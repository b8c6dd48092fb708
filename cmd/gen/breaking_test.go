package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const breakingSpec = `contract:
  name: shop
  title: Shop
  package: shop
  schema_base_uri: https://schemas.example.com/shop/
operations:
  place_order:
    description: Places an order.
    request:
      sku: {type: string, description: What is ordered.}
      quantity: {type: integer, minimum: 1, maximum: 20, description: How many.}
    request_examples:
      - {sku: A-1, quantity: 2}
`

// gitRepo makes a repository with two commits of a spec and returns its
// folder, with the working folder moved into it.
func gitRepo(t *testing.T, first, second string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	run("init", "-q", "-b", "main")
	require.NoError(t, os.WriteFile("contractgen.yaml", []byte("version: 1\nspec: api/contract.yaml\noutputs:\n  go: {out: contract}\n"), 0o644))
	require.NoError(t, os.MkdirAll("api", 0o755))
	require.NoError(t, os.WriteFile("api/contract.yaml", []byte(first), 0o644))
	run("add", ".")
	run("commit", "-q", "-m", "first")
	require.NoError(t, os.WriteFile("api/contract.yaml", []byte(second), 0o644))
	run("commit", "-q", "-am", "second")
	return dir
}

// TestBreakingAgainstGitRef: two commits of a spec; the second lowers a
// request maximum and adds an operation.
func TestBreakingAgainstGitRef(t *testing.T) {
	second := strings.Replace(breakingSpec, "maximum: 20", "maximum: 10", 1) + `  list_orders:
    description: Lists orders.
    request: {}
`
	gitRepo(t, breakingSpec, second)
	code, stdout, stderr := gen("breaking", "--against", "HEAD~1")
	assert.Equal(t, exitFail, code, stderr)
	assert.Equal(t, filepath.Join("api", "contract.yaml")+`:11:7: error: member quantity of the request of place_order: maximum 20 is now 10 [REQUEST_BOUND_TIGHTENED] (was at HEAD~1:api/contract.yaml:11:7)`+"\n"+
		filepath.Join("api", "contract.yaml")+`:14:3: info: operation list_orders is added [OPERATION_ADDED]`+"\n", stdout)

	// The same as data and as annotations.
	code, stdout, _ = gen("breaking", "--against", "main~1", "--format=json")
	assert.Equal(t, exitFail, code)
	var got struct {
		Diagnostics []struct {
			File, Severity, Rule, Message, Other string
			Line, Col                            int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	require.Len(t, got.Diagnostics, 2)
	assert.Equal(t, "REQUEST_BOUND_TIGHTENED", got.Diagnostics[0].Rule)
	assert.Equal(t, "main~1:api/contract.yaml:11:7", got.Diagnostics[0].Other)
	_, stdout, _ = gen("breaking", "--against", "HEAD~1", "--format=github")
	assert.Contains(t, stdout, "::error file=api/contract.yaml,line=11,col=7,title=REQUEST_BOUND_TIGHTENED::member quantity")

	// The changelog page.
	code, stdout, _ = gen("breaking", "--against", "HEAD~1", "--format=markdown")
	assert.Equal(t, exitFail, code)
	assert.Equal(t, "# Changes since HEAD~1\n\n## Breaking changes\n\n| change | rule | where |\n| --- | --- | --- |\n"+
		"| member quantity of the request of place_order: maximum 20 is now 10 | `REQUEST_BOUND_TIGHTENED` | `"+filepath.Join("api", "contract.yaml")+":11` |\n\n"+
		"## Other changes\n\n| change | rule | where |\n| --- | --- | --- |\n"+
		"| operation list_orders is added | `OPERATION_ADDED` | `"+filepath.Join("api", "contract.yaml")+":14` |\n", stdout)

	// Compared with itself, nothing changed.
	code, stdout, _ = gen("breaking", "--against", "HEAD")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, stdout)

	// A ref that git would read as an option is refused before git runs.
	code, stdout, stderr = gen("breaking", "--against", "--output=written-by-git")
	assert.NotEqual(t, exitOK, code)
	assert.Contains(t, stdout+stderr, `--against "--output=written-by-git" is not a file, a folder or a git ref`)
	assert.NoFileExists(t, "written-by-git")
}

func TestBreakingIgnores(t *testing.T) {
	second := strings.Replace(breakingSpec, "      quantity: {type: integer, minimum: 1, maximum: 20, description: How many.}\n",
		"      # contractgen:breaking-ignore REQUEST_BOUND_TIGHTENED no client orders more than 10\n      quantity: {type: integer, minimum: 1, maximum: 10, description: How many.}\n", 1)
	gitRepo(t, breakingSpec, second)
	code, stdout, _ := gen("breaking", "--against", "HEAD~1")
	assert.Equal(t, exitOK, code, stdout)
	assert.Empty(t, stdout)

	// An ignore without a reason does not count, and is itself an error.
	require.NoError(t, os.WriteFile("api/contract.yaml", []byte(strings.Replace(second, " no client orders more than 10", "", 1)), 0o644))
	code, stdout, _ = gen("breaking", "--against", "HEAD~1")
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stdout, "REQUEST_BOUND_TIGHTENED")
	assert.Contains(t, stdout, "api/contract.yaml:11:7: error: breaking-ignore comment for REQUEST_BOUND_TIGHTENED gives no reason")

	// A rule ignored by flag or in the config is not reported.
	code, stdout, _ = gen("breaking", "--against", "HEAD~1", "-ignore", "REQUEST_BOUND_TIGHTENED")
	assert.Equal(t, exitFail, code, "the reasonless comment is still an error")
	assert.NotContains(t, stdout, "[REQUEST_BOUND_TIGHTENED]")
	require.NoError(t, os.WriteFile("api/contract.yaml", []byte(strings.Replace(breakingSpec, "maximum: 20", "maximum: 10", 1)), 0o644))
	require.NoError(t, os.WriteFile("contractgen.yaml", []byte("version: 1\nspec: api/contract.yaml\nbreaking:\n  ignore: [REQUEST_BOUND_TIGHTENED]\n"), 0o644))
	code, stdout, _ = gen("breaking", "--against", "HEAD~1")
	assert.Equal(t, exitOK, code, stdout)

	// An unknown rule is a usage error at its place.
	require.NoError(t, os.WriteFile("contractgen.yaml", []byte("version: 1\nspec: api/contract.yaml\nbreaking:\n  ignore: [REQUEST_BOUND_TIGHTEND]\n"), 0o644))
	code, _, stderr := gen("breaking", "--against", "HEAD~1")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "contractgen.yaml:4:12: unknown breaking rule REQUEST_BOUND_TIGHTEND; did you mean REQUEST_BOUND_TIGHTENED?\n", stderr)
}

func TestBreakingAgainstFileAndFolder(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.yaml")
	require.NoError(t, os.WriteFile(old, []byte(breakingSpec), 0o644))
	newer := filepath.Join(dir, "new.yaml")
	require.NoError(t, os.WriteFile(newer, []byte(strings.NewReplacer("      sku: {type: string, description: What is ordered.}\n", "", "sku: A-1, ", "").Replace(breakingSpec)), 0o644))
	code, stdout, _ := gen("breaking", "-spec", newer, "--against", old)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stdout, "[REQUEST_FIELD_REMOVED] (was at "+old+":10:7)")

	// A folder holding the old checkout, with its own config.
	checkout := filepath.Join(dir, "checkout")
	require.NoError(t, os.MkdirAll(filepath.Join(checkout, "api"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(checkout, "api", "contract.yaml"), []byte(breakingSpec), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(checkout, "contractgen.yaml"), []byte("version: 1\nspec: api/contract.yaml\n"), 0o644))
	code, stdout, _ = gen("breaking", "-spec", newer, "--against", checkout)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stdout, "[REQUEST_FIELD_REMOVED]")

	// Usage errors.
	code, _, stderr := gen("breaking", "-spec", newer)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--against is required")
	code, _, stderr = gen("breaking", "-spec", newer, "--against", "no-such-ref")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `--against "no-such-ref" is not a file`)
}

// TestBreakingAgainstLargeRef: a spec at a git ref is held to the bound of
// a spec file before git writes it out.
func TestBreakingAgainstLargeRef(t *testing.T) {
	gitRepo(t, breakingSpec+"# "+strings.Repeat("x", 9<<20)+"\n", breakingSpec)
	code, stdout, stderr := gen("breaking", "--against", "HEAD~1")
	assert.NotEqual(t, exitOK, code)
	assert.Contains(t, stdout+stderr, "--against HEAD~1: api/contract.yaml is larger than 8 MiB there")
}
