package lint

import (
	"strings"
	"unicode"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/model"
)

// object is an object type of the contract with the place that declares
// it: the type's name, or for a payload the operation or response that owns it.
type object struct {
	t    *model.Type
	what string
	pos  diag.Pos
}

// objects lists every object type the spec writes fields for, once each:
// named types, envelopes, request payloads and every response payload.
func objects(c *model.Contract) []object {
	var out []object
	seen := map[*model.Type]bool{}
	add := func(t *model.Type, what string, pos diag.Pos) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		if t.Pos.Line > 0 {
			pos = t.Pos
		}
		out = append(out, object{t, what, pos})
	}
	for _, t := range c.Types {
		add(t, "type "+t.Name, t.Pos)
	}
	if c.Request != nil {
		add(c.Request.Type, "the request envelope", diag.Pos{})
	}
	if c.Response != nil {
		add(c.Response.Type, "the response envelope", diag.Pos{})
	}
	for _, r := range c.Responses {
		add(r.Payload, "shared response "+r.Name, r.Pos)
	}
	for _, op := range c.Operations {
		add(op.Request, "the request of "+op.Name, op.Pos)
		if op.Response != nil && !op.Response.Shared() {
			add(op.Response.Payload, "the response of "+op.Name, op.Pos)
		}
		for _, e := range op.Errors {
			add(e.Payload, "error "+e.Name+" of "+op.Name, e.Pos)
		}
	}
	return out
}

// fieldPos is where a field is written, else where its owner is.
func fieldPos(o object, f *model.Field) diag.Pos {
	if f.Pos.Line > 0 {
		return f.Pos
	}
	return o.pos
}

// isSnake reports whether s is lower snake_case: words of letters without
// an upper-case form in use (a-z, é, ß, 名), combining marks (the vowel
// signs of नाम) and digits, joined by single underscores, starting with a
// letter. Names in other scripts are as much snake_case as ASCII ones.
func isSnake(s string) bool {
	if s == "" || strings.HasSuffix(s, "_") {
		return false
	}
	prev := '_'
	for i, r := range s {
		switch {
		case i == 0 && !unicode.IsLetter(r):
			return false
		case unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsTitle(r), unicode.IsDigit(r), unicode.IsMark(r):
		case r == '_' && prev != '_':
		default:
			return false
		}
		prev = r
	}
	return true
}

// isCamel reports whether s is lower camelCase: a letter that is not
// upper case, then letters (of any case), digits and combining marks, in
// any script: unitPrice, valueKWh, prénomClient.
func isCamel(s string) bool {
	for i, r := range s {
		switch {
		case i == 0 && (!unicode.IsLetter(r) || unicode.IsUpper(r) || unicode.IsTitle(r)):
			return false
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r):
		default:
			return false
		}
	}
	return s != ""
}

// isPascal reports whether s is PascalCase: an upper-case letter, then
// letters and digits only, in any script.
func isPascal(s string) bool {
	for i, r := range s {
		if i == 0 && !unicode.IsUpper(r) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}
