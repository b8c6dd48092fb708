package golang

import (
	"strconv"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/dave/jennifer/jen"
)

// answerFile holds, for each operation with error responses, the type that
// holds any of its answers and the decoder that tells them apart by the
// status the error responses fix.
func (g *gen) answerFile(f *jen.File) {
	status := g.statusField()
	for _, op := range g.c.Operations {
		if len(op.Errors) == 0 || status == nil {
			continue
		}
		g.answer(f, op, status)
	}
}

// statusField is the response envelope's state-typed field that error
// responses fix (validation asks every error for a status of it).
func (g *gen) statusField() *model.Field {
	for _, op := range g.c.Operations {
		for _, e := range op.Errors {
			if e.Status == nil {
				continue
			}
			for _, f := range g.c.Response.Type.Fields {
				if f.Type.Kind == model.KindState && f.Type.State.Values != nil {
					for _, v := range f.Type.State.Values {
						if v == e.Status {
							return f
						}
					}
				}
			}
		}
	}
	return nil
}

func (g *gen) answer(f *jen.File, op *model.Operation, status *model.Field) {
	name := op.AnswerGoName()
	// Decode<Op>Response exists for a shared response too, and checks that
	// the response answers op.
	own, decodeOwn := op.ResponseGoName(), "Decode"+op.ResponseGoName()
	if op.Response.Shared() {
		own = op.Response.GoName + "Response"
	}
	fields := []jen.Code{comment("Set when " + status.Name + " is none of the error statuses."), jen.Id("Response").Op("*").Id(own)}
	var cases []jen.Code
	for _, e := range op.Errors {
		fields = append(fields, comment("Set when "+status.Name+" is "+strconv.Quote(e.Status.Value)+"."), jen.Id(g.errorField(e)).Op("*").Id(e.GoName+"Response"))
		cases = append(cases, jen.Case(jen.Lit(e.Status.Value)).Block(
			jen.List(jen.Id("m"), jen.Err()).Op(":=").Id("Decode"+e.GoName+"Response").Call(jen.Id("data"), jen.Id("opts").Op("...")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Op("&").Id(name).Values(jen.Dict{jen.Id(g.errorField(e)): jen.Id("m")}), jen.Nil())))
	}
	f.Add(docComment(name, "any answer of operation "+op.Name+": its response or one of its error responses; exactly one field is set."))
	f.Type().Id(name).Struct(fields...)
	f.Comment(cmt("Decode" + name + " reads an answer of operation " + op.Name + ": the " + status.Name + " member selects"))
	f.Comment("// the error response that fixes it, any other value the response; the")
	f.Comment("// selected one is then decoded strictly, as its own decoder does.")
	f.Func().Id("Decode"+name).Params(jen.Id("data").Index().Byte(), jen.Id("opts").Op("...").Id("DecodeOption")).Params(jen.Op("*").Id(name), jen.Error()).Block(
		jen.Id("d").Op(":=").Id("newDecoder").Call(jen.Id("data"), jen.Id("opts")),
		jen.List(jen.Id("v"), jen.Id("_"), jen.Err()).Op(":=").Id("d").Dot("discriminator").Call(jen.Nil(), jen.Lit(status.Name)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id("d").Dot("end").Call(jen.Err()))),
		jen.Switch(jen.Id("v")).Block(cases...),
		jen.List(jen.Id("m"), jen.Err()).Op(":=").Id(decodeOwn).Call(jen.Id("data"), jen.Id("opts").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Op("&").Id(name).Values(jen.Dict{jen.Id("Response"): jen.Id("m")}), jen.Nil()),
	)
}

// errorField is the field of an answer holding error e.
func (g *gen) errorField(e *model.Response) string {
	return e.GoName[len(e.Operations[0].GoName):]
}
