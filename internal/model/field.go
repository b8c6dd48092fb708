package model

import (
	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/value"
)

// Kind is the JSON shape of a type reference.
type Kind string

// The kinds a field type can have.
const (
	KindString  Kind = "string"
	KindInteger Kind = "integer"
	KindNumber  Kind = "number"
	KindBoolean Kind = "boolean"
	KindAny     Kind = "json"
	KindState   Kind = "state"
	KindObject  Kind = "object"
	KindList    Kind = "list"
	KindMap     Kind = "map"
)

// ScalarGoTypes are the Go types of the kinds whose Go type does not depend
// on the spec: the generated package declares them so, and the
// breaking-change report names them so.
var ScalarGoTypes = map[Kind]string{
	KindString: "string", KindInteger: "int64", KindNumber: "float64", KindBoolean: "bool", KindAny: "json.RawMessage",
}

// TypeRef is a resolved field type.
type TypeRef struct {
	Kind   Kind
	Elem   *TypeRef  // list and map
	State  *StateSet // state
	Object *Type     // object
}

// String renders the type in spec syntax.
func (t *TypeRef) String() string {
	switch t.Kind {
	case KindList:
		return "list<" + t.Elem.String() + ">"
	case KindMap:
		return "map<" + t.Elem.String() + ">"
	case KindState:
		return t.State.Name
	case KindObject:
		return t.Object.Name
	}
	return string(t.Kind)
}

// Source names where a field's value comes from when it is not an argument.
type Source string

// The sources a field value can have.
const (
	SourceNone      Source = ""
	SourceVersion   Source = "version"
	SourceOperation Source = "operation"
	SourcePayload   Source = "payload"
	SourceMessage   Source = "message"
	SourceRequest   Source = "request" // copied from RequestField
)

// Rule names a validation rule; messages can be overridden per rule.
type Rule string

// The validation rules.
const (
	RuleRequired Rule = "required"
	RuleType     Rule = "type"
	RuleConst    Rule = "const"
	RuleNonEmpty Rule = "non_empty"
	RuleEnum     Rule = "enum"
	RuleMinimum  Rule = "minimum"
	RuleMaximum  Rule = "maximum"
	// RuleExclusiveMinimum and RuleExclusiveMaximum are strict bounds.
	RuleExclusiveMinimum Rule = "exclusive_minimum"
	RuleExclusiveMaximum Rule = "exclusive_maximum"
	RuleMinLength        Rule = "min_length"
	RuleMaxLength        Rule = "max_length"
	RuleMinItems         Rule = "min_items"
	RuleMaxItems         Rule = "max_items"
	RulePattern          Rule = "pattern"
	RuleFormat           Rule = "format"
	// RuleUniqueItems: no two items of a list are equal.
	RuleUniqueItems Rule = "unique_items"
	// RuleKeyPattern: every key of a map matches the field's key_pattern.
	RuleKeyPattern Rule = "key_pattern"
)

// Rules lists every rule in a stable order.
var Rules = []Rule{RuleRequired, RuleType, RuleConst, RuleNonEmpty, RuleEnum, RuleMinimum,
	RuleMaximum, RuleExclusiveMinimum, RuleExclusiveMaximum, RuleMinLength, RuleMaxLength, RuleMinItems, RuleMaxItems, RulePattern, RuleFormat, RuleUniqueItems, RuleKeyPattern}

// Field is one member of an object type.
type Field struct {
	Pos         diag.Pos // where the spec names the field
	PatternPos  diag.Pos // where its pattern is written
	Name        string   // JSON key
	GoName      string
	Description string
	Type        *TypeRef
	Nullable    bool
	Required    bool
	Default     *value.Value // nil when absent; a default_list is expanded here
	DefaultList *List
	Const       *value.Value
	Trim        bool
	NonEmpty    bool
	Minimum     *value.Value
	Maximum     *value.Value
	// ExclusiveMinimum and ExclusiveMaximum are strict bounds.
	ExclusiveMinimum *value.Value
	ExclusiveMaximum *value.Value
	MinLength        *int
	MaxLength        *int
	MinItems         *int
	MaxItems         *int
	// UniqueItems: no two items of the list are equal (JSON equality).
	UniqueItems bool
	// KeyPattern, when set, is an RE2 pattern every key of the map matches.
	KeyPattern string
	Pattern    string
	Format     string
	Source     Source
	// RequestField is the request envelope field copied when Source is SourceRequest.
	RequestField *Field
	Generate     *Generate
	Messages     map[Rule]string
	// Sensitive members print as [REDACTED] through fmt and log/slog; their
	// JSON encoding is unchanged.
	Sensitive bool
	// Deprecated, when not empty, says why the member should no longer be
	// used and what to use instead; it is still accepted and produced.
	Deprecated string
	// Optional members may be absent, and absent is not the zero value:
	// Go holds nil, encoders leave the member out.
	Optional bool
}

// Generate draws a value at build time: Prefix followed by HexDigits random
// lowercase hexadecimal digits.
type Generate struct {
	// Kind is GenerateHex (Prefix then HexDigits random digits), GenerateUUID
	// (Prefix then a random UUID version 4) or GenerateNow (Prefix then the
	// current time in RFC 3339, UTC).
	Kind      string
	Prefix    string
	HexDigits int
}

// The kinds of generated values.
const (
	GenerateHex  = "hex"
	GenerateUUID = "uuid"
	GenerateNow  = "now"
)

// IsArgument reports whether a builder takes this field from its caller.
func (f *Field) IsArgument() bool {
	return f.Source == SourceNone && f.Const == nil
}

// WireRequired reports whether the member must be present in every JSON
// document. Builders always write every member; a decoder accepts a document
// without a member that has a default (it applies the default), a spec const
// (it holds the const) or that is nullable and not explicitly required (it
// holds null), as the language reference says. A const that is Required
// stays on the wire: emitters mark so the values an envelope's sources fix
// (version, operation, message), which identify the message.
func (f *Field) WireRequired() bool {
	return f.Default == nil && (f.Const == nil || f.Required) && !(f.Nullable && !f.Required) && !f.Optional
}
