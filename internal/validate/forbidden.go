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
	defTypes := c.directions(f.On, "forbidden on")
	types := defTypes && len(f.Keys)+len(f.Values) == 0
	ruleTypes := func(on []load.Str, what string) bool {
		if len(on) == 0 {
			return defTypes
		}
		return c.directions(on, what)
	}
	for _, k := range f.Keys {
		types = ruleTypes(k.On, "forbidden keys on") || types
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
	for _, v := range f.Values {
		types = ruleTypes(v.On, "forbidden values on") || types
		c.scope(v.AppliesTo, "forbidden values")
		if len(v.Patterns) == 0 {
			c.errs.Add(v.Pos, "forbidden values must define at least one pattern")
		}
		for _, p := range v.Patterns {
			c.pattern(p.Pattern, fmt.Sprintf("forbidden value pattern %q", p.Name.V))
		}
		c.pathMessage(v.Message, "forbidden values message")
	}
	if n := len(f.Keys) + len(f.Values); n > model.MaxRules {
		c.errs.Add(f.Pos, "forbidden has %d rules; at most %d are supported", n, model.MaxRules)
	}
	if f.TypeRoot.Set() && !types {
		c.errs.Add(f.TypeRoot.Pos, "forbidden type_root applies only when a rule is on types")
	}
	if f.TypeRoot.Set() && (f.TypeRoot.V == "" || strings.ContainsAny(f.TypeRoot.V, ".[] ")) {
		c.errs.Add(f.TypeRoot.Pos, "forbidden type_root %q must be one member name, such as %q", f.TypeRoot.V, "payload")
	}
}

// directions checks a list of directions and reports whether it names types.
func (c *checker) directions(list []load.Str, what string) bool {
	types := false
	for _, on := range list {
		switch on.V {
		case "requests", "responses":
		case "types":
			types = true
		default:
			c.errs.Add(on.Pos, "%s %q is not known; expected requests, responses or types", what, on.V)
		}
	}
	return types
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
	if m.Forbidden == nil {
		return
	}
	for _, k := range m.Forbidden.Keys {
		if k.AppliesTo != model.ScopeFreeForm {
			c.keyRuleStatic(k)
		}
	}
}

// keyRuleStatic rejects declared field names that key rule k forbids where
// it applies.
func (c *checker) keyRuleStatic(k *model.KeyRule) {
	check := func(fs []*load.Field, what string) {
		for _, fl := range fs {
			if model.KeyForbidden(k, fl.Name.V) {
				c.errs.Add(fl.Name.Pos, "field %q of %s is a forbidden key under the forbidden keys rule; rename it", fl.Name.V, what)
			}
		}
	}
	for _, op := range c.s.Operations {
		if k.On.Requests {
			check(op.Request, fmt.Sprintf("operation %q request", op.Name.V))
		}
		if op.Response != nil && k.On.Responses {
			check(op.Response.Payload, fmt.Sprintf("operation %q response payload", op.Name.V))
		}
		for _, e := range op.Errors {
			if k.On.Responses {
				check(e.Payload, fmt.Sprintf("operation %q error %q payload", op.Name.V, e.Name.V))
			}
		}
	}
	for _, r := range c.s.Responses {
		if k.On.Responses {
			check(r.Payload, fmt.Sprintf("shared response %q payload", r.Name.V))
		}
	}
	if k.On.Types {
		for _, t := range c.s.Types {
			check(t.Fields, fmt.Sprintf("type %q", t.Name.V))
		}
	}
	if k.AppliesTo == model.ScopeMessage {
		if k.On.Requests {
			check(c.s.Envelopes.Request.Fields, "the request envelope")
		}
		if k.On.Responses {
			check(c.s.Envelopes.Response.Fields, "the response envelope")
		}
	}
}
