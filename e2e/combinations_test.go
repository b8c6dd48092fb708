package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/validate"
	sjs "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// comboHead declares the state set, object type and union the drawn
// fields refer to.
const comboHead = `contract:
  name: combo
  title: Combinations
  package: combo
  schema_base_uri: https://schemas.example.com/combo/
states:
  kind:
    values: {a: A., b: B.}
types:
  Obj:
    fields:
      x: {type: string}
  A:
    fields:
      kind: {type: kind, const: a}
      y: {type: integer}
  B:
    fields:
      kind: {type: kind, const: b}
  Uni:
    discriminator: kind
    one_of: {a: A, b: B}
operations:
`

// comboFields is every combination of a container shape, a leaf type and
// no rule, one rule or two, as flow mappings by field name.
func comboFields() [][2]string {
	leaves := [][2]string{
		{"s", "string"}, {"sp", "string, pattern: '^[a-z]+$'"}, {"sl", "string, max_length: 5"},
		{"sf", "string, format: date"}, {"i", "integer, minimum: 0"}, {"n", "number, maximum: 9.5"},
		{"b", "boolean"}, {"st", "kind"}, {"o", "Obj"}, {"u", "Uni"}, {"j", "json"},
	}
	shapes := []string{"%s", "list<%s>", "map<%s>", "list<list<%s>>", "map<list<%s>>", "list<map<%s>>", "map<map<%s>>"}
	single := []string{"optional: true", "nullable: true", "min_items: 2", "non_empty: true", "unique_items: true",
		"key_pattern: '^k'", "max_items: 3", "sensitive: true", "deprecated: Old.", "required: false", "trim: true"}
	// No rule, each rule, and each pair of rules.
	rules := append([]string{""}, single...)
	for i, a := range single {
		for _, b := range single[i+1:] {
			rules = append(rules, a+", "+b)
		}
	}
	var out [][2]string
	for _, l := range leaves {
		leaf, extra, _ := strings.Cut(l[1], ", ")
		for si, shape := range shapes {
			for ri, rule := range rules {
				parts := []string{"type: '" + fmt.Sprintf(shape, leaf) + "'"}
				if extra != "" {
					parts = append(parts, extra)
				}
				if rule != "" {
					parts = append(parts, rule)
				}
				out = append(out, [2]string{fmt.Sprintf("f_%s_%d_%d", l[0], si, ri), "{" + strings.Join(parts, ", ") + "}"})
			}
		}
	}
	return out
}

// comboSpec puts fields into operations of 60, each field in the request
// and, renamed, in the response.
func comboSpec(fields [][2]string) string {
	var b strings.Builder
	b.WriteString(comboHead)
	for k := 0; k < len(fields); k += 60 {
		chunk := fields[k:min(k+60, len(fields))]
		fmt.Fprintf(&b, "  op%d:\n    request:\n", k/60)
		for _, f := range chunk {
			fmt.Fprintf(&b, "      %s: %s\n", f[0], f[1])
		}
		b.WriteString("    response:\n      payload:\n")
		for _, f := range chunk {
			fmt.Fprintf(&b, "        r%s: %s\n", f[0], f[1])
		}
	}
	return b.String()
}

// TestEveryValidCombinationGenerates draws a field of every combination of
// container shape (up to two levels), leaf type and up to two rules (5,159
// fields), keeps those the
// validator accepts, and generates one spec of all of them: gen succeeds
// (the docs synthesize every example and check it against the model), the
// schemas accept every example, and the Go package vets and decodes them.
func TestEveryValidCombinationGenerates(t *testing.T) {
	var valid [][2]string
	for _, f := range comboFields() {
		s, err := load.Bytes("spec.yaml", []byte(comboSpec([][2]string{f})))
		require.NoError(t, err, f[0])
		if _, err := validate.Check(s); err == nil {
			valid = append(valid, f)
		}
	}
	require.Greater(t, len(valid), 2000, "combinations the validator accepts")
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "spec.yaml"), comboSpec(valid))
	mod := filepath.Join(dir, "mod")
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/combo\n\ngo 1.26\n")
	r := gen(t, dir, nil, "-spec", "spec.yaml", "-go-out", filepath.Join(mod, "combo"), "-schema-out", "schemas", "-docs-out", "docs")
	require.Equal(t, 0, r.code, "gen: %s", r)
	ops := (len(valid) + 59) / 60
	examples := docsExamples(t, filepath.Join(dir, "docs", "operations"), ops)
	schemasAccept(t, filepath.Join(dir, "schemas"), examples)
	writeFile(t, filepath.Join(mod, "combo", "examples_test.go"), decodeExamplesTest(filepath.Join(dir, "docs", "operations"), ops))
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		r := run(t, mod, goEnv(), 5*time.Minute, goTool(t), args...)
		require.Equal(t, 0, r.code, "go %s: %s", args[0], r)
	}
}

// exampleBlock is a JSON example on a docs page.
var exampleBlock = regexp.MustCompile("(?s)```json\n(.*?)\n```")

// docsExamples reads the example request and response of operations op0
// to op<n-1> from their docs pages, by schema name.
func docsExamples(t *testing.T, pages string, n int) map[string][]byte {
	out := map[string][]byte{}
	for i := 0; i < n; i++ {
		data, err := os.ReadFile(filepath.Join(pages, fmt.Sprintf("op%d.md", i)))
		require.NoError(t, err)
		m := exampleBlock.FindAllSubmatch(data, -1)
		require.Len(t, m, 2, "op%d: examples on its page", i)
		out[fmt.Sprintf("op%d.request", i)] = m[0][1]
		out[fmt.Sprintf("op%d.response", i)] = m[1][1]
	}
	return out
}

// schemasAccept validates every example against its schema, loaded from
// the generated folder, formats asserted.
func schemasAccept(t *testing.T, folder string, examples map[string][]byte) {
	files, err := filepath.Glob(filepath.Join(folder, "*.schema.json"))
	require.NoError(t, err)
	comp := sjs.NewCompiler()
	comp.DefaultDraft(sjs.Draft2020)
	comp.AssertFormat()
	urls := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		doc, err := sjs.UnmarshalJSON(bytes.NewReader(data))
		require.NoError(t, err)
		id, _ := doc.(map[string]any)["$id"].(string)
		require.NoError(t, comp.AddResource(id, doc))
		urls[strings.TrimSuffix(filepath.Base(f), ".schema.json")] = id
	}
	for name, ex := range examples {
		sch, err := comp.Compile(urls[name])
		require.NoError(t, err, name)
		doc, err := sjs.UnmarshalJSON(bytes.NewReader(ex))
		require.NoError(t, err, name)
		assert.NoError(t, sch.Validate(doc), "%s: the docs example against its schema", name)
	}
}

// decodeExamplesTest is a test of the generated package that decodes, and
// so validates, the example request and response of every operation.
func decodeExamplesTest(pages string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package combo\n\nimport (\n\t\"os\"\n\t\"regexp\"\n\t\"testing\"\n)\n\n")
	fmt.Fprintf(&b, "var block = regexp.MustCompile(%q)\n\nfunc TestDocsExamplesDecode(t *testing.T) {\n", exampleBlock.String())
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\tif data, err := os.ReadFile(%q); err != nil {\n\t\tt.Fatal(err)\n\t} else {\n", filepath.Join(pages, fmt.Sprintf("op%d.md", i)))
		fmt.Fprintf(&b, "\t\tm := block.FindAllSubmatch(data, -1)\n")
		fmt.Fprintf(&b, "\t\tif _, err := DecodeOp%dRequest(m[0][1]); err != nil {\n\t\t\tt.Errorf(\"op%d request: %%v\", err)\n\t\t}\n", i, i)
		fmt.Fprintf(&b, "\t\tif _, err := DecodeOp%dResponse(m[1][1]); err != nil {\n\t\t\tt.Errorf(\"op%d response: %%v\", err)\n\t\t}\n\t}\n", i, i)
	}
	b.WriteString("}\n")
	return b.String()
}
