package validate

import (
	"fmt"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// values checks every literal of the spec against the field or type it
// belongs to: defaults, consts, list defaults and examples.
func (c *checker) values(m *model.Contract) {
	for _, t := range m.Types {
		c.typeValues(t, fmt.Sprintf("type %q", t.Name))
	}
	c.typeValues(m.Request.Type, "the request envelope")
	c.typeValues(m.Response.Type, "the response envelope")
	for _, op := range m.Operations {
		c.typeValues(op.Request, fmt.Sprintf("operation %q request", op.Name))
		if op.Response != nil && !op.Response.Shared() {
			c.typeValues(op.Response.Payload, fmt.Sprintf("operation %q response payload", op.Name))
		}
		for _, e := range op.Errors {
			c.typeValues(e.Payload, fmt.Sprintf("operation %q error %q payload", op.Name, e.Name))
		}
	}
	for _, r := range m.Responses {
		c.typeValues(r.Payload, fmt.Sprintf("shared response %q payload", r.Name))
	}
}

func (c *checker) typeValues(t *model.Type, what string) {
	for _, f := range t.Fields {
		if f.Default == nil && f.Const == nil {
			continue
		}
		fw := fieldDesc(f.Name, what)
		if f.Default != nil && f.Default.Pos.Line == 0 && f.DefaultList == nil {
			for _, p := range model.CheckField(f.Default, f, f.Name) {
				c.errs.Add(f.Pos, "%s is optional without a default, so it defaults to %s, which breaks its own rules (%s); give it a default or make it nullable", fw, f.Default.JSON(), p.Msg)
			}
		} else if f.Default != nil {
			label := "default"
			if f.DefaultList != nil {
				label = fmt.Sprintf("list %q used as default", f.DefaultList.Name)
			}
			c.report(model.CheckField(f.Default, f, f.Name), fmt.Sprintf("%s of %s", label, fw), f.Default)
		}
		if f.Const != nil {
			probe := *f
			probe.Const = nil
			c.report(model.CheckField(f.Const, &probe, f.Name), "const of "+fw, f.Const)
		}
	}
	for _, ex := range t.Examples {
		c.example(ex, t, "example of "+what)
	}
}

func (c *checker) example(ex *value.Value, t *model.Type, what string) {
	c.report(model.CheckObject(ex, t, ""), what, ex)
}

func (c *checker) report(ps []model.Problem, what string, v *value.Value) {
	for _, p := range ps {
		pos := p.Pos
		if pos.Line == 0 {
			pos = v.Pos
		}
		if strings.ContainsAny(p.Path, ".[") {
			// The message names only the field; say where in the literal it sits.
			c.errs.Add(pos, "%s is invalid at %s: %s", what, p.Path, p.Msg)
			continue
		}
		c.errs.Add(pos, "%s is invalid: %s", what, p.Msg)
	}
}
