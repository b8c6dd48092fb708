package model

import (
	"strings"

	"github.com/contractgen/contractgen/internal/value"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/names"
)

// builder resolves names while the model is assembled.
type builder struct {
	states   map[string]*StateSet
	types    map[string]*Type
	lists    map[string]*List
	versions map[string]*Version
	c        *Contract
	n        *names.Namer
}

// SpecNamer is the namer of a spec: Go's initialisms plus the contract's.
// Validation and the model use it alike, so they agree on every Go name.
func SpecNamer(s *load.Spec) *names.Namer {
	var extra []string
	if s.Contract != nil {
		for _, i := range s.Contract.Initialisms {
			extra = append(extra, i.V)
		}
	}
	return names.NewNamer(extra)
}

// TypeGoName is a type's Go name: its go_name, else derived from its name.
func TypeGoName(n *names.Namer, t *load.Type) string {
	if t.GoName.V != "" {
		return t.GoName.V
	}
	return n.Exported(t.Name.V)
}

// Build turns a spec into the model. Validation builds it even when the spec
// has errors, to check literals against every field it can: an undefined
// type reads as a free-form value, other unresolved names become nil.
func Build(s *load.Spec) *Contract {
	b := &builder{states: map[string]*StateSet{}, types: map[string]*Type{},
		lists: map[string]*List{}, versions: map[string]*Version{}, n: SpecNamer(s)}
	c := &Contract{
		Name: s.Contract.Name.V, Title: s.Contract.Title.V, Description: s.Contract.Description.V,
		Package: s.Contract.Package.V, SchemaBaseURI: s.Contract.SchemaBaseURI.V, SourceFile: s.File,
		Pos: s.Contract.Pos, PackagePos: s.Contract.Package.Pos, SchemaBaseURIPos: s.Contract.SchemaBaseURI.Pos,
	}
	for _, i := range s.Contract.Initialisms {
		c.Initialisms = append(c.Initialisms, i.V)
	}
	b.c = c
	for _, v := range s.Versions {
		ver := &Version{Pos: v.Name.Pos, Name: v.Name.V, GoName: "Version" + b.n.Exported(v.Name.V), Value: v.Value.V, Description: v.Description.V}
		b.versions[ver.Name] = ver
		c.Versions = append(c.Versions, ver)
	}
	b.buildStates(s)
	for _, l := range s.Lists {
		nl := &List{Pos: l.Name.Pos, Name: l.Name.V, GoName: b.n.Exported(l.Name.V) + "List", Description: l.Description.V, Values: l.Values}
		b.lists[nl.Name] = nl
		c.Lists = append(c.Lists, nl)
	}
	c.Forbidden = buildForbidden(s.Forbidden)
	for _, t := range s.Types {
		mt := &Type{Pos: t.Name.Pos, Name: t.Name.V, GoName: TypeGoName(b.n, t), Description: t.Description.V, Role: RoleType, Examples: t.Examples,
			Open: t.Open != nil && t.Open.V}
		b.types[mt.Name] = mt
		c.Types = append(c.Types, mt)
	}
	for i, t := range s.Types {
		c.Types[i].Fields = b.fields(t.Fields, nil)
		if len(t.OneOf) > 0 {
			u := &Union{Discriminator: t.Discriminator.V}
			for _, v := range t.OneOf {
				u.Variants = append(u.Variants, &Variant{Pos: v.Value.Pos, Value: v.Value.V, GoName: VariantGoName(b.n, v.Value.V), Type: b.types[v.Type.V]})
			}
			c.Types[i].Union = u
		}
	}
	c.Request = b.envelope(s.Envelopes.Request, "Request", nil)
	c.Response = b.envelope(s.Envelopes.Response, "Response", c.Request.Type)
	shared := map[string]*Response{}
	for _, r := range s.Responses {
		g := b.n.Exported(r.Name.V)
		desc := r.Description.V
		if desc == "" {
			desc = "Payload of the shared " + r.Name.V + " response."
		}
		mr := b.response(r, r.Name.V+"_payload", desc)
		mr.Name, mr.Pos, mr.GoName, mr.Payload.GoName = r.Name.V, r.Name.Pos, g, g+"Payload"
		shared[mr.Name] = mr
		c.Responses = append(c.Responses, mr)
	}
	for _, op := range s.Operations {
		o := b.operation(op)
		if r := shared[op.Uses.V]; op.Uses.Set() && r != nil {
			o.Response = r
			r.Operations = append(r.Operations, o)
		}
		c.Operations = append(c.Operations, o)
	}
	if d := s.Describe; d != nil {
		key := d.OperationsKey.V
		if key == "" {
			key = "operations"
		}
		c.Describe = &Describe{Version: b.versions[d.Version.V], Fields: d.Fields, OperationsKey: key}
	}
	return c
}

func (b *builder) buildStates(s *load.Spec) {
	for _, st := range s.States {
		ms := &StateSet{Pos: st.Name.Pos, Name: st.Name.V, GoName: b.n.Exported(st.Name.V), Description: st.Description.V}
		for _, v := range st.Values {
			ms.Values = append(ms.Values, &StateValue{Pos: v.Value.Pos, Value: v.Value.V, GoName: ms.GoName + StateValueGoName(b.n, v), Description: v.Description.V})
		}
		b.states[ms.Name] = ms
		b.c.States = append(b.c.States, ms)
	}
}

// stateValue finds the value named v of the state set used by the envelope's
// status-like field: the first state-typed field with that value.
func (b *builder) stateValue(t *Type, v string) *StateValue {
	for _, f := range t.Fields {
		if f.Type.Kind != KindState {
			continue
		}
		for _, sv := range f.Type.State.Values {
			if sv.Value == v {
				return sv
			}
		}
	}
	return nil
}

func (b *builder) envelope(e *load.Envelope, goName string, req *Type) *Envelope {
	t := b.objectType(goName, e.Description.V, RoleEnvelope, e.Fields, req)
	t.Examples = e.Examples
	return &Envelope{Type: t, Version: b.versions[e.Version.V]}
}

// DefaultMismatch is the error text of a response builder given a request
// of another operation, when the spec sets none: "an" before a name that
// starts with a vowel letter (evidence_export), "a" otherwise.
func DefaultMismatch(op string) string {
	return op + " response requires " + Article(op) + " " + op + " request"
}

// Article is the indefinite article before a name in generated text: "an"
// before a vowel letter, "a" otherwise.
func Article(name string) string {
	if name != "" && strings.ContainsRune("aeiouAEIOU", rune(name[0])) {
		return "an"
	}
	return "a"
}

// MismatchRule is the rule name of a response's message for a request of
// another operation (messages: {mismatch: ...}).
const MismatchRule = "mismatch"

func (b *builder) operation(op *load.Operation) *Operation {
	g := b.n.Exported(op.Name.V)
	o := &Operation{Pos: op.Name.Pos, Name: op.Name.V, GoName: g, Description: op.Description.V,
		RequestDescription: op.RequestDescription.V, ResponseDescription: op.ResponseDescription.V}
	o.Request = b.objectType(op.Name.V+"_request_payload", "Request payload of "+op.Name.V+".", RoleRequestPayload, op.Request, nil)
	o.Request.GoName = o.RequestPayloadGoName()
	o.Request.Examples = op.RequestExamples
	b.errors(o, op)
	if op.Uses.Set() {
		return o // the shared response is attached by Build
	}
	r := op.Response
	if r == nil {
		r = &load.Response{}
	}
	o.Response = b.response(r, op.Name.V+"_response_payload", "Response payload of "+op.Name.V+".")
	o.Response.Payload.GoName = g + "ResponsePayload"
	if o.Response.Mismatch == "" {
		o.Response.Mismatch = DefaultMismatch(op.Name.V)
	}
	for _, e := range o.Errors {
		e.Mismatch = o.Response.Mismatch
	}
	return o
}

// errors builds an operation's error responses.
func (b *builder) errors(o *Operation, op *load.Operation) {
	for _, e := range op.Errors {
		eg := o.GoName + b.n.Exported(e.Name.V)
		desc := e.Description.V
		if desc == "" {
			desc = "Payload of the " + e.Name.V + " error of " + op.Name.V + "."
		}
		me := b.response(e, op.Name.V+"_"+e.Name.V+"_payload", desc)
		me.Name, me.Pos, me.GoName, me.Error = e.Name.V, e.Name.Pos, eg, true
		me.Mismatch = DefaultMismatch(op.Name.V)
		me.Payload.GoName = eg + "Payload"
		me.Operations = []*Operation{o}
		o.Errors = append(o.Errors, me)
	}
}

// response builds a response of either kind; the caller names it.
func (b *builder) response(r *load.Response, payload, desc string) *Response {
	mr := &Response{Description: r.Description.V, Message: r.Message.V}
	for _, m := range r.Messages {
		if m.Rule.V == MismatchRule {
			mr.Mismatch = m.Text.V
		}
	}
	mr.Payload = b.objectType(payload, desc, RoleResponsePayload, r.Payload, b.c.Request.Type)
	mr.Payload.Examples = r.Examples
	if r.Status.Set() {
		mr.Status = b.stateValue(b.c.Response.Type, r.Status.V)
	}
	return mr
}

func (b *builder) objectType(name, desc string, role Role, fs []*load.Field, req *Type) *Type {
	return &Type{Name: name, GoName: b.n.Exported(name), Description: desc, Role: role, Fields: b.fields(fs, req)}
}

func (b *builder) fields(fs []*load.Field, req *Type) []*Field {
	out := make([]*Field, 0, len(fs))
	for _, f := range fs {
		out = append(out, b.field(f, req))
	}
	return out
}

func (b *builder) field(f *load.Field, req *Type) *Field {
	mf := &Field{Pos: f.Name.Pos, PatternPos: f.Pattern.Pos, Name: f.Name.V, GoName: FieldGoName(b.n, f), Description: f.Description.V,
		Default: f.Default, Const: f.Const, Minimum: f.Minimum, Maximum: f.Maximum,
		ExclusiveMinimum: f.ExclusiveMinimum, ExclusiveMaximum: f.ExclusiveMaximum,
		Pattern: f.Pattern.V, Format: f.Format.V, Messages: map[Rule]string{}}
	te, _ := load.ParseType(f.Type.V)
	mf.Type = b.typeRef(te)
	mf.Nullable = flag(f.Nullable)
	mf.Trim = flag(f.Trim)
	mf.NonEmpty = flag(f.NonEmpty)
	mf.MinLength, mf.MaxLength, mf.MinItems, mf.MaxItems = intp(f.MinLength), intp(f.MaxLength), intp(f.MinItems), intp(f.MaxItems)
	mf.UniqueItems, mf.KeyPattern = flag(f.UniqueItems), f.KeyPattern.V
	if f.DefaultList.Set() {
		mf.DefaultList = b.lists[f.DefaultList.V]
		if mf.DefaultList != nil && mf.Type.Kind == KindList {
			mf.Default = mf.DefaultList.Values
		}
	}
	if f.Generate != nil {
		mf.Generate = &Generate{Kind: f.Generate.Kind.V, Prefix: f.Generate.Prefix.V, HexDigits: f.Generate.HexDigits.V}
		if mf.Generate.Kind == "" {
			mf.Generate.Kind = GenerateHex
		}
	}
	src := f.Source.V
	if rest, ok := strings.CutPrefix(src, "request."); ok {
		mf.Source = SourceRequest
		if req != nil {
			mf.RequestField = FieldByName(req, rest)
		}
	} else {
		mf.Source = Source(src)
	}
	for _, m := range f.Messages {
		mf.Messages[Rule(m.Rule.V)] = m.Text.V
	}
	mf.Required = DefaultRequired(f)
	mf.Sensitive = f.Sensitive != nil && f.Sensitive.V
	mf.Optional = flag(f.Optional)
	mf.Deprecated = f.Deprecated.V
	if mf.Optional {
		mf.Required = false
	}
	if !mf.Required && !mf.Optional && mf.Default == nil && mf.Const == nil && mf.Generate == nil && mf.Source == SourceNone && !mf.Nullable {
		mf.Default = ZeroValue(mf.Type)
	}
	return mf
}

// ZeroValue is the implicit default of an optional field without one: the
// empty value of its type. State sets and objects have none (validation
// asks for an explicit default there).
func ZeroValue(t *TypeRef) *value.Value {
	switch t.Kind {
	case KindString:
		return &value.Value{Kind: value.String}
	case KindInteger:
		return &value.Value{Kind: value.Int, Num: "0"}
	case KindNumber:
		return &value.Value{Kind: value.Number, Num: "0"}
	case KindBoolean:
		return &value.Value{Kind: value.Bool}
	case KindList:
		return &value.Value{Kind: value.List, Items: []*value.Value{}}
	case KindMap:
		return &value.Value{Kind: value.Object, Members: []value.Member{}}
	case KindAny:
		return &value.Value{Kind: value.Null}
	}
	return nil
}

// DefaultRequired applies the rule that a field without any way to obtain a
// value must be given: required unless it has a default, a default list, a
// const, a generator, a source, or may be null. An explicit setting wins.
func DefaultRequired(f *load.Field) bool {
	if f.Required != nil {
		return f.Required.V
	}
	return f.Default == nil && !f.DefaultList.Set() && f.Const == nil && f.Generate == nil &&
		!f.Source.Set() && !flag(f.Nullable) && !flag(f.Optional)
}

// FieldByName returns the field of t with JSON key name, or nil.
func FieldByName(t *Type, name string) *Field {
	for _, f := range t.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

func (b *builder) typeRef(te *TypeExpr) *TypeRef {
	if te == nil {
		return &TypeRef{Kind: KindAny}
	}
	switch te.Container {
	case "list":
		return &TypeRef{Kind: KindList, Elem: b.typeRef(te.Elem)}
	case "map":
		return &TypeRef{Kind: KindMap, Elem: b.typeRef(te.Elem)}
	}
	switch te.Name {
	case "string", "integer", "number", "boolean", "json":
		return &TypeRef{Kind: Kind(te.Name)}
	}
	if st, ok := b.states[te.Name]; ok {
		return &TypeRef{Kind: KindState, State: st}
	}
	if t := b.types[te.Name]; t != nil {
		return &TypeRef{Kind: KindObject, Object: t}
	}
	// An undefined name (reported by validation) reads as a free-form value,
	// so literals can still be checked against the rest of the field.
	return &TypeRef{Kind: KindAny}
}

// TypeExpr is load's parsed type text.
type TypeExpr = load.TypeExpr

func flag(b *load.Bool) bool { return b != nil && b.V }

func intp(i *load.Int) *int {
	if i == nil {
		return nil
	}
	v := i.V
	return &v
}

// methodNames are methods of generated structs (String, Format and LogValue
// are those of types with sensitive members); a field of the same name
// would not compile, so such fields get a Field suffix.
var methodNames = map[string]bool{"Validate": true, "MarshalJSON": true, "AppendJSON": true, "Header": true,
	"String": true, "Format": true, "LogValue": true}

// IsMethodName reports whether g is the name of a method a generated struct
// may have, which no field of it can take.
func IsMethodName(g string) bool { return methodNames[g] }

// FieldGoName is the exported Go name of a struct field: its go_name, else
// derived from its name, with a Field suffix where it would clash with a
// method of the generated struct.
func FieldGoName(n *names.Namer, f *load.Field) string {
	if f.GoName.V != "" {
		return f.GoName.V
	}
	g := n.Exported(f.Name.V)
	if methodNames[g] {
		g += "Field"
	}
	return g
}

// VariantGoName is the Go field of a union holding the variant selected by
// discriminator value v.
func VariantGoName(n *names.Namer, v string) string {
	g := n.Exported(v)
	if methodNames[g] || g == "Which" {
		g += "Variant" // a method of the union struct has the name
	}
	return g
}

// StateValueGoName is the suffix of a state value's Go constant after the
// state set's name: its go_name, else derived from the value.
func StateValueGoName(n *names.Namer, v *load.StateValue) string {
	if v.GoName.V != "" {
		return v.GoName.V
	}
	return n.Exported(v.Value.V)
}
