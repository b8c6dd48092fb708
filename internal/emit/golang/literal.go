package golang

import (
	"strconv"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// Go types and spec literals as the declarations gw writes spell them.

// goType is the Go type of a value of t (not nullable); it records the
// import a free-form value needs.
func (w *gw) goType(t *model.TypeRef) string {
	if s, ok := model.ScalarGoTypes[t.Kind]; ok {
		if t.Kind == model.KindAny {
			w.use("encoding/json")
		}
		return s
	}
	switch t.Kind {
	case model.KindState:
		return t.State.GoName
	case model.KindObject:
		return t.Object.GoName
	case model.KindList:
		return "[]" + w.goType(t.Elem)
	case model.KindMap:
		return "Map[" + w.goType(t.Elem) + "]"
	}
	return "any"
}

// fieldType is the Go type of a struct field: nullable scalars and
// objects are pointers; nullable lists, maps and free-form values use nil
// for null.
func (w *gw) fieldType(f *model.Field) string {
	if isPtr(f) {
		return "*" + w.goType(f.Type)
	}
	return w.goType(f.Type)
}

// lit is a spec literal as a Go expression of type t. Values were checked
// against their fields during validation, so kinds match.
func (w *gw) lit(v *value.Value, t *model.TypeRef) string {
	switch t.Kind {
	case model.KindString:
		return quote(v.Str)
	case model.KindState:
		return stateConst(t.State, v.Str)
	case model.KindInteger:
		n, _ := strconv.ParseInt(v.Num, 10, 64)
		return litInt64(n)
	case model.KindNumber:
		f, _ := strconv.ParseFloat(v.Num, 64)
		return litFloat(f)
	case model.KindBoolean:
		return litBool(v.Bool)
	case model.KindAny:
		w.use("encoding/json")
		return "json.RawMessage(" + quote(string(v.JSON())) + ")"
	case model.KindList:
		items := make([]string, len(v.Items))
		for i, it := range v.Items {
			items[i] = w.lit(it, t.Elem)
		}
		return w.goType(t) + "{" + join(items...) + "}"
	case model.KindMap:
		entries := make([]string, len(v.Members))
		for i, m := range v.Members {
			entries[i] = "{" + quote(m.Key) + ", " + w.lit(m.Value, t.Elem) + "}"
		}
		return w.goType(t) + "{" + join(entries...) + "}"
	case model.KindObject:
		return w.objectLit(v, t.Object)
	}
	return "nil"
}

// objectLit is an object literal as a struct value; absent fields take
// their defaults and consts.
func (w *gw) objectLit(v *value.Value, t *model.Type) string {
	if u := t.Union; u != nil {
		if vr, _ := u.Select(v, ""); vr != nil {
			return t.GoName + "{" + vr.GoName + ": &" + w.objectLit(v, vr.Type) + "}"
		}
		return t.GoName + "{}"
	}
	var fields []string
	for _, f := range t.Fields {
		fv := v.Get(f.Name)
		if fv == nil {
			fv = f.Const
		}
		if fv == nil {
			fv = f.Default
		}
		if fv == nil {
			continue
		}
		fields = append(fields, f.GoName+": "+w.fieldLit(fv, f))
	}
	return t.GoName + "{" + join(fields...) + "}"
}

// fieldLit is a literal for a struct field, taking nullability into
// account (a nullable scalar is a pointer).
func (w *gw) fieldLit(v *value.Value, f *model.Field) string {
	if v.Kind == value.Null {
		return "nil"
	}
	if isPtr(f) {
		return "ptr(" + w.lit(v, f.Type) + ")"
	}
	return w.lit(v, f.Type)
}

// stateConst names the constant of one state value.
func stateConst(st *model.StateSet, v string) string {
	for _, sv := range st.Values {
		if sv.Value == v {
			return sv.GoName
		}
	}
	return st.GoName + "(" + strconv.Quote(v) + ")"
}
