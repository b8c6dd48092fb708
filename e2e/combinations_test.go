package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
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
	dir, mod, ops := generateCombo(t, valid)
	examples := docsExamples(t, filepath.Join(dir, "docs", "operations"), ops)
	schemasAccept(t, filepath.Join(dir, "schemas"), examples)
	writeFile(t, filepath.Join(mod, "combo", "examples_test.go"), decodeExamplesTest(filepath.Join(dir, "docs", "operations"), ops))
	// Mutants of the examples, one payload member changed each, judged by
	// the schemas here and by the decoders in the package's test.
	mutants := mutate(t, examples)
	var lines bytes.Buffer
	for _, m := range mutants {
		line, err := json.Marshal(m)
		require.NoError(t, err)
		lines.Write(append(line, '\n'))
	}
	writeFile(t, filepath.Join(dir, "mutants.jsonl"), lines.String())
	verdicts := filepath.Join(dir, "verdicts.txt")
	writeFile(t, filepath.Join(mod, "combo", "mutants_test.go"), judgeMutantsTest(filepath.Join(dir, "mutants.jsonl"), verdicts, ops))
	vetAndTest(t, mod)
	markdownlint(t, filepath.Join(dir, "docs"))
	goVerdicts, err := os.ReadFile(verdicts)
	require.NoError(t, err)
	agreeWithSchemas(t, filepath.Join(dir, "schemas"), mutants, strings.Split(strings.TrimSuffix(string(goVerdicts), "\n"), "\n"))
}

// generateCombo writes comboSpec(fields) into a new folder and runs gen on
// it: the Go package into a module under mod, schemas and docs beside. It
// returns the folder, the module and the number of operations.
func generateCombo(t *testing.T, fields [][2]string) (dir, mod string, ops int) {
	dir = t.TempDir()
	writeFile(t, filepath.Join(dir, "spec.yaml"), comboSpec(fields))
	mod = filepath.Join(dir, "mod")
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/combo\n\ngo 1.26\n")
	r := gen(t, dir, nil, "-spec", "spec.yaml", "-go-out", filepath.Join(mod, "combo"), "-schema-out", "schemas", "-docs-out", "docs")
	require.Equal(t, 0, r.code, "gen: %s", r)
	return dir, mod, (len(fields) + 59) / 60
}

// markdownlint lints the docs folder with the repository's config when
// markdownlint-cli2 is installed (MARKDOWNLINT_CLI2, as make test sets it,
// or on PATH), and says so when it is not.
func markdownlint(t *testing.T, docs string) {
	lint := os.Getenv("MARKDOWNLINT_CLI2")
	if lint == "" {
		lint, _ = exec.LookPath("markdownlint-cli2")
	}
	if lint == "" {
		t.Log("markdownlint-cli2 is not installed; the docs were not linted")
		return
	}
	config := filepath.Join(repoRoot(t), ".markdownlint-cli2.jsonc")
	r := run(t, docs, os.Environ(), 2*time.Minute, lint, "--config", config, "**/*.md")
	require.Equal(t, 0, r.code, "markdownlint: %s", r)
}

// vetAndTest runs go vet and go test in module mod.
func vetAndTest(t *testing.T, mod string) {
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		r := run(t, mod, goEnv(), 5*time.Minute, goTool(t), args...)
		require.Equal(t, 0, r.code, "go %s: %s", args[0], r)
	}
}

// mutant is one document to judge: the schema name and the JSON text.
type mutant struct {
	Schema string `json:"schema"`
	Doc    string `json:"doc"`
	What   string `json:"what"`
}

// mutate changes one payload member of each example at a time: removed,
// or replaced by a value of every JSON kind and a few edge values.
func mutate(t *testing.T, examples map[string][]byte) []mutant {
	values := []string{`null`, `true`, `0`, `-1`, `10`, `1.5`, `""`, `"a"`, `"Z\n"`, `"aaaaaa"`, `[]`, `["a","a"]`, `[1]`, `{}`, `{"k":"a"}`, `{"Z":1}`}
	names := make([]string, 0, len(examples))
	for n := range examples {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []mutant
	for _, name := range names {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(examples[name], &doc), name)
		payload := doc["payload"].(map[string]any)
		keys := make([]string, 0, len(payload))
		for k := range payload {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			orig := payload[k]
			delete(payload, k)
			out = append(out, mutant{name, marshal(t, doc), k + " removed"})
			for _, v := range values {
				var x any
				require.NoError(t, json.Unmarshal([]byte(v), &x))
				payload[k] = x
				out = append(out, mutant{name, marshal(t, doc), k + " = " + v})
			}
			payload[k] = orig
			out = append(out, mutateInside(t, name, doc, orig, k, 1)...)
		}
	}
	return out
}

// inner are the values an item or member inside a payload member becomes.
var inner = []string{`null`, `0`, `1.5`, `"a"`, `""`, `[]`, `{}`}

// mutateInside replaces the first item of a list, or each member of an
// object, inside a payload member, down to depth 2; doc is marshalled
// with each change in place.
func mutateInside(t *testing.T, name string, doc map[string]any, v any, where string, depth int) []mutant {
	if depth > 2 {
		return nil
	}
	var out []mutant
	switch x := v.(type) {
	case []any:
		if len(x) == 0 {
			return nil
		}
		orig := x[0]
		for _, iv := range inner {
			var y any
			require.NoError(t, json.Unmarshal([]byte(iv), &y))
			x[0] = y
			out = append(out, mutant{name, marshal(t, doc), where + "[0] = " + iv})
		}
		x[0] = orig
		out = append(out, mutateInside(t, name, doc, orig, where+"[0]", depth+1)...)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			orig := x[k]
			for _, iv := range inner {
				var y any
				require.NoError(t, json.Unmarshal([]byte(iv), &y))
				x[k] = y
				out = append(out, mutant{name, marshal(t, doc), where + "." + k + " = " + iv})
			}
			x[k] = orig
			out = append(out, mutateInside(t, name, doc, orig, where+"."+k, depth+1)...)
		}
	}
	return out
}

func marshal(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// judgeMutantsTest is a test of the generated package that decodes every
// mutant and writes one verdict per line: ok or the error.
func judgeMutantsTest(mutants, verdicts string, n int) string {
	var b strings.Builder
	b.WriteString("package combo\n\nimport (\n\t\"bufio\"\n\t\"encoding/json\"\n\t\"os\"\n\t\"strings\"\n\t\"testing\"\n)\n\n")
	b.WriteString("var decoders = map[string]func([]byte) error{\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\t\"op%d.request\": func(d []byte) error { _, err := DecodeOp%dRequest(d); return err },\n", i, i)
		fmt.Fprintf(&b, "\t\"op%d.response\": func(d []byte) error { _, err := DecodeOp%dResponse(d); return err },\n", i, i)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, `func TestJudgeMutants(t *testing.T) {
	f, err := os.Open(%q)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var m struct{ Schema, Doc string }
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		if err := decoders[m.Schema]([]byte(m.Doc)); err != nil {
			out.WriteString(strings.ReplaceAll(err.Error(), "\n", " ") + "\n")
		} else {
			out.WriteString("ok\n")
		}
	}
	if err := os.WriteFile(%q, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
`, mutants, verdicts)
	return b.String()
}

// agreeWithSchemas validates every mutant against its schema and requires
// the same verdict as the generated decoder's.
func agreeWithSchemas(t *testing.T, folder string, mutants []mutant, goVerdicts []string) {
	require.Len(t, goVerdicts, len(mutants))
	validate := schemaValidator(t, folder)
	disagree, rejected := 0, 0
	for i, m := range mutants {
		schemaErr := validate(t, m.Schema, []byte(m.Doc))
		goOK := goVerdicts[i] == "ok"
		if !goOK {
			rejected++
		}
		if goOK != (schemaErr == nil) {
			disagree++
			if disagree <= 20 {
				t.Errorf("%s, %s: the decoder says %q, the schema says %v", m.Schema, m.What, goVerdicts[i], schemaErr)
			}
		}
	}
	t.Logf("%d mutants, %d rejected, %d disagreements", len(mutants), rejected, disagree)
	require.Greater(t, rejected, len(mutants)/2, "most mutants break a rule")
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
	validate := schemaValidator(t, folder)
	for name, ex := range examples {
		assert.NoError(t, validate(t, name, ex), "%s: the docs example against its schema", name)
	}
}

// schemaValidator loads the schemas of a generated folder, formats
// asserted, and returns a function that validates a document against the
// schema of a name (op0.request).
func schemaValidator(t *testing.T, folder string) func(*testing.T, string, []byte) error {
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
	compiled := map[string]*sjs.Schema{}
	return func(t *testing.T, name string, data []byte) error {
		sch := compiled[name]
		if sch == nil {
			sch, err = comp.Compile(urls[name])
			require.NoError(t, err, name)
			compiled[name] = sch
		}
		doc, err := sjs.UnmarshalJSON(bytes.NewReader(data))
		require.NoError(t, err, name)
		return sch.Validate(doc)
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
