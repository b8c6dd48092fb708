package docs

import (
	"strings"
	"testing"
)

// bareSpec leaves out every description: empty table cells, and a shared
// response answering an operation without a response description.
const bareSpec = `responses:
  unavailable:
    payload:
      note: {type: string, const: Not here., required: true}
operations:
  get:
    request:
      id: {type: string}
    response:
      payload:
        ok: {type: boolean}
  renew:
    request:
      id: {type: string}
    response: unavailable
`

// TestTablesAreCompact holds every table row of every page to the compact
// style markdownlint's MD060 asks for: one space inside each pipe, an
// empty cell as "| |". Rows were once written with two spaces where an
// empty description met a following text.
func TestTablesAreCompact(t *testing.T) {
	pages := map[string][]byte{}
	for _, sc := range specs(t) {
		for name, data := range generate(t, loadContract(t, sc.path), variants[0].opts) {
			pages[sc.name+"/"+name] = data
		}
	}
	for name, data := range generate(t, contractOf(t, headed("bare", bareSpec)), variants[0].opts) {
		pages["bare/"+name] = data
	}
	for name, data := range pages {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		for i, line := range strings.Split(stripCode(string(data)), "\n") {
			if !strings.HasPrefix(line, "|") {
				continue
			}
			if strings.Contains(line, "|  ") || strings.Contains(line, "  |") {
				t.Errorf("%s:%d: a cell with two spaces beside its pipe: %s", name, i+1, line)
			}
		}
	}
}
