package breaking

import "github.com/contractgen/contractgen/internal/model"

// dir is a set of directions a type or state set is used in.
type dir uint8

const (
	// inRequest: part of what a server accepts from clients.
	inRequest dir = 1 << iota
	// inResponse: part of what clients read from a server.
	inResponse
)

// usage records, for each named type and state set, the directions it is
// reached in. A type reached from nothing (read on its own with its
// standalone decoder) counts as both: who reads it is not known.
type usage struct {
	types  map[string]dir
	states map[string]dir
}

func usageOf(c *model.Contract) usage {
	u := usage{types: map[string]dir{}, states: map[string]dir{}}
	var mark func(t *model.TypeRef, d dir)
	var markType func(t *model.Type, d dir)
	markType = func(t *model.Type, d dir) {
		if t == nil {
			return
		}
		if t.Role == model.RoleType {
			if u.types[t.Name]&d == d {
				return
			}
			u.types[t.Name] |= d
		}
		for _, r := range t.Refs() {
			mark(r, d)
		}
	}
	mark = func(t *model.TypeRef, d dir) {
		switch t.Kind {
		case model.KindState:
			u.states[t.State.Name] |= d
		case model.KindObject:
			markType(t.Object, d)
		case model.KindList, model.KindMap:
			mark(t.Elem, d)
		}
	}
	if c.Request != nil {
		markType(c.Request.Type, inRequest)
	}
	if c.Response != nil {
		markType(c.Response.Type, inResponse)
	}
	for _, op := range c.Operations {
		markType(op.Request, inRequest)
		if op.Response != nil {
			markType(op.Response.Payload, inResponse)
		}
		for _, e := range op.Errors {
			markType(e.Payload, inResponse)
		}
	}
	for _, r := range c.Responses {
		markType(r.Payload, inResponse)
	}
	for _, t := range c.Types {
		if u.types[t.Name] == 0 {
			markType(t, inRequest|inResponse)
		}
	}
	for _, s := range c.States {
		if u.states[s.Name] == 0 {
			u.states[s.Name] = inRequest | inResponse
		}
	}
	return u
}

// merge is the union of two usages, so that a change counts in every
// direction either version uses the element in.
func (u usage) merge(o usage) usage {
	out := usage{types: map[string]dir{}, states: map[string]dir{}}
	for k, v := range u.types {
		out.types[k] |= v
	}
	for k, v := range o.types {
		out.types[k] |= v
	}
	for k, v := range u.states {
		out.states[k] |= v
	}
	for k, v := range o.states {
		out.states[k] |= v
	}
	return out
}

// each calls fn for each direction in d, requests first.
func (d dir) each(fn func(dir)) {
	if d&inRequest != 0 {
		fn(inRequest)
	}
	if d&inResponse != 0 {
		fn(inResponse)
	}
}

// pick returns the rule for the direction: req for requests, resp for responses.
func (d dir) pick(req, resp string) string {
	if d == inRequest {
		return req
	}
	return resp
}
