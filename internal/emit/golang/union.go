package golang

import (
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/dave/jennifer/jen"
)

// A discriminated union is a struct of one pointer per variant value, of
// which exactly one is set. It encodes as the set variant, decodes by
// reading the discriminator member first, and validates the set variant
// and that its discriminator member holds the variant's value.

// unionDecl writes the struct, its Which method and its JSON encoding.
func (g *gen) unionDecl(f *jen.File, s *goStruct) {
	u, name := s.t.Union, s.t.GoName
	doc := s.doc
	if doc != "" {
		doc += "\n\n"
	}
	doc += "Exactly one field is set: the variant that the " + u.Discriminator + " member selects."
	f.Add(docComment(name, doc))
	var fields []jen.Code
	for _, v := range u.Variants {
		fields = append(fields, comment("Set when "+u.Discriminator+" is "+strconv.Quote(v.Value)+"."),
			jen.Id(v.GoName).Op("*").Id(v.Type.GoName))
	}
	f.Type().Id(name).Struct(fields...)

	f.Comment(cmt("Which returns the " + u.Discriminator + " value of the variant that is set, or \"\" when none is."))
	var cases []jen.Code
	for _, v := range u.Variants {
		cases = append(cases, jen.Case(jen.Id("m").Dot(v.GoName).Op("!=").Nil()).Block(jen.Return(jen.Lit(v.Value))))
	}
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("Which").Params().String().Block(
		jen.Switch().Block(cases...), jen.Return(jen.Lit("")))

	marshalMethods(f, name)
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("AppendJSON").Params(jen.Id("b").Index().Byte()).Index().Byte().Block(
		unionSwitch(u, "AppendJSON")...)
	if g.redactsType(s.t) {
		f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("appendRedacted").Params(jen.Id("b").Index().Byte()).Index().Byte().Block(
			g.unionRedactSwitch(u)...)
		g.printMethods(f, name)
	}
}

// unionSwitch calls method(b) on the variant that is set.
func unionSwitch(u *model.Union, method string) []jen.Code {
	var cases []jen.Code
	for _, v := range u.Variants {
		cases = append(cases, jen.Case(jen.Id("m").Dot(v.GoName).Op("!=").Nil()).Block(
			jen.Return(jen.Id("m").Dot(v.GoName).Dot(method).Call(jen.Id("b")))))
	}
	return []jen.Code{jen.Switch().Block(cases...), jen.Return(jen.Append(jen.Id("b"), jen.Lit("null").Op("...")))}
}

// unionRedactSwitch writes the set variant redacted where its type redacts.
func (g *gen) unionRedactSwitch(u *model.Union) []jen.Code {
	var cases []jen.Code
	for _, v := range u.Variants {
		method := "AppendJSON"
		if g.redactsType(v.Type) {
			method = "appendRedacted"
		}
		cases = append(cases, jen.Case(jen.Id("m").Dot(v.GoName).Op("!=").Nil()).Block(
			jen.Return(jen.Id("m").Dot(v.GoName).Dot(method).Call(jen.Id("b")))))
	}
	return []jen.Code{jen.Switch().Block(cases...), jen.Return(jen.Append(jen.Id("b"), jen.Lit("null").Op("...")))}
}

// unionDecode writes the decode method: the discriminator is read first,
// then the whole object as the variant it selects.
func (g *gen) unionDecode(f *jen.File, s *goStruct) {
	u := s.t.Union
	var cases []jen.Code
	for _, v := range u.Variants {
		cases = append(cases, jen.Case(jen.Lit(v.Value)).Block(
			jen.Id("m").Dot(v.GoName).Op("=").New(jen.Id(v.Type.GoName)),
			jen.Return(jen.Id("m").Dot(v.GoName).Dot("decode").Call(jen.Id("d"), jen.Id("p")))))
	}
	cases = append(cases, jen.Default().Block(
		jen.Id("kp").Op(":=").Id("keyPath").Call(jen.Id("p"), jen.Lit(u.Discriminator)),
		jen.Return(jen.Id("decodeError").Call(jen.Op("&").Id("kp"), jen.Lit(string(model.RuleEnum)), jen.Id("ErrNotInStateSet"), jen.Lit(model.UnionEnumMessage(u))))))
	f.Func().Params(jen.Id("m").Op("*").Id(s.t.GoName)).Id("decode").Params(jen.Id("d").Op("*").Id("decoder"), jen.Id("p").Op("*").Id("pathNode")).Error().Block(
		jen.List(jen.Id("v"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("discriminator").Call(jen.Id("p"), jen.Lit(u.Discriminator)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id("missing").Call(jen.Id("p"), jen.Lit(u.Discriminator)))),
		jen.Switch(jen.Id("v")).Block(cases...),
	)
}

// unionValidate writes the validate method: exactly one variant is set, it
// is valid, and its discriminator member holds the variant's value.
func (g *gen) unionValidate(f *jen.File, s *goStruct) {
	u, name := s.t.Union, s.t.GoName
	body := []jen.Code{jen.Id("n").Op(":=").Lit(0)}
	for _, v := range u.Variants {
		disc := model.FieldByName(v.Type, u.Discriminator)
		val := jen.Id("m").Dot(v.GoName).Dot(disc.GoName)
		if disc.Type.Kind == model.KindState {
			val = jen.String().Call(val)
		}
		body = append(body, jen.If(jen.Id("m").Dot(v.GoName).Op("!=").Nil()).Block(
			jen.Id("n").Op("++"),
			jen.Id("m").Dot(v.GoName).Dot("validate").Call(jen.Id("p"), jen.Id("es"), jen.Id("sc")),
			jen.If(val.Op("!=").Lit(v.Value)).Block(
				jen.Id("kp").Op(":=").Id("keyPath").Call(jen.Id("p"), jen.Lit(u.Discriminator)),
				jen.Id("es").Dot("add").Call(jen.Op("&").Id("kp"), jen.Lit(string(model.RuleConst)), jen.Id("ErrConst"),
					jen.Lit(u.Discriminator+" must be "+strconv.Quote(v.Value)+" in the "+v.GoName+" variant")))))
	}
	variants := strings.Join(u.Values(), ", ")
	body = append(body, jen.If(jen.Id("n").Op("!=").Lit(1)).Block(
		jen.Id("es").Dot("add").Call(jen.Id("p"), jen.Lit(string(model.RuleType)), jen.Id("ErrType"),
			jen.Lit(name+" must hold exactly one variant ("+variants+")"))))
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("validate").Params(jen.Id("p").Op("*").Id("pathNode"), jen.Id("es").Op("*").Id("Errors"), jen.Id("sc").Id("scanMode")).Block(body...)
}
