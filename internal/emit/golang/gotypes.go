package golang

import (
	"github.com/contractgen/contractgen/internal/model"
)

// isPtr reports whether the field's Go type is a pointer: a nullable or
// optional scalar or object, nil for null or for absent.
func isPtr(f *model.Field) bool {
	return (f.Nullable || f.Optional) && pointerNull(f.Type)
}

// pointerNull reports whether null is represented by a nil pointer, rather
// than by a nil slice, map or raw message.
func pointerNull(t *model.TypeRef) bool {
	switch t.Kind {
	case model.KindList, model.KindMap, model.KindAny:
		return false
	}
	return true
}

// typeKey names a type for helper functions: ListString, MapObjFoo.
func typeKey(t *model.TypeRef) string {
	switch t.Kind {
	case model.KindString:
		return "String"
	case model.KindInteger:
		return "Int"
	case model.KindNumber:
		return "Float"
	case model.KindBoolean:
		return "Bool"
	case model.KindAny:
		return "Raw"
	case model.KindState:
		return "Enum" + t.State.GoName
	case model.KindObject:
		return "Obj" + t.Object.GoName
	case model.KindList:
		return "List" + typeKey(t.Elem)
	case model.KindMap:
		return "Map" + typeKey(t.Elem)
	}
	return "Any"
}

// collectTypes lists every distinct list or map type that the fields
// picked by use hold, at any depth, inner types first, so helpers can be
// generated once each.
func (g *gen) collectTypes(use func(*model.Field) bool) []*model.TypeRef {
	seen := map[string]bool{}
	var out []*model.TypeRef
	var visit func(t *model.TypeRef)
	visit = func(t *model.TypeRef) {
		if t.Kind != model.KindList && t.Kind != model.KindMap {
			return
		}
		visit(t.Elem)
		if k := typeKey(t); !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	for _, s := range g.structs {
		for _, f := range s.t.Fields {
			if use(f) {
				visit(f.Type)
			}
		}
	}
	return out
}
