package docs

import (
	"fmt"
	"strings"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/model"
)

// checkNames refuses spec names the docs cannot give a page or an anchor
// of their own: an operation name that is no safe file name, operations
// whose pages would be one file on a case-insensitive file system, and
// types or state sets whose headings would have one anchor, so that a
// link meant for one would reach the other.
func checkNames(c *model.Contract) error {
	errs := &diag.List{File: c.SourceFile}
	// Pages whose names differ only in case (getTariff, gettariff) are one
	// file on the case-insensitive file systems of macOS and Windows.
	folded := map[string]*model.Operation{}
	for _, op := range c.Operations {
		if !safeName.MatchString(op.Name) {
			errs.Add(op.Pos, "operation %q cannot name a docs page file (operations/<name>.md); for docs, operation names use letters, digits, '_', '.' and '-', and start with a letter, digit or '_' (gen lint's OPERATION_NAME_SNAKE_CASE asks for snake_case)", op.Name)
		}
		key := strings.ToLower(op.Name)
		if other, dup := folded[key]; dup {
			errs.Add(op.Pos, "operations %q (line %d) and %q differ only in case: their docs pages %s and %s would be one file on macOS and Windows; rename one of them", other.Name, other.Pos.Line, op.Name, operationPath(other), operationPath(op))
			continue
		}
		folded[key] = op
	}
	types := anchors{page: typesPath, taken: map[string]string{slug("Types"): "the page's title"}}
	for _, t := range c.Types {
		types.add(errs, t.Pos, fmt.Sprintf("type %q", t.Name), t.Name)
	}
	states := anchors{page: statesPath, taken: map[string]string{slug("State sets"): "the page's title"}}
	for _, st := range c.States {
		states.add(errs, st.Pos, fmt.Sprintf("state set %q", st.Name), st.Name)
	}
	return errs.Err()
}

// anchors are the heading anchors of one page, each with what claimed it.
type anchors struct {
	page  string
	taken map[string]string
}

// add claims the anchor of a heading named name, or reports who has it:
// renderers number a repeated anchor each their own way (seatref-1,
// seatref_1), so links could not reach the second heading.
func (a anchors) add(errs *diag.List, pos diag.Pos, what, name string) {
	s := slug(name)
	if other, dup := a.taken[s]; dup {
		errs.Add(pos, "%s would have the heading anchor #%s on %s, as %s has; a link to one would reach the other, so rename one of them", what, s, a.page, other)
		return
	}
	a.taken[s] = what
}
