package rt

// memberTable describes the members of one object type for memberReader and
// decodeObject: the loop, the key lookup, the duplicate, null, unknown-key
// and required-member checks and the defaults are here, once, and each
// type has only its table.
type memberTable struct {
	// names are the wire names in field order.
	names []string
	// required lists the members every document must carry.
	required []requiredField
	// nullable tells by field index whether a JSON null leaves the field
	// unset (a nil pointer) instead of being read as its value; it ends
	// at the last nullable field.
	nullable []bool
	// typeText holds by field index the spec's own text for a value of
	// the wrong JSON type ("" or past its end: the default wording).
	typeText []string
	// open types skip unknown members instead of rejecting them.
	open bool
	// defaults are the values absent members take, where they are
	// scalars or empty lists or maps (see setDefaults).
	defaults []memberDefault
	// index, set by indexed for types with many fields, maps each name to
	// its field index; without it a key is compared with each name.
	index map[string]int
}

// indexed returns t with its index, built once at package initialization:
// a lazy build would keep a pointer to t where every member path could
// follow it to the heap.
func indexed(t memberTable) memberTable {
	t.index = make(map[string]int, len(t.names))
	for i, n := range t.names {
		t.index[n] = i
	}
	return t
}

// find returns the index of the field named key, or -1; hint is the field
// read last, since documents mostly list members in field order.
func (t *memberTable) find(key []byte, hint int) int {
	if next := hint + 1; next < len(t.names) && t.names[next] == string(key) {
		return next
	}
	if t.index != nil {
		if i, ok := t.index[string(key)]; ok {
			return i
		}
		return -1
	}
	for i, n := range t.names {
		if n == string(key) {
			return i
		}
	}
	return -1
}

// memberReader walks the members of one object: next stops at each member
// the type declares, with i its field index, and the caller reads the
// value into the field.
type memberReader struct {
	p     *pathNode
	seen  []bool
	i     int
	first bool
}

// readMembers starts reading an object at p; seen has one flag per field,
// for the defaults. The member path is not in the reader but passed to
// next and end: to the compiler the reader's pointers are one location,
// and a member path handed down to a nested object, which goes to the
// heap, would take seen with it.
func readMembers(p *pathNode, seen []bool) memberReader {
	return memberReader{p: p, seen: seen, i: -1, first: true}
}

// next moves to the next declared member, handling the others, sets kp,
// a path under the object's, to it, and reports false at the end of the
// object or on the first error. *err is the error
// of reading the member before, and where next puts its own: the reader
// holds no error, since one read back from it and returned would move its
// contents, and so every member path, to the heap.
func (o *memberReader) next(d *decoder, t *memberTable, kp *pathNode, err *error) bool {
	if *err != nil {
		return false
	}
	if o.first {
		if *err = d.beginObject(o.p); *err != nil {
			return false
		}
	}
	for {
		key, more, e := d.nextKey(o.p, o.first)
		o.first = false
		if e != nil || !more {
			*err = e
			return false
		}
		i := t.find(key, o.i)
		if i < 0 {
			if t.open {
				e = d.openKey(o.p, key, t.names)
			} else {
				e = d.unknownKey(o.p, key, t.names)
			}
			if e != nil {
				*err = e
				return false
			}
			continue
		}
		o.i = i
		kp.key = t.names[i]
		if o.seen[i] {
			*err = duplicate(o.p, t.names[i])
			return false
		}
		o.seen[i] = true
		if i < len(t.nullable) && t.nullable[i] && d.peekNull() {
			continue
		}
		return true
	}
}

// end reports err, the first error, with the spec's own text where it is
// a value of the wrong type at the member read last, at kp; or else the
// first required member that is absent.
func (o *memberReader) end(t *memberTable, kp *pathNode, err error) error {
	if err == nil {
		return requireAll(o.p, o.seen, t.required, t.names)
	}
	if o.i >= 0 && o.i < len(t.typeText) && t.typeText[o.i] != "" {
		return retype(err, kp, t.typeText[o.i])
	}
	return err
}
