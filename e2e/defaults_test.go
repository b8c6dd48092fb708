package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// defaultFields is every container shape (up to two levels) of every leaf
// type with a default and with a const of that shape, each also nullable,
// plus empty and null defaults of every container.
func defaultFields() [][2]string {
	leaves := [][3]string{
		{"s", "string", `"a"`}, {"i", "integer", "1"}, {"n", "number", "1.5"}, {"b", "boolean", "true"},
		{"st", "kind", `"a"`}, {"o", "Obj", `{x: "a"}`}, {"u", "Uni", "{kind: b}"}, {"j", "json", "{k: [1, null]}"},
	}
	shapes := [][2]string{{"%s", "%s"}, {"list<%s>", "[%s]"}, {"map<%s>", "{k: %s}"}, {"list<list<%s>>", "[[%s]]"},
		{"map<list<%s>>", "{k: [%s]}"}, {"list<map<%s>>", "[{k: %s}]"}, {"map<map<%s>>", "{k: {k: %s}}"}}
	var out [][2]string
	for _, l := range leaves {
		for si, sh := range shapes {
			typ, lit := fmt.Sprintf(sh[0], l[1]), fmt.Sprintf(sh[1], l[2])
			for _, kind := range []string{"default", "const"} {
				out = append(out,
					[2]string{fmt.Sprintf("d_%s_%d_%s", l[0], si, kind), fmt.Sprintf("{type: '%s', %s: %s}", typ, kind, lit)},
					[2]string{fmt.Sprintf("d_%s_%d_%s_n", l[0], si, kind), fmt.Sprintf("{type: '%s', %s: %s, nullable: true}", typ, kind, lit)})
			}
			if si > 0 {
				empty := "{}"
				if strings.HasPrefix(typ, "list") {
					empty = "[]"
				}
				out = append(out,
					[2]string{fmt.Sprintf("d_%s_%d_empty", l[0], si), fmt.Sprintf("{type: '%s', default: %s}", typ, empty)},
					[2]string{fmt.Sprintf("d_%s_%d_null", l[0], si), fmt.Sprintf("{type: '%s', default: null, nullable: true}", typ)})
			}
		}
	}
	return out
}

// TestEveryDefaultAndConstGenerates generates one spec of every field of
// defaultFields (all of which the validator accepts): the Go package vets,
// each request built from no arguments at all (every field has a default
// or a const) encodes and decodes again, and the docs' examples decode.
func TestEveryDefaultAndConstGenerates(t *testing.T) {
	dir, mod, ops := generateCombo(t, defaultFields())
	pages := filepath.Join(dir, "docs", "operations")
	schemasAccept(t, filepath.Join(dir, "schemas"), docsExamples(t, pages, ops))
	writeFile(t, filepath.Join(mod, "combo", "examples_test.go"), decodeExamplesTest(pages, ops))
	var b strings.Builder
	b.WriteString("package combo\n\nimport (\n\t\"encoding/json\"\n\t\"testing\"\n)\n\nfunc TestBuildFromDefaults(t *testing.T) {\n")
	for i := 0; i < ops; i++ {
		fmt.Fprintf(&b, "\tif m, err := BuildOp%dRequest(Op%dRequestArgs{}); err != nil {\n\t\tt.Errorf(\"op%d: %%v\", err)\n\t} else if data, err := json.Marshal(m); err != nil {\n\t\tt.Errorf(\"op%d: %%v\", err)\n\t} else if _, err := DecodeOp%dRequest(data); err != nil {\n\t\tt.Errorf(\"op%d: %%v\\n%%s\", err, data)\n\t}\n", i, i, i, i, i, i)
	}
	b.WriteString("}\n")
	writeFile(t, filepath.Join(mod, "combo", "build_test.go"), b.String())
	vetAndTest(t, mod)
}
