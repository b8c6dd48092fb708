package specschema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/load"
	sjs "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite "+Path)

const committed = "../../" + Path

// TestCommittedSchemaIsCurrent: the committed schema is what the grammar
// produces; regenerate with go test ./internal/specschema -update.
func TestCommittedSchemaIsCurrent(t *testing.T) {
	got, err := Generate()
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile(committed, got, 0o644))
	}
	want, err := os.ReadFile(committed)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "run go test ./internal/specschema -update")
	again, _ := Generate()
	assert.Equal(t, got, again, "byte-identical from run to run")
}

func compile(t *testing.T) *sjs.Schema {
	t.Helper()
	data, err := os.ReadFile(committed)
	require.NoError(t, err)
	doc, err := sjs.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	c := sjs.NewCompiler()
	require.NoError(t, c.AddResource(ID, doc))
	s, err := c.Compile(ID)
	require.NoError(t, err)
	return s
}

// asJSON reads a YAML spec as the JSON value an editor validates.
func asJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, yaml.Unmarshal(data, &v))
	raw, err := json.Marshal(v)
	require.NoError(t, err)
	doc, err := sjs.UnmarshalJSON(bytes.NewReader(raw))
	require.NoError(t, err)
	return doc
}

// specs are every valid spec the repository holds.
func specs(t *testing.T) []string {
	var out []string
	for _, g := range []string{"../../testdata/specs/*/spec.yaml", "../../testdata/minimal/spec.yaml", "../../spec/contract.yaml",
		"../../internal/lint/testdata/*/*.yaml", "../../cmd/gen/starter/contract.yaml"} {
		m, _ := filepath.Glob(g)
		out = append(out, m...)
	}
	require.Greater(t, len(out), 30)
	return out
}

func TestEverySpecValidates(t *testing.T) {
	s := compile(t)
	for _, p := range specs(t) {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.NoError(t, s.Validate(asJSON(t, data)), p)
	}
}

// TestSchemaRefusesWhatTheLoaderRefuses: an unknown key, a missing
// required key and a wrong value kind fail in the editor as in the loader.
func TestSchemaRefusesWhatTheLoaderRefuses(t *testing.T) {
	s := compile(t)
	base := "contract: {name: n, title: T, package: p, schema_base_uri: 'https://x.example/'}\n"
	for _, tc := range []string{
		base + "operations:\n  op:\n    request:\n      a: {type: string, tpye: x}\n",
		base + "operations:\n  op:\n    request:\n      a: {description: no type}\n",
		base + "operations:\n  op:\n    request:\n      a: {type: string, max_length: -1}\n",
		base + "operations:\n  op:\n    requets: {}\n",
		base + "forbidden:\n  keys: {parts: [x], message: m}\n",
		"contract: {name: n}\n",
	} {
		_, loadErr := load.Bytes("s.yaml", []byte(tc))
		require.Error(t, loadErr, "the loader refuses:\n%s", tc)
		assert.Error(t, s.Validate(asJSON(t, []byte(tc))), "the schema refuses:\n%s", tc)
	}
}

// TestSchemaKeysAreTheGrammars: every shape's properties are its keys,
// required ones marked, and no others are allowed.
func TestSchemaKeysAreTheGrammars(t *testing.T) {
	data, err := os.ReadFile(committed)
	require.NoError(t, err)
	var doc struct {
		Properties  map[string]any
		Definitions map[string]struct {
			Properties           map[string]any
			Required             []string
			AdditionalProperties bool
		}
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	for _, sh := range load.Grammar {
		var props map[string]any
		var required []string
		if sh.Name == load.RootShape {
			props = doc.Properties
		} else {
			d, ok := doc.Definitions[sh.Name]
			require.True(t, ok, sh.Name)
			assert.False(t, d.AdditionalProperties, sh.Name)
			props, required = d.Properties, d.Required
		}
		var want, wantReq, got []string
		for _, k := range sh.Keys {
			want = append(want, k.Name)
			if k.Required {
				wantReq = append(wantReq, k.Name)
			}
		}
		for k := range props {
			got = append(got, k)
		}
		sort.Strings(want)
		sort.Strings(got)
		assert.Equal(t, want, got, sh.Name)
		if sh.Name != load.RootShape {
			assert.Equal(t, wantReq, required, sh.Name)
		}
	}
	assert.True(t, strings.HasSuffix(ID, Path))
}
