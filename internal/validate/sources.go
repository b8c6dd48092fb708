package validate

import (
	"strings"

	"github.com/contractgen/contractgen/internal/load"
)

// textSources are the sources that fill a field with text: the spec's
// version value, the operation's name and the response's message.
var textSources = []string{"version", "operation", "message"}

// sourceType checks that a sourced field's type holds what the source
// fills it with; the builders assign that value as it is, so any other
// type would give Go that does not compile, or a field that never carries
// its text. Text sources need a string; the payload source holds the
// operation's payload object, so a json field; a request.<field> source
// copies the request envelope field, so the type and nullability of that
// field. A source the field's place does not allow is reported by source
// alone.
func (c *checker) sourceType(f *load.Field, te *load.TypeExpr, ctx fieldCtx, what string) {
	src := f.Source.V
	allowed := allowedSources[ctx]
	switch {
	case !f.Source.Set():
	case strings.HasPrefix(src, "request."):
		if !contains(allowed, "request.<field>") {
			return // source reports it
		}
		c.copiedType(f, te, strings.TrimPrefix(src, "request."), what)
	case !contains(allowed, src):
		// source reports it
	case !sourceFits(src, te) && src == "payload":
		c.errs.Add(f.Type.Pos, "%s has source payload, which holds the operation's payload object; its type must be json, not %q", what, f.Type.V)
	case !sourceFits(src, te):
		c.errs.Add(f.Type.Pos, "%s has source %s, which fills it with text; its type must be string, not %q", what, src, f.Type.V)
	}
}

// sourceFits reports whether type te holds what source src fills a field
// with; true for the sources it does not judge.
func sourceFits(src string, te *load.TypeExpr) bool {
	switch {
	case contains(textSources, src):
		return te.Container == "" && te.Name == "string"
	case src == "payload":
		return te.Container == "" && te.Name == "json"
	}
	return true
}

// copiedType checks a field sourced from request envelope field name
// against that field: the same type, nullable alike, and always there to
// copy (not optional).
func (c *checker) copiedType(f *load.Field, te *load.TypeExpr, name, what string) {
	if c.s.Envelopes == nil || c.s.Envelopes.Request == nil {
		return // source reports the missing field
	}
	rf := findField(c.s.Envelopes.Request.Fields, name)
	if rf == nil {
		return
	}
	rte, err := load.ParseType(rf.Type.V)
	if err != nil || !sourceFits(rf.Source.V, rte) {
		return // reported at the request field
	}
	if !sameType(te, rte) {
		c.errs.Add(f.Type.Pos, "%s copies request envelope field %q (source request.%s); its type must be %q like that field's, not %q", what, name, name, rf.Type.V, f.Type.V)
		return
	}
	if isTrue(rf.Optional) {
		c.errs.Add(f.Source.Pos, "%s copies request envelope field %q (source request.%s), which is optional: a request without it leaves nothing to copy; drop optional from that field", what, name, name)
		return
	}
	if isTrue(f.Nullable) != isTrue(rf.Nullable) {
		c.errs.Add(f.Source.Pos, "%s copies request envelope field %q (source request.%s); it must be nullable exactly when that field is (%s nullable: %t)", what, name, name, name, isTrue(rf.Nullable))
	}
}

// sameType reports whether two type expressions name the same type.
func sameType(a, b *load.TypeExpr) bool {
	for a != nil && b != nil {
		if a.Container != b.Container || a.Name != b.Name {
			return false
		}
		a, b = a.Elem, b.Elem
	}
	return a == nil && b == nil
}

// isTrue reports whether an optional boolean key is set to true.
func isTrue(b *load.Bool) bool { return b != nil && b.V }
