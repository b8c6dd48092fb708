package diag

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var sample = []Finding{
	{File: "spec.yaml", Line: 3, Col: 5, Severity: SeverityWarn, Rule: "FIELD_DESCRIBED", Message: "field a has no description"},
	{File: "spec.yaml", Line: 9, Col: 1, Severity: SeverityError, Message: `unknown key "tpye"`},
	{File: "out/a.go", Severity: SeverityError, Rule: "STALE", Message: "differs", Detail: "--- a\n+++ b\n"},
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Write(&b, "text", sample))
	assert.Equal(t, "spec.yaml:3:5: warn: field a has no description [FIELD_DESCRIBED]\n"+
		"spec.yaml:9:1: unknown key \"tpye\"\n"+
		"out/a.go: error: differs [STALE]\n--- a\n+++ b\n", b.String())
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Write(&b, "json", sample))
	var got struct{ Diagnostics []Finding }
	require.NoError(t, json.Unmarshal(b.Bytes(), &got))
	assert.Equal(t, sample, got.Diagnostics)
	b.Reset()
	require.NoError(t, Write(&b, "json", nil))
	assert.JSONEq(t, `{"diagnostics": []}`, b.String())
}

func TestWriteGitHub(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Write(&b, "github", []Finding{
		sample[0], sample[2],
		{File: "a,b:c.yaml", Line: 1, Col: 2, Severity: SeverityInfo, Rule: "X", Message: "100% sure"},
	}))
	assert.Equal(t, "::warning file=spec.yaml,line=3,col=5,title=FIELD_DESCRIBED::field a has no description\n"+
		"::error file=out/a.go,title=STALE::differs%0A--- a%0A+++ b%0A\n"+
		"::notice file=a%2Cb%3Ac.yaml,line=1,col=2,title=X::100%25 sure\n", b.String())
}

func TestParseIgnores(t *testing.T) {
	src := `a: 1 # contractgen:ignore RULE_A trailing reason
# contractgen:ignore RULE_B reason one
# contractgen:ignore RULE_C reason two

b: 2
c: "not # contractgen:ignore RULE_D inside a string"
d: 'it''s # contractgen:ignore RULE_E quoted'
e: x#contractgen:ignore RULE_F no blank before the hash
# contractgen:ignoreX RULE_G another directive
# contractgen:ignore
f: 3
# contractgen:ignore RULE_H at the end
`
	got := ParseIgnores([]byte(src), "ignore")
	assert.Equal(t, []Ignore{
		{Pos: Pos{1, 6}, Target: 1, RuleID: "RULE_A", Reason: "trailing reason"},
		{Pos: Pos{2, 1}, Target: 5, RuleID: "RULE_B", Reason: "reason one"},
		{Pos: Pos{3, 1}, Target: 5, RuleID: "RULE_C", Reason: "reason two"},
		{Pos: Pos{10, 1}, Target: 11},
		{Pos: Pos{12, 1}, Target: 0, RuleID: "RULE_H", Reason: "at the end"},
	}, got)
	assert.Len(t, ParseIgnores([]byte(src), "breaking-ignore"), 0)
}
