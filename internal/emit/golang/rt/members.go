package rt

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Raw reads any JSON value, checking its syntax and rejecting duplicate keys,
// and returns it compacted.
func (d *decoder) Raw(p *pathNode) (json.RawMessage, error) {
	d.ws()
	start := d.pos
	// The one pass checks the value as skip does and, in the same read,
	// for the material of every rule; a compact value is then copied as it
	// is. A value it cannot clear of that material is checked again for
	// its syntax alone, and leaves the scan to the validator. Anything else
	// takes skip, which reports the error.
	if d.depth+quickDepth <= maxDepth {
		end, spaced, ok := quickValueClean(d.data, start)
		if !ok {
			d.rawsUnscanned = true
			end, spaced, ok = quickValue(d.data, start)
		}
		if ok {
			d.pos = end
			if !spaced {
				return append(json.RawMessage(nil), d.data[start:end]...), nil
			}
			var b bytes.Buffer
			b.Grow(end - start)
			if err := json.Compact(&b, d.data[start:end]); err != nil {
				return nil, d.syntaxAt(p, start, err.Error())
			}
			return b.Bytes(), nil
		}
	}
	d.rawsUnscanned = true
	if err := d.skip(detach(p)); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Compact(&b, d.data[start:d.pos]); err != nil {
		return nil, d.syntaxAt(p, start, err.Error())
	}
	return b.Bytes(), nil
}

// skip reads past one value, validating it.
func (d *decoder) skip(p *pathNode) error {
	d.ws()
	if d.pos >= len(d.data) {
		return d.syntax(p, "a value")
	}
	switch c := d.data[d.pos]; {
	case c == '{':
		return d.skipObject(p)
	case c == '[':
		if err := d.beginArray(p); err != nil {
			return err
		}
		for i := 0; ; i++ {
			more, err := d.nextItem(p, i == 0)
			if err != nil || !more {
				return err
			}
			ip := indexPath(p, i)
			if err := d.skip(&ip); err != nil {
				return err
			}
		}
	case c == '"':
		_, err := d.rawString(p)
		return err
	case c == 't' || c == 'f':
		if d.literal("true") || d.literal("false") {
			_, err := d.Bool(p)
			return err
		}
	case c == 'n':
		if d.peekNull() {
			return nil
		}
	case c == '-' || (c >= '0' && c <= '9'):
		_, err := d.numberText(p, "a number")
		return err
	}
	return d.syntax(p, "a value")
}

func (d *decoder) skipObject(p *pathNode) error {
	if err := d.beginObject(p); err != nil {
		return err
	}
	// Duplicates: a linear search of the keys so far while there are few,
	// a map beyond that.
	// Keys are the document's own bytes unless they had escapes, so no
	// string is made for them while they are only compared.
	var few [8][]byte
	keys := few[:0]
	var seen map[string]bool
	for first := true; ; first = false {
		key, more, err := d.nextKey(p, first)
		if err != nil || !more {
			return err
		}
		if d.escaped {
			key = []byte(string(key))
		}
		kp := pathNode{parent: p, keyBytes: key, isKey: true, depth: p.below()}
		if !d.syntaxOnly {
			dup := seen[string(key)]
			for _, x := range keys {
				dup = dup || bytes.Equal(x, key)
			}
			if dup {
				return decodeError(&kp, "duplicate_key", ErrDuplicateKey, "duplicate key "+strconv.Quote(string(key)))
			}
			if seen == nil && len(keys) < len(few) {
				keys = append(keys, key)
			} else {
				if seen == nil {
					seen = make(map[string]bool, 2*len(few))
					for _, x := range keys {
						seen[string(x)] = true
					}
					keys = keys[:0]
				}
				seen[string(key)] = true
			}
		}
		if err := d.skip(&kp); err != nil {
			return err
		}
	}
}

// unknownKey handles a key that matches no field: a case variant of a field
// is always rejected; other keys are rejected unless unknown fields are
// allowed, in which case the value is skipped.
func (d *decoder) unknownKey(p *pathNode, key []byte, fields []string) error {
	kp := keyPath(p, string(key))
	for _, f := range fields {
		if bytes.EqualFold(key, []byte(f)) {
			return decodeError(&kp, "case_variant_key", ErrCaseVariantKey, "key "+strconv.Quote(string(key))+" differs from field "+strconv.Quote(f)+" only in case")
		}
	}
	if !d.allowUnknown {
		return decodeError(&kp, "unknown_field", ErrUnknownField, "unknown field "+strconv.Quote(string(key)))
	}
	return d.skip(detach(&kp))
}

// openKey handles a key that matches no field of an open type: a case
// variant of a field is rejected, any other key is skipped (its value is
// checked as JSON, not kept).
func (d *decoder) openKey(p *pathNode, key []byte, fields []string) error {
	allow := d.allowUnknown
	d.allowUnknown = true
	err := d.unknownKey(p, key, fields)
	d.allowUnknown = allow
	return err
}

func duplicate(p *pathNode, key string) error {
	kp := keyPath(p, key)
	return decodeError(&kp, "duplicate_key", ErrDuplicateKey, "duplicate key "+strconv.Quote(key))
}

func missing(p *pathNode, key string) error {
	return missingText(p, key, key+" is required")
}

// missingText reports a missing member with the spec's own text.
func missingText(p *pathNode, key, msg string) error {
	kp := keyPath(p, key)
	return decodeError(&kp, "required", ErrRequired, msg)
}

// retype gives a type error found at the member itself (not inside it) the
// spec's own text for that member.
func retype(err error, p *pathNode, msg string) error {
	es, ok := err.(Errors)
	if !ok || len(es) != 1 || es[0].kind != ErrType || es[0].Path != p.String() {
		return err
	}
	return decodeError(p, "type", ErrType, msg)
}

// discriminator reads the string member key of the object at the decoder's
// position without consuming the object, so that a union can pick the
// variant that then decodes it; ok is false when the member is absent.
// The first occurrence counts: the variant's decoder rejects a repeat.
func (d *decoder) discriminator(p *pathNode, key string) (v string, ok bool, err error) {
	pos, depth := d.pos, d.depth
	defer func() { d.pos, d.depth = pos, depth }()
	if err := d.beginObject(p); err != nil {
		return "", false, err
	}
	for first := true; ; first = false {
		k, more, err := d.nextKey(p, first)
		if err != nil {
			return "", false, err
		}
		if !more {
			return v, ok, nil
		}
		if string(k) == key && !ok {
			kp := keyPath(p, key)
			if v, err = d.String(&kp); err != nil {
				return "", false, err
			}
			ok = true
			continue
		}
		// The quick pass skips the member as skip would; only what it
		// cannot clear goes to skip, with a detached path (see detach).
		if d.ws(); d.depth+quickDepth <= maxDepth {
			if end, _, ok := quickValue(d.data, d.pos); ok {
				d.pos = end
				continue
			}
		}
		kp := keyPath(p, string(k))
		if err := d.skip(detach(&kp)); err != nil {
			return "", false, err
		}
	}
}

// ptrTo turns a read value into the pointer a nullable or optional field
// holds.
func ptrTo[T any](v T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// requiredField is a member every document must carry: its index among
// the type's fields, and the spec's text when it is missing (empty: the
// default wording).
type requiredField struct {
	index int
	text  string
}

// requireAll reports the first required member that was not seen, in field
// order.
func requireAll(p *pathNode, seen []bool, required []requiredField, fields []string) error {
	for _, r := range required {
		if !seen[r.index] {
			if r.text != "" {
				return missingText(p, fields[r.index], r.text)
			}
			return missing(p, fields[r.index])
		}
	}
	return nil
}
