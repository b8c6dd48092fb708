package golang

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/contractgen/contractgen/internal/value"
)

// validateFile holds Validate for every struct. Validation walks the value
// once, builds JSON paths only when it reports, and collects every violation.
func (g *gen) validateFile(k *sink) {
	var w gw
	for _, s := range g.structs {
		k.next()
		g.validateMethods(k, &w, s)
	}
	var rows [][]string
	for _, re := range g.patOrder {
		rows = append(rows, []string{g.patterns[re], "= " + lazyLit(re)})
	}
	for i, c := range g.consts {
		if c.layout != "" {
			rows = append(rows, []string{fmt.Sprintf("fixed%d", i), "= encodedAs(&" + w.lit(c.v, c.t) + ", " + c.layout + ")"})
			continue
		}
		rows = append(rows, []string{fmt.Sprintf("fixed%d", i), "= " + w.lit(c.v, c.t)})
	}
	for _, name := range g.stateOrder {
		rows = append(rows, []string{name, "= " + g.stateVars[name]})
	}
	if len(rows) == 0 {
		return
	}
	w.line("var (")
	w.ind++
	w.rows(rows)
	w.ind--
	w.line(")")
	k.decl(&w)
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

// validateMethods writes Validate of s and the rows of its table, and
// unless the table alone validates s (tableOnly), its validate method:
// Validate starts the walk at the document (or at type_root), validate
// checks each member.
func (g *gen) validateMethods(k *sink, w *gw, s *goStruct) {
	name := s.t.GoName
	only := g.tableOnly(s)
	w.docLines("// Validate returns every violation of the contract as Errors (JSON path, rule, message), or nil.")
	w.open("func (m *", name, ") Validate() error")
	if only {
		w.use("unsafe")
		sc, r := g.validateRoot(s)
		w.line("return validateTable(", join("unsafe.Pointer(m)", "rules"+name, litInt(int(sc)), quote(r)), ")")
		w.close()
		k.decl(w)
		g.tableRows(k, w, s)
		return
	}
	w.line("var es Errors")
	if sc, r := g.validateRoot(s); sc != 0 {
		w.line("var p *pathNode")
		if r != "" {
			w.line("rp := keyPath(nil, ", quote(r), ")")
			w.line("p = &rp")
		}
		w.line("m.validate(p, &es, scanMode(", litInt(int(sc)), "))")
	} else {
		w.line("m.validate(nil, &es, 0)")
	}
	w.line("return es.err()")
	w.close()
	k.decl(w)
	if s.t.Union != nil {
		g.unionValidate(k, w, s)
		return
	}
	var body gw
	g.depthGuard(&body, s.t)
	first := true
	var rules []string // the rows of rules<Name>
	run := 0           // where the run of table members not yet called starts
	flush := func(last bool) {
		if run < len(rules) {
			span := litInt(run) + ":" + litInt(len(rules))
			if last && run == 0 {
				span = ":"
			}
			body.line("validateMembers(p, unsafe.Pointer(m), rules", name, "[", span, "], es, sc)")
			run = len(rules)
		}
	}
	for _, fl := range s.t.Fields {
		sc, mode := memberScan(s, fl)
		if g.hasRow(s, fl) {
			if !hasNumberChecks(fl) {
				continue
			}
			rules = append(rules, g.memberRule(s, fl, mode))
			continue
		}
		checks := g.fieldChecks(fl, sc)
		if knownOperation(s, fl) {
			checks = append(checks, g.knownOperationCheck(fl))
		}
		if len(checks) == 0 {
			continue
		}
		flush(false)
		for _, c := range checks {
			if strings.Contains(c, "unsafe.") {
				body.use("unsafe")
			}
		}
		// One path variable serves every member in turn: checks report
		// the path as text at once and keep no pointer to it.
		// After the first member only the key changes.
		if first {
			body.line("fp := keyPath(p, ", quote(fl.Name), ")")
			first = false
		} else {
			body.line("fp.key = ", quote(fl.Name))
		}
		body.stmts(checks)
	}
	flush(true)
	if len(rules) > 0 {
		writeRules(k, w, name, rules)
		body.use("unsafe")
	}
	w.body("func (m *"+name+") validate(p *pathNode, es *Errors, sc scanMode)", &body)
	k.decl(w)
}

// hasNumberChecks reports whether a member the table validates has a
// check: every kind has one but an integer with no bound and no fixed value.
func hasNumberChecks(fl *model.Field) bool {
	if fl.Type.Kind != model.KindInteger {
		return true // a number is at least checked to be finite
	}
	return fl.Const != nil || fl.Minimum != nil || fl.Maximum != nil || fl.ExclusiveMinimum != nil || fl.ExclusiveMaximum != nil
}

// Checks are statements as text: one line, or a block whose inner lines
// are indented by a tab relative to the statement (see block).

// block is a statement that opens a block: head, then body indented.
func block(head string, body ...string) string {
	var b strings.Builder
	b.WriteString(head)
	b.WriteString(" {\n")
	for _, s := range body {
		for _, l := range strings.Split(s, "\n") {
			b.WriteString("\t")
			b.WriteString(l)
			b.WriteString("\n")
		}
	}
	b.WriteString("}")
	return b.String()
}

// fieldChecks returns the checks of one field, reading m.<Field> at &fp;
// sc is the scan mode as an operand of a call of several arguments.
func (g *gen) fieldChecks(fl *model.Field, sc string) []string {
	v := "m." + fl.GoName
	if (fl.Optional || fl.Nullable) && !pointerNull(fl.Type) {
		// An absent optional list, map or free-form value is nil, and so
		// is a null nullable one: no rule applies to it (a nullable list
		// with min_items accepts null, as its schema does).
		inner := g.valueChecks(fl, fl.Type, v, "&fp", sc, 0, true)
		if len(inner) == 0 {
			return nil
		}
		return []string{block("if "+v+" != nil", inner...)}
	}
	if isPtr(fl) {
		var inner []string
		if fl.Type.Kind == model.KindObject {
			if fl.Const != nil {
				inner = append(inner, g.constCheck(fl, v, "&fp"))
			}
			inner = append(inner, g.objectCheck(fl.Type.Object, v, "&fp", sc, true))
		} else {
			inner = append([]string{"v := *" + v}, g.valueChecks(fl, fl.Type, "v", "&fp", sc, 0, true)...)
			if len(inner) == 1 {
				return nil
			}
		}
		if len(inner) == 0 {
			return nil
		}
		return []string{block("if "+v+" != nil", inner...)}
	}
	return g.valueChecks(fl, fl.Type, v, "&fp", sc, 0, true)
}

// fail reports a violation of rule at path p when bad holds, in one line
// (the runtime's failIf, small enough to be inlined). bad is an operand of
// a call of several arguments: gofmt spaces only its comparisons and
// logical operators.
func fail(bad, p string, fl *model.Field, rule model.Rule, sentinel string) string {
	return "es.failIf(" + join(bad, p, quote(string(rule)), sentinel, quote(fl.Message(rule))) + ")"
}

// valueChecks checks v of type t; top is false for list items and map values,
// where list-level rules (min_items, non_empty, const) do not apply.
func (g *gen) valueChecks(fl *model.Field, t *model.TypeRef, v, p, sc string, depth int, top bool) []string {
	var out []string
	if top && fl.Const != nil {
		if c := g.constCheck(fl, v, p); c != "" {
			out = append(out, c)
		}
	}
	switch t.Kind {
	case model.KindString:
		out = append(out, g.stringChecks(fl, v, p, top)...)
		if !(top && fl.Const != nil) {
			out = append(out, "scanTyped("+join(p, v, "es", sc)+")")
		}
	case model.KindState:
		out = append(out, fail("!"+v+".Valid()", p, fl, model.RuleEnum, "ErrNotInStateSet"))
	case model.KindInteger, model.KindNumber:
		out = append(out, numberChecks(fl, t, v, p)...)
	case model.KindObject:
		out = append(out, g.objectCheck(t.Object, v, p, sc, false))
	case model.KindAny:
		out = append(out, "checkRaw("+join(p, v, sc, "es")+")")
	case model.KindList:
		out = append(out, g.listChecks(fl, t, v, p, sc, depth, top)...)
	case model.KindMap:
		out = append(out, g.mapChecks(fl, t, v, p, sc, depth, top)...)
	}
	return out
}

func (g *gen) stringChecks(fl *model.Field, v, p string, top bool) []string {
	var out []string
	if top && fl.NonEmpty {
		cond := v + ` == ""`
		if fl.Trim {
			cond = "isBlank(" + v + ")"
		}
		out = append(out, fail(cond, p, fl, model.RuleNonEmpty, "ErrEmpty"))
	}
	switch {
	case fl.MinLength != nil && fl.MaxLength != nil && *fl.MinLength > 0:
		out = append(out, "es.lengthIn("+join(p, v, litInt(*fl.MinLength), litInt(*fl.MaxLength),
			quote(fl.Message(model.RuleMinLength)), quote(fl.Message(model.RuleMaxLength)))+")")
	default:
		if fl.MinLength != nil && *fl.MinLength > 0 { // a length of 0 or more always holds
			out = append(out, fail("runeCount("+v+") < "+litInt(*fl.MinLength), p, fl, model.RuleMinLength, "ErrLength"))
		}
		if fl.MaxLength != nil {
			out = append(out, fail("runeCount("+v+") > "+litInt(*fl.MaxLength), p, fl, model.RuleMaxLength, "ErrLength"))
		}
	}
	if fl.Pattern != "" {
		out = append(out, fail("!"+g.pattern(fl.Pattern)+".MatchString("+v+")", p, fl, model.RulePattern, "ErrPattern"))
	}
	if sf := pattern.Formats[fl.Format]; sf != nil {
		var conds []string
		if sf.Pattern != "" {
			conds = append(conds, "!"+g.pattern(sf.Pattern)+".MatchString("+v+")")
		}
		if sf.MaxLength > 0 {
			conds = append(conds, "len("+v+") > "+litInt(sf.MaxLength))
		}
		switch sf.Name {
		case "date-time":
			conds = append(conds, "!isDateTime("+v+")")
		case "date":
			conds = append(conds, "!isDate("+v+")")
		case "ipv6":
			conds = append(conds, "!isIPv6("+v+")")
		}
		out = append(out, fail(strings.Join(conds, " || "), p, fl, model.RuleFormat, "ErrFormat"))
	}
	return out
}

// pattern returns the variable holding a field pattern, compiled on first
// use, in the portable spelling the JSON Schemas carry, so Go and other
// languages' validators read it alike.
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

// constVar returns the variable holding a fixed list, declared once.
func (g *gen) constVar(v *value.Value, t *model.TypeRef) string {
	return g.fixedVar(fixedConst{key: typeKey(t) + string(v.JSON()), v: v, t: t})
}

// constEncoded is the name of a package variable holding v, of type t, as
// encodedAs writes it with layout l: computed once, from the literal the
// builders use.
func (g *gen) constEncoded(v *value.Value, t *model.TypeRef, l string) string {
	return g.fixedVar(fixedConst{key: "encoded " + typeKey(t) + string(v.JSON()), v: v, t: t, layout: l})
}

// fixedVar returns the variable holding c, declared once per key.
func (g *gen) fixedVar(c fixedConst) string {
	for i, have := range g.consts {
		if have.key == c.key {
			return fmt.Sprintf("fixed%d", i)
		}
	}
	g.consts = append(g.consts, c)
	return fmt.Sprintf("fixed%d", len(g.consts)-1)
}

// fixedConst is a literal compared against in validation: a list of
// scalars as it is, or with layout set, a value's encoding.
type fixedConst struct {
	key    string
	v      *value.Value
	t      *model.TypeRef
	layout string
}

// knownOperationCheck rejects a shared response naming an operation the
// contract does not have.
func (g *gen) knownOperationCheck(fl *model.Field) string {
	var names, cases []string
	for _, op := range g.c.Operations {
		names = append(names, op.Name)
		cases = append(cases, quote(op.Name))
	}
	sort.Strings(names)
	msg := fl.Name + " must be one of: " + strings.Join(names, ", ")
	return "switch m." + fl.GoName + " {\ncase " + join(cases...) + ":\ndefault:\n\tes.add(" +
		join("&fp", `"enum"`, "ErrNotInStateSet", quote(msg)) + ")\n}"
}
