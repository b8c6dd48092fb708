package golang

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// deepLevels is how many types the nesting test chains: more than the
// runtime's walk follows (maxTableDepth) from the top.
const deepLevels = maxTableDepth + 4

// deepSpec chains types L0 ... L<deepLevels-1>: each has a non-empty name
// and, but the last, a child that is a list of the next type (even
// levels) or an optional object of it (odd levels).
func deepSpec() string {
	var b strings.Builder
	b.WriteString("contract: {name: deep, title: Deep nesting, package: deep, schema_base_uri: https://schemas.example.com/deep/}\n")
	b.WriteString("operations:\n  ping:\n    request:\n      root: {type: L0}\n    response:\n      payload:\n        echo: {type: string}\n")
	b.WriteString("types:\n")
	for i := 0; i < deepLevels; i++ {
		fmt.Fprintf(&b, "  L%d:\n    fields:\n      name: {type: string, non_empty: true}\n", i)
		switch {
		case i == deepLevels-1:
		case i%2 == 0:
			fmt.Fprintf(&b, "      child: {type: list<L%d>, max_items: 2}\n", i+1)
		default:
			fmt.Fprintf(&b, "      child: {type: L%d, optional: true}\n", i+1)
		}
	}
	return b.String()
}

// deepDoc is an L0 whose deepest name is last, and whose first list holds
// a short item before the deep one.
func deepDoc(last string) (doc, path string) {
	doc = fmt.Sprintf(`{"name":%q}`, last)
	var p []string
	for i := deepLevels - 2; i >= 0; i-- {
		switch {
		case i == 0:
			doc = `{"name":"n","child":[{"name":"a"},` + doc + `]}`
			p = append(p, "child[1]")
		case i%2 == 0:
			doc = `{"name":"n","child":[` + doc + `]}`
			p = append(p, "child[0]")
		default:
			doc = `{"name":"n","child":` + doc + `}`
			p = append(p, "child")
		}
	}
	for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i]
	}
	return doc, strings.Join(p, ".") + ".name"
}

// TestNestingDeeperThanTheWalk: types whose rows would lead deeper than
// the runtime's walk follows get a validate method, the others only their
// table, and a violation at the bottom is reported at its full path by
// Decode and by Validate, which allocates nothing on a valid value.
func TestNestingDeeperThanTheWalk(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a generated package with the go command")
	}
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.yaml")
	require.NoError(t, os.WriteFile(spec, []byte(deepSpec()), 0o644))
	_, files := generate(t, spec)
	src := string(files["validate.go"])
	// L<k> leads deepLevels-1-k objects deep; a row may lead to a type
	// that leads fewer than maxTableDepth deep.
	for i := 0; i < deepLevels; i++ {
		hasMethod := strings.Contains(src, fmt.Sprintf("func (m *L%d) validate(", i))
		require.Equal(t, deepLevels-1-i > maxTableDepth, hasMethod, "validate method of L%d", i)
	}
	writeModule(t, dir, "example.com/deep", "deep", files)
	good, _ := deepDoc("n")
	bad, path := deepDoc("")
	test := fmt.Sprintf(`package deep

import (
	"strings"
	"testing"
)

func TestDeep(t *testing.T) {
	_, err := DecodeL0([]byte(%q))
	if err == nil || !strings.Contains(err.Error(), %q) {
		t.Fatalf("Decode: got %%v, want a violation at %%s", err, %q)
	}
	m, err := DecodeL0([]byte(%q))
	if err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(50, func() {
		if err := m.Validate(); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Fatalf("Validate allocated %%.1f times", n)
	}
	m.Child[0].Name = ""
	if err := m.Validate(); err == nil || !strings.Contains(err.Error(), "child[0].name:") {
		t.Fatalf("Validate: got %%v", err)
	}
}
`, bad, path+":", path, good)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "deep", "deep_test.go"), []byte(test), 0o644))
	goCommand(t, dir, "test", "./...")
}
