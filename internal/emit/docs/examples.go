package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/contractgen/contractgen/internal/value"
)

// Example messages: the spec's own examples wrapped in the envelopes the way
// the generated builders fill them, or values synthesized from defaults when
// the spec gives none. Every example is checked with model.CheckObject before
// it is printed; an invalid one fails generation.

// examples builds and checks the example request and response of op.
func examples(c *model.Contract, op *model.Operation) (req, resp *value.Value, err error) {
	payload, fromSpec := first(op.Request.Examples), true
	if payload == nil {
		sy := newSynth()
		if payload, fromSpec = sy.object(op.Request), false; sy.over() {
			return nil, nil, tooLarge(op, "request")
		}
	}
	req = requestEnvelope(c, op, payload)
	if err := check(req, c.Request.Type, payload, op.Request, "request", fromSpec); err != nil {
		return nil, nil, fmt.Errorf("operation %q: %w", op.Name, err)
	}

	rt := op.Response.Payload
	rp, fromSpec := first(rt.Examples), true
	if rp == nil {
		sy := newSynth()
		if rp, fromSpec = sy.object(rt), false; sy.over() {
			return nil, nil, tooLarge(op, "response")
		}
	}
	rp = fillSources(rp, rt, req)
	resp = responseEnvelope(c, op, req, rp)
	if err := check(resp, c.Response.Type, rp, rt, "response", fromSpec); err != nil {
		return nil, nil, fmt.Errorf("operation %q: %w", op.Name, err)
	}
	return req, resp, nil
}

// tooLarge is the error for an example of op that synthesis gave up on.
func tooLarge(op *model.Operation, what string) error {
	return fmt.Errorf("operation %q: an example %s synthesized from defaults would hold more than %d values, since its types nest required objects widely; add an example to the spec", op.Name, what, maxSynthValues)
}

// check validates an example message and its payload against the contract.
func check(msg *value.Value, env *model.Type, payload *value.Value, pt *model.Type, what string, fromSpec bool) error {
	problems := model.CheckObject(msg, env, "")
	if payload != nil && pt != nil {
		problems = append(problems, model.CheckObject(payload, pt, "payload")...)
	}
	if len(problems) == 0 {
		return nil
	}
	msgs := make([]string, len(problems))
	for i, p := range problems {
		msgs[i] = p.Msg
		if p.Path != "" {
			msgs[i] = p.Path + ": " + p.Msg
		}
	}
	origin := "built from the spec's first example"
	if !fromSpec {
		origin = "synthesized from defaults because the spec has no example; add one to the spec"
	}
	return fmt.Errorf("example %s (%s) is invalid: %s", what, origin, strings.Join(msgs, "; "))
}

func first(vs []*value.Value) *value.Value {
	if len(vs) == 0 {
		return nil
	}
	return vs[0]
}

// requestEnvelope wraps payload in the request envelope: sourced fields are
// set as the builder sets them, the others come from the envelope's own
// example, a default, a const or a generator.
func requestEnvelope(c *model.Contract, op *model.Operation, payload *value.Value) *value.Value {
	t := c.Request.Type
	out := object()
	for _, f := range t.Fields {
		var v *value.Value
		switch f.Source {
		case model.SourceVersion:
			if c.Request.Version != nil {
				v = str(c.Request.Version.Value)
			}
		case model.SourceOperation:
			v = str(op.Name)
		case model.SourcePayload:
			v = payload
		default:
			v = envelopeValue(f, first(t.Examples))
		}
		if v != nil {
			out.Members = append(out.Members, value.Member{Key: f.Name, Value: v})
		}
	}
	return out
}

// responseEnvelope wraps payload in the response envelope the way a
// response builder fills it from the request.
func responseEnvelope(c *model.Contract, op *model.Operation, req, payload *value.Value) *value.Value {
	t := c.Response.Type
	out := object()
	status := statusField(c, op.Response)
	for _, f := range t.Fields {
		var v *value.Value
		switch f.Source {
		case model.SourceVersion:
			if c.Response.Version != nil {
				v = str(c.Response.Version.Value)
			}
		case model.SourceOperation:
			v = str(op.Name)
		case model.SourcePayload:
			v = payload
		case model.SourceMessage:
			v = str(op.Response.Message)
		case model.SourceRequest:
			if f.RequestField != nil {
				v = req.Get(f.RequestField.Name)
			}
		default:
			if f == status && op.Response.Status != nil {
				v = str(op.Response.Status.Value)
			} else {
				v = envelopeValue(f, first(t.Examples))
			}
		}
		if v != nil {
			out.Members = append(out.Members, value.Member{Key: f.Name, Value: v})
		}
	}
	return out
}

// statusField is the response envelope field that carries the status: the
// field holding r's fixed status, else the first state-typed field the
// caller may set.
func statusField(c *model.Contract, r *model.Response) *model.Field {
	for _, f := range c.Response.Type.Fields {
		if f.Type.Kind != model.KindState || f.Source != model.SourceNone {
			continue
		}
		if r == nil || r.Status == nil {
			return f
		}
		for _, sv := range f.Type.State.Values {
			if sv == r.Status {
				return f
			}
		}
	}
	return nil
}

// envelopeValue picks an example value for an envelope field that no source
// fills: const, then default, then the envelope example's value, then a
// generated value, then null or a synthesized value for required fields.
func envelopeValue(f *model.Field, example *value.Value) *value.Value {
	switch {
	case f.Const != nil:
		return f.Const
	case f.Default != nil:
		return f.Default
	}
	if example != nil {
		if v := example.Get(f.Name); v != nil {
			return v
		}
	}
	return newSynth().field(f)
}

// fillSources sets every sourced field of a payload example to what the
// builder puts there, so the example pair agrees with the request.
func fillSources(payload *value.Value, t *model.Type, req *value.Value) *value.Value {
	out := object()
	out.Pos = payload.Pos
	set := map[string]*value.Value{}
	for _, f := range t.Fields {
		var v *value.Value
		if f.Source == model.SourceRequest && f.RequestField != nil {
			v = req.Get(f.RequestField.Name)
		}
		if v != nil {
			set[f.Name] = v
		}
	}
	// Keep the example's key order; append sourced keys it lacks in field order.
	for _, m := range payload.Members {
		if v, ok := set[m.Key]; ok {
			m.Value = v
			delete(set, m.Key)
		}
		out.Members = append(out.Members, m)
	}
	for _, f := range t.Fields {
		if v, ok := set[f.Name]; ok {
			out.Members = append(out.Members, value.Member{Key: f.Name, Value: v})
		}
	}
	return out
}

// maxSynthValues bounds an example synthesized from defaults. An example
// of a type that nests required objects grows with the product of their
// widths (ten required fields of a type with ten required fields, six
// levels deep, is a million values), so past this many values synthesis
// stops and generation asks for an example in the spec instead.
const maxSynthValues = 10000

// synthesizer builds example values from defaults. It stops at a type
// already on its path, which only a recursive type reaches, and counts the
// values it makes against maxSynthValues.
type synthesizer struct {
	onPath map[*model.Type]bool
	made   int
}

// newSynth returns a synthesizer with an empty path and nothing made.
func newSynth() *synthesizer { return &synthesizer{onPath: map[*model.Type]bool{}} }

// over reports whether the synthesizer stopped at maxSynthValues.
func (sy *synthesizer) over() bool { return sy.made > maxSynthValues }

// object builds an example of t from defaults: the type's own first
// example when it has one, else every field that has or needs a value.
func (sy *synthesizer) object(t *model.Type) *value.Value {
	if ex := first(t.Examples); ex != nil && t.Role == model.RoleType {
		return ex
	}
	if sy.onPath[t] || sy.over() {
		return object()
	}
	sy.onPath[t] = true
	defer delete(sy.onPath, t)
	if u := t.Union; u != nil && len(u.Variants) > 0 && u.Variants[0].Type != nil {
		// The first variant, with the discriminator set to select it.
		v := u.Variants[0]
		ex := sy.object(v.Type)
		out := object()
		out.Members = append(out.Members, value.Member{Key: u.Discriminator, Value: str(v.Value)})
		for _, m := range ex.Members {
			if m.Key != u.Discriminator {
				out.Members = append(out.Members, m)
			}
		}
		return out
	}
	out := object()
	for _, f := range t.Fields {
		if f.Source == model.SourceRequest {
			// A placeholder keeps field order; fillSources sets the value.
			out.Members = append(out.Members, value.Member{Key: f.Name, Value: &value.Value{Kind: value.Null}})
			continue
		}
		if f.Source != model.SourceNone {
			continue
		}
		if v := sy.field(f); v != nil {
			out.Members = append(out.Members, value.Member{Key: f.Name, Value: v})
		}
	}
	return out
}

// field is the value an example shows for f, or nil to leave it out.
func (sy *synthesizer) field(f *model.Field) *value.Value {
	sy.made++
	switch {
	case f.Const != nil:
		return f.Const
	case f.Default != nil:
		return f.Default
	case f.Generate != nil:
		switch f.Generate.Kind {
		case model.GenerateUUID:
			return str(f.Generate.Prefix + "00000000-0000-4000-8000-000000000000")
		case model.GenerateNow:
			return str(f.Generate.Prefix + "2026-01-01T00:00:00Z")
		}
		return str(f.Generate.Prefix + strings.Repeat("0", f.Generate.HexDigits))
	case f.Nullable:
		return &value.Value{Kind: value.Null}
	case !f.Required:
		return nil
	}
	return sy.typed(f, f.Type, 0)
}

// typed is an example value of type t for field f (t is f's type or an
// element of it). Scalars differ by nth, the item's index in a list whose
// items must be unique (0 elsewhere), where the field's rules allow.
func (sy *synthesizer) typed(f *model.Field, t *model.TypeRef, nth int) *value.Value {
	switch t.Kind {
	case model.KindString:
		s := "example"
		if sf := pattern.Formats[f.Format]; sf != nil {
			s = pattern.FormatSample(sf.Name, nth)
		}
		if f.MinLength != nil && len(s) < *f.MinLength {
			s += strings.Repeat("x", *f.MinLength-len(s))
		}
		if f.MaxLength != nil && len(s) > *f.MaxLength {
			s = s[:*f.MaxLength]
		}
		return str(patterned(f, distinct(f, s, nth), nth))
	case model.KindState:
		return str(t.State.Values[nth%len(t.State.Values)].Value)
	case model.KindInteger, model.KindNumber:
		n := "0"
		if f.Minimum != nil && f.Minimum.Float() > 0 {
			n = f.Minimum.Num
		} else if f.Maximum != nil && f.Maximum.Float() < 0 {
			n = f.Maximum.Num
		}
		// A strict bound: one whole step inside it.
		if b := f.ExclusiveMinimum; b != nil && b.Float() >= 0 {
			n = strconv.FormatInt(int64(math.Floor(b.Float()))+1, 10)
		} else if b := f.ExclusiveMaximum; b != nil && b.Float() <= 0 {
			n = strconv.FormatInt(int64(math.Ceil(b.Float()))-1, 10)
		}
		return &value.Value{Kind: value.Int, Num: offset(f, t, n, nth)}
	case model.KindBoolean:
		return &value.Value{Kind: value.Bool, Bool: nth%2 == 1}
	case model.KindList:
		l := &value.Value{Kind: value.List, Items: []*value.Value{}}
		for i := 0; i < fewest(f, t) && !sy.over(); i++ {
			sy.made++
			nth := 0
			if f.UniqueItems {
				nth = i
			}
			l.Items = append(l.Items, sy.typed(f, t.Elem, nth))
		}
		return l
	case model.KindMap:
		m := object()
		for i := 0; i < fewest(f, t) && !sy.over(); i++ {
			sy.made++
			m.Members = append(m.Members, value.Member{Key: mapKey(f, i), Value: sy.typed(f, t.Elem, 0)})
		}
		return m
	case model.KindObject:
		return sy.object(t.Object)
	}
	return object()
}

// patterned is s when f has no pattern or s matches it, else a string the
// pattern yields within f's lengths (s when there is none, which the
// example's check then reports). A format's sample is kept as it is.
func patterned(f *model.Field, s string, nth int) string {
	if f.Pattern == "" || f.Format != "" || (nth == 0 && matches(f.Pattern, s)) {
		return s
	}
	lo, hi := 0, -1
	if f.MinLength != nil {
		lo = *f.MinLength
	}
	if f.NonEmpty {
		lo = max(lo, 1)
	}
	if f.MaxLength != nil {
		hi = *f.MaxLength
	}
	if p, ok := pattern.SampleNth(f.Pattern, lo, hi, nth); ok {
		return p
	}
	return s
}

// fewest is how many items or entries container t of field f must hold:
// its min_items, at least one when non_empty; none for containers inside
// it, which those rules do not reach.
func fewest(f *model.Field, t *model.TypeRef) int {
	if t != f.Type {
		return 0
	}
	n := 0
	if f.MinItems != nil {
		n = *f.MinItems
	}
	if f.NonEmpty {
		n = max(n, 1)
	}
	return n
}

// mapKey is the key of the nth entry of an example map of field f: key,
// key1, key2..., or the key pattern's nth sample when it refuses those.
func mapKey(f *model.Field, nth int) string {
	key := "key"
	if nth > 0 {
		key += strconv.Itoa(nth)
	}
	if f.KeyPattern != "" && !matches(f.KeyPattern, key) {
		if k, ok := pattern.SampleNth(f.KeyPattern, 0, -1, nth); ok {
			key = k
		}
	}
	return key
}

// distinct is s with nth appended when nth > 0, within the field's
// max_length, so that the items of a unique list differ.
func distinct(f *model.Field, s string, nth int) string {
	if nth == 0 || f.Format != "" {
		return s
	}
	suffix := strconv.Itoa(nth)
	if f.MaxLength != nil && len(s)+len(suffix) > *f.MaxLength {
		s = s[:max(0, *f.MaxLength-len(suffix))]
	}
	return s + suffix
}

// offset is the number n moved nth steps, up when the field's maximum
// allows and down otherwise, so that the items of a unique list differ.
func offset(f *model.Field, t *model.TypeRef, n string, nth int) string {
	if nth == 0 {
		return n
	}
	v, err := strconv.ParseFloat(n, 64)
	if err != nil {
		return n
	}
	if up := v + float64(nth); (f.Maximum == nil || up <= f.Maximum.Float()) && (f.ExclusiveMaximum == nil || up < f.ExclusiveMaximum.Float()) {
		v = up
	} else {
		v -= float64(nth)
	}
	if t.Kind == model.KindInteger {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// matches reports whether s holds a match of the portable pattern p.
func matches(p, s string) bool {
	re, err := pattern.Compile(p)
	return err == nil && re.MatchString(s)
}

func str(s string) *value.Value { return &value.Value{Kind: value.String, Str: s} }

func object() *value.Value { return &value.Value{Kind: value.Object} }

// jsonText renders a literal as JSON for people to read, keys in spec
// order. Compact form (indent false) separates items with ", " so that table
// cells can wrap; indented form uses two spaces and keeps a list of scalars
// on one line when it fits in 80 columns. Unlike encoding/json, <, > and &
// are left as they are, since the text is never embedded in HTML.
func jsonText(v *value.Value, indent bool) string {
	var b strings.Builder
	writeJSON(&b, v, indent, "", 0)
	return b.String()
}

// writeJSON writes v; pad is the current indentation and col the column v
// starts at.
func writeJSON(b *strings.Builder, v *value.Value, indent bool, pad string, col int) {
	inner, nl := pad+"  ", "\n"
	if !indent {
		inner, nl = "", ""
	}
	sep := ","
	if !indent {
		sep = ", "
	}
	switch v.Kind {
	case value.Null:
		b.WriteString("null")
	case value.Bool:
		b.WriteString(strconv.FormatBool(v.Bool))
	case value.Int, value.Number:
		b.WriteString(v.Num)
	case value.String:
		b.WriteString(quoteJSON(v.Str))
	case value.List:
		if len(v.Items) == 0 {
			b.WriteString("[]")
			return
		}
		if indent && scalars(v.Items) {
			if one := jsonText(v, false); col+len(one)+1 <= 80 {
				b.WriteString(one)
				return
			}
		}
		b.WriteString("[")
		for i, it := range v.Items {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(nl + inner)
			writeJSON(b, it, indent, inner, len(inner))
		}
		b.WriteString(nl + pad + "]")
	case value.Object:
		if len(v.Members) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{")
		for i, m := range v.Members {
			if i > 0 {
				b.WriteString(sep)
			}
			key := quoteJSON(m.Key) + ": "
			b.WriteString(nl + inner + key)
			writeJSON(b, m.Value, indent, inner, len(inner)+len(key))
		}
		b.WriteString(nl + pad + "}")
	}
}

func scalars(vs []*value.Value) bool {
	for _, v := range vs {
		if v.Kind == value.List || v.Kind == value.Object {
			return false
		}
	}
	return true
}

func quoteJSON(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}
