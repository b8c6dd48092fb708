package golang

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/stretchr/testify/require"
)

// TestItemsType: an object type's items are made as its memory twin,
// declared once per shape and shared by types of that shape, with objects
// held by value as their own twins; a union, and an object that holds a
// union by value, are made as their Go types (no testdata spec has a list
// of either).
func TestItemsType(t *testing.T) {
	str := &model.TypeRef{Kind: model.KindString}
	obj := func(o *model.Type) *model.TypeRef { return &model.TypeRef{Kind: model.KindObject, Object: o} }
	field := func(name string, ref *model.TypeRef, nullable bool) *model.Field {
		return &model.Field{Name: name, GoName: name, Type: ref, Required: true, Nullable: nullable}
	}
	inner := &model.Type{GoName: "Inner", Fields: []*model.Field{field("N", &model.TypeRef{Kind: model.KindInteger}, false)}}
	a := &model.Type{GoName: "A", Fields: []*model.Field{
		field("S", str, false), field("In", obj(inner), false), field("P", obj(inner), true),
		field("L", &model.TypeRef{Kind: model.KindList, Elem: str}, false),
	}}
	b := &model.Type{GoName: "B", Fields: a.Fields}
	union := &model.Type{GoName: "U", Union: &model.Union{Discriminator: "kind"}}
	holder := &model.Type{GoName: "H", Fields: []*model.Field{field("S", str, false), field("U", obj(union), false)}}

	var g gen
	require.Equal(t, "twinA", g.itemsType(obj(a)))
	require.Equal(t, "twinA", g.itemsType(obj(b)), "a type of the same shape shares the twin")
	require.Equal(t, "U", g.itemsType(obj(union)))
	require.Equal(t, "H", g.itemsType(obj(holder)))
	require.Equal(t, "string", g.itemsType(str))
	var decls []string
	for _, d := range g.layouts.twins {
		decls = append(decls, d.name+" = "+strings.Join(d.fields, "; "))
	}
	require.Equal(t, []string{"twinInner = int64", "twinA = string; twinInner; unsafe.Pointer; []byte"}, decls)
}

// twinUse finds, in a layout declaration, the object type whose items are
// made as a memory twin, and the twin.
var twinUse = regexp.MustCompile(`elem: &layoutObj(\w+), items: items\[(?:Entry\[)?(twin\w+)\]`)

// twinTest is the source of a test, run inside the generated package, that
// every type items makes as a memory twin has the twin's size, alignment
// and pointer words; "" when the package has no twins.
func twinTest(pkg string, files map[string][]byte) string {
	pairs := map[string]string{}
	for _, data := range files {
		for _, m := range twinUse.FindAllStringSubmatch(string(data), -1) {
			pairs[m[1]] = m[2]
		}
	}
	if len(pairs) == 0 {
		return ""
	}
	types := make([]string, 0, len(pairs))
	for typ := range pairs {
		types = append(types, typ)
	}
	sort.Strings(types)
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"reflect\"\n\t\"testing\"\n\t\"unsafe\"\n)\n\n", pkg)
	b.WriteString("func TestMemoryTwins(t *testing.T) {\n")
	for _, typ := range types {
		fmt.Fprintf(&b, "\tsameMemory(t, reflect.TypeFor[%s](), reflect.TypeFor[%s]())\n", typ, pairs[typ])
	}
	b.WriteString("}\n")
	b.WriteString(twinHelpers)
	return b.String()
}

const twinHelpers = `
// sameMemory fails unless a and b have the same size, alignment and
// pointer words.
func sameMemory(t *testing.T, a, b reflect.Type) {
	t.Helper()
	if a.Size() != b.Size() || a.Align() != b.Align() {
		t.Fatalf("%v: size %d, align %d; %v: size %d, align %d", a, a.Size(), a.Align(), b, b.Size(), b.Align())
	}
	pa, pb := map[uintptr]bool{}, map[uintptr]bool{}
	pointerWords(a, 0, pa)
	pointerWords(b, 0, pb)
	if !reflect.DeepEqual(pa, pb) {
		t.Fatalf("%v has pointers at %v, %v at %v", a, pa, b, pb)
	}
}

// pointerWords records the offsets, from off, of the words of a value of
// type t that hold pointers.
func pointerWords(t reflect.Type, off uintptr, words map[uintptr]bool) {
	switch t.Kind() {
	case reflect.String, reflect.Slice, reflect.Pointer, reflect.UnsafePointer, reflect.Map, reflect.Chan, reflect.Func:
		words[off] = true
	case reflect.Interface:
		words[off] = true
		words[off+unsafe.Sizeof(uintptr(0))] = true
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			pointerWords(t.Field(i).Type, off+t.Field(i).Offset, words)
		}
	case reflect.Array:
		for i := 0; i < t.Len(); i++ {
			pointerWords(t.Elem(), off+uintptr(i)*t.Elem().Size(), words)
		}
	}
}
`
