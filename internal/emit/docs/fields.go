package docs

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/pattern"
)

// field builds one row of a field table: type with links, what a document
// must carry, default and constraints.
func (s *site) field(p string, f *model.Field, ctx fieldCtx) *Field {
	out := &Field{Field: f, Name: f.Name, Description: f.Description, Deprecated: f.Deprecated, Type: s.typeParts(p, f.Type), Required: presence(f)}
	if f.Default != nil {
		out.Default = jsonText(f.Default, false)
	}
	if f.DefaultList != nil {
		out.DefaultList = f.DefaultList.Name
	}
	out.Constraints = constraints(f, ctx)
	return out
}

// presence says in plain words whether a JSON document must carry the
// member and whether builders write it themselves (a source or a const): the
// same words on every page. A generated value is required on the wire; the
// constraint that says how builders draw it follows.
func presence(f *model.Field) string {
	out := "Optional"
	if f.WireRequired() {
		out = "Required"
	}
	if !f.IsArgument() {
		out += ", set by builders"
	}
	return out
}

// typeParts splits a type for linking: state sets link to the states page,
// named types to the types page.
func (s *site) typeParts(p string, t *model.TypeRef) []TypePart {
	switch t.Kind {
	case model.KindList, model.KindMap:
		parts := []TypePart{{Text: string(t.Kind) + "<"}}
		parts = append(parts, s.typeParts(p, t.Elem)...)
		return append(parts, TypePart{Text: ">"})
	case model.KindState:
		return []TypePart{{Text: t.State.Name, Href: rel(p, statesPath+"#"+slug(t.State.Name))}}
	case model.KindObject:
		return []TypePart{{Text: t.Object.Name, Href: rel(p, typesPath+"#"+slug(t.Object.Name))}}
	}
	return []TypePart{{Text: t.String()}}
}

// constraints words every rule of a field, most important first.
func constraints(f *model.Field, ctx fieldCtx) []Constraint {
	var out []Constraint
	add := func(text, code, after string) { out = append(out, Constraint{Text: text, Code: code, After: after}) }
	if c := sourceConstraint(f, ctx); c != nil {
		out = append(out, *c)
	}
	if f.Const != nil {
		add("always", jsonText(f.Const, false), "")
	}
	if f.Nullable {
		add("may be null", "", "")
	}
	each := ""
	switch f.Type.Kind {
	case model.KindList:
		each = " (each item)"
	case model.KindMap:
		each = " (each value)"
	}
	if f.Trim {
		add("surrounding whitespace is trimmed"+each, "", "")
	}
	if f.NonEmpty {
		add("must not be empty", "", "")
	}
	one, many := "item", "items"
	if f.Type.Kind == model.KindMap {
		one, many = "entry", "entries"
	}
	if f.UniqueItems {
		add("no item twice", "", "")
	}
	if f.KeyPattern != "" {
		add("keys match", f.KeyPattern, "")
	}
	count := func(min, max *int, one, many, each string) {
		switch {
		case min != nil && max != nil && *min == *max:
			add(fmt.Sprintf("exactly %d %s%s", *min, plural(*min, one, many), each), "", "")
			return
		case min != nil:
			add(fmt.Sprintf("at least %d %s%s", *min, plural(*min, one, many), each), "", "")
		}
		if max != nil {
			add(fmt.Sprintf("at most %d %s%s", *max, plural(*max, one, many), each), "", "")
		}
	}
	count(f.MinItems, f.MaxItems, one, many, "")
	count(f.MinLength, f.MaxLength, "character", "characters", each)
	if f.Minimum != nil {
		add("at least", f.Minimum.Num, each)
	}
	if f.Maximum != nil {
		add("at most", f.Maximum.Num, each)
	}
	if f.ExclusiveMinimum != nil {
		add("greater than", f.ExclusiveMinimum.Num, each)
	}
	if f.ExclusiveMaximum != nil {
		add("less than", f.ExclusiveMaximum.Num, each)
	}
	if f.Sensitive {
		add("sensitive: printed as [REDACTED] in logs", "", "")
	}
	if f.Pattern != "" {
		add("matches", f.Pattern, each)
	}
	if sf := pattern.Formats[f.Format]; sf != nil {
		add("a valid "+sf.Noun+each, "", "")
	}
	if g := f.Generate; g != nil {
		digits := fmt.Sprintf("%d random lowercase hex %s", g.HexDigits, plural(g.HexDigits, "digit", "digits"))
		switch g.Kind {
		case model.GenerateUUID:
			digits = "a random UUID (version 4)"
		case model.GenerateNow:
			digits = "the current time (RFC 3339, UTC)"
		}
		if g.Prefix != "" {
			add("when not given, builders draw", g.Prefix, "followed by "+digits)
		} else {
			add("when not given, builders draw "+digits, "", "")
		}
	}
	return out
}

func sourceConstraint(f *model.Field, ctx fieldCtx) *Constraint {
	switch f.Source {
	case model.SourceVersion:
		return &Constraint{Text: "set to the envelope version", Code: ctx.version}
	case model.SourceOperation:
		if ctx.op == "" {
			return &Constraint{Text: "set to the name of the operation"}
		}
		return &Constraint{Text: "set to the operation name", Code: ctx.op}
	case model.SourcePayload:
		t := ctx.payload
		if t == "" {
			t = "the operation payload"
		}
		return &Constraint{Text: "carries " + t}
	case model.SourceMessage:
		return &Constraint{Text: "set to the response message"}
	case model.SourceRequest:
		if f.RequestField != nil {
			return &Constraint{Text: "copied from the request envelope's", Code: f.RequestField.Name}
		}
		return &Constraint{Text: "copied from the request"}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
