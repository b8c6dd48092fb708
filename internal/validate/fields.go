package validate

import (
	"strings"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/contractgen/contractgen/internal/value"
)

// fieldCtx says where a field list sits, which decides the sources allowed.
type fieldCtx int

const (
	ctxType fieldCtx = iota
	ctxRequestEnvelope
	ctxResponseEnvelope
	ctxResponsePayload
)

var allowedSources = map[fieldCtx][]string{
	ctxType:             nil,
	ctxRequestEnvelope:  {"version", "operation", "payload"},
	ctxResponseEnvelope: {"version", "message", "payload", "request.<field>"},
	ctxResponsePayload:  {"request.<field>"},
}

// fields checks a field list; owner names it in messages.
func (c *checker) fields(fs []*load.Field, ctx fieldCtx, owner string) {
	seen := map[string]*load.Field{}
	for _, f := range fs {
		g := model.FieldGoName(c.namer, f)
		what := fieldDesc(f.Name.V, owner)
		c.goIdent(f.GoName, what)
		if f.GoName.Set() && model.IsMethodName(f.GoName.V) {
			c.errs.Add(f.GoName.Pos, "field %q of %s has go_name %s, the name of a method of the generated struct; choose another", f.Name.V, owner, f.GoName.V)
		}
		if prev, ok := seen[g]; ok {
			c.errs.Add(f.Name.Pos, "field %q of %s becomes Go field %s, like field %q (line %d); rename one of them", f.Name.V, owner, g, prev.Name.V, prev.Name.Pos.Line)
		}
		seen[g] = f
		if f.Name.V == "" {
			c.errs.Add(f.Name.Pos, "field names in %s must not be empty", owner)
		}
		c.name(f.Name, "field name")
		c.field(f, ctx, what)
	}
}

// field checks one field; what names it in messages (fieldDesc).
func (c *checker) field(f *load.Field, ctx fieldCtx, what string) {
	te := c.typeExpr(f.Type, what)
	c.source(f, ctx, what)
	if te == nil {
		return
	}
	base := baseKind(te, c)
	c.sourceType(f, te, ctx, what)
	c.applicable(f, te, base, what)
	if f.Deprecated.Set() && strings.TrimSpace(f.Deprecated.V) == "" {
		c.errs.Add(f.Deprecated.Pos, "%s: deprecated needs a text saying why and what to use instead", what)
	}
	if f.Optional != nil && f.Optional.V {
		for _, other := range []struct {
			set  bool
			what string
		}{{f.Nullable != nil && f.Nullable.V, "nullable (absent and null would both be nil in Go)"}, {f.Required != nil && f.Required.V, "required: true"},
			{f.Default != nil || f.DefaultList.Set(), "a default"}, {f.Const != nil, "const"}, {f.Generate != nil || f.Source.Set(), "generate or source"}} {
			if other.set {
				c.errs.Add(f.Optional.Pos, "%s is optional and has %s; an optional member is simply absent when not given, keep one", what, other.what)
			}
		}
	}
	if f.Default != nil && f.DefaultList.Set() {
		c.errs.Add(f.DefaultList.Pos, "%s has both default and default_list; keep one", what)
	}
	if f.Const != nil && (f.Default != nil || f.DefaultList.Set()) {
		c.errs.Add(f.Const.Pos, "%s has both const and a default; a const is its own default", what)
	}
	if f.Required != nil && f.Required.V && (f.Default != nil || f.DefaultList.Set() || f.Generate != nil || f.Source.Set()) {
		c.errs.Add(f.Required.Pos, "%s is required but also has a default, generate or source; a required field has none (a const may be required: it must then be sent)", what)
	}
	if f.Required != nil && !f.Required.V && f.Default == nil && !f.DefaultList.Set() && f.Const == nil &&
		f.Generate == nil && !f.Source.Set() && (f.Nullable == nil || !f.Nullable.V) && te.Container == "" &&
		(base == "state" || base == "object") {
		c.errs.Add(f.Required.Pos, "%s is optional but has no default; a %s field needs an explicit default or nullable: true", what, base)
	}
	if f.DefaultList.Set() {
		if _, ok := c.lists[f.DefaultList.V]; !ok {
			c.errs.Add(f.DefaultList.Pos, "%s uses list %q, which is not defined under lists%s", what, f.DefaultList.V, c.knownNear(f.DefaultList.V, keys(c.lists)))
		} else if te.Container != "list" {
			c.errs.Add(f.DefaultList.Pos, "%s uses default_list but its type %q is not a list", what, f.Type.V)
		}
	}
	if g := f.Generate; g != nil {
		if te.Container != "" || te.Name != "string" {
			c.errs.Add(g.Pos, "%s: generate needs type string, not %q", what, f.Type.V)
		}
		if isTrue(f.Nullable) {
			c.errs.Add(f.Nullable.Pos, "%s is nullable and has generate; a generated value is never null, keep one", what)
		}
		switch g.Kind.V {
		case "", "hex":
			if g.HexDigits.Pos.Line == 0 {
				c.errs.Add(g.Pos, "%s: generate needs hex_digits (or kind uuid or now)", what)
			} else if g.HexDigits.V < 1 || g.HexDigits.V > 64 {
				c.errs.Add(g.HexDigits.Pos, "%s: generate hex_digits must be between 1 and 64, got %d", what, g.HexDigits.V)
			}
		case "uuid", "now":
			if g.HexDigits.Pos.Line > 0 {
				c.errs.Add(g.HexDigits.Pos, "%s: generate kind %s takes no hex_digits", what, g.Kind.V)
			}
		default:
			c.errs.Add(g.Kind.Pos, "%s: generate kind %q is not known; expected hex, uuid or now", what, g.Kind.V)
		}
	}
	c.messages(f, te, what)
}

// maxNesting bounds how many lists and maps a type nests: list<list<T>> is
// two. Real contracts stay within a few; the Go compiler gives up on
// generic helpers over slices some 45 levels deep.
const maxNesting = 32

// typeExpr parses and resolves a type, reporting undefined names.
func (c *checker) typeExpr(t load.Str, what string) *load.TypeExpr {
	if !t.Set() {
		return nil
	}
	te, err := load.ParseType(t.V)
	if err != nil {
		c.errs.Add(t.Pos, "%s: %v", what, err)
		return nil
	}
	leaf, depth := te, 0
	for leaf.Container != "" {
		leaf, depth = leaf.Elem, depth+1
	}
	if depth > maxNesting {
		c.errs.Add(t.Pos, "%s nests %d lists and maps; at most %d are allowed (the Go compiler fails on deeper generic types); name an object type for an inner level", what, depth, maxNesting)
		return nil
	}
	if isBuiltin(leaf.Name) {
		return te
	}
	if _, ok := c.states[leaf.Name]; ok {
		return te
	}
	if _, ok := c.types[leaf.Name]; ok {
		return te
	}
	c.errs.Add(t.Pos, "%s has undefined type %q%s", what, leaf.Name, c.knownNear(leaf.Name, append(append([]string{}, load.Builtins...), append(keys(c.states), keys(c.types)...)...)))
	return nil
}

// baseKind names the kind a constraint looks at: the field's own kind, or
// for lists and maps of scalars, the element's.
func baseKind(te *load.TypeExpr, c *checker) string {
	if te.Container != "" {
		return te.Container
	}
	if _, ok := c.states[te.Name]; ok {
		return "state"
	}
	if _, ok := c.types[te.Name]; ok {
		return "object"
	}
	return te.Name
}

func leafKind(te *load.TypeExpr, c *checker) string {
	for te.Container != "" {
		te = te.Elem
	}
	return baseKind(te, c)
}

// applicable rejects constraints that have no meaning for the field's type.
func (c *checker) applicable(f *load.Field, te *load.TypeExpr, base string, what string) {
	leaf := leafKind(te, c)
	numeric := leaf == "integer" || leaf == "number"
	str := leaf == "string"
	check := func(set bool, p load.Str, name string, ok bool, need string) {
		if set && !ok {
			c.errs.Add(p.Pos, "%s: %s applies only to %s, not to type %q", what, name, need, f.Type.V)
		}
	}
	posOf := func(l *load.Int) load.Str {
		if l == nil {
			return load.Str{}
		}
		return load.Str{Pos: l.Pos}
	}
	posOfB := func(b *load.Bool) load.Str {
		if b == nil {
			return load.Str{}
		}
		return load.Str{Pos: b.Pos}
	}
	if f.Minimum != nil {
		check(true, load.Str{Pos: f.Minimum.Pos}, "minimum", numeric, "integer and number fields")
		c.numberLiteral(f.Minimum, what+" minimum", leaf == "integer")
	}
	if f.Maximum != nil {
		check(true, load.Str{Pos: f.Maximum.Pos}, "maximum", numeric, "integer and number fields")
		c.numberLiteral(f.Maximum, what+" maximum", leaf == "integer")
	}
	if f.Minimum != nil && f.Maximum != nil && isNumber(f.Minimum) && isNumber(f.Maximum) && f.Minimum.Float() > f.Maximum.Float() {
		c.errs.Add(f.Maximum.Pos, "%s: maximum %s is below minimum %s", what, f.Maximum.Num, f.Minimum.Num)
	}
	c.exclusive(f, what, numeric, leaf == "integer", check)
	check(f.MinLength != nil, posOf(f.MinLength), "min_length", str, "string fields")
	check(f.MaxLength != nil, posOf(f.MaxLength), "max_length", str, "string fields")
	if f.MinLength != nil && f.MaxLength != nil && f.MinLength.V > f.MaxLength.V {
		c.errs.Add(f.MaxLength.Pos, "%s: max_length %d is below min_length %d", what, f.MaxLength.V, f.MinLength.V)
	}
	check(f.MinItems != nil, posOf(f.MinItems), "min_items", base == "list" || base == "map", "list and map fields")
	check(f.MaxItems != nil, posOf(f.MaxItems), "max_items", base == "list" || base == "map", "list and map fields")
	_, stateElem := c.states[elemName(te)]
	scalarElem := elemName(te) == "string" || elemName(te) == "integer" || elemName(te) == "number" || elemName(te) == "boolean"
	check(f.UniqueItems != nil, posOfB(f.UniqueItems), "unique_items", base == "list" && (stateElem || scalarElem), "lists of strings, numbers, booleans or state values")
	check(f.KeyPattern.Set(), f.KeyPattern, "key_pattern", base == "map", "map fields")
	if f.KeyPattern.Set() {
		c.pattern(f.KeyPattern, what+" key_pattern")
	}
	if f.MinItems != nil && f.MaxItems != nil && f.MinItems.V > f.MaxItems.V {
		c.errs.Add(f.MaxItems.Pos, "%s: max_items %d is below min_items %d", what, f.MaxItems.V, f.MinItems.V)
	}
	if f.MaxItems != nil && f.MaxItems.V == 0 && f.NonEmpty != nil && f.NonEmpty.V {
		c.errs.Add(f.MaxItems.Pos, "%s: max_items 0 contradicts non_empty", what)
	}
	check(f.Trim != nil, posOfB(f.Trim), "trim", base == "string", "string fields")
	check(f.NonEmpty != nil, posOfB(f.NonEmpty), "non_empty", base == "string" || base == "list" || base == "map", "string, list and map fields")
	check(f.Pattern.Set(), f.Pattern, "pattern", str, "string fields")
	check(f.Format.Set(), f.Format, "format", str, "string fields")
	if _, ok := pattern.Formats[f.Format.V]; f.Format.Set() && !ok {
		c.errs.Add(f.Format.Pos, "%s: unknown format %q; the formats are %s", what, f.Format.V, strings.Join(pattern.FormatNames, ", "))
	}
	if f.Pattern.Set() {
		c.pattern(f.Pattern, what+" pattern")
	}
}

func isNumber(v *value.Value) bool { return v.Kind == value.Int || v.Kind == value.Number }

func (c *checker) numberLiteral(lv *value.Value, what string, integer bool) {
	if integer && !lv.AsInteger() || lv.Kind != value.Int && lv.Kind != value.Number {
		want := "a number"
		if integer {
			want = "an integer"
		}
		got := string(lv.Kind)
		if lv.Kind == value.Number {
			got = "number " + lv.Num // 1.5 or 1e+20: say why it is no integer
		}
		c.errs.Add(lv.Pos, "%s must be %s, got %s", what, want, got)
	}
}

// messages checks that overridden messages name rules that can fire.
func (c *checker) messages(f *load.Field, te *load.TypeExpr, what string) {
	for _, m := range f.Messages {
		known := false
		for _, r := range model.Rules {
			if string(r) == m.Rule.V {
				known = true
			}
		}
		if !known {
			rules := make([]string, len(model.Rules))
			for i, r := range model.Rules {
				rules[i] = string(r)
			}
			c.errs.Add(m.Rule.Pos, "%s: unknown rule %q in messages; expected one of: %s", what, m.Rule.V, strings.Join(rules, ", "))
		}
		if strings.TrimSpace(m.Text.V) == "" && m.Text.Set() {
			c.errs.Add(m.Text.Pos, "%s: message for rule %q must not be empty", what, m.Rule.V)
		}
	}
}

// exclusive checks the strict bounds: numeric fields only, literal numbers,
// not beside the inclusive bound of the same side, and a non-empty range.
func (c *checker) exclusive(f *load.Field, what string, numeric, integer bool, check func(bool, load.Str, string, bool, string)) {
	for _, b := range []struct {
		v, inclusive *value.Value
		key, other   string
	}{{f.ExclusiveMinimum, f.Minimum, "exclusive_minimum", "minimum"}, {f.ExclusiveMaximum, f.Maximum, "exclusive_maximum", "maximum"}} {
		if b.v == nil {
			continue
		}
		check(true, load.Str{Pos: b.v.Pos}, b.key, numeric, "integer and number fields")
		c.numberLiteral(b.v, what+" "+b.key, integer)
		if b.inclusive != nil {
			c.errs.Add(b.v.Pos, "%s has both %s and %s; keep one", what, b.other, b.key)
		}
	}
	lo, hi := f.ExclusiveMinimum, f.ExclusiveMaximum
	if lo == nil {
		lo = f.Minimum
	}
	if hi == nil {
		hi = f.Maximum
	}
	if (f.ExclusiveMinimum != nil || f.ExclusiveMaximum != nil) && lo != nil && hi != nil && isNumber(lo) && isNumber(hi) && lo.Float() >= hi.Float() {
		c.errs.Add(hi.Pos, "%s: the bounds leave no value (%s to %s, one of them exclusive)", what, lo.Num, hi.Num)
	}
}

// elemName is the element type name of a list of a named or builtin type,
// or "" for anything else.
func elemName(te *load.TypeExpr) string {
	if te == nil || te.Container != "list" || te.Elem == nil || te.Elem.Container != "" {
		return ""
	}
	return te.Elem.Name
}
