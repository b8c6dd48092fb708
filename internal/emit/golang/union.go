package golang

import (
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
)

// A discriminated union is a struct of one pointer per variant value, of
// which exactly one is set. It encodes as the set variant, decodes by
// reading the discriminator member first, and validates the set variant
// and that its discriminator member holds the variant's value.

// unionDecl writes the struct, its Which method and its JSON encoding.
func (g *gen) unionDecl(k *sink, w *gw, s *goStruct) {
	u, name := s.t.Union, s.t.GoName
	doc := s.doc
	if doc != "" {
		doc += "\n\n"
	}
	doc += "Exactly one field is set: the variant that the " + u.Discriminator + " member selects."
	w.doc(name, doc)
	w.open("type ", name, " struct")
	var rows [][]string
	for _, v := range u.Variants {
		rows = append(rows, []string{strings.TrimRight(cmt("Set when "+u.Discriminator+" is "+strconv.Quote(v.Value)+"."), " \t")},
			[]string{v.GoName, "*" + v.Type.GoName})
	}
	w.rows(rows)
	w.close()
	k.decl(w)

	w.docLines(cmt("Which returns the " + u.Discriminator + " value of the variant that is set, or \"\" when none is."))
	w.open("func (m *", name, ") Which() string")
	w.line("switch {")
	for _, v := range u.Variants {
		w.line("case m.", v.GoName, " != nil:")
		w.line("\treturn ", quote(v.Value))
	}
	w.line("}")
	w.line(`return ""`)
	w.close()
	k.decl(w)

	marshalMethods(k, w, name)
	appendMethod(k, w, name, "AppendJSON", false)
	if g.redactsType(s.t) {
		appendMethod(k, w, name, "appendRedacted", true)
		printMethods(k, w, name)
	}
}

// unionValidate writes the validate method: exactly one variant is set, it
// is valid, and its discriminator member holds the variant's value.
func (g *gen) unionValidate(k *sink, w *gw, s *goStruct) {
	u, name := s.t.Union, s.t.GoName
	w.open("func (m *", name, ") validate(p *pathNode, es *Errors, sc scanMode)")
	g.depthGuard(w, s.t)
	w.line("n := 0")
	for _, v := range u.Variants {
		disc := model.FieldByName(v.Type, u.Discriminator)
		val := "m." + v.GoName + "." + disc.GoName
		if disc.Type.Kind == model.KindState {
			val = "string(" + val + ")"
		}
		w.open("if m.", v.GoName, " != nil")
		w.line("n++")
		c := g.objectCheck(v.Type, "m."+v.GoName, "p", "sc", true)
		if strings.Contains(c, "unsafe.") {
			w.use("unsafe")
		}
		w.line(c)
		w.open("if ", val, " != ", quote(v.Value))
		w.line("kp := keyPath(p, ", quote(u.Discriminator), ")")
		w.line("es.add(", join("&kp", quote(string(model.RuleConst)), "ErrConst",
			quote(u.Discriminator+" must be "+strconv.Quote(v.Value)+" in the "+v.GoName+" variant")), ")")
		w.close()
		w.close()
	}
	w.open("if n != 1")
	w.line("es.add(", join("p", quote(string(model.RuleType)), "ErrType",
		quote(name+" must hold exactly one variant ("+strings.Join(u.Values(), ", ")+")")), ")")
	w.close()
	w.close()
	k.decl(w)
}
