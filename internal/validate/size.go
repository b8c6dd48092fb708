package validate

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/load"
)

// maxExpandedValues bounds how many values one generated struct holds once
// the structs inside it are counted field by field. A required,
// non-nullable object field is a struct held by value in its parent, so a
// type whose object fields nest others widely grows with the product of
// their widths: ten such fields of a type with ten such fields, six levels
// deep, is a million values in one Go struct. The Go compiler's time grows
// with it (ten million values take it 12 s, a hundred million do not
// finish), so such a spec is refused here, where the fix can be named.
const maxExpandedValues = 100000

// sizer counts the values of the structs a spec's field lists become,
// memoizing named types.
type sizer struct {
	c    *checker
	size map[string]int
}

// typeSizes refuses every type, payload and envelope whose struct would
// exceed maxExpandedValues, naming only those whose own by-value fields
// stay within it, since the types that contain them exceed it because of
// them.
func (c *checker) typeSizes() {
	z := &sizer{c: c, size: map[string]int{}}
	for _, t := range c.s.Types {
		z.report(t.Name.Pos, fmt.Sprintf("type %q", t.Name.V), t.Fields, len(t.OneOf))
	}
	if e := c.s.Envelopes; e != nil {
		if e.Request != nil {
			z.report(e.Request.Pos, "the request envelope", e.Request.Fields, 0)
		}
		if e.Response != nil {
			z.report(e.Response.Pos, "the response envelope", e.Response.Fields, 0)
		}
	}
	for _, op := range c.s.Operations {
		z.report(op.Name.Pos, fmt.Sprintf("the request of operation %q", op.Name.V), op.Request, 0)
		if op.Response != nil {
			z.report(op.Response.Pos, fmt.Sprintf("the response of operation %q", op.Name.V), op.Response.Payload, 0)
		}
		for _, e := range op.Errors {
			z.report(e.Name.Pos, fmt.Sprintf("error response %q of operation %q", e.Name.V, op.Name.V), e.Payload, 0)
		}
	}
	for _, r := range c.s.Responses {
		z.report(r.Name.Pos, fmt.Sprintf("shared response %q", r.Name.V), r.Payload, 0)
	}
}

// report adds an error at pos when the fields (and variants, each a
// pointer) exceed the bound while none of their by-value types does.
func (z *sizer) report(pos diag.Pos, what string, fields []*load.Field, variants int) {
	if z.fields(fields)+variants <= maxExpandedValues {
		return
	}
	for _, f := range fields {
		if t := z.byValue(f); t != nil && z.typ(t) > maxExpandedValues {
			return
		}
	}
	z.c.errs.Add(pos, "%s holds more than %d values once the object fields it holds by value are counted field by field (a required, non-nullable object field is a struct inside its parent); make some of those fields optional, nullable or lists", what, maxExpandedValues)
}

// byValue is the named type f holds by value, or nil.
func (z *sizer) byValue(f *load.Field) *load.Type {
	if (f.Nullable != nil && f.Nullable.V) || (f.Optional != nil && f.Optional.V) {
		return nil
	}
	return z.c.types[f.Type.V]
}

// fields counts the values of a field list, saturating just above the
// bound so that no sum overflows.
func (z *sizer) fields(fields []*load.Field) int {
	n := 0
	for _, f := range fields {
		if t := z.byValue(f); t != nil {
			n += z.typ(t)
		} else {
			n++
		}
		if n > maxExpandedValues {
			return maxExpandedValues + 1
		}
	}
	return n
}

// typ counts the values of a named type. A type on a cycle, which
// typeCycles reports, counts once where it recurs.
func (z *sizer) typ(t *load.Type) int {
	if n, ok := z.size[t.Name.V]; ok {
		return n
	}
	z.size[t.Name.V] = 1
	n := min(z.fields(t.Fields)+len(t.OneOf), maxExpandedValues+1)
	z.size[t.Name.V] = n
	return n
}
