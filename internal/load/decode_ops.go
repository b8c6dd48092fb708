package load

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

func (r *reader) operations(n *yaml.Node) (out []*Operation) {
	r.named(n, "operations", func(name Str, v *yaml.Node) {
		op := &Operation{Name: name}
		what := fmt.Sprintf("operation %q", name.V)
		r.object(v, what, []key{
			{"description", false, r.str(&op.Description, what+" description")},
			{"request_description", false, r.str(&op.RequestDescription, what+" request_description")},
			{"response_description", false, r.str(&op.ResponseDescription, what+" response_description")},
			{"request", true, func(f *yaml.Node) { op.Request = r.fields(f, what+" request") }},
			{"request_examples", false, func(f *yaml.Node) { op.RequestExamples = r.examples(f, what+" request") }},
			{"response", false, func(f *yaml.Node) { r.opResponse(op, f, what) }},
			{"errors", false, func(f *yaml.Node) {
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
	r.object(n, what, []key{
		{"description", false, r.str(&resp.Description, what+" description")},
		{"message", false, r.str(&resp.Message, what+" message")},
		{"status", false, r.str(&resp.Status, what+" status")},
		{"messages", false, func(f *yaml.Node) { resp.Messages = r.messages(f, what) }},
		{"payload", false, func(f *yaml.Node) { resp.Payload = r.fields(f, what+" payload") }},
		{"examples", false, func(f *yaml.Node) { resp.Examples = r.examples(f, what) }},
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
	r.object(n, "describe", []key{
		{"version", true, r.str(&d.Version, "describe version")},
		{"fields", false, r.literal(&d.Fields, "describe fields")},
		{"operations_key", false, r.str(&d.OperationsKey, "describe operations_key")},
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
	r.object(n, what, []key{
		{"type", true, r.str(&f.Type, what+" type")},
		{"go_name", false, r.str(&f.GoName, what+" go_name")},
		{"description", false, r.str(&f.Description, what+" description")},
		{"nullable", false, r.boolean(&f.Nullable, what+" nullable")},
		{"required", false, r.boolean(&f.Required, what+" required")},
		{"optional", false, r.boolean(&f.Optional, what+" optional")},
		{"default", false, r.literal(&f.Default, what+" default")},
		{"default_list", false, r.str(&f.DefaultList, what+" default_list")},
		{"const", false, r.literal(&f.Const, what+" const")},
		{"trim", false, r.boolean(&f.Trim, what+" trim")},
		{"sensitive", false, r.boolean(&f.Sensitive, what+" sensitive")},
		{"deprecated", false, r.str(&f.Deprecated, what+" deprecated")},
		{"non_empty", false, r.boolean(&f.NonEmpty, what+" non_empty")},
		{"minimum", false, r.literal(&f.Minimum, what+" minimum")},
		{"maximum", false, r.literal(&f.Maximum, what+" maximum")},
		{"exclusive_minimum", false, r.literal(&f.ExclusiveMinimum, what+" exclusive_minimum")},
		{"exclusive_maximum", false, r.literal(&f.ExclusiveMaximum, what+" exclusive_maximum")},
		{"min_length", false, r.integer(&f.MinLength, what+" min_length")},
		{"max_length", false, r.integer(&f.MaxLength, what+" max_length")},
		{"min_items", false, r.integer(&f.MinItems, what+" min_items")},
		{"max_items", false, r.integer(&f.MaxItems, what+" max_items")},
		{"unique_items", false, r.boolean(&f.UniqueItems, what+" unique_items")},
		{"key_pattern", false, r.str(&f.KeyPattern, what+" key_pattern")},
		{"pattern", false, r.str(&f.Pattern, what+" pattern")},
		{"format", false, r.str(&f.Format, what+" format")},
		{"source", false, r.str(&f.Source, what+" source")},
		{"generate", false, func(v *yaml.Node) { f.Generate = r.generate(v, what) }},
		{"messages", false, func(v *yaml.Node) { f.Messages = r.messages(v, what) }},
	})
	return f
}

func (r *reader) generate(n *yaml.Node, what string) *Generate {
	g := &Generate{Pos: pos(n)}
	var digits *Int
	r.object(n, what+" generate", []key{
		{"kind", false, r.str(&g.Kind, what+" generate kind")},
		{"prefix", false, r.str(&g.Prefix, what+" generate prefix")},
		{"hex_digits", false, r.integer(&digits, what+" generate hex_digits")},
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
