package validate

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// forbiddenLiterals rejects the spec's own literals that hold forbidden
// material where the rules scan them: a payload example, default or const
// of an operation's request or response that the generated decoders and
// builders would refuse, the defaults and consts of the types payloads
// hold, and a type's examples when the rules scan types on their own.
// Each is reported at the offending key or string.
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
	c.typeLiterals(fb, m)
}

// typeLiterals checks the defaults and consts of the types that payloads
// hold, which decoders (for an absent member) and builders write into
// messages, in each direction a type is held; and, when the rules scan
// types on their own, every type's examples, defaults and consts.
func (c *checker) typeLiterals(fb *model.Forbidden, m *model.Contract) {
	var requests, responses []*model.Type
	for _, op := range m.Operations {
		requests = append(requests, op.Request)
		if op.Response != nil {
			responses = append(responses, op.Response.Payload)
		}
		for _, e := range op.Errors {
			responses = append(responses, e.Payload)
		}
	}
	reqTypes, respTypes := model.Reached(requests...), model.Reached(responses...)
	for _, t := range m.Types {
		what := fmt.Sprintf("type %q", t.Name)
		if reqTypes[t] {
			c.fieldLiterals(fb, t, model.DirRequest, what+", which requests hold,")
		}
		if respTypes[t] {
			c.fieldLiterals(fb, t, model.DirResponse, what+", which responses hold,")
		}
		if fb.OnTypes {
			c.fieldLiterals(fb, t, model.DirType, what)
			for _, ex := range t.Examples {
				c.forbiddenAt(fb.FindForbidden(ex, t, model.DirType, ""), ex, "example of "+what)
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
	c.fieldLiterals(fb, t, dir, what)
}

// fieldLiterals checks the defaults and consts of t's fields, scanned as
// members of a message of dir; each literal is reported once.
func (c *checker) fieldLiterals(fb *model.Forbidden, t *model.Type, dir model.Dir, what string) {
	for _, f := range t.Fields {
		if f.Default == nil && f.Const == nil {
			continue
		}
		fw := fieldDesc(f.Name, what)
		if f.Default != nil && f.Default.Pos.Line > 0 {
			c.forbiddenAt(fb.FindForbiddenField(f.Default, f, dir, f.Name), f.Default, "default of "+fw)
		}
		if f.Const != nil {
			c.forbiddenAt(fb.FindForbiddenField(f.Const, f, dir, f.Name), f.Const, "const of "+fw)
		}
	}
}

// forbiddenAt reports p, found in literal v, unless nil or v is reported
// already.
func (c *checker) forbiddenAt(p *model.Problem, v *value.Value, what string) {
	if p == nil || c.forbiddenSeen[v] {
		return
	}
	if c.forbiddenSeen == nil {
		c.forbiddenSeen = map[*value.Value]bool{}
	}
	c.forbiddenSeen[v] = true
	pos := p.Pos
	if pos.Line == 0 {
		pos = v.Pos
	}
	c.errs.Add(pos, "%s holds material the contract forbids at %s, so generated code would refuse it: %s", what, p.Path, p.Msg)
}
