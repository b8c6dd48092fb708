package load

import (
	"fmt"
	"strconv"

	"github.com/contractgen/contractgen/internal/value"
	"gopkg.in/yaml.v3"
)

func (r *reader) operations(n *yaml.Node) (out []*Operation) {
	r.named(n, "operations", func(name Str, v *yaml.Node) {
		op := &Operation{Name: name}
		what := fmt.Sprintf("operation %q", name.V)
		r.object(v, what, "operation", []key{
			{"description", r.str(&op.Description, what+" description")},
			{"request_description", r.str(&op.RequestDescription, what+" request_description")},
			{"response_description", r.str(&op.ResponseDescription, what+" response_description")},
			{"request", func(f *yaml.Node) { op.Request = r.fields(f, what+" request") }},
			{"request_examples", func(f *yaml.Node) { op.RequestExamples = r.examples(f, what+" request") }},
			{"response", func(f *yaml.Node) { r.opResponse(op, f, what) }},
			{"errors", func(f *yaml.Node) {
				r.named(f, what+" errors", func(name Str, v *yaml.Node) {
					e := r.response(v, fmt.Sprintf("%s error %q", what, name.V))
					e.Name = name
					op.Errors = append(op.Errors, e)
				})
			}},
		})
		out = append(out, op)
	})
	return out
}

// opResponse reads an operation's response: a mapping is the operation's
// own response, a string names a shared response under responses.
func (r *reader) opResponse(op *Operation, n *yaml.Node, what string) {
	if d := r.deref(n); d != nil && d.Kind == yaml.ScalarNode {
		r.str(&op.Uses, what+" response")(d)
		return
	}
	op.Response = r.response(n, what+" response")
}

// response reads a response definition, an operation's own or a shared one.
func (r *reader) response(n *yaml.Node, what string) *Response {
	resp := &Response{Pos: pos(n)}
	r.object(n, what, "response", []key{
		{"description", r.str(&resp.Description, what+" description")},
		{"message", r.str(&resp.Message, what+" message")},
		{"status", r.str(&resp.Status, what+" status")},
		{"messages", func(f *yaml.Node) { resp.Messages = r.messages(f, what) }},
		{"payload", func(f *yaml.Node) { resp.Payload = r.fields(f, what+" payload") }},
		{"examples", func(f *yaml.Node) { resp.Examples = r.examples(f, what) }},
	})
	return resp
}

// responses reads the shared responses: name -> response definition.
func (r *reader) responses(n *yaml.Node) (out []*Response) {
	r.named(n, "responses", func(name Str, v *yaml.Node) {
		resp := r.response(v, fmt.Sprintf("shared response %q", name.V))
		resp.Name = name
		out = append(out, resp)
	})
	return out
}

func (r *reader) describe(n *yaml.Node) *Describe {
	d := &Describe{Pos: pos(n)}
	r.object(n, "describe", "describe", []key{
		{"version", r.str(&d.Version, "describe version")},
		{"fields", r.literal(&d.Fields, "describe fields")},
		{"operations_key", r.str(&d.OperationsKey, "describe operations_key")},
	})
	return d
}

// fields reads an ordered mapping of field name -> field definition.
func (r *reader) fields(n *yaml.Node, owner string) (out []*Field) {
	r.named(n, "fields of "+owner, func(name Str, v *yaml.Node) {
		out = append(out, r.field(name, v))
	})
	if out == nil {
		out = []*Field{}
	}
	return out
}

func (r *reader) field(name Str, n *yaml.Node) *Field {
	f := &Field{Name: name}
	what := "field " + strconv.Quote(name.V)
	saved := r.cur
	r.cur = fieldReading{f, what}
	r.object(n, what, "field", r.fieldKeys())
	r.cur = saved
	return f
}

// fieldReading is the field that fieldKeys' handlers fill, and how errors
// name it.
type fieldReading struct {
	f    *Field
	what string
}

// fieldKeys are the keys of a field, built once per reader: a spec has
// thousands of fields and each has few of the keys, so the handlers read
// the field from r.cur and put their error context together only when
// their key is there.
func (r *reader) fieldKeys() []key {
	if r.fieldKeyTable != nil {
		return r.fieldKeyTable
	}
	c := &r.cur
	str := func(k string, dst func(*Field) *Str) key {
		return key{k, func(n *yaml.Node) { r.str(dst(c.f), c.what+" "+k)(n) }}
	}
	boolean := func(k string, dst func(*Field) **Bool) key {
		return key{k, func(n *yaml.Node) { r.boolean(dst(c.f), c.what+" "+k)(n) }}
	}
	literal := func(k string, dst func(*Field) **value.Value) key {
		return key{k, func(n *yaml.Node) { r.literal(dst(c.f), c.what+" "+k)(n) }}
	}
	integer := func(k string, dst func(*Field) **Int) key {
		return key{k, func(n *yaml.Node) { r.integer(dst(c.f), c.what+" "+k)(n) }}
	}
	r.fieldKeyTable = []key{
		str("type", func(f *Field) *Str { return &f.Type }),
		str("go_name", func(f *Field) *Str { return &f.GoName }),
		str("description", func(f *Field) *Str { return &f.Description }),
		boolean("nullable", func(f *Field) **Bool { return &f.Nullable }),
		boolean("required", func(f *Field) **Bool { return &f.Required }),
		boolean("optional", func(f *Field) **Bool { return &f.Optional }),
		literal("default", func(f *Field) **value.Value { return &f.Default }),
		str("default_list", func(f *Field) *Str { return &f.DefaultList }),
		literal("const", func(f *Field) **value.Value { return &f.Const }),
		boolean("trim", func(f *Field) **Bool { return &f.Trim }),
		boolean("sensitive", func(f *Field) **Bool { return &f.Sensitive }),
		str("deprecated", func(f *Field) *Str { return &f.Deprecated }),
		boolean("non_empty", func(f *Field) **Bool { return &f.NonEmpty }),
		literal("minimum", func(f *Field) **value.Value { return &f.Minimum }),
		literal("maximum", func(f *Field) **value.Value { return &f.Maximum }),
		literal("exclusive_minimum", func(f *Field) **value.Value { return &f.ExclusiveMinimum }),
		literal("exclusive_maximum", func(f *Field) **value.Value { return &f.ExclusiveMaximum }),
		integer("min_length", func(f *Field) **Int { return &f.MinLength }),
		integer("max_length", func(f *Field) **Int { return &f.MaxLength }),
		integer("min_items", func(f *Field) **Int { return &f.MinItems }),
		integer("max_items", func(f *Field) **Int { return &f.MaxItems }),
		boolean("unique_items", func(f *Field) **Bool { return &f.UniqueItems }),
		str("key_pattern", func(f *Field) *Str { return &f.KeyPattern }),
		str("pattern", func(f *Field) *Str { return &f.Pattern }),
		str("format", func(f *Field) *Str { return &f.Format }),
		str("source", func(f *Field) *Str { return &f.Source }),
		{"generate", func(v *yaml.Node) { c.f.Generate = r.generate(v, c.what) }},
		{"messages", func(v *yaml.Node) { c.f.Messages = r.messages(v, c.what) }},
	}
	return r.fieldKeyTable
}

func (r *reader) generate(n *yaml.Node, what string) *Generate {
	g := &Generate{Pos: pos(n)}
	var digits *Int
	r.object(n, what+" generate", "generate", []key{
		{"kind", r.str(&g.Kind, what+" generate kind")},
		{"prefix", r.str(&g.Prefix, what+" generate prefix")},
		{"hex_digits", r.integer(&digits, what+" generate hex_digits")},
	})
	if digits != nil {
		g.HexDigits = *digits
	}
	return g
}

func (r *reader) messages(n *yaml.Node, what string) (out []*Message) {
	r.named(n, what+" messages", func(rule Str, v *yaml.Node) {
		m := &Message{Rule: rule}
		r.str(&m.Text, fmt.Sprintf("%s message for %q", what, rule.V))(v)
		out = append(out, m)
	})
	return out
}
