package model

import "github.com/contractgen/contractgen/internal/value"

// Complete returns the wire document for a literal written as builder input:
// members in field order, absent members filled as Filled says, the
// strings of trim fields trimmed, nested objects completed too. Members
// filled only at build time (sources, generated values) stay absent when
// the literal lacks them.
func Complete(v *value.Value, t *Type) *value.Value {
	if v == nil || v.Kind != value.Object {
		return v
	}
	if t.Union != nil {
		if vr, _ := t.Union.Select(v, ""); vr.Object() != nil {
			return Complete(v, vr.Object())
		}
		return v
	}
	out := &value.Value{Kind: value.Object, Pos: v.Pos, Members: []value.Member{}}
	for _, f := range t.Fields {
		fv := v.Get(f.Name)
		switch {
		case fv != nil && f.Trim && fv.Kind == value.String:
			// Builders trim it, so the wire carries it trimmed.
			fv = &value.Value{Kind: value.String, Str: TrimSpace(fv.Str), Pos: fv.Pos}
		case fv != nil:
			fv = completeType(fv, f.Type)
		default:
			if fv = f.Filled(); fv == nil {
				continue
			}
		}
		out.Members = append(out.Members, value.Member{Key: f.Name, Value: fv})
	}
	return out
}

// Filled is the value an absent member of f stands for, completed: its
// const, its default or null; nil when nothing fills it in. Builders and
// decoders fill it alike.
func (f *Field) Filled() *value.Value {
	switch {
	case f.Const != nil:
		return completeType(f.Const, f.Type)
	case f.Default != nil:
		return completeType(f.Default, f.Type)
	case f.Nullable:
		return &value.Value{Kind: value.Null}
	}
	return nil
}

func completeType(v *value.Value, t *TypeRef) *value.Value {
	switch {
	case t.Kind == KindObject:
		return Complete(v, t.Object)
	case t.Kind == KindList && v.Kind == value.List:
		out := &value.Value{Kind: value.List, Pos: v.Pos, Items: make([]*value.Value, len(v.Items))}
		for i, it := range v.Items {
			out.Items[i] = completeType(it, t.Elem)
		}
		return out
	case t.Kind == KindMap && v.Kind == value.Object:
		out := &value.Value{Kind: value.Object, Pos: v.Pos, Members: make([]value.Member, len(v.Members))}
		for i, m := range v.Members {
			out.Members[i] = value.Member{Key: m.Key, KeyPos: m.KeyPos, Value: completeType(m.Value, t.Elem)}
		}
		return out
	}
	return v
}
