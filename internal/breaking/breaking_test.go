package breaking

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/validate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/<RULE>/want.txt")

func contract(t *testing.T, path string) *model.Contract {
	t.Helper()
	s, err := load.File(path)
	require.NoError(t, err)
	c, err := validate.Check(s)
	require.NoError(t, err, path)
	return c
}

// render prints changes one per line: rule, severity, positions, message.
func render(changes []Change) string {
	var b strings.Builder
	for _, ch := range changes {
		fmt.Fprintf(&b, "%s %s old %d:%d new %d:%d: %s\n", ch.Rule.ID, ch.Rule.Severity, ch.Old.Line, ch.Old.Col, ch.New.Line, ch.New.Col, ch.Msg)
	}
	return b.String()
}

// TestRuleFixtures: for every rule, testdata/<ID> holds an old and a new
// spec whose comparison gives want.txt, and among the rules of its
// category only that rule fires. EXAMPLE_CHANGED may fire beside it: a
// spec's examples are validated, so removing or requiring a member changes
// them too.
func TestRuleFixtures(t *testing.T) {
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			dir := filepath.Join("testdata", r.ID)
			changes := Compare(contract(t, filepath.Join(dir, "old.yaml")), contract(t, filepath.Join(dir, "new.yaml")))
			fired := map[string]bool{}
			for _, ch := range changes {
				if ch.Rule.Category == r.Category && (ch.Rule.ID != "EXAMPLE_CHANGED" || r.ID == "EXAMPLE_CHANGED") {
					fired[ch.Rule.ID] = true
				}
			}
			assert.Equal(t, map[string]bool{r.ID: true}, fired, "rules of category %s that fire", r.Category)
			got := render(changes)
			golden := filepath.Join(dir, "want.txt")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), got)
		})
	}
}

func TestEveryFixtureIsARule(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	require.NoError(t, err)
	var dirs, ids []string
	for _, e := range entries {
		dirs = append(dirs, e.Name())
	}
	for _, r := range Rules() {
		ids = append(ids, r.ID)
	}
	sort.Strings(dirs)
	assert.Equal(t, ids, dirs)
	assert.GreaterOrEqual(t, len(ids), 40)
}

func TestRulesAreWellFormed(t *testing.T) {
	for _, r := range Rules() {
		assert.Regexp(t, `^[A-Z][A-Z0-9_]+$`, r.ID)
		assert.Contains(t, []string{Wire, Go}, r.Category, r.ID)
		assert.Contains(t, []string{Error, Warn, Info}, r.Severity, r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
	}
}

// TestSameSpecHasNoChanges: a spec compared with itself changes nothing.
func TestSameSpecHasNoChanges(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/specs/*/spec.yaml")
	paths = append(paths, "../../spec/contract.yaml", "../../testdata/minimal/spec.yaml")
	for _, p := range paths {
		assert.Empty(t, render(Compare(contract(t, p), contract(t, p))), p)
	}
}

// TestDocsListEveryRule keeps docs/breaking.md's table in step.
func TestDocsListEveryRule(t *testing.T) {
	doc, err := os.ReadFile("../../docs/breaking.md")
	require.NoError(t, err)
	for _, r := range Rules() {
		assert.Contains(t, string(doc), fmt.Sprintf("| `%s` | %s | %s | %s |\n", r.ID, r.Category, r.Severity, r.Summary), r.ID)
	}
}

// TestFilterIgnores: an ignore comment accepts the change on its line or
// the next; a malformed one is an error, one that accepts nothing a warning.
func TestFilterIgnores(t *testing.T) {
	r, _ := Lookup("REQUEST_FIELD_REMOVED")
	changes := []Change{{Rule: r, Msg: "m", New: diag.Pos{Line: 3, Col: 5}}, {Rule: r, Msg: "n", New: diag.Pos{Line: 9, Col: 1}}}
	src := "a: 1\n# contractgen:breaking-ignore REQUEST_FIELD_REMOVED clients never sent it\nb: 2\n" +
		"# contractgen:breaking-ignore\nc: 3\n# contractgen:breaking-ignore REQUEST_FIELD_REMOVD typo\nd: 4\n" +
		"# contractgen:breaking-ignore REQUEST_FIELD_REMOVED\ne: 5\n# contractgen:breaking-ignore FIELD_RENAMED nothing here\nf: 6\n"
	kept, problems := Filter(changes, []byte(src), nil)
	assert.Equal(t, []Change{changes[1]}, kept, "the reasoned comment accepts line 3, the reasonless one nothing")
	assert.Equal(t, []Problem{
		{diag.Pos{Line: 4, Col: 1}, Error, "breaking-ignore comment names no rule; write # contractgen:breaking-ignore RULE_ID reason"},
		{diag.Pos{Line: 6, Col: 1}, Error, "breaking-ignore comment names unknown rule REQUEST_FIELD_REMOVD; did you mean REQUEST_FIELD_REMOVED?"},
		{diag.Pos{Line: 8, Col: 1}, Error, "breaking-ignore comment for REQUEST_FIELD_REMOVED gives no reason; say why the change is acceptable"},
		{diag.Pos{Line: 10, Col: 1}, Warn, "breaking-ignore comment for FIELD_RENAMED accepts no change on line 11; remove it"},
	}, problems)
	kept, _ = Filter(changes, nil, map[string]bool{"REQUEST_FIELD_REMOVED": true})
	assert.Empty(t, kept, "a rule ignored by config or flag is not reported")
}
