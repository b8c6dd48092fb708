package golang

import (
	"strconv"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
	"github.com/dave/jennifer/jen"
)

// lit renders a spec literal as a Go expression of type t. Values were
// checked against their fields during validation, so kinds match.
func lit(v *value.Value, t *model.TypeRef) jen.Code {
	switch t.Kind {
	case model.KindString:
		return jen.Lit(v.Str)
	case model.KindState:
		return jen.Id(stateConst(t.State, v.Str))
	case model.KindInteger:
		n, _ := strconv.ParseInt(v.Num, 10, 64)
		return jen.Lit(n)
	case model.KindNumber:
		f, _ := strconv.ParseFloat(v.Num, 64)
		return jen.Lit(f)
	case model.KindBoolean:
		return jen.Lit(v.Bool)
	case model.KindAny:
		return jen.Qual("encoding/json", "RawMessage").Call(jen.Lit(string(v.JSON())))
	case model.KindList:
		items := make([]jen.Code, len(v.Items))
		for i, it := range v.Items {
			items[i] = lit(it, t.Elem)
		}
		return goType(t).Values(items...)
	case model.KindMap:
		entries := make([]jen.Code, len(v.Members))
		for i, m := range v.Members {
			entries[i] = jen.Values(jen.Lit(m.Key), lit(m.Value, t.Elem))
		}
		return goType(t).Values(entries...)
	case model.KindObject:
		return objectLit(v, t.Object)
	}
	return jen.Nil()
}

// objectLit renders an object literal as a struct value; absent fields take
// their defaults and consts.
func objectLit(v *value.Value, t *model.Type) jen.Code {
	if u := t.Union; u != nil {
		// Validation checked the literal, so its variant exists.
		if vr, _ := u.Select(v, ""); vr != nil {
			return jen.Id(t.GoName).Values(jen.Id(vr.GoName).Op(":").Op("&").Add(objectLit(v, vr.Type)))
		}
		return jen.Id(t.GoName).Values()
	}
	var fields []jen.Code
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
		fields = append(fields, jen.Id(f.GoName).Op(":").Add(fieldLit(fv, f)))
	}
	return jen.Id(t.GoName).Values(fields...)
}

// fieldLit renders a literal for a struct field, taking nullability into
// account (a nullable scalar is a pointer).
func fieldLit(v *value.Value, f *model.Field) jen.Code {
	if v.Kind == value.Null {
		return jen.Nil()
	}
	if isPtr(f) {
		return jen.Id("ptr").Call(lit(v, f.Type))
	}
	return lit(v, f.Type)
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
