package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// Example messages: the spec's own examples wrapped in the envelopes the way
// the generated builders fill them, or values synthesized from defaults when
// the spec gives none. Every example is checked with model.CheckObject before
// it is printed; an invalid one fails generation.

// examples builds and checks the example request and response of op.
func examples(c *model.Contract, op *model.Operation) (req, resp *value.Value, err error) {
	payload, fromSpec, err := payloadExample(c.Forbidden, op, op.Request, "request")
	if err != nil {
		return nil, nil, err
	}
	req = requestEnvelope(c, op, payload)
	if err := check(c.Forbidden, req, c.Request.Type, payload, op.Request, "request", fromSpec); err != nil {
		return nil, nil, fmt.Errorf("operation %q: %w", op.Name, err)
	}

	rt := op.Response.Payload
	rp, fromSpec, err := payloadExample(c.Forbidden, op, rt, "response")
	if err != nil {
		return nil, nil, err
	}
	rp = fillSources(rp, rt, req)
	resp = responseEnvelope(c, op, req, rp)
	if err := check(c.Forbidden, resp, c.Response.Type, rp, rt, "response", fromSpec); err != nil {
		return nil, nil, fmt.Errorf("operation %q: %w", op.Name, err)
	}
	return req, resp, nil
}

// payloadExample is the spec's first example of payload type t of op
// (fromSpec), else one synthesized from defaults; an error when synthesis
// gives up.
func payloadExample(fb *model.Forbidden, op *model.Operation, t *model.Type, what string) (v *value.Value, fromSpec bool, err error) {
	if v := first(t.Examples); v != nil {
		return v, true, nil
	}
	sy := newSynth(fb)
	if v = sy.object(t); sy.over() {
		return nil, false, fmt.Errorf("operation %q: an example %s synthesized from defaults would hold more than %d values, since its types nest required objects widely; add an example to the spec", op.Name, what, maxSynthValues)
	}
	return v, false, nil
}

// check validates an example message and its payload against the
// contract, the forbidden-material rules of its direction included.
func check(fb *model.Forbidden, msg *value.Value, env *model.Type, payload *value.Value, pt *model.Type, what string, fromSpec bool) error {
	problems := model.CheckObject(msg, env, "")
	if payload != nil && pt != nil {
		problems = append(problems, model.CheckObject(payload, pt, "payload")...)
		dir := model.DirRequest
		if what == "response" {
			dir = model.DirResponse
		}
		if p := fb.FindForbidden(payload, pt, dir, "payload"); p != nil {
			problems = append(problems, *p)
		}
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
	return newSynth(nil).field(f)
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

// maxPad is the deepest indentation writeJSON gives: levels below the 32nd
// stay at that column, so that an example of a chain of nested types
// thousands deep grows with its depth rather than with its square.
const maxPad = 64

// writeJSON writes v; pad is the current indentation and col the column v
// starts at.
func writeJSON(b *strings.Builder, v *value.Value, indent bool, pad string, col int) {
	inner, nl := pad+"  ", "\n"
	if len(pad) >= maxPad {
		inner = pad
	}
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
	if plainJSON(s) {
		return `"` + s + `"`
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}

// plainJSON reports whether encoding/json writes s between quotes as it is:
// printable ASCII without a quote or backslash (HTML characters stay, as
// quoteJSON turns their escaping off).
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
