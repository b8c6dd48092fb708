package conformance

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/contractgen/contractgen/internal/value"
)

// This file holds the small toolkit the corpus generator builds documents
// with: constructors, deep copies, edits at a path, and a JSON writer that
// keeps member order and spells every non-ASCII character as an escape, so
// that invisible characters stay visible in the committed files.

func vStr(s string) *value.Value { return &value.Value{Kind: value.String, Str: s} }
func vNum(n string) *value.Value { return &value.Value{Kind: value.Number, Num: n} }
func vInt(n int64) *value.Value  { return &value.Value{Kind: value.Int, Num: strconv.FormatInt(n, 10)} }
func vBool(b bool) *value.Value  { return &value.Value{Kind: value.Bool, Bool: b} }
func vNull() *value.Value        { return &value.Value{Kind: value.Null} }
func vList(items ...*value.Value) *value.Value {
	if items == nil {
		items = []*value.Value{}
	}
	return &value.Value{Kind: value.List, Items: items}
}

// vObj builds an object from alternating keys and values.
func vObj(kv ...any) *value.Value {
	o := &value.Value{Kind: value.Object, Members: []value.Member{}}
	for i := 0; i < len(kv); i += 2 {
		o.Members = append(o.Members, value.Member{Key: kv[i].(string), Value: toValue(kv[i+1])})
	}
	return o
}

// toValue turns a Go literal into a value: strings, ints, bools, nil, and
// values themselves.
func toValue(x any) *value.Value {
	switch x := x.(type) {
	case *value.Value:
		return x
	case string:
		return vStr(x)
	case int:
		return vInt(int64(x))
	case bool:
		return vBool(x)
	case nil:
		return vNull()
	case []any:
		l := vList()
		for _, it := range x {
			l.Items = append(l.Items, toValue(it))
		}
		return l
	}
	panic(fmt.Sprintf("toValue: unsupported %T", x))
}

func strs(ss ...string) *value.Value {
	l := vList()
	for _, s := range ss {
		l.Items = append(l.Items, vStr(s))
	}
	return l
}

// clone copies a value deeply.
func clone(v *value.Value) *value.Value {
	if v == nil {
		return nil
	}
	out := &value.Value{Kind: v.Kind, Bool: v.Bool, Num: v.Num, Str: v.Str}
	if v.Kind == value.List {
		out.Items = make([]*value.Value, len(v.Items))
		for i, it := range v.Items {
			out.Items[i] = clone(it)
		}
	}
	if v.Kind == value.Object {
		out.Members = make([]value.Member, len(v.Members))
		for i, m := range v.Members {
			out.Members[i] = value.Member{Key: m.Key, Value: clone(m.Value)}
		}
	}
	return out
}

// path addresses a value: string elements are object keys, ints list indexes.
type path []any

func (p path) with(el ...any) path {
	out := make(path, 0, len(p)+len(el))
	return append(append(out, p...), el...)
}

// String renders the path as the generated Go code names JSON paths.
func (p path) String() string {
	var b strings.Builder
	for _, el := range p {
		switch el := el.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(el)
		case int:
			fmt.Fprintf(&b, "[%d]", el)
		}
	}
	if b.Len() == 0 {
		return "(root)"
	}
	return b.String()
}

// at returns the value at p, or nil when absent.
func at(v *value.Value, p path) *value.Value {
	for _, el := range p {
		if v == nil {
			return nil
		}
		switch el := el.(type) {
		case string:
			if v.Kind != value.Object {
				return nil
			}
			v = v.Get(el)
		case int:
			if v.Kind != value.List || el >= len(v.Items) {
				return nil
			}
			v = v.Items[el]
		}
	}
	return v
}

// edit returns a copy of doc with fn applied to the parent of p's last
// element; it panics when the parent is missing, a generator bug.
func edit(doc *value.Value, p path, fn func(parent *value.Value, last any)) *value.Value {
	out := clone(doc)
	parent := at(out, p[:len(p)-1])
	if parent == nil {
		panic("edit: no parent at " + p.String())
	}
	fn(parent, p[len(p)-1])
	return out
}

// set returns doc with the value at p replaced, or added at the end of its
// object when absent.
func set(doc *value.Value, p path, nv *value.Value) *value.Value {
	return edit(doc, p, func(parent *value.Value, last any) {
		switch last := last.(type) {
		case string:
			for i := range parent.Members {
				if parent.Members[i].Key == last {
					parent.Members[i].Value = clone(nv)
					return
				}
			}
			parent.Members = append(parent.Members, value.Member{Key: last, Value: clone(nv)})
		case int:
			parent.Items[last] = clone(nv)
		}
	})
}

// del returns doc without the member or item at p.
func del(doc *value.Value, p path) *value.Value {
	return edit(doc, p, func(parent *value.Value, last any) {
		switch last := last.(type) {
		case string:
			for i := range parent.Members {
				if parent.Members[i].Key == last {
					parent.Members = append(parent.Members[:i], parent.Members[i+1:]...)
					return
				}
			}
			panic("del: no member " + last)
		case int:
			parent.Items = append(parent.Items[:last], parent.Items[last+1:]...)
		}
	})
}

// rename returns doc with the member at p renamed, in place.
func rename(doc *value.Value, p path, to string) *value.Value {
	return edit(doc, p, func(parent *value.Value, last any) {
		for i := range parent.Members {
			if parent.Members[i].Key == last.(string) {
				parent.Members[i].Key = to
				return
			}
		}
		panic("rename: no member " + p.String())
	})
}

// insertAt returns doc with a member added to the object at p, at position
// pos (0 first, -1 last).
func insertAt(doc *value.Value, p path, pos int, key string, nv *value.Value) *value.Value {
	out := clone(doc)
	o := at(out, p)
	if o == nil || o.Kind != value.Object {
		panic("insertAt: no object at " + p.String())
	}
	if o.Get(key) != nil {
		panic("insertAt: " + p.String() + " already has " + key + "; duplicate keys are outside the corpus")
	}
	m := value.Member{Key: key, Value: clone(nv)}
	if pos < 0 || pos >= len(o.Members) {
		o.Members = append(o.Members, m)
	} else {
		o.Members = append(o.Members[:pos], append([]value.Member{m}, o.Members[pos:]...)...)
	}
	return out
}

// writeJSON renders v with two-space indentation and a final newline.
func writeJSON(v *value.Value) []byte {
	var b bytes.Buffer
	writeValue(&b, v, "\n")
	b.WriteByte('\n')
	return b.Bytes()
}

func writeValue(b *bytes.Buffer, v *value.Value, nl string) {
	in := nl + "  "
	switch v.Kind {
	case value.Null:
		b.WriteString("null")
	case value.Bool:
		b.WriteString(strconv.FormatBool(v.Bool))
	case value.Int, value.Number:
		b.WriteString(v.Num)
	case value.String:
		writeString(b, v.Str)
	case value.List:
		if len(v.Items) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, it := range v.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(in)
			writeValue(b, it, in)
		}
		b.WriteString(nl)
		b.WriteByte(']')
	case value.Object:
		if len(v.Members) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteByte('{')
		for i, m := range v.Members {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(in)
			writeString(b, m.Key)
			b.WriteString(": ")
			writeValue(b, m.Value, in)
		}
		b.WriteString(nl)
		b.WriteByte('}')
	}
}

// writeString writes a JSON string: printable ASCII as is, everything else
// as \uXXXX escapes (surrogate pairs above U+FFFF).
func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(b, `\u%04x`, r)
		}
	}
	b.WriteByte('"')
}
