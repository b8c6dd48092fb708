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
