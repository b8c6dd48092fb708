package schema

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/invopop/jsonschema"
	"github.com/stretchr/testify/require"
)

// TestSchemaTreeMatchesMarshal: the tree built from a schema is the one
// parsing its marshalled form gives, for every kind of member invopop
// writes: nested and boolean schemas, empty ones, maps, properties,
// numbers, counts, values of every JSON kind, extras (one repeating a
// field) and text that is not valid UTF-8 or holds HTML characters.
func TestSchemaTreeMatchesMarshal(t *testing.T) {
	u := func(n uint64) *uint64 { return &n }
	props := newProps()
	props.Set("b<&>", &jsonschema.Schema{Type: "string", MinLength: u(1), Pattern: "^a\xffb$"})
	props.Set("a", &jsonschema.Schema{})
	props.Set("c", jsonschema.FalseSchema)
	nested := &jsonschema.Schema{
		Version: "https://json-schema.org/draft/2020-12/schema", ID: "https://x/y.json", Ref: "#/$defs/A",
		Definitions: jsonschema.Definitions{"Z": {Type: "integer", Minimum: "0", Maximum: "1e3"}, "A": {Const: false}},
		Comments:    "generated", AllOf: []*jsonschema.Schema{{Required: []string{"a"}}, nil}, AnyOf: []*jsonschema.Schema{{Enum: []any{nil, "x", 1.5, json.RawMessage(`{"k": [1, 2]}`)}}},
		OneOf: []*jsonschema.Schema{jsonschema.TrueSchema}, Not: &jsonschema.Schema{Format: "date"},
		If: &jsonschema.Schema{Title: "if"}, Then: &jsonschema.Schema{Description: "then"}, Else: &jsonschema.Schema{Deprecated: true},
		DependentSchemas: map[string]*jsonschema.Schema{"q": {ReadOnly: true}}, PrefixItems: []*jsonschema.Schema{{WriteOnly: true}},
		Items: &jsonschema.Schema{UniqueItems: true, MaxItems: u(3), MinItems: u(0)}, Contains: &jsonschema.Schema{MaxContains: u(2), MinContains: u(1)},
		Properties: props, PatternProperties: map[string]*jsonschema.Schema{"^x": {}}, AdditionalProperties: jsonschema.FalseSchema,
		PropertyNames: &jsonschema.Schema{MaxLength: u(9)}, Type: "object", Const: json.RawMessage(`"c"`), MultipleOf: "0.5",
		ExclusiveMaximum: "10", ExclusiveMinimum: "-1", MaxProperties: u(5), MinProperties: u(1),
		DependentRequired: map[string][]string{"a": {"b"}}, ContentEncoding: "base64", ContentMediaType: "text/plain",
		ContentSchema: &jsonschema.Schema{}, Default: map[string]any{"z": 1, "a": []string{"é"}}, Examples: []any{"e\x80", 3},
		Extras: map[string]any{"type": []string{"object", "null"}, "errorMessage": map[string]string{"required": "needed <here>"}},
	}
	for _, s := range []*jsonschema.Schema{
		nested, {}, jsonschema.TrueSchema, jsonschema.FalseSchema, {Extras: map[string]any{}}, {Properties: newProps()},
		{Extras: map[string]any{"x": 1}}, {Enum: []any{}}, {Const: 0}, {Default: ""},
	} {
		data, err := json.Marshal(s)
		require.NoError(t, err)
		want, err := parseJSON(data)
		require.NoError(t, err)
		got, err := schemaTree(s)
		require.NoError(t, err)
		var wb, gb bytes.Buffer
		writeJSON(&wb, want, "")
		writeJSON(&gb, got, "")
		require.Equal(t, wb.String(), gb.String(), "%s", data)
	}
	_, err := schemaTree(&jsonschema.Schema{Minimum: "one"})
	require.Error(t, err, "a number that is not one")
}
