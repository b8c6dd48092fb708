package golang

import (
	"github.com/contractgen/contractgen/internal/model"
	"github.com/dave/jennifer/jen"
)

// Values of a type with sensitive members (at any depth) print redacted:
// the type implements fmt.Stringer, fmt.Formatter and slog.LogValuer, each
// writing the JSON encoding with every sensitive member replaced by the
// string "[REDACTED]". MarshalJSON is unchanged.

// redactedText is what a sensitive member prints as.
const redactedText = `"[REDACTED]"`

// redacts reports whether values of t must print redacted.
func (g *gen) redacts(t *model.TypeRef) bool {
	switch t.Kind {
	case model.KindObject:
		return g.redactsType(t.Object)
	case model.KindList, model.KindMap:
		return g.redacts(t.Elem)
	}
	return false
}

// redactsType reports whether t has a sensitive member or a member whose
// type redacts; a type met again while it is being decided counts as not
// redacting, which its first visit settles.
func (g *gen) redactsType(t *model.Type) bool {
	if g.redactMemo == nil {
		g.redactMemo = map[*model.Type]int{}
	}
	switch g.redactMemo[t] {
	case 1, 2:
		return false
	case 3:
		return true
	}
	g.redactMemo[t] = 1
	out := false
	for _, f := range t.Fields {
		if f.Sensitive || g.redacts(f.Type) {
			out = true
		}
	}
	if u := t.Union; u != nil {
		for _, v := range u.Variants {
			out = g.redactsType(v.Type) || out
		}
	}
	g.redactMemo[t] = 2
	if out {
		g.redactMemo[t] = 3
	}
	return out
}

// redactMethods writes appendRedacted and the printing methods of s.
func (g *gen) redactMethods(f *jen.File, s *goStruct) {
	name := s.t.GoName
	body := objectBody(s.t, func(fl *model.Field, buf jen.Code) []jen.Code {
		switch {
		case fl.Sensitive:
			return []jen.Code{jen.Id("b").Op("=").Append(buf, jen.Lit(redactedText).Op("..."))}
		case g.redacts(fl.Type):
			return appendField(buf, jen.Id("m").Dot(fl.GoName), fl, redactedValue)
		}
		return appendField(buf, jen.Id("m").Dot(fl.GoName), fl, appendValue)
	})
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("appendRedacted").Params(jen.Id("b").Index().Byte()).Index().Byte().Block(body...)
	g.printMethods(f, name)
}

// printMethods writes String, Format and LogValue of a type with an
// appendRedacted method.
func (g *gen) printMethods(f *jen.File, name string) {
	f.Comment(cmt("String returns the JSON encoding of the " + name + " with every sensitive member, at any depth, replaced by \"[REDACTED]\"."))
	f.Func().Params(jen.Id("m").Id(name)).Id("String").Params().String().Block(
		jen.Return(jen.String().Call(jen.Id("m").Dot("appendRedacted").Call(jen.Nil()))))
	f.Comment("// Format prints the value as String does, whatever the verb, so that no")
	f.Comment("// verb of package fmt prints a sensitive member.")
	f.Func().Params(jen.Id("m").Id(name)).Id("Format").Params(jen.Id("s").Qual("fmt", "State"), jen.Id("_").Rune()).Block(
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("s").Dot("Write").Call(jen.Id("m").Dot("appendRedacted").Call(jen.Nil())))
	f.Comment("// LogValue logs the value as String prints it: the JSON handler embeds the")
	f.Comment("// redacted document, the text handler writes it as text.")
	f.Func().Params(jen.Id("m").Id(name)).Id("LogValue").Params().Qual("log/slog", "Value").Block(
		jen.Return(jen.Qual("log/slog", "AnyValue").Call(jen.Id("redactedJSON").Call(jen.Id("m").Dot("appendRedacted").Call(jen.Nil())))))
}

// redactedValue appends v (of type t) to buf, redacting what t's types
// redact.
func redactedValue(buf jen.Code, v *jen.Statement, t *model.TypeRef) *jen.Statement {
	switch t.Kind {
	case model.KindObject:
		return v.Dot("appendRedacted").Call(buf)
	case model.KindList, model.KindMap:
		return jen.Id("appendRedacted"+typeKey(t)).Call(buf, v)
	}
	return appendValue(buf, v, t)
}

// redactHelper writes the redacting variant of a list or map helper.
func (g *gen) redactHelper(f *jen.File, t *model.TypeRef) {
	elem := func(buf jen.Code, v *jen.Statement) *jen.Statement {
		if g.redacts(t.Elem) {
			return redactedValue(buf, v, t.Elem)
		}
		return appendValue(buf, v, t.Elem)
	}
	g.collectionHelper(f, "appendRedacted"+typeKey(t), t, elem)
}
