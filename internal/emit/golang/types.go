package golang

import (
	"encoding/json"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/dave/jennifer/jen"
)

// typesFile holds the structs and their JSON encoding, which writes keys in
// spec order without reflection.
func (g *gen) typesFile(k *sink) {
	var w gw
	for _, s := range g.structs {
		k.next()
		if s.t.Union != nil {
			g.unionDecl(k.jen(), s)
			continue
		}
		g.structDecl(&w, s)
		k.decl(&w)
		g.marshal(k, &w, s)
		if g.redactsType(s.t) {
			g.redactMethods(k.jen(), s)
		}
	}
	for _, t := range g.collectTypes() {
		appendHelper(&w, t)
		k.decl(&w)
		if g.redacts(t) {
			g.redactHelper(k.jen(), t)
		}
	}
}

// structDecl writes the struct of s: a field per member, documented with
// the member's description, tagged with its name.
func (g *gen) structDecl(w *gw, s *goStruct) {
	w.doc(s.t.GoName, s.doc)
	if len(s.t.Fields) == 0 {
		w.line("type ", s.t.GoName, " struct{}")
		return
	}
	w.open("type ", s.t.GoName, " struct")
	var rows [][]string
	for _, fl := range s.t.Fields {
		doc := fl.Description
		if fl.Deprecated != "" {
			// Go's convention: a paragraph starting "Deprecated: " that
			// tools (gopls, staticcheck) report at every use.
			doc = strings.TrimSpace(doc + "\n\nDeprecated: " + fl.Deprecated)
		}
		for _, l := range commentLines(doc) {
			rows = append(rows, []string{l})
		}
		name := fl.Name
		if fl.Optional {
			name += ",omitempty"
		}
		rows = append(rows, []string{fl.GoName, w.fieldTypeText(fl), tag("json", name)})
	}
	w.rows(rows)
	w.close()
}

// keyPrefix is the JSON text written before a member's value.
func keyPrefix(name string, first bool) string {
	k, _ := json.Marshal(name)
	if first {
		return "{" + string(k) + ":"
	}
	return "," + string(k) + ":"
}

// marshal writes MarshalJSON and AppendJSON of s.
func (g *gen) marshal(k *sink, w *gw, s *goStruct) {
	name := s.t.GoName
	marshalMethodsText(k, w, name)
	w.open("func (m *", name, ") AppendJSON(b []byte) []byte")
	objectBodyText(w, s.t, func(fl *model.Field, buf string) {
		appendFieldText(w, buf, "m."+fl.GoName, fl)
	})
	w.close()
	k.decl(w)
}

// marshalMethodsText is marshalMethods as text: MarshalJSON, then the doc
// comment of AppendJSON, which the caller writes next into w.
func marshalMethodsText(k *sink, w *gw, name string) {
	w.docLines("// MarshalJSON writes the members in contract order.")
	w.open("func (m ", name, ") MarshalJSON() ([]byte, error)")
	w.line("return m.AppendJSON(make([]byte, 0, 1024)), nil")
	w.close()
	k.decl(w)
	w.docLines(cmt("AppendJSON appends the "+name+" to b as MarshalJSON writes it: the fast"),
		"// way to encode, since json.Marshal re-scans what MarshalJSON returns.")
}

// objectBodyText is objectBody as text.
func objectBodyText(w *gw, t *model.Type, member func(fl *model.Field, buf string)) {
	if len(t.Fields) == 0 {
		w.line(`return append(b, "{}"...)`)
		return
	}
	optional := false
	for _, fl := range t.Fields {
		optional = optional || fl.Optional
	}
	if optional {
		w.line("n := len(b)")
		w.line("b = append(b, '{')")
	}
	for i, fl := range t.Fields {
		buf := "append(b, " + quote(keyPrefix(fl.Name, i == 0 && !optional)) + "...)"
		if fl.Optional {
			w.open("if m.", fl.GoName, " != nil")
			member(fl, buf)
			w.close()
			continue
		}
		member(fl, buf)
	}
	if optional {
		w.open("if len(b) > n+1 && b[n+1] == ','")
		w.line("b = append(b[:n+1], b[n+2:]...)")
		w.close()
	}
	w.line("return append(b, '}')")
}

// appendFieldText is appendField as text, writing values with
// appendValueText.
func appendFieldText(w *gw, buf, v string, fl *model.Field) {
	if !isPtr(fl) && !fl.Nullable {
		w.line("b = ", w.appendValueText(buf, v, fl.Type))
		return
	}
	deref := v
	if isPtr(fl) && fl.Type.Kind != model.KindObject {
		deref = "*" + v
	}
	if fl.Optional { // objectBodyText writes it only when not nil
		w.line("b = ", w.appendValueText(buf, deref, fl.Type))
		return
	}
	if fn, ok := plainWriter(fl); ok {
		// One line: the runtime's appendOrNull writes null or the value.
		w.line("b = appendOrNull(", buf, ", ", v, ", ", fn, ")")
		return
	}
	w.line("b = ", buf)
	w.open("if ", v, " == nil")
	w.line(`b = append(b, "null"...)`)
	w.reopen("else")
	w.line("b = ", w.appendValueText("b", deref, fl.Type))
	w.close()
}

// appendValueText is appendValue as text.
func (w *gw) appendValueText(buf, v string, t *model.TypeRef) string {
	switch t.Kind {
	case model.KindString:
		return "appendString(" + buf + ", " + v + ")"
	case model.KindState:
		return "appendString(" + buf + ", string(" + v + "))"
	case model.KindInteger:
		return "appendInt(" + buf + ", " + v + ")"
	case model.KindNumber:
		return "appendFloat(" + buf + ", " + v + ")"
	case model.KindBoolean:
		return "appendBool(" + buf + ", " + v + ")"
	case model.KindAny:
		return "appendRaw(" + buf + ", " + v + ")"
	case model.KindObject:
		return v + ".AppendJSON(" + buf + ")"
	}
	return "append" + typeKey(t) + "(" + buf + ", " + v + ")"
}

// valueWriter is an expression appending v (of type t) to the buffer buf.
type valueWriter func(buf jen.Code, v *jen.Statement, t *model.TypeRef) *jen.Statement

// objectBody writes the members of t in spec order, each written by member
// into buf, the buffer with the member's key already appended (so that a
// plain member is one line). An optional member that is nil is left out;
// then the separator written after the opening brace is cut at the end.
func objectBody(t *model.Type, member func(fl *model.Field, buf jen.Code) []jen.Code) []jen.Code {
	if len(t.Fields) == 0 {
		return []jen.Code{jen.Return(jen.Append(jen.Id("b"), jen.Lit("{}").Op("...")))}
	}
	optional := false
	for _, fl := range t.Fields {
		optional = optional || fl.Optional
	}
	var body []jen.Code
	if optional {
		body = append(body, jen.Id("n").Op(":=").Len(jen.Id("b")), jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('{')))
	}
	for i, fl := range t.Fields {
		prefix := keyPrefix(fl.Name, i == 0 && !optional)
		write := member(fl, jen.Append(jen.Id("b"), jen.Lit(prefix).Op("...")))
		if fl.Optional {
			body = append(body, jen.If(jen.Id("m").Dot(fl.GoName).Op("!=").Nil()).Block(write...))
			continue
		}
		body = append(body, write...)
	}
	if optional {
		body = append(body, jen.If(jen.Len(jen.Id("b")).Op(">").Id("n").Op("+").Lit(1).Op("&&").Id("b").Index(jen.Id("n").Op("+").Lit(1)).Op("==").LitRune(',')).Block(
			jen.Id("b").Op("=").Append(jen.Id("b").Index(jen.Empty(), jen.Id("n").Op("+").Lit(1)), jen.Id("b").Index(jen.Id("n").Op("+").Lit(2), jen.Empty()).Op("...")),
		))
	}
	return append(body, jen.Return(jen.Append(jen.Id("b"), jen.LitRune('}'))))
}

// appendField writes one field value into buf with write, null for an
// absent nullable value.
func appendField(buf jen.Code, v *jen.Statement, fl *model.Field, write valueWriter) []jen.Code {
	b := jen.Id("b")
	set := func(x jen.Code) jen.Code { return b.Clone().Op("=").Add(x) }
	if !isPtr(fl) && !fl.Nullable {
		return []jen.Code{set(write(buf, v, fl.Type))}
	}
	deref := v.Clone()
	if isPtr(fl) && fl.Type.Kind != model.KindObject {
		deref = jen.Op("*").Add(v.Clone())
	}
	if fl.Optional { // objectBody writes it only when not nil
		return []jen.Code{set(write(buf, deref, fl.Type))}
	}
	if fn, ok := plainWriter(fl); ok {
		// One line: the runtime's appendOrNull writes null or the value.
		return []jen.Code{set(jen.Id("appendOrNull").Call(buf, v.Clone(), jen.Id(fn)))}
	}
	return []jen.Code{
		set(buf),
		jen.If(v.Clone().Op("==").Nil()).Block(set(jen.Append(jen.Id("b"), jen.Lit("null").Op("...")))).
			Else().Block(set(write(jen.Id("b"), deref, fl.Type))),
	}
}

// plainWriter names the runtime function that appends the value a nullable
// pointer field points to, when one takes that value's own type (a scalar
// writes the same whether or not the object redacts).
func plainWriter(fl *model.Field) (string, bool) {
	if !isPtr(fl) {
		return "", false
	}
	fn, ok := map[model.Kind]string{
		model.KindString:  "appendString",
		model.KindInteger: "appendInt",
		model.KindNumber:  "appendFloat",
		model.KindBoolean: "appendBool",
	}[fl.Type.Kind]
	return fn, ok
}

// appendValue is an expression appending v (of type t) to buf.
func appendValue(buf jen.Code, v *jen.Statement, t *model.TypeRef) *jen.Statement {
	switch t.Kind {
	case model.KindString:
		return jen.Id("appendString").Call(buf, v)
	case model.KindState:
		return jen.Id("appendString").Call(buf, jen.String().Call(v))
	case model.KindInteger:
		return jen.Id("appendInt").Call(buf, v)
	case model.KindNumber:
		return jen.Id("appendFloat").Call(buf, v)
	case model.KindBoolean:
		return jen.Id("appendBool").Call(buf, v)
	case model.KindAny:
		return jen.Id("appendRaw").Call(buf, v)
	case model.KindObject:
		return v.Dot("AppendJSON").Call(buf)
	}
	return jen.Id("append"+typeKey(t)).Call(buf, v)
}

// appendHelper writes a list or map of t's element type.
func appendHelper(w *gw, t *model.TypeRef) {
	w.open("func append", typeKey(t), "(b []byte, v ", w.typeText(t), ") []byte")
	open, end, elem := "'{'", "'}'", w.appendValueText("append(appendString(b, v[i].Key), ':')", "v[i].Value", t.Elem)
	if t.Kind == model.KindList {
		open, end, elem = "'['", "']'", w.appendValueText("b", "v[i]", t.Elem)
	}
	w.line("b = append(b, ", open, ")")
	w.open("for i := range v")
	w.open("if i > 0")
	w.line("b = append(b, ',')")
	w.close()
	w.line("b = ", elem)
	w.close()
	w.line("return append(b, ", end, ")")
	w.close()
}

// collectionHelper writes the function name appending a list or map of t,
// each element written by elem.
func (g *gen) collectionHelper(f *jen.File, name string, t *model.TypeRef, elem func(buf jen.Code, v *jen.Statement) *jen.Statement) {
	var body []jen.Code
	if t.Kind == model.KindList {
		body = []jen.Code{
			jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('[')),
			jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(
				jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(','))),
				jen.Id("b").Op("=").Add(elem(jen.Id("b"), jen.Id("v").Index(jen.Id("i")))),
			),
			jen.Return(jen.Append(jen.Id("b"), jen.LitRune(']'))),
		}
	} else {
		body = []jen.Code{
			jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('{')),
			jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(
				jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(','))),
				jen.Id("b").Op("=").Add(elem(jen.Append(jen.Id("appendString").Call(jen.Id("b"), jen.Id("v").Index(jen.Id("i")).Dot("Key")), jen.LitRune(':')), jen.Id("v").Index(jen.Id("i")).Dot("Value"))),
			),
			jen.Return(jen.Append(jen.Id("b"), jen.LitRune('}'))),
		}
	}
	f.Func().Id(name).Params(jen.Id("b").Index().Byte(), jen.Id("v").Add(goType(t))).Index().Byte().Block(body...)
}

// marshalMethods writes MarshalJSON and the doc comment of AppendJSON, the
// fast path, which the caller writes next: json.Marshal re-scans what
// MarshalJSON returns, AppendJSON writes into the caller's buffer and
// nothing else.
func marshalMethods(f *jen.File, name string) {
	f.Comment("// MarshalJSON writes the members in contract order.")
	f.Func().Params(jen.Id("m").Id(name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("m").Dot("AppendJSON").Call(jen.Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(1024))), jen.Nil()),
	)
	f.Comment(cmt("AppendJSON appends the " + name + " to b as MarshalJSON writes it: the fast"))
	f.Comment("// way to encode, since json.Marshal re-scans what MarshalJSON returns.")
}
