package schema

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/pattern"
)

// override gives the schema of a field whose value the message fixes or
// copies; nil falls back to the field's own schema.
type override func(f *model.Field, w where) *jsonschema.Schema

// object builds the schema of an object type's fields at location w.
func (fb *file) object(t *model.Type, w where, ov override) *jsonschema.Schema {
	if t.Union != nil {
		return fb.union(t.Union, w)
	}
	s := &jsonschema.Schema{Type: "object", Properties: newProps()}
	keys := fb.keysCovered(w)
	for _, f := range t.Fields {
		for _, j := range keys {
			if model.KeyForbidden(fb.g.c.Forbidden.Keys[j], f.Name) {
				fb.g.fail(fb.g.pos.field(f, ""), "field %q of %s is a forbidden key under the forbidden keys rule, so every message would be rejected", f.Name, t.Name)
			}
		}
		var fs *jsonschema.Schema
		if ov != nil {
			fs = ov(f, w)
		}
		if fs == nil {
			fs = fb.field(f, w)
		}
		if fs.Description == "" {
			fs.Description = f.Description
		}
		if f.Deprecated != "" {
			fs.Deprecated = true
			fs.Description = strings.TrimSpace(fs.Description + " Deprecated: " + f.Deprecated)
		}
		s.Properties.Set(f.Name, fs)
		if f.WireRequired() || fb.forced[f] {
			s.Required = append(s.Required, f.Name)
		}
	}
	if t.Open {
		// Other members are allowed; case variants of the modelled ones
		// are not, as the Go decoder rejects them.
		s.PropertyNames = fb.notCaseVariant(t)
	} else {
		s.AdditionalProperties = jsonschema.FalseSchema
	}
	requiredMessages(s, t)
	return s
}

// field builds a field's schema from its type and constraints.
func (fb *file) field(f *model.Field, w where) *jsonschema.Schema {
	if f.Const != nil {
		fb.checkFixedValue(f.Const, fmt.Sprintf("const of field %q", f.Name), fb.g.pos.field(f, "const"), w)
		if holdsObject(f.Type) {
			// Compared by the decoder with its objects' absent members
			// filled in; a const's own text stands for the whole.
			return constShape(f.Const, f.Type)
		}
		s := fb.constType(f.Type)
		s.Const = raw(f.Const)
		fieldMessages(s, f)
		return s
	}
	s := fb.typed(f, f.Type, w, true)
	if f.Nullable && f.Type.Kind != model.KindAny {
		s = nullable(s)
	}
	if f.Default != nil && !holdsRef(f.Default) {
		s.Default = raw(f.Default)
	}
	s.Description = f.Description
	fieldMessages(s, f)
	return s
}

// constType is the bare type of a const field.
func (fb *file) constType(t *model.TypeRef) *jsonschema.Schema {
	switch t.Kind {
	case model.KindString, model.KindState:
		return &jsonschema.Schema{Type: "string"}
	case model.KindInteger, model.KindNumber, model.KindBoolean:
		return &jsonschema.Schema{Type: string(t.Kind)}
	case model.KindList:
		return &jsonschema.Schema{Type: "array"}
	case model.KindMap, model.KindObject:
		return &jsonschema.Schema{Type: "object"}
	}
	return &jsonschema.Schema{}
}

// nullable lets a schema also accept null. A reference, and a schema with
// a not (the final-newline guard), become one alternative of two: a not
// whose keywords ignore null, as pattern does, would refuse it.
func nullable(s *jsonschema.Schema) *jsonschema.Schema {
	switch {
	case s.Ref != "" || s.Not != nil:
		return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{s, {Type: "null"}}}
	case s.Type != "":
		if s.Extras == nil {
			s.Extras = map[string]any{}
		}
		s.Extras["type"] = []string{s.Type, "null"}
		s.Type = ""
		if s.Enum != nil {
			s.Enum = append(s.Enum, nil)
		}
	}
	return s
}

// typed builds the schema of a value of type t of field f. Constraints on
// the field itself (non_empty, min_items, trim) apply at the top; length,
// pattern, format and bounds apply to the scalar leaves, as the model's
// checks do.
func (fb *file) typed(f *model.Field, t *model.TypeRef, w where, top bool) *jsonschema.Schema {
	switch t.Kind {
	case model.KindString:
		return fb.stringSchema(f, w, top)
	case model.KindState:
		s := &jsonschema.Schema{Type: "string"}
		for _, v := range t.State.Values {
			fb.checkFixed(v.Value, fmt.Sprintf("state %q of %s", v.Value, t.State.Name), fb.g.pos.states[v], w)
			s.Enum = append(s.Enum, v.Value)
		}
		if _, own := f.Messages[model.RuleEnum]; !fb.g.bundle && !own {
			// A state set is the same wherever it is used: defined once
			// (inline where the field has a text of its own for it, so
			// that errorMessage sits beside the enum it explains).
			name := t.State.GoName
			if _, ok := fb.g.shared[name]; !ok {
				s.Title, s.Description = t.State.Name, t.State.Description
				fb.g.shared[name] = s
			}
			return &jsonschema.Schema{Ref: fb.helperRef(name)}
		}
		return s
	case model.KindInteger, model.KindNumber:
		s := &jsonschema.Schema{Type: string(t.Kind)}
		if f.Minimum != nil {
			s.Minimum = json.Number(f.Minimum.Num)
		}
		if f.Maximum != nil {
			s.Maximum = json.Number(f.Maximum.Num)
		}
		if f.ExclusiveMinimum != nil {
			s.ExclusiveMinimum = json.Number(f.ExclusiveMinimum.Num)
		}
		if f.ExclusiveMaximum != nil {
			s.ExclusiveMaximum = json.Number(f.ExclusiveMaximum.Num)
		}
		if t.Kind == model.KindInteger {
			// The Go type holds 64 bits; the schema says so where the spec
			// sets no bound of its own (see RULES.md for the caveat of
			// validators that read numbers as doubles).
			if f.Minimum == nil && f.ExclusiveMinimum == nil {
				s.Minimum = json.Number("-9223372036854775808")
			}
			if f.Maximum == nil && f.ExclusiveMaximum == nil {
				s.Maximum = json.Number("9223372036854775807")
			}
		}
		return s
	case model.KindBoolean:
		return &jsonschema.Schema{Type: "boolean"}
	case model.KindAny:
		return fb.freeForm(w.free())
	case model.KindList:
		s := &jsonschema.Schema{Type: "array", Items: fb.typed(f, t.Elem, w, false)}
		if top {
			s.MinItems, s.MaxItems = counts(f)
			s.UniqueItems = f.UniqueItems
		}
		return s
	case model.KindMap:
		in := w.free()
		s := &jsonschema.Schema{Type: "object", AdditionalProperties: fb.typed(f, t.Elem, in, false)}
		if ks := fb.keysCovered(in); len(ks) > 0 {
			s.PropertyNames = fb.notForbiddenKey(ks)
		}
		if top {
			s.MinProperties, s.MaxProperties = counts(f)
			if f.KeyPattern != "" {
				s.PropertyNames = fb.keyPattern(f, s.PropertyNames)
			}
		}
		return s
	case model.KindObject:
		return &jsonschema.Schema{Ref: fb.ref(t.Object, w)}
	}
	return &jsonschema.Schema{}
}

// stringSchema applies the string constraints to the value as it stands in
// the message: lengths, pattern and format look at the untrimmed value, and
// non_empty on a trimmed field asks for a non-whitespace character (see
// RULES.md).
func (fb *file) stringSchema(f *model.Field, w where, top bool) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	var pats []string
	what := fmt.Sprintf("field %q", f.Name)
	minLen := 0
	if f.MinLength != nil {
		minLen = *f.MinLength
	}
	if top && f.NonEmpty {
		if f.Trim {
			pats = append(pats, pattern.NonBlankPattern())
		} else if minLen < 1 {
			minLen = 1
		}
	}
	if minLen > 0 {
		s.MinLength = uintp(minLen)
	}
	if f.MaxLength != nil {
		s.MaxLength = uintp(*f.MaxLength)
	}
	var nots []*jsonschema.Schema
	if f.Pattern != "" {
		if p, err := pattern.PortablePattern(f.Pattern); err != nil {
			fb.g.fail(fb.g.pos.field(f, "pattern"), "%s pattern: %v", what, err)
		} else {
			pats = append(pats, p)
			if pattern.NeedsNewlineGuard(f.Pattern) {
				nots = append(nots, &jsonschema.Schema{Pattern: pattern.FinalNewlineGuard})
			}
		}
	}
	if f.Format != "" {
		s.Format = f.Format
	}
	if sf := pattern.Formats[f.Format]; sf != nil && sf.Pattern != "" {
		p, _ := pattern.PortablePattern(sf.Pattern)
		pats = append(pats, p)
		if pattern.NeedsNewlineGuard(sf.Pattern) {
			nots = append(nots, &jsonschema.Schema{Pattern: pattern.FinalNewlineGuard})
		}
	}
	if sf := pattern.Formats[f.Format]; sf != nil && sf.MaxLength > 0 && (s.MaxLength == nil || *s.MaxLength > uint64(sf.MaxLength)) {
		n := uint64(sf.MaxLength)
		s.MaxLength = &n
	}
	switch len(nots) {
	case 0:
	case 1:
		s.Not = nots[0]
	default:
		s.Not = &jsonschema.Schema{AnyOf: nots}
	}
	if len(pats) > 0 {
		s.Pattern = pats[0]
		for _, p := range pats[1:] {
			s.AllOf = append(s.AllOf, &jsonschema.Schema{Pattern: p})
		}
	}
	// The forbidden values last: the field's own pattern stays the first
	// allOf, where its message is.
	for _, j := range fb.valuesCovered(w) {
		s.AllOf = append(s.AllOf, &jsonschema.Schema{Ref: fb.helperRef(fb.allowedValueDef(j))})
	}
	return s
}

// fixedString is the schema of a string the message fixes.
func (fb *file) fixedString(v, what string, w where) *jsonschema.Schema {
	fb.checkFixed(v, what, diag.Pos{}, w)
	return &jsonschema.Schema{Type: "string", Const: str(v)}
}

// oneOfStrings is the schema of a string drawn from a fixed list.
func (fb *file) oneOfStrings(vs []string, what string, w where) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	for _, v := range vs {
		fb.checkFixed(v, what, diag.Pos{}, w)
		s.Enum = append(s.Enum, v)
	}
	return s
}

// ref returns the reference to an object type's definition at location w,
// building the definition on first use. A type's schema depends on which
// forbidden-material checks apply at w; the usual case keeps the type's Go
// name, others get a suffix naming what is checked.
func (fb *file) ref(t *model.Type, w where) string {
	if !fb.g.bundle {
		name := fb.sharedName(t, w)
		if _, ok := fb.g.shared[name]; !ok && !fb.g.sharedBuilding[name] {
			fb.g.sharedBuilding[name] = true
			s := fb.object(t, w, nil)
			s.Title = t.Name
			if suffix := strings.TrimPrefix(name, t.GoName); suffix != "" {
				// Another variant of the type (other checks apply where it
				// is used): a title of its own, so that converters name
				// it apart from the usual one.
				s.Title = t.Name + " " + strings.ReplaceAll(strings.TrimPrefix(suffix, "-"), "-", " ")
			}
			s.Description = t.Description
			fb.g.shared[name] = s
		}
		return fb.helperRef(name)
	}
	name := fb.defName(t, w)
	if t == fb.root && name == fb.defName(t, fb.rootW) {
		return "#"
	}
	if _, ok := fb.defs[name]; !ok && !fb.building[name] {
		fb.building[name] = true
		s := fb.object(t, w, nil)
		s.Title = t.Name
		s.Description = t.Description
		fb.defs[name] = s
	}
	return defRef(name)
}

// defName names the definition of t at w. The checks inside t are: strings
// of its own fields (values rule at w), and keys and strings inside its
// free-form and map fields (both rules at w's free-form level).
func (fb *file) defName(t *model.Type, w where) string {
	sig := func(w where) [3]string {
		return [3]string{fb.ruleSet(fb.valuesCovered(w)), fb.ruleSet(fb.keysCovered(w.free())), fb.ruleSet(fb.valuesCovered(w.free()))}
	}
	got := sig(w)
	if got == sig(atPayload) {
		return t.GoName
	}
	var parts []string
	for i, label := range []string{"strings", "free-keys", "free-values"} {
		if got[i] != "" {
			parts = append(parts, label+strings.TrimPrefix(got[i], "*"))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "unchecked")
	}
	return t.GoName + "-" + strings.Join(parts, "-")
}

// notCaseVariant is the propertyNames schema of an open type: a name is
// either a member's own, or no member's in any case, as the Go decoder's
// case-variant rule has it. The third choice keeps Python's $ (which also
// matches before a final line feed) from refusing "Name\n".
func (fb *file) notCaseVariant(t *model.Type) *jsonschema.Schema {
	if len(t.Fields) == 0 {
		return nil
	}
	var names []any
	var alts []string
	for _, f := range t.Fields {
		names = append(names, f.Name)
		alts = append(alts, regexp.QuoteMeta(f.Name))
	}
	re, err := pattern.PortablePattern("(?i)^(?:" + strings.Join(alts, "|") + ")$")
	if err != nil {
		fb.g.fail(fb.g.pos.types[t], "open type %q: its member names cannot be matched case-insensitively in a portable pattern: %v", t.Name, err)
		return nil
	}
	any := []*jsonschema.Schema{{Enum: names}, {Not: &jsonschema.Schema{Pattern: re}}}
	if pattern.NeedsNewlineGuard(re) {
		any = append(any, &jsonschema.Schema{Pattern: pattern.FinalNewlineGuard})
	}
	return &jsonschema.Schema{AnyOf: any}
}

// union is the schema of a discriminated union: the discriminator must be
// one of the variant values, and each value brings in its variant's schema
// (if/then, so that validators report the selected variant's errors).
func (fb *file) union(u *model.Union, w where) *jsonschema.Schema {
	values := make([]any, len(u.Variants))
	for i, v := range u.Variants {
		values[i] = v.Value
	}
	props := newProps()
	props.Set(u.Discriminator, &jsonschema.Schema{Type: "string", Enum: values})
	s := &jsonschema.Schema{Type: "object", Properties: props, Required: []string{u.Discriminator}}
	for _, v := range u.Variants {
		cond := newProps()
		cond.Set(u.Discriminator, &jsonschema.Schema{Const: v.Value})
		s.AllOf = append(s.AllOf, &jsonschema.Schema{
			If:   &jsonschema.Schema{Type: "object", Properties: cond},
			Then: &jsonschema.Schema{Ref: fb.ref(v.Type, w)},
		})
	}
	return s
}

// keyPattern adds a map field's key_pattern to the schema its keys already
// obey (the forbidden-key rule), as allOf when there is one.
func (fb *file) keyPattern(f *model.Field, keys *jsonschema.Schema) *jsonschema.Schema {
	p, err := pattern.PortablePattern(f.KeyPattern)
	if err != nil {
		fb.g.fail(fb.g.pos.field(f, ""), "field %q key_pattern: %v", f.Name, err)
		return keys
	}
	s := &jsonschema.Schema{Pattern: p}
	if pattern.NeedsNewlineGuard(f.KeyPattern) {
		s.Not = &jsonschema.Schema{Pattern: pattern.FinalNewlineGuard}
	}
	if keys == nil {
		return s
	}
	return &jsonschema.Schema{AllOf: []*jsonschema.Schema{keys, s}}
}

// counts are the item (entry) bounds of a list (map) field: min_items, or 1
// for non_empty; nil where there is none.
func counts(f *model.Field) (lo, hi *uint64) {
	n := 0
	if f.MinItems != nil {
		n = *f.MinItems
	}
	if f.NonEmpty && n < 1 {
		n = 1
	}
	if n > 0 {
		lo = uintp(n)
	}
	if f.MaxItems != nil {
		hi = uintp(*f.MaxItems)
	}
	return lo, hi
}
