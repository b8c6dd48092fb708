package load

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/value"
	"gopkg.in/yaml.v3"
)

// spec reads the top-level document.
func (r *reader) spec(root *yaml.Node, s *Spec) {
	r.object(root, "the spec", RootShape, []key{
		{"contract", func(n *yaml.Node) { s.Contract = r.contract(n) }},
		{"versions", func(n *yaml.Node) { s.Versions = r.versions(n) }},
		{"states", func(n *yaml.Node) { s.States = r.states(n) }},
		{"lists", func(n *yaml.Node) { s.Lists = r.lists(n) }},
		{"forbidden", func(n *yaml.Node) { s.Forbidden = r.forbidden(n) }},
		{"types", func(n *yaml.Node) { s.Types = r.types(n) }},
		{"envelopes", func(n *yaml.Node) { s.Envelopes = r.envelopes(n) }},
		{"operations", func(n *yaml.Node) { s.Operations = r.operations(n) }},
		{"responses", func(n *yaml.Node) { s.Responses = r.responses(n) }},
		{"describe", func(n *yaml.Node) { s.Describe = r.describe(n) }},
	})
	if s.Envelopes == nil && s.Contract != nil {
		s.Envelopes = DefaultEnvelopes()
	}
}

// DefaultEnvelopes are the envelopes of a spec that names none: a request
// carries its operation and payload, a response its request's operation
// and its payload. They have no position; nothing in them can be wrong.
func DefaultEnvelopes() *Envelopes {
	field := func(name, typ, source string) *Field {
		return &Field{Name: Str{V: name}, Type: Str{V: typ}, Source: Str{V: source}}
	}
	return &Envelopes{
		Request: &Envelope{Description: Str{V: "Envelope of every request."}, Fields: []*Field{
			field("operation", "string", "operation"), field("payload", "json", "payload")}},
		Response: &Envelope{Description: Str{V: "Envelope of every response."}, Fields: []*Field{
			field("operation", "string", "request.operation"), field("payload", "json", "payload")}},
	}
}

func (r *reader) contract(n *yaml.Node) *Contract {
	c := &Contract{Pos: pos(n)}
	r.object(n, "contract", "contract", []key{
		{"name", r.str(&c.Name, "contract name")},
		{"title", r.str(&c.Title, "contract title")},
		{"description", r.str(&c.Description, "contract description")},
		{"package", r.str(&c.Package, "contract package")},
		{"schema_base_uri", r.str(&c.SchemaBaseURI, "contract schema_base_uri")},
		{"initialisms", r.strs(&c.Initialisms, "contract initialisms")},
	})
	return c
}

// named iterates a mapping of name -> definition, giving each name to fn.
func (r *reader) named(n *yaml.Node, what string, fn func(name Str, v *yaml.Node)) {
	ps, _ := r.pairs(n, what)
	for _, p := range ps {
		fn(Str{V: p[0].Value, Pos: pos(p[0])}, p[1])
	}
}

func (r *reader) versions(n *yaml.Node) (out []*Version) {
	r.named(n, "versions", func(name Str, v *yaml.Node) {
		ver := &Version{Name: name}
		what := fmt.Sprintf("version %q", name.V)
		r.object(v, what, "version", []key{
			{"value", r.str(&ver.Value, what+" value")},
			{"description", r.str(&ver.Description, what+" description")},
		})
		out = append(out, ver)
	})
	return out
}

func (r *reader) states(n *yaml.Node) (out []*StateSet) {
	r.named(n, "states", func(name Str, v *yaml.Node) {
		st := &StateSet{Name: name}
		what := fmt.Sprintf("state set %q", name.V)
		r.object(v, what, "state_set", []key{
			{"description", r.str(&st.Description, what+" description")},
			{"values", func(vals *yaml.Node) {
				r.named(vals, what+" values", func(val Str, d *yaml.Node) {
					sv := &StateValue{Value: val}
					what := fmt.Sprintf("state %q", val.V)
					if dn := r.deref(d); dn != nil && dn.Kind == yaml.MappingNode {
						r.object(dn, what, "state_value", []key{
							{"description", r.str(&sv.Description, what+" description")},
							{"go_name", r.str(&sv.GoName, what+" go_name")},
						})
					} else {
						r.str(&sv.Description, "description of "+what)(d)
					}
					st.Values = append(st.Values, sv)
				})
			}},
		})
		out = append(out, st)
	})
	return out
}

func (r *reader) lists(n *yaml.Node) (out []*NamedList) {
	r.named(n, "lists", func(name Str, v *yaml.Node) {
		l := &NamedList{Name: name}
		what := fmt.Sprintf("list %q", name.V)
		r.object(v, what, "list", []key{
			{"description", r.str(&l.Description, what+" description")},
			{"values", r.literal(&l.Values, what+" values")},
		})
		out = append(out, l)
	})
	return out
}

func (r *reader) forbidden(n *yaml.Node) *Forbidden {
	f := &Forbidden{Pos: pos(n)}
	r.object(n, "forbidden", "forbidden", []key{
		{"on", r.strs(&f.On, "forbidden on")},
		{"type_root", r.str(&f.TypeRoot, "forbidden type_root")},
		{"keys", func(v *yaml.Node) {
			r.oneOrMany(v, func(n *yaml.Node) { f.Keys = append(f.Keys, r.keyRule(n)) })
		}},
		{"values", func(v *yaml.Node) {
			r.oneOrMany(v, func(n *yaml.Node) { f.Values = append(f.Values, r.valueRule(n)) })
		}},
	})
	return f
}

// oneOrMany calls fn with n, or with each item when n is a sequence.
func (r *reader) oneOrMany(n *yaml.Node, fn func(*yaml.Node)) {
	if d := r.deref(n); d != nil && d.Kind == yaml.SequenceNode {
		for _, item := range d.Content {
			fn(item)
		}
		return
	}
	fn(n)
}

func (r *reader) keyRule(n *yaml.Node) *KeyRule {
	k := &KeyRule{Pos: pos(n)}
	r.object(n, "forbidden keys", "key_rule", []key{
		{"parts", r.strs(&k.Parts, "forbidden key parts")},
		{"exact", r.strs(&k.Exact, "forbidden exact keys")},
		{"message", r.str(&k.Message, "forbidden keys message")},
		{"applies_to", r.str(&k.AppliesTo, "forbidden keys applies_to")},
		{"on", r.strs(&k.On, "forbidden keys on")},
	})
	return k
}

func (r *reader) valueRule(n *yaml.Node) *ValueRule {
	vr := &ValueRule{Pos: pos(n)}
	r.object(n, "forbidden values", "value_rule", []key{
		{"message", r.str(&vr.Message, "forbidden values message")},
		{"applies_to", r.str(&vr.AppliesTo, "forbidden values applies_to")},
		{"on", r.strs(&vr.On, "forbidden values on")},
		{"patterns", func(v *yaml.Node) {
			r.named(v, "forbidden value patterns", func(name Str, d *yaml.Node) {
				p := &Pattern{Name: name}
				what := fmt.Sprintf("pattern %q", name.V)
				r.object(d, what, "pattern", []key{
					{"pattern", r.str(&p.Pattern, what+" pattern")},
					{"description", r.str(&p.Description, what+" description")},
				})
				vr.Patterns = append(vr.Patterns, p)
			})
		}},
	})
	return vr
}

func (r *reader) types(n *yaml.Node) (out []*Type) {
	r.named(n, "types", func(name Str, v *yaml.Node) {
		t := &Type{Name: name}
		what := fmt.Sprintf("type %q", name.V)
		r.object(v, what, "type", []key{
			{"description", r.str(&t.Description, what+" description")},
			{"go_name", r.str(&t.GoName, what+" go_name")},
			{"open", r.boolean(&t.Open, what+" open")},
			{"fields", func(fs *yaml.Node) { t.Fields = r.fields(fs, what) }},
			{"discriminator", r.str(&t.Discriminator, what+" discriminator")},
			{"one_of", func(v *yaml.Node) {
				r.named(v, what+" one_of", func(val Str, tn *yaml.Node) {
					vr := &Variant{Value: val}
					r.str(&vr.Type, fmt.Sprintf("%s variant %q", what, val.V))(tn)
					t.OneOf = append(t.OneOf, vr)
				})
			}},
			{"examples", func(ex *yaml.Node) { t.Examples = r.examples(ex, what) }},
		})
		out = append(out, t)
	})
	return out
}

func (r *reader) examples(n *yaml.Node, what string) (out []*value.Value) {
	if n = r.deref(n); n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.errs.Add(pos(n), "examples of %s must be a list, got %s", what, kindName(n))
		return nil
	}
	for _, item := range n.Content {
		if v := r.lit(item, "example of "+what, 0); v != nil {
			out = append(out, v)
		}
	}
	return out
}

func (r *reader) envelopes(n *yaml.Node) *Envelopes {
	e := &Envelopes{Pos: pos(n)}
	r.object(n, "envelopes", "envelopes", []key{
		{"request", func(v *yaml.Node) { e.Request = r.envelope(v, "request envelope") }},
		{"response", func(v *yaml.Node) { e.Response = r.envelope(v, "response envelope") }},
	})
	return e
}

func (r *reader) envelope(n *yaml.Node, what string) *Envelope {
	e := &Envelope{Pos: pos(n)}
	r.object(n, what, "envelope", []key{
		{"description", r.str(&e.Description, what+" description")},
		{"version", r.str(&e.Version, what+" version")},
		{"fields", func(v *yaml.Node) { e.Fields = r.fields(v, what) }},
		{"examples", func(v *yaml.Node) { e.Examples = r.examples(v, what) }},
	})
	return e
}
