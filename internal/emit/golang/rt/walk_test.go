package rt

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

type walkLeaf struct {
	N int64
}

type walkInner struct {
	Name   string
	Leaves []walkLeaf
}

type walkOuter struct {
	ID     string
	Inner  walkInner
	Ptr    *walkInner
	List   []walkInner
	Opt    []walkInner
	Trail  string
	Nested []walkOuterless
}

// walkOuterless holds a list of objects inside a list of objects.
type walkOuterless struct {
	Items []walkInner
}

var (
	rulesWalkLeaf = []memberRule{
		{key: "n", off: unsafe.Offsetof(walkLeaf{}.N), kind: ruleInt, has: hasMinimum, intMin: 1, minimumMsg: "min"},
	}
	rulesWalkInner = []memberRule{
		{key: "name", off: unsafe.Offsetof(walkInner{}.Name), kind: ruleString, has: hasNonEmpty, nonEmpty: "empty"},
		{key: "leaves", off: unsafe.Offsetof(walkInner{}.Leaves), kind: ruleObjects, has: hasMaxItems, maxItems: 2, maxItemsMsg: "many",
			obj: &rulesWalkLeaf, size: unsafe.Sizeof(walkLeaf{})},
	}
	rulesWalkOuterless = []memberRule{
		{key: "items", off: unsafe.Offsetof(walkOuterless{}.Items), kind: ruleObjects, obj: &rulesWalkInner, size: unsafe.Sizeof(walkInner{})},
	}
	rulesWalkOuter = []memberRule{
		{key: "id", off: unsafe.Offsetof(walkOuter{}.ID), kind: ruleString, has: hasNonEmpty, nonEmpty: "empty"},
		{key: "inner", off: unsafe.Offsetof(walkOuter{}.Inner), kind: ruleObject, obj: &rulesWalkInner},
		{key: "ptr", off: unsafe.Offsetof(walkOuter{}.Ptr), kind: ruleObject, has: memberPtr, obj: &rulesWalkInner},
		{key: "list", off: unsafe.Offsetof(walkOuter{}.List), kind: ruleObjects, has: hasMinItems | hasNonEmpty, minItems: 2, minItemsMsg: "few", nonEmpty: "empty",
			obj: &rulesWalkInner, size: unsafe.Sizeof(walkInner{})},
		{key: "opt", off: unsafe.Offsetof(walkOuter{}.Opt), kind: ruleObjects, has: memberNilSkips | hasNonEmpty, nonEmpty: "empty",
			obj: &rulesWalkInner, size: unsafe.Sizeof(walkInner{})},
		{key: "trail", off: unsafe.Offsetof(walkOuter{}.Trail), kind: ruleString, has: hasNonEmpty, nonEmpty: "empty"},
		{key: "nested", off: unsafe.Offsetof(walkOuter{}.Nested), kind: ruleObjects, obj: &rulesWalkOuterless, size: unsafe.Sizeof(walkOuterless{})},
	}
)

func walkMessages(es Errors) []string {
	var got []string
	for _, e := range es {
		got = append(got, e.Path+": "+e.Message)
	}
	return got
}

// TestWalkObjectsPathsAndOrder checks objects, pointers to objects and
// lists of objects within each other: every violation at its path, in the
// order of the members, each item at its own index.
func TestWalkObjectsPathsAndOrder(t *testing.T) {
	ok := walkInner{Name: "a", Leaves: []walkLeaf{{1}}}
	for _, c := range []struct {
		name string
		v    walkOuter
		want []string
	}{{
		name: "valid",
		v:    walkOuter{ID: "x", Inner: ok, List: []walkInner{ok, ok}, Trail: "t"},
	}, {
		name: "every level broken",
		v: walkOuter{
			Inner:  walkInner{Leaves: []walkLeaf{{1}, {0}, {0}}},
			Ptr:    &walkInner{Name: "p", Leaves: []walkLeaf{{0}}},
			List:   []walkInner{},
			Opt:    []walkInner{ok, {Name: "", Leaves: []walkLeaf{{5}, {0}}}, {Name: "c"}},
			Nested: []walkOuterless{{}, {Items: []walkInner{ok, {Leaves: []walkLeaf{{0}}}}}},
		},
		want: []string{
			"id: empty",
			"inner.name: empty", "inner.leaves: many", "inner.leaves[1].n: min", "inner.leaves[2].n: min",
			"ptr.leaves[0].n: min",
			"list: few", "list: empty",
			"opt[1].name: empty", "opt[1].leaves[1].n: min",
			"trail: empty",
			"nested[1].items[1].name: empty", "nested[1].items[1].leaves[0].n: min",
		},
	}, {
		name: "empty optional list",
		v:    walkOuter{ID: "x", Inner: ok, List: []walkInner{ok, ok}, Opt: []walkInner{}, Trail: "t"},
		want: []string{"opt: empty"},
	}} {
		var es Errors
		validateMembers(nil, unsafe.Pointer(&c.v), rulesWalkOuter, &es, 0)
		if got := walkMessages(es); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestValidateTableFromRoot: paths start under the root member when there
// is one.
func TestValidateTableFromRoot(t *testing.T) {
	v := walkOuter{ID: "x", Inner: walkInner{Name: "a", Leaves: []walkLeaf{{0}}}, List: []walkInner{{Name: "a"}, {Name: "b"}}, Trail: "t"}
	for root, want := range map[string]string{"": "inner.leaves[0].n: min", "report": "report.inner.leaves[0].n: min"} {
		err := validateTable(unsafe.Pointer(&v), rulesWalkOuter, 0, root)
		es, _ := err.(Errors)
		if got := strings.Join(walkMessages(es), "\n"); got != want {
			t.Errorf("root %q: got %q, want %q", root, got, want)
		}
	}
}

// TestWalkObjectsDoesNotAllocate: the walk's frames and path nodes stay on
// the stack, at every depth.
func TestWalkObjectsDoesNotAllocate(t *testing.T) {
	ok := walkInner{Name: "a", Leaves: []walkLeaf{{1}, {2}}}
	v := walkOuter{ID: "x", Inner: ok, Ptr: &ok, List: []walkInner{ok, ok}, Opt: []walkInner{ok}, Trail: "t",
		Nested: []walkOuterless{{Items: []walkInner{ok, ok}}}}
	if n := testing.AllocsPerRun(100, func() {
		if err := validateTable(unsafe.Pointer(&v), rulesWalkOuter, scanKeys|scanFreeValues|scanTypedValues, "root"); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Fatalf("validateTable allocated %.1f times on a valid value", n)
	}
}

// TestWalkObjectsAtItsDepth nests objects as deep as the walk follows
// (maxTableDepth frames below the first member) and reports the deepest
// violation at its full path.
func TestWalkObjectsAtItsDepth(t *testing.T) {
	type node struct {
		Name  string
		Child *node
	}
	rows := make([][]memberRule, maxTableDepth+1)
	for i := range rows {
		rows[i] = []memberRule{{key: "name", off: unsafe.Offsetof(node{}.Name), kind: ruleString, has: hasNonEmpty, nonEmpty: fmt.Sprint("empty at ", i)}}
		if i > 0 {
			rows[i] = append(rows[i], memberRule{key: "child", off: unsafe.Offsetof(node{}.Child), kind: ruleObject, has: memberPtr, obj: &rows[i-1]})
		}
	}
	root := &node{Name: "top"}
	want := "child"
	for n, i := root, 0; i < maxTableDepth; i++ {
		n.Child = &node{Name: "n"}
		n = n.Child
		if i == maxTableDepth-1 {
			n.Name = ""
		} else {
			want += ".child"
		}
	}
	var es Errors
	validateMembers(nil, unsafe.Pointer(root), rows[maxTableDepth], &es, 0)
	if got := walkMessages(es); len(got) != 1 || got[0] != want+".name: empty at 0" {
		t.Fatalf("got %q, want %q", got, want+".name: empty at 0")
	}
}
