// Package model is the typed, resolved form of a spec that every emitter
// reads. It is built once from a validated spec and never changed afterwards;
// Go identifiers are computed here so all emitters agree on them.
package model

import (
	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/value"
)

// Contract is the root of the model.
type Contract struct {
	Name          string
	Title         string
	Description   string
	Package       string
	SchemaBaseURI string
	SourceFile    string
	// Initialisms are the contract's own initialisms as the spec spells
	// them (SaaS, EHR), beside Go's.
	Initialisms []string
	// Pos is where the contract mapping is written; PackagePos and
	// SchemaBaseURIPos where its package and schema_base_uri are.
	Pos, PackagePos, SchemaBaseURIPos diag.Pos

	Versions   []*Version
	States     []*StateSet
	Lists      []*List
	Forbidden  *Forbidden
	Types      []*Type
	Request    *Envelope
	Response   *Envelope
	Operations []*Operation
	// Responses are the shared responses, in spec order.
	Responses []*Response
	Describe  *Describe
}

// Version is a named version constant.
type Version struct {
	Pos         diag.Pos // of the name
	Name        string
	GoName      string
	Value       string
	Description string
}

// StateSet is an enumeration of allowed string values.
type StateSet struct {
	Pos         diag.Pos // of the name
	Name        string
	GoName      string
	Description string
	Values      []*StateValue
}

// StateValue is one value of a state set.
type StateValue struct {
	Pos         diag.Pos
	Value       string
	GoName      string
	Description string
}

// List is a named value list, used as a default.
type List struct {
	Pos         diag.Pos // of the name
	Name        string
	GoName      string
	Description string
	Values      *value.Value
}

// Scope says where a forbidden-material rule is applied.
type Scope string

// The scopes of forbidden-material rules.
const (
	ScopeFreeForm Scope = "free_form" // only inside free-form values and maps
	ScopePayload  Scope = "payload"   // every string and dynamic key of the payload
	ScopeMessage  Scope = "message"   // the whole message, envelope included
)

// Forbidden is the forbidden-material policy: key rules and value rules,
// each with its own message, scope and directions.
type Forbidden struct {
	// OnRequests, OnResponses and OnTypes say whether any rule applies to
	// requests, responses, or standalone types on their own (their
	// builders, decoders, Validate and schemas, with paths under TypeRoot).
	OnRequests  bool
	OnResponses bool
	OnTypes     bool
	TypeRoot    string
	Keys        []*KeyRule
	Values      []*ValueRule
}

// On says where one rule applies.
type On struct {
	Requests, Responses, Types bool
}

// Rules is the number of rules; each has an index in [0, Rules): the key
// rules first, then the value rules.
func (f *Forbidden) Rules() int { return len(f.Keys) + len(f.Values) }

// MaxRules bounds the rules of a contract: generated code keeps three bits
// of scan state per rule in 32 bits.
const MaxRules = 10

// KeyRule forbids keys containing any part, or equal to any exact key, both
// compared after lower-casing.
type KeyRule struct {
	Parts []string
	Exact []string
	// PartPos and ExactPos are where each part and exact key is written.
	PartPos   []diag.Pos
	ExactPos  []diag.Pos
	Message   string
	AppliesTo Scope
	On        On
	Index     int
}

// ValueRule forbids strings in which any pattern is found.
type ValueRule struct {
	Message   string
	AppliesTo Scope
	On        On
	Index     int
	Patterns  []*Pattern
}

// Pattern is one forbidden-value regular expression, portable between RE2
// and ECMA-262.
type Pattern struct {
	Pos         diag.Pos // of the pattern text
	Name        string
	GoName      string
	Pattern     string
	Description string
}

// Role says what part of the spec declared an object type.
type Role string

// The roles an object type can have.
const (
	RoleType            Role = "type"
	RoleRequestPayload  Role = "request_payload"
	RoleResponsePayload Role = "response_payload"
	RoleEnvelope        Role = "envelope"
)

// Type is an object type with ordered fields.
type Type struct {
	Pos         diag.Pos // of the name; zero for types the spec does not name
	Name        string
	GoName      string
	Description string
	Role        Role
	Fields      []*Field
	Examples    []*value.Value
	// Open types accept members they do not model: decoders skip them
	// (they are not kept), schemas allow them. Case variants of modelled
	// members stay errors.
	Open bool
	// Union, when not nil, makes the type a discriminated union; it then
	// has no fields of its own.
	Union *Union
}

// Union is a type whose values are one of several object types, selected
// by the string member Discriminator.
type Union struct {
	Discriminator string
	Variants      []*Variant
}

// Variant is one discriminator value and the type it selects; several
// values may select the same type.
type Variant struct {
	Pos    diag.Pos
	Value  string
	GoName string // the union's Go field holding this variant
	Type   *Type
}

// Object is the object type a literal of this variant is checked, scanned
// or completed as: nil when the variant's type is undefined or is a union
// (the union itself, even), which validation refuses but still checks the
// spec's literals against; following it could go round forever.
func (vr *Variant) Object() *Type {
	if vr == nil || vr.Type == nil || vr.Type.Union != nil {
		return nil
	}
	return vr.Type
}

// Variant returns the variant of discriminator value v, or nil.
func (u *Union) Variant(v string) *Variant {
	for _, vr := range u.Variants {
		if vr.Value == v {
			return vr
		}
	}
	return nil
}

// Values lists the discriminator values in spec order.
func (u *Union) Values() []string {
	out := make([]string, len(u.Variants))
	for i, vr := range u.Variants {
		out[i] = vr.Value
	}
	return out
}

// Envelope is the outer shape of every request or every response.
type Envelope struct {
	Type    *Type
	Version *Version
}

// Reached returns the object types that values of the given types hold,
// directly or nested in lists, maps, other types and union variants; a
// given type is in it only when it holds itself.
func Reached(types ...*Type) map[*Type]bool {
	seen := map[*Type]bool{}
	var walk func(r *TypeRef)
	walk = func(r *TypeRef) {
		for r.Elem != nil {
			r = r.Elem
		}
		if r.Kind == KindObject && r.Object != nil && !seen[r.Object] {
			seen[r.Object] = true
			for _, rr := range r.Object.Refs() {
				walk(rr)
			}
		}
	}
	for _, t := range types {
		if t != nil {
			for _, r := range t.Refs() {
				walk(r)
			}
		}
	}
	return seen
}

// Refs lists the types t refers to directly: its fields' types, and for a
// union each variant's type (once).
func (t *Type) Refs() []*TypeRef {
	out := make([]*TypeRef, 0, len(t.Fields))
	for _, f := range t.Fields {
		out = append(out, f.Type)
	}
	if t.Union != nil {
		seen := map[*Type]bool{}
		for _, v := range t.Union.Variants {
			if v.Type != nil && !seen[v.Type] {
				seen[v.Type] = true
				out = append(out, &TypeRef{Kind: KindObject, Object: v.Type})
			}
		}
	}
	return out
}
