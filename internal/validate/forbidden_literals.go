package validate

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// forbiddenLiterals rejects the spec's own literals that hold forbidden
// material where the rules scan them: a payload example, default or const
// of an operation's request or response that the generated decoders and
// builders would refuse, and an example of a type when the rules scan
// types on their own. Each is reported at the offending key or string.
func (c *checker) forbiddenLiterals(m *model.Contract) {
	fb := m.Forbidden
	if fb == nil || fb.Rules() == 0 {
		return
	}
	for _, op := range m.Operations {
		c.payloadLiterals(fb, op.Request, model.DirRequest, fmt.Sprintf("operation %q request", op.Name))
		if op.Response != nil && !op.Response.Shared() && op.Response.Payload != nil {
			c.payloadLiterals(fb, op.Response.Payload, model.DirResponse, fmt.Sprintf("operation %q response payload", op.Name))
		}
		for _, e := range op.Errors {
			c.payloadLiterals(fb, e.Payload, model.DirResponse, fmt.Sprintf("operation %q error %q payload", op.Name, e.Name))
		}
	}
	for _, r := range m.Responses {
		c.payloadLiterals(fb, r.Payload, model.DirResponse, fmt.Sprintf("shared response %q payload", r.Name))
	}
	if fb.OnTypes {
		for _, t := range m.Types {
			for _, ex := range t.Examples {
				c.forbiddenAt(fb.FindForbidden(ex, t, model.DirType, ""), ex, fmt.Sprintf("example of type %q", t.Name))
			}
		}
	}
}

// payloadLiterals checks the examples of payload type t and the defaults
// and consts of its fields, scanned as the payload of a message of dir.
func (c *checker) payloadLiterals(fb *model.Forbidden, t *model.Type, dir model.Dir, what string) {
	if t == nil {
		return
	}
	for _, ex := range t.Examples {
		c.forbiddenAt(fb.FindForbidden(ex, t, dir, ""), ex, "example of "+what)
	}
	for _, f := range t.Fields {
		fw := fmt.Sprintf("field %q of %s", f.Name, what)
		if f.Default != nil && f.Default.Pos.Line > 0 {
			c.forbiddenAt(fb.FindForbiddenField(f.Default, f, dir, f.Name), f.Default, "default of "+fw)
		}
		if f.Const != nil {
			c.forbiddenAt(fb.FindForbiddenField(f.Const, f, dir, f.Name), f.Const, "const of "+fw)
		}
	}
}

// forbiddenAt reports p, found in literal v, unless nil.
func (c *checker) forbiddenAt(p *model.Problem, v *value.Value, what string) {
	if p == nil {
		return
	}
	pos := p.Pos
	if pos.Line == 0 {
		pos = v.Pos
	}
	c.errs.Add(pos, "%s holds material the contract forbids at %s, so generated code would refuse it: %s", what, p.Path, p.Msg)
}
