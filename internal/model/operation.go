package model

import (
	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/value"
)

// Operation is one request/response pair of the contract.
type Operation struct {
	Pos                 diag.Pos
	Name                string
	GoName              string
	Description         string
	RequestDescription  string
	ResponseDescription string
	// Request is the request payload type; its GoName is <Op>RequestPayload.
	// Its Examples are the spec's request_examples.
	Request *Type
	// Summary is nil when the operation has none.
	Summary *Type
	// Response is nil when the operation answers only with Unavailable.
	Response        *Response
	UnavailableOnly bool
}

// Response is an operation's own answer at the private boundary.
type Response struct {
	Message        string
	Mismatch       string
	PrivateModules []string
	NextStep       string
	// Payload's GoName is <Op>ResponsePayload; its Examples are the spec's
	// response examples.
	Payload *Type
}

// Unavailable is the generic answer for operations without their own.
type Unavailable struct {
	Message  string
	Status   *StateValue
	NextStep string
	Payload  *Type
}

// Describe is the contract description document.
type Describe struct {
	Version       *Version
	Fields        *value.Value
	OperationsKey string
}

// Reserved Go identifiers derived from an operation's Go name.
func (o *Operation) RequestGoName() string        { return o.GoName + "Request" }
func (o *Operation) ResponseGoName() string       { return o.GoName + "Response" }
func (o *Operation) RequestArgsGoName() string    { return o.GoName + "RequestArgs" }
func (o *Operation) RequestPayloadGoName() string { return o.GoName + "RequestPayload" }
