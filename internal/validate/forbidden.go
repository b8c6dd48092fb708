package validate

import (
	"fmt"
	"strings"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
)

var scopes = []string{string(model.ScopeFreeForm), string(model.ScopePayload), string(model.ScopeMessage)}

func (c *checker) forbidden() {
	f := c.s.Forbidden
	if f == nil {
		return
	}
	types := false
	for _, on := range f.On {
		switch on.V {
		case "requests", "responses":
		case "types":
			types = true
		default:
			c.errs.Add(on.Pos, "forbidden on %q is not known; expected requests, responses or types", on.V)
		}
	}
	if f.TypeRoot.Set() && !types {
		c.errs.Add(f.TypeRoot.Pos, "forbidden type_root applies only when forbidden on lists types")
	}
	if f.TypeRoot.Set() && (f.TypeRoot.V == "" || strings.ContainsAny(f.TypeRoot.V, ".[] ")) {
		c.errs.Add(f.TypeRoot.Pos, "forbidden type_root %q must be one member name, such as %q", f.TypeRoot.V, "payload")
	}
	if k := f.Keys; k != nil {
		c.scope(k.AppliesTo, "forbidden keys")
		if len(k.Parts)+len(k.Exact) == 0 {
			c.errs.Add(k.Pos, "forbidden keys must list at least one part or exact key")
		}
		for _, p := range append(append([]load.Str{}, k.Parts...), k.Exact...) {
			if strings.TrimSpace(p.V) == "" {
				c.errs.Add(p.Pos, "forbidden keys must not be empty strings")
			}
		}
		c.pathMessage(k.Message, "forbidden keys message")
	}
	if v := f.Values; v != nil {
		c.scope(v.AppliesTo, "forbidden values")
		if len(v.Patterns) == 0 {
			c.errs.Add(v.Pos, "forbidden values must define at least one pattern")
		}
		for _, p := range v.Patterns {
			c.pattern(p.Pattern, fmt.Sprintf("forbidden value pattern %q", p.Name.V))
		}
		c.pathMessage(v.Message, "forbidden values message")
	}
}

func (c *checker) scope(s load.Str, what string) {
	if s.Set() && !contains(scopes, s.V) {
		c.errs.Add(s.Pos, "%s applies_to %q is not known; expected one of: %s", what, s.V, strings.Join(scopes, ", "))
	}
}

func (c *checker) pathMessage(m load.Str, what string) {
	if m.Set() && !strings.Contains(m.V, "{path}") {
		c.errs.Add(m.Pos, "%s must contain {path}, where the offending location is inserted", what)
	}
}

// forbiddenStatic rejects contracts that forbid their own fixed material: a
// typed key or a const string that the rules would reject in every message.
func (c *checker) forbiddenStatic(m *model.Contract) {
	f := m.Forbidden
	if f == nil || f.Keys == nil || f.Keys.AppliesTo == model.ScopeFreeForm {
		return
	}
	check := func(fs []*load.Field, what string) {
		for _, fl := range fs {
			if model.KeyForbidden(f.Keys, fl.Name.V) {
				c.errs.Add(fl.Name.Pos, "field %q of %s is a forbidden key under the forbidden keys rule; rename it", fl.Name.V, what)
			}
		}
	}
	for _, op := range c.s.Operations {
		if f.OnRequests {
			check(op.Request, fmt.Sprintf("operation %q request", op.Name.V))
		}
		if op.Response != nil && f.OnResponses {
			check(op.Response.Payload, fmt.Sprintf("operation %q response payload", op.Name.V))
		}
		for _, e := range op.Errors {
			if f.OnResponses {
				check(e.Payload, fmt.Sprintf("operation %q error %q payload", op.Name.V, e.Name.V))
			}
		}
	}
	for _, r := range c.s.Responses {
		if f.OnResponses {
			check(r.Payload, fmt.Sprintf("shared response %q payload", r.Name.V))
		}
	}
	if f.OnTypes {
		for _, t := range c.s.Types {
			check(t.Fields, fmt.Sprintf("type %q", t.Name.V))
		}
	}
	if f.Keys.AppliesTo == model.ScopeMessage {
		if f.OnRequests {
			check(c.s.Envelopes.Request.Fields, "the request envelope")
		}
		if f.OnResponses {
			check(c.s.Envelopes.Response.Fields, "the response envelope")
		}
	}
}
