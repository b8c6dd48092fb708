package golang

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/model"
)

// decodeFile holds the strict decoders: one exported Decode function per
// struct, a decode method per struct and a helper per list or map type.
func (g *gen) decodeFile(k *sink) {
	var w gw
	for _, s := range g.structs {
		k.next()
		g.decodeFunc(&w, s)
		k.decl(&w)
		if s.t.Union != nil {
			g.unionDecode(k, &w, s)
			continue
		}
		g.decodeMethod(k, &w, s)
	}
	for _, t := range g.collectTypes(func(fl *model.Field) bool { return !tableDecoded(fl) }) {
		decodeHelper(&w, t)
		k.decl(&w)
	}
	for _, op := range g.c.Operations {
		if op.Response.Shared() {
			g.sharedDecoder(&w, op, g.shared[op.Response])
			k.decl(&w)
		}
	}
	g.answerFile(k, &w)
}

// sharedDecoder reads the shared response that answers op, and checks that
// it answers that operation.
func (g *gen) sharedDecoder(w *gw, op *model.Operation, s *goStruct) {
	var opField *model.Field
	for _, fl := range s.t.Fields {
		if fl.Source == model.SourceRequest && fl.RequestField != nil && fl.RequestField.Source == model.SourceOperation {
			opField = fl
		}
	}
	decode := "Decode" + s.t.GoName
	name := "Decode" + op.ResponseGoName()
	w.docLines(cmt(name+" reads the shared "+op.Response.Name+" response, which answers operation "+op.Name+","),
		cmt("strictly as "+decode+" does, and checks that it answers "+op.Name+"."))
	w.open("func ", name, "(data []byte, opts ...DecodeOption) (*", s.t.GoName, ", error)")
	w.line("m, err := ", decode, "(data, opts...)")
	w.open("if err != nil")
	w.line("return nil, err")
	w.close()
	if opField != nil {
		w.open("if m.", opField.GoName, " != ", quote(op.Name))
		w.line("return nil, mismatchAt(", quote(opField.Name), ", ", quote(opField.Name+" must be \""+op.Name+"\""), ")")
		w.close()
	}
	w.line("return m, nil")
	w.close()
}

// decodeFunc writes Decode<Name>, the exported strict decoder of s.
func (g *gen) decodeFunc(w *gw, s *goStruct) {
	name := s.t.GoName
	w.docLines(cmt(fmt.Sprintf("Decode%s reads one %s from data strictly (see DecodeOption)", name, name)),
		"// and validates it.")
	w.open("func Decode", name, "(data []byte, opts ...DecodeOption) (*", name, ", error)")
	root := "nil"
	sc, r := g.validateRoot(s)
	if r != "" {
		// Paths start under type_root, as Validate reports them.
		w.line("rp := keyPath(nil, ", quote(r), ")")
		root = "&rp"
	}
	w.line("return decodeTop(new(", name, "), data, opts, ", root, ", ", litInt(int(sc)), ")")
	w.close()
}

// decodeMethod writes the strict decoder of one object type: a table of
// its members (memberTable) and a switch on the member's index with one
// assignment per field that the runtime's decodeMember does not read by
// its layout (tableDecoded), which reads all the others. The loop, key lookup and member checks run in the
// runtime's memberReader, called directly (never through a function value,
// which would move member paths to the heap).
func (g *gen) decodeMethod(k *sink, w *gw, s *goStruct) {
	name := s.t.GoName
	tableVar := "members" + name
	table := memberTable(s.t)
	if len(s.t.Fields) > indexedFrom {
		table = "indexed(" + table + ")"
	}
	w.line("var ", tableVar, " = ", table)
	k.decl(w)
	n := len(s.t.Fields)
	w.open("func (m *", name, ") decode(d *decoder, p *pathNode) error")
	seen := "nil"
	if n > 0 {
		w.line("var seen [", litInt(n), "]bool")
		seen = "seen[:]"
	}
	w.line("o := readMembers(p, ", seen, ")")
	w.line("var err error")
	w.open("for o.next(d, &", tableVar, ", &err)")
	byKind := "err = decodeMember(d, &o.kp, unsafe.Pointer(m), &layoutObj" + name + ".fields[o.i])"
	var cases []*model.Field
	for _, fl := range s.t.Fields {
		if !tableDecoded(fl) {
			cases = append(cases, fl)
		}
	}
	switch {
	case n > 0 && len(cases) == 0:
		w.use("unsafe")
		w.line(byKind)
	case n > 0:
		// Cases stand at the switch's indentation, as gofmt puts them.
		w.line("switch o.i {")
		for i, fl := range s.t.Fields {
			if !tableDecoded(fl) {
				w.line("case ", litInt(i), ":")
				w.ind++
				decodeField(w, "m."+fl.GoName, fl)
				w.ind--
			}
		}
		if len(cases) < n {
			w.use("unsafe")
			w.line("default:")
			w.line("\t", byKind)
		}
		w.line("}")
	}
	w.close()
	for i, fl := range s.t.Fields {
		target := "m." + fl.GoName
		switch {
		case fl.WireRequired():
		case fl.Default != nil && scalarDefault(fl):
			// One line; the literal costs nothing to evaluate.
			w.line(target, " = orSeen(seen[", litInt(i), "], ", target, ", ", w.fieldLit(fl.Default, fl), ")")
		case fl.Default != nil, fl.Const != nil:
			v := fl.Default
			if v == nil {
				v = fl.Const
			}
			w.open("if !seen[", litInt(i), "]")
			w.line(target, " = ", w.fieldLit(v, fl))
			w.close()
		}
	}
	w.line("return o.end(&", tableVar, ", err)")
	w.close()
	k.decl(w)
}

// indexedFrom is the field count above which a type's members are found
// through a map built at initialization (see the runtime's indexed)
// rather than by comparing the key with each name.
const indexedFrom = 16

// memberTable is the literal of a type's memberTable: names, required
// members, and the nullable and type-text columns only where a field needs
// them, keyed by field index ([]bool{8: true}).
func memberTable(t *model.Type) string {
	var names, required, nullable, typeText []string
	for i, fl := range t.Fields {
		names = append(names, quote(fl.Name))
		if fl.WireRequired() {
			required = append(required, "{"+litInt(i)+", "+quote(fl.Messages[model.RuleRequired])+"}")
		}
		if fl.Nullable {
			nullable = append(nullable, litInt(i)+": true")
		}
		if msg, ok := fl.Messages[model.RuleType]; ok {
			typeText = append(typeText, litInt(i)+": "+quote(msg))
		}
	}
	var v []string
	if len(names) > 0 {
		v = append(v, "names: []string{"+join(names...)+"}")
	}
	if len(required) > 0 {
		v = append(v, "required: []requiredField{"+join(required...)+"}")
	}
	if len(nullable) > 0 {
		v = append(v, "nullable: []bool{"+join(nullable...)+"}")
	}
	if len(typeText) > 0 {
		v = append(v, "typeText: []string{"+join(typeText...)+"}")
	}
	if t.Open {
		v = append(v, "open: true")
	}
	return "memberTable{" + join(v...) + "}"
}

// tableDecoded reports whether the runtime's decodeMember reads fl by the
// kind of its layout (a scalar, a state, a free-form value, a pointer to a
// scalar, or a list or map of strings or states), so that the decode method
// needs no case for it.
func tableDecoded(fl *model.Field) bool {
	switch fl.Type.Kind {
	case model.KindString, model.KindState, model.KindInteger, model.KindNumber, model.KindBoolean, model.KindAny:
		return true
	case model.KindList, model.KindMap:
		k := fl.Type.Elem.Kind
		return k == model.KindString || k == model.KindState
	}
	return false
}

// decodeField reads the member at o.kp into target (the runtime has done
// the duplicate and null checks).
func decodeField(w *gw, target string, fl *model.Field) {
	const kp = "&o.kp"
	switch {
	case fl.Type.Kind == model.KindObject && isPtr(fl):
		// An object decodes in place: no copy of it is returned.
		w.line(target, " = new(", fl.Type.Object.GoName, ")")
		w.line("err = ", target, ".decode(d, ", kp, ")")
	case fl.Type.Kind == model.KindObject:
		w.line("err = ", target, ".decode(d, ", kp, ")")
	case isPtr(fl):
		w.line(target, ", err = ptrTo(", decodeValue(fl.Type, kp), ")")
	default:
		w.line(target, ", err = ", decodeValue(fl.Type, kp))
	}
}

// decodeValue is a call returning (value, error) for type t at path p.
func decodeValue(t *model.TypeRef, p string) string {
	switch t.Kind {
	case model.KindString:
		return "d.String(" + p + ")"
	case model.KindInteger:
		return "d.Int(" + p + ")"
	case model.KindNumber:
		return "d.Float(" + p + ")"
	case model.KindBoolean:
		return "d.Bool(" + p + ")"
	case model.KindAny:
		return "d.Raw(" + p + ")"
	case model.KindState:
		return "decodeState[" + t.State.GoName + "](d, " + p + ")"
	}
	return "decode" + typeKey(t) + "(d, " + p + ")"
}

// decodeHelper reads a list or a map of t's element type.
func decodeHelper(w *gw, t *model.TypeRef) {
	w.open("func decode", typeKey(t), "(d *decoder, p *pathNode) (", w.goType(t), ", error)")
	elem := func(p string) {
		if t.Elem.Kind == model.KindObject {
			// An object decodes in place: no copy of it is returned.
			w.line("var x ", t.Elem.Object.GoName)
			w.open("if err := x.decode(d, ", p, "); err != nil")
		} else {
			w.line("x, err := ", decodeValue(t.Elem, p))
			w.open("if err != nil")
		}
		w.line("return nil, err")
		w.close()
	}
	list := t.Kind == model.KindList
	begin, loop, next := "beginObject", "for first := true; ; first = false", "key, more, err := d.nextKey(p, first)"
	if list {
		begin, loop, next = "beginArray", "for i := 0; ; i++", "more, err := d.nextItem(p, i == 0)"
	}
	w.open("if err := d.", begin, "(p); err != nil")
	w.line("return nil, err")
	w.close()
	w.line("out := ", w.goType(t), "{}")
	w.open(loop)
	w.line(next)
	w.open("if err != nil")
	w.line("return nil, err")
	w.close()
	w.open("if !more")
	w.line("return out, nil")
	w.close()
	if list {
		w.line("ip := indexPath(p, i)")
		elem("&ip")
		w.line("out = append(out, x)")
	} else {
		w.line("k := string(key)")
		w.open("if _, dup := out.Get(k); dup")
		w.line("return nil, duplicate(p, k)")
		w.close()
		w.line("kp := keyPath(p, k)")
		elem("&kp")
		w.line("out = append(out, Entry[", w.goType(t.Elem), "]{k, x})")
	}
	w.close()
	w.close()
}

// scalarDefault reports whether a field's default is a plain value held
// directly (no pointer, list or map), so that writing it costs nothing.
func scalarDefault(fl *model.Field) bool {
	if isPtr(fl) {
		return false
	}
	switch fl.Type.Kind {
	case model.KindString, model.KindState, model.KindInteger, model.KindNumber, model.KindBoolean:
		return true
	}
	return false
}
