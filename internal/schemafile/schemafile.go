// Package schemafile names the JSON Schema files of a contract in one style,
// so that the schema emitter, which writes them, and the docs emitter, which
// links to them, agree without importing each other. Every name is
// lower-case words joined by '-', then the file's role, then .schema.json:
//
//	request-envelope.schema.json           the envelopes
//	tenant-status.request.schema.json      an operation's request
//	tenant-status.response.schema.json     an operation's response
//	tenant-status.not-found.error.schema.json  an operation's error response
//	unavailable.response.schema.json       a shared response
//	money.type.schema.json                 a named type
//	defs.schema.json, index.schema.json    what the files share; all of them
//
// The words of a name are those Go names are made of (names.Words), with
// the contract's initialisms kept whole: SaaSOperatingSummary becomes
// saas-operating-summary, tenant_status tenant-status.
package schemafile

import (
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/names"
)

// Files every contract's schema folder may hold besides the messages'.
const (
	Defs             = "defs.schema.json"
	Index            = "index.schema.json"
	Catalog          = "catalog.json"
	RequestEnvelope  = "request-envelope.schema.json"
	ResponseEnvelope = "response-envelope.schema.json"
	// Ext ends every schema file's name.
	Ext = ".schema.json"
)

// Namer names the files of one contract.
type Namer struct {
	initialisms map[string]bool
}

// New returns the namer of c, which knows c's initialisms.
func New(c *model.Contract) *Namer {
	n := &Namer{initialisms: map[string]bool{}}
	for _, i := range c.Initialisms {
		n.initialisms[i] = true
	}
	return n
}

// Stem is name in lower-case words joined by '-'. Words that together spell
// one of the contract's initialisms (Saa + S = SaaS) stay one word.
func (n *Namer) Stem(name string) string {
	words := names.Words(name)
	var out []string
	for i := 0; i < len(words); {
		j := i + 1
		for k := len(words); k > i+1; k-- {
			if n.initialisms[strings.Join(words[i:k], "")] {
				j = k
				break
			}
		}
		out = append(out, strings.ToLower(strings.Join(words[i:j], "")))
		i = j
	}
	return strings.Join(out, "-")
}

// Request is the schema file of op's request.
func (n *Namer) Request(op *model.Operation) string {
	return Portable(n.Stem(op.Name) + ".request" + Ext)
}

// Response is the schema file of op's response.
func (n *Namer) Response(op *model.Operation) string {
	return Portable(n.Stem(op.Name) + ".response" + Ext)
}

// Error is the schema file of error response e of op.
func (n *Namer) Error(op *model.Operation, e *model.Response) string {
	return Portable(n.Stem(op.Name) + "." + n.Stem(e.Name) + ".error" + Ext)
}

// Shared is the schema file of shared response r.
func (n *Namer) Shared(r *model.Response) string { return Portable(n.Stem(r.Name) + ".response" + Ext) }

// Type is the schema file of named type t.
func (n *Namer) Type(t *model.Type) string { return Portable(n.Stem(t.Name) + ".type" + Ext) }

// deviceNames are the names Windows keeps for devices. A file whose name
// is one of them before its first dot, in any case (aux.md, Con.type.json),
// cannot be created there, and the go command refuses a module that holds
// one (golang.org/x/mod/module.CheckFilePath), so a repository with such a
// generated file could no longer be fetched with go get.
var deviceNames = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// Portable is file, a file name written from spec names, with '_' after
// its part before the first dot when that part is a Windows device name
// (aux.request.schema.json becomes aux_.request.schema.json). Schema and
// docs files are named through it.
func Portable(file string) string {
	short, rest, dotted := strings.Cut(file, ".")
	switch {
	case !deviceNames[strings.ToLower(short)]:
		return file
	case !dotted:
		return short + "_"
	}
	return short + "_." + rest
}

// Base is a schema file's name without .schema.json: the key the index and
// the conformance corpus know it by.
func Base(file string) string { return strings.TrimSuffix(file, Ext) }
