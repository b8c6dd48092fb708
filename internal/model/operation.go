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
	// Response is the operation's answer: its own (Name empty) or a shared
	// response of Contract.Responses. Never nil.
	Response *Response
	// Errors are the operation's error responses, each with its own fixed
	// status, in spec order.
	Errors []*Response
}

// AnswerGoName is the Go type holding any response of an operation with
// error responses, and the stem of its decoder.
func (o *Operation) AnswerGoName() string { return o.GoName + "Answer" }

// Response is an answer: an operation's own or a shared one.
type Response struct {
	// Name is the shared response's name; empty for an operation's own.
	Name string
	Pos  diag.Pos // of a shared response's name
	// GoName prefixes the Go names of a shared response (<GoName>Response,
	// <GoName>Payload, Build<GoName>Response); empty for an operation's own.
	GoName      string
	Description string
	// Message is the text of the envelope's source: message field.
	Message string
	// Status, when not nil, fixes the envelope's state-typed status field.
	Status *StateValue
	// Mismatch is the error text of the builder of an operation's own
	// response given a request of another operation.
	Mismatch string
	// Payload's GoName is <Op>ResponsePayload or <GoName>Payload; its
	// Examples are the spec's response examples.
	Payload *Type
	// Operations are the operations a shared response answers, in spec order.
	Operations []*Operation
	// Error marks an operation's error response (Name is its name, GoName
	// the operation's Go name followed by the error's).
	Error bool
}

// Shared reports whether the response is a shared one.
func (r *Response) Shared() bool { return r.Name != "" && !r.Error }

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
