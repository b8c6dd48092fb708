package golang

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/dave/jennifer/jen"
)

// decodeFile holds the strict decoders: one exported Decode function per
// struct, a decode method per struct and a helper per list or map type.
func (g *gen) decodeFile(k *sink) {
	for _, s := range g.structs {
		k.next()
		f := k.jen()
		g.decodeFunc(f, s)
		if s.t.Union != nil {
			g.unionDecode(f, s)
			continue
		}
		g.decodeMethod(f, s)
	}
	f := k.jen()
	for _, t := range g.collectTypes() {
		g.decodeHelper(f, t)
	}
	for _, op := range g.c.Operations {
		if op.Response.Shared() {
			g.sharedDecoder(f, op, g.shared[op.Response])
		}
	}
	g.answerFile(f)
}

// sharedDecoder reads the shared response that answers op, and checks that
// it answers that operation.
func (g *gen) sharedDecoder(f *jen.File, op *model.Operation, s *goStruct) {
	var opField *model.Field
	for _, fl := range s.t.Fields {
		if fl.Source == model.SourceRequest && fl.RequestField != nil && fl.RequestField.Source == model.SourceOperation {
			opField = fl
		}
	}
	decode := "Decode" + s.t.GoName
	body := []jen.Code{
		jen.List(jen.Id("m"), jen.Err()).Op(":=").Id(decode).Call(jen.Id("data"), jen.Id("opts").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
	}
	if opField != nil {
		body = append(body, jen.If(jen.Id("m").Dot(opField.GoName).Op("!=").Lit(op.Name)).Block(
			jen.Return(jen.Nil(), jen.Id("mismatchAt").Call(jen.Lit(opField.Name), jen.Lit(opField.Name+" must be \""+op.Name+"\"")))))
	}
	body = append(body, jen.Return(jen.Id("m"), jen.Nil()))
	name := "Decode" + op.ResponseGoName()
	f.Comment(cmt(name + " reads the shared " + op.Response.Name + " response, which answers operation " + op.Name + ","))
	f.Comment(cmt("strictly as " + decode + " does, and checks that it answers " + op.Name + "."))
	f.Func().Id(name).Params(jen.Id("data").Index().Byte(), jen.Id("opts").Op("...").Id("DecodeOption")).Params(jen.Op("*").Id(s.t.GoName), jen.Error()).Block(body...)
}

func (g *gen) decodeFunc(f *jen.File, s *goStruct) {
	name := s.t.GoName
	f.Comment(cmt(fmt.Sprintf("Decode%s reads one %s from data strictly (see DecodeOption)", name, name)))
	f.Comment("// and validates it.")
	var body []jen.Code
	root := jen.Nil()
	sc, r := g.validateRoot(s)
	if r != "" {
		// Paths start under type_root, as Validate reports them.
		body = append(body, jen.Id("rp").Op(":=").Id("keyPath").Call(jen.Nil(), jen.Lit(r)))
		root = jen.Op("&").Id("rp")
	}
	body = append(body, jen.Return(jen.Id("decodeTop").Call(jen.New(jen.Id(name)), jen.Id("data"), jen.Id("opts"), root, jen.Lit(int(sc)))))
	f.Func().Id("Decode"+name).Params(jen.Id("data").Index().Byte(), jen.Id("opts").Op("...").Id("DecodeOption")).Params(jen.Op("*").Id(name), jen.Error()).Block(body...)
}

// decodeMethod writes the strict decoder of one object type: a table of
// its members (memberTable) and a switch on the member's index with one
// assignment per field. The loop, key lookup and member checks run in the
// runtime's memberReader, called directly (never through a function value,
// which would move member paths to the heap).
func (g *gen) decodeMethod(f *jen.File, s *goStruct) {
	name := s.t.GoName
	tableVar := "members" + name
	table := jen.Id("memberTable").Values(memberTable(s.t)...)
	if len(s.t.Fields) > indexedFrom {
		table = jen.Id("indexed").Call(table)
	}
	f.Var().Id(tableVar).Op("=").Add(table)
	n := len(s.t.Fields)
	var cases []jen.Code
	for i, fl := range s.t.Fields {
		cases = append(cases, jen.Case(jen.Lit(i)).Block(decodeField(jen.Id("m").Dot(fl.GoName), fl)...))
	}
	seen := jen.Nil()
	var body []jen.Code
	if n > 0 {
		body = append(body, jen.Var().Id("seen").Index(jen.Lit(n)).Bool())
		seen = jen.Id("seen").Index(jen.Empty(), jen.Empty())
	}
	body = append(body, jen.Id("o").Op(":=").Id("readMembers").Call(jen.Id("p"), seen))
	body = append(body, jen.Var().Err().Error())
	var loop []jen.Code
	if n > 0 {
		loop = append(loop, jen.Switch(jen.Id("o").Dot("i")).Block(cases...))
	}
	body = append(body, jen.For(jen.Id("o").Dot("next").Call(jen.Id("d"), jen.Op("&").Id(tableVar), jen.Op("&").Err())).Block(loop...))
	for i, fl := range s.t.Fields {
		switch {
		case fl.WireRequired():
		case fl.Default != nil && scalarDefault(fl):
			// One line; the literal costs nothing to evaluate.
			body = append(body, jen.Id("m").Dot(fl.GoName).Op("=").Id("orSeen").Call(jen.Id("seen").Index(jen.Lit(i)), jen.Id("m").Dot(fl.GoName), fieldLit(fl.Default, fl)))
		case fl.Default != nil:
			body = append(body, jen.If(jen.Op("!").Id("seen").Index(jen.Lit(i))).Block(jen.Id("m").Dot(fl.GoName).Op("=").Add(fieldLit(fl.Default, fl))))
		case fl.Const != nil:
			body = append(body, jen.If(jen.Op("!").Id("seen").Index(jen.Lit(i))).Block(jen.Id("m").Dot(fl.GoName).Op("=").Add(fieldLit(fl.Const, fl))))
		}
	}
	body = append(body, jen.Return(jen.Id("o").Dot("end").Call(jen.Op("&").Id(tableVar), jen.Err())))
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("decode").Params(jen.Id("d").Op("*").Id("decoder"), jen.Id("p").Op("*").Id("pathNode")).Error().Block(body...)
}

// indexedFrom is the field count above which a type's members are found
// through a map built at initialization (see the runtime's indexed)
// rather than by comparing the key with each name.
const indexedFrom = 16

// memberTable is the literal of a type's memberTable: names, required
// members, and the nullable and type-text columns only where a field needs
// them, keyed by field index ([]bool{8: true}).
func memberTable(t *model.Type) []jen.Code {
	var names, required, nullable, typeText []jen.Code
	for i, fl := range t.Fields {
		names = append(names, jen.Lit(fl.Name))
		if fl.WireRequired() {
			required = append(required, jen.Values(jen.Lit(i), jen.Lit(fl.Messages[model.RuleRequired])))
		}
		if fl.Nullable {
			nullable = append(nullable, jen.Lit(i).Op(":").True())
		}
		if msg, ok := fl.Messages[model.RuleType]; ok {
			typeText = append(typeText, jen.Lit(i).Op(":").Lit(msg))
		}
	}
	var v []jen.Code
	if len(names) > 0 {
		v = append(v, jen.Id("names").Op(":").Index().String().Values(names...))
	}
	if len(required) > 0 {
		v = append(v, jen.Id("required").Op(":").Index().Id("requiredField").Values(required...))
	}
	if len(nullable) > 0 {
		v = append(v, jen.Id("nullable").Op(":").Index().Bool().Values(nullable...))
	}
	if len(typeText) > 0 {
		v = append(v, jen.Id("typeText").Op(":").Index().String().Values(typeText...))
	}
	if t.Open {
		v = append(v, jen.Id("open").Op(":").True())
	}
	return v
}

// decodeField reads the member at o.kp into target (the runtime has done
// the duplicate and null checks).
func decodeField(target *jen.Statement, fl *model.Field) []jen.Code {
	kp := jen.Op("&").Id("o").Dot("kp")
	switch {
	case fl.Type.Kind == model.KindObject && isPtr(fl):
		// An object decodes in place: no copy of it is returned.
		return []jen.Code{
			target.Clone().Op("=").New(jen.Id(fl.Type.Object.GoName)),
			jen.Err().Op("=").Add(target.Clone()).Dot("decode").Call(jen.Id("d"), kp),
		}
	case fl.Type.Kind == model.KindObject:
		return []jen.Code{jen.Err().Op("=").Add(target.Clone()).Dot("decode").Call(jen.Id("d"), kp)}
	case isPtr(fl):
		return []jen.Code{jen.List(target.Clone(), jen.Err()).Op("=").Id("ptrTo").Call(decodeValue(fl.Type, kp))}
	}
	return []jen.Code{jen.List(target.Clone(), jen.Err()).Op("=").Add(decodeValue(fl.Type, kp))}
}

// decodeValue is a call returning (value, error) for type t at path p.
func decodeValue(t *model.TypeRef, p jen.Code) *jen.Statement {
	switch t.Kind {
	case model.KindString:
		return jen.Id("d").Dot("String").Call(p)
	case model.KindInteger:
		return jen.Id("d").Dot("Int").Call(p)
	case model.KindNumber:
		return jen.Id("d").Dot("Float").Call(p)
	case model.KindBoolean:
		return jen.Id("d").Dot("Bool").Call(p)
	case model.KindAny:
		return jen.Id("d").Dot("Raw").Call(p)
	case model.KindState:
		return jen.Id("decodeState").Types(jen.Id(t.State.GoName)).Call(jen.Id("d"), p)
	}
	return jen.Id("decode"+typeKey(t)).Call(jen.Id("d"), p)
}

// decodeHelper reads a list, a map, a state value or an object.
func (g *gen) decodeHelper(f *jen.File, t *model.TypeRef) {
	f.Func().Id("decode"+typeKey(t)).Params(jen.Id("d").Op("*").Id("decoder"), jen.Id("p").Op("*").Id("pathNode")).Params(goType(t), jen.Error()).Block(decodeHelperBody(t)...)
}

func decodeHelperBody(t *model.TypeRef) []jen.Code {
	elem := func(p jen.Code) []jen.Code {
		if t.Elem.Kind == model.KindObject {
			// An object decodes in place: no copy of it is returned.
			return []jen.Code{
				jen.Var().Id("x").Id(t.Elem.Object.GoName),
				jen.If(jen.Err().Op(":=").Id("x").Dot("decode").Call(jen.Id("d"), p), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			}
		}
		return []jen.Code{
			jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(decodeElem(t.Elem, p)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		}
	}
	if t.Kind == model.KindList {
		loop := []jen.Code{
			jen.List(jen.Id("more"), jen.Err()).Op(":=").Id("d").Dot("nextItem").Call(jen.Id("p"), jen.Id("i").Op("==").Lit(0)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.If(jen.Op("!").Id("more")).Block(jen.Return(jen.Id("out"), jen.Nil())),
			jen.Id("ip").Op(":=").Id("indexPath").Call(jen.Id("p"), jen.Id("i")),
		}
		loop = append(loop, elem(jen.Op("&").Id("ip"))...)
		loop = append(loop, jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id("x")))
		return []jen.Code{
			jen.If(jen.Err().Op(":=").Id("d").Dot("beginArray").Call(jen.Id("p")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Id("out").Op(":=").Add(goType(t)).Values(),
			jen.For(jen.Id("i").Op(":=").Lit(0), jen.Empty(), jen.Id("i").Op("++")).Block(loop...),
		}
	}
	loop := []jen.Code{
		jen.List(jen.Id("key"), jen.Id("more"), jen.Err()).Op(":=").Id("d").Dot("nextKey").Call(jen.Id("p"), jen.Id("first")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.If(jen.Op("!").Id("more")).Block(jen.Return(jen.Id("out"), jen.Nil())),
		jen.Id("k").Op(":=").String().Call(jen.Id("key")),
		jen.If(jen.List(jen.Id("_"), jen.Id("dup")).Op(":=").Id("out").Dot("Get").Call(jen.Id("k")), jen.Id("dup")).Block(jen.Return(jen.Nil(), jen.Id("duplicate").Call(jen.Id("p"), jen.Id("k")))),
		jen.Id("kp").Op(":=").Id("keyPath").Call(jen.Id("p"), jen.Id("k")),
	}
	loop = append(loop, elem(jen.Op("&").Id("kp"))...)
	loop = append(loop, jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id("Entry").Types(goType(t.Elem)).Values(jen.Id("k"), jen.Id("x"))))
	return []jen.Code{
		jen.If(jen.Err().Op(":=").Id("d").Dot("beginObject").Call(jen.Id("p")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("out").Op(":=").Add(goType(t)).Values(),
		jen.For(jen.Id("first").Op(":=").True(), jen.Empty(), jen.Id("first").Op("=").False()).Block(loop...),
	}
}

// decodeElem reads one list item or map value.
func decodeElem(t *model.TypeRef, p jen.Code) *jen.Statement { return decodeValue(t, p) }

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
