package golang

import (
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
)

// answerFile holds, for each operation with error responses, the type that
// holds any of its answers and the decoder that tells them apart by the
// status the error responses fix.
func (g *gen) answerFile(k *sink, w *gw) {
	status := g.statusField()
	for _, op := range g.c.Operations {
		if len(op.Errors) == 0 || status == nil {
			continue
		}
		g.answer(k, w, op, status)
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

func (g *gen) answer(k *sink, w *gw, op *model.Operation, status *model.Field) {
	name := op.AnswerGoName()
	// Decode<Op>Response exists for a shared response too, and checks that
	// the response answers op.
	own, decodeOwn := op.ResponseGoName(), "Decode"+op.ResponseGoName()
	if op.Response.Shared() {
		own = op.Response.GoName + "Response"
	}
	w.doc(name, "any answer of operation "+op.Name+": its response or one of its error responses; exactly one field is set.")
	w.open("type ", name, " struct")
	rows := [][]string{{strings.TrimRight(cmt("Set when "+status.Name+" is none of the error statuses."), " \t")}, {"Response", "*" + own}}
	for _, e := range op.Errors {
		rows = append(rows, []string{strings.TrimRight(cmt("Set when "+status.Name+" is "+strconv.Quote(e.Status.Value)+"."), " \t")},
			[]string{g.errorField(e), "*" + e.GoName + "Response"})
	}
	w.rows(rows)
	w.close()
	k.decl(w)
	w.docLines(cmt("Decode"+name+" reads an answer of operation "+op.Name+": the "+status.Name+" member selects"),
		"// the error response that fixes it, any other value the response; the",
		"// selected one is then decoded strictly, as its own decoder does.")
	w.open("func Decode", name, "(data []byte, opts ...DecodeOption) (*", name, ", error)")
	w.line("d := newDecoder(data, opts)")
	w.line("v, _, err := d.discriminator(nil, ", quote(status.Name), ")")
	w.open("if err != nil")
	w.line("return nil, d.end(err)")
	w.close()
	w.line("switch v {")
	for _, e := range op.Errors {
		w.line("case ", quote(e.Status.Value), ":")
		w.ind++
		w.line("m, err := Decode", e.GoName, "Response(data, opts...)")
		w.open("if err != nil")
		w.line("return nil, err")
		w.close()
		w.line("return &", name, "{", g.errorField(e), ": m}, nil")
		w.ind--
	}
	w.line("}")
	w.line("m, err := ", decodeOwn, "(data, opts...)")
	w.open("if err != nil")
	w.line("return nil, err")
	w.close()
	w.line("return &", name, "{Response: m}, nil")
	w.close()
	k.decl(w)
}

// errorField is the field of an answer holding error e.
func (g *gen) errorField(e *model.Response) string {
	return e.GoName[len(e.Operations[0].GoName):]
}
