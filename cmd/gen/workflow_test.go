package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/specschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInitGenerateLintCheck: gen init in an empty folder, then generate,
// lint and check all exit 0; a second init refuses and changes nothing.
func TestInitGenerateLintCheck(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := gen("init")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "wrote contract.yaml\nwrote contractgen.yaml\nnext: edit contract.yaml, then run gen generate, gen lint and gen check\n", stdout)
	for _, args := range [][]string{{"generate"}, {"lint"}, {"check"}} {
		code, stdout, stderr := gen(args...)
		require.Equal(t, exitOK, code, "gen %s: %s%s", args[0], stdout, stderr)
		if args[0] != "generate" {
			assert.Empty(t, stdout+stderr, "gen %s prints nothing on a clean spec", args[0])
		}
	}
	// Only the folders the config names are written.
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"contract", "contract.yaml", "contractgen.yaml", "docs", "schemas"}, names)
	spec, _ := os.ReadFile("contract.yaml")
	assert.True(t, strings.HasPrefix(string(spec), "# yaml-language-server: $schema="+specschema.ID+"\n"), "the starter spec names the editor schema")

	before, _ := os.ReadFile("contractgen.yaml")
	code, stdout, stderr = gen("init")
	assert.Equal(t, exitFail, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "gen init: contract.yaml already exists; nothing was written (remove it or choose another folder)\n", stderr)
	after, _ := os.ReadFile("contractgen.yaml")
	assert.Equal(t, before, after)
}

func TestInitRefusesWhenOnlyTheConfigExists(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "contractgen.yaml"), []byte("mine\n"), 0o644))
	code, _, stderr := gen("init", dir)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "contractgen.yaml already exists; nothing was written")
	_, err := os.Stat(filepath.Join(dir, "contract.yaml"))
	assert.True(t, os.IsNotExist(err), "no starter spec is written beside a config that exists")
}

// TestConfigDrivesCheck: with a config, check needs no flags; an edited
// spec makes it fail with a diff; flags override the config.
func TestConfigDrivesCheck(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.Equal(t, exitOK, first(gen("init")))
	require.Equal(t, exitOK, first(gen("generate")))
	spec, _ := os.ReadFile("contract.yaml")
	require.NoError(t, os.WriteFile("contract.yaml", []byte(strings.Replace(string(spec), "max_length: 10000", "max_length: 5000", 1)), 0o644))
	code, stdout, stderr := gen("check")
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stdout, "+++ "+filepath.Join("schemas", ""))
	assert.Contains(t, stdout, `"maxLength": 5000`)
	assert.Contains(t, stderr, "out of date with the spec")
	// -check is still an alias of check.
	assert.Equal(t, exitFail, first(gen("-check")))
	// JSON diagnostics name each drifted file with its diff.
	code, stdout, _ = gen("check", "--format=json")
	assert.Equal(t, exitFail, code)
	var got struct{ Diagnostics []map[string]any }
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	require.NotEmpty(t, got.Diagnostics)
	for _, d := range got.Diagnostics {
		assert.Equal(t, "STALE", d["rule"])
		assert.Contains(t, d["detail"], "5000")
	}
	// A flag overrides the config: with the Go package alone, only its
	// files are compared.
	code, _, _ = gen("check", "-schema-out", "", "-docs-out", "")
	assert.Equal(t, exitFail, code, "the Go validators changed too")
}

func TestConfigTypoIsPositioned(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	require.Equal(t, exitOK, first(gen("init")))
	require.NoError(t, os.WriteFile("contractgen.yaml", []byte("version: 1\nspec: contract.yaml\noutputs:\n  go: {out: contract}\n  shema: {out: schemas}\n"), 0o644))
	code, stdout, stderr := gen("generate")
	assert.Equal(t, exitFail, code)
	assert.Empty(t, stdout)
	assert.Equal(t, `contractgen.yaml:5:3: unknown key "shema" in outputs; did you mean "schema"?`+"\n", stderr)
	_, err := os.Stat("contract")
	assert.True(t, os.IsNotExist(err), "nothing is generated from a bad config")
}

func TestLintJSONAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "s.yaml")
	require.NoError(t, os.WriteFile(spec, []byte(`contract:
  name: shop
  title: Shop
  package: shop
  schema_base_uri: https://schemas.example.com/shop/
operations:
  placeOrder:
    description: Places an order.
    request:
      sku: {type: string, description: What is ordered.}
    request_examples:
      - {sku: A-1}
`), 0o644))
	code, stdout, _ := gen("lint", "-spec", spec, "--format=json")
	assert.Equal(t, exitFail, code, "an error-level finding fails lint")
	var got struct {
		Diagnostics []struct {
			File, Severity, Rule, Message string
			Line, Col                     int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	require.Len(t, got.Diagnostics, 1)
	d := got.Diagnostics[0]
	assert.Equal(t, []any{spec, 7, 3, "error", "OPERATION_NAME_SNAKE_CASE"}, []any{d.File, d.Line, d.Col, d.Severity, d.Rule})

	// The config can lower the rule to a warning: lint then passes.
	cfg := filepath.Join(dir, "contractgen.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("version: 1\nspec: s.yaml\nlint:\n  rules:\n    OPERATION_NAME_SNAKE_CASE: warn\n"), 0o644))
	code, stdout, _ = gen("lint", "-config", cfg)
	assert.Equal(t, exitOK, code)
	assert.Equal(t, spec+":7:3: warn: operation name \"placeOrder\" is not lower snake_case [OPERATION_NAME_SNAKE_CASE]\n", stdout)
	// GitHub annotations.
	code, stdout, _ = gen("lint", "-config", cfg, "--format=github")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, "::warning file="+spec+",line=7,col=3,title=OPERATION_NAME_SNAKE_CASE::operation name \"placeOrder\" is not lower snake_case\n", stdout)

	// An unknown rule in the config is an error at its position.
	require.NoError(t, os.WriteFile(cfg, []byte("version: 1\nspec: s.yaml\nlint:\n  rules:\n    OPERATION_NAME_SNAKECASE: warn\n"), 0o644))
	code, _, stderr := gen("lint", "-config", cfg)
	assert.Equal(t, exitFail, code)
	assert.Equal(t, cfg+":5:5: lint rules names unknown rule OPERATION_NAME_SNAKECASE; did you mean OPERATION_NAME_SNAKE_CASE?\n", stderr)

	// Spec errors are reported by lint too, as JSON when asked.
	require.NoError(t, os.WriteFile(spec, []byte("contract: {name: x}\n"), 0o644))
	code, stdout, _ = gen("lint", "-spec", spec, "--format=json")
	assert.Equal(t, exitFail, code)
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	require.NotEmpty(t, got.Diagnostics)
	assert.Equal(t, "error", got.Diagnostics[0].Severity)
	assert.Equal(t, 1, got.Diagnostics[0].Line)
}

func first(code int, _, _ string) int { return code }

// TestSpecErrorsAsJSON: with a format for tools, spec errors of generate go
// to stdout as one JSON document, positioned.
func TestSpecErrorsAsJSON(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "s.yaml")
	require.NoError(t, os.WriteFile(spec, []byte("contract:\n  name: x\n  tilte: X\n"), 0o644))
	code, stdout, stderr := gen("generate", "-spec", spec, "-go-out", filepath.Join(dir, "go"), "--format=json")
	assert.Equal(t, exitFail, code)
	assert.Empty(t, stderr)
	var got struct {
		Diagnostics []struct {
			File, Severity, Message string
			Line, Col               int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	require.NotEmpty(t, got.Diagnostics)
	found := false
	for _, d := range got.Diagnostics {
		if d.Line == 3 && d.Col == 3 && strings.Contains(d.Message, `unknown key "tilte"`) {
			found = true
		}
		assert.Equal(t, spec, d.File)
		assert.Equal(t, "error", d.Severity)
	}
	assert.True(t, found, "the typo is reported at 3:3: %s", stdout)
}
