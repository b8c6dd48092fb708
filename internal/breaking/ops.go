package breaking

import (
	"strings"

	"github.com/contractgen/contractgen/internal/model"
)

// operations compares operations by name. One removed while one of the
// same request and response is added counts as renamed.
func (c *comparer) operations() {
	oldBy := map[string]*model.Operation{}
	for _, op := range c.old.Operations {
		oldBy[op.Name] = op
	}
	newBy := map[string]*model.Operation{}
	for _, op := range c.new.Operations {
		newBy[op.Name] = op
	}
	added := map[string]bool{}
	for _, op := range c.new.Operations {
		added[op.Name] = oldBy[op.Name] == nil
	}
	for _, oo := range c.old.Operations {
		if newBy[oo.Name] != nil {
			continue
		}
		renamed := false
		for _, no := range c.new.Operations {
			if added[no.Name] && c.opShape(oo) == c.opShape(no) {
				added[no.Name], renamed = false, true
				c.add("OPERATION_RENAMED", oo.Pos, no.Pos, "operation %s is now %s: requests naming %s are refused", oo.Name, no.Name, oo.Name)
				break
			}
		}
		if !renamed {
			c.add("OPERATION_REMOVED", oo.Pos, zero, "operation %s is removed", oo.Name)
		}
	}
	for _, no := range c.new.Operations {
		if added[no.Name] {
			c.add("OPERATION_ADDED", zero, no.Pos, "operation %s is added", no.Name)
		}
		if oo := oldBy[no.Name]; oo != nil {
			c.operation(oo, no)
		}
	}
}

// opShape is a text equal for operations a rename leaves alone.
func (c *comparer) opShape(op *model.Operation) string {
	var b strings.Builder
	b.WriteString(c.shape(op.Request))
	b.WriteString("|")
	if op.Response != nil {
		b.WriteString(op.Response.Name + ":" + c.shape(op.Response.Payload))
	}
	for _, e := range op.Errors {
		b.WriteString("|" + e.Name + ":" + c.shape(e.Payload))
	}
	return b.String()
}

func (c *comparer) operation(oo, no *model.Operation) {
	what := "operation " + no.Name
	if oo.GoName != no.GoName {
		c.add("GO_OPERATION_RENAMED", oo.Pos, no.Pos, "Go names of %s change: %s is now %s", what, oo.GoName, no.GoName)
	}
	if oo.Description != no.Description || oo.RequestDescription != no.RequestDescription || oo.ResponseDescription != no.ResponseDescription {
		c.add("DESCRIPTION_CHANGED", oo.Pos, no.Pos, "description of %s changed", what)
	}
	if !sameValues(oo.Request.Examples, no.Request.Examples) {
		c.add("EXAMPLE_CHANGED", oo.Pos, no.Pos, "request examples of %s changed", what)
	}
	c.object(oo.Request, no.Request, inRequest, "the request of "+no.Name, oo.Pos, no.Pos)
	or, nr := oo.Response, no.Response
	switch {
	case or.Shared() || nr.Shared():
		if or.Name != nr.Name || or.Shared() != nr.Shared() {
			c.add("OPERATION_RESPONSE_CHANGED", oo.Pos, no.Pos, "%s answers with %s, was %s", what, responseName(nr), responseName(or))
		}
	default:
		c.response(or, nr, "the response of "+no.Name, oo, no)
	}
	for _, oe := range oo.Errors {
		ne := findError(no, oe.Name)
		if ne == nil {
			c.add("ERROR_RESPONSE_REMOVED", oe.Pos, no.Pos, "error %s of %s is removed", oe.Name, what)
			c.add("GO_TYPE_REMOVED", oe.Pos, no.Pos, "error %s of %s is removed: Go type %sResponse, its builder and decoder are gone", oe.Name, what, oe.GoName)
			continue
		}
		c.response(oe, ne, "error "+ne.Name+" of "+no.Name, oo, no)
	}
	for _, ne := range no.Errors {
		if findError(oo, ne.Name) == nil {
			c.add("ERROR_RESPONSE_ADDED", oo.Pos, ne.Pos, "error %s is added to %s: readers refuse a response with its status", ne.Name, what)
		}
	}
}

func responseName(r *model.Response) string {
	if r.Shared() {
		return "shared response " + r.Name
	}
	return "its own response"
}

func findError(op *model.Operation, name string) *model.Response {
	for _, e := range op.Errors {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// response compares two versions of a response: its fixed values and its
// payload. oo and no own it, for positions; shared responses have their own.
func (c *comparer) response(or, nr *model.Response, what string, oo, no *model.Operation) {
	op, np := or.Pos, nr.Pos
	if oo != nil && op.Line == 0 {
		op = oo.Pos
	}
	if no != nil && np.Line == 0 {
		np = no.Pos
	}
	if status(or) != status(nr) {
		c.add("RESPONSE_STATUS_CHANGED", op, np, "%s fixes status %s, was %s", what, status(nr), status(or))
	}
	if or.Message != nr.Message {
		c.add("RESPONSE_MESSAGE_CHANGED", op, np, "%s fixes message %q, was %q", what, nr.Message, or.Message)
	}
	if or.Description != nr.Description {
		c.add("DESCRIPTION_CHANGED", op, np, "description of %s changed", what)
	}
	if !sameValues(or.Payload.Examples, nr.Payload.Examples) {
		c.add("EXAMPLE_CHANGED", op, np, "examples of %s changed", what)
	}
	c.object(or.Payload, nr.Payload, inResponse, what, op, np)
}

func status(r *model.Response) string {
	if r.Status == nil {
		return "none"
	}
	return r.Status.Value
}

// sharedResponses compares shared responses by name.
func (c *comparer) sharedResponses() {
	for _, nr := range c.new.Responses {
		for _, or := range c.old.Responses {
			if or.Name == nr.Name {
				c.response(or, nr, "shared response "+nr.Name, nil, nil)
			}
		}
	}
}
