package golang

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/contractgen/contractgen/internal/pattern"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/dave/jennifer/jen"
)

// contractFile holds constants, state sets, value lists, the forbidden
// material policy and the contract description.
func (g *gen) contractFile(k *sink) {
	c := g.c
	k.pkgDoc = formatDoc([]string{cmt("Package " + g.pkg + " is the generated Go binding of contract " + c.Name + ".")})
	f := k.jen()
	if len(c.Versions) > 0 {
		var defs []jen.Code
		for _, v := range c.Versions {
			defs = append(defs, docComment(v.GoName, v.Description), jen.Id(v.GoName).Op("=").Lit(v.Value))
		}
		f.Const().Defs(defs...)
	}
	var w gw
	for _, st := range c.States {
		g.stateSet(k, &w, st)
	}
	f = k.jen()
	for _, l := range c.Lists {
		g.list(f, l)
	}
	g.policy(f)
	g.describe(k, &w)
	f = k.jen()
	f.Func().Id("ptr").Types(jen.Id("T").Any()).Params(jen.Id("v").Id("T")).Op("*").Id("T").Block(jen.Return(jen.Op("&").Id("v")))
}

// stateSet writes a state set: its string type, a const per value, and
// Valid, String and <Set>Values.
func (g *gen) stateSet(k *sink, w *gw, st *model.StateSet) {
	w.doc(st.GoName, st.Description)
	w.line("type ", st.GoName, " string")
	k.decl(w)
	if len(st.Values) == 0 {
		w.line("const ()")
	} else {
		w.line("const (")
		w.ind++
		for _, v := range st.Values {
			if strings.TrimSpace(v.Description) == "" {
				w.line(cmt(v.GoName + " is part of the contract."))
			} else {
				w.comment(v.GoName + ": " + v.Description)
			}
			w.line(v.GoName, " ", st.GoName, " = ", quote(v.Value))
		}
		w.ind--
		w.line(")")
	}
	k.decl(w)
	cases := make([]string, len(st.Values))
	for i, v := range st.Values {
		cases[i] = v.GoName
	}
	w.docLines(cmt("Valid reports whether v is one of the values of " + st.GoName + "."))
	w.open("func (v ", st.GoName, ") Valid() bool")
	w.line("switch v {")
	w.line("case ", join(cases...), ":")
	w.line("\treturn true")
	w.line("}")
	w.line("return false")
	w.close()
	k.decl(w)
	w.docLines("// String returns the value as sent on the wire.")
	w.open("func (v ", st.GoName, ") String() string")
	w.line("return string(v)")
	w.close()
	k.decl(w)
	w.docLines(cmt(st.GoName + "Values returns every value of " + st.GoName + " in contract order."))
	w.open("func ", st.GoName, "Values() []", st.GoName)
	w.line("return []", st.GoName, "{", join(cases...), "}")
	w.close()
	k.decl(w)
}

func (g *gen) list(f *jen.File, l *model.List) {
	t := &model.TypeRef{Kind: model.KindList, Elem: &model.TypeRef{Kind: model.KindString}}
	if st := g.listState(l); st != nil {
		t.Elem = &model.TypeRef{Kind: model.KindState, State: st}
	}
	f.Add(docComment(l.GoName, l.Description+" It returns a fresh copy on each call."))
	f.Func().Id(l.GoName).Params().Add(goType(t)).Block(jen.Return(lit(l.Values, t)))
}

// listState finds the state set of the fields that use l as default, so the
// list is typed like them.
func (g *gen) listState(l *model.List) *model.StateSet {
	for _, s := range g.structs {
		for _, f := range s.t.Fields {
			if f.DefaultList == l && f.Type.Elem != nil && f.Type.Elem.Kind == model.KindState {
				return f.Type.Elem.State
			}
		}
	}
	return nil
}

// policy emits the forbidden-material rules as runtime data, in rule index
// order: the key rules, then the value rules.
func (g *gen) policy(f *jen.File) {
	var rules []jen.Code
	if fb := g.c.Forbidden; fb != nil {
		for _, k := range fb.Keys {
			rules = append(rules, jen.Values(g.keyRule(k)))
		}
		for _, v := range fb.Values {
			rules = append(rules, jen.Values(g.valueRule(v)))
		}
	}
	f.Comment("// rules are the contract's forbidden-material rules; rule i owns the scan")
	f.Comment("// bits at 3*i.")
	f.Var().Id("rules").Op("=").Index().Op("*").Id("rule").Values(rules...)
	f.Comment("// CheckForbidden scans a JSON document for forbidden keys and values at any")
	f.Comment(cmt("depth, naming offenders by paths that start at root."))
	f.Func().Id("CheckForbidden").Params(jen.Id("root").String(), jen.Id("doc").Index().Byte()).Error().Block(
		// One pass clears a clean document; anything else takes the exact
		// path, which reports the first problem and its path.
		jen.If(jen.Id("quickClean").Call(jen.Id("doc"), jen.Id("anyKeys").Op("|").Id("anyFree"))).Block(jen.Return(jen.Nil())),
		jen.Var().Id("es").Id("Errors"),
		jen.Var().Id("p").Op("*").Id("pathNode"),
		jen.If(jen.Id("root").Op("!=").Lit("")).Block(
			jen.Id("rp").Op(":=").Id("keyPath").Call(jen.Nil(), jen.Id("root")),
			jen.Id("p").Op("=").Op("&").Id("rp"),
		),
		jen.Id("d").Op(":=").Op("&").Id("decoder").Values(jen.Dict{jen.Id("data"): jen.Id("doc")}),
		jen.If(jen.Err().Op(":=").Id("d").Dot("end").Call(jen.Id("d").Dot("skip").Call(jen.Id("p"))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Id("scanRaw").Call(jen.Id("p"), jen.Id("doc"), jen.Id("anyKeys").Op("|").Id("anyFree"), jen.Op("&").Id("es")),
		jen.Return(jen.Id("es").Dot("err").Call()),
	)
}

// keyRule is the runtime data of a key rule.
func (g *gen) keyRule(k *model.KeyRule) jen.Dict {
	d := jen.Dict{}
	d[jen.Id("parts")] = jen.Index().String().ValuesFunc(func(gr *jen.Group) {
		for _, p := range k.Parts {
			gr.Lit(p)
		}
	})
	d[jen.Id("exact")] = jen.Index().String().ValuesFunc(func(gr *jen.Group) {
		for _, p := range k.Exact {
			gr.Lit(p)
		}
	})
	d[jen.Id("keyMessage")] = jen.Lit(k.Message)
	return d
}

// valueRule is the runtime data of a value rule: one regular expression of
// every pattern, and the literal prefilter when one exists.
func (g *gen) valueRule(v *model.ValueRule) jen.Dict {
	d := jen.Dict{}
	alts := make([]string, len(v.Patterns))
	raw := make([]string, len(v.Patterns))
	for i, p := range v.Patterns {
		re, err := pattern.PortablePattern(p.Pattern)
		if err != nil {
			g.errs = append(g.errs, fmt.Errorf("forbidden value pattern %s: %w", p.Name, err))
			re = p.Pattern
		}
		alts[i] = "(?:" + re + ")"
		raw[i] = re
	}
	if lits := prefilter(raw); lits != nil {
		// By first byte, so the runtime compares only those that start
		// where it stands.
		sort.SliceStable(lits, func(i, j int) bool { return lits[i][0] < lits[j][0] })
		d[jen.Id("literals")] = jen.Index().String().ValuesFunc(func(gr *jen.Group) {
			for _, l := range lits {
				gr.Lit(l)
			}
		})
		var starts []byte
		for _, l := range lits {
			if !bytes.Contains(starts, []byte{l[0]}) {
				starts = append(starts, l[0])
			}
		}
		sort.Slice(starts, func(i, j int) bool { return starts[i] < starts[j] })
		d[jen.Id("starts")] = jen.Lit(string(starts))
	}
	d[jen.Id("values")] = jen.Qual("regexp", "MustCompile").Call(jen.Lit(strings.Join(alts, "|")))
	d[jen.Id("valueMessage")] = jen.Lit(v.Message)
	return d
}
