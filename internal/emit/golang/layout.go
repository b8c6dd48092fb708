package golang

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
)

// Every struct's encoding is a layout table (the runtime's layout.go):
// layoutObj<Name> lists its members with their keys, offsets and the
// layouts of their values, and MarshalJSON, AppendJSON and appendRedacted
// are one call of the runtime each. Lists, maps and pointers to objects
// get a layout each (layoutList<Key>, layoutMap<Key>, layoutPtrObj<Name>),
// declared after the structs; scalars and pointers to them use the
// runtime's. Every table is a constant expression, which the compiler lays
// out as data instead of compiling an encoder per type.

// layouts collects the list, map and pointer layouts the object layouts
// refer to, each declared once, in the order first needed.
type layouts struct {
	decls [][2]string // name, value
	seen  map[string]bool
	// scc numbers each struct's strongly connected component: a member
	// whose type leads back into its own struct's component is set by
	// init, since a variable's initializer cannot refer to itself.
	scc map[string]int
	// patches are the assignments init makes.
	patches []string
	// twins are the memory twins items is instantiated with, by their
	// fields' types (twin.go).
	twins      []twinDecl
	twinNames  map[string]string
	twinOfType map[*model.Type]string // "": none
}

// layoutKey names the layout of values of t: states share String's.
func layoutKey(t *model.TypeRef) string {
	switch t.Kind {
	case model.KindState:
		return "String"
	case model.KindList:
		return "List" + layoutKey(t.Elem)
	case model.KindMap:
		return "Map" + layoutKey(t.Elem)
	}
	return typeKey(t)
}

// layoutRef is the address of the layout of a value of t, through a
// pointer when ptr holds; it declares the layouts that need declaring.
func (g *gen) layoutRef(t *model.TypeRef, ptr bool) string {
	if ptr {
		name := "layoutPtr" + layoutKey(t)
		if t.Kind == model.KindObject {
			obj := t.Object.GoName
			g.declareLayout(name, "layout{kind: kindPtr, elem: &layoutObj"+obj+", items: items["+g.itemsType(t)+"]}")
		}
		return "&" + name
	}
	name := "layout" + layoutKey(t)
	switch t.Kind {
	case model.KindList, model.KindMap:
		typ, zero := sizeType(t.Elem)
		kind, size, item := "kindList", "unsafe.Sizeof("+zero+")", "%s"
		if t.Kind == model.KindMap {
			kind, size, item = "kindMap", "unsafe.Sizeof(Entry["+typ+"]{})", "Entry[%s]"
		}
		elem := g.layoutRef(t.Elem, false)
		v := "layout{kind: " + kind + ", size: " + size + ", elem: " + elem
		if k := t.Elem.Kind; k != model.KindString && k != model.KindState {
			// The runtime reads lists and maps of strings itself; any
			// other item needs its Go type to be made.
			v += ", items: items[" + fmt.Sprintf(item, g.itemsType(t.Elem)) + "]"
		}
		g.declareLayout(name, v+"}")
	}
	return "&" + name
}

// sizeType is a Go type of the size and alignment of t's values, and its
// zero value: every slice type stands for itself as []byte, so that no
// import is needed for a size.
func sizeType(t *model.TypeRef) (typ, zero string) {
	switch t.Kind {
	case model.KindString, model.KindState:
		return "string", `""`
	case model.KindInteger:
		return "int64", "int64(0)"
	case model.KindNumber:
		return "float64", "float64(0)"
	case model.KindBoolean:
		return "bool", "false"
	case model.KindObject:
		return t.Object.GoName, t.Object.GoName + "{}"
	}
	return "[]byte", "[]byte(nil)"
}

func (g *gen) declareLayout(name, value string) {
	l := &g.layouts
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	if !l.seen[name] {
		l.seen[name] = true
		l.decls = append(l.decls, [2]string{name, value})
	}
}

// objectLayout writes layoutObj<Name>, the layout of s.
func (g *gen) objectLayout(k *sink, w *gw, s *goStruct) {
	name := s.t.GoName
	kind := "kindObject"
	var rows []string
	// How the runtime's decodeObject or decodeUnion reads the type.
	head := ", members: &members" + name
	if fills(s.t) {
		head += ", fill: fill" + name
	}
	if g.tableOnly(s) {
		head += ", rules: &rules" + name
	}
	if u := s.t.Union; u != nil {
		kind = "kindUnion"
		head = ", disc: " + quote(u.Discriminator) + ", discMsg: " + quote(model.UnionEnumMessage(u))
		for i, v := range u.Variants {
			// A variant's row holds the discriminator's value as its key.
			ref := g.fieldRef(s, i, &model.TypeRef{Kind: model.KindObject, Object: v.Type}, true)
			rows = append(rows, "{"+join(goString(v.Value), "unsafe.Offsetof("+name+"{}."+v.GoName+")", ref, "0")+"},")
		}
	}
	for i, fl := range s.t.Fields {
		ref := g.fieldRef(s, i, fl.Type, isPtr(fl))
		rows = append(rows, "{"+join(goString(memberKey(fl.Name)), "unsafe.Offsetof("+name+"{}."+fl.GoName+")", ref, fieldFlags(fl))+"},")
	}
	w.use("unsafe")
	if len(rows) == 0 {
		w.line("var layoutObj", name, " = layout{kind: ", kind, head, "}")
	} else {
		w.line("var layoutObj", name, " = layout{kind: ", kind, head, ", fields: []fieldLayout{")
		for _, r := range rows {
			w.line("\t", r)
		}
		w.line("}}")
	}
	k.decl(w)
}

// fieldRef is the layout of member i of s, or nil when its type leads back
// to s: then init sets it.
func (g *gen) fieldRef(s *goStruct, i int, t *model.TypeRef, ptr bool) string {
	ref := g.layoutRef(t, ptr)
	if g.loopsBack(s.t.GoName, t) {
		g.layouts.patches = append(g.layouts.patches, "layoutObj"+s.t.GoName+".fields["+litInt(i)+"].l = "+ref)
		return "nil"
	}
	return ref
}

// loopsBack reports whether t holds an object of from's component.
func (g *gen) loopsBack(from string, t *model.TypeRef) bool {
	switch t.Kind {
	case model.KindObject:
		return g.component(t.Object.GoName) == g.component(from)
	case model.KindList, model.KindMap:
		return g.loopsBack(from, t.Elem)
	}
	return false
}

// fieldFlags are the runtime's flags of fl.
func fieldFlags(fl *model.Field) string {
	var flags []string
	if fl.Optional {
		flags = append(flags, "fieldOptional")
	}
	if fl.Nullable {
		flags = append(flags, "fieldNullable")
	}
	if fl.Sensitive {
		flags = append(flags, "fieldSensitive")
	}
	if len(flags) == 0 {
		return "0"
	}
	return strings.Join(flags, " | ")
}

// layoutDecls writes the list, map and pointer layouts, then the init
// that closes the loops of types that hold themselves.
func (g *gen) layoutDecls(k *sink, w *gw) {
	g.twinDecls(k, w)
	if len(g.layouts.decls) > 0 {
		w.docLines("// The layouts of the lists and maps, and of the pointers to objects, that",
			"// members hold.")
		w.line("var (")
		w.ind++
		rows := make([][]string, len(g.layouts.decls))
		for i, d := range g.layouts.decls {
			if strings.Contains(d[1], "unsafe.") {
				w.use("unsafe")
			}
			if strings.Contains(d[1], "json.RawMessage") {
				w.use("encoding/json")
			}
			rows[i] = []string{d[0], "= " + d[1]}
		}
		w.rows(rows)
		w.ind--
		w.line(")")
		k.decl(w)
	}
	if len(g.layouts.patches) > 0 {
		w.open("func init()")
		for _, p := range g.layouts.patches {
			w.line(p)
		}
		w.close()
		k.decl(w)
	}
}

// goString is s as a Go string literal, back-quoted when it can be.
func goString(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return quote(s)
}

// components numbers the strongly connected components of the structs,
// linked by the objects their members hold (Tarjan's algorithm), so that
// the layouts of types that hold themselves can be told apart.
func (g *gen) components() map[string]int {
	byName := map[string]*model.Type{}
	for _, s := range g.structs {
		byName[s.t.GoName] = s.t
	}
	index, low, comp := map[string]int{}, map[string]int{}, map[string]int{}
	var stack []string
	onStack := map[string]bool{}
	var visit func(n string)
	visit = func(n string) {
		index[n], low[n] = len(index), len(index)
		stack, onStack[n] = append(stack, n), true
		for _, m := range heldObjects(byName[n]) {
			if _, ok := index[m]; !ok {
				visit(m)
				low[n] = min(low[n], low[m])
			} else if onStack[m] {
				low[n] = min(low[n], index[m])
			}
		}
		if low[n] == index[n] {
			id := len(comp)
			for {
				m := stack[len(stack)-1]
				stack, onStack[m] = stack[:len(stack)-1], false
				comp[m] = id
				if m == n {
					break
				}
			}
		}
	}
	for _, s := range g.structs {
		if _, ok := index[s.t.GoName]; !ok {
			visit(s.t.GoName)
		}
	}
	return comp
}

// component is the number of the strongly connected component of the
// struct named name (components), worked out on first use.
func (g *gen) component(name string) int {
	if g.layouts.scc == nil {
		g.layouts.scc = g.components()
	}
	return g.layouts.scc[name]
}

// heldObjects names the object types t's members and variants hold.
func heldObjects(t *model.Type) []string {
	if t == nil {
		return nil
	}
	var out []string
	var add func(r *model.TypeRef)
	add = func(r *model.TypeRef) {
		switch r.Kind {
		case model.KindObject:
			out = append(out, r.Object.GoName)
		case model.KindList, model.KindMap:
			add(r.Elem)
		}
	}
	for _, fl := range t.Fields {
		add(fl.Type)
	}
	if t.Union != nil {
		for _, v := range t.Union.Variants {
			out = append(out, v.Type.GoName)
		}
	}
	return out
}
