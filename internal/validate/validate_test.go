package validate

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// minimalSpec is a small valid spec; tests change parts of it.
const minimalSpec = `contract:
  name: demo
  title: Demo contract
  package: demo
  schema_base_uri: https://schemas.example.com/demo/

versions:
  request:
    value: demo.request.v1
  response:
    value: demo.response.v1

envelopes:
  request:
    version: request
    fields:
      schema_version:
        type: string
        source: version
      operation:
        type: string
        source: operation
      payload:
        type: json
        source: payload
  response:
    version: response
    fields:
      schema_version:
        type: string
        source: version
      payload:
        type: json
        source: payload

operations:
  ping:
    request_description: an optional note
    response_description: the echoed note
    request:
      note:
        type: string
        default: hello
    response:
      message: Pong.
      messages: {mismatch: ping response requires a ping request}
      payload:
        echo:
          type: string
`

// edit applies old→new replacements (each old must occur) to the minimal spec.
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := minimalSpec
	for i := 0; i+1 < len(pairs); i += 2 {
		require.Contains(t, s, pairs[i])
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// check loads and validates spec text and returns the error lines.
func check(t *testing.T, spec string) []string {
	t.Helper()
	s, err := load.Bytes("spec.yaml", []byte(spec))
	require.NoError(t, err, "the spec must load; these tests are about validation")
	m, err := Check(s)
	if err == nil {
		require.NotNil(t, m)
		return nil
	}
	assert.Nil(t, m)
	var list diag.ListError
	require.True(t, errors.As(err, &list))
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Error()
	}
	return out
}

func TestValidSpecs(t *testing.T) {
	assert.Empty(t, check(t, minimalSpec))

	s, err := load.File(filepath.Join("..", "..", "spec", "contract.yaml"))
	require.NoError(t, err)
	m, err := Check(s)
	require.NoError(t, err)
	assert.Equal(t, "saascontrolplane", m.Package)
	assert.Len(t, m.Operations, 11)
}

func TestSemanticErrors(t *testing.T) {
	const noteField = "      note:\n        type: string\n        default: hello\n"
	const echoField = "        echo:\n          type: string\n"
	cases := []struct {
		name string
		spec string
		want []string
	}{
		{"required with default", edit(t, "        default: hello\n", "        default: hello\n        required: true\n"), []string{`spec.yaml:44:19: field "note" of operation "ping" request is required but also has a default, generate or source; a required field has none (a const may be required: it must then be sent)`}},
		{"default and default_list", edit(t, noteField, "      tags:\n        type: list<string>\n        default: []\n        default_list: tags\n",
			"\nenvelopes:\n", "\nlists:\n  tags:\n    values: [a]\n\nenvelopes:\n"), []string{`spec.yaml:48:23: field "tags" of operation "ping" request has both default and default_list; keep one`}},
		{"const and default", edit(t, "        default: hello\n", "        default: hello\n        const: hello\n"), []string{`spec.yaml:44:16: field "note" of operation "ping" request has both const and a default; a const is its own default`}},
		{"default_list on a non-list", edit(t, "        default: hello\n", "        default_list: tags\n",
			"\nenvelopes:\n", "\nlists:\n  tags:\n    values: [a]\n\nenvelopes:\n"), []string{`spec.yaml:47:23: field "note" of operation "ping" request uses default_list but its type "string" is not a list`}},
		{"list values not a list", edit(t, "\nenvelopes:\n", "\nlists:\n  tags:\n    values: {a: 1}\n\nenvelopes:\n"), []string{`spec.yaml:15:13: list "tags" values must be a list, got object`}},
		{"source with const", edit(t, "    version: response\n    fields:\n      schema_version:\n        type: string\n        source: version\n", "    version: response\n    fields:\n      schema_version:\n        type: string\n        source: version\n        const: x\n"), []string{`spec.yaml:31:17: field "schema_version" of the response envelope: a field with a source cannot also have const, default or generate`}},
		{"two payload sources", edit(t, "      payload:\n        type: json\n        source: payload\n  response:", "      payload:\n        type: json\n        source: payload\n      body:\n        type: json\n        source: payload\n  response:"), []string{`spec.yaml:15:5: request envelope must have exactly one field with source payload, found 2`}},
		{"no operation source", edit(t, "      operation:\n        type: string\n        source: operation\n", ""), []string{`spec.yaml:15:5: request envelope must have exactly one field with source operation`}},
		{"no payload source in response", edit(t, "      payload:\n        type: json\n        source: payload\n\noperations:", "      body:\n        type: json\n\noperations:"), []string{`spec.yaml:27:5: response envelope must have exactly one field with source payload, found 0`}},
		{"reserved Go name", edit(t, "\nenvelopes:\n", "\ntypes:\n  AnyRequest:\n    fields:\n      id:\n        type: string\n\nenvelopes:\n"), []string{`spec.yaml:14:3: type "AnyRequest" becomes Go identifier AnyRequest, which the generated code reserves; rename it`}},
		{"operation names collide", edit(t, "\noperations:\n", "\noperations:\n  Ping:\n    request_description: x\n    response_description: y\n    request: {}\n    response: unavailable\n") +
			"\nresponses:\n  unavailable:\n    message: No.\n    payload: {}\n", []string{`spec.yaml:42:3: operation "ping" becomes Go identifier PingRequest, which operation "Ping" (line 37) already uses; rename one of them`}},
		{"version collides", edit(t, "  response:\n    value: demo.response.v1\n", "  response:\n    value: demo.response.v1\n  Response:\n    value: other\n"), []string{`spec.yaml:12:3: version "Response" becomes Go identifier VersionResponse, which version "response" (line 10) already uses; rename one of them`}},
		{"empty version value", edit(t, "    value: demo.request.v1\n", "    value: \"\"\n"), []string{`spec.yaml:9:12: version "request" value must not be empty`}},
		{"state set problems", edit(t, "\nenvelopes:\n", "\nstates:\n  string:\n    values:\n      a: A.\n  empty:\n    values: {}\n  blank:\n    values:\n      \"\": Nothing.\n\nenvelopes:\n"), []string{
			`spec.yaml:14:3: state set "string" has the name of a built-in type; rename it`,
			`spec.yaml:17:3: state set "empty" must have at least one value`,
			`spec.yaml:21:7: state set "blank" has an empty value`}},
		{"type named like a state set or builtin", edit(t, "\nenvelopes:\n", "\nstates:\n  color:\n    values:\n      red: Red.\n\ntypes:\n  color:\n    fields:\n      hue: {type: integer}\n  json:\n    fields:\n      a: {type: string}\n\nenvelopes:\n"), []string{
			`spec.yaml:19:3: type "color" has the same name as a state set; rename one of them`,
			`spec.yaml:22:3: type "json" has the name of a built-in type; rename it`}},
		{"shared response without the envelope's message", edit(t,
			"    response:\n      message: Pong.\n      messages: {mismatch: ping response requires a ping request}\n      payload:\n        echo:\n          type: string\n", "    response: gone\n",
			"        source: version\n      payload:\n        type: json\n        source: payload\n\noperations:", "        source: version\n      message: {type: string, source: message}\n      payload:\n        type: json\n        source: payload\n\noperations:") +
			"\nresponses:\n  gone:\n    status: nope\n", []string{
			`spec.yaml:49:5: shared response "gone" needs a message: the response envelope has a field with source message`,
			`spec.yaml:49:13: shared response "gone" status "nope" is not a value of any state-typed field of the response envelope`}},
		{"no operations", minimalSpec[:strings.Index(minimalSpec, "\noperations:")] + "\noperations: {}\n", []string{`spec.yaml:2:3: the spec defines neither operations nor types; add at least one of either`}},
		{"bounds", edit(t, noteField, "      n:\n        type: integer\n        minimum: 10\n        maximum: 1\n      s:\n        type: string\n        min_length: 5\n        max_length: 2\n        nullable: true\n      r:\n        type: integer\n        minimum: 0.5\n        maximum: \"9\"\n      f:\n        type: number\n        minimum: 0.5\n        maximum: true\n"), []string{
			`spec.yaml:44:18: field "n" of operation "ping" request: maximum 1 is below minimum 10`,
			`spec.yaml:48:21: field "s" of operation "ping" request: max_length 2 is below min_length 5`,
			`spec.yaml:52:18: field "r" of operation "ping" request minimum must be an integer, got number 0.5`,
			`spec.yaml:53:18: field "r" of operation "ping" request maximum must be an integer, got string`,
			`spec.yaml:57:18: field "f" of operation "ping" request maximum must be a number, got boolean`}},
		{"messages", edit(t, "        default: hello\n", "        default: hello\n        messages:\n          minlength: too short\n          pattern: \"  \"\n"), []string{
			`spec.yaml:45:11: field "note" of operation "ping" request: unknown rule "minlength" in messages; expected one of: required, type, const, non_empty, enum, minimum, maximum, exclusive_minimum, exclusive_maximum, min_length, max_length, min_items, max_items, pattern, format, unique_items, key_pattern`,
			`spec.yaml:46:20: field "note" of operation "ping" request: message for rule "pattern" must not be empty`}},
		{"forbidden block problems", edit(t, "\nenvelopes:\n", "\nforbidden:\n  on: [requests, webhooks]\n  keys:\n    parts: [\" \"]\n    message: \"no: {path}\"\n    applies_to: everything\n  values:\n    message: \"no: {path}\"\n    applies_to: payload\n    patterns: {}\n\nenvelopes:\n"), []string{
			`spec.yaml:14:18: forbidden on "webhooks" is not known; expected requests, responses or types`,
			`spec.yaml:16:13: forbidden keys must not be empty strings`,
			`spec.yaml:18:17: forbidden keys applies_to "everything" is not known; expected one of: free_form, payload, message`,
			`spec.yaml:20:5: forbidden values must define at least one pattern`}},
		{"forbidden keys without parts", edit(t, "\nenvelopes:\n", "\nforbidden:\n  keys:\n    message: \"no: {path}\"\n    applies_to: payload\n\nenvelopes:\n"), []string{`spec.yaml:15:5: forbidden keys must list at least one part or exact key`}},
		{"free_form scope does not check declared names", edit(t, "\nenvelopes:\n", "\nforbidden:\n  keys:\n    parts: [note]\n    message: \"no: {path}\"\n    applies_to: free_form\n\nenvelopes:\n"), nil},
		{"message scope checks envelope names", edit(t, "\nenvelopes:\n", "\nforbidden:\n  on: [responses]\n  keys:\n    exact: [schema_version, note]\n    message: \"no: {path}\"\n    applies_to: message\n\nenvelopes:\n"), []string{`spec.yaml:36:7: field "schema_version" of the response envelope is a forbidden key under the forbidden keys rule; rename it`}},
		{"bad schema_base_uri", edit(t, "https://schemas.example.com/demo/", "https://schemas.example.com/demo?v=1"), []string{`spec.yaml:5:20: contract schema_base_uri "https://schemas.example.com/demo?v=1" must be an absolute URI ending in '/', such as "https://schemas.example.com/contract/"`}},
		{"empty contract name", edit(t, "  name: demo\n", "  name: \"  \"\n"), []string{`spec.yaml:2:9: contract name must not be empty`}},
		{"predeclared package", edit(t, "  package: demo\n", "  package: string\n"), []string{`spec.yaml:4:12: contract package "string" is a Go keyword or predeclared identifier; expected a lower-case Go identifier such as "contract"`}},
		{"main package", edit(t, "  package: demo\n", "  package: main\n"), []string{`spec.yaml:4:12: contract package "main" cannot be used for an importable package; expected a lower-case Go identifier such as "contract"`}},
		{"request source in a request envelope", edit(t, "      operation:\n        type: string\n        source: operation\n", "      operation:\n        type: string\n        source: operation\n      copy:\n        type: string\n        source: request.operation\n"), []string{`spec.yaml:25:17: field "copy" of the request envelope: unknown source "request.operation" here; expected one of: version, operation, payload`}},
		{"generate on a list", edit(t, "        default: hello\n", "        default: hello\n      ids:\n        type: list<string>\n        generate:\n          hex_digits: 8\n"), []string{`spec.yaml:47:11: field "ids" of operation "ping" request: generate needs type string, not "list<string>"`}},
		{"self-cycle through a list is fine", edit(t, "\nenvelopes:\n", "\ntypes:\n  Tree:\n    fields:\n      children: {type: list<Tree>, default: []}\n      parent: {type: Tree, nullable: true}\n\nenvelopes:\n"), nil},
		{"default null on non-nullable", edit(t, "        default: hello\n", "        default: null\n"), []string{`spec.yaml:43:18: default of field "note" of operation "ping" request is invalid: note must be a string`}},
		{"const must satisfy its own constraints", edit(t, "        default: hello\n", "        const: hi\n        min_length: 3\n"), []string{`spec.yaml:43:16: const of field "note" of operation "ping" request is invalid: note must be at least 3 characters long`}},
		{"envelope example", edit(t, "      payload:\n        type: json\n        source: payload\n  response:", "      payload:\n        type: json\n        source: payload\n    examples:\n      - operation: ping\n        extra: 1\n  response:"), []string{`spec.yaml:28:9: example of the request envelope is invalid: unknown field "extra" in Request`}},
		{"map element types", edit(t, noteField, "      labels:\n        type: map<integer>\n        default: {a: 1, b: x}\n        non_empty: true\n      empty:\n        type: map<string>\n        default: {}\n        non_empty: true\n"), []string{
			`spec.yaml:43:28: default of field "labels" of operation "ping" request is invalid at labels.b: every element of labels must be an integer`,
			`spec.yaml:47:18: default of field "empty" of operation "ping" request is invalid: empty must not be empty`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := check(t, c.spec)
			assert.Equal(t, c.want, got)
		})
	}
}

// Classes of a letter's case forms, the spelling portable patterns need,
// are accepted in field and forbidden-value patterns; what the portable
// printer cannot spell is reported at the pattern, not at emit time.
func TestCaseClassesInPatterns(t *testing.T) {
	forbidden := "\nforbidden:\n  values:\n    message: \"token: {path}\"\n    applies_to: payload\n    patterns:\n      bearer:\n        pattern: '[Bb]earer [A-Za-z0-9]+'\n\nenvelopes:\n"
	assert.Empty(t, check(t, edit(t, "\nenvelopes:\n", forbidden, "        default: hello\n", "        default: Hello\n        pattern: '^[Hh]ello'\n")))
	lines := check(t, edit(t, "        default: hello\n", "        default: x\n        pattern: '(?:\\bx)+'\n"))
	require.Len(t, lines, 1)
	assert.Regexp(t, `^spec\.yaml:44:18: field "note" of operation "ping" request pattern: "\(\?:\\\\bx\)\+" is not portable: \\b cannot be rewritten`, lines[0])
}

// TestReservedNamesDocumented keeps the list in docs/spec-language.md in
// step with the names validation reserves.
func TestReservedNamesDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "spec-language.md"))
	require.NoError(t, err)
	text := string(doc)
	start := strings.Index(text, "<!-- reserved-names")
	end := strings.Index(text, "<!-- /reserved-names -->")
	require.True(t, start >= 0 && end > start, "reserved-names markers")
	var documented []string
	for _, m := range regexp.MustCompile("`([A-Za-z]+)`").FindAllStringSubmatch(text[start:end], -1) {
		documented = append(documented, m[1])
	}
	want := append([]string(nil), reserved...)
	sort.Strings(want)
	assert.Equal(t, want, documented)
}

// TestWholeNumbersAreIntegers: a whole number written with a fraction or
// an exponent is an integer in every literal of an integer field, as it is
// to the decoders and to JSON Schema, and the model holds it as the
// integer; a fraction or a number beyond 64 bits is still refused.
func TestWholeNumbersAreIntegers(t *testing.T) {
	spec := edit(t, "      note:\n        type: string\n        default: hello\n",
		"      n:\n        type: integer\n        minimum: 1e3\n        exclusive_maximum: 2.0e6\n        default: 1.5e3\n      l:\n        type: list<integer>\n        default: [1.0, 2]\n      k:\n        type: integer\n        const: 5.0\n",
		"    response:\n", "    request_examples:\n      - {n: 2e3, l: [3.0]}\n    response:\n")
	s, err := load.Bytes("spec.yaml", []byte(spec))
	require.NoError(t, err)
	m, err := Check(s)
	require.NoError(t, err)
	fields := m.Operations[0].Request.Fields
	for _, c := range []struct {
		v    *value.Value
		want string
	}{{fields[0].Minimum, "1000"}, {fields[0].ExclusiveMaximum, "2000000"}, {fields[0].Default, "1500"},
		{fields[1].Default.Items[0], "1"}, {fields[2].Const, "5"}, {m.Operations[0].Request.Examples[0].Get("n"), "2000"}} {
		assert.Equal(t, value.Int, c.v.Kind, c.want)
		assert.Equal(t, c.want, c.v.Num)
	}

	assert.Equal(t, []string{
		`spec.yaml:43:18: field "n" of operation "ping" request minimum must be an integer, got number 1.5`,
		`spec.yaml:44:18: default of field "n" of operation "ping" request is invalid: n must be an integer`,
	}, check(t, edit(t, "      note:\n        type: string\n        default: hello\n",
		"      n:\n        type: integer\n        minimum: 1.5\n        default: 1e19\n")))
}
