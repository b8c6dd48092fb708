package rt

import (
	"errors"
	"strconv"
	"strings"
	"unsafe"
)

// Sentinels let callers test a rule family with errors.Is.
var (
	ErrRequired            = errors.New("required field missing")
	ErrType                = errors.New("wrong JSON type")
	ErrConst               = errors.New("fixed value changed")
	ErrEmpty               = errors.New("empty value")
	ErrNotInStateSet       = errors.New("value not in state set")
	ErrOutOfRange          = errors.New("value out of range")
	ErrLength              = errors.New("string length out of range")
	ErrTooFewItems         = errors.New("too few items")
	ErrTooManyItems        = errors.New("too many items")
	ErrRepeatedItem        = errors.New("repeated item")
	ErrPattern             = errors.New("pattern mismatch")
	ErrFormat              = errors.New("invalid format")
	ErrForbiddenKey        = errors.New("forbidden key")
	ErrForbiddenValue      = errors.New("forbidden value")
	ErrMismatchedOperation = errors.New("mismatched operation")
	ErrSyntax              = errors.New("invalid JSON")
	ErrUnknownField        = errors.New("unknown field")
	ErrDuplicateKey        = errors.New("duplicate key")
	ErrCaseVariantKey      = errors.New("key differs from a field only in case")
	ErrTrailingData        = errors.New("data after the JSON document")
	ErrTooDeep             = errors.New("value nested too deep")
)

// errTrailing is the kind of a trailing-data error: data after the document
// makes the input malformed JSON, so it matches ErrSyntax as well.
var errTrailing = errors.Join(ErrTrailingData, ErrSyntax)

// ValidationError is one violation: where (JSON path such as
// payload.items[2].name), which rule, and the contract's message.
type ValidationError struct {
	Path    string
	Rule    string
	Message string
	kind    error
}

// Error prints the violation as "<json path>: <message>", or the message
// alone for a document-level error, so a logged error always says where.
// Message keeps the contract's own text unchanged.
func (e *ValidationError) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// Unwrap exposes the rule family sentinel for errors.Is.
func (e *ValidationError) Unwrap() error { return e.kind }

// Errors holds every violation of one value, in document order.
type Errors []*ValidationError

// Error joins the violations, each as "<json path>: <message>"; the first
// is the one a caller usually shows.
func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Unwrap lets errors.Is and errors.As look at every violation.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// err returns nil for no violations, so callers can compare with nil.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

func (es *Errors) add(p *pathNode, rule string, kind error, msg string) {
	*es = append(*es, &ValidationError{Path: p.String(), Rule: rule, Message: msg, kind: kind})
}

// pathNode is a JSON path built on the stack while walking a value; it is
// rendered to text only when a violation is reported.
type pathNode struct {
	parent *pathNode
	key    string
	// keyBytes, when set, is the key instead of key: bytes of the document
	// being read, which stay as they are, so no string is made for them
	// unless the path is printed.
	keyBytes []byte
	index    int
	isKey    bool
	// depth counts the nodes above this one, so that a walk through a type
	// that holds itself can stop (tooDeep) without counting them again.
	depth int32
}

func keyPath(parent *pathNode, key string) pathNode {
	return pathNode{parent: parent, key: key, isKey: true, depth: parent.below()}
}

func indexPath(parent *pathNode, i int) pathNode {
	return pathNode{parent: parent, index: i, depth: parent.below()}
}

// below is the depth of a node under p.
func (p *pathNode) below() int32 {
	if p == nil {
		return 0
	}
	return p.depth + 1
}

// tooDeepMsg is the message of a value nested beyond maxDepth, in
// Validate and in encoding (errEncodeTooDeep).
var tooDeepMsg = "value nested more than " + strconv.Itoa(maxDepth) + " levels deep; does it hold itself?"

// tooDeep reports whether p lies more than maxDepth nodes deep, and records
// that as the violation there: the validate method of a type that holds
// itself asks before going on, so that a pointer cycle, or a value nested
// deeper than any document the decoders accept, ends in an error instead
// of exhausting the goroutine's stack.
func (es *Errors) tooDeep(p *pathNode) bool {
	if p == nil || p.depth < maxDepth {
		return false
	}
	es.add(p, "depth", ErrTooDeep, tooDeepMsg)
	return true
}

// detach returns a path that renders as p does but holds no pointer to
// it. skip, which recurses, makes the paths it is given escape to the heap;
// handing it a detached path keeps the decoders' own member paths on the
// stack. Only the rarer paths that skip (free-form values the quick pass
// cannot clear, unknown members) pay for rendering p.
func detach(p *pathNode) *pathNode {
	if p == nil {
		return nil
	}
	n := keyPath(nil, p.String())
	return &n
}

// String renders the path the way the contract's messages do:
// payload.contacts.api_token, payload.items[2].name. A path more than
// pathHead+pathTail members deep (a free-form value nested thousands of
// levels) keeps its first pathHead and last pathTail members around a "…",
// so that an error about it stays readable rather than tens of kilobytes.
func (p *pathNode) String() string {
	if p == nil {
		return ""
	}
	n := 0
	for q := p; q != nil; q = q.parent {
		n++
	}
	var b strings.Builder
	p.write(&b, n-1, n)
	return b.String()
}

// The members a long path keeps at its start and at its end.
const (
	pathHead = 24
	pathTail = 8
)

// write renders the parents first, p being member i of n; it only reads
// the nodes, so paths built on the stack stay there.
func (p *pathNode) write(b *strings.Builder, i, n int) {
	if p.parent != nil {
		p.parent.write(b, i-1, n)
	}
	long := n > pathHead+pathTail
	if long && i >= pathHead && i < n-pathTail {
		if i == pathHead {
			b.WriteString("…")
		}
		return
	}
	if p.isKey {
		if b.Len() > 0 && !(long && i == n-pathTail) {
			b.WriteByte('.')
		}
		if p.keyBytes != nil {
			b.Write(p.keyBytes)
		} else {
			b.WriteString(p.key)
		}
		return
	}
	b.WriteByte('[')
	b.WriteString(strconv.Itoa(p.index))
	b.WriteByte(']')
}

// decodeError builds the single error a decoder stops at.
func decodeError(p *pathNode, rule string, kind error, msg string) error {
	return Errors{{Path: p.String(), Rule: rule, Message: msg, kind: kind}}
}

// mismatch is the error of a response builder given another operation's
// request; out of line like the builders' other helpers (see orDefault).
//
//go:noinline
func mismatch(msg string) error {
	return mismatchAt("operation", msg)
}

// noRequest reports whether req, the request a response builder is given,
// is missing: nil, or a nil pointer of a request type. A request builder
// returns a nil pointer with its error, and an interface holding that
// pointer is not nil, so a plain nil check would let the builder call
// Header on it and panic. The data word of an interface holding a pointer
// is that pointer.
func noRequest(req any) bool {
	return req == nil || (*[2]unsafe.Pointer)(unsafe.Pointer(&req))[1] == nil
}

// mismatchAt reports a message that belongs to another operation.
func mismatchAt(path, msg string) error {
	return Errors{{Path: path, Rule: "operation", Message: msg, kind: ErrMismatchedOperation}}
}

// failIf adds a violation when bad holds; the generated validators call it
// once per rule, one line each.
func (es *Errors) failIf(bad bool, p *pathNode, rule string, kind error, msg string) {
	if bad {
		es.add(p, rule, kind, msg)
	}
}
