package golang

import (
	"encoding/json"
	"strconv"
	"strings"
)

// typesFile holds the structs and their JSON encoding, which writes keys in
// spec order without reflection.
func (g *gen) typesFile(k *sink) {
	var w gw
	for _, s := range g.structs {
		k.next()
		if s.t.Union != nil {
			g.unionDecl(k, &w, s)
		} else {
			g.structDecl(&w, s)
			k.decl(&w)
			g.marshal(k, &w, s)
			if g.redactsType(s.t) {
				g.redactMethods(k, &w, s)
			}
		}
		g.objectLayout(k, &w, s)
	}
	g.layoutDecls(k, &w)
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
		rows = append(rows, []string{fl.GoName, w.fieldType(fl), jsonTag(fl.Name, fl.Optional)})
	}
	w.rows(rows)
	w.close()
}

// memberKey is the JSON text written before a member's value: its name
// as encoding/json writes a string, and a colon.
func memberKey(name string) string {
	k, _ := json.Marshal(name)
	return string(k) + ":"
}

// marshal writes MarshalJSON and AppendJSON of s.
func (g *gen) marshal(k *sink, w *gw, s *goStruct) {
	name := s.t.GoName
	marshalMethods(k, w, name)
	appendMethod(k, w, name, "AppendJSON", false)
}

// appendMethod writes the method name of type name that appends its JSON
// encoding through the type's layout, redacted when redact holds.
func appendMethod(k *sink, w *gw, name, method string, redact bool) {
	w.use("unsafe")
	w.open("func (m *", name, ") ", method, "(b []byte) []byte")
	w.line("return appendObject(b, unsafe.Pointer(m), &layoutObj", name, ", ", strconv.FormatBool(redact), ")")
	w.close()
	k.decl(w)
}

// marshalMethods writes MarshalJSON, then the doc comment of
// AppendJSON, the fast path, which the caller writes next into w:
// json.Marshal re-scans what MarshalJSON returns, AppendJSON writes into
// the caller's buffer and nothing else.
func marshalMethods(k *sink, w *gw, name string) {
	w.docLines("// MarshalJSON writes the members in contract order.")
	w.use("unsafe")
	w.noinline()
	w.open("func (m ", name, ") MarshalJSON() ([]byte, error)")
	w.line("return marshalObject(unsafe.Pointer(&m), &layoutObj", name, ")")
	w.close()
	k.decl(w)
	w.docLines("// AppendJSON appends m to b as MarshalJSON writes it; faster than json.Marshal, which re-scans. It panics where MarshalJSON returns an error (a value nested more than 10,000 levels deep). Like MarshalJSON it writes a free-form member as it holds it, and a NaN or infinite number as null; Validate refuses both, so validate a value built in Go before encoding it.")
}
