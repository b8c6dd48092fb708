package golang

import (
	"encoding/json"
	"fmt"
	"go/format"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/validate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOutputIsGofmtClean: the emitter writes most declarations as text,
// without a formatter, so every file it writes for every valid spec in the
// repository (the testdata domains, the hostile spec, the lint and
// breaking fixtures, the shipped contract) must be exactly what gofmt
// prints.
func TestOutputIsGofmtClean(t *testing.T) {
	var paths []string
	for _, root := range []string{"../../../testdata", "../../../internal", "../../../spec"} {
		require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
				paths = append(paths, p)
			}
			return err
		}))
	}
	checked := 0
	for _, p := range paths {
		s, err := load.File(p)
		if err != nil {
			continue
		}
		c, err := validate.Check(s)
		if err != nil {
			continue // specs of the invalid cases
		}
		files, err := New().Generate(c, emit.Options{})
		require.NoError(t, err, p)
		for name, src := range files {
			formatted, err := format.Source(src)
			require.NoError(t, err, "%s: %s", p, name)
			assert.Equal(t, string(formatted), string(src), "%s: %s is not gofmt-clean", p, name)
		}
		checked++
	}
	require.Greater(t, checked, 100, "valid specs found")
}

// TestRowsAlignAsGofmt: struct fields, with comments between some, are
// aligned as gofmt aligns them, for names of many lengths.
func TestRowsAlignAsGofmt(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		var w gw
		w.open("type T struct")
		var rows [][]string
		for j := 0; j < 1+r.IntN(8); j++ {
			if r.IntN(4) == 0 {
				rows = append(rows, []string{strings.TrimSpace("// note " + strings.Repeat("x", r.IntN(5)))})
			}
			row := []string{"F" + strings.Repeat("é", r.IntN(12)) + fmt.Sprint(j), strings.Repeat("*", r.IntN(2)) + "T" + strings.Repeat("y", r.IntN(15))}
			if r.IntN(3) > 0 {
				row = append(row, tag("json", "f"+fmt.Sprint(j)))
			}
			rows = append(rows, row)
		}
		w.rows(rows)
		w.close()
		src := "package p\n\n" + string(w.bytes()) + "\n"
		formatted, err := format.Source([]byte(src))
		require.NoError(t, err, src)
		require.Equal(t, string(formatted), src)
	}
}

// TestPairsAlignAsGofmt: the key: value lines of a composite literal break
// into sections where gofmt breaks them, keys of over 40 bytes included.
func TestPairsAlignAsGofmt(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 501; i++ {
		var keys, values []string
		for j := 0; j < 2+r.IntN(8); j++ {
			n := 1 + r.IntN(12)
			if r.IntN(3) == 0 {
				n = 30 + r.IntN(90)
			}
			k := "K" + strings.Repeat("k", n) + fmt.Sprint(j)
			if r.IntN(4) == 0 {
				// Sizes count bytes, columns count characters.
				k = "É" + strings.Repeat("é", n/2) + fmt.Sprint(j)
			}
			keys, values = append(keys, k), append(values, "m."+k)
		}
		if i == 500 {
			// A pair too long for one line of gofmt's reckoning.
			values[1] = quote(strings.Repeat("v", 1_000_000))
		}
		var w gw
		w.open("func f()")
		w.line("_ = T{")
		w.ind++
		w.pairs(keys, values)
		w.ind--
		w.line("}")
		w.close()
		src := "package p\n\n" + string(w.bytes()) + "\n"
		formatted, err := format.Source([]byte(src))
		require.NoError(t, err, src)
		require.Equal(t, string(formatted), src)
	}
}

// TestDocCommentsAsGofmt: doc comments of spec text (lists, indented
// lines, headings, links, blank lines) come out as gofmt reformats them,
// by the fast path for plain text and by go/doc/comment otherwise.
func TestDocCommentsAsGofmt(t *testing.T) {
	texts := []string{
		"Plain text.", "two\nlines", "a list:\n- one\n- two", "1. first\n2. second", "  indented code",
		"para\n\nnext para", "# Heading\n\ntext", "see [Foo] and [the site]\n\n[the site]: https://example.com",
		"ends with blank ", "x\n\n\n\ny", "Deprecated: use Other.", "https://example.com/a_b plain",
		"tab\tinside", "* star item", "• bullet", "[link]: https://x.y", "Title Like Heading\n\nBody text here.\n\nMore",
		"trailing backslash \\", "//go:generate nothing", "a/*b*/c", "list:\n  - one\n  - two", "code:\n    x := 1",
		"numbers:\n 1. one\n 2. two", "say ``hi'' twice",
	}
	for _, text := range texts {
		var w gw
		w.doc("Name", text)
		w.line("type Name int")
		src := "package p\n\n" + string(w.bytes()) + "\n"
		formatted, err := format.Source([]byte(src))
		require.NoError(t, err, src)
		assert.Equal(t, string(formatted), src, "%q", text)
		if lines := commentLines(text); plainDoc(lines) {
			// The fast path keeps the lines: gofmt must too.
			assert.True(t, equalLines(slowDoc(lines), lines), "fast path on %q", text)
		}
	}
}

// TestDrawnDocCommentsAsGofmt: doc comments of drawn text, built from the
// pieces go/doc/comment gives meaning to (markers, indentation, blank
// lines, brackets, URLs), come out as gofmt reformats them.
func TestDrawnDocCommentsAsGofmt(t *testing.T) {
	pieces := []string{"word", "Word", " ", "  ", "\n", "\n\n", "- ", "* ", "1. ", "2) ", "# ", "[x]", "[x]: https://e.com",
		"https://e.com/a", "\t", "•", ":", "\\", "é", "go:x", "+build", "//", "/*", "*/", "`", "'", "TODO"}
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for j := 0; j < 1+r.IntN(12); j++ {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		var w gw
		w.doc("Name", b.String())
		w.line("type Name int")
		src := "package p\n\n" + string(w.bytes()) + "\n"
		formatted, err := format.Source([]byte(src))
		require.NoError(t, err, src)
		require.Equal(t, string(formatted), src, "%q", b.String())
	}
}

// slowDoc is formatDoc without its fast path.
func slowDoc(lines []string) []string {
	var w gw
	w.line("package p")
	w.line("")
	for _, l := range lines {
		w.line(l)
	}
	w.line("type X int")
	src, err := format.Source(w.buf)
	if err != nil {
		return nil
	}
	out := strings.Split(strings.TrimSuffix(string(src), "\n"), "\n")
	return out[2 : len(out)-1]
}

func equalLines(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

// TestDrawnSpecTextStaysGofmtClean: specs whose descriptions (of the
// contract's types, fields, state sets and values, operations) are drawn
// from the pieces Go comments and go/doc/comment give meaning to generate
// files that gofmt leaves as they are.
func TestDrawnSpecTextStaysGofmtClean(t *testing.T) {
	pieces := []string{"word", "Word", " ", "\n", "\n\n", "- ", "1. ", "# ", "[x]", "[x]: https://e.com", "``", "''",
		"\t", "//", "/*", "*/", "go:generate x", "+build", "line 3", "\\", "é", "`"}
	r := rand.New(rand.NewPCG(9, 10))
	text := func() string {
		var b strings.Builder
		for j := 0; j < 1+r.IntN(8); j++ {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		q, _ := json.Marshal(b.String())
		return string(q)
	}
	checked := 0
	for i := 0; i < 40; i++ {
		spec := fmt.Sprintf(`contract:
  name: drawn
  title: Drawn
  package: drawn
  schema_base_uri: https://schemas.example.com/drawn/
states:
  color:
    description: %s
    values:
      red: %s
      blue: %s
types:
  Thing:
    description: %s
    fields:
      name: {type: string, description: %s}
      color: {type: color, description: %s, deprecated: %s}
operations:
  ping:
    description: %s
    request:
      thing: {type: Thing, description: %s}
    response:
      payload:
        echo: {type: string, description: %s}
`, text(), text(), text(), text(), text(), text(), text(), text(), text(), text())
		s, err := load.Bytes("drawn.yaml", []byte(spec))
		require.NoError(t, err, spec)
		c, err := validate.Check(s)
		if err != nil {
			continue // a text the spec language refuses (a blank deprecation)
		}
		files, err := New().Generate(c, emit.Options{})
		require.NoError(t, err, spec)
		for name, src := range files {
			formatted, err := format.Source(src)
			require.NoError(t, err, "%s\n%s", name, spec)
			require.Equal(t, string(formatted), string(src), "%s is not gofmt-clean for\n%s", name, spec)
		}
		checked++
	}
	require.Greater(t, checked, 30)
}

// TestOneLineMatchesGofmt: oneLine writes a function on one line only
// where gofmt keeps it so, for signatures around gofmt's limit.
func TestOneLineMatchesGofmt(t *testing.T) {
	for n := 30; n <= 80; n++ {
		name := "S" + strings.Repeat("x", n)
		var w gw
		oneLine(&w, "func (v "+name+") String() string", "return string(v)")
		src := "package p\n\ntype " + name + " string\n\n" + string(w.bytes()) + "\n"
		out, err := format.Source([]byte(src))
		require.NoError(t, err)
		require.Equal(t, src, string(out), "a state type named with %d characters", len(name))
	}
}
