package golang

import (
	"encoding/json"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
)

// typesFile holds the structs and their JSON encoding, which writes keys in
// spec order without reflection.
func (g *gen) typesFile(k *sink) {
	var w gw
	for _, s := range g.structs {
		k.next()
		if s.t.Union != nil {
			g.unionDecl(k, &w, s)
			continue
		}
		g.structDecl(&w, s)
		k.decl(&w)
		g.marshal(k, &w, s)
		if g.redactsType(s.t) {
			g.redactMethods(k, &w, s)
		}
	}
	for _, t := range g.collectTypes() {
		appendHelper(&w, t)
		k.decl(&w)
		if g.redacts(t) {
			g.redactHelper(&w, t)
			k.decl(&w)
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
		rows = append(rows, []string{fl.GoName, w.fieldType(fl), tag("json", name)})
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
	marshalMethods(k, w, name)
	w.open("func (m *", name, ") AppendJSON(b []byte) []byte")
	objectBody(w, s.t, func(fl *model.Field, buf string) {
		appendField(w, buf, "m."+fl.GoName, fl, w.appendValue)
	})
	w.close()
	k.decl(w)
}

// marshalMethods writes MarshalJSON, then the doc comment of
// AppendJSON, the fast path, which the caller writes next into w:
// json.Marshal re-scans what MarshalJSON returns, AppendJSON writes into
// the caller's buffer and nothing else.
func marshalMethods(k *sink, w *gw, name string) {
	w.docLines("// MarshalJSON writes the members in contract order.")
	w.open("func (m ", name, ") MarshalJSON() ([]byte, error)")
	w.line("return m.AppendJSON(make([]byte, 0, 1024)), nil")
	w.close()
	k.decl(w)
	w.docLines(cmt("AppendJSON appends the "+name+" to b as MarshalJSON writes it: the fast"),
		"// way to encode, since json.Marshal re-scans what MarshalJSON returns.")
}

// objectBody writes the members of t in spec order, each written by
// member into buf, the buffer with the member's key already appended (so
// that a plain member is one line). An optional member that is nil is left
// out; then the separator written after the opening brace is cut at the
// end.
func objectBody(w *gw, t *model.Type, member func(fl *model.Field, buf string)) {
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

// appendField writes one field value into buf with write, null for an
// absent nullable value.
func appendField(w *gw, buf, v string, fl *model.Field, write valueWriter) {
	if !isPtr(fl) && !fl.Nullable {
		w.line("b = ", write(buf, v, fl.Type))
		return
	}
	deref := v
	if isPtr(fl) && fl.Type.Kind != model.KindObject {
		deref = "*" + v
	}
	if fl.Optional { // objectBody writes it only when not nil
		w.line("b = ", write(buf, deref, fl.Type))
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
	w.line("b = ", write("b", deref, fl.Type))
	w.close()
}

// appendValue is an expression appending v (of type t) to buf.
func (w *gw) appendValue(buf, v string, t *model.TypeRef) string {
	if fn, ok := scalarAppenders[t.Kind]; ok {
		return fn + "(" + buf + ", " + v + ")"
	}
	switch t.Kind {
	case model.KindState:
		return "appendString(" + buf + ", string(" + v + "))"
	case model.KindObject:
		return v + ".AppendJSON(" + buf + ")"
	}
	return "append" + typeKey(t) + "(" + buf + ", " + v + ")"
}

// scalarAppenders name the runtime function appending a value of each
// scalar kind, which takes the value's own Go type.
var scalarAppenders = map[model.Kind]string{
	model.KindString:  "appendString",
	model.KindInteger: "appendInt",
	model.KindNumber:  "appendFloat",
	model.KindBoolean: "appendBool",
	model.KindAny:     "appendRaw",
}

// valueWriter is an expression appending v (of type t) to the buffer buf.
type valueWriter func(buf, v string, t *model.TypeRef) string

// plainWriter names the runtime function that appends the value a nullable
// pointer field points to, when one takes that value's own type (a scalar
// writes the same whether or not the object redacts).
func plainWriter(fl *model.Field) (string, bool) {
	if !isPtr(fl) {
		return "", false
	}
	fn, ok := scalarAppenders[fl.Type.Kind]
	return fn, ok
}

// appendHelper writes a list or map of t's element type.
func appendHelper(w *gw, t *model.TypeRef) {
	collectionHelper(w, "append"+typeKey(t), t, w.appendValue)
}

// collectionHelper writes the function name appending a list or map of t,
// each element written by elem.
func collectionHelper(w *gw, name string, t *model.TypeRef, elem valueWriter) {
	w.open("func ", name, "(b []byte, v ", w.goType(t), ") []byte")
	open, end, write := "'{'", "'}'", elem("append(appendString(b, v[i].Key), ':')", "v[i].Value", t.Elem)
	if t.Kind == model.KindList {
		open, end, write = "'['", "']'", elem("b", "v[i]", t.Elem)
	}
	w.line("b = append(b, ", open, ")")
	w.open("for i := range v")
	w.open("if i > 0")
	w.line("b = append(b, ',')")
	w.close()
	w.line("b = ", write)
	w.close()
	w.line("return append(b, ", end, ")")
	w.close()
}
