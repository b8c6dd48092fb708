package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The docs' examples of a generated spec, checked against its schemas and
// decoded by its generated package.

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
// so validates, the example request and response of every operation, then
// round-trips each through the encoder: json.Marshal of the decoded
// message holds every member of the example, decodes again, and encodes
// to the same bytes.
func decodeExamplesTest(pages string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package combo\n\nimport (\n\t\"bytes\"\n\t\"encoding/json\"\n\t\"os\"\n\t\"reflect\"\n\t\"regexp\"\n\t\"strconv\"\n\t\"testing\"\n)\n\n")
	fmt.Fprintf(&b, "var block = regexp.MustCompile(%q)\n\n", exampleBlock.String())
	b.WriteString(roundTripHelpers)
	b.WriteString("func TestDocsExamplesDecode(t *testing.T) {\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\tif data, err := os.ReadFile(%q); err != nil {\n\t\tt.Fatal(err)\n\t} else {\n", filepath.Join(pages, fmt.Sprintf("op%d.md", i)))
		fmt.Fprintf(&b, "\t\tm := block.FindAllSubmatch(data, -1)\n")
		for j, part := range []string{"Request", "Response"} {
			fmt.Fprintf(&b, "\t\tif v, err := DecodeOp%d%s(m[%d][1]); err != nil {\n\t\t\tt.Errorf(\"op%d %s: %%v\", err)\n", i, part, j, i, part)
			fmt.Fprintf(&b, "\t\t} else {\n\t\t\troundTrip(t, \"op%d %s\", m[%d][1], v, func(data []byte) (any, error) { return DecodeOp%d%s(data) })\n\t\t}\n", i, part, j, i, part)
		}
		b.WriteString("\t}\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// roundTripHelpers are the generated test's checks of the encoder.
const roundTripHelpers = `type appender interface{ AppendJSON([]byte) []byte }

// roundTrip checks that v, decoded from example, encodes to a document
// holding every member of example, which decodes to an equal value and
// encodes to the same bytes.
func roundTrip(t *testing.T, name string, example []byte, v appender, decode func([]byte) (any, error)) {
	t.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		t.Errorf("%s: json.Marshal: %v", name, err)
		return
	}
	if direct := v.AppendJSON([]byte("x")); !bytes.Equal(direct[1:], out) {
		t.Errorf("%s: AppendJSON wrote\n%s\njson.Marshal\n%s", name, direct[1:], out)
	}
	var want, got any
	if err := json.Unmarshal(example, &want); err != nil {
		t.Fatalf("%s: example: %v", name, err)
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Errorf("%s: encoded %s: %v", name, out, err)
		return
	}
	if path, ok := within(want, got, "$"); !ok {
		t.Errorf("%s: the encoding differs from the example at %s:\n%s\n%s", name, path, example, out)
	}
	again, err := decode(out)
	if err != nil {
		t.Errorf("%s: the encoding does not decode: %v\n%s", name, err, out)
		return
	}
	if !reflect.DeepEqual(again, v) {
		t.Errorf("%s: the encoding decodes to another value:\n%s", name, out)
	}
	if twice := again.(appender).AppendJSON(nil); !bytes.Equal(twice, out) {
		t.Errorf("%s: encoded again:\n%s\nthen\n%s", name, twice, out)
	}
}

// within reports whether every member of want is in got with an equal
// value (got may hold more: defaults), and where they first differ.
func within(want, got any, path string) (string, bool) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return path, false
		}
		for k, v := range w {
			if p, ok := within(v, g[k], path+"."+k); !ok {
				return p, false
			}
		}
		return "", true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return path, false
		}
		for i := range w {
			if p, ok := within(w[i], g[i], path+"["+strconv.Itoa(i)+"]"); !ok {
				return p, false
			}
		}
		return "", true
	}
	return path, reflect.DeepEqual(want, got)
}

`
