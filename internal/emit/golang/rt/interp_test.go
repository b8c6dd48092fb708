package rt

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// The types and tables below are written the way the Go emitter writes
// them, for a type of every kind of member the decoders read through
// layouts: decodeValue must read back what appendObject writes, and report
// errors at the right paths at any depth.

type dItem struct {
	Name string
	N    *int64
}

type dEmpty struct{}

type dVarA struct {
	Kind string
	A    string
}

type dVarB struct {
	Kind string
	B    []float64
}

type dUnion struct {
	A *dVarA
	B *dVarB
}

type dAll struct {
	S      string
	I      int64
	F      float64
	B      bool
	R      json.RawMessage
	O      dItem
	P      *dItem
	PS     *string
	L      []dItem
	M      Map[[]string]
	MO     Map[dItem]
	LL     [][]int64
	E      []dEmpty
	U      dUnion
	Tree   []dAll
	Def    string
	DefL   []string
	DefI   int64
	Filled []int64
}

var (
	membersDItem   = memberTable{names: []string{"name", "n"}, required: []requiredField{{0, ""}}}
	layoutObjDItem = layout{kind: kindObject, members: &membersDItem, fields: []fieldLayout{
		{`"name":`, unsafe.Offsetof(dItem{}.Name), &layoutString, 0},
		{`"n":`, unsafe.Offsetof(dItem{}.N), &layoutPtrInt, fieldOptional},
	}}
	membersDEmpty  = memberTable{}
	layoutObjEmpty = layout{kind: kindObject, members: &membersDEmpty}
	membersDVarA   = memberTable{names: []string{"kind", "a"}}
	layoutObjDVarA = layout{kind: kindObject, members: &membersDVarA, fields: []fieldLayout{
		{`"kind":`, unsafe.Offsetof(dVarA{}.Kind), &layoutString, 0},
		{`"a":`, unsafe.Offsetof(dVarA{}.A), &layoutString, 0},
	}}
	membersDVarB   = memberTable{names: []string{"kind", "b"}}
	layoutObjDVarB = layout{kind: kindObject, members: &membersDVarB, fields: []fieldLayout{
		{`"kind":`, unsafe.Offsetof(dVarB{}.Kind), &layoutString, 0},
		{`"b":`, unsafe.Offsetof(dVarB{}.B), &layoutDListFloat, 0},
	}}
	layoutDListFloat  = layout{kind: kindList, size: unsafe.Sizeof(0.0), elem: &layoutFloat, items: items[float64]}
	layoutDListInt    = layout{kind: kindList, size: unsafe.Sizeof(int64(0)), elem: &layoutInt, items: items[int64]}
	layoutDListString = layout{kind: kindList, size: unsafe.Sizeof(""), elem: &layoutString}
	layoutDPtrObjItem = layout{kind: kindPtr, elem: &layoutObjDItem, items: items[dItem]}
	layoutDListItem   = layout{kind: kindList, size: unsafe.Sizeof(dItem{}), elem: &layoutObjDItem, items: items[dItem]}
	layoutDMapList    = layout{kind: kindMap, size: unsafe.Sizeof(Entry[[]string]{}), elem: &layoutDListString, items: items[Entry[[]string]]}
	layoutDMapItem    = layout{kind: kindMap, size: unsafe.Sizeof(Entry[dItem]{}), elem: &layoutObjDItem, items: items[Entry[dItem]]}
	layoutDListList   = layout{kind: kindList, size: unsafe.Sizeof([]int64(nil)), elem: &layoutDListInt, items: items[[]int64]}
	layoutDListEmpty  = layout{kind: kindList, size: unsafe.Sizeof(dEmpty{}), elem: &layoutObjEmpty, items: items[dEmpty]}
	layoutDUnion      = layout{kind: kindUnion, disc: "kind", discMsg: "kind must be one of: a, b", fields: []fieldLayout{
		{"a", unsafe.Offsetof(dUnion{}.A), &layout{kind: kindPtr, elem: &layoutObjDVarA, items: items[dVarA]}, 0},
		{"b", unsafe.Offsetof(dUnion{}.B), &layout{kind: kindPtr, elem: &layoutObjDVarB, items: items[dVarB]}, 0},
	}}
	membersDAll = memberTable{
		names:    []string{"s", "i", "f", "b", "r", "o", "p", "ps", "l", "m", "mo", "ll", "e", "u", "tree", "def", "defl", "defi", "filled"},
		nullable: []bool{4: true, 6: true, 7: true},
		defaults: []memberDefault{{index: 15, s: "dflt"}, {index: 16}, {index: 17, n: -3}},
	}
	layoutObjDAll = layout{kind: kindObject, members: &membersDAll, fill: fillDAll, fields: []fieldLayout{
		{`"s":`, unsafe.Offsetof(dAll{}.S), &layoutString, 0},
		{`"i":`, unsafe.Offsetof(dAll{}.I), &layoutInt, 0},
		{`"f":`, unsafe.Offsetof(dAll{}.F), &layoutFloat, 0},
		{`"b":`, unsafe.Offsetof(dAll{}.B), &layoutBool, 0},
		{`"r":`, unsafe.Offsetof(dAll{}.R), &layoutRaw, fieldNullable},
		{`"o":`, unsafe.Offsetof(dAll{}.O), &layoutObjDItem, 0},
		{`"p":`, unsafe.Offsetof(dAll{}.P), &layoutDPtrObjItem, fieldNullable},
		{`"ps":`, unsafe.Offsetof(dAll{}.PS), &layoutPtrString, fieldOptional | fieldNullable},
		{`"l":`, unsafe.Offsetof(dAll{}.L), &layoutDListItem, 0},
		{`"m":`, unsafe.Offsetof(dAll{}.M), &layoutDMapList, 0},
		{`"mo":`, unsafe.Offsetof(dAll{}.MO), &layoutDMapItem, 0},
		{`"ll":`, unsafe.Offsetof(dAll{}.LL), &layoutDListList, 0},
		{`"e":`, unsafe.Offsetof(dAll{}.E), &layoutDListEmpty, 0},
		{`"u":`, unsafe.Offsetof(dAll{}.U), &layoutDUnion, 0},
		{`"tree":`, unsafe.Offsetof(dAll{}.Tree), nil, 0}, // set by init: the type holds itself
		{`"def":`, unsafe.Offsetof(dAll{}.Def), &layoutString, 0},
		{`"defl":`, unsafe.Offsetof(dAll{}.DefL), &layoutDListString, 0},
		{`"defi":`, unsafe.Offsetof(dAll{}.DefI), &layoutInt, 0},
		{`"filled":`, unsafe.Offsetof(dAll{}.Filled), &layoutDListInt, 0},
	}}
	layoutDListAll = layout{kind: kindList, size: unsafe.Sizeof(dAll{}), elem: &layoutObjDAll, items: items[dAll]}
)

func init() {
	layoutObjDAll.fields[14].l = &layoutDListAll
}

// fillDAll is a fill function as the emitter writes one: a default list
// with items.
func fillDAll(v unsafe.Pointer, seen []bool) {
	m := (*dAll)(v)
	if !seen[18] {
		m.Filled = []int64{7, 8}
	}
}

// decodeDAll decodes doc as a dAll and checks that the decoder's path
// levels are balanced after it.
func decodeDAll(t *testing.T, doc string) (dAll, error) {
	t.Helper()
	var v dAll
	d := newDecoder([]byte(doc), nil)
	err := d.end(decodeValue(d, nil, unsafe.Pointer(&v), &layoutObjDAll))
	if err == nil && d.level != 0 {
		t.Errorf("path level %d after decoding %s, want 0", d.level, doc)
	}
	return v, err
}

func TestDecodeValueReadsWhatAppendObjectWrites(t *testing.T) {
	n, s := int64(-7), "q\"<"
	leaf := dAll{S: "leaf", Def: "x", DefL: []string{"y"}, DefI: 1, Filled: []int64{},
		L: []dItem{}, M: Map[[]string]{}, MO: Map[dItem]{}, LL: [][]int64{}, E: []dEmpty{}, Tree: []dAll{},
		U: dUnion{A: &dVarA{Kind: "a", A: "v"}}}
	full := dAll{
		S: "x\n", I: 42, F: 0.5, B: true, R: json.RawMessage(`{"k":[1,null]}`),
		O:  dItem{Name: "o", N: &n},
		P:  &dItem{Name: "p"},
		PS: &s,
		L:  []dItem{{Name: "a"}, {Name: "b", N: &n}, {Name: "c"}, {Name: "d"}, {Name: "e"}},
		M:  Map[[]string]{{"z", []string{"1", "2"}}, {"a", []string{}}},
		MO: Map[dItem]{{"k", dItem{Name: "v"}}, {"j", dItem{Name: "w", N: &n}}},
		LL: [][]int64{{1, 2}, {}, {3}},
		E:  []dEmpty{{}, {}, {}},
		U:  dUnion{B: &dVarB{Kind: "b", B: []float64{1e21, 2}}},
		// Set members with defaults keep the values read.
		Def: "d", DefL: []string{}, DefI: 0, Filled: []int64{1},
		Tree: []dAll{leaf},
	}
	doc := string(appendObject(nil, unsafe.Pointer(&full), &layoutObjDAll, false))
	got, err := decodeDAll(t, doc)
	if err != nil {
		t.Fatalf("decoding %s: %v", doc, err)
	}
	if !reflect.DeepEqual(got, full) {
		t.Errorf("decoded %s as\n%#v\nwant\n%#v", doc, got, full)
	}
	if again := string(appendObject(nil, unsafe.Pointer(&got), &layoutObjDAll, false)); again != doc {
		t.Errorf("re-encoded as %s, want %s", again, doc)
	}
}

func TestDecodeValueDefaults(t *testing.T) {
	got, err := decodeDAll(t, `{"u":{"kind":"a"}}`)
	if err != nil {
		t.Fatal(err)
	}
	if got.Def != "dflt" || got.DefI != -3 || got.DefL == nil || len(got.DefL) != 0 {
		t.Errorf("table defaults: got Def %q, DefI %d, DefL %#v; want dflt, -3, an empty non-nil list", got.Def, got.DefI, got.DefL)
	}
	if !reflect.DeepEqual(got.Filled, []int64{7, 8}) {
		t.Errorf("fill default: got %v, want [7 8]", got.Filled)
	}
	// A list without a default stays nil when absent; an explicit null
	// leaves a nullable member unset.
	if got.L != nil || got.R != nil || got.P != nil {
		t.Errorf("absent members without defaults: got L %#v, R %#v, P %#v", got.L, got.R, got.P)
	}
}

// nested is a document with the tree member nested depth levels deep and
// tail in the innermost object.
func nested(depth int, tail string) (doc, path string) {
	var b strings.Builder
	for range depth {
		b.WriteString(`{"tree":[`)
		path += "tree[0]."
	}
	b.WriteString(tail)
	for range depth {
		b.WriteString(`]}`)
	}
	return b.String(), path
}

func TestDecodeValueErrorPaths(t *testing.T) {
	deep, deepPath := nested(3*inlineNodes, `{"s":1}`)
	for _, c := range []struct{ doc, want string }{
		{`{"o":{"name":"a","n":"x"}}`, "o.n: must be an integer"},
		{`{"p":{"n":1}}`, "p.name: name is required"},
		{`{"l":[{"name":"a"},{"name":2}]}`, "l[1].name: must be a string, got a number"},
		{`{"m":{"a":["x"],"b":[1]}}`, "m.b[0]: must be a string, got a number"},
		{`{"m":{"a":[],"a":[]}}`, `m.a: duplicate key "a"`},
		{`{"mo":{"k":{"name":"v"},"k":{"name":"w"}}}`, `mo.k: duplicate key "k"`},
		{`{"mo":{"k":{"name":"v","zz":1}}}`, `mo.k.zz: unknown field "zz"`},
		{`{"ll":[[1],[2,"3"]]}`, "ll[1][1]: must be an integer"},
		{`{"e":[{},{"x":1}]}`, `e[1].x: unknown field "x"`},
		{`{"u":{"a":"v"}}`, "u.kind: kind is required"},
		{`{"u":{"kind":"c"}}`, "u.kind: kind must be one of: a, b"},
		{`{"u":{"kind":"b","b":[true]}}`, "u.b[0]: must be a number"},
		{`{"tree":[{"tree":[{},{"l":[{"name":"a"},{}]}]}]}`, "tree[0].tree[1].l[1].name: name is required"},
		{deep, deepPath + "s: must be a string, got a number"},
	} {
		_, err := decodeDAll(t, c.doc)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%.60s: got error %v, want one starting %q", c.doc, err, c.want)
		}
	}
}

// TestDecodeValueDeepPathsAreTheDecoders checks that paths below the levels
// the decoder holds in itself are kept apart: a deep error names every
// level, and a second decode at that depth reuses the nodes.
func TestDecodeValueDeepPathsAreTheDecoders(t *testing.T) {
	doc, _ := nested(2*inlineNodes, `{"s":"x"}`)
	d := newDecoder([]byte(doc), nil)
	var v dAll
	if err := d.end(decodeValue(d, nil, unsafe.Pointer(&v), &layoutObjDAll)); err != nil {
		t.Fatal(err)
	}
	held := len(d.deeper)
	if held == 0 || d.level != 0 {
		t.Fatalf("after %d levels: %d deeper nodes, level %d; want some, and level 0", 2*inlineNodes, held, d.level)
	}
	d.data, d.pos = []byte(doc), 0
	if err := d.end(decodeValue(d, nil, unsafe.Pointer(&v), &layoutObjDAll)); err != nil {
		t.Fatal(err)
	}
	if len(d.deeper) != held {
		t.Errorf("a second decode made %d deeper nodes, want the %d made before", len(d.deeper), held)
	}
}

// TestDecodeObjectWiderThanItsStackFlags decodes an object with more
// members than decodeObject keeps flags for on its stack: the flags, the
// required check and the defaults must hold for every member.
func TestDecodeObjectWiderThanItsStackFlags(t *testing.T) {
	const n = maxSeen + 6
	var wide [n]string // stands in for a struct of n string fields
	names := make([]string, n)
	fields := make([]fieldLayout, n)
	var doc strings.Builder
	doc.WriteString("{")
	for i := range n {
		names[i] = fmt.Sprintf("f%d", i)
		fields[i] = fieldLayout{`"` + names[i] + `":`, uintptr(i) * unsafe.Sizeof(""), &layoutString, 0}
		if i < n-1 { // the last member is left out, for its default
			if i > 0 {
				doc.WriteString(",")
			}
			fmt.Fprintf(&doc, "%q:%q", names[i], "v"+names[i])
		}
	}
	doc.WriteString("}")
	table := indexed(memberTable{names: names, required: []requiredField{{n - 2, ""}}, defaults: []memberDefault{{index: n - 1, s: "last"}}})
	l := layout{kind: kindObject, members: &table, fields: fields}
	d := newDecoder([]byte(doc.String()), nil)
	if err := d.end(decodeValue(d, nil, unsafe.Pointer(&wide), &l)); err != nil {
		t.Fatal(err)
	}
	if wide[0] != "vf0" || wide[n-2] != "vf"+strconv.Itoa(n-2) || wide[n-1] != "last" {
		t.Errorf("got first %q, next to last %q, last %q", wide[0], wide[n-2], wide[n-1])
	}
	dup := strings.TrimSuffix(doc.String(), "}") + fmt.Sprintf(",%q:\"x\"}", names[n-3])
	d = newDecoder([]byte(dup), nil)
	err := d.end(decodeValue(d, nil, unsafe.Pointer(&[n]string{}), &l))
	if want := names[n-3] + `: duplicate key "` + names[n-3] + `"`; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("a repeated member past the stack flags: got %v, want %s", err, want)
	}
	d = newDecoder([]byte(`{"f0":"a"}`), nil)
	err = d.end(decodeValue(d, nil, unsafe.Pointer(&[n]string{}), &l))
	if want := names[n-2] + " is required"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a required member past the stack flags: got %v, want %s", err, want)
	}
}

// TestDecodeValueLongPathsAreShortened checks that an error deep in a
// document names its path by the first and last members around "…", not
// by every level.
func TestDecodeValueLongPathsAreShortened(t *testing.T) {
	doc, full := nested(100, `{"s":1}`)
	head := strings.TrimSuffix(strings.Repeat("tree[0].", 12), ".")
	want := head + "…" + "[0].tree[0].tree[0].tree[0].s: must be a string, got a number"
	_, err := decodeDAll(t, doc)
	if err == nil || err.Error() != want {
		t.Errorf("got error %v, want %q (the whole path is %d bytes)", err, want, len(full))
	}
	// A path as long as the limit is written out in full.
	doc, full = nested(15, `{"s":1}`) // 31 members
	_, err = decodeDAll(t, doc)
	if err == nil || err.Error() != full+"s: must be a string, got a number" {
		t.Errorf("got error %v, want the whole path %q", err, full+"s")
	}
}

// TestDecodeMapsFindRepeatsAtAnySize decodes maps of strings and maps of
// lists with up to three times smallMap keys, where keys are compared in
// place and where a set holds them, each with one key repeated at the end
// (the first, a middle and the last key before it) and with none: every
// repeat is found at its path, every map without one keeps all its keys in
// order. Lists of strings of those lengths keep their items.
func TestDecodeMapsFindRepeatsAtAnySize(t *testing.T) {
	listString := &layout{kind: kindList, elem: &layoutString, size: unsafe.Sizeof("")}
	strs, lists := &layout{kind: kindMap, elem: &layoutString, size: unsafe.Sizeof(Entry[string]{})},
		&layout{kind: kindMap, elem: listString, size: unsafe.Sizeof(Entry[[]string]{}), items: items[Entry[[]string]]}
	for n := 1; n <= 3*smallMap; n++ {
		keys := make([]string, n)
		var doc, ldoc, list strings.Builder
		for i := range n {
			keys[i] = fmt.Sprintf("k%d", i)
			sep := map[bool]string{true: "", false: ","}[i == 0]
			fmt.Fprintf(&doc, "%s%q:%q", sep, keys[i], "v"+keys[i])
			fmt.Fprintf(&ldoc, "%s%q:[%q]", sep, keys[i], keys[i])
			fmt.Fprintf(&list, "%s%q", sep, keys[i])
		}
		var m Map[string]
		d := newDecoder([]byte("{"+doc.String()+"}"), nil)
		if err := d.end(decodeValue(d, nil, unsafe.Pointer(&m), strs)); err != nil || len(m) != n || m[n-1].Key != keys[n-1] || m[n-1].Value != "v"+keys[n-1] {
			t.Fatalf("%d keys: got %d entries, last %v, error %v", n, len(m), m[len(m)-1:], err)
		}
		var ml Map[[]string]
		d = newDecoder([]byte("{"+ldoc.String()+"}"), nil)
		if err := d.end(decodeValue(d, nil, unsafe.Pointer(&ml), lists)); err != nil || len(ml) != n || ml[n-1].Value[0] != keys[n-1] {
			t.Fatalf("%d keys of lists: got %d entries, error %v", n, len(ml), err)
		}
		var l []string
		d = newDecoder([]byte("["+list.String()+"]"), nil)
		if err := d.end(decodeValue(d, nil, unsafe.Pointer(&l), listString)); err != nil || !slices.Equal(l, keys) || cap(l) != n {
			t.Fatalf("list of %d: got %v (cap %d), error %v", n, l, cap(l), err)
		}
		for _, j := range []int{0, n / 2, n - 1} {
			want := keys[j] + `: duplicate key "` + keys[j] + `"`
			d = newDecoder([]byte(fmt.Sprintf("{%s,%q:\"x\"}", doc.String(), keys[j])), nil)
			if err := d.end(decodeValue(d, nil, unsafe.Pointer(&Map[string]{}), strs)); err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%d keys, then %s again: got %v, want %s", n, keys[j], err, want)
			}
			d = newDecoder([]byte(fmt.Sprintf("{%s,%q:[]}", ldoc.String(), keys[j])), nil)
			if err := d.end(decodeValue(d, nil, unsafe.Pointer(&Map[[]string]{}), lists)); err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%d keys of lists, then %s again: got %v, want %s", n, keys[j], err, want)
			}
		}
	}
}

// BenchmarkDecodeMapOfManyKeys decodes a map of 100,000 strings (1.3 MB),
// which takes time linear in its keys only while repeats are found
// through a set (compared in place, it took 17 s).
func BenchmarkDecodeMapOfManyKeys(b *testing.B) {
	var doc strings.Builder
	doc.WriteString("{")
	for i := range 100000 {
		if i > 0 {
			doc.WriteString(",")
		}
		fmt.Fprintf(&doc, `"key%d":"value"`, i)
	}
	doc.WriteString("}")
	data := []byte(doc.String())
	l := &layout{kind: kindMap, elem: &layoutString, size: unsafe.Sizeof(Entry[string]{})}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var m Map[string]
		d := newDecoder(data, nil)
		if err := d.end(decodeValue(d, nil, unsafe.Pointer(&m), l)); err != nil || len(m) != 100000 {
			b.Fatalf("%d entries, error %v", len(m), err)
		}
	}
}
