package docs

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/emit"
)

// chainSpec is a spec whose one operation carries a chain of depth object
// types, each holding the next in a required field.
func chainSpec(depth int) string {
	var b strings.Builder
	b.WriteString("contract:\n  name: chain\n  title: Chain\n  description: A chain of types.\n  package: chain\n  schema_base_uri: https://schemas.example.com/chain/\ntypes:\n")
	for i := range depth {
		fmt.Fprintf(&b, "  T%d:\n    description: Level %d.\n    fields:\n      name: {type: string}\n", i, i)
		if i+1 < depth {
			fmt.Fprintf(&b, "      next: {type: T%d}\n", i+1)
		}
	}
	b.WriteString("operations:\n  op:\n    description: One.\n    request:\n      t: {type: T0}\n    response:\n      payload:\n        t: {type: T0}\n")
	return b.String()
}

// TestDeepChainDocsGrowLinearly: the pages of a chain of nested types grow
// with its depth, not with its square. A type lists the types that hold it
// directly (a chain of 3,000 listed 4.5 million links before), and example
// documents stop indenting below the 32nd level (before, each of a chain's
// lines was indented two spaces a level). Every example still reads as the
// same JSON.
func TestDeepChainDocsGrowLinearly(t *testing.T) {
	size := func(depth int) (int, int) {
		files := generate(t, contractOf(t, chainSpec(depth)), emit.Options{})
		page := string(files["operations/op.md"])
		if n := strings.Count(page, `"next": {`); n != 2*(depth-1) {
			t.Fatalf("depth %d: the examples hold %d nested levels, want %d", depth, n, 2*(depth-1))
		}
		// The request example is the same document whatever its spacing:
		// the chain, depth levels deep, under payload.t.
		_, rest, _ := strings.Cut(page, "## Example request\n\n```json\n")
		example, _, _ := strings.Cut(rest, "\n```")
		var doc struct{ Payload struct{ T any } }
		if err := json.Unmarshal([]byte(example), &doc); err != nil {
			t.Fatalf("depth %d: the request example is not JSON: %v", depth, err)
		}
		levels := 0
		for v, ok := doc.Payload.T.(map[string]any); ok; v, ok = v["next"].(map[string]any) {
			levels++
		}
		if levels != depth {
			t.Fatalf("depth %d: the request example nests %d levels", depth, levels)
		}
		for _, line := range strings.Split(page, "\n") {
			if pad := len(line) - len(strings.TrimLeft(line, " ")); pad > maxPad+2 {
				t.Fatalf("depth %d: a line indented %d spaces: %.80q", depth, pad, line)
			}
		}
		types := string(files["types.md"])
		if want := fmt.Sprintf("## T%d\n\nLevel %d.", depth-1, depth-1); !strings.Contains(types, want) {
			t.Fatalf("depth %d: types.md lacks the last level", depth)
		}
		if i := strings.Index(types, "## T2\n"); i < 0 || !strings.Contains(types[i:], "- [T1](#t1)") || strings.Contains(types[i:strings.Index(types, "## T3\n")], "[T0]") {
			t.Fatalf("depth %d: T2 must be used by T1, which holds it, and not by T0, which holds T1", depth)
		}
		return len(types), len(page)
	}
	types1, op1 := size(100)
	types2, op2 := size(400)
	// Four times the depth: about four times the bytes (the level numbers
	// grow a digit), where the square would be sixteen.
	if types2 > 5*types1 || op2 > 5*op1 {
		t.Errorf("depth 100 to 400: types.md %d to %d bytes, the operation page %d to %d; want at most five times", types1, types2, op1, op2)
	}
}

// BenchmarkDeepChain generates the docs of a chain of 5,000 nested types
// (see TestDeepChainDocsGrowLinearly).
func BenchmarkDeepChain(b *testing.B) {
	c := contractOf(b, chainSpec(5000))
	for b.Loop() {
		if _, err := New().Generate(c, emit.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
