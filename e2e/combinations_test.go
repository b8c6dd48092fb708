package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/validate"
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
	vetAndTest(t, mod, "-gcflags=all=-d=checkptr")
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

// vetAndTest runs go vet and go test in module mod, go test with flags:
// the combination test passes -d=checkptr, so that every read and write
// the runtime makes through a layout's offsets is checked to stay inside
// its object.
func vetAndTest(t *testing.T, mod string, flags ...string) {
	for _, args := range [][]string{{"vet", "./..."}, append(append([]string{"test"}, flags...), "./...")} {
		r := run(t, mod, goEnv(), 5*time.Minute, goTool(t), args...)
		require.Equal(t, 0, r.code, "go %s: %s", args[0], r)
	}
}
