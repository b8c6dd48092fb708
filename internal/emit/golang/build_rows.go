package golang

import (
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// assignAll fills the built struct m of type name from args (of type
// argsName): the members a row can say through one call of the runtime's
// buildArgs, whose rows are a constant literal in the call (the compiler
// copies them from read-only data), the others in code of their own.
func assignAll(w *gw, name, argsName string, args []argField) {
	var rows []string
	var code []argField
	for _, a := range args {
		if r, ok := argRow(a, name, argsName); ok {
			rows = append(rows, r)
		} else {
			code = append(code, a)
		}
	}
	if len(rows) < minArgRows {
		rows, code = nil, args
	}
	if len(rows) > 0 {
		w.use("unsafe")
		w.line("buildArgs(unsafe.Pointer(m), unsafe.Pointer(&args), []argRow{")
		for _, r := range rows {
			w.line("\t", r)
		}
		w.line("})")
	}
	for _, a := range code {
		w.assign(a, "args."+a.name)
	}
}

// minArgRows is the fewest rows worth a table: the call and its closing
// take two lines besides the rows, so a builder of a few members stays
// code, whose few statements cost the compiler little.
const minArgRows = 6

// argRow is the row that copies argument a into the struct of type name,
// when a row can say what assign would write for it.
func argRow(a argField, name, argsName string) (string, bool) {
	op, rep, def, ok := argPlan(a.fl)
	if !ok {
		return "", false
	}
	dst := "unsafe.Offsetof(" + name + "{}." + a.fl.GoName + ")"
	if a.via != nil {
		dst = "unsafe.Offsetof(" + name + "{}." + a.via.GoName + ") + unsafe.Offsetof(" + a.via.Type.Object.GoName + "{}." + a.fl.GoName + ")"
	}
	row := "{src: unsafe.Offsetof(" + argsName + "{}." + a.name + "), dst: " + dst + ", op: " + op + ", rep: " + rep
	if def != "" {
		row += ", " + def
	}
	return row + "},", true
}

// argPlan is how a row copies the argument of field fl (see assign, whose
// cases it follows): the row's op, the representation of the value and,
// for a default, the row's default field. ok is false for what only code
// can do: objects held by value or copied, defaults that are lists, maps
// or objects, generated values and trimmed optional strings.
func argPlan(fl *model.Field) (op, rep, def string, ok bool) {
	vrep, scalar := valueRep(fl.Type)
	required := (fl.Required && !fl.Nullable) || !pointerNull(fl.Type)
	trim := fl.Trim && fl.Type.Kind == model.KindString
	switch {
	case fl.Optional:
		if trim {
			return "", "", "", false
		}
		r := fieldRep(fl)
		return "argCopy", r, "", r != ""
	case required && fl.Default != nil:
		// An empty default is what nil becomes anyway.
		d, k := fl.Default, fl.Type.Kind
		empty := k == model.KindList && d.Kind == value.List && len(d.Items) == 0 ||
			k == model.KindMap && d.Kind == value.Object && len(d.Members) == 0
		return "argOrEmpty", "repSlice", "", empty
	case required && (fl.Nullable || pointerNull(fl.Type)):
		// Required and not optional: the member is its value, not a
		// pointer to it (isPtr does not hold).
		if trim {
			return "argTrim", "repString", "", true
		}
		return "argCopy", vrep, "", vrep != ""
	case required:
		return "argOrEmpty", "repSlice", "", vrep == "repSlice"
	case fl.Default != nil && !fl.Nullable && !trim:
		def, ok := defaultField(fl.Default, fl.Type)
		return "argOrDefault", vrep, def, ok && scalar
	case fl.Nullable && fl.Default == nil && fl.Generate == nil && !trim:
		return "argCopyOf", vrep, "", scalar
	}
	return "", "", "", false
}

// valueRep is the representation of a value of type t (empty for an
// object, which no row copies), and whether it is a scalar.
func valueRep(t *model.TypeRef) (string, bool) {
	switch t.Kind {
	case model.KindString, model.KindState:
		return "repString", true
	case model.KindInteger:
		return "repInt", true
	case model.KindNumber:
		return "repFloat", true
	case model.KindBoolean:
		return "repBool", true
	case model.KindList, model.KindMap, model.KindAny:
		return "repSlice", false
	}
	return "", false
}

// fieldRep is the representation of the struct field of fl: a pointer
// when null is a nil pointer, else that of its value.
func fieldRep(fl *model.Field) string {
	if isPtr(fl) {
		return "repPointer"
	}
	r, _ := valueRep(fl.Type)
	return r
}

// defaultField is the row field holding the scalar default v of type t,
// spelled as lit spells it (a state's as its string).
func defaultField(v *value.Value, t *model.TypeRef) (string, bool) {
	if v.Kind == value.Null {
		return "", false
	}
	var w gw // lit of a scalar uses no import
	switch t.Kind {
	case model.KindString, model.KindState:
		return "defString: " + quote(v.Str), true
	case model.KindInteger:
		return "defInt: " + w.lit(v, t), true
	case model.KindNumber:
		return "defFloat: " + w.lit(v, t), true
	case model.KindBoolean:
		return "defBool: " + w.lit(v, t), true
	}
	return "", false
}
