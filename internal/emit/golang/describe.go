package golang

import (
	"github.com/contractgen/contractgen/internal/value"
)

// describe writes the operation table and the contract description
// document.
func (g *gen) describe(k *sink, w *gw) {
	w.docLines("// OperationInfo describes one operation in a line each way.")
	w.open("type OperationInfo struct")
	w.rows([][]string{{"Name", "string"}, {"Request", "string"}, {"Response", "string"},
		{"// SharedResponse names the shared response that answers the operation; empty when it has its own."},
		{"SharedResponse", "string"}})
	w.close()
	k.decl(w)
	w.docLines("// Operations lists every operation in contract order. It returns a fresh copy.")
	w.open("func Operations() []OperationInfo")
	if len(g.c.Operations) == 0 {
		w.line("return []OperationInfo{}")
	}
	for i, op := range g.c.Operations {
		if i == 0 {
			w.line("return []OperationInfo{{")
		} else {
			w.line("}, {")
		}
		w.ind++
		w.pairs([]string{"Name", "Request", "Response", "SharedResponse"},
			[]string{quote(op.Name), quote(op.RequestDescription), quote(op.ResponseDescription), quote(op.Response.Name)})
		w.ind--
		if i == len(g.c.Operations)-1 {
			w.line("}}")
		}
	}
	w.close()
	k.decl(w)
	if len(g.c.Operations) > 0 {
		// One group: a line less per operation than a declaration each.
		w.line("const (")
		w.ind++
		for _, op := range g.c.Operations {
			w.line(cmt("Operation" + op.GoName + " is the wire name of operation " + op.GoName + "."))
			w.line("Operation", op.GoName, " = ", quote(op.Name))
		}
		w.ind--
		w.line(")")
		k.decl(w)
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
	w.docLines("// DescribeContract returns the contract description document as JSON: its",
		cmt("version, the public boundary statements and every operation."))
	w.use("encoding/json")
	w.open("func DescribeContract() json.RawMessage")
	w.line("return json.RawMessage(", quote(string(doc.JSON())), ")")
	w.close()
	k.decl(w)
}
