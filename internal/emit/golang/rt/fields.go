package rt

import (
	"encoding/json"
	"unsafe"
)

// decodeMember reads the member at p into the field f of the struct at
// base, by the kind of its layout: a scalar or state, a free-form value, a
// pointer to a scalar, or a list or map of strings or states. A decode
// method sends every member of those kinds here and switches only on the
// others, so that a contract's decoders are mostly its layout tables.
// The emitter's tableDecoded picks these members; any other kind is a
// generator bug.
func decodeMember(d *decoder, p *pathNode, base unsafe.Pointer, f *fieldLayout) (err error) {
	v := unsafe.Add(base, f.off)
	switch l := f.l; l.kind {
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
	case kindPtr:
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
			panic("decodeMember: a pointer to a value of another kind")
		}
	case kindList:
		*(*[]string)(v), err = decodeStrings(d, p)
	case kindMap:
		*(*Map[string])(v), err = decodeStringMap(d, p)
	default:
		panic("decodeMember: a member of another kind")
	}
	return err
}

// decodeStrings reads a list of strings.
func decodeStrings(d *decoder, p *pathNode) ([]string, error) {
	if err := d.beginArray(p); err != nil {
		return nil, err
	}
	out := []string{}
	for i := 0; ; i++ {
		more, err := d.nextItem(p, i == 0)
		if err != nil {
			return nil, err
		}
		if !more {
			return out, nil
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
	out := Map[string]{}
	for first := true; ; first = false {
		key, more, err := d.nextKey(p, first)
		if err != nil {
			return nil, err
		}
		if !more {
			return out, nil
		}
		k := string(key)
		if _, dup := out.Get(k); dup {
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
