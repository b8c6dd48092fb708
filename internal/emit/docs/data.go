package docs

import "github.com/contractgen/contractgen/internal/model"

// This file holds the data the templates receive. Every string that comes
// from the spec is raw text: templates escape it with md, para or code. Every
// Href is a ready relative link (URL-escaped, forward slashes) from the page
// being rendered, or empty when there is nothing to link to. templates/README.md
// lists which template receives which type.

// Page is embedded in the data of every Markdown page.
type Page struct {
	// Path is the page's path relative to the docs folder, such as
	// "operations/tenant_status.md".
	Path string
	// Title is the page title as plain text (front matter title, or H1).
	Title string
	// ThemeTitle, set when an MkDocs config is written, is Title
	// HTML-escaped for the front matter: MkDocs themes (Material among
	// them) print a page's title into <title> without escaping it.
	ThemeTitle string
	// Description is a one-line summary for front matter; may be empty.
	Description string
	// Weight is the page's 1-based position in the navigation, written as
	// Hugo's weight and Docusaurus' sidebar_position.
	Weight int
	// FrontMatter is true when the page starts with YAML front matter; the
	// front matter title then stands in for the H1 heading.
	FrontMatter bool
	// Header is the generated-file marker (emit.Header); every page writes it
	// as an HTML comment right after the front matter.
	Header string
	// Contract is the whole model, for templates that need more.
	Contract *model.Contract
	// Home links to index.md; Nav lists every page in navigation order, with
	// links relative to this page.
	Home Link
	Nav  []Link
}

// Link is a link target with its text; Text is raw (escape it with md).
type Link struct {
	Text string
	Href string
}

// SchemaLink names one JSON Schema file the schema emitter writes.
type SchemaLink struct {
	// File is the schema's file name, such as "tenant-status.request.schema.json".
	File string
	// Describes says in plain text what the schema validates.
	Describes string
	// Href links to the file; empty when schemas are not generated (no
	// SchemaDir) or cannot be reached from the docs site.
	Href string
}

// IndexPage is the data of index.md.tmpl.
type IndexPage struct {
	Page
	// Versions are the contract's version constants in spec order.
	Versions []*model.Version
	// Operations are every operation, in spec order.
	Operations []*OperationEntry
	// Reference links to the pages other than the operation pages.
	Reference []Link
	// Schemas are every JSON Schema file: the envelopes, then per operation
	// request and response, then per named type.
	Schemas []SchemaLink
}

// OperationEntry is one row of the index's operation table.
type OperationEntry struct {
	Operation *model.Operation
	// Href links to the operation's page.
	Href string
}

// OperationPage is the data of operation.md.tmpl, one per operation.
type OperationPage struct {
	Page
	Operation *model.Operation
	// RequestSchema and ResponseSchema are the operation's JSON Schemas.
	RequestSchema, ResponseSchema SchemaLink
	// RequestEnvelope and ResponseEnvelope link to the envelopes page, where
	// the envelopes are documented once, and say what this operation puts in
	// them.
	RequestEnvelope, ResponseEnvelope EnvelopeUse
	// RequestPayload is the operation's request payload.
	RequestPayload *Object
	// ResponsePayload is the operation's own response payload, or the payload
	// of the shared response that answers it.
	ResponsePayload *Object
	// Types are the named types the response payload's fields use directly.
	Types []*Object
	// Errors are the operation's error responses; empty when it has none.
	Errors []*ErrorResponse
	// Answer is what the contract fixes in the operation's response.
	Answer Answer
	// States are the state sets any field of this page uses, directly or
	// through nested types, in order of first use.
	States []*StateSet
	// Forbidden is the forbidden-material policy; nil when the spec has none.
	Forbidden *Forbidden
	// ExampleRequest and ExampleResponse are indented JSON documents (raw:
	// put them in a fenced block, see the fence function) that were checked
	// against the contract while generating.
	ExampleRequest, ExampleResponse string
}

// EnvelopeUse is how an operation page refers to an envelope.
type EnvelopeUse struct {
	// Kind is "request" or "response"; OperationName is the page's operation.
	Kind, OperationName string
	// Href links to the envelope's section on the envelopes page.
	Href string
	// Operation names the envelope member set to the operation's name, and
	// Payload the member that carries the payload; empty when the envelope
	// has none.
	Operation, Payload string
}

// EnvelopesPage is the data of envelopes.md.tmpl: the request and response
// envelopes every operation shares, documented once.
type EnvelopesPage struct {
	Page
	// Request and Response are the envelopes, with their JSON Schemas.
	Request, Response *Object
	// States are the state sets the envelopes use.
	States []*StateSet
}

// ErrorResponse is one error response of an operation.
type ErrorResponse struct {
	Name        string
	Description string
	// Status is the status value that tells this error apart.
	Status  string
	Message string
	Schema  SchemaLink
	Payload *Object
}

// Answer is what the contract fixes in an operation's response.
type Answer struct {
	// Shared names the shared response that answers the operation; empty
	// when the operation has its own.
	Shared string
	// Status is the response status: fixed by the response when StatusFixed,
	// else the envelope's default; empty when there is neither.
	Status      string
	StatusFixed bool
	// Message is the response message.
	Message string
	// Mismatch is the error text when a response is built for a request of
	// another operation; empty for shared responses.
	Mismatch string
}

// Object is an object type with its fields rendered for a table.
type Object struct {
	// Name is the spec's type name (for payloads and envelopes, the model's
	// synthetic name such as "tenant_status_request_payload").
	Name        string
	Description string
	// Named is true for types declared under types: in the spec.
	Named bool
	// Open is true when the type accepts members it does not model.
	Open bool
	// Href links to the type's section on the types page; empty for payloads
	// (documented on the operation pages) and envelopes (on the envelopes
	// page).
	Href string
	// Schema is the type's own JSON Schema, when it has one.
	Schema *SchemaLink
	Fields []*Field
	// Union is set for a discriminated union, which has no fields.
	Union *Union
	// UsedBy lists the operations that carry this type at any depth and the
	// types whose own fields hold it (types page only).
	UsedBy []Link
}

// Union is a discriminated union: the member whose value selects the
// variant, and each value with the type it selects.
type Union struct {
	Discriminator string
	Variants      []UnionVariant
}

// UnionVariant is one discriminator value and its type, linked.
type UnionVariant struct {
	Value string
	Type  Link
}

// Field is one row of a field table.
type Field struct {
	// Field is the model field: Name, Description, Required, Nullable and
	// every constraint are available.
	*model.Field
	// Name, Description and Deprecated are the model field's, copied:
	// text/template looks a promoted field up through reflect's slow
	// search of embedded structs on every use, and a field table uses
	// these on every row.
	Name, Description, Deprecated string
	// Type is the field type in spec syntax, split so that state sets and
	// named types can be linked: list<operating_state> is the parts "list<",
	// "operating_state" (with an Href) and ">".
	Type []TypePart
	// Required is "Required" when every document must carry the member
	// (possibly as null when nullable), "Optional" when it may be left out
	// (then it takes its default, const or null); followed by ", set by
	// builders" when builders write it themselves (a source or a const). A
	// generated value's constraint says how builders draw it.
	Required string
	// Default is the default value as compact JSON, empty when there is none.
	Default string
	// DefaultList names the spec list the default comes from, if any.
	DefaultList string
	// Constraints are the rules the value obeys, as short phrases.
	Constraints []Constraint
}

// TypePart is a piece of a type expression; Href is set for references.
type TypePart struct {
	Text string
	Href string
}

// Constraint is one phrase about a field: Text is plain prose, Code an
// optional literal (a pattern, a number, a JSON value) shown as code after
// it, and After optional prose after the code.
type Constraint struct {
	Text  string
	Code  string
	After string
}

// StateSet is a state set with a link to its section on the states page.
type StateSet struct {
	*model.StateSet
	// Name and Description are the model set's, copied (see Field).
	Name, Description string
	// Href links to the set on states.md.
	Href string
	// UsedBy lists the operations and types that use the set (states page only).
	UsedBy []Link
}

// Forbidden is the forbidden-material policy, worded for readers.
type Forbidden struct {
	*model.Forbidden
	// Directions says which messages are checked: "requests and responses",
	// "requests" or "responses".
	Directions string
	// KeyRules and ValueRules are the rules, each with where it applies.
	KeyRules   []*KeyRuleText
	ValueRules []*ValueRuleText
	// Href links to forbidden.md.
	Href string
}

// KeyRuleText is a key rule worded for readers: Scope says where in a
// message it applies; On, when not empty, the messages it alone is checked
// on (when they differ from the contract's).
type KeyRuleText struct {
	*model.KeyRule
	Scope, On string
}

// ValueRuleText is a value rule worded for readers, as KeyRuleText.
type ValueRuleText struct {
	*model.ValueRule
	Scope, On string
}

// StatesPage is the data of states.md.tmpl.
type StatesPage struct {
	Page
	States []*StateSet
}

// TypesPage is the data of types.md.tmpl.
type TypesPage struct {
	Page
	Types []*Object
}

// ForbiddenPage is the data of forbidden.md.tmpl; Forbidden is nil when the
// spec forbids nothing.
type ForbiddenPage struct {
	Page
	Forbidden *Forbidden
}

// MkDocsConfig is the data of mkdocs.yml.tmpl. The file is written to
// .mkdocs/mkdocs.yml inside the docs folder, because MkDocs refuses a
// docs_dir that is the config file's own folder; DocsDir is therefore "..".
type MkDocsConfig struct {
	Header   string
	SiteName string
	// SiteDescription is the contract description.
	SiteDescription string
	// DocsDir and SiteDir are relative to the config file.
	DocsDir, SiteDir string
	// Nav is the navigation tree; paths are relative to the docs folder.
	Nav []NavItem
	// Contract is the whole model.
	Contract *model.Contract
}

// NavItem is one navigation entry: a page (Path set) or a section (Children).
type NavItem struct {
	Title    string
	Path     string
	Children []NavItem
}
