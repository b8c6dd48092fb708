package golang

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/contractgen/contractgen/internal/value"
	"github.com/dave/jennifer/jen"
)

// validateFile holds Validate for every struct. Validation walks the value
// once, builds JSON paths only when it reports, and collects every violation.
func (g *gen) validateFile(k *sink) {
	for _, s := range g.structs {
		k.next()
		g.validateMethods(k.jen(), s)
	}
	var vars []jen.Code
	for _, re := range g.patOrder {
		vars = append(vars, jen.Id(g.patterns[re]).Op("=").Qual("regexp", "MustCompile").Call(jen.Lit(re)))
	}
	for i, c := range g.consts {
		vars = append(vars, jen.Id(fmt.Sprintf("fixed%d", i)).Op("=").Add(lit(c.v, c.t)))
	}
	if len(vars) > 0 {
		k.jen().Var().Defs(vars...)
	}
}

// validateRoot returns the scan mode Validate starts from and the member
// under which it reports paths (empty: the document). A standalone type on
// its own is scanned as a payload, its members reported under the spec's
// type_root; the Decode functions validate from the same root.
func (g *gen) validateRoot(s *goStruct) (scanMode, string) {
	if sc := g.typeScan(); s.kind == kindType && sc != 0 {
		return sc, g.c.Forbidden.TypeRoot
	}
	return 0, ""
}

func (g *gen) validateMethods(f *jen.File, s *goStruct) {
	name := s.t.GoName
	f.Comment("// Validate checks every rule of the contract and returns every violation as")
	f.Comment(cmt("Errors, each with its JSON path, rule and message; nil when valid."))
	if sc, r := g.validateRoot(s); sc != 0 {
		root := []jen.Code{jen.Var().Id("es").Id("Errors"), jen.Var().Id("p").Op("*").Id("pathNode")}
		if r != "" {
			root = append(root, jen.Id("rp").Op(":=").Id("keyPath").Call(jen.Nil(), jen.Lit(r)), jen.Id("p").Op("=").Op("&").Id("rp"))
		}
		f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("Validate").Params().Error().Block(append(root,
			jen.Id("m").Dot("validate").Call(jen.Id("p"), jen.Op("&").Id("es"), jen.Id("scanMode").Call(jen.Lit(int(sc)))),
			jen.Return(jen.Id("es").Dot("err").Call()))...)
	} else {
		f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("Validate").Params().Error().Block(
			jen.Var().Id("es").Id("Errors"),
			jen.Id("m").Dot("validate").Call(jen.Nil(), jen.Op("&").Id("es"), jen.Lit(0)),
			jen.Return(jen.Id("es").Dot("err").Call()),
		)
	}
	if s.t.Union != nil {
		g.unionValidate(f, s)
		return
	}
	var body []jen.Code
	message := s.kind == kindRequest || s.kind == kindResponse
	for _, fl := range s.t.Fields {
		sc := jen.Id("sc")
		if message {
			mode := s.scanEnv
			if fl.Source == model.SourcePayload {
				mode = s.scanPayload
			}
			sc = jen.Id("scanMode").Call(jen.Lit(int(mode)))
			if k := fl.Type.Kind; k == model.KindObject || k == model.KindAny || k == model.KindList || k == model.KindMap {
				// The decoder's word that free-form values are
				// cleared (rawsCleared) passes on to what may hold one.
				sc = jen.Id("sc").Op("&").Id("rawsCleared").Op("|").Add(sc)
			}
		}
		checks := g.fieldChecks(fl, sc)
		if s.kind == kindResponse && s.op == nil && fl.Source == model.SourceRequest && fl.RequestField != nil && fl.RequestField.Source == model.SourceOperation {
			checks = append(checks, g.knownOperationCheck(fl))
		}
		if len(checks) == 0 {
			continue
		}
		// One path variable serves every member in turn: checks report
		// the path as text at once and keep no pointer to it.
		// After the first member only the key changes.
		if len(body) == 0 {
			body = append(body, jen.Id("fp").Op(":=").Id("keyPath").Call(jen.Id("p"), jen.Lit(fl.Name)))
		} else {
			body = append(body, jen.Id("fp").Dot("key").Op("=").Lit(fl.Name))
		}
		body = append(body, checks...)
	}
	scParam := jen.Id("sc").Id("scanMode")
	f.Func().Params(jen.Id("m").Op("*").Id(name)).Id("validate").Params(jen.Id("p").Op("*").Id("pathNode"), jen.Id("es").Op("*").Id("Errors"), scParam).Block(body...)
}

// fieldChecks returns the checks of one field, reading m.<Field> at &fp.
func (g *gen) fieldChecks(fl *model.Field, sc jen.Code) []jen.Code {
	v := jen.Id("m").Dot(fl.GoName)
	if fl.Optional && !pointerNull(fl.Type) {
		// An absent optional list, map or free-form value is nil: no rule
		// applies to it.
		inner := g.valueChecks(fl, fl.Type, v, jen.Op("&").Id("fp"), sc, 0, true)
		if len(inner) == 0 {
			return nil
		}
		return []jen.Code{jen.If(v.Clone().Op("!=").Nil()).Block(inner...)}
	}
	if isPtr(fl) {
		var inner []jen.Code
		if fl.Type.Kind == model.KindObject {
			inner = g.valueChecks(fl, fl.Type, v.Clone(), jen.Op("&").Id("fp"), sc, 0, true)
		} else {
			inner = append([]jen.Code{jen.Id("v").Op(":=").Op("*").Add(v.Clone())},
				g.valueChecks(fl, fl.Type, jen.Id("v"), jen.Op("&").Id("fp"), sc, 0, true)...)
			if len(inner) == 1 {
				return nil
			}
		}
		if len(inner) == 0 {
			return nil
		}
		return []jen.Code{jen.If(v.Clone().Op("!=").Nil()).Block(inner...)}
	}
	return g.valueChecks(fl, fl.Type, v, jen.Op("&").Id("fp"), sc, 0, true)
}

// fail reports a violation of rule at path p when bad holds, in one line
// (the runtime's failIf, small enough to be inlined).
func fail(bad, p jen.Code, fl *model.Field, rule model.Rule, sentinel string) jen.Code {
	return jen.Id("es").Dot("failIf").Call(bad, p, jen.Lit(string(rule)), jen.Id(sentinel), jen.Lit(fl.Message(rule)))
}

// valueChecks checks v of type t; top is false for list items and map values,
// where list-level rules (min_items, non_empty, const) do not apply.
func (g *gen) valueChecks(fl *model.Field, t *model.TypeRef, v *jen.Statement, p jen.Code, sc jen.Code, depth int, top bool) []jen.Code {
	var out []jen.Code
	if top && fl.Const != nil {
		if c := g.constCheck(fl, v, p); c != nil {
			out = append(out, c)
		}
	}
	switch t.Kind {
	case model.KindString:
		out = append(out, g.stringChecks(fl, v, p, top)...)
		if !(top && fl.Const != nil) {
			out = append(out, jen.Id("scanTyped").Call(p, v, jen.Id("es"), sc))
		}
	case model.KindState:
		out = append(out, fail(jen.Op("!").Add(v).Dot("Valid").Call(), p, fl, model.RuleEnum, "ErrNotInStateSet"))
	case model.KindInteger, model.KindNumber:
		out = append(out, numberChecks(fl, t, v, p)...)
	case model.KindObject:
		out = append(out, v.Clone().Dot("validate").Call(p, jen.Id("es"), sc))
	case model.KindAny:
		out = append(out, jen.If(jen.Add(sc).Op("&").Parens(jen.Id("anyKeys").Op("|").Id("anyFree")).Op("!=").Lit(0)).Block(
			jen.Id("scanRaw").Call(p, v, sc, jen.Id("es"))))
	case model.KindList:
		out = append(out, g.listChecks(fl, t, v, p, sc, depth, top)...)
	case model.KindMap:
		out = append(out, g.mapChecks(fl, t, v, p, sc, depth, top)...)
	}
	return out
}

func (g *gen) stringChecks(fl *model.Field, v *jen.Statement, p jen.Code, top bool) []jen.Code {
	var out []jen.Code
	if top && fl.NonEmpty {
		cond := v.Clone().Op("==").Lit("")
		if fl.Trim {
			cond = jen.Id("isBlank").Call(v.Clone())
		}
		out = append(out, fail(cond, p, fl, model.RuleNonEmpty, "ErrEmpty"))
	}
	switch {
	case fl.MinLength != nil && fl.MaxLength != nil && *fl.MinLength > 0:
		out = append(out, jen.Id("es").Dot("lengthIn").Call(p, v.Clone(), jen.Lit(*fl.MinLength), jen.Lit(*fl.MaxLength),
			jen.Lit(fl.Message(model.RuleMinLength)), jen.Lit(fl.Message(model.RuleMaxLength))))
	default:
		if fl.MinLength != nil && *fl.MinLength > 0 { // a length of 0 or more always holds
			out = append(out, fail(jen.Id("runeCount").Call(v.Clone()).Op("<").Lit(*fl.MinLength), p, fl, model.RuleMinLength, "ErrLength"))
		}
		if fl.MaxLength != nil {
			out = append(out, fail(jen.Id("runeCount").Call(v.Clone()).Op(">").Lit(*fl.MaxLength), p, fl, model.RuleMaxLength, "ErrLength"))
		}
	}
	if fl.Pattern != "" {
		out = append(out, fail(jen.Op("!").Id(g.pattern(fl.Pattern)).Dot("MatchString").Call(v.Clone()), p, fl, model.RulePattern, "ErrPattern"))
	}
	if sf := pattern.Formats[fl.Format]; sf != nil {
		var conds []jen.Code
		if sf.Pattern != "" {
			conds = append(conds, jen.Op("!").Id(g.pattern(sf.Pattern)).Dot("MatchString").Call(v.Clone()))
		}
		if sf.MaxLength > 0 {
			conds = append(conds, jen.Len(v.Clone()).Op(">").Lit(sf.MaxLength))
		}
		switch sf.Name {
		case "date-time":
			conds = append(conds, jen.Op("!").Id("isDateTime").Call(v.Clone()))
		case "date":
			conds = append(conds, jen.Op("!").Id("isDate").Call(v.Clone()))
		case "ipv6":
			conds = append(conds, jen.Op("!").Id("isIPv6").Call(v.Clone()))
		}
		cond := conds[0]
		for _, c := range conds[1:] {
			cond = jen.Add(cond).Op("||").Add(c)
		}
		out = append(out, fail(cond, p, fl, model.RuleFormat, "ErrFormat"))
	}
	return out
}

// pattern returns the variable holding a compiled field pattern, in the
// portable spelling the JSON Schemas carry, so Go and other languages'
// validators read it alike.
func (g *gen) pattern(spec string) string {
	re, err := pattern.PortablePattern(spec)
	if err != nil {
		g.errs = append(g.errs, fmt.Errorf("pattern %q: %w", spec, err))
		re = spec
	}
	if name, ok := g.patterns[re]; ok {
		return name
	}
	name := "pattern" + strconv.Itoa(len(g.patOrder))
	g.patterns[re] = name
	g.patOrder = append(g.patOrder, re)
	return name
}

func numberChecks(fl *model.Field, t *model.TypeRef, v *jen.Statement, p jen.Code) []jen.Code {
	var out []jen.Code
	bound := func(b *value.Value) jen.Code {
		if t.Kind == model.KindInteger {
			if n, err := strconv.ParseInt(b.Num, 10, 64); err == nil {
				return jen.Lit(n)
			}
			return jen.Id("int64").Call(jen.Lit(b.Float()))
		}
		return jen.Lit(b.Float())
	}
	if c := rangeCheck(fl, t, v, p); c != nil {
		out = append(out, c)
	} else {
		if fl.Minimum != nil {
			out = append(out, fail(v.Clone().Op("<").Add(bound(fl.Minimum)), p, fl, model.RuleMinimum, "ErrOutOfRange"))
		}
		if fl.Maximum != nil {
			out = append(out, fail(v.Clone().Op(">").Add(bound(fl.Maximum)), p, fl, model.RuleMaximum, "ErrOutOfRange"))
		}
	}
	if fl.ExclusiveMinimum != nil {
		out = append(out, fail(v.Clone().Op("<=").Add(bound(fl.ExclusiveMinimum)), p, fl, model.RuleExclusiveMinimum, "ErrOutOfRange"))
	}
	if fl.ExclusiveMaximum != nil {
		out = append(out, fail(v.Clone().Op(">=").Add(bound(fl.ExclusiveMaximum)), p, fl, model.RuleExclusiveMaximum, "ErrOutOfRange"))
	}
	return out
}

// rangeCheck is the one-call check of a number with both a minimum and a
// maximum (intIn, floatIn), or nil when it has not both or an integer
// bound is not an int64.
func rangeCheck(fl *model.Field, t *model.TypeRef, v *jen.Statement, p jen.Code) jen.Code {
	if fl.Minimum == nil || fl.Maximum == nil {
		return nil
	}
	msgs := []jen.Code{jen.Lit(fl.Message(model.RuleMinimum)), jen.Lit(fl.Message(model.RuleMaximum))}
	if t.Kind == model.KindInteger {
		lo, err1 := strconv.ParseInt(fl.Minimum.Num, 10, 64)
		hi, err2 := strconv.ParseInt(fl.Maximum.Num, 10, 64)
		if err1 != nil || err2 != nil {
			return nil
		}
		return jen.Id("es").Dot("intIn").Call(append([]jen.Code{p, v.Clone(), jen.Lit(lo), jen.Lit(hi)}, msgs...)...)
	}
	return jen.Id("es").Dot("floatIn").Call(append([]jen.Code{p, v.Clone(), jen.Lit(fl.Minimum.Float()), jen.Lit(fl.Maximum.Float())}, msgs...)...)
}

// itemChecks are the min_items and max_items checks of a list or map, in
// one call when it has both.
func itemChecks(fl *model.Field, v *jen.Statement, p jen.Code) []jen.Code {
	if fl.MinItems != nil && fl.MaxItems != nil && *fl.MinItems > 0 {
		return []jen.Code{jen.Id("es").Dot("itemsIn").Call(p, jen.Len(v.Clone()), jen.Lit(*fl.MinItems), jen.Lit(*fl.MaxItems),
			jen.Lit(fl.Message(model.RuleMinItems)), jen.Lit(fl.Message(model.RuleMaxItems)))}
	}
	var out []jen.Code
	if fl.MinItems != nil && *fl.MinItems > 0 { // 0 or more items always holds
		out = append(out, fail(jen.Len(v.Clone()).Op("<").Lit(*fl.MinItems), p, fl, model.RuleMinItems, "ErrTooFewItems"))
	}
	if fl.MaxItems != nil {
		out = append(out, fail(jen.Len(v.Clone()).Op(">").Lit(*fl.MaxItems), p, fl, model.RuleMaxItems, "ErrTooManyItems"))
	}
	return out
}

func (g *gen) listChecks(fl *model.Field, t *model.TypeRef, v *jen.Statement, p jen.Code, sc jen.Code, depth int, top bool) []jen.Code {
	var out []jen.Code
	if top {
		out = itemChecks(fl, v, p)
	}
	if top && fl.NonEmpty {
		out = append(out, fail(jen.Len(v.Clone()).Op("==").Lit(0), p, fl, model.RuleNonEmpty, "ErrEmpty"))
	}
	if top && fl.UniqueItems {
		out = append(out, fail(jen.Id("hasRepeat").Call(v.Clone()), p, fl, model.RuleUniqueItems, "ErrRepeatedItem"))
	}
	i, ip := fmt.Sprintf("i%d", depth), fmt.Sprintf("ip%d", depth)
	inner := g.valueChecks(fl, t.Elem, v.Clone().Index(jen.Id(i)), jen.Op("&").Id(ip), sc, depth+1, false)
	if t.Elem.Kind == model.KindString && len(inner) == 1 {
		// Strings with no rule of their own are only scanned.
		return append(out, jen.Id("scanEach").Call(p, v.Clone(), jen.Id("es"), sc))
	}
	if len(inner) > 0 {
		body := append([]jen.Code{jen.Id(ip).Op(":=").Id("indexPath").Call(p, jen.Id(i))}, inner...)
		out = append(out, jen.For(jen.Id(i).Op(":=").Range().Add(v.Clone())).Block(body...))
	}
	return out
}

func (g *gen) mapChecks(fl *model.Field, t *model.TypeRef, v *jen.Statement, p jen.Code, sc jen.Code, depth int, top bool) []jen.Code {
	var out []jen.Code
	if top && fl.NonEmpty {
		out = append(out, fail(jen.Len(v.Clone()).Op("==").Lit(0), p, fl, model.RuleNonEmpty, "ErrEmpty"))
	}
	if top {
		out = append(out, itemChecks(fl, v, p)...)
	}
	i, kp, msc := fmt.Sprintf("i%d", depth), fmt.Sprintf("kp%d", depth), fmt.Sprintf("sc%d", depth)
	entry := v.Clone().Index(jen.Id(i))
	if !(top && fl.KeyPattern != "") {
		// Keys with no pattern, and values with no rule of their own
		// (none, or strings only scanned), are only scanned.
		inner := g.valueChecks(fl, t.Elem, entry.Clone().Dot("Value"), jen.Op("&").Id(kp), jen.Id(msc), depth+1, false)
		switch {
		case len(inner) == 0:
			return append(out, jen.Id("scanMapKeys").Call(p, v.Clone(), jen.Id("es"), sc))
		case t.Elem.Kind == model.KindString && len(inner) == 1:
			return append(out, jen.Id("scanEntries").Call(p, v.Clone(), jen.Id("es"), sc))
		}
	}
	body := []jen.Code{
		jen.Id(kp).Op(":=").Id("keyPath").Call(p, entry.Clone().Dot("Key")),
		jen.If(jen.Add(sc).Op("&").Id("anyKeys").Op("!=").Lit(0)).Block(
			jen.Id("checkKey").Call(jen.Op("&").Id(kp), entry.Clone().Dot("Key"), jen.Id("es"), sc)),
	}
	if top && fl.KeyPattern != "" {
		body = append(body, fail(jen.Op("!").Id(g.pattern(fl.KeyPattern)).Dot("MatchString").Call(entry.Clone().Dot("Key")),
			jen.Op("&").Id(kp), fl, model.RuleKeyPattern, "ErrPattern"))
	}
	inner := g.valueChecks(fl, t.Elem, entry.Clone().Dot("Value"), jen.Op("&").Id(kp), jen.Id(msc), depth+1, false)
	if len(inner) > 0 {
		body = append(body, jen.Id(msc).Op(":=").Id("mapScan").Call(sc))
		body = append(body, inner...)
	}
	out = append(out, jen.For(jen.Id(i).Op(":=").Range().Add(v.Clone())).Block(body...))
	return out
}

// constCheck compares v with the field's fixed value.
func (g *gen) constCheck(fl *model.Field, v *jen.Statement, p jen.Code) jen.Code {
	sentinel := "ErrConst"
	c := fl.Const
	var cond jen.Code
	switch fl.Type.Kind {
	case model.KindString, model.KindState, model.KindInteger, model.KindNumber, model.KindBoolean:
		cond = v.Clone().Op("!=").Add(lit(c, fl.Type))
	case model.KindList:
		if k := fl.Type.Elem.Kind; k == model.KindString || k == model.KindState || k == model.KindInteger || k == model.KindNumber || k == model.KindBoolean {
			cond = jen.Op("!").Id("equalSlices").Call(v.Clone(), jen.Id(g.constVar(c, fl.Type)))
		}
	}
	if cond == nil {
		cond = jen.String().Call(jen.Id("append"+typeKey(fl.Type)).Call(jen.Nil(), v.Clone())).Op("!=").Lit(string(c.JSON()))
		if fl.Type.Kind == model.KindObject {
			cond = jen.String().Call(v.Clone().Dot("AppendJSON").Call(jen.Nil())).Op("!=").Lit(string(c.JSON()))
		}
		if fl.Type.Kind == model.KindAny {
			cond = jen.String().Call(v.Clone()).Op("!=").Lit(string(c.JSON()))
		}
	}
	return fail(cond, p, fl, model.RuleConst, sentinel)
}

// constVar returns the variable holding a fixed list, declared once.
func (g *gen) constVar(v *value.Value, t *model.TypeRef) string {
	key := typeKey(t) + string(v.JSON())
	for i, c := range g.consts {
		if c.key == key {
			return fmt.Sprintf("fixed%d", i)
		}
	}
	g.consts = append(g.consts, fixedConst{key: key, v: v, t: t})
	return fmt.Sprintf("fixed%d", len(g.consts)-1)
}

// fixedConst is a list literal compared against in validation.
type fixedConst struct {
	key string
	v   *value.Value
	t   *model.TypeRef
}

// knownOperationCheck rejects a shared response naming an operation the
// contract does not have.
func (g *gen) knownOperationCheck(fl *model.Field) jen.Code {
	var names []string
	var cases []jen.Code
	for _, op := range g.c.Operations {
		names = append(names, op.Name)
		cases = append(cases, jen.Lit(op.Name))
	}
	sort.Strings(names)
	msg := fl.Name + " must be one of: " + strings.Join(names, ", ")
	return jen.Switch(jen.Id("m").Dot(fl.GoName)).Block(
		jen.Case(cases...),
		jen.Default().Block(jen.Id("es").Dot("add").Call(jen.Op("&").Id("fp"), jen.Lit("enum"), jen.Id("ErrNotInStateSet"), jen.Lit(msg))),
	)
}
