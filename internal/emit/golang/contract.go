package golang

import (
	"fmt"
	"strings"

	"github.com/contractgen/contractgen/internal/pattern"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/dave/jennifer/jen"
)

// contractFile holds constants, state sets, value lists, the forbidden
// material policy and the contract description.
func (g *gen) contractFile(f *jen.File) {
	c := g.c
	f.PackageComment(cmt("Package " + g.pkg + " is the generated Go binding of contract " + c.Name + "."))
	f.Line()
	if len(c.Versions) > 0 {
		var defs []jen.Code
		for _, v := range c.Versions {
			defs = append(defs, docComment(v.GoName, v.Description), jen.Id(v.GoName).Op("=").Lit(v.Value))
		}
		f.Const().Defs(defs...)
	}
	for _, st := range c.States {
		g.stateSet(f, st)
	}
	for _, l := range c.Lists {
		g.list(f, l)
	}
	g.policy(f)
	g.describe(f)
	f.Func().Id("ptr").Types(jen.Id("T").Any()).Params(jen.Id("v").Id("T")).Op("*").Id("T").Block(jen.Return(jen.Op("&").Id("v")))
}

func (g *gen) stateSet(f *jen.File, st *model.StateSet) {
	f.Add(docComment(st.GoName, st.Description))
	f.Type().Id(st.GoName).String()
	var defs []jen.Code
	for _, v := range st.Values {
		defs = append(defs, docComment(v.GoName, v.Description), jen.Id(v.GoName).Id(st.GoName).Op("=").Lit(v.Value))
	}
	f.Const().Defs(defs...)
	f.Comment(cmt("Valid reports whether v is one of the values of " + st.GoName + "."))
	var cases []jen.Code
	for _, v := range st.Values {
		cases = append(cases, jen.Id(v.GoName))
	}
	f.Func().Params(jen.Id("v").Id(st.GoName)).Id("Valid").Params().Bool().Block(
		jen.Switch(jen.Id("v")).Block(jen.Case(cases...).Block(jen.Return(jen.True()))),
		jen.Return(jen.False()),
	)
	f.Comment("// String returns the value as sent on the wire.")
	f.Func().Params(jen.Id("v").Id(st.GoName)).Id("String").Params().String().Block(jen.Return(jen.String().Call(jen.Id("v"))))
	values := make([]jen.Code, len(st.Values))
	for i, v := range st.Values {
		values[i] = jen.Id(v.GoName)
	}
	f.Comment(cmt(st.GoName + "Values returns every value of " + st.GoName + " in contract order."))
	f.Func().Id(st.GoName + "Values").Params().Index().Id(st.GoName).Block(jen.Return(jen.Index().Id(st.GoName).Values(values...)))
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

// policy emits the forbidden-material rules as runtime data.
func (g *gen) policy(f *jen.File) {
	fb := g.c.Forbidden
	d := jen.Dict{}
	if fb != nil && fb.Keys != nil {
		d[jen.Id("parts")] = jen.Index().String().ValuesFunc(func(gr *jen.Group) {
			for _, p := range fb.Keys.Parts {
				gr.Lit(p)
			}
		})
		d[jen.Id("exact")] = jen.Index().String().ValuesFunc(func(gr *jen.Group) {
			for _, p := range fb.Keys.Exact {
				gr.Lit(p)
			}
		})
		d[jen.Id("keyMessage")] = jen.Lit(fb.Keys.Message)
	}
	if fb != nil && fb.Values != nil {
		alts := make([]string, len(fb.Values.Patterns))
		raw := make([]string, len(fb.Values.Patterns))
		for i, p := range fb.Values.Patterns {
			re, err := pattern.PortablePattern(p.Pattern)
			if err != nil {
				g.errs = append(g.errs, fmt.Errorf("forbidden value pattern %s: %w", p.Name, err))
				re = p.Pattern
			}
			alts[i] = "(?:" + re + ")"
			raw[i] = re
		}
		if lits := prefilter(raw); lits != nil {
			d[jen.Id("literals")] = jen.Index().String().ValuesFunc(func(gr *jen.Group) {
				for _, l := range lits {
					gr.Lit(l)
				}
			})
		}
		d[jen.Id("values")] = jen.Qual("regexp", "MustCompile").Call(jen.Lit(strings.Join(alts, "|")))
		d[jen.Id("valueMessage")] = jen.Lit(fb.Values.Message)
	}
	f.Comment("// forbidden is the contract's forbidden-material policy.")
	f.Var().Id("forbidden").Op("=").Op("&").Id("policy").Values(d)
	f.Comment("// CheckForbidden scans a JSON document for forbidden keys and values at any")
	f.Comment(cmt("depth, naming offenders by paths that start at root."))
	f.Func().Id("CheckForbidden").Params(jen.Id("root").String(), jen.Id("doc").Index().Byte()).Error().Block(
		jen.Var().Id("es").Id("Errors"),
		jen.Var().Id("p").Op("*").Id("pathNode"),
		jen.If(jen.Id("root").Op("!=").Lit("")).Block(
			jen.Id("rp").Op(":=").Id("keyPath").Call(jen.Nil(), jen.Id("root")),
			jen.Id("p").Op("=").Op("&").Id("rp"),
		),
		jen.Id("d").Op(":=").Op("&").Id("decoder").Values(jen.Dict{jen.Id("data"): jen.Id("doc")}),
		jen.If(jen.Err().Op(":=").Id("d").Dot("end").Call(jen.Id("d").Dot("skip").Call(jen.Id("p"))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Id("forbidden").Dot("scanRaw").Call(jen.Id("p"), jen.Id("doc"), jen.True(), jen.True(), jen.Op("&").Id("es")),
		jen.Return(jen.Id("es").Dot("err").Call()),
	)
}
