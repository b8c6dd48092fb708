package golang

import (
	"strings"

	"github.com/contractgen/contractgen/internal/model"
)

// The runtime's items[T] makes room for list items, map entries and
// pointed-to objects: the one place where a decoder needs a Go type, so
// that the garbage collector knows which words of the new memory are
// pointers. Every distinct type argument is a generic instantiation, that
// is, functions of their own for the compiler to build; one per object type
// cost about 1.5 s of go build at a thousand operations
// (scripts/bench-build.sh).
//
// So items is instantiated with an object's memory twin instead: an alias
// of an unnamed struct type whose fields have blank names and the unnamed
// types that hold the same words (a state is a string, any slice is
// []byte, any pointer is unsafe.Pointer, an object held by value is its
// own twin). The twin has the struct's size, alignment and pointer words
// on every platform, which is what unsafe.Pointer's rules ask of memory
// read as another type, and every object type of the same shape shares one
// instantiation.

// itemsType is the type argument of items for values of t: t's Go type, or
// the memory twin of an object type.
func (g *gen) itemsType(t *model.TypeRef) string {
	if t.Kind == model.KindObject {
		if twin, ok := g.twinOf(t.Object); ok {
			return twin
		}
	}
	var w gw
	return w.goType(t)
}

// twinOf is the name of the memory twin of the struct of object type o,
// declared once per shape (layoutDecls); ok is false when o or an object
// it holds by value is a union, whose struct is not written from Fields.
func (g *gen) twinOf(o *model.Type) (string, bool) {
	l := &g.layouts
	if name, ok := l.twinOfType[o]; ok {
		// Each type is looked at once: objects held by value within
		// objects held by value are not walked again per path.
		return name, name != ""
	}
	if l.twinOfType == nil {
		l.twinOfType = map[*model.Type]string{}
	}
	name, ok := g.newTwin(o)
	l.twinOfType[o] = name
	return name, ok
}

// newTwin works out twinOf for o.
func (g *gen) newTwin(o *model.Type) (string, bool) {
	if o.Union != nil {
		return "", false
	}
	fields := make([]string, len(o.Fields))
	for i, fl := range o.Fields {
		ft, ok := g.twinField(fl)
		if !ok {
			return "", false
		}
		fields[i] = ft
	}
	l := &g.layouts
	key := strings.Join(fields, "; ")
	if name, ok := l.twinNames[key]; ok {
		return name, true
	}
	if l.twinNames == nil {
		l.twinNames = map[string]string{}
	}
	name := "twin" + o.GoName
	l.twinNames[key] = name
	l.twins = append(l.twins, twinDecl{name: name, of: o.GoName, fields: fields})
	return name, true
}

// twinDecl is a memory twin's declaration: an alias of an unnamed struct
// type, so that items of it and items of the struct literal are one
// instantiation.
type twinDecl struct {
	name, of string
	fields   []string
}

// twinField is the type in a memory twin standing for the field fl, whose
// Go type fieldType gives.
func (g *gen) twinField(fl *model.Field) (string, bool) {
	if isPtr(fl) {
		return "unsafe.Pointer", true
	}
	switch fl.Type.Kind {
	case model.KindString, model.KindState:
		return "string", true
	case model.KindInteger, model.KindNumber, model.KindBoolean:
		return model.ScalarGoTypes[fl.Type.Kind], true
	case model.KindList, model.KindMap, model.KindAny:
		// A slice, a Map (a slice of entries) or a json.RawMessage.
		return "[]byte", true
	case model.KindObject:
		return g.twinOf(fl.Type.Object)
	}
	return "", false
}

// twinDecls writes the memory twins' declarations.
func (g *gen) twinDecls(k *sink, w *gw) {
	for _, t := range g.layouts.twins {
		w.docLines(cmt(t.name + " is the memory twin of " + t.of + " and of every type of its shape (see items)."))
		if len(t.fields) == 0 {
			w.line("type ", t.name, " = struct{}")
			k.decl(w)
			continue
		}
		w.open("type ", t.name, " = struct")
		for _, f := range t.fields {
			if strings.HasPrefix(f, "unsafe.") {
				w.use("unsafe")
			}
			w.line("_ ", f)
		}
		w.close()
		k.decl(w)
	}
}
