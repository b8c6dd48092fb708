package rt

import (
	"encoding/json"
	"sync"
	"unsafe"
)

// The encoder reads values through layouts: static tables, one per object
// type and one per list, map or pointer type, that say how a value is
// stored and, for an object, each member's key and offset in the struct.
// AppendJSON and the redacted printing of every type are one call into
// appendObject, so that a contract's encoders are data the compiler lays
// out rather than code it compiles. The offsets come from unsafe.Offsetof
// in the generated tables and are only read through, never written.

// kind is how a value is stored.
type kind uint8

const (
	kindString kind = iota + 1 // a string, or a state (a string type)
	kindInt                    // an int64
	kindFloat                  // a float64
	kindBool                   // a bool
	kindRaw                    // a free-form value: JSON text, empty for null
	kindObject                 // a struct whose members are fields
	kindUnion                  // a struct of variant pointers, at most one set
	kindList                   // a slice of elem, size bytes apart
	kindMap                    // a Map of elem: Entry values size bytes apart
	kindPtr                    // a pointer to elem; nil is null
)

// layout describes how one type's values are stored, and for the
// decoders how they are read (see decodeValue).
type layout struct {
	kind   kind
	size   uintptr       // list and map: bytes from one item to the next
	elem   *layout       // list, map and pointer: the item's layout
	fields []fieldLayout // object and union: the members in contract order
	// members is an object's member table.
	members *memberTable
	// rules are the rows that validate an object with no validate method
	// (nil: none, or it has one).
	rules *[]memberRule
	// fill sets an object's absent members whose defaults are not in its
	// member table; nil when there are none.
	fill func(v unsafe.Pointer, seen []bool)
	// items makes the items of a list or map, or the value a pointer
	// points to, when they are not strings (items of their Go type).
	items func(old unsafe.Pointer, n, c int) unsafe.Pointer
	// disc is a union's discriminator member, discMsg the error when it
	// names no variant; each row's key is its variant's value.
	disc, discMsg string
}

// fieldLayout is one member of an object: its key as written before the
// value ("name":), its offset in the struct, its value's layout and flags.
type fieldLayout struct {
	key   string
	off   uintptr
	l     *layout
	flags uint8
}

const (
	fieldOptional  = 1 << iota // left out when nil
	fieldNullable              // null when nil
	fieldSensitive             // "[REDACTED]" when printed redacted
)

// The layouts of scalars and of pointers to them, shared by every type.
var (
	layoutString    = layout{kind: kindString}
	layoutInt       = layout{kind: kindInt}
	layoutFloat     = layout{kind: kindFloat}
	layoutBool      = layout{kind: kindBool}
	layoutRaw       = layout{kind: kindRaw}
	layoutPtrString = layout{kind: kindPtr, elem: &layoutString}
	layoutPtrInt    = layout{kind: kindPtr, elem: &layoutInt}
	layoutPtrFloat  = layout{kind: kindPtr, elem: &layoutFloat}
	layoutPtrBool   = layout{kind: kindPtr, elem: &layoutBool}
)

// entryValue is the offset of Entry.Value: Key, a string, comes first.
const entryValue = unsafe.Sizeof("")

// appendObject appends the object or union at p, laid out as l, to b;
// redact writes every sensitive member, at any depth, as "[REDACTED]".
// A value nested more than maxDepth levels deep (a pointer cycle, say)
// panics with errEncodeTooDeep, which marshalObject returns as its error.
func appendObject(b []byte, p unsafe.Pointer, l *layout, redact bool) []byte {
	return appendObjectIn(b, p, l, redact, 0)
}

// errEncodeTooDeep is what encoding a value nested more than maxDepth
// levels deep panics with: no decoder would read it back, and a pointer
// cycle would otherwise exhaust the goroutine's stack.
var errEncodeTooDeep = &ValidationError{Rule: "depth", Message: tooDeepMsg, kind: ErrTooDeep}

// appendObjectIn is appendObject of an object within depth others.
func appendObjectIn(b []byte, p unsafe.Pointer, l *layout, redact bool, depth int) []byte {
	if depth >= maxDepth {
		panic(errEncodeTooDeep)
	}
	if l.kind == kindUnion {
		for i := range l.fields {
			if v := *(*unsafe.Pointer)(unsafe.Add(p, l.fields[i].off)); v != nil {
				return appendObjectIn(b, v, l.fields[i].l.elem, redact, depth)
			}
		}
		return append(b, "null"...)
	}
	b = append(b, '{')
	first := true
	for i := range l.fields {
		f := &l.fields[i]
		v := unsafe.Add(p, f.off)
		if f.flags&fieldOptional != 0 && isNil(v) {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, f.key...)
		switch {
		case redact && f.flags&fieldSensitive != 0:
			b = append(b, `"[REDACTED]"`...)
		case f.flags&fieldNullable != 0 && isNil(v):
			b = append(b, "null"...)
		default:
			b = appendValue(b, v, f.l, redact, depth+1)
		}
	}
	return append(b, '}')
}

// encodedAs is the encoding of the value v points to, laid out as l: how
// a fixed list or map is compared with its value.
func encodedAs[T any](v *T, l *layout) string {
	return string(appendValue(nil, unsafe.Pointer(v), l, false, 0))
}

// sameValue reports whether the JSON texts a and b hold the same value
// whatever the order of object members: the fixed-value check of a value
// holding maps, whose entries keep the order they were sent in.
func sameValue(a, b string) bool {
	return a == b || canonicalJSON(a) == canonicalJSON(b)
}

// canonicalJSON re-encodes s with object members sorted by key.
func canonicalJSON(s string) string {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return s
	}
	out, _ := json.Marshal(v)
	return string(out)
}

// scratch holds the buffers marshalObject encodes into.
var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// maxScratch is the largest buffer scratch keeps, so that one large
// message does not stay in memory.
const maxScratch = 64 << 10

// marshalObject is MarshalJSON of the object at p, laid out as l: encoded
// into a reused buffer, then copied into one allocation of its size.
func marshalObject(p unsafe.Pointer, l *layout) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			if r != any(errEncodeTooDeep) {
				panic(r)
			}
			out, err = nil, errEncodeTooDeep
		}
	}()
	bp := scratch.Get().(*[]byte)
	b := appendObject((*bp)[:0], p, l, false)
	out = append(make([]byte, 0, len(b)), b...)
	if cap(b) <= maxScratch {
		*bp = b
		scratch.Put(bp)
	}
	return out, nil
}

// isNil reports whether the pointer, slice or free-form value at p is nil:
// each holds its pointer in its first word.
func isNil(p unsafe.Pointer) bool {
	return *(*unsafe.Pointer)(p) == nil
}

// appendValue appends the value at p, laid out as l and within depth
// objects, lists or maps, to b.
func appendValue(b []byte, p unsafe.Pointer, l *layout, redact bool, depth int) []byte {
	switch l.kind {
	case kindString:
		return appendString(b, *(*string)(p))
	case kindInt:
		return appendInt(b, *(*int64)(p))
	case kindFloat:
		return appendFloat(b, *(*float64)(p))
	case kindBool:
		return appendBool(b, *(*bool)(p))
	case kindRaw:
		return appendRaw(b, *(*[]byte)(p))
	case kindObject, kindUnion:
		return appendObjectIn(b, p, l, redact, depth)
	case kindPtr:
		if isNil(p) {
			return append(b, "null"...)
		}
		return appendValue(b, *(*unsafe.Pointer)(p), l.elem, redact, depth)
	case kindList:
		return appendItems(b, p, l, redact, depth)
	case kindMap:
		return appendEntries(b, p, l, redact, depth)
	}
	panic("layout of an unknown kind")
}

// appendItems appends the slice at p, a list laid out as l: every slice
// header starts with the pointer to its first item and its length.
func appendItems(b []byte, p unsafe.Pointer, l *layout, redact bool, depth int) []byte {
	if depth >= maxDepth {
		panic(errEncodeTooDeep)
	}
	s := *(*[]byte)(p)
	data := unsafe.Pointer(unsafe.SliceData(s))
	b = append(b, '[')
	for i := 0; i < len(s); i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendValue(b, unsafe.Add(data, uintptr(i)*l.size), l.elem, redact, depth+1)
	}
	return append(b, ']')
}

// appendEntries appends the Map at p, laid out as l, in its order.
func appendEntries(b []byte, p unsafe.Pointer, l *layout, redact bool, depth int) []byte {
	if depth >= maxDepth {
		panic(errEncodeTooDeep)
	}
	s := *(*[]byte)(p)
	data := unsafe.Pointer(unsafe.SliceData(s))
	b = append(b, '{')
	for i := 0; i < len(s); i++ {
		if i > 0 {
			b = append(b, ',')
		}
		e := unsafe.Add(data, uintptr(i)*l.size)
		b = append(appendString(b, *(*string)(e)), ':')
		b = appendValue(b, unsafe.Add(e, entryValue), l.elem, redact, depth+1)
	}
	return append(b, '}')
}
