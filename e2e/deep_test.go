package e2e

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// deepBehaviour runs in the package generated from testdata/specs/doc_tree,
// whose Section holds Nodes that may be Sections: a value nested as deep
// as a document the decoders accept round-trips, while a deeper one or a
// pointer cycle ends in ErrTooDeep (Validate, MarshalJSON) or in a panic
// with it (AppendJSON), not in a fatal stack overflow; a Map built with a
// key twice fails Validate as the decoder refuses its encoding.
const deepBehaviour = `package doctree

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// chain is levels Sections, each the only child of the one above.
func chain(levels int) *Section {
	top := &Section{Kind: "section", Title: "t", Children: []Node{}}
	s := top
	for i := 1; i < levels; i++ {
		next := &Section{Kind: "section", Title: "t", Children: []Node{}}
		s.Children = []Node{{Section: next}}
		s = next
	}
	return top
}

func TestDeepestDocumentRoundTrips(t *testing.T) {
	// Each level is an object and a list: 5,000 levels are 9,999 nested
	// containers, the most the decoders accept.
	doc := strings.Repeat(` + "`" + `{"kind":"section","title":"t","children":[` + "`" + `, 4999) +
		` + "`" + `{"kind":"section","title":"t","children":[]}` + "`" + ` + strings.Repeat("]}", 4999)
	s, err := DecodeSection([]byte(doc))
	if err != nil {
		t.Fatalf("decode: %.300v", err)
	}
	out, err := json.Marshal(s)
	if err != nil || string(out) != doc {
		t.Fatalf("marshal: %.300v", err)
	}
	if _, err := DecodeSection([]byte(strings.Replace(doc, "[]", ` + "`" + `[{"kind":"section","title":"t","children":[]}]` + "`" + `, 1))); err == nil {
		t.Fatal("a document one level deeper decodes")
	}
}

func TestTooDeepValue(t *testing.T) {
	s := chain(6000)
	err := s.Validate()
	if !errors.Is(err, ErrTooDeep) {
		t.Fatalf("Validate: %.300v", err)
	}
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 || es[0].Rule != "depth" || !strings.HasPrefix(es[0].Path, "children[0]") {
		t.Fatalf("Validate: %.300v", err)
	}
	if _, err := json.Marshal(s); !errors.Is(err, ErrTooDeep) {
		t.Fatalf("json.Marshal: %.300v", err)
	}
	if _, err := s.MarshalJSON(); !errors.Is(err, ErrTooDeep) {
		t.Fatalf("MarshalJSON: %.300v", err)
	}
}

func TestRepeatedMapKey(t *testing.T) {
	s := chain(2)
	text := Node{Text: &Text{Kind: "text", Body: "b"}}
	s.Attrs = Map[Map[Node]]{{Key: "a"}, {Key: "b", Value: Map[Node]{{"x", text}, {"x", text}}}, {Key: "a"}}
	err := s.Validate()
	var es Errors
	if !errors.As(err, &es) || len(es) != 2 || es[0].Error() != ` + "`" + `attrs.a: duplicate key "a"` + "`" + ` || es[1].Error() != ` + "`" + `attrs.b.x: duplicate key "x"` + "`" + ` || !errors.Is(err, ErrDuplicateKey) {
		t.Fatalf("Validate: %v", err)
	}
	out, _ := json.Marshal(s)
	if _, err := DecodeSection(out); !errors.Is(err, ErrDuplicateKey) {
		t.Fatalf("the decoder: %v", err)
	}
}

func TestPointerCycle(t *testing.T) {
	s := &Section{Kind: "section", Title: "loop"}
	s.Children = []Node{{Section: s}}
	if err := s.Validate(); !errors.Is(err, ErrTooDeep) {
		t.Fatalf("Validate: %.300v", err)
	}
	if _, err := json.Marshal(s); !errors.Is(err, ErrTooDeep) {
		t.Fatalf("json.Marshal: %.300v", err)
	}
	defer func() {
		err, _ := recover().(error)
		if !errors.Is(err, ErrTooDeep) {
			t.Fatalf("AppendJSON panicked with %v", err)
		}
	}()
	s.AppendJSON(nil)
	t.Fatal("AppendJSON of a cycle returned")
}
`

// TestDeepValues generates the doc_tree package, whose types hold
// themselves, and runs deepBehaviour in it.
func TestDeepValues(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	copyFile(t, filepath.Join(root, "testdata", "specs", "doc_tree", "spec.yaml"), filepath.Join(dir, "spec.yaml"))
	r := gen(t, dir, nil, "-spec", "spec.yaml", "-go-out", "mod", "-schema-out", "", "-docs-out", "")
	require.Equal(t, 0, r.code, "%s", r)
	writeFile(t, filepath.Join(dir, "mod", "go.mod"), "module example.com/doctree\n\ngo 1.26\n")
	writeFile(t, filepath.Join(dir, "mod", "deep_test.go"), deepBehaviour)
	res := run(t, filepath.Join(dir, "mod"), goEnv(), 3*time.Minute, goTool(t), "test", "./...")
	require.Equal(t, 0, res.code, "%s", res)
}
