package golang

import (
	"github.com/contractgen/contractgen/internal/model"
	"github.com/dave/jennifer/jen"
)

// envFields are the request envelope fields other than the payload.
func (g *gen) envFields() []*model.Field {
	var out []*model.Field
	for _, fl := range g.c.Request.Type.Fields {
		if fl.Source != model.SourcePayload {
			out = append(out, fl)
		}
	}
	return out
}

// header emits RequestHeader and AnyRequest, through which response
// builders read the request they answer.
func (g *gen) header(f *jen.File) {
	f.Comment("// RequestHeader is the request envelope without its payload.")
	var fields []jen.Code
	for _, fl := range g.envFields() {
		fields = append(fields, jen.Id(fl.GoName).Add(fieldType(fl)))
	}
	f.Type().Id("RequestHeader").Struct(fields...)
	f.Comment("// AnyRequest is implemented by the request of every operation.")
	f.Type().Id("AnyRequest").Interface(jen.Id("Header").Params().Id("RequestHeader"))
}

func (g *gen) operationField() *model.Field {
	for _, fl := range g.c.Request.Type.Fields {
		if fl.Source == model.SourceOperation {
			return fl
		}
	}
	return nil
}

func (g *gen) requestBuilder(f *jen.File, s *goStruct) {
	name := s.t.GoName
	d := jen.Dict{}
	for _, fl := range g.envFields() {
		d[jen.Id(fl.GoName)] = jen.Id("m").Dot(fl.GoName)
	}
	f.Comment("// Header returns the envelope fields of the request.")
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("Header").Params().Id("RequestHeader").Block(jen.Return(jen.Id("RequestHeader").Values(d)))
	args := g.args(s)
	argsName := s.op.RequestArgsGoName()
	g.argsStruct(f, argsName, "holds the arguments of Build"+name+"; a nil pointer or slice means the contract's default, an empty non-nil slice is an explicit empty list.", args)
	body := []jen.Code{jen.Id("m").Op(":=").Op("&").Id(name).Values()}
	body = append(body, g.fixed(s.t, jen.Id("m"))...)
	for _, a := range args {
		body = append(body, assign(a, jen.Id("args").Dot(a.name))...)
	}
	f.Comment(cmt("Build" + name + " builds the request of operation " + s.op.Name + ": defaults for"))
	f.Comment(cmt("absent arguments, trimmed identifiers, generated values, then validation"))
	f.Comment("// including the forbidden-material scan.")
	f.Func().Id("Build"+name).Params(jen.Id("args").Id(argsName)).Params(jen.Op("*").Id(name), jen.Error()).Block(append(body, finish()...)...)
}

func (g *gen) responseBuilder(f *jen.File, s *goStruct) {
	name := s.t.GoName
	args := g.args(s)
	argsName := name + "Args"
	g.argsStruct(f, argsName, "holds the arguments of Build"+name+"; nil means the contract's default.", args)
	body := []jen.Code{}
	if s.op != nil {
		if of := g.operationField(); of != nil {
			body = append(body, jen.If(jen.Id("req").Op("==").Nil().Op("||").Id("req").Dot("Header").Call().Dot(of.GoName).Op("!=").Lit(s.op.Name)).Block(
				jen.Return(jen.Nil(), jen.Id("mismatch").Call(jen.Lit(s.resp.Mismatch)))))
		}
	} else {
		body = append(body, jen.If(jen.Id("req").Op("==").Nil()).Block(
			jen.Return(jen.Nil(), jen.Id("mismatch").Call(jen.Lit("a request is required")))))
	}
	copied := g.copied(s.t, jen.Id("m"))
	if len(copied) > 0 {
		body = append(body, jen.Id("h").Op(":=").Id("req").Dot("Header").Call())
	}
	body = append(body, jen.Id("m").Op(":=").Op("&").Id(name).Values())
	body = append(body, g.fixed(s.t, jen.Id("m"))...)
	body = append(body, copied...)
	for _, a := range args {
		body = append(body, assign(a, jen.Id("args").Dot(a.name))...)
	}
	doc := "the shared " + s.resp.Name + " response to req, a request of any operation"
	switch {
	case s.op != nil && s.resp.Error:
		doc = "the " + s.resp.Name + " error of operation " + s.op.Name + " to req, which must be a request of that operation"
	case s.op != nil:
		doc = "the response of operation " + s.op.Name + " to req, which must be a request of that operation"
	}
	f.Comment(cmt("Build" + name + " builds " + doc + ";"))
	f.Comment("// members the spec sources from the request are copied from req.")
	f.Func().Id("Build"+name).Params(jen.Id("req").Id("AnyRequest"), jen.Id("args").Id(argsName)).Params(jen.Op("*").Id(name), jen.Error()).Block(append(body, finish()...)...)
}

// copied sets the fields sourced from the request, in t and its payload.
func (g *gen) copied(t *model.Type, dst *jen.Statement) []jen.Code {
	var out []jen.Code
	for _, fl := range t.Fields {
		switch {
		case fl.Source == model.SourceRequest && fl.RequestField != nil:
			out = append(out, dst.Clone().Dot(fl.GoName).Op("=").Id("h").Dot(fl.RequestField.GoName))
		case fl.Source == model.SourcePayload:
			out = append(out, g.copied(g.byType[fl.Type.Object].t, dst.Clone().Dot(fl.GoName))...)
		}
	}
	return out
}
