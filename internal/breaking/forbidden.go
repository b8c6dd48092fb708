package breaking

import (
	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/model"
)

// forbidden compares the forbidden-material rules as sets of what each
// refuses, per direction: a key part, exact key or pattern refused where
// it was not (or in a wider scope) narrows what passes.
func (c *comparer) forbidden() {
	o, n := items(c.old.Forbidden), items(c.new.Forbidden)
	for key, ni := range n {
		oi, had := o[key]
		switch {
		case !had:
			c.forbiddenChange(ni.on, zero, ni.pos, "%s is now forbidden", ni.what, true)
		default:
			if wider := ni.on &^ oi.on; wider != 0 {
				c.forbiddenChange(wider, oi.pos, ni.pos, "%s is now forbidden in more places", ni.what, true)
			}
			if narrower := oi.on &^ ni.on; narrower != 0 {
				c.forbiddenChange(narrower, oi.pos, ni.pos, "%s is forbidden in fewer places", ni.what, false)
			}
			if oi.message != ni.message {
				c.add("FORBIDDEN_MESSAGE_CHANGED", oi.pos, ni.pos, "the message for %s changed", ni.what)
			}
		}
	}
	for key, oi := range o {
		if _, has := n[key]; !has {
			c.forbiddenChange(oi.on, oi.pos, zero, "%s is no longer forbidden", oi.what, false)
		}
	}
}

// forbiddenChange reports a widening (more refused) or narrowing of
// forbidden material where d says it applies.
func (c *comparer) forbiddenChange(d dir, op, np diag.Pos, format, what string, widened bool) {
	d.each(func(d dir) {
		switch {
		case widened && d == inRequest:
			c.add("REQUEST_FORBIDDEN_WIDENED", op, np, format+" in requests", what)
		case !widened && d == inResponse:
			c.add("RESPONSE_FORBIDDEN_NARROWED", op, np, format+" in responses", what)
		default:
			c.add("FORBIDDEN_RELAXED", op, np, format+" in "+map[dir]string{inRequest: "requests", inResponse: "responses"}[d], what)
		}
	})
}

// item is one thing forbidden material refuses, with where it applies.
type item struct {
	what    string
	on      dir // directions it applies in; scope widening counts as on
	pos     diag.Pos
	message string
}

// items lists what the rules refuse, keyed by kind, text and scope: a key
// part, an exact key or a pattern; the same text in a wider scope is
// another item, so that moving a rule from free_form to payload counts as
// refusing more.
func items(f *model.Forbidden) map[string]item {
	out := map[string]item{}
	if f == nil {
		return out
	}
	put := func(key string, it item, scope model.Scope) {
		for _, s := range scopesWithin(scope) {
			k := key + "\x00" + string(s)
			prev := out[k]
			it.on |= prev.on
			out[k] = it
		}
	}
	for _, k := range f.Keys {
		d := dirs(k.On)
		for i, p := range k.Parts {
			put("part\x00"+p, item{what: "key part " + quote(p), on: d, pos: k.PartPos[i], message: k.Message}, k.AppliesTo)
		}
		for i, e := range k.Exact {
			put("exact\x00"+e, item{what: "key " + quote(e), on: d, pos: k.ExactPos[i], message: k.Message}, k.AppliesTo)
		}
	}
	for _, v := range f.Values {
		d := dirs(v.On)
		for _, p := range v.Patterns {
			put("pattern\x00"+p.Pattern, item{what: "value pattern " + p.Name, on: d, pos: p.Pos, message: v.Message}, v.AppliesTo)
		}
	}
	return out
}

// scopesWithin lists the scopes a rule of scope s covers: a payload rule
// also covers free-form values, a message rule everything.
func scopesWithin(s model.Scope) []model.Scope {
	switch s {
	case model.ScopeMessage:
		return []model.Scope{model.ScopeFreeForm, model.ScopePayload, model.ScopeMessage}
	case model.ScopePayload:
		return []model.Scope{model.ScopeFreeForm, model.ScopePayload}
	}
	return []model.Scope{model.ScopeFreeForm}
}

func dirs(o model.On) dir {
	var d dir
	if o.Requests {
		d |= inRequest
	}
	if o.Responses {
		d |= inResponse
	}
	if o.Types {
		d |= inRequest | inResponse
	}
	return d
}

func quote(s string) string { return "\"" + s + "\"" }
