package golang

import (
	"github.com/contractgen/contractgen/internal/model"
	"github.com/dave/jennifer/jen"
	"strings"
)

// buildFile holds the builders: they apply defaults (absent means default),
// trim identifiers, draw generated values, then validate, so a builder either
// returns a valid value or an error, never a partly built one.
func (g *gen) buildFile(k *sink) {
	g.header(k.jen())
	for _, s := range g.structs {
		switch s.kind {
		case kindType:
			if s.t.Union == nil { // a union is built by setting one variant
				k.next()
				g.typeBuilder(k.jen(), s)
			}
		case kindRequest:
			k.next()
			g.requestBuilder(k.jen(), s)
		case kindResponse:
			k.next()
			g.responseBuilder(k.jen(), s)
		}
	}
}

// argField is one builder argument and the struct field it fills.
type argField struct {
	fl   *model.Field
	name string
	dst  *jen.Statement
}

// args lists the argument fields of a struct (own fields) and of its
// payload, prefixing payload names that collide with envelope names.
func (g *gen) args(s *goStruct) []argField {
	var out []argField
	used := map[string]bool{}
	var payload *model.Field
	for _, fl := range s.t.Fields {
		if fl.Source == model.SourcePayload {
			payload = fl
			continue
		}
		if fl.IsArgument() {
			out = append(out, argField{fl: fl, name: fl.GoName, dst: jen.Id("m").Dot(fl.GoName)})
			used[fl.GoName] = true
		}
	}
	if payload == nil {
		return out
	}
	for _, fl := range g.byType[payload.Type.Object].t.Fields {
		if !fl.IsArgument() {
			continue
		}
		name := fl.GoName
		if used[name] {
			name = "Payload" + name
		}
		out = append(out, argField{fl: fl, name: name, dst: jen.Id("m").Dot(payload.GoName).Dot(fl.GoName)})
	}
	return out
}

// argType is optional (pointer or nil-able) unless the argument is required.
func argType(fl *model.Field) *jen.Statement {
	if (fl.Required && !fl.Nullable) || !pointerNull(fl.Type) {
		return fieldType(fl)
	}
	return jen.Op("*").Add(goType(fl.Type))
}

func (g *gen) argsStruct(f *jen.File, name, doc string, args []argField) {
	f.Comment(cmt(name + " " + doc))
	var fields []jen.Code
	for _, a := range args {
		fields = append(fields, jen.Id(a.name).Add(argType(a.fl)).Tag(map[string]string{"json": a.fl.Name + ",omitempty"}))
	}
	f.Type().Id(name).Struct(fields...)
}

// assign fills one field from its argument src, applying trim and defaults.
func assign(a argField, src *jen.Statement) []jen.Code {
	fl := a.fl
	required := (fl.Required && !fl.Nullable) || !pointerNull(fl.Type)
	val := func(v jen.Code) jen.Code {
		if fl.Trim && fl.Type.Kind == model.KindString {
			return jen.Id("trimSpace").Call(v)
		}
		return v
	}
	if fl.Optional {
		// Absent stays absent: nil is passed on, a value is trimmed.
		if fl.Trim && fl.Type.Kind == model.KindString {
			return []jen.Code{jen.If(src.Clone().Op("!=").Nil()).Block(
				jen.Id("v").Op(":=").Add(val(jen.Op("*").Add(src.Clone()))), a.dst.Clone().Op("=").Op("&").Id("v"))}
		}
		return []jen.Code{a.dst.Clone().Op("=").Add(src.Clone())}
	}
	if required {
		var out []jen.Code
		switch {
		case fl.Default != nil:
			out = append(out, a.dst.Clone().Op("=").Id("orList").Call(src.Clone(), fieldLit(fl.Default, fl)))
		case fl.Nullable || pointerNull(fl.Type):
			out = append(out, a.dst.Clone().Op("=").Add(val(src.Clone())))
		default:
			// nil becomes the empty list or map.
			out = append(out, a.dst.Clone().Op("=").Id("orList").Call(src.Clone(), goType(fl.Type).Values()))
		}
		return out
	}
	set := a.dst.Clone().Op("=").Add(val(jen.Op("*").Add(src.Clone())))
	if fl.Nullable {
		set = jen.Block(jen.Id("v").Op(":=").Add(val(jen.Op("*").Add(src.Clone()))), a.dst.Clone().Op("=").Op("&").Id("v"))
	}
	if fl.Default != nil && !fl.Nullable && !(fl.Trim && fl.Type.Kind == model.KindString) {
		return []jen.Code{a.dst.Clone().Op("=").Id("orDefault").Call(src.Clone(), fieldLit(fl.Default, fl))}
	}
	if fl.Nullable && fl.Default == nil && fl.Generate == nil && !(fl.Trim && fl.Type.Kind == model.KindString) {
		return []jen.Code{a.dst.Clone().Op("=").Id("copyOf").Call(src.Clone())}
	}
	var fallback jen.Code
	switch {
	case fl.Default != nil:
		fallback = a.dst.Clone().Op("=").Add(fieldLit(fl.Default, fl))
	case fl.Generate != nil:
		fallback = a.dst.Clone().Op("=").Lit(fl.Generate.Prefix).Op("+").Add(generated(fl.Generate))
	}
	stmt := jen.If(src.Clone().Op("!=").Nil()).Block(set)
	if fallback != nil {
		stmt = stmt.Else().Block(fallback)
	}
	return []jen.Code{stmt}
}

// fixed sets every const field of t (and of its payload) on dst.
func (g *gen) fixed(t *model.Type, dst *jen.Statement) []jen.Code {
	var out []jen.Code
	for _, fl := range t.Fields {
		switch {
		case fl.Const != nil:
			out = append(out, dst.Clone().Dot(fl.GoName).Op("=").Add(fieldLit(fl.Const, fl)))
		case fl.Source == model.SourcePayload:
			out = append(out, g.fixed(g.byType[fl.Type.Object].t, dst.Clone().Dot(fl.GoName))...)
		}
	}
	return out
}

// finish validates the built value and returns it.
func finish() []jen.Code {
	return []jen.Code{jen.Return(jen.Id("built").Call(jen.Id("m"), jen.Id("m").Dot("Validate").Call()))}
}

func (g *gen) typeBuilder(f *jen.File, s *goStruct) {
	name := s.t.GoName
	args := g.args(s)
	g.argsStruct(f, name+"Args", "holds the arguments of Build"+name+"; nil means the contract's default.", args)
	body := []jen.Code{jen.Id("m").Op(":=").Op("&").Id(name).Values()}
	body = append(body, g.fixed(s.t, jen.Id("m"))...)
	for _, a := range args {
		body = append(body, assign(a, jen.Id("args").Dot(a.name))...)
	}
	f.Comment(cmt("Build" + name + " builds " + article(name) + " " + name + " from args, applying defaults and fixed"))
	f.Comment(cmt("values, and returns every violation when the result is not valid."))
	f.Func().Id("Build"+name).Params(jen.Id("args").Id(name+"Args")).Params(jen.Op("*").Id(name), jen.Error()).Block(append(body, finish()...)...)
}

// article is the indefinite article before a name in a doc comment.
func article(name string) string {
	if name != "" && strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an"
	}
	return "a"
}

// generated is the expression drawing a generated value (after its prefix).
func generated(g *model.Generate) *jen.Statement {
	switch g.Kind {
	case model.GenerateUUID:
		return jen.Id("randomUUID").Call()
	case model.GenerateNow:
		return jen.Qual("time", "Now").Call().Dot("UTC").Call().Dot("Format").Call(jen.Qual("time", "RFC3339"))
	}
	return jen.Id("randomHex").Call(jen.Lit(g.HexDigits))
}
