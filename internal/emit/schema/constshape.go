package schema

import (
	"github.com/invopop/jsonschema"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// holdsObject reports whether values of t hold objects, at any depth of
// lists and maps.
func holdsObject(t *model.TypeRef) bool {
	for ; t != nil; t = t.Elem {
		if t.Kind == model.KindObject {
			return true
		}
	}
	return false
}

// constShape is the schema of the one value v, of type t, that a const
// holding objects allows, as the Go decoder checks it: it fills the
// members of an object that a default, a const or null stands for before
// it compares, so such a member may be absent where the const holds the
// value its absence stands for; anything else must be as the const has
// it. Lists and maps hold exactly the const's items and entries.
func constShape(v *value.Value, t *model.TypeRef) *jsonschema.Schema {
	switch {
	case t.Kind == model.KindList && v.Kind == value.List:
		s := &jsonschema.Schema{Type: "array", MinItems: uintp(len(v.Items)), MaxItems: uintp(len(v.Items))}
		for _, it := range v.Items {
			s.PrefixItems = append(s.PrefixItems, constShape(it, t.Elem))
		}
		return s
	case t.Kind == model.KindMap && v.Kind == value.Object:
		s := &jsonschema.Schema{Type: "object", Properties: jsonschema.NewProperties(), AdditionalProperties: jsonschema.FalseSchema}
		for _, m := range v.Members {
			s.Properties.Set(m.Key, constShape(m.Value, t.Elem))
			s.Required = append(s.Required, m.Key)
		}
		return s
	case t.Kind == model.KindObject && t.Object != nil && v.Kind == value.Object:
		return objectShape(v, t.Object)
	}
	return &jsonschema.Schema{Const: raw(v)}
}

// objectShape is constShape for an object of type ot (a union: of the
// variant v selects).
func objectShape(v *value.Value, ot *model.Type) *jsonschema.Schema {
	if u := ot.Union; u != nil {
		if vr, _ := u.Select(v, ""); vr.Object() != nil {
			return objectShape(v, vr.Object())
		}
		return &jsonschema.Schema{Const: raw(v)}
	}
	whole := model.Complete(v, ot)
	s := &jsonschema.Schema{Type: "object", Properties: jsonschema.NewProperties()}
	if !ot.Open {
		s.AdditionalProperties = jsonschema.FalseSchema
	}
	for _, f := range ot.Fields {
		mv := whole.Get(f.Name)
		if mv == nil {
			// An optional member the const leaves out must stay absent.
			s.Properties.Set(f.Name, jsonschema.FalseSchema)
			continue
		}
		s.Properties.Set(f.Name, constShape(mv, f.Type))
		if absent := f.Filled(); f.WireRequired() || absent == nil || absent.Canonical() != mv.Canonical() {
			s.Required = append(s.Required, f.Name)
		}
	}
	return s
}
