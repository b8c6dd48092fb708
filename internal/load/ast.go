// Package load reads a spec file into a positioned syntax tree. It checks the
// shape of the document (known keys, no duplicates, node kinds, scalar types)
// and nothing else; meaning is checked by package validate.
package load

import (
	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/value"
)

// Str is a string scalar with the position it was written at.
type Str struct {
	V   string
	Pos diag.Pos
}

// Set reports whether the key was written in the spec.
func (s *Str) Set() bool { return s != nil && s.Pos.Line > 0 }

// Bool is a boolean scalar with its position.
type Bool struct {
	V   bool
	Pos diag.Pos
}

// Int is an integer scalar with its position.
type Int struct {
	V   int
	Pos diag.Pos
}

// Spec is the whole document, in the order the spec wrote it.
type Spec struct {
	File       string
	Contract   *Contract
	Versions   []*Version
	States     []*StateSet
	Lists      []*NamedList
	Forbidden  *Forbidden
	Types      []*Type
	Envelopes  *Envelopes
	Operations []*Operation
	// Responses are the shared responses, answering any operation whose
	// response names them.
	Responses []*Response
	Describe  *Describe
}

// Contract is the metadata block.
type Contract struct {
	Pos           diag.Pos
	Name          Str
	Title         Str
	Description   Str
	Package       Str
	SchemaBaseURI Str
	// Initialisms are words the spec spells its own way in Go names (SaaS).
	Initialisms []Str
}

// Version is one named version constant.
type Version struct {
	Name        Str
	Value       Str
	Description Str
}

// StateSet is an enumeration; Values keep spec order.
type StateSet struct {
	Name        Str
	Description Str
	Values      []*StateValue
}

// StateValue is one member of a state set.
type StateValue struct {
	Value       Str
	Description Str
	GoName      Str // overrides the derived Go name of the value's constant suffix
}

// NamedList is a reusable list of values, used as a field default.
type NamedList struct {
	Name        Str
	Description Str
	Values      *value.Value
}

// Forbidden describes material that must never appear in a payload.
type Forbidden struct {
	Pos diag.Pos
	On  []Str
	// TypeRoot names the path under which a standalone type's members are
	// reported when the rules apply to types (on: types).
	TypeRoot Str
	// Keys and Values are the rules, in spec order: one mapping, or a list
	// of them.
	Keys   []*KeyRule
	Values []*ValueRule
}

// KeyRule forbids object keys by case-insensitive substring or exact match.
type KeyRule struct {
	Pos       diag.Pos
	Parts     []Str
	Exact     []Str
	Message   Str
	AppliesTo Str
	On        []Str // overrides forbidden.on for this rule
}

// ValueRule forbids strings that contain a match of any pattern.
type ValueRule struct {
	Pos       diag.Pos
	Message   Str
	AppliesTo Str
	On        []Str // overrides forbidden.on for this rule
	Patterns  []*Pattern
}

// Pattern is one named forbidden-value regular expression.
type Pattern struct {
	Name        Str
	Pattern     Str
	Description Str
}

// Type is a named object type.
type Type struct {
	Name        Str
	GoName      Str // overrides the derived Go name
	Description Str
	Open        *Bool // members the spec does not model are skipped
	Fields      []*Field
	Examples    []*value.Value
	// Discriminator and OneOf make the type a discriminated union: the
	// member named Discriminator selects the variant.
	Discriminator Str
	OneOf         []*Variant
}

// Variant is one member of a union: a discriminator value and the type it
// selects.
type Variant struct {
	Value Str
	Type  Str
}

// Field is one member of an object type, envelope or payload.
type Field struct {
	Name             Str
	GoName           Str // overrides the derived Go name
	Type             Str
	Description      Str
	Nullable         *Bool
	Required         *Bool
	Optional         *Bool
	Default          *value.Value
	DefaultList      Str
	Const            *value.Value
	Trim             *Bool
	Sensitive        *Bool
	Deprecated       Str
	NonEmpty         *Bool
	Minimum          *value.Value
	Maximum          *value.Value
	ExclusiveMinimum *value.Value
	ExclusiveMaximum *value.Value
	MinLength        *Int
	MaxLength        *Int
	MinItems         *Int
	MaxItems         *Int
	UniqueItems      *Bool
	KeyPattern       Str
	Pattern          Str
	Format           Str
	Source           Str
	Generate         *Generate
	Messages         []*Message
}

// Generate describes a value drawn at build time: Prefix then random hex.
type Generate struct {
	Pos       diag.Pos
	Kind      Str // hex (the default), uuid or now
	Prefix    Str
	HexDigits Int
}

// Message overrides the error text of one rule of a field.
type Message struct {
	Rule Str
	Text Str
}

// Envelopes are the wrappers shared by every request and every response.
type Envelopes struct {
	Pos      diag.Pos
	Request  *Envelope
	Response *Envelope
}

// Envelope is the outer shape of every request or every response.
type Envelope struct {
	Pos         diag.Pos
	Description Str
	Version     Str
	Fields      []*Field
	Examples    []*value.Value
}

// Operation is one request/response pair.
type Operation struct {
	Name                Str
	Description         Str
	RequestDescription  Str
	ResponseDescription Str
	Request             []*Field
	RequestExamples     []*value.Value
	// Response is the operation's own response; Uses instead names a
	// shared response.
	Response *Response
	Uses     Str
	// Errors are the operation's error responses, by name.
	Errors []*Response
}

// Response is an operation's own response or a shared one (Name set).
type Response struct {
	Pos         diag.Pos
	Name        Str
	Description Str
	Message     Str
	Status      Str
	Messages    []*Message
	Payload     []*Field
	Examples    []*value.Value
}

// Describe is the contract description document.
type Describe struct {
	Pos           diag.Pos
	Version       Str
	Fields        *value.Value
	OperationsKey Str
}
