package load

import (
	"fmt"

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
	what := fmt.Sprintf("field %q", name.V)
	r.object(n, what, "field", []key{
		{"type", r.str(&f.Type, what+" type")},
		{"go_name", r.str(&f.GoName, what+" go_name")},
		{"description", r.str(&f.Description, what+" description")},
		{"nullable", r.boolean(&f.Nullable, what+" nullable")},
		{"required", r.boolean(&f.Required, what+" required")},
		{"optional", r.boolean(&f.Optional, what+" optional")},
		{"default", r.literal(&f.Default, what+" default")},
		{"default_list", r.str(&f.DefaultList, what+" default_list")},
		{"const", r.literal(&f.Const, what+" const")},
		{"trim", r.boolean(&f.Trim, what+" trim")},
		{"sensitive", r.boolean(&f.Sensitive, what+" sensitive")},
		{"deprecated", r.str(&f.Deprecated, what+" deprecated")},
		{"non_empty", r.boolean(&f.NonEmpty, what+" non_empty")},
		{"minimum", r.literal(&f.Minimum, what+" minimum")},
		{"maximum", r.literal(&f.Maximum, what+" maximum")},
		{"exclusive_minimum", r.literal(&f.ExclusiveMinimum, what+" exclusive_minimum")},
		{"exclusive_maximum", r.literal(&f.ExclusiveMaximum, what+" exclusive_maximum")},
		{"min_length", r.integer(&f.MinLength, what+" min_length")},
		{"max_length", r.integer(&f.MaxLength, what+" max_length")},
		{"min_items", r.integer(&f.MinItems, what+" min_items")},
		{"max_items", r.integer(&f.MaxItems, what+" max_items")},
		{"unique_items", r.boolean(&f.UniqueItems, what+" unique_items")},
		{"key_pattern", r.str(&f.KeyPattern, what+" key_pattern")},
		{"pattern", r.str(&f.Pattern, what+" pattern")},
		{"format", r.str(&f.Format, what+" format")},
		{"source", r.str(&f.Source, what+" source")},
		{"generate", func(v *yaml.Node) { f.Generate = r.generate(v, what) }},
		{"messages", func(v *yaml.Node) { f.Messages = r.messages(v, what) }},
	})
	return f
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
