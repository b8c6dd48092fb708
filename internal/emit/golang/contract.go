package golang

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/pattern"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// contractFile holds constants, state sets, value lists, the forbidden
// material policy and the contract description.
func (g *gen) contractFile(k *sink) {
	c := g.c
	k.pkgDoc = formatDoc([]string{cmt("Package " + g.pkg + " is the generated Go binding of contract " + c.Name + ".")})
	var w gw
	if len(c.Versions) > 0 {
		w.line("const (")
		w.ind++
		for _, v := range c.Versions {
			w.docComment(v.GoName, v.Description)
			w.line(v.GoName, " = ", quote(v.Value))
		}
		w.ind--
		w.line(")")
		k.decl(&w)
	}
	for _, st := range c.States {
		g.stateSet(k, &w, st)
	}
	for _, l := range c.Lists {
		g.list(k, &w, l)
	}
	g.policy(k, &w)
	g.describe(k, &w)
	w.docLines("// ptr returns a pointer to a copy of v: a nullable member's value in a literal.")
	w.open("func ptr[T any](v T) *T")
	w.line("return &v")
	w.close()
	k.decl(&w)
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
			w.docComment(v.GoName, v.Description)
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
	w.noinline()
	oneLine(w, "func (v "+st.GoName+") Valid() bool", "return isValue(string(v), "+g.stateValues(st)+")")
	k.decl(w)
	w.docLines("// String returns the value as sent on the wire.")
	w.noinline()
	oneLine(w, "func (v "+st.GoName+") String() string", "return string(v)")
	k.decl(w)
	w.docLines(cmt(st.GoName + "Values returns every value of " + st.GoName + " in contract order."))
	w.open("func ", st.GoName, "Values() []", st.GoName)
	w.line("return append([]", st.GoName, "(nil), ", join(cases...), ")") // no array type, so no equality function per set
	w.close()
	k.decl(w)
}

// list writes a function returning a fresh copy of a value list, typed
// like the fields that take it as their default.
func (g *gen) list(k *sink, w *gw, l *model.List) {
	t := g.listType(l)
	w.doc(l.GoName, l.Description+" It returns a fresh copy on each call.")
	w.open("func ", l.GoName, "() ", w.goType(t))
	w.line("return ", w.lit(l.Values, t))
	w.close()
	k.decl(w)
}

// listType is the type of the first field that takes l as its default
// (the spec checks the list against every one); a list no field takes is
// typed by its values.
func (g *gen) listType(l *model.List) *model.TypeRef {
	for _, s := range g.structs {
		for _, f := range s.t.Fields {
			if f.DefaultList == l {
				return f.Type
			}
		}
	}
	return orStrings(literalType(l.Values))
}

// orStrings types the items of lists that hold none (nil Elem) as strings.
func orStrings(t *model.TypeRef) *model.TypeRef {
	if t.Kind == model.KindList {
		if t.Elem == nil {
			t.Elem = &model.TypeRef{Kind: model.KindString}
		}
		orStrings(t.Elem)
	}
	return t
}

// literalType is the narrowest type every value of v has: string, integer,
// number (integers and fractions), boolean, a list of such (a nil Elem when
// the list is empty), or else json.
func literalType(v *value.Value) *model.TypeRef {
	switch v.Kind {
	case value.String:
		return &model.TypeRef{Kind: model.KindString}
	case value.Int:
		return &model.TypeRef{Kind: model.KindInteger}
	case value.Number:
		return &model.TypeRef{Kind: model.KindNumber}
	case value.Bool:
		return &model.TypeRef{Kind: model.KindBoolean}
	case value.List:
		var elem *model.TypeRef // nil while no item says
		for _, it := range v.Items {
			elem = widen(elem, literalType(it))
		}
		return &model.TypeRef{Kind: model.KindList, Elem: elem}
	}
	return &model.TypeRef{Kind: model.KindAny}
}

// widen is the type that holds values of both a and b (nil: no value yet).
func widen(a, b *model.TypeRef) *model.TypeRef {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case a.Kind == model.KindList && b.Kind == model.KindList:
		return &model.TypeRef{Kind: model.KindList, Elem: widen(a.Elem, b.Elem)}
	case a.Kind == b.Kind && a.Kind != model.KindList:
		return a
	case (a.Kind == model.KindInteger || a.Kind == model.KindNumber) && (b.Kind == model.KindInteger || b.Kind == model.KindNumber):
		return &model.TypeRef{Kind: model.KindNumber}
	}
	return &model.TypeRef{Kind: model.KindAny}
}

// policy emits the forbidden-material rules as runtime data, in rule index
// order: the key rules, then the value rules.
func (g *gen) policy(k *sink, w *gw) {
	var rules [][2][]string // keys and values of each rule's fields
	var edges []string
	if fb := g.c.Forbidden; fb != nil {
		for _, kr := range fb.Keys {
			rules = append(rules, keyRule(kr))
		}
		for _, v := range fb.Values {
			rules = append(rules, g.valueRule(w, v, &edges))
		}
	}
	w.docLines("// rules are the contract's forbidden-material rules; rule i owns the scan",
		"// bits at 3*i.")
	if len(rules) == 0 {
		w.line("var rules = []*rule{}")
	}
	for i, r := range rules {
		if i == 0 {
			w.line("var rules = []*rule{{")
		} else {
			w.line("}, {")
		}
		w.ind++
		w.pairs(r[0], r[1])
		w.ind--
		if i == len(rules)-1 {
			w.line("}}")
		}
	}
	k.decl(w)
	if len(edges) > 0 {
		w.docLines("// ruleEdge0 and those after it test the character before a value",
			"// pattern's literal (see anchored).")
		rows := make([][]string, len(edges))
		for i, e := range edges {
			rows[i] = []string{"ruleEdge" + strconv.Itoa(i), "= " + lazyLit(e)}
		}
		w.line("var (")
		w.ind++
		w.rows(rows)
		w.ind--
		w.line(")")
		k.decl(w)
	}
	w.docLines("// CheckForbidden scans a JSON document for forbidden keys and values at any",
		cmt("depth, naming offenders by paths that start at root."))
	// One pass clears a clean document; anything else takes the exact
	// path, which reports the first problem and its path.
	w.open("func CheckForbidden(root string, doc []byte) error")
	w.open("if quickClean(doc, anyKeys|anyFree)")
	w.line("return nil")
	w.close()
	w.line("var es Errors")
	w.line("var p *pathNode")
	w.open(`if root != ""`)
	w.line("rp := keyPath(nil, root)")
	w.line("p = &rp")
	w.close()
	w.line("d := &decoder{data: doc}")
	w.open("if err := d.end(d.skip(p)); err != nil")
	w.line("return err")
	w.close()
	w.line("scanRaw(p, doc, anyKeys|anyFree, &es)")
	w.line("return es.err()")
	w.close()
	k.decl(w)
}

// keyRule is the runtime data of a key rule: its fields' keys, in the
// order a composite literal sorted by key writes them, and values.
func keyRule(k *model.KeyRule) [2][]string {
	quoted := func(list []string) string {
		q := make([]string, len(list))
		for i, s := range list {
			q[i] = quote(s)
		}
		return "[]string{" + join(q...) + "}"
	}
	return [2][]string{{"exact", "keyMessage", "parts"}, {quoted(k.Exact), quote(k.Message), quoted(k.Parts)}}
}

// valueRule is the runtime data of a value rule: one regular expression of
// every pattern, the literal prefilter when one exists, and the patterns
// the runtime matches at their literals (pattern.Anchor) with the others in
// rest. Each one-character test is declared once, in edges.
func (g *gen) valueRule(w *gw, v *model.ValueRule, edges *[]string) [2][]string {
	alts := make([]string, len(v.Patterns))
	raw := make([]string, len(v.Patterns))
	var fast, rest []string
	for i, p := range v.Patterns {
		re, err := pattern.PortablePattern(p.Pattern)
		if err != nil {
			g.errs = append(g.errs, fmt.Errorf("forbidden value pattern %s: %w", p.Name, err))
			re = p.Pattern
		}
		alts[i] = "(?:" + re + ")"
		raw[i] = re
		if f, ok := pattern.Anchor(re); ok {
			fast = append(fast, anchoredLit(f, edges))
		} else {
			rest = append(rest, alts[i])
		}
	}
	fields := map[string]string{
		"valueMessage": quote(v.Message),
		"values":       "&" + lazyLit(strings.Join(alts, "|")),
	}
	if fast != nil {
		fields["fast"] = "[]*anchored{" + join(fast...) + "}"
		if rest != nil {
			fields["rest"] = "&" + lazyLit(strings.Join(rest, "|"))
		}
	}
	if lits := pattern.Prefilter(raw); lits != nil {
		starts := pattern.ByFirstByte(lits)
		q := make([]string, len(lits))
		for i, l := range lits {
			q[i] = quote(l)
		}
		fields["literals"] = "[]string{" + join(q...) + "}"
		fields["starts"] = quote(starts)
	}
	keys := slices.Sorted(maps.Keys(fields))
	values := make([]string, len(keys))
	for i, k := range keys {
		values[i] = fields[k]
	}
	return [2][]string{keys, values}
}

// anchoredLit is the composite literal of an anchored pattern, naming its
// one-character test by its place in edges (ruleEdge0, ...).
func anchoredLit(f pattern.Anchored, edges *[]string) string {
	q := make([]string, len(f.Lits))
	for i, l := range f.Lits {
		q[i] = quote(l)
	}
	fields := "lits: []string{" + join(q...) + "}"
	if f.Before != "" {
		k := slices.Index(*edges, f.Before)
		if k < 0 {
			k = len(*edges)
			*edges = append(*edges, f.Before)
		}
		fields += ", before: &ruleEdge" + strconv.Itoa(k)
	}
	if f.Next != "" {
		fields += ", next: &" + lazyLit(f.Next)
	}
	return "{" + fields + ", tail: &" + lazyLit(f.Tail) + "}"
}

// lazyLit is the composite literal of a pattern the runtime compiles on
// first use (lazyRegexp): text the compiler lays out as data, so loading the
// package compiles no pattern.
func lazyLit(re string) string { return "lazyRegexp{src: " + quote(re) + "}" }

// oneLine writes a function of one statement on one line, as gofmt keeps
// it when the signature, a blank and the statement take at most 100
// columns (go/printer's funcBody), else as a block.
func oneLine(w *gw, sig, stmt string) {
	if len(sig)+1+len(stmt) <= 100 {
		w.line(sig, " { ", stmt, " }")
		return
	}
	w.open(sig)
	w.line(stmt)
	w.close()
}
