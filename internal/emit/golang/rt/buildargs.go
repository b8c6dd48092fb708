package rt

import "unsafe"

// Builders copy most of their arguments through a table, as validation
// checks most members through one: a row says where a member is in the
// arguments and in the built struct, how it is copied (as is, trimmed, nil
// made empty, absent made the default, or copied into memory of its own)
// and how its value is laid out in memory. A builder is then one call of
// buildArgs and code only for the members no row can say (objects held by
// value or copied, defaults that are lists, maps or objects, generated
// values, trimmed optional strings). Every builder of a large contract
// compiled as a function of a dozen statements made them the most costly
// functions of the package to compile.

// argRow is one member a builder copies from its arguments.
type argRow struct {
	src, dst uintptr // offsets in the arguments and in the built struct
	op       argOp
	rep      argRep
	// The default, of the member's representation (argOrDefault).
	defString string
	defInt    int64
	defFloat  float64
	defBool   bool
}

// argOp is how a row copies its member.
type argOp uint8

const (
	argCopy      argOp = iota // the value as is
	argTrim                   // a string without surrounding white space
	argOrEmpty                // a list or map; nil becomes empty
	argOrDefault              // a pointer to the value; nil takes the default
	argCopyOf                 // a pointer to the value; a copy in memory of its own, nil stays nil
)

// argRep is how a member's value is laid out: the Go type the emitter
// chose for it, or one with the same memory layout.
type argRep uint8

const (
	repString  argRep = iota // string, or a state set's string type
	repInt                   // int64
	repFloat                 // float64
	repBool                  // bool
	repPointer               // any pointer
	repSlice                 // any slice: a list, a Map or a raw JSON value
)

// buildArgs copies the arguments at src into the struct at dst, row by row.
func buildArgs(dst, src unsafe.Pointer, rows []argRow) {
	for i := range rows {
		r := &rows[i]
		d, s := unsafe.Add(dst, r.dst), unsafe.Add(src, r.src)
		switch r.op {
		case argCopy:
			copyRep(d, s, r.rep)
		case argTrim:
			*(*string)(d) = trimSpace(*(*string)(s))
		case argOrEmpty:
			if v := *(*[]byte)(s); v != nil {
				*(*[]byte)(d) = v
			} else {
				*(*[]byte)(d) = []byte{}
			}
		case argOrDefault:
			if p := *(*unsafe.Pointer)(s); p != nil {
				copyRep(d, p, r.rep)
			} else {
				r.setDefault(d)
			}
		case argCopyOf:
			if p := *(*unsafe.Pointer)(s); p != nil {
				*(*unsafe.Pointer)(d) = newCopy(p, r.rep)
			}
		}
	}
}

// copyRep copies one value of representation rep from s to d.
func copyRep(d, s unsafe.Pointer, rep argRep) {
	switch rep {
	case repString:
		*(*string)(d) = *(*string)(s)
	case repInt, repFloat:
		*(*uint64)(d) = *(*uint64)(s)
	case repBool:
		*(*bool)(d) = *(*bool)(s)
	case repPointer:
		*(*unsafe.Pointer)(d) = *(*unsafe.Pointer)(s)
	case repSlice:
		*(*[]byte)(d) = *(*[]byte)(s)
	}
}

// setDefault stores the row's default at d.
func (r *argRow) setDefault(d unsafe.Pointer) {
	switch r.rep {
	case repString:
		*(*string)(d) = r.defString
	case repInt:
		*(*int64)(d) = r.defInt
	case repFloat:
		*(*float64)(d) = r.defFloat
	case repBool:
		*(*bool)(d) = r.defBool
	}
}

// newCopy returns a pointer to a new copy of the scalar at p.
func newCopy(p unsafe.Pointer, rep argRep) unsafe.Pointer {
	switch rep {
	case repString:
		v := *(*string)(p)
		return unsafe.Pointer(&v)
	case repInt, repFloat:
		v := *(*uint64)(p)
		return unsafe.Pointer(&v)
	case repBool:
		v := *(*bool)(p)
		return unsafe.Pointer(&v)
	}
	return nil
}
