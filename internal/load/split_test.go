package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// whole parses data as Bytes does without pieces.
func whole(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc)
	return &doc, err
}

// sameTree returns where two trees differ in what the loader reads (kind,
// style, tag, value, anchor, position, children), or "".
func sameTree(a, b *yaml.Node, at string) string {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) || (a.Alias == nil) != (b.Alias == nil) {
		return fmt.Sprintf("%s: %d %q %q %d:%d (%d children) against %d %q %q %d:%d (%d children)", at,
			a.Kind, a.Tag, a.Value, a.Line, a.Column, len(a.Content), b.Kind, b.Tag, b.Value, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if d := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkSplit holds splitInto to the whole parse: when it answers, the
// whole text parses to the same tree. It reports whether it answered.
func checkSplit(t *testing.T, data []byte, piece int) bool {
	t.Helper()
	got, ok := splitInto(data, piece)
	if !ok {
		return false
	}
	want, err := whole(data)
	if err != nil {
		t.Fatalf("pieces of %d bytes parsed a text the whole parse refuses (%v):\n%s", piece, err, data)
	}
	if d := sameTree(got, want, ""); d != "" {
		t.Fatalf("pieces of %d bytes differ from the whole parse at %s:\n%s", piece, d, data)
	}
	return true
}

// splitCases are texts whose meaning could change in pieces, and whether
// splitInto may parse them in pieces (true) or must leave them whole.
var splitCases = []struct {
	name  string
	text  string
	split bool
}{
	{"plain", "a:\n  x: 1\n  y: {k: v}\nb:\n  z: [1, 2]\n", true},
	{"comments and blank lines between entries", "# head\na:\n# col 1\n  x: 1\n\n  # inner\n  y: 2\n\n# tail\nb: 3\n", true},
	{"CRLF", "a:\r\n  x: 1\r\n  y: 2\r\nb: 3\r\n", true},
	{"keep-chomped block scalar before the next entry", "a:\n  x: |+\n    text\n\n\n  y: >-\n    folded\n    more\n\nb: 1\n", true},
	{"keep-chomped block scalar at the end", "a:\n  x: |+\n    text\n\n", true},
	{"empty value before a cut", "a:\n  x:\n  y:\n\n# c\n  z:\nb:\n  w:\n", true},
	{"explicit key without a value at a cut", "a:\n  x:\n    k:\n    ? q\n  y: 1\n", false},
	{"explicit key after a sequence entry", "a:\n  x:\n    - ? q\n  y: 1\n", false},
	{"explicit key at the end", "a:\n  x:\n    ?\n  y: 1\n?", false},
	{"question marks in text", "a:\n  x: Why? Because.\n  y: \"? q\"\n", true},
	{"quoted key entries", "a:\n  \"x y\": 1\n  'z': 2\n", true},
	{"nested deeper", "a:\n    x:\n      - 1\n      - {b: [2, 3]}\n    y: 4\n", true},
	{"section comment after key", "a:   # c\n  x: 1\n  y: 2\n", true},
	{"duplicate sections", "a:\n  x: 1\na:\n  y: 2\n", true},
	{"double-quoted text over an entry line", "a:\n  x: \"one\n  y: two\"\n  z: 3\n", false},
	{"single-quoted text over an entry line", "a:\n  x: 'one\n  y: two'\n  z: 3\n", false},
	{"flow mapping over an entry line", "a:\n  x: {k: 1,\n  y: 2}\n  z: 3\n", false},
	{"quoted text over a top-level line", "a:\n  x: \"one\nb: two\"\n  z: 3\n", false},
	{"alias across sections", "a:\n  x: &n 1\nb:\n  y: *n\n", false},
	{"alias in a flow sequence", "a:\n  x: &n 1\n  y: [*n]\n", false},
	{"document marker", "a:\n  x: 1\n---\nb: 2\n", false},
	{"document end", "a:\n  x: 1\n...\n", false},
	{"directive", "%YAML 1.1\n---\na:\n  x: 1\n", false},
	{"lone CR", "a:\n  x: 1\r  y: 2\n", false},
	{"NEL", "a:\n  x: \"1\u0085\"\n  y: 2\n", false},
	{"line separator", "a:\n  x: \"1\u2028\"\n  y: 2\n", false},
	{"tagged section", "a: !!map\n  x: 1\n", false},
	{"anchored section", "a: &s\n  x: 1\n", false},
	{"block scalar section", "a: |\n  x: 1\n", false},
	{"sequence section", "a:\n  - x\n  - y\n", false},
	{"sequence in column 1", "a:\n- x\n- y\n", false},
	{"anchored entry", "a:\n  &e x: 1\n", false},
	{"flow section", "a: {\n  x: 1,\n  y: 2 }\n", false},
	{"less indented line", "a:\n    x: 1\n  y: 2\n", false},
	{"plain text run on to an entry's column", "a:\n  x: one\n  two\n  y: 3\n", false},
	{"syntax error in a piece", "a:\n  x: [1\n  y: 2\n", false},
	{"key with a colon in it", "a:b:\n  x: 1\n", false},
	{"section key inside a quoted top-level text", "x: \"abc\na:\n  y: 1\ndef\"\n", false},
	{"section key inside a quoted document", "\"abc\na:\n  y: 1\n\"\n", false},
	{"sequence in column 1 after a section's entries", "a:\n  x: 1\n- y\n", false},
	{"only comments", "# nothing\n", false},
	{"scalar document", "just text\n", false},
	{"mapping key on two lines", "a:\n  ? x\n  : 1\n", false},
	{"tab after the key", "a:\t\n  x: 1\n", false},
	{"tab starting a line after a plain text", "a:\n  x: 1\n  y:  2\n\t# c\nb: 3\n", false},
	{"tab inside an entry's lines", "a:\n  x: 1\n  y: [1,\t2]\n", true},
}

func TestSplitMatchesWhole(t *testing.T) {
	for _, c := range splitCases {
		t.Run(c.name, func(t *testing.T) {
			for _, piece := range []int{1, 8, 1 << 20} {
				ok := checkSplit(t, []byte(c.text), piece)
				if piece == 1 && ok != c.split {
					t.Fatalf("parsed in pieces: %v, want %v", ok, c.split)
				}
			}
		})
	}
}

// TestSplitSpecs parses every spec of the repository in pieces, as small
// as entries allow (each must be, unless splittable refuses it) and of a
// few KiB, and holds the trees to the whole parse.
func TestSplitSpecs(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "specs", "*", "spec.yaml"))
	require.NoError(t, err)
	paths = append(paths, filepath.Join("..", "..", "spec", "contract.yaml"), filepath.Join("..", "..", "testdata", "hostile", "spec.yaml"))
	require.Greater(t, len(paths), 10)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		if !checkSplit(t, data, 1) && splittable(data) {
			t.Errorf("%s: not parsed in pieces", p)
		}
		checkSplit(t, data, 4<<10)
	}
}

// TestBytesSplitsLargeSpecs shows Bytes takes the pieces for a large spec
// on two cores, and loads on two cores what it loads on one, from the
// whole text: the same spec, or the same errors.
func TestBytesSplitsLargeSpecs(t *testing.T) {
	big := func(last string) []byte {
		var b strings.Builder
		b.WriteString(minimalSpec)
		b.WriteString("types:\n")
		for i := 0; b.Len() < splitMin+1024; i++ {
			fmt.Fprintf(&b, "  T%d:\n    description: Type %d.\n    fields:\n      a: {type: string, description: \"A.\"}\n", i, i)
		}
		return []byte(b.String() + last)
	}
	for _, c := range []struct {
		name    string
		data    []byte
		pieces  bool // parseSplit answers
		invalid bool
	}{
		{"valid", big(""), true, false},
		{"shape errors in two pieces", big("  Bad:\n    fieldz: {}\n  Worse:\n    fields: 3\n"), true, true},
		{"syntax error in the last entry", big("  Bad:\n    fields: {a: [1\n"), false, true},
		{"alias", big("  Anch: &t {fields: {a: {type: string}}}\n  Same: *t\n"), false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			one, err1 := Bytes("big.yaml", c.data)
			runtime.GOMAXPROCS(2)
			_, ok := parseSplit(c.data)
			require.Equal(t, c.pieces, ok, "parsed in pieces")
			two, err2 := Bytes("big.yaml", c.data)
			require.Equal(t, fmt.Sprint(err1), fmt.Sprint(err2))
			require.Equal(t, one, two)
			if c.invalid {
				require.Error(t, err1)
			} else {
				require.NoError(t, err1)
				require.Greater(t, len(two.Types), 1000)
			}
		})
	}
}

// FuzzSplit holds parsing in pieces to the whole parse on any text, as it
// is and set among entries of a section, where most random texts would
// otherwise never be cut.
func FuzzSplit(f *testing.F) {
	for _, c := range splitCases {
		f.Add([]byte(c.text))
	}
	f.Add([]byte(minimalSpec))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := func(prefix string) string {
			return prefix + strings.ReplaceAll(string(data), "\n", "\n"+prefix)
		}
		for _, text := range []string{string(data),
			"a:\n  k: 1\n" + in("  ") + "\n  z: 2\n",
			"a:\n  k:\n" + in("    ") + "\n  z: 2\nb: 1\n"} {
			for _, piece := range []int{1, 16} {
				checkSplit(t, []byte(text), piece)
			}
		}
	})
}
