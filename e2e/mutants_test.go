package e2e

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Mutants of synthesized examples, one member changed at a time, judged by
// the generated decoders and by the schemas, which must agree.

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
	var out []mutant
	for _, name := range slices.Sorted(maps.Keys(examples)) {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(examples[name], &doc), name)
		payload := doc["payload"].(map[string]any)
		for _, k := range slices.Sorted(maps.Keys(payload)) {
			orig := payload[k]
			delete(payload, k)
			out = append(out, mutant{name, marshal(t, doc), k + " removed"})
			for _, v := range values {
				payload[k] = parse(t, v)
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
			x[0] = parse(t, iv)
			out = append(out, mutant{name, marshal(t, doc), where + "[0] = " + iv})
		}
		x[0] = orig
		out = append(out, mutateInside(t, name, doc, orig, where+"[0]", depth+1)...)
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			orig := x[k]
			for _, iv := range inner {
				x[k] = parse(t, iv)
				out = append(out, mutant{name, marshal(t, doc), where + "." + k + " = " + iv})
			}
			x[k] = orig
			out = append(out, mutateInside(t, name, doc, orig, where+"."+k, depth+1)...)
		}
	}
	return out
}

// parse reads a JSON literal.
func parse(t *testing.T, text string) any {
	var v any
	require.NoError(t, json.Unmarshal([]byte(text), &v), text)
	return v
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
