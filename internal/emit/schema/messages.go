package schema

import (
	"fmt"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

func (g *gen) opNames() []string {
	out := make([]string, len(g.c.Operations))
	for i, op := range g.c.Operations {
		out[i] = op.Name
	}
	return out
}

// requestField is the schema of a request envelope field, in a request of
// op (nil: of any operation).
func (fb *file) requestField(f *model.Field, w where, payload *jsonschema.Schema) *jsonschema.Schema {
	g := fb.g
	switch f.Source {
	case model.SourceVersion:
		if v := g.c.Request.Version; v != nil {
			return fb.fixedString(v.Value, "request version", w)
		}
	case model.SourceOperation:
		if fb.op != nil {
			return fb.fixedString(fb.op.Name, "operation name", w)
		}
		return fb.oneOfStrings(g.opNames(), "operation name", w)
	case model.SourcePayload:
		return payload
	}
	return nil
}

// copied is the schema of a response field that copies a request envelope
// field: a value of the request field's type and nullability. The request
// field's value constraints (non_empty, lengths, pattern, format, bounds,
// min_items) are not repeated: the generated Go decoders check them on the
// request only, and a response must be judged the same by both.
func (fb *file) copied(f *model.Field, w where) *jsonschema.Schema {
	rf := f.RequestField
	if rf == nil {
		return &jsonschema.Schema{}
	}
	if s := fb.requestField(rf, w, nil); s != nil {
		return s
	}
	if rf.Source == model.SourcePayload {
		return fb.freeForm(w.free())
	}
	bare := *rf
	bare.NonEmpty, bare.Trim = false, false
	bare.MinLength, bare.MaxLength, bare.MinItems, bare.MaxItems = nil, nil, nil, nil
	bare.Minimum, bare.Maximum, bare.ExclusiveMinimum, bare.ExclusiveMaximum = nil, nil, nil, nil
	bare.Pattern, bare.Format = "", ""
	s := fb.field(&bare, w)
	s.Default = nil
	s.Description = ""
	return s
}

// anyPayload is the payload of an envelope file: any object.
func (fb *file) anyPayload() *jsonschema.Schema {
	s := fb.freeForm(atPayload.free())
	s.Type = "object"
	return s
}

// requestRoot builds the request envelope with its payload.
func (fb *file) requestRoot(payload *jsonschema.Schema) *jsonschema.Schema {
	return fb.object(fb.g.c.Request.Type, atEnvelope, func(f *model.Field, w where) *jsonschema.Schema {
		return fb.requestField(f, w, payload)
	})
}

// responseRoot builds the response envelope with its message (any string
// unless fixed; a response's message is fixed even when empty, as its Go
// decoder checks it), a fixed status (nil: any), and its payload.
func (fb *file) responseRoot(message string, fixed bool, status *model.StateValue, payload *jsonschema.Schema) *jsonschema.Schema {
	g := fb.g
	statusField := stateField(g.c.Response.Type, status)
	if statusField != nil && (statusField.Default == nil || statusField.Default.Str != status.Value) {
		// The default cannot stand in for the fixed status: it must be sent.
		fb.forced[statusField] = true
	}
	return fb.object(g.c.Response.Type, atEnvelope, func(f *model.Field, w where) *jsonschema.Schema {
		switch f.Source {
		case model.SourceVersion:
			if v := g.c.Response.Version; v != nil {
				return fb.fixedString(v.Value, "response version", w)
			}
		case model.SourceMessage:
			if fixed {
				return fb.fixedString(message, "response message", w)
			}
			return &jsonschema.Schema{Type: "string"}
		case model.SourcePayload:
			return payload
		case model.SourceRequest:
			return fb.copied(f, w)
		}
		if f == statusField {
			return fb.fixedString(status.Value, "response status", w)
		}
		return nil
	})
}

// stateField finds the response envelope field that carries a response's
// fixed status, as the model does: the first state-typed field whose state
// set holds the value.
func stateField(t *model.Type, v *model.StateValue) *model.Field {
	if v == nil {
		return nil
	}
	for _, f := range t.Fields {
		if f.Type.Kind != model.KindState {
			continue
		}
		for _, sv := range f.Type.State.Values {
			if sv == v {
				return f
			}
		}
	}
	return nil
}

// payloadDef defines a payload type with its sourced fields fixed.
func (fb *file) payloadDef(t *model.Type, desc string, ov override) *jsonschema.Schema {
	s := fb.object(t, atPayload, ov)
	s.Title = t.Name
	s.Description = desc
	s.Examples = examples(t)
	fb.defs[t.GoName] = s
	return &jsonschema.Schema{Ref: defRef(t.GoName)}
}

// copiesOperation reports whether a payload copies the request's operation
// name, which fixes it per operation: such a payload cannot be shared.
func copiesOperation(t *model.Type) bool {
	for _, f := range t.Fields {
		if f.Source == model.SourceRequest && f.RequestField != nil && f.RequestField.Source == model.SourceOperation {
			return true
		}
	}
	return false
}

// sharedPayload defines a payload type among the shared definitions.
func (fb *file) sharedPayload(t *model.Type, desc string, ov override) *jsonschema.Schema {
	if _, ok := fb.g.shared[t.GoName]; !ok {
		s := fb.object(t, atPayload, ov)
		s.Title = t.Name
		s.Description = desc
		s.Examples = examples(t)
		fb.g.shared[t.GoName] = s
	}
	return &jsonschema.Schema{Ref: fb.helperRef(t.GoName)}
}

func withDetail(base, detail string) string {
	if detail == "" {
		return base
	}
	return fmt.Sprintf("%s: %s.", trimDot(base), detail)
}

func trimDot(s string) string {
	if n := len(s); n > 0 && s[n-1] == '.' {
		return s[:n-1]
	}
	return s
}

func (g *gen) requestFile(name string, op *model.Operation) *jsonschema.Schema {
	fb := g.newFile(true, false)
	fb.op = op
	payload := fb.payloadDef(op.Request, withDetail(op.Request.Description, op.RequestDescription), nil)
	root := fb.requestRoot(payload)
	return fb.top(name, op.Name+" request", "A request of operation "+op.Name+". "+op.Description, root)
}

// responseFile builds the response of op, or with op nil, the schema of a
// shared response r on its own: it may answer any operation.
func (g *gen) responseFile(name string, op *model.Operation, r *model.Response) *jsonschema.Schema {
	fb := g.newFile(false, true)
	fb.op = op
	desc := r.Payload.Description
	if op != nil && !r.Error && !(r.Shared() && !g.bundle) {
		desc = withDetail(desc, op.ResponseDescription)
	}
	copied := func(f *model.Field, w where) *jsonschema.Schema {
		if f.Source == model.SourceRequest {
			return fb.copied(f, w)
		}
		return nil
	}
	var payload *jsonschema.Schema
	if r.Shared() && !g.bundle && !copiesOperation(r.Payload) {
		// A shared response's payload is the same for every operation it
		// answers: defined once, so that one type stands for it.
		payload = fb.sharedPayload(r.Payload, desc, copied)
	} else {
		payload = fb.payloadDef(r.Payload, desc, copied)
	}
	root := fb.responseRoot(r.Message, true, r.Status, payload)
	switch {
	case r.Error:
		return fb.top(name, op.Name+" "+r.Name+" error", joinText("The "+r.Name+" error response of operation "+op.Name+".", r.Description, r.Message), root)
	case op == nil:
		return fb.top(name, r.Name+" response", joinText("The shared "+r.Name+" response; it may answer any operation.", r.Description, r.Message), root)
	case r.Shared():
		return fb.top(name, op.Name+" response", joinText("The response of operation "+op.Name+", which is always the shared "+r.Name+" response.", op.Description), root)
	}
	return fb.top(name, op.Name+" response", joinText("The response of operation "+op.Name+".", op.Description), root)
}

// joinText joins the non-empty texts with spaces.
func joinText(texts ...string) string {
	var out []string
	for _, t := range texts {
		if t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

func (g *gen) envelopeFile(name string, request bool) *jsonschema.Schema {
	if request {
		fb := g.newFile(true, false)
		root := fb.requestRoot(fb.anyPayload())
		return fb.top(name, "request envelope", g.c.Request.Type.Description+" The payload is any object here; each operation's request schema fixes it.", root)
	}
	fb := g.newFile(false, true)
	root := fb.responseRoot("", false, nil, fb.anyPayload())
	return fb.top(name, "response envelope", g.c.Response.Type.Description+" The payload is any object here; each operation's response schema fixes it.", root)
}

// typeFile builds the schema of one object type, as its generated Go
// decoder checks it: a type on its own is no message, so the forbidden
// material rules apply to it only when forbidden.on lists types; the
// messages that carry the type apply them too.
func (g *gen) typeFile(name string, t *model.Type) *jsonschema.Schema {
	fb := g.newFile(false, false)
	fb.setRules(func(o model.On) bool { return o.Types })
	if !g.bundle {
		ref := fb.ref(t, atPayload)
		g.typeRefs[name] = ref
		root := &jsonschema.Schema{Ref: ref, Examples: examples(t)}
		return fb.top(name, t.Name, t.Description, root)
	}
	fb.root, fb.rootW = t, atPayload
	root := fb.object(t, atPayload, nil)
	root.Examples = examples(t)
	return fb.top(name, t.Name, t.Description, root)
}

// examples are the spec's examples of t as documents on the wire: consts,
// defaults and nulls filled in (model.Complete). An example that lacks a
// member only a builder fills (a value copied from the request, a drawn
// identifier) is no valid document of t on its own and is left out.
func examples(t *model.Type) []any {
	var out []any
	for _, v := range t.Examples {
		doc := model.Complete(v, t)
		if len(model.CheckObject(doc, t, "")) == 0 && !lacksRequired(doc, t) && !holdsRef(doc) {
			out = append(out, raw(doc))
		}
	}
	return out
}

// holdsRef reports whether v holds, at any depth, an object with a "$ref"
// member whose value is a string. Such a value is data, but tools that
// resolve every "$ref" of a schema document wherever it stands (the
// json-schema-ref-parser under json-schema-to-typescript and many OpenAPI
// tools) would take it for a reference and fail to load it; so an example
// or a default that holds one is left out of the schema (it stays in the
// docs).
func holdsRef(v *value.Value) bool {
	for _, it := range v.Items {
		if holdsRef(it) {
			return true
		}
	}
	for _, m := range v.Members {
		if m.Key == "$ref" && m.Value.Kind == value.String || holdsRef(m.Value) {
			return true
		}
	}
	return false
}

// lacksRequired reports whether doc lacks a member the wire requires.
func lacksRequired(doc *value.Value, t *model.Type) bool {
	if t.Union != nil || doc.Kind != value.Object {
		return false
	}
	for _, f := range t.Fields {
		if f.WireRequired() && doc.Get(f.Name) == nil {
			return true
		}
	}
	return false
}
