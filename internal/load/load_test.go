package load

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadContract(t *testing.T) {
	path := filepath.Join("..", "..", "spec", "contract.yaml")
	s, err := File(path)
	require.NoError(t, err)
	assert.Equal(t, path, s.File)
	assert.Equal(t, "saascontrolplane", s.Contract.Package.V)
	assert.Equal(t, diag.Pos{Line: 20, Col: 12}, s.Contract.Package.Pos)

	// Spec order is kept everywhere.
	var ops []string
	for _, op := range s.Operations {
		ops = append(ops, op.Name.V)
	}
	assert.Equal(t, []string{"entitlement_status", "tenant_onboarding", "tenant_status", "license_validation",
		"policy_registry_readiness", "policy_registry_lookup", "tenant_audit_store_operating",
		"customer_operating_dashboard", "support_handoff_readiness", "saas_operating_automation", "evidence_export"}, ops)
	var fields []string
	for _, f := range s.Envelopes.Request.Fields {
		fields = append(fields, f.Name.V)
	}
	assert.Equal(t, []string{"schema_version", "operation", "tenant_id", "requested_by", "correlation_id", "private_implementation_required", "payload"}, fields)
	require.NotNil(t, s.Describe)
	assert.Equal(t, []string{"product", "public_repository_boundary"}, []string{s.Describe.Fields.Members[0].Key, s.Describe.Fields.Members[1].Key})
}

func TestLoadMinimal(t *testing.T) {
	s, err := Bytes("spec.yaml", []byte(minimalSpec))
	require.NoError(t, err)
	require.Len(t, s.Operations, 1)
	op := s.Operations[0]
	assert.Equal(t, Str{V: "ping", Pos: diag.Pos{Line: 37, Col: 3}}, op.Name)
	require.Len(t, op.Request, 1)
	f := op.Request[0]
	assert.Equal(t, Str{V: "string", Pos: diag.Pos{Line: 42, Col: 15}}, f.Type)
	assert.Equal(t, &value.Value{Kind: value.String, Str: "hello", Pos: diag.Pos{Line: 43, Col: 18}}, f.Default)
	assert.Nil(t, f.Required)
	assert.False(t, op.Uses.Set())
}

func TestLiterals(t *testing.T) {
	lit := func(t *testing.T, text string) *value.Value {
		t.Helper()
		spec := replaceOnce(t, minimalSpec, "        default: hello\n", "        default: "+text+"\n")
		s, err := Bytes("spec.yaml", []byte(spec))
		require.NoError(t, err)
		return s.Operations[0].Request[0].Default
	}
	assert.Equal(t, `{"b":1,"a":[true,null,1.5,"x"],"c":{}}`, string(lit(t, "{b: 1, a: [true, null, 1.5, x], c: {}}").JSON()))
	assert.Equal(t, `255`, string(lit(t, "0xff").JSON()))
	assert.Equal(t, `-9223372036854775808`, string(lit(t, "-9223372036854775808").JSON()))
	assert.Equal(t, `"2026-01-02"`, string(lit(t, `"2026-01-02"`).JSON()))
	assert.Equal(t, `"yes"`, string(lit(t, "yes").JSON()), "YAML 1.2: yes is a string")
	assert.Equal(t, `1e+21`, string(lit(t, "1e21").JSON()))
	assert.Equal(t, `1.7e+308`, string(lit(t, "1.7e308").JSON()), "a finite float64 near the largest")
	assert.Equal(t, `-1.7976931348623157e+308`, string(lit(t, "-1.7976931348623157e308").JSON()))
}

func TestShapeErrors(t *testing.T) {
	at := func(old, new string) string { return replaceOnce(t, minimalSpec, old, new) }
	seventeen := "" // more fields than pairs looks through one by one
	for i := 1; i <= 17; i++ {
		seventeen += "      f" + strconv.Itoa(i) + ": {type: string}\n"
	}
	cases := []struct {
		name string
		spec string
		want []string
	}{
		{"scalar root", "just text\n", []string{`spec.yaml:1:1: the spec must be a mapping, got "just text"`}},
		{"null root", "---\n", []string{`spec.yaml:2:1: the spec must be a mapping, got null`}},
		{"integer overflow", at("default: hello", "default: 9223372036854775808"),
			[]string{`spec.yaml:43:18: field "note" default: integer 9223372036854775808 does not fit in 64 bits`}},
		{"duplicate key in a large mapping", at("        default: hello\n", "        default: hello\n"+seventeen+"      note: {type: string}\n"),
			[]string{`spec.yaml:61:7: duplicate key "note" in fields of operation "ping" request; first defined at line 41`}},
		{"infinity", at("default: hello", "default: [.inf, -.Inf, .nan]"), []string{
			`spec.yaml:43:19: field "note" default: .inf is not a finite JSON number`,
			`spec.yaml:43:25: field "note" default: -.Inf is not a finite JSON number`,
			`spec.yaml:43:32: field "note" default: .nan is not a finite JSON number`}},
		{"duplicate key in a literal", at("default: hello", "default: {a: 1, b: 2, a: 3}"),
			[]string{`spec.yaml:43:31: duplicate key "a" in field "note" default; first defined at line 43`}},
		{"complex key", at("      note:\n", "      ? [a, b]\n      : x\n      note:\n"),
			[]string{`spec.yaml:41:9: keys in fields of operation "ping" request must be plain strings, got a list`}},
		{"custom tag", at("default: hello", "default: !secret hello"),
			[]string{`spec.yaml:43:18: field "note" default: unsupported YAML tag !secret; expected a JSON-like value: null, boolean, number, string, list or mapping`}},
		{"unknown key far from any", at("        default: hello\n", "        default: hello\n        colour: blue\n"),
			[]string{`spec.yaml:44:9: unknown key "colour" in field "note"; expected one of: const, default, default_list, deprecated, description, exclusive_maximum, exclusive_minimum, format, generate, go_name, key_pattern, max_items, max_length, maximum, messages, min_items, min_length, minimum, non_empty, nullable, optional, pattern, required, sensitive, source, trim, type, unique_items`}},
		{"unknown key near one", at("        default: hello\n", "        default: hello\n        requird: true\n"),
			[]string{`spec.yaml:44:9: unknown key "requird" in field "note"; did you mean "required"?`}},
		{"comma in a flow mapping's value", at("      note:\n        type: string\n        default: hello\n", "      note: {type: string, description: Red, green or blue}\n"),
			[]string{`spec.yaml:41:46: unknown key "green or blue" in field "note" (a comma ends a value inside {...}; quote a value that holds one); expected one of: const, default, default_list, deprecated, description, exclusive_maximum, exclusive_minimum, format, generate, go_name, key_pattern, max_items, max_length, maximum, messages, min_items, min_length, minimum, non_empty, nullable, optional, pattern, required, sensitive, source, trim, type, unique_items`}},
		{"no comma hint for a key with a value", at("      note:\n        type: string\n        default: hello\n", "      note: {type: string, colour: blue}\n"),
			[]string{`spec.yaml:41:28: unknown key "colour" in field "note"; expected one of: const, default, default_list, deprecated, description, exclusive_maximum, exclusive_minimum, format, generate, go_name, key_pattern, max_items, max_length, maximum, messages, min_items, min_length, minimum, non_empty, nullable, optional, pattern, required, sensitive, source, trim, type, unique_items`}},
		{"null where mapping expected", at("    request:\n      note:\n        type: string\n        default: hello\n", "    request:\n"),
			[]string{`spec.yaml:40:13: fields of operation "ping" request must be a mapping, got null`}},
		{"empty request is fine", at("    request:\n      note:\n        type: string\n        default: hello\n", "    request: {}\n"), nil},
		{"list of non-strings", at("  title: Demo contract\n", "  title: Demo contract\n  initialisms: [SaaS, 3, {a: b}]\n"), []string{
			`spec.yaml:4:23: contract initialisms item must be a string, got integer 3`,
			`spec.yaml:4:26: contract initialisms item must be a string, got a mapping`}},
		{"errors sorted by position", at("  title: Demo contract\n", "  title: 1\n  extra: x\n") + "bogus: true\n", []string{
			`spec.yaml:3:10: contract title must be a string, got integer 1`,
			`spec.yaml:4:3: unknown key "extra" in contract; expected one of: description, initialisms, name, package, schema_base_uri, title`,
			`spec.yaml:51:1: unknown key "bogus" in the spec; expected one of: contract, describe, envelopes, forbidden, lists, operations, responses, states, types, versions`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Bytes("spec.yaml", []byte(c.spec))
			if c.want == nil {
				require.NoError(t, err)
				require.NotNil(t, s)
				return
			}
			assert.Nil(t, s)
			assert.Equal(t, c.want, errLines(t, err))
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	cases := []struct {
		name, spec string
		want       []string
	}{
		{"unclosed quote", "contract:\n  name: \"demo\n", []string{"spec.yaml:2:1: invalid YAML: found unexpected end of stream"}},
		{"not UTF-8", "contract:\n  title: Caf\xe9 \xff\n", []string{"spec.yaml:2:13: byte 0xe9 is not UTF-8; save the file as UTF-8"}},
		{"not UTF-8 after a multi-byte letter", "contract:\n  title: é\xff\n", []string{"spec.yaml:2:11: byte 0xff is not UTF-8; save the file as UTF-8"}},
		{"tab indentation", "contract:\n\tname: demo\n", []string{"spec.yaml:2:1: invalid YAML: found character that cannot start any token"}},
		// yaml.v3 gives no column, and its parser's lines count from 0;
		// the error names the line the parser stopped at or the construct
		// it was reading, counted from 1.
		{"bad indentation", "contract:\n  name: demo\n title: x\n", []string{"spec.yaml:3:1: invalid YAML: did not find expected key"}},
		{"bracket in a flow mapping", "contract:\n  name: a\n  x: {type: map[string]}\n", []string{"spec.yaml:3:1: invalid YAML: did not find expected ',' or '}'"}},
		{"unclosed flow sequence", "a: [1, 2\nb: 3\n", []string{"spec.yaml:2:1: invalid YAML: did not find expected ',' or ']'"}},
		{"undefined alias", "contract: *nope\n", []string{`spec.yaml: invalid YAML: unknown anchor 'nope' referenced`}},
		{"second document broken", "contract: {}\n---\n[\n", []string{"spec.yaml:3:1: invalid YAML: did not find expected node content"}},
		{"two documents", "contract: {}\n---\nother: {}\n", []string{"spec.yaml:2:1: spec holds more than one YAML document; expected exactly one"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Bytes("spec.yaml", []byte(c.spec))
			assert.Equal(t, c.want, errLines(t, err))
		})
	}
}
