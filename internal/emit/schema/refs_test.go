package schema

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dataKeywords are the keywords whose values are instances the schemas may
// leave out (a const, being a rule, stays whatever it holds).
var dataKeywords = map[string]bool{"examples": true, "default": true}

// TestDataHoldsNoRef: no example or default of any schema holds an object
// with a string "$ref" member, since tools that resolve every "$ref" of a
// document wherever it stands would try to load it. The energy_metering
// spec has a type whose one field is named $ref, with examples.
func TestDataHoldsNoRef(t *testing.T) {
	for _, sc := range specs(t) {
		files := generate(t, sc.path)
		for _, name := range sortedNames(files) {
			var doc any
			require.NoError(t, json.Unmarshal(files[name], &doc))
			for _, at := range refsInData(doc, "", false, false) {
				assert.Fail(t, "a data value holds $ref", "%s: %s at %s", sc.name, name, at)
			}
		}
	}
}

// TestHoldsRefLeavesOutExamples makes sure the check above has something to
// find: the metering spec's Reading example with a DocRef is in the spec
// and not in the schema.
func TestHoldsRefLeavesOutExamples(t *testing.T) {
	files := generate(t, filepath.Join(root, "testdata", "specs", "energy_metering", "spec.yaml"))
	var doc struct{ Examples []map[string]any }
	require.NoError(t, json.Unmarshal(files["reading.type.schema.json"], &doc))
	require.Len(t, doc.Examples, 1, "the example holding a DocRef is left out, the other kept")
	assert.NotContains(t, doc.Examples[0], "origin")
}

// refsInData lists the JSON Pointers of "$ref" members found inside data
// keywords' values. names says v's keys are names (of properties or
// definitions), not keywords.
func refsInData(v any, at string, inData, names bool) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, m := range v {
			if _, isString := m.(string); inData && k == "$ref" && isString {
				out = append(out, at+"/$ref")
			}
			keyword := !inData && !names
			data := inData || keyword && dataKeywords[k]
			out = append(out, refsInData(m, at+"/"+k, data, keyword && nameKeywords[k])...)
		}
	case []any:
		for i, m := range v {
			out = append(out, refsInData(m, at+"/"+strconv.Itoa(i), inData, false)...)
		}
	}
	return out
}

// nameKeywords are the keywords whose values map names to schemas.
var nameKeywords = map[string]bool{"properties": true, "patternProperties": true, "$defs": true, "dependentSchemas": true}
