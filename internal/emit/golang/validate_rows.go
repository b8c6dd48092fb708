package golang

import "github.com/contractgen/contractgen/internal/model"

// A type is validated by its table alone (validateTable), with no validate
// method, when every member it checks has a memberRule row: besides the
// scalars and lists tableValidated names, an object or a list of objects
// whose type is itself such a type, does not lead back to it, and nests no
// deeper than the runtime's walk follows. Any other type has a validate
// method that checks its rows in runs and the rest in code.

// maxTableDepth is the runtime's maxTableDepth (walk.go): how many objects
// within objects one row may lead through.
const maxTableDepth = 8

// tableInfo is what tableOf found for a type: whether its table alone
// validates it, and how many objects deep its rows lead.
type tableInfo struct {
	only  bool
	depth int
}

// tableOnly reports whether s is validated by its table alone.
func (g *gen) tableOnly(s *goStruct) bool {
	return g.tableOf(s).only
}

// tableOf works out s's tableInfo once.
func (g *gen) tableOf(s *goStruct) tableInfo {
	if ti, ok := g.tables[s.t]; ok {
		return ti
	}
	if g.tables == nil {
		g.tables = map[*model.Type]tableInfo{}
	}
	ti := tableInfo{only: s.t.Union == nil}
	for _, fl := range s.t.Fields {
		if !g.hasRow(s, fl) {
			ti.only = false
			continue
		}
		if t := rowObject(fl); t != nil {
			ti.depth = max(ti.depth, 1+g.tableOf(g.byType[t]).depth)
		}
	}
	g.tables[s.t] = ti
	return ti
}

// hasRow reports whether member fl of s is checked by a memberRule row.
func (g *gen) hasRow(s *goStruct, fl *model.Field) bool {
	if knownOperation(s, fl) {
		return false
	}
	if tableValidated(fl) {
		return true
	}
	t := rowObject(fl)
	if t == nil || fl.Const != nil || fl.UniqueItems || g.sameComponent(t, s.t) {
		return false
	}
	ti := g.tableOf(g.byType[t])
	return ti.only && ti.depth < maxTableDepth
}

// rowObject is the object type of a member that holds one object or a
// list of them, which a row may check; nil for any other member.
func rowObject(fl *model.Field) *model.Type {
	t := fl.Type
	if t.Kind == model.KindList {
		t = t.Elem
	}
	if t.Kind != model.KindObject {
		return nil
	}
	return t.Object
}

// knownOperation reports whether fl is the operation member of a shared
// response, which is checked against the contract's operations in code.
func knownOperation(s *goStruct, fl *model.Field) bool {
	return s.kind == kindResponse && s.op == nil && fl.Source == model.SourceRequest && fl.RequestField != nil && fl.RequestField.Source == model.SourceOperation
}

// sameComponent reports whether a and b hold each other, directly or
// through other types (layout.go's components).
func (g *gen) sameComponent(a, b *model.Type) bool {
	return g.component(a.GoName) == g.component(b.GoName)
}

// holdsItself reports whether a value of t can hold another value of t,
// at any depth: it has a member (or variant) of a type in its own strongly
// connected component, itself included. Only such a value nests without a
// bound the types set, or forms a pointer cycle.
func (g *gen) holdsItself(t *model.Type) bool {
	for _, m := range heldObjects(t) {
		if g.component(m) == g.component(t.GoName) {
			return true
		}
	}
	return false
}

// depthGuard starts the validate method of a type that holds itself with
// the runtime's tooDeep, so that a pointer cycle or a value nested deeper
// than any document the decoders accept ends in an error, not in a stack
// overflow.
func (g *gen) depthGuard(w *gw, t *model.Type) {
	if !g.holdsItself(t) {
		return
	}
	w.open("if es.tooDeep(p)")
	w.line("return")
	w.close()
}

// memberScan is the scan mode of member fl of s as an operand of a call,
// and in a message the member's own mode ("" elsewhere: it is scanned as
// its struct is).
func memberScan(s *goStruct, fl *model.Field) (sc, mode string) {
	if s.kind != kindRequest && s.kind != kindResponse {
		return "sc", ""
	}
	m := s.scanEnv
	if fl.Source == model.SourcePayload {
		m = s.scanPayload
	}
	mode = "scanMode(" + litInt(int(m)) + ")"
	if k := fl.Type.Kind; k == model.KindObject || k == model.KindAny || k == model.KindList || k == model.KindMap {
		// The decoder's word that free-form values are read and cleared
		// (decoded, rawsCleared) passes on to what may hold one.
		return "sc&(rawsCleared|decoded)|" + mode, mode
	}
	return mode, mode
}

// tableRows writes rules<Name>, the rows of a type its table alone
// validates, which the rows of the types holding it point to.
func (g *gen) tableRows(k *sink, w *gw, s *goStruct) {
	var rows []string
	for _, fl := range s.t.Fields {
		if hasNumberChecks(fl) {
			_, mode := memberScan(s, fl)
			rows = append(rows, g.memberRule(s, fl, mode))
		}
	}
	writeRules(k, w, s.t.GoName, rows)
}

// writeRules declares rules<name>, a slice of the rows (nil when none).
func writeRules(k *sink, w *gw, name string, rows []string) {
	if len(rows) == 0 {
		w.line("var rules", name, " []memberRule")
		k.decl(w)
		return
	}
	w.use("unsafe")
	w.line("var rules", name, " = []memberRule{")
	for _, r := range rows {
		w.line("\t", r)
	}
	w.line("}")
	k.decl(w)
}

// objectCheck validates the object v of type t, or the one v points to
// when ptr holds, at path p: through its validate method, or its rows
// when it has none.
func (g *gen) objectCheck(t *model.Type, v, p, sc string, ptr bool) string {
	if !g.tableOnly(g.byType[t]) {
		return v + ".validate(" + join(p, "es", sc) + ")"
	}
	if !ptr {
		v = "&" + v
	}
	return "validateMembers(" + join(p, "unsafe.Pointer("+v+")", "rules"+t.GoName, "es", sc) + ")"
}
