package golang

import (
	"github.com/contractgen/contractgen/internal/value"
	"github.com/dave/jennifer/jen"
)

// describe emits the operation table and the contract description document.
func (g *gen) describe(f *jen.File) {
	f.Comment("// OperationInfo describes one operation in a line each way.")
	f.Type().Id("OperationInfo").Struct(
		jen.Id("Name").String(),
		jen.Id("Request").String(),
		jen.Id("Response").String(),
		jen.Comment("// SharedResponse names the shared response that answers the operation; empty when it has its own."),
		jen.Id("SharedResponse").String(),
	)
	var ops []jen.Code
	for _, op := range g.c.Operations {
		ops = append(ops, jen.Values(jen.Dict{
			jen.Id("Name"): jen.Lit(op.Name), jen.Id("Request"): jen.Lit(op.RequestDescription),
			jen.Id("Response"): jen.Lit(op.ResponseDescription), jen.Id("SharedResponse"): jen.Lit(op.Response.Name),
		}))
	}
	f.Comment("// Operations lists every operation in contract order. It returns a fresh copy.")
	f.Func().Id("Operations").Params().Index().Id("OperationInfo").Block(jen.Return(jen.Index().Id("OperationInfo").Values(ops...)))
	for _, op := range g.c.Operations {
		f.Comment(cmt("Operation" + op.GoName + " is the wire name of operation " + op.GoName + "."))
		f.Const().Id("Operation" + op.GoName).Op("=").Lit(op.Name)
	}
	d := g.c.Describe
	if d == nil {
		return
	}
	doc := &value.Value{Kind: value.Object}
	if d.Version != nil {
		doc.Members = append(doc.Members, value.Member{Key: "schema_version", Value: str(d.Version.Value)})
	}
	if d.Fields != nil {
		doc.Members = append(doc.Members, d.Fields.Members...)
	}
	list := &value.Value{Kind: value.List, Items: []*value.Value{}}
	for _, op := range g.c.Operations {
		list.Items = append(list.Items, &value.Value{Kind: value.Object, Members: []value.Member{
			{Key: "name", Value: str(op.Name)}, {Key: "request", Value: str(op.RequestDescription)}, {Key: "response", Value: str(op.ResponseDescription)},
		}})
	}
	doc.Members = append(doc.Members, value.Member{Key: d.OperationsKey, Value: list})
	f.Comment("// DescribeContract returns the contract description document as JSON: its")
	f.Comment(cmt("version, the public boundary statements and every operation."))
	f.Func().Id("DescribeContract").Params().Qual("encoding/json", "RawMessage").Block(
		jen.Return(jen.Qual("encoding/json", "RawMessage").Call(jen.Lit(string(doc.JSON())))),
	)
}
