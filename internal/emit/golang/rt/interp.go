package rt

import (
	"encoding/json"
	"unsafe"
)

// The decoders read values through the same layouts as the encoders: a
// contract's strict decoders are its layout and member tables, walked by
// decodeValue, rather than a decode method per type that the compiler
// would have to compile. Only what needs a Go type, making the items of a
// list or a Map or a new object, is a small generic function per element
// type (items) that a list, map or pointer layout names; and a member
// default that is not a scalar or an empty list or map is set by the
// object's fill function.
//
// The member and item paths the walk hands down live in the decoder
// (push), one per level of nesting: a path on the stack of a function
// that calls itself would move to the heap, one allocation per object.
// Errors render their path when they are made, so the node of a level is
// reused from one member to the next.

// inlineNodes is how many levels of paths the decoder holds in itself;
// deeper levels get a node of their own, once per decoder.
const inlineNodes = 4

// push returns the decoder's path node for the level below the current
// one, set to n, and enters that level; pop leaves it.
func (d *decoder) push(n pathNode) *pathNode {
	var x *pathNode
	if d.level < inlineNodes {
		x = &d.nodes[d.level]
	} else {
		i := d.level - inlineNodes
		if i == len(d.deeper) {
			d.deeper = append(d.deeper, new(pathNode))
		}
		x = d.deeper[i]
	}
	d.level++
	*x = n
	return x
}

func (d *decoder) pop() { d.level-- }

// decodeValue reads the value at p into v, laid out as l.
func decodeValue(d *decoder, p *pathNode, v unsafe.Pointer, l *layout) (err error) {
	switch l.kind {
	case kindString:
		*(*string)(v), err = d.String(p)
	case kindInt:
		*(*int64)(v), err = d.Int(p)
	case kindFloat:
		*(*float64)(v), err = d.Float(p)
	case kindBool:
		*(*bool)(v), err = d.Bool(p)
	case kindRaw:
		*(*json.RawMessage)(v), err = d.Raw(p)
	case kindObject:
		err = decodeObject(d, p, v, l)
	case kindUnion:
		err = decodeUnion(d, p, v, l)
	case kindPtr:
		err = decodePtrScalar(d, p, v, l)
	case kindList:
		if l.elem.kind == kindString {
			*(*[]string)(v), err = decodeStrings(d, p)
		} else {
			err = decodeList(d, p, v, l)
		}
	case kindMap:
		if l.elem.kind == kindString {
			*(*Map[string])(v), err = decodeStringMap(d, p)
		} else {
			err = decodeMap(d, p, v, l)
		}
	default:
		panic("decodeValue: a layout of an unknown kind")
	}
	return err
}

// decodePtrScalar reads a pointer to a scalar, or to a new value of any
// other kind that the layout's items function makes.
func decodePtrScalar(d *decoder, p *pathNode, v unsafe.Pointer, l *layout) (err error) {
	switch l.elem.kind {
	case kindString:
		*(**string)(v), err = ptrTo(d.String(p))
	case kindInt:
		*(**int64)(v), err = ptrTo(d.Int(p))
	case kindFloat:
		*(**float64)(v), err = ptrTo(d.Float(p))
	case kindBool:
		*(**bool)(v), err = ptrTo(d.Bool(p))
	default:
		x := l.items(nil, 0, 1)
		*(*unsafe.Pointer)(v) = x
		err = decodeValue(d, p, x, l.elem)
	}
	return err
}

// maxSeen is the field count up to which decodeObject keeps its flags of
// the members read on the stack.
const maxSeen = 64

// decodeObject reads the object at p into the struct at v, laid out as l:
// every member by its layout, then the defaults of the members absent.
func decodeObject(d *decoder, p *pathNode, v unsafe.Pointer, l *layout) error {
	t := l.members
	var few [maxSeen]bool
	seen := few[:0]
	if n := len(l.fields); n <= maxSeen {
		seen = few[:n]
	} else {
		seen = make([]bool, n)
	}
	o := readMembers(p, seen)
	kp := d.push(keyPath(p, ""))
	var err error
	for o.next(d, t, kp, &err) {
		f := &l.fields[o.i]
		err = decodeValue(d, kp, unsafe.Add(v, f.off), f.l)
	}
	d.pop()
	if err == nil {
		t.setDefaults(v, l, seen)
		if l.fill != nil {
			// A copy: seen itself, handed to a function value, would
			// move to the heap for every object.
			l.fill(v, append([]bool(nil), seen...))
		}
	}
	return o.end(t, kp, err)
}

// memberDefault is the value an absent member takes: s, n, f or b by the
// kind of its layout; a list or a map becomes empty (not nil).
type memberDefault struct {
	index int
	s     string
	n     int64
	f     float64
	b     bool
}

// noItems is where an empty list or map set as a default points: any
// pointer with a length of zero is an empty slice.
var noItems [0]uint64

// setDefaults gives every absent member with a default in the table its
// value.
func (t *memberTable) setDefaults(v unsafe.Pointer, l *layout, seen []bool) {
	for i := range t.defaults {
		def := &t.defaults[i]
		if seen[def.index] {
			continue
		}
		f := &l.fields[def.index]
		at := unsafe.Add(v, f.off)
		switch f.l.kind {
		case kindString:
			*(*string)(at) = def.s
		case kindInt:
			*(*int64)(at) = def.n
		case kindFloat:
			*(*float64)(at) = def.f
		case kindBool:
			*(*bool)(at) = def.b
		case kindList, kindMap:
			*(*unsafe.Pointer)(at) = unsafe.Pointer(&noItems)
		default:
			panic("setDefaults: a default of another kind")
		}
	}
}

// decodeUnion reads the discriminator member of the object at p first,
// then the whole object as the variant it selects: the union's rows hold
// each variant's discriminator value as their key.
func decodeUnion(d *decoder, p *pathNode, v unsafe.Pointer, l *layout) error {
	val, ok, err := d.discriminator(p, l.disc)
	if err != nil {
		return err
	}
	if !ok {
		return missing(p, l.disc)
	}
	for i := range l.fields {
		if f := &l.fields[i]; f.key == val {
			return decodeValue(d, p, unsafe.Add(v, f.off), f.l)
		}
	}
	kp := keyPath(p, l.disc)
	return decodeError(&kp, "enum", ErrNotInStateSet, l.discMsg)
}

// items makes room for c values of T, the first n of them copied from
// old, and returns where they start. It is the one piece of a list, map
// or pointer decoder that needs the item's Go type, so that the garbage
// collector knows what the new memory holds and copies go through write
// barriers.
func items[T any](old unsafe.Pointer, n, c int) unsafe.Pointer {
	s := make([]T, c)
	if n > 0 {
		copy(s, unsafe.Slice((*T)(old), n))
	}
	return unsafe.Pointer(unsafe.SliceData(s))
}

// growItems returns data with room for one more item than the n it holds
// in c, laid out as the list or map l.
func growItems(data unsafe.Pointer, n, c int, l *layout) (unsafe.Pointer, int) {
	if n < c {
		return data, c
	}
	c = max(4, 2*c)
	return l.items(data, n, c), c
}

// sliceHeader is how every slice is stored.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// setItems stores the n items at data, room for c, as the slice at v.
func setItems(v, data unsafe.Pointer, n, c int) {
	*(*sliceHeader)(v) = sliceHeader{data, n, c}
}

// decodeList reads a list laid out as l into the slice at v; each item
// is read in place.
func decodeList(d *decoder, p *pathNode, v unsafe.Pointer, l *layout) error {
	if err := d.beginArray(p); err != nil {
		return err
	}
	data, n, c := unsafe.Pointer(&noItems), 0, 0
	ip := d.push(indexPath(p, 0))
	defer d.pop()
	for i := 0; ; i++ {
		more, err := d.nextItem(p, i == 0)
		if err != nil {
			return err
		}
		if !more {
			setItems(v, data, n, c)
			return nil
		}
		ip.index = i
		data, c = growItems(data, n, c, l)
		n++
		if err := decodeValue(d, ip, unsafe.Add(data, uintptr(i)*l.size), l.elem); err != nil {
			return err
		}
	}
}

// decodeMap reads a map laid out as l into the Map at v, rejecting a
// repeated key. A Map is a slice of entries, each a key then a value.
func decodeMap(d *decoder, p *pathNode, v unsafe.Pointer, l *layout) error {
	if err := d.beginObject(p); err != nil {
		return err
	}
	data, n, c := unsafe.Pointer(&noItems), 0, 0
	kp := d.push(keyPath(p, ""))
	defer d.pop()
	var keys keySet
	defer keys.release()
	keyAt := func(i int) string { return *(*string)(unsafe.Add(data, uintptr(i)*l.size)) }
	for first := true; ; first = false {
		key, more, err := d.nextKey(p, first)
		if err != nil {
			return err
		}
		if !more {
			setItems(v, data, n, c)
			return nil
		}
		k := string(key)
		if keys.repeats(k, n, keyAt) {
			return duplicate(p, k)
		}
		data, c = growItems(data, n, c, l)
		e := unsafe.Add(data, uintptr(n)*l.size)
		n++
		*(*string)(e) = k
		kp.key = k
		if err := decodeValue(d, kp, unsafe.Add(e, entryValue), l.elem); err != nil {
			return err
		}
	}
}

// decodeStrings reads a list of strings.
func decodeStrings(d *decoder, p *pathNode) ([]string, error) {
	if err := d.beginArray(p); err != nil {
		return nil, err
	}
	// The items go to the stack first, so that a short list costs one
	// allocation of its own size rather than one per doubling.
	var few [8]string
	out := few[:0]
	for i := 0; ; i++ {
		more, err := d.nextItem(p, i == 0)
		if err != nil {
			return nil, err
		}
		if !more {
			return append(make([]string, 0, len(out)), out...), nil
		}
		ip := indexPath(p, i)
		x, err := d.String(&ip)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
}

// decodeStringMap reads a map of strings, rejecting a repeated key.
func decodeStringMap(d *decoder, p *pathNode) (Map[string], error) {
	if err := d.beginObject(p); err != nil {
		return nil, err
	}
	var few [8]Entry[string] // as in decodeStrings
	out := Map[string](few[:0])
	var keys keySet
	defer keys.release()
	keyAt := func(i int) string { return out[i].Key }
	for first := true; ; first = false {
		key, more, err := d.nextKey(p, first)
		if err != nil {
			return nil, err
		}
		if !more {
			return append(make(Map[string], 0, len(out)), out...), nil
		}
		k := string(key)
		if keys.repeats(k, len(out), keyAt) {
			return nil, duplicate(p, k)
		}
		kp := keyPath(p, k)
		x, err := d.String(&kp)
		if err != nil {
			return nil, err
		}
		out = append(out, Entry[string]{k, x})
	}
}
