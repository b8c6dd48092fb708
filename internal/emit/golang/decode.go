package golang

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// decodeFile holds the strict decoders: one exported Decode function per
// struct, the member table the runtime's decodeObject reads it by, and a
// fill function where an absent member's default needs Go code.
func (g *gen) decodeFile(k *sink) {
	var w gw
	for _, s := range g.structs {
		k.next()
		g.decodeFunc(&w, s)
		k.decl(&w)
		if s.t.Union != nil {
			continue
		}
		w.line("var members", s.t.GoName, " = ", memberTable(&w, s.t))
		k.decl(&w)
		if fills(s.t) {
			g.fillFunc(&w, s)
			k.decl(&w)
		}
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
	w.docLines(cmt(fmt.Sprintf("Decode%s reads one %s from data strictly (see DecodeOption) and validates it.", name, name)))
	w.open("func Decode", name, "(data []byte, opts ...DecodeOption) (m *", name, ", err error)")
	root := "nil"
	sc, r := g.validateRoot(s)
	if r != "" {
		// Paths start under type_root, as Validate reports them.
		w.line("rp := keyPath(nil, ", quote(r), ")")
		root = "&rp"
	}
	w.use("unsafe")
	w.line("m = new(", name, ")")
	w.line("err = nilOnError(unsafe.Pointer(&m), decodeInto(m, unsafe.Pointer(m), &layoutObj", name, ", data, opts, ", root, ", ", litInt(int(sc)), "))")
	w.line("return m, err")
	w.close()
}

// indexedFrom is the field count above which a type's members are found
// through a map built at initialization (see the runtime's indexed)
// rather than by comparing the key with each name.
const indexedFrom = 16

// memberTable is the literal of a type's memberTable: names, required
// members, and the nullable, type-text and default columns only where a
// field needs them, keyed by field index ([]bool{8: true}).
func memberTable(w *gw, t *model.Type) string {
	var names, required, nullable, typeText, defaults []string
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
		if absentValue(fl) != nil && tableDefault(fl) {
			defaults = append(defaults, defaultRow(w, i, fl))
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
	if len(defaults) > 0 {
		v = append(v, "defaults: []memberDefault{"+join(defaults...)+"}")
	}
	if t.Open {
		v = append(v, "open: true")
	}
	table := "memberTable{" + join(v...) + "}"
	if len(t.Fields) > indexedFrom {
		table = "indexed(" + table + ")"
	}
	return table
}

// absentValue is the value an absent member takes: its default, or else
// its fixed value; nil when it has neither, is required, or takes the
// zero value its field already holds (null, or a zero scalar held
// directly), which the decoder need not set.
func absentValue(fl *model.Field) *value.Value {
	if fl.WireRequired() {
		return nil
	}
	v := fl.Default
	if v == nil {
		v = fl.Const
	}
	if v == nil || v.Kind == value.Null {
		return nil
	}
	if !isPtr(fl) {
		switch v.Kind {
		case value.String:
			if v.Str == "" {
				return nil
			}
		case value.Bool:
			if !v.Bool {
				return nil
			}
		case value.Int, value.Number:
			if f, err := strconv.ParseFloat(v.Num, 64); err == nil && f == 0 && !strings.HasPrefix(v.Num, "-") {
				return nil
			}
		}
	}
	return v
}

// tableDefault reports whether the value fl takes when absent, if any, is
// one the member table holds: a scalar held directly, or an empty list or
// map. Any other is set by the type's fill function.
func tableDefault(fl *model.Field) bool {
	if isPtr(fl) {
		return false
	}
	switch fl.Type.Kind {
	case model.KindString, model.KindState, model.KindInteger, model.KindNumber, model.KindBoolean:
		return true
	case model.KindList:
		return len(absentValue(fl).Items) == 0
	case model.KindMap:
		return len(absentValue(fl).Members) == 0
	}
	return false
}

// defaultRow is the member table's row for member i, fl, which takes a
// value the table holds when absent (tableDefault).
func defaultRow(w *gw, i int, fl *model.Field) string {
	v := absentValue(fl)
	idx := "{index: " + litInt(i)
	switch fl.Type.Kind {
	case model.KindString, model.KindState:
		return idx + ", s: " + quote(v.Str) + "}"
	case model.KindInteger:
		return idx + ", n: " + w.lit(v, fl.Type) + "}"
	case model.KindNumber:
		return idx + ", f: " + w.lit(v, fl.Type) + "}"
	case model.KindBoolean:
		return idx + ", b: " + w.lit(v, fl.Type) + "}"
	}
	return idx + "}" // an empty list or map
}

// filled reports whether the fill function sets fl when it is absent.
func filled(fl *model.Field) bool {
	return absentValue(fl) != nil && !tableDefault(fl)
}

// fills reports whether some member of t is filled, so that t needs a
// fill function.
func fills(t *model.Type) bool {
	for _, fl := range t.Fields {
		if filled(fl) {
			return true
		}
	}
	return false
}

// fillFunc writes fill<Name>, which gives the absent members of s whose
// defaults or fixed values its member table cannot hold their values.
func (g *gen) fillFunc(w *gw, s *goStruct) {
	name := s.t.GoName
	w.use("unsafe")
	w.open("func fill", name, "(v unsafe.Pointer, seen []bool)")
	w.line("m := (*", name, ")(v)")
	for i, fl := range s.t.Fields {
		if filled(fl) {
			w.open("if !seen[", litInt(i), "]")
			w.line("m.", fl.GoName, " = ", w.fieldLit(absentValue(fl), fl))
			w.close()
		}
	}
	w.close()
}
