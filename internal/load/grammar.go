package load

// The grammar of the spec language: every mapping the loader reads, its
// keys, which are required, and what each value is. The loader accepts
// exactly these keys (object looks them up here), and the editor schema
// for spec files is generated from this table, so the two cannot drift.

// Shape is one kind of mapping of the spec language.
type Shape struct {
	Name string
	Doc  string
	Keys []Key
}

// Key is one allowed key of a shape.
type Key struct {
	Name     string
	Required bool
	Value    Value
	Doc      string
}

// ValueKind says what a key's value is.
type ValueKind string

// The kinds of values.
const (
	ValString  ValueKind = "string"
	ValBoolean ValueKind = "boolean"
	ValInteger ValueKind = "integer" // non-negative
	ValAny     ValueKind = "any"     // a literal: any JSON-like value
	ValShape   ValueKind = "shape"   // a mapping of shape Shape
	ValMap     ValueKind = "map"     // a mapping of names to Elem
	ValList    ValueKind = "list"    // a list of Elem
	ValEither  ValueKind = "either"  // any one of Alts
)

// Value describes a key's value.
type Value struct {
	Kind  ValueKind
	Shape string   // ValShape
	Elem  *Value   // ValMap, ValList
	Alts  []Value  // ValEither
	Enum  []string // ValString: the allowed strings, when fixed
}

var (
	str      = Value{Kind: ValString}
	boolean  = Value{Kind: ValBoolean}
	integer  = Value{Kind: ValInteger}
	anyValue = Value{Kind: ValAny}
	strList  = Value{Kind: ValList, Elem: &str}
	examples = Value{Kind: ValList, Elem: &anyValue}
	fieldMap = mapOf(shape("field"))
	textMap  = mapOf(str)
	onList   = Value{Kind: ValList, Elem: &Value{Kind: ValString, Enum: []string{"requests", "responses", "types"}}}
	scope    = Value{Kind: ValString, Enum: []string{"free_form", "payload", "message"}}
)

func shape(name string) Value { return Value{Kind: ValShape, Shape: name} }
func mapOf(v Value) Value     { return Value{Kind: ValMap, Elem: &v} }
func either(alts ...Value) Value {
	return Value{Kind: ValEither, Alts: alts}
}
func oneOrMany(name string) Value {
	return either(shape(name), Value{Kind: ValList, Elem: &Value{Kind: ValShape, Shape: name}})
}

// RootShape is the shape of a whole spec file.
const RootShape = "spec"

// Grammar lists every shape; the root first.
var Grammar = []*Shape{
	{RootShape, "A contract spec: the single source of truth for a public contract.", []Key{
		{"contract", true, shape("contract"), "The contract's identity."},
		{"versions", false, mapOf(shape("version")), "Named version strings, for envelope version fields and the describe document."},
		{"states", false, mapOf(shape("state_set")), "Enumerations: state set name to its values."},
		{"lists", false, mapOf(shape("list")), "Named value lists, usable as list defaults."},
		{"forbidden", false, shape("forbidden"), "Forbidden material: keys and values that must never appear in a payload."},
		{"types", false, mapOf(shape("type")), "Named object types and discriminated unions."},
		{"envelopes", false, shape("envelopes"), "The outer shape of every request and every response."},
		{"operations", false, mapOf(shape("operation")), "Operations: each a request and its responses."},
		{"responses", false, mapOf(shape("response")), "Shared responses that several operations answer with."},
		{"describe", false, shape("describe"), "The contract description document."},
	}},
	{"contract", "The contract's identity.", []Key{
		{"name", true, str, "Machine name of the contract."},
		{"title", true, str, "Human title, used in docs and schema titles."},
		{"description", false, str, "What the contract is for."},
		{"package", true, str, "Go package name of the generated code."},
		{"schema_base_uri", true, str, "Prefix of every JSON Schema $id; ends with a slash."},
		{"initialisms", false, strList, "Words kept in upper case in Go names, besides Go's own (ID, URL, ...)."},
	}},
	{"version", "A named version string.", []Key{
		{"value", true, str, "The version string."},
		{"description", false, str, "What the version versions."},
	}},
	{"state_set", "An enumeration of string values.", []Key{
		{"description", false, str, "What the state set says."},
		{"values", true, mapOf(either(str, shape("state_value"))), "Each value with its description, or with {description, go_name}."},
	}},
	{"state_value", "One value of a state set.", []Key{
		{"description", true, str, "What the value means."},
		{"go_name", false, str, "The Go constant's suffix, when the value's own spelling does not make one."},
	}},
	{"list", "A named list of values.", []Key{
		{"description", false, str, "What the list holds."},
		{"values", true, anyValue, "The values."},
	}},
	{"forbidden", "Forbidden material: rules that refuse keys and values.", []Key{
		{"on", false, onList, "Where the rules apply unless a rule says otherwise: requests, responses, types."},
		{"type_root", false, str, "The member name that paths of standalone types start with."},
		{"keys", false, oneOrMany("key_rule"), "A forbidden-key rule or a list of them."},
		{"values", false, oneOrMany("value_rule"), "A forbidden-value rule or a list of them."},
	}},
	{"key_rule", "Refuses keys that contain a part or equal an exact key (compared lower-cased).", []Key{
		{"parts", false, strList, "Key parts: a key containing any of them is refused."},
		{"exact", false, strList, "Exact keys that are refused."},
		{"message", true, str, "The error message; {path} is replaced by the offending location."},
		{"applies_to", true, scope, "free_form (only free-form values and maps), payload, or message (the envelope too)."},
		{"on", false, onList, "Where this rule applies: requests, responses, types."},
	}},
	{"value_rule", "Refuses strings in which a pattern is found.", []Key{
		{"message", true, str, "The error message; {path} is replaced by the offending location."},
		{"applies_to", true, scope, "free_form, payload or message."},
		{"on", false, onList, "Where this rule applies: requests, responses, types."},
		{"patterns", true, mapOf(shape("pattern")), "Named patterns, searched for in every string."},
	}},
	{"pattern", "A forbidden-value pattern.", []Key{
		{"pattern", true, str, "A regular expression read alike by Go (RE2), ECMA-262 and Python."},
		{"description", false, str, "What the pattern finds."},
	}},
	{"type", "A named object type, or a discriminated union (discriminator and one_of).", []Key{
		{"description", false, str, "What the type is."},
		{"go_name", false, str, "The Go type name, when the spec name does not make one."},
		{"open", false, boolean, "Accept members the type does not model (they are skipped)."},
		{"fields", false, fieldMap, "The members, in order."},
		{"discriminator", false, str, "The member whose string value selects the union's variant."},
		{"one_of", false, textMap, "Discriminator value to the object type it selects."},
		{"examples", false, examples, "Example values, decoded and validated at generation."},
	}},
	{"envelopes", "The request and response envelopes.", []Key{
		{"request", true, shape("envelope"), "Envelope of every request."},
		{"response", true, shape("envelope"), "Envelope of every response."},
	}},
	{"envelope", "The outer shape of every request or every response.", []Key{
		{"description", false, str, "What the envelope carries."},
		{"version", false, str, "The version (under versions) its source: version field carries."},
		{"fields", true, fieldMap, "The envelope's members, in order."},
		{"examples", false, examples, "Example envelopes."},
	}},
	{"operation", "An operation: a request and its responses.", []Key{
		{"description", false, str, "What the operation does."},
		{"request_description", false, str, "What the request carries, in a few words."},
		{"response_description", false, str, "What the response carries, in a few words."},
		{"request", true, fieldMap, "The request payload's members, in order."},
		{"request_examples", false, examples, "Example request payloads."},
		{"response", false, either(str, shape("response")), "The operation's own response, or the name of a shared response."},
		{"errors", false, mapOf(shape("response")), "Error responses, each with its own status."},
	}},
	{"response", "A response: an operation's own, a shared one, or an error response.", []Key{
		{"description", false, str, "What the response says."},
		{"message", false, str, "The text of the envelope's source: message field."},
		{"status", false, str, "The value of the envelope's state-typed status field this response fixes."},
		{"messages", false, textMap, "Error texts by rule; mismatch is the text for a request of another operation."},
		{"payload", false, fieldMap, "The response payload's members, in order."},
		{"examples", false, examples, "Example response payloads."},
	}},
	{"describe", "The contract description document.", []Key{
		{"version", true, str, "The version (under versions) the document carries."},
		{"fields", false, anyValue, "Members of the document besides its own."},
		{"operations_key", false, str, "The member that lists the operations (default operations)."},
	}},
	{"field", "A member of an object.", []Key{
		{"type", true, str, "string, integer, number, boolean, json, a state set, a type, list<T> or map<T>."},
		{"go_name", false, str, "The Go field name, when the member's name does not make one."},
		{"description", false, str, "What the member holds."},
		{"nullable", false, boolean, "null is accepted and produced."},
		{"required", false, boolean, "The member must be sent even though it has a default or const."},
		{"optional", false, boolean, "The member may be absent; Go holds a nil pointer."},
		{"default", false, anyValue, "The value used when the member is absent."},
		{"default_list", false, str, "A named list (under lists) used when the member is absent."},
		{"const", false, anyValue, "The only value the member may have."},
		{"trim", false, boolean, "Surrounding whitespace is removed before validation."},
		{"sensitive", false, boolean, "The member prints as [REDACTED] through fmt and log/slog."},
		{"deprecated", false, str, "Why the member should no longer be used, and what instead."},
		{"non_empty", false, boolean, "The string (after trim) must not be empty."},
		{"minimum", false, anyValue, "Smallest allowed number."},
		{"maximum", false, anyValue, "Largest allowed number."},
		{"exclusive_minimum", false, anyValue, "The number must be greater than this."},
		{"exclusive_maximum", false, anyValue, "The number must be less than this."},
		{"min_length", false, integer, "Fewest characters of the string."},
		{"max_length", false, integer, "Most characters of the string."},
		{"min_items", false, integer, "Fewest items of the list or entries of the map."},
		{"max_items", false, integer, "Most items of the list or entries of the map."},
		{"unique_items", false, boolean, "No two items of the list are equal."},
		{"key_pattern", false, str, "A pattern every key of the map matches."},
		{"pattern", false, str, "A pattern the string matches; anchor it with ^ and $ for a whole value."},
		{"format", false, Value{Kind: ValString, Enum: formatNames}, "A string format."},
		{"source", false, str, "Where an envelope member's value comes from: version, operation, payload, message, request.<member>."},
		{"generate", false, shape("generate"), "A value drawn when the builder is not given one."},
		{"messages", false, textMap, "Error texts by rule (required, type, min_length, ...)."},
	}},
	{"generate", "A value drawn at build time.", []Key{
		{"kind", false, Value{Kind: ValString, Enum: []string{"hex", "uuid", "now"}}, "hex (prefix and random hex digits, the default), uuid (random v4) or now (RFC 3339, UTC)."},
		{"prefix", false, str, "Text before the hex digits."},
		{"hex_digits", false, integer, "How many random hex digits follow the prefix."},
	}},
}

// formatNames are the string formats the spec language knows; validate
// checks them against internal/pattern's table, which a test keeps equal.
var formatNames = []string{"date-time", "date", "time", "uuid", "email", "hostname", "ipv4", "ipv6", "uri"}

// grammar indexes Grammar by shape name.
var grammar = func() map[string]*Shape {
	m := map[string]*Shape{}
	for _, s := range Grammar {
		m[s.Name] = s
	}
	return m
}()

// LookupShape returns the shape with the given name.
func LookupShape(name string) *Shape { return grammar[name] }
