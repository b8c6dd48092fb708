package golang

import "github.com/contractgen/contractgen/internal/model"

// buildFile holds the builders: they apply defaults (absent means default),
// trim identifiers, draw generated values, then validate, so a builder either
// returns a valid value or an error, never a partly built one.
func (g *gen) buildFile(k *sink) {
	var w gw
	g.header(k, &w)
	for _, s := range g.structs {
		switch s.kind {
		case kindType:
			if s.t.Union == nil { // a union is built by setting one variant
				k.next()
				g.typeBuilder(k, &w, s)
			}
		case kindRequest:
			k.next()
			g.requestBuilder(k, &w, s)
		case kindResponse:
			k.next()
			g.responseBuilder(k, &w, s)
		}
	}
}

// argField is one builder argument and the struct field it fills.
type argField struct {
	fl   *model.Field
	name string
	dst  string
	via  *model.Field // the payload field dst is in, or nil
}

// args lists the argument fields of a struct (own fields) and of its
// payload, prefixing payload names that collide with envelope names.
func (g *gen) args(s *goStruct) []argField {
	var out []argField
	used := map[string]bool{}
	var payload *model.Field
	for _, fl := range s.t.Fields {
		if fl.Source == model.SourcePayload {
			payload = fl
			continue
		}
		if fl.IsArgument() {
			out = append(out, argField{fl: fl, name: fl.GoName, dst: "m." + fl.GoName})
			used[fl.GoName] = true
		}
	}
	if payload == nil {
		return out
	}
	for _, fl := range g.byType[payload.Type.Object].t.Fields {
		if !fl.IsArgument() {
			continue
		}
		name := fl.GoName
		if used[name] {
			name = "Payload" + name
		}
		out = append(out, argField{fl: fl, name: name, dst: "m." + payload.GoName + "." + fl.GoName, via: payload})
	}
	return out
}

// argType is optional (pointer or nil-able) unless the argument is required.
func (w *gw) argType(fl *model.Field) string {
	if (fl.Required && !fl.Nullable) || !pointerNull(fl.Type) {
		return w.fieldType(fl)
	}
	return "*" + w.goType(fl.Type)
}

func (g *gen) argsStruct(k *sink, w *gw, name, doc string, args []argField) {
	w.docLines(cmt(name + " " + doc))
	if len(args) == 0 {
		w.line("type ", name, " struct{}")
		k.decl(w)
		return
	}
	w.open("type ", name, " struct")
	rows := make([][]string, len(args))
	for i, a := range args {
		rows[i] = []string{a.name, w.argType(a.fl), jsonTag(a.fl.Name, true)}
	}
	w.rows(rows)
	w.close()
	k.decl(w)
}

// assign fills one field from its argument src, applying trim and defaults.
func (w *gw) assign(a argField, src string) {
	fl := a.fl
	required := (fl.Required && !fl.Nullable) || !pointerNull(fl.Type)
	trim := fl.Trim && fl.Type.Kind == model.KindString
	val := func(v string) string {
		if trim {
			return "trimSpace(" + v + ")"
		}
		return v
	}
	if fl.Optional {
		// Absent stays absent: nil is passed on, a value is trimmed.
		if trim {
			w.open("if ", src, " != nil")
			w.line("v := ", val("*"+src))
			w.line(a.dst, " = &v")
			w.close()
			return
		}
		w.line(a.dst, " = ", src)
		return
	}
	if required {
		switch {
		case fl.Default != nil:
			w.line(a.dst, " = orList(", src, ", ", w.fieldLit(fl.Default, fl), ")")
		case fl.Nullable || pointerNull(fl.Type):
			w.line(a.dst, " = ", val(src))
		case ownInstance(fl.Type):
			// nil becomes the empty list or map, in code of its own (see
			// ownInstance).
			w.open("if ", a.dst, " = ", src, "; ", a.dst, " == nil")
			w.line(a.dst, " = ", w.goType(fl.Type), "{}")
			w.close()
		default:
			// nil becomes the empty list or map.
			w.line(a.dst, " = orList(", src, ", ", w.goType(fl.Type), "{})")
		}
		return
	}
	if fl.Default != nil && !fl.Nullable && !trim {
		if fl.Type.Kind == model.KindState {
			// orDefault of the state's string: one instantiation for all.
			st := fl.Type.State.GoName
			w.line(a.dst, " = ", st, "(orDefault((*string)(", src, "), string(", w.fieldLit(fl.Default, fl), ")))")
			return
		}
		w.line(a.dst, " = orDefault(", src, ", ", w.fieldLit(fl.Default, fl), ")")
		return
	}
	if fl.Nullable && fl.Default == nil && fl.Generate == nil && !trim {
		w.line(a.dst, " = copyOf(", src, ")")
		return
	}
	w.open("if ", src, " != nil")
	if fl.Nullable {
		w.line("{") // a block of its own, as the assignment has always been written
		w.ind++
		w.line("v := ", val("*"+src))
		w.line(a.dst, " = &v")
		w.close()
	} else {
		w.line(a.dst, " = ", val("*"+src))
	}
	switch {
	case fl.Default != nil:
		w.reopen("else")
		w.line(a.dst, " = ", w.fieldLit(fl.Default, fl))
	case fl.Generate != nil:
		w.reopen("else")
		if fl.Generate.Prefix == "" {
			w.line(a.dst, " = ", w.generated(fl.Generate))
		} else {
			w.line(a.dst, " = ", quote(fl.Generate.Prefix), " + ", w.generated(fl.Generate))
		}
	}
	w.close()
}

// newStruct sets m to a new struct of type name (of model type t) holding
// t's const fields; the consts of its payload are set after.
func (g *gen) newStruct(w *gw, name string, t *model.Type) {
	consts, payloads := constFields(t)
	elems := make([]string, len(consts))
	for i, fl := range consts {
		elems[i] = fl.GoName + ": " + w.fieldLit(fl.Const, fl)
	}
	w.line("m = &", name, "{", join(elems...), "}")
	for _, fl := range payloads {
		g.fixed(w, g.byType[fl.Type.Object].t, "m."+fl.GoName)
	}
}

// fixed sets every const field of t (and of its payload) on dst.
func (g *gen) fixed(w *gw, t *model.Type, dst string) {
	consts, payloads := constFields(t)
	for _, fl := range consts {
		w.line(dst, ".", fl.GoName, " = ", w.fieldLit(fl.Const, fl))
	}
	for _, fl := range payloads {
		g.fixed(w, g.byType[fl.Type.Object].t, dst+"."+fl.GoName)
	}
}

// constFields splits what a builder fixes in t: its const fields, and the
// payload fields whose own consts it fixes in turn.
func constFields(t *model.Type) (consts, payloads []*model.Field) {
	for _, fl := range t.Fields {
		switch {
		case fl.Const != nil:
			consts = append(consts, fl)
		case fl.Source == model.SourcePayload:
			payloads = append(payloads, fl)
		}
	}
	return consts, payloads
}

// finish validates the built value and returns it, or nil with the
// violations.
func finish(w *gw) {
	w.use("unsafe")
	w.line("err = nilOnError(unsafe.Pointer(&m), m.Validate())")
	w.line("return m, err")
	w.close()
}

func (g *gen) typeBuilder(k *sink, w *gw, s *goStruct) {
	name := s.t.GoName
	args := g.args(s)
	g.argsStruct(k, w, name+"Args", "holds the arguments of Build"+name+"; nil means the contract's default.", args)
	w.docLines(cmt("Build" + name + " builds " + model.Article(name) + " " + name + " from args, with defaults and fixed values, and validates it."))
	w.open("func Build", name, "(args ", name, "Args) (m *", name, ", err error)")
	g.newStruct(w, name, s.t)
	assignAll(w, name, name+"Args", args)
	finish(w)
	k.decl(w)
}

// generated is the expression drawing a generated value (after its prefix).
func (w *gw) generated(g *model.Generate) string {
	switch g.Kind {
	case model.GenerateUUID:
		return "randomUUID()"
	case model.GenerateNow:
		w.use("time")
		return "time.Now().UTC().Format(time.RFC3339)"
	}
	return "randomHex(" + litInt(g.HexDigits) + ")"
}

// ownInstance reports whether a list or map of type t would be an
// instantiation of the generic orList of its own: its Go type names a
// contract type (an object or a state), not only Go's. Every instantiation
// is functions of their own to compile, a cost that grows with the
// contract; a builder writes such a default as an if statement instead.
func ownInstance(t *model.TypeRef) bool {
	switch t.Kind {
	case model.KindObject, model.KindState:
		return true
	case model.KindList, model.KindMap:
		return ownInstance(t.Elem)
	}
	return false
}
