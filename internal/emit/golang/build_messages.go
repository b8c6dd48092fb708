package golang

import (
	"slices"
	"sort"

	"github.com/contractgen/contractgen/internal/model"
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
func (g *gen) header(k *sink, w *gw) {
	w.docLines("// RequestHeader is the request envelope without its payload.")
	var rows [][]string
	for _, fl := range g.envFields() {
		rows = append(rows, []string{fl.GoName, w.fieldType(fl)})
	}
	if len(rows) == 0 {
		w.line("type RequestHeader struct{}")
	} else {
		w.open("type RequestHeader struct")
		w.rows(rows)
		w.close()
	}
	k.decl(w)
	w.docLines("// AnyRequest is implemented by the request of every operation.")
	w.open("type AnyRequest interface")
	w.line("Header() RequestHeader")
	w.close()
	k.decl(w)
}

func (g *gen) operationField() *model.Field {
	for _, fl := range g.c.Request.Type.Fields {
		if fl.Source == model.SourceOperation {
			return fl
		}
	}
	return nil
}

func (g *gen) requestBuilder(k *sink, w *gw, s *goStruct) {
	name := s.t.GoName
	w.docLines("// Header returns the envelope fields of the request.")
	sig := "func (m *" + name + ") Header() RequestHeader"
	var keys []string
	for _, fl := range g.envFields() {
		keys = append(keys, fl.GoName)
	}
	// In key order, without repeats.
	sort.Strings(keys)
	keys = slices.Compact(keys)
	switch len(keys) {
	case 0:
		oneLine(w, sig, "return RequestHeader{}")
	case 1:
		oneLine(w, sig, "return RequestHeader{"+keys[0]+": m."+keys[0]+"}")
	default:
		w.open(sig)
		values := make([]string, len(keys))
		for i, k := range keys {
			values[i] = "m." + k
		}
		w.line("return RequestHeader{")
		w.ind++
		w.pairs(keys, values)
		w.ind--
		w.line("}")
		w.close()
	}
	k.decl(w)
	args := g.args(s)
	argsName := s.op.RequestArgsGoName()
	g.argsStruct(k, w, argsName, "holds the arguments of Build"+name+"; a nil pointer or slice means the contract's default, an empty non-nil slice is an explicit empty list.", args)
	w.docLines(cmt("Build" + name + " builds the request of operation " + s.op.Name + ": defaults, trimmed identifiers and generated values, then validation with the forbidden-material scan."))
	w.open("func Build", name, "(args ", argsName, ") (m *", name, ", err error)")
	g.newStruct(w, name, s.t)
	assignAll(w, name, argsName, args)
	finish(w)
	k.decl(w)
}

func (g *gen) responseBuilder(k *sink, w *gw, s *goStruct) {
	name := s.t.GoName
	args := g.args(s)
	argsName := name + "Args"
	g.argsStruct(k, w, argsName, "holds the arguments of Build"+name+"; nil means the contract's default.", args)
	doc := "the shared " + s.resp.Name + " response to req, a request of any operation"
	switch {
	case s.op != nil && s.resp.Error:
		doc = "the " + s.resp.Name + " error of operation " + s.op.Name + " to req, which must be a request of that operation"
	case s.op != nil:
		doc = "the response of operation " + s.op.Name + " to req, which must be a request of that operation"
	}
	w.docLines(cmt("Build" + name + " builds " + doc + "; members the spec sources from the request are copied from req."))
	w.open("func Build", name, "(req AnyRequest, args ", argsName, ") (m *", name, ", err error)")
	if s.op != nil {
		if of := g.operationField(); of != nil {
			w.open("if noRequest(req) || req.Header().", of.GoName, " != ", quote(s.op.Name))
			w.line("return nil, mismatch(", quote(s.resp.Mismatch), ")")
			w.close()
		}
	} else {
		w.open("if noRequest(req)")
		w.line(`return nil, mismatch("a request is required")`)
		w.close()
	}
	var copied gw
	g.copied(&copied, s.t, "m")
	if len(copied.buf) > 0 {
		w.line("h := req.Header()")
	}
	g.newStruct(w, name, s.t)
	if len(copied.buf) > 0 {
		w.stmts([]string{string(copied.bytes())})
	}
	assignAll(w, name, argsName, args)
	finish(w)
	k.decl(w)
}

// copied sets the fields sourced from the request, in t and its payload.
func (g *gen) copied(w *gw, t *model.Type, dst string) {
	for _, fl := range t.Fields {
		switch {
		case fl.Source == model.SourceRequest && fl.RequestField != nil:
			w.line(dst, ".", fl.GoName, " = h.", fl.RequestField.GoName)
		case fl.Source == model.SourcePayload:
			g.copied(w, g.byType[fl.Type.Object].t, dst+"."+fl.GoName)
		}
	}
}
