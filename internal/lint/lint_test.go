package lint

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/config"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/validate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/<RULE>/fail.golden")

// contract loads and validates a fixture spec.
func contract(t *testing.T, path string) (*model.Contract, []byte) {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	s, err := load.Bytes(filepath.Base(path), src)
	require.NoError(t, err)
	c, err := validate.Check(s)
	require.NoError(t, err, "fixture %s must be a valid spec", path)
	return c, src
}

// findings runs every rule at its default severity (the rule under test
// at warn when it is off by default) and keeps those of rule id.
func findings(t *testing.T, path, id string) string {
	c, src := contract(t, path)
	sev := map[string]string{}
	if r, ok := Lookup(id); ok && r.Severity == "off" {
		sev[id] = "warn"
	}
	var b strings.Builder
	for _, f := range Run(c, src, sev) {
		if f.Rule == id {
			fmt.Fprintf(&b, "%d:%d: %s: %s\n", f.Pos.Line, f.Pos.Col, f.Severity, f.Msg)
		}
	}
	return b.String()
}

// TestRuleFixtures checks every rule against its two cases: pass.yaml gives
// no finding of the rule, fail.yaml gives the findings in fail.golden.
func TestRuleFixtures(t *testing.T) {
	for _, id := range IDs() {
		t.Run(id, func(t *testing.T) {
			dir := filepath.Join("testdata", id)
			assert.Empty(t, findings(t, filepath.Join(dir, "pass.yaml"), id), "pass.yaml")
			got := findings(t, filepath.Join(dir, "fail.yaml"), id)
			require.NotEmpty(t, got, "fail.yaml must make %s fire", id)
			golden := filepath.Join(dir, "fail.golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), got)
		})
	}
}

// TestEveryFixtureIsARule keeps testdata and the rule list in step.
func TestEveryFixtureIsARule(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	require.NoError(t, err)
	var dirs []string
	for _, e := range entries {
		dirs = append(dirs, e.Name())
	}
	assert.Equal(t, IDs(), dirs)
}

func TestRulesAreWellFormed(t *testing.T) {
	for _, r := range Rules() {
		assert.Regexp(t, `^[A-Z][A-Z0-9_]+$`, r.ID)
		assert.Contains(t, []string{"error", "warn", "info", "off"}, r.Severity, r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
	}
}

func TestSeverityOverride(t *testing.T) {
	c, src := contract(t, "testdata/OPERATION_NAME_SNAKE_CASE/fail.yaml")
	fs := Run(c, src, map[string]string{"OPERATION_NAME_SNAKE_CASE": "info"})
	require.NotEmpty(t, fs)
	for _, f := range fs {
		if f.Rule == "OPERATION_NAME_SNAKE_CASE" {
			assert.Equal(t, "info", f.Severity)
		}
	}
	for _, f := range Run(c, src, map[string]string{"OPERATION_NAME_SNAKE_CASE": "off"}) {
		assert.NotEqual(t, "OPERATION_NAME_SNAKE_CASE", f.Rule)
	}
}

// TestShippedSpecsLintClean: every spec the repository ships has no
// error-level finding, at the severities of the contractgen.yaml beside
// it when it has one (a camelCase contract turns the snake_case rules off).
func TestShippedSpecsLintClean(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/specs/*/spec.yaml")
	paths = append(paths, "../../spec/contract.yaml", "../../testdata/minimal/spec.yaml")
	for _, p := range paths {
		c, src := contract(t, p)
		sev := map[string]string{}
		if cfg, err := config.Load(filepath.Join(filepath.Dir(p), "contractgen.yaml")); err == nil {
			for id, st := range cfg.Lint {
				_, known := Lookup(id)
				require.True(t, known, "%s names unknown rule %s", cfg.File, id)
				sev[id] = st.Value
			}
		} else {
			require.ErrorIs(t, err, fs.ErrNotExist)
		}
		for _, f := range Run(c, src, sev) {
			assert.NotEqual(t, "error", f.Severity, "%s:%d:%d: %s [%s]", p, f.Pos.Line, f.Pos.Col, f.Msg, f.Rule)
		}
	}
}

// TestDocsListEveryRule keeps docs/cli.md's rule table in step.
func TestDocsListEveryRule(t *testing.T) {
	doc, err := os.ReadFile("../../docs/cli.md")
	require.NoError(t, err)
	for _, r := range Rules() {
		assert.Contains(t, string(doc), fmt.Sprintf("| `%s` | %s | %s |\n", r.ID, r.Severity, r.Summary), r.ID)
	}
	for _, id := range []string{RuleInvalidIgnore, RuleUnusedIgnore} {
		assert.Contains(t, string(doc), "| `"+id+"` |", id)
	}
}
