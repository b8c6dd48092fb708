package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// aliasBomb returns YAML lines defining ten anchors, each a list of ten
// aliases of the previous one: fully expanded, the last holds 10^10 leaves.
// indent is put before every line; the last anchor is named a9.
func aliasBomb(indent, leaf string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%sl0: &a0 [%s]\n", indent, strings.TrimSuffix(strings.Repeat(leaf+", ", 10), ", "))
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "%sl%d: &a%d [%s]\n", indent, i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	return b.String()
}

// measure runs fn and reports how long it took and how many bytes it
// allocated in total (a bound on the heap growth it caused).
func measure(fn func()) (time.Duration, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	fn()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	return elapsed, after.TotalAlloc - before.TotalAlloc
}

func TestAliasBombEndsWithError(t *testing.T) {
	// The bomb sits in an example, a free-form literal that the reader
	// expands; the spec around it is valid.
	spec := replaceOnce(t, minimalSpec, "    response:\n      message: Pong.",
		"    request_examples:\n      - note:\n"+aliasBomb("          ", "lol")+"    response:\n      message: Pong.")
	var lines []string
	elapsed, alloc := measure(func() {
		_, err := Bytes("bomb.yaml", []byte(spec))
		lines = errLines(t, err)
	})
	require.Len(t, lines, 1, "one error, not one per expanded node: %v", lines)
	assert.Regexp(t, `^bomb\.yaml:\d+:\d+: spec is too large once aliases are expanded \(more than 50000 nodes, 10 times its own\); remove nested aliases$`, lines[0])
	// The error points into the bomb (its last lines, where the budget ran out).
	var line, col int
	_, err := fmt.Sscanf(lines[0], "bomb.yaml:%d:%d:", &line, &col)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, line, strings.Count(minimalSpec[:strings.Index(minimalSpec, "    response:\n")], "\n")+3)
	// The budget is proportional to the document, so a 1.6 KB bomb costs
	// about as much as reading 50,000 nodes.
	assert.Less(t, alloc, uint64(64<<20), "allocated %d MiB", alloc>>20)
	t.Logf("alias bomb: %v, %d MiB allocated", elapsed, alloc>>20)
}

func TestAliasBombOfBadLeavesReportsEachProblemOnce(t *testing.T) {
	// Every leaf is an error; revisiting it through aliases must not record
	// (or print) the same error millions of times.
	spec := minimalSpec + "\ndescribe:\n  version: request\n  fields:\n" + aliasBomb("    ", "2026-01-02")
	var lines []string
	elapsed, alloc := measure(func() {
		_, err := Bytes("bomb.yaml", []byte(spec))
		lines = errLines(t, err)
	})
	bombLine := strings.Count(minimalSpec, "\n") + 5 // line of l0
	want := []string{}
	for i := 0; i < 10; i++ {
		want = append(want, fmt.Sprintf("bomb.yaml:%d:%d: describe fields: 2026-01-02 is a YAML timestamp, which JSON does not have; quote it to make it a string: \"2026-01-02\"", bombLine, 14+12*i))
	}
	// The budget error sits where expansion ran out, among the leaves.
	var leaves, budgetErrs []string
	for _, l := range lines {
		if strings.Contains(l, "spec is too large once aliases are expanded") {
			budgetErrs = append(budgetErrs, l)
		} else {
			leaves = append(leaves, l)
		}
	}
	assert.Equal(t, want, leaves)
	assert.Len(t, budgetErrs, 1, "%v", lines)
	assert.Less(t, alloc, uint64(64<<20), "allocated %d MiB", alloc>>20)
	t.Logf("alias bomb of bad leaves: %v, %d MiB allocated", elapsed, alloc>>20)
}

func TestAliasBudgetGrowsWithTheDocument(t *testing.T) {
	assert.Equal(t, minBudget, budget(10))
	assert.Equal(t, 10*100_000, budget(100_000))
	// A large document that reuses one anchor a few times stays well inside.
	var b strings.Builder
	b.WriteString(minimalSpec + "\ndescribe:\n  version: request\n  fields:\n    base: &big [")
	for i := 0; i < 20_000; i++ {
		fmt.Fprintf(&b, "%d, ", i)
	}
	b.WriteString("0]\n")
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "    copy%d: *big\n", i)
	}
	_, err := Bytes("big.yaml", []byte(b.String()))
	assert.NoError(t, err)
}

// BenchmarkAliasBomb measures what refusing a 1.6 KB alias bomb costs.
func BenchmarkAliasBomb(b *testing.B) {
	spec := []byte(minimalSpec + "\ndescribe:\n  version: request\n  fields:\n" + aliasBomb("    ", "lol"))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes("bomb.yaml", spec); err == nil {
			b.Fatal("bomb accepted")
		}
	}
}

func TestAliasesStillWork(t *testing.T) {
	// Anchors and aliases are allowed anywhere: a shared field definition.
	spec := replaceOnce(t, minimalSpec, "      note:\n        type: string\n        default: hello\n",
		"      note: &text\n        type: string\n        default: hello\n      other: *text\n")
	s, err := Bytes("spec.yaml", []byte(spec))
	require.NoError(t, err)
	fs := s.Operations[0].Request
	require.Len(t, fs, 2)
	assert.Equal(t, "other", fs[1].Name.V)
	assert.Equal(t, "string", fs[1].Type.V)
	assert.Equal(t, "hello", fs[1].Default.Str)
}

func TestDeepNesting(t *testing.T) {
	exampleAt := func(lit string) string {
		return replaceOnce(t, minimalSpec, "    response:\n      message: Pong.",
			"    request_examples:\n      - note: "+lit+"\n    response:\n      message: Pong.")
	}
	exLine := strings.Count(minimalSpec[:strings.Index(minimalSpec, "    response:\n")], "\n") + 2
	blockDescribe := func(depth int) string {
		var b strings.Builder
		b.WriteString(minimalSpec)
		b.WriteString("describe:\n version: request\n fields:\n")
		for i := 0; i < depth; i++ {
			b.WriteString(strings.Repeat(" ", i+2))
			b.WriteString("a:\n")
		}
		b.WriteString(strings.Repeat(" ", depth+2) + "b: 1\n")
		return b.String()
	}
	descLine := strings.Count(minimalSpec, "\n") + 3
	cases := []struct {
		name string
		spec string
		want []string
	}{
		{"10001 nested flow sequences", exampleAt(strings.Repeat("[", 10001) + strings.Repeat("]", 10001)),
			[]string{fmt.Sprintf("spec.yaml:%d:1: invalid YAML: exceeded max depth of 10000", exLine)}},
		{"10000 nested flow sequences", exampleAt(strings.Repeat("[", 10000) + strings.Repeat("]", 10000)),
			[]string{fmt.Sprintf("spec.yaml:%d:%d: example of operation \"ping\" request is nested more than 1000 levels deep", exLine, 15+1000)}},
		{"10000 nested flow mappings", exampleAt(strings.Repeat("{a: ", 10000) + "1" + strings.Repeat("}", 10000)),
			[]string{fmt.Sprintf("spec.yaml:%d:%d: example of operation \"ping\" request is nested more than 1000 levels deep", exLine, 15+4*1000)}},
		{"100000 nested flow mappings", exampleAt(strings.Repeat("{a: ", 100000) + "1" + strings.Repeat("}", 100000)),
			[]string{fmt.Sprintf("spec.yaml:%d:1: invalid YAML: exceeded max depth of 10000", exLine)}},
		{"1000 nested block mappings are fine", blockDescribe(999), nil},
		{"2000 nested block mappings", blockDescribe(2000),
			[]string{fmt.Sprintf("spec.yaml:%d:%d: describe fields is nested more than 1000 levels deep", descLine+1002, 1004)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var s *Spec
			var err error
			require.NotPanics(t, func() { s, err = Bytes("spec.yaml", []byte(c.spec)) })
			if c.want == nil {
				require.NoError(t, err)
				require.NotNil(t, s.Describe)
				return
			}
			assert.Equal(t, c.want, errLines(t, err))
		})
	}
}

func TestDeepTypeExpression(t *testing.T) {
	// A type nested 10,000 deep parses (no stack overflow) to the right depth.
	text := strings.Repeat("list<", 5000) + strings.Repeat("map<", 5000) + "string" + strings.Repeat(">", 10000)
	var te *TypeExpr
	var err error
	require.NotPanics(t, func() { te, err = ParseType(text) })
	require.NoError(t, err)
	depth := 0
	for ; te.Container != ""; te = te.Elem {
		depth++
	}
	assert.Equal(t, 10000, depth)
	assert.Equal(t, "string", te.Name)
}

func TestSizeLimit(t *testing.T) {
	// 20 MB of otherwise valid YAML.
	big := largeSpec(20 << 20)
	require.Greater(t, len(big), 20<<20)
	want := "spec is larger than 8 MiB; split it or trim it"

	t.Run("file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "big.yaml")
		require.NoError(t, os.WriteFile(path, big, 0o644))
		var lines []string
		elapsed, alloc := measure(func() {
			_, err := File(path)
			lines = errLines(t, err)
		})
		assert.Equal(t, []string{path + ": " + want}, lines)
		// Refused before parsing: only the first MaxSize+1 bytes are read.
		assert.Less(t, alloc, uint64(4*MaxSize), "allocated %d MiB", alloc>>20)
		t.Logf("refused in %v", elapsed)
	})
	t.Run("bytes", func(t *testing.T) {
		_, err := Bytes("big.yaml", big)
		assert.Equal(t, []string{"big.yaml: " + want}, errLines(t, err))
	})
	t.Run("one byte over", func(t *testing.T) {
		data := append(largeSpec(MaxSize-4096), bytes.Repeat([]byte("#"), MaxSize)...)[:MaxSize+1]
		_, err := Bytes("big.yaml", data)
		assert.Equal(t, []string{"big.yaml: " + want}, errLines(t, err))
	})
	t.Run("just under the limit loads", func(t *testing.T) {
		data := largeSpec(MaxSize - 8192)
		require.LessOrEqual(t, len(data), MaxSize)
		path := filepath.Join(t.TempDir(), "large.yaml")
		require.NoError(t, os.WriteFile(path, data, 0o644))
		s, err := File(path)
		require.NoError(t, err)
		assert.Greater(t, len(s.Types), 5000)
	})
}

func TestFileErrors(t *testing.T) {
	dir := t.TempDir()
	check := func(t *testing.T, path, msg string) {
		t.Helper()
		s, err := File(path)
		assert.Nil(t, s)
		assert.Equal(t, []string{path + ": " + msg}, errLines(t, err))
	}
	t.Run("missing", func(t *testing.T) {
		check(t, filepath.Join(dir, "nope.yaml"), "spec file does not exist")
	})
	t.Run("missing folder", func(t *testing.T) {
		check(t, filepath.Join(dir, "no", "such", "spec.yaml"), "spec file does not exist")
	})
	t.Run("directory", func(t *testing.T) {
		check(t, dir, "is a directory, expected a YAML spec file")
	})
	t.Run("empty", func(t *testing.T) {
		path := filepath.Join(dir, "empty.yaml")
		require.NoError(t, os.WriteFile(path, nil, 0o644))
		check(t, path, "spec file is empty; expected a YAML mapping with contract, envelopes and operations")
	})
	t.Run("only whitespace", func(t *testing.T) {
		path := filepath.Join(dir, "blank.yaml")
		require.NoError(t, os.WriteFile(path, []byte("\n   \n\t\n"), 0o644))
		check(t, path, "spec file is empty; expected a YAML mapping with contract, envelopes and operations")
	})
	t.Run("only comments", func(t *testing.T) {
		path := filepath.Join(dir, "comments.yaml")
		require.NoError(t, os.WriteFile(path, []byte("# nothing here yet\n# still nothing\n"), 0o644))
		check(t, path, "spec file is empty; expected a YAML mapping with contract, envelopes and operations")
	})
	t.Run("path through a file", func(t *testing.T) {
		file := filepath.Join(dir, "plain.txt")
		require.NoError(t, os.WriteFile(file, []byte("x"), 0o644))
		path := filepath.Join(file, "spec.yaml")
		check(t, path, "cannot open spec: open "+path+": not a directory")
	})
	t.Run("unreadable", func(t *testing.T) {
		path := filepath.Join(dir, "secret.yaml")
		require.NoError(t, os.WriteFile(path, []byte(minimalSpec), 0o644))
		require.NoError(t, os.Chmod(path, 0o000))
		t.Cleanup(func() { _ = os.Chmod(path, 0o644) })
		if os.Geteuid() == 0 {
			// root reads the file regardless of its mode, so the permission
			// error cannot happen; check the other unopenable case instead.
			_, err := File(path)
			require.NoError(t, err, "root can read a mode-000 file")
			check(t, filepath.Join(dir, "missing-dir", "secret.yaml"), "spec file does not exist")
			return
		}
		check(t, path, "spec file cannot be read: permission denied")
	})
}

func BenchmarkLoadContract(b *testing.B) {
	path := filepath.Join("..", "..", "spec", "contract.yaml")
	st, err := os.Stat(path)
	require.NoError(b, err)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := File(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadLarge(b *testing.B) {
	data := largeSpec(MaxSize - 8192)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes("large.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
