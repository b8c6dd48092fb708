package rt

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// The structs and layouts below are written the way the Go emitter writes
// them, for a type of every kind of member.

type layoutItem struct {
	Name string
	N    *int64
}

type layoutVariantA struct{ A string }

type layoutVariantB struct{ B []float64 }

type layoutUnion struct {
	A *layoutVariantA
	B *layoutVariantB
}

type layoutAll struct {
	S      string
	I      int64
	F      float64
	B      bool
	R      json.RawMessage
	O      layoutItem
	P      *layoutItem
	PS     *string
	L      []layoutItem
	M      Map[[]string]
	Opt    []string
	Null   []string
	Secret string
	U      layoutUnion
	Tree   []layoutAll
}

var (
	layoutObjItem = layout{kind: kindObject, fields: []fieldLayout{
		{`"name":`, unsafe.Offsetof(layoutItem{}.Name), &layoutString, fieldSensitive},
		{`"n":`, unsafe.Offsetof(layoutItem{}.N), &layoutPtrInt, fieldOptional},
	}}
	layoutPtrObjItem  = layout{kind: kindPtr, elem: &layoutObjItem}
	layoutListObjItem = layout{kind: kindList, size: unsafe.Sizeof(layoutItem{}), elem: &layoutObjItem}
	layoutListString  = layout{kind: kindList, size: unsafe.Sizeof(""), elem: &layoutString}
	layoutListFloat   = layout{kind: kindList, size: unsafe.Sizeof(0.0), elem: &layoutFloat}
	layoutMapList     = layout{kind: kindMap, size: unsafe.Sizeof(Entry[[]string]{}), elem: &layoutListString}
	layoutObjA        = layout{kind: kindObject, fields: []fieldLayout{{`"a":`, 0, &layoutString, 0}}}
	layoutObjB        = layout{kind: kindObject, fields: []fieldLayout{{`"b":`, 0, &layoutListFloat, 0}}}
	layoutPtrObjA     = layout{kind: kindPtr, elem: &layoutObjA}
	layoutPtrObjB     = layout{kind: kindPtr, elem: &layoutObjB}
	layoutUnionAB     = layout{kind: kindUnion, fields: []fieldLayout{
		{"", unsafe.Offsetof(layoutUnion{}.A), &layoutPtrObjA, 0},
		{"", unsafe.Offsetof(layoutUnion{}.B), &layoutPtrObjB, 0},
	}}
	layoutObjAll = layout{kind: kindObject, fields: []fieldLayout{
		{`"s":`, unsafe.Offsetof(layoutAll{}.S), &layoutString, 0},
		{`"i":`, unsafe.Offsetof(layoutAll{}.I), &layoutInt, 0},
		{`"f":`, unsafe.Offsetof(layoutAll{}.F), &layoutFloat, 0},
		{`"b":`, unsafe.Offsetof(layoutAll{}.B), &layoutBool, 0},
		{`"r":`, unsafe.Offsetof(layoutAll{}.R), &layoutRaw, fieldNullable},
		{`"o":`, unsafe.Offsetof(layoutAll{}.O), &layoutObjItem, 0},
		{`"p":`, unsafe.Offsetof(layoutAll{}.P), &layoutPtrObjItem, fieldNullable},
		{`"ps":`, unsafe.Offsetof(layoutAll{}.PS), &layoutPtrString, fieldOptional | fieldNullable},
		{`"l":`, unsafe.Offsetof(layoutAll{}.L), &layoutListObjItem, 0},
		{`"m":`, unsafe.Offsetof(layoutAll{}.M), &layoutMapList, 0},
		{`"opt":`, unsafe.Offsetof(layoutAll{}.Opt), &layoutListString, fieldOptional},
		{`"null":`, unsafe.Offsetof(layoutAll{}.Null), &layoutListString, fieldNullable},
		{`"secret":`, unsafe.Offsetof(layoutAll{}.Secret), &layoutString, fieldSensitive},
		{`"u":`, unsafe.Offsetof(layoutAll{}.U), &layoutUnionAB, 0},
		{`"tree":`, unsafe.Offsetof(layoutAll{}.Tree), nil, 0}, // set by init: the type holds itself
	}}
	layoutListObjAll = layout{kind: kindList, size: unsafe.Sizeof(layoutAll{}), elem: &layoutObjAll}
)

func init() {
	layoutObjAll.fields[14].l = &layoutListObjAll
}

func TestAppendObjectWritesEveryKind(t *testing.T) {
	n, s := int64(-7), "q\"<"
	full := layoutAll{
		S: "x\n", I: 42, F: 0.5, B: true, R: json.RawMessage(`{"k":[1,null]}`),
		O:   layoutItem{Name: "o", N: &n},
		P:   &layoutItem{Name: "p"},
		PS:  &s,
		L:   []layoutItem{{Name: "a"}, {Name: "b", N: &n}},
		M:   Map[[]string]{{"z", []string{"1", "2"}}, {"a", nil}},
		Opt: []string{}, Null: []string{"n"}, Secret: "hunter2",
		U:    layoutUnion{B: &layoutVariantB{B: []float64{1e21, 2}}},
		Tree: []layoutAll{{S: "leaf", U: layoutUnion{A: &layoutVariantA{A: "v"}}}},
	}
	leaf := `{"s":"leaf","i":0,"f":0,"b":false,"r":null,"o":{"name":""},"p":null,"l":[],"m":{},"null":null,"secret":"","u":{"a":"v"},"tree":[]}`
	for _, c := range []struct {
		name   string
		v      layoutAll
		redact bool
		want   string
	}{{
		name: "every member set",
		v:    full,
		want: `{"s":"x\n","i":42,"f":0.5,"b":true,"r":{"k":[1,null]},"o":{"name":"o","n":-7},"p":{"name":"p"},"ps":"q\"<",` +
			`"l":[{"name":"a"},{"name":"b","n":-7}],"m":{"z":["1","2"],"a":[]},"opt":[],"null":["n"],"secret":"hunter2",` +
			`"u":{"b":[1e+21,2]},"tree":[` + leaf + `]}`,
	}, {
		name:   "redacted at every depth",
		v:      full,
		redact: true,
		want: `{"s":"x\n","i":42,"f":0.5,"b":true,"r":{"k":[1,null]},"o":{"name":"[REDACTED]","n":-7},"p":{"name":"[REDACTED]"},"ps":"q\"<",` +
			`"l":[{"name":"[REDACTED]"},{"name":"[REDACTED]","n":-7}],"m":{"z":["1","2"],"a":[]},"opt":[],"null":["n"],"secret":"[REDACTED]",` +
			`"u":{"b":[1e+21,2]},"tree":[{"s":"leaf","i":0,"f":0,"b":false,"r":null,"o":{"name":"[REDACTED]"},"p":null,"l":[],"m":{},"null":null,"secret":"[REDACTED]","u":{"a":"v"},"tree":[]}]}`,
	}, {
		name: "zero value: optional members left out, nullable ones null, no variant set",
		want: `{"s":"","i":0,"f":0,"b":false,"r":null,"o":{"name":""},"p":null,"l":[],"m":{},"null":null,"secret":"","u":null,"tree":[]}`,
	}} {
		got := string(appendObject([]byte("prefix "), unsafe.Pointer(&c.v), &layoutObjAll, c.redact))
		if got != "prefix "+c.want {
			t.Errorf("%s:\n got %s\nwant prefix %s", c.name, got, c.want)
		}
		if !c.redact && !json.Valid([]byte(c.want)) {
			t.Errorf("%s: the expected text is not JSON", c.name)
		}
	}
}

// TestEntryValueOffset checks the offset appendEntries reads a Map's values
// at, for values of every size and alignment.
func TestEntryValueOffset(t *testing.T) {
	for name, off := range map[string]uintptr{
		"bool":    unsafe.Offsetof(Entry[bool]{}.Value),
		"int64":   unsafe.Offsetof(Entry[int64]{}.Value),
		"float64": unsafe.Offsetof(Entry[float64]{}.Value),
		"string":  unsafe.Offsetof(Entry[string]{}.Value),
		"slice":   unsafe.Offsetof(Entry[[]string]{}.Value),
		"struct":  unsafe.Offsetof(Entry[layoutItem]{}.Value),
		"pointer": unsafe.Offsetof(Entry[*string]{}.Value),
	} {
		if off != entryValue {
			t.Errorf("Entry[%s].Value is at %d, not %d", name, off, entryValue)
		}
	}
}

// escapeFree is the byte-wise rule plain8 checks eight bytes at a time.
func escapeFree(c byte) bool {
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'
}

// TestPlain8AgreesWithTheByteRule puts every byte value at every position
// of words of plain bytes, and of words holding other bytes below and
// above it (where borrows run), and checks plain8 against the byte rule.
func TestPlain8AgreesWithTheByteRule(t *testing.T) {
	fills := []byte{'a', ' ', '!', '#', '[', ']', '~', 0x7f}
	for _, fill := range fills {
		for pos := 0; pos < 8; pos++ {
			for c := 0; c < 256; c++ {
				for _, other := range []byte{fill, 0, 0x1f, '"', '\\', 0x80, 0xff} {
					w := []byte{fill, fill, fill, fill, fill, fill, fill, fill}
					w[pos] = byte(c)
					w[(pos+3)%8] = other
					want := true
					for _, b := range w {
						want = want && escapeFree(b)
					}
					if got := plain8(string(w), 0); got && !want {
						t.Fatalf("plain8(%q) lets through a byte that needs escaping", w)
					} else if !got && want && other == fill {
						// A word of plain bytes with no borrow in it must pass,
						// or the fast path would never run.
						t.Fatalf("plain8(%q) = false for plain bytes", w)
					}
				}
			}
		}
	}
}

// TestAppendStringMatchesEncodingJSON compares appendString with
// encoding/json (HTML escaping off) on strings that mix plain runs of
// every length with every byte that needs escaping, and bytes that are not
// UTF-8, which both write as U+FFFD.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	specials := []string{"\"", "\\", "\n", "\x00", "\x1f", "\x7f", "é", "\u2028", "\u2029", "<&>", "\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xf0\x9f\x98", "é\x80é"}
	for n := 0; n < 20; n++ {
		plain := strings.Repeat("abcdefghij", 2)[:n]
		for _, sp := range specials {
			for _, s := range []string{plain + sp, sp + plain, plain + sp + plain, plain, plain + sp + "\xff" + plain} {
				var want bytes.Buffer
				enc := json.NewEncoder(&want)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(s); err != nil {
					t.Fatal(err)
				}
				got := appendString(nil, s)
				if string(got) != strings.TrimSuffix(want.String(), "\n") {
					t.Errorf("appendString(%q) = %s, encoding/json writes %s", s, got, want.String())
				}
				if !utf8.Valid(got) {
					t.Errorf("appendString(%q) = %q, not UTF-8", s, got)
				}
			}
		}
	}
}

// TestEncodingStopsAtMaxDepth: a value whose objects and lists nest
// maxDepth deep encodes; one level more (here a list of the type itself,
// which a pointer cycle would repeat forever) makes marshalObject return
// errEncodeTooDeep and appendObject panic with it.
func TestEncodingStopsAtMaxDepth(t *testing.T) {
	chain := func(levels int) *layoutAll {
		top := &layoutAll{}
		for v := top; levels > 1; levels-- {
			v.Tree = []layoutAll{{}}
			v = &v.Tree[0]
		}
		return top
	}
	// Each level is an object and the list holding the next: 5,000 levels
	// nest 9,999 objects and lists.
	if _, err := marshalObject(unsafe.Pointer(chain(maxDepth/2)), &layoutObjAll); err != nil {
		t.Fatalf("%d levels: %v", maxDepth/2, err)
	}
	deep := chain(maxDepth/2 + 1)
	if out, err := marshalObject(unsafe.Pointer(deep), &layoutObjAll); err != errEncodeTooDeep || out != nil {
		t.Fatalf("%d levels: %q, %v", maxDepth/2+1, out, err)
	}
	defer func() {
		if r := recover(); r != any(errEncodeTooDeep) {
			t.Fatalf("appendObject panicked with %v", r)
		}
	}()
	appendObject(nil, unsafe.Pointer(deep), &layoutObjAll, false)
	t.Fatal("appendObject returned")
}
