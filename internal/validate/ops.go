package validate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
)

// source checks a field's source against what its context allows.
func (c *checker) source(f *load.Field, ctx fieldCtx, what string) {
	if !f.Source.Set() {
		return
	}
	allowed := allowedSources[ctx]
	src := f.Source.V
	if rest, ok := strings.CutPrefix(src, "request."); ok && contains(allowed, "request.<field>") {
		if c.s.Envelopes == nil || c.s.Envelopes.Request == nil || findField(c.s.Envelopes.Request.Fields, rest) == nil {
			c.errs.Add(f.Source.Pos, "%s: source %q names no field of the request envelope", what, src)
		}
		return
	}
	if !contains(allowed, src) {
		if len(allowed) == 0 {
			c.errs.Add(f.Source.Pos, "%s: source is only allowed in envelopes and response payloads", what)
			return
		}
		c.errs.Add(f.Source.Pos, "%s: unknown source %q here; expected one of: %s", what, src, strings.Join(allowed, ", "))
	}
	if f.Const != nil || f.Default != nil || f.Generate != nil {
		c.errs.Add(f.Source.Pos, "%s: a field with a source cannot also have const, default or generate", what)
	}
}

func (c *checker) envelopes() {
	e := c.s.Envelopes
	if e == nil || e.Request == nil || e.Response == nil {
		return
	}
	for _, env := range []struct {
		e    *load.Envelope
		ctx  fieldCtx
		name string
	}{{e.Request, ctxRequestEnvelope, "request envelope"}, {e.Response, ctxResponseEnvelope, "response envelope"}} {
		c.fields(env.e.Fields, env.ctx, "the "+env.name)
		if env.e.Version.Set() {
			if _, ok := c.versions[env.e.Version.V]; !ok {
				c.errs.Add(env.e.Version.Pos, "%s version %q is not defined under versions%s", env.name, env.e.Version.V, c.knownNear(env.e.Version.V, keys(c.versions)))
			}
		} else {
			for _, f := range env.e.Fields {
				if f.Source.V == "version" {
					c.errs.Add(f.Source.Pos, "field %q of the %s has source version, but the %s names no version; add version: <a version name> to it", f.Name.V, env.name, env.name)
				}
			}
		}
		if n := countSource(env.e.Fields, "payload"); n != 1 {
			c.errs.Add(env.e.Pos, "%s must have exactly one field with source payload, found %d", env.name, n)
		}
	}
	if countSource(e.Request.Fields, "operation") != 1 {
		c.errs.Add(e.Request.Pos, "request envelope must have exactly one field with source operation")
	}
}

func (c *checker) operations() {
	if len(c.s.Operations) == 0 && len(c.s.Types) == 0 && c.s.Contract != nil {
		c.errs.Add(c.s.Contract.Pos, "the spec defines neither operations nor types; add at least one of either")
	}
	shared := map[string]bool{}
	for _, r := range c.s.Responses {
		shared[r.Name.V] = true
	}
	for _, op := range c.s.Operations {
		what := fmt.Sprintf("operation %q", op.Name.V)
		c.fields(op.Request, ctxType, what+" request")
		if op.Uses.Set() && !shared[op.Uses.V] {
			c.errs.Add(op.Uses.Pos, "%s response %q names no shared response under responses%s", what, op.Uses.V, c.knownNear(op.Uses.V, keys(shared)))
		}
		if op.Response != nil {
			c.response(op.Response, what+" response", "own")
		}
		c.errorResponses(op, what)
	}
}

// errorResponses checks an operation's error responses: each fixes a
// status of its own, by which a client tells the answers apart.
func (c *checker) errorResponses(op *load.Operation, what string) {
	seen := map[string]string{}
	if op.Response != nil && op.Response.Status.Set() {
		seen[op.Response.Status.V] = "the operation's own response"
	}
	for _, e := range op.Errors {
		ew := fmt.Sprintf("%s error %q", what, e.Name.V)
		c.name(e.Name, "error response name")
		if c.namer.Exported(e.Name.V) == "Response" {
			c.errs.Add(e.Name.Pos, "%s: an error cannot be named %q, the name of the operation's own response; rename it", ew, e.Name.V)
		}
		c.response(e, ew, "error")
		if !e.Status.Set() {
			c.errs.Add(e.Pos, "%s needs a status: the value of the response envelope's status field that tells this error apart", ew)
			continue
		}
		if prev, ok := seen[e.Status.V]; ok {
			c.errs.Add(e.Status.Pos, "%s has status %q, like %s; each answer of an operation needs its own status", ew, e.Status.V, prev)
		}
		seen[e.Status.V] = fmt.Sprintf("error %q", e.Name.V)
	}
}

// sharedResponses checks the shared responses; their Go names are claimed
// with the other package-level names.
func (c *checker) sharedResponses() {
	for _, r := range c.s.Responses {
		c.name(r.Name, "shared response name")
		c.response(r, fmt.Sprintf("shared response %q", r.Name.V), "shared")
	}
}

// response checks a response of any kind (own, shared, error): its payload,
// its message and status, and its messages (mismatch applies to an
// operation's own response only).
func (c *checker) response(r *load.Response, what string, kind string) {
	c.fields(r.Payload, ctxResponsePayload, what+" payload")
	env := c.s.Envelopes
	if env == nil || env.Response == nil {
		return
	}
	if !r.Message.Set() && countSource(env.Response.Fields, "message") > 0 {
		c.errs.Add(r.Pos, "%s needs a message: the response envelope has a field with source message", what)
	}
	if r.Status.Set() && !c.responseHasState(r.Status.V) {
		c.errs.Add(r.Status.Pos, "%s status %q is not a value of any state-typed field of the response envelope", what, r.Status.V)
	}
	for _, m := range r.Messages {
		switch {
		case m.Rule.V != model.MismatchRule:
			c.errs.Add(m.Rule.Pos, "%s messages: unknown rule %q; expected %s", what, m.Rule.V, model.MismatchRule)
		case kind == "shared":
			c.errs.Add(m.Rule.Pos, "%s messages: a shared response answers any operation's request, so it has no mismatch message", what)
		case kind == "error":
			c.errs.Add(m.Rule.Pos, "%s messages: an error response uses its operation's mismatch message; set it on the operation's response", what)
		}
	}
}

func (c *checker) responseHasState(v string) bool {
	for _, f := range c.s.Envelopes.Response.Fields {
		if st, ok := c.states[f.Type.V]; ok {
			for _, sv := range st.Values {
				if sv.Value.V == v {
					return true
				}
			}
		}
	}
	return false
}

func (c *checker) describe() {
	d := c.s.Describe
	if d == nil {
		return
	}
	if _, ok := c.versions[d.Version.V]; d.Version.Set() && !ok {
		c.errs.Add(d.Version.Pos, "describe version %q is not defined under versions%s", d.Version.V, c.knownNear(d.Version.V, keys(c.versions)))
	}
	if d.Fields != nil && d.Fields.Kind != "object" {
		c.errs.Add(d.Fields.Pos, "describe fields must be a mapping, got %s", d.Fields.Kind)
	}
	// The document's own keys: a field may not repeat one, or the document
	// would carry the key twice.
	own := map[string]string{"operations": "the operations list (describe operations_key)"}
	if d.OperationsKey.Set() {
		own = map[string]string{d.OperationsKey.V: "the operations list (describe operations_key)"}
	}
	if d.Version.Set() {
		own["schema_version"] = "the describe version"
	}
	if d.Fields != nil && d.Fields.Kind == "object" {
		for _, m := range d.Fields.Members {
			if what, ok := own[m.Key]; ok {
				c.errs.Add(m.KeyPos, "describe field %q is the key of %s, which the document already carries; rename it", m.Key, what)
			}
		}
	}
}

// typeCycles rejects object types that contain themselves without a list,
// map or null in between, since no finite document could satisfy them.
func (c *checker) typeCycles() {
	state := map[string]int{}
	var visit func(t *load.Type) bool
	visit = func(t *load.Type) bool {
		switch state[t.Name.V] {
		case 1:
			return true
		case 2:
			return false
		}
		state[t.Name.V] = 1
		defer func() { state[t.Name.V] = 2 }()
		for _, f := range t.Fields {
			if (f.Nullable != nil && f.Nullable.V) || (f.Optional != nil && f.Optional.V) {
				continue
			}
			if next, ok := c.types[f.Type.V]; ok && visit(next) {
				c.errs.Add(f.Type.Pos, "type %q contains itself through field %q; make the field nullable or a list", t.Name.V, f.Name.V)
				return false
			}
			if next := c.neededElem(f); next != nil && visit(next) {
				c.errs.Add(f.Type.Pos, "type %q contains itself through field %q, which must hold at least one item; make the field optional or nullable, or drop its minimum", t.Name.V, f.Name.V)
				return false
			}
		}
		for _, v := range t.OneOf {
			if next, ok := c.types[v.Type.V]; ok && visit(next) {
				c.errs.Add(v.Type.Pos, "type %q contains itself through variant %q; make a field on the way nullable or a list", t.Name.V, v.Value.V)
				return false
			}
		}
		return false
	}
	for _, t := range c.s.Types {
		visit(t)
	}
}

// neededElem is the named type of the items of list or map field f when f
// must hold at least one (min_items of 1 or more, or non_empty), else nil.
func (c *checker) neededElem(f *load.Field) *load.Type {
	if !(f.MinItems != nil && f.MinItems.V > 0) && !(f.NonEmpty != nil && f.NonEmpty.V) {
		return nil
	}
	te, err := load.ParseType(f.Type.V)
	if err != nil || (te.Container != "list" && te.Container != "map") || te.Elem == nil || te.Elem.Container != "" {
		return nil
	}
	return c.types[te.Elem.Name]
}

// known lists the defined names in a message, leading with the closest one
// when the reference looks like a typo of it.
func (c *checker) known(names []string) string {
	if len(names) == 0 {
		return ""
	}
	sort.Strings(names)
	return "; defined: " + strings.Join(names, ", ")
}

// knownNear is known, preceded by a suggestion for name when one is close.
func (c *checker) knownNear(name string, names []string) string {
	if best := load.Closest(name, names); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return c.known(names)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func findField(fs []*load.Field, name string) *load.Field {
	for _, f := range fs {
		if f.Name.V == name {
			return f
		}
	}
	return nil
}

func countSource(fs []*load.Field, src string) int {
	n := 0
	for _, f := range fs {
		if f.Source.V == src {
			n++
		}
	}
	return n
}
