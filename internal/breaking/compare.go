package breaking

import (
	"fmt"
	"sort"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/model"
)

// Change is one difference between two versions of a contract.
type Change struct {
	Rule Rule
	Msg  string
	// Old and New are where the element is written in each version; the
	// zero position when it is absent there (then New is its owner's).
	Old, New diag.Pos
}

// comparer walks two models side by side.
type comparer struct {
	old, new *model.Contract
	use      usage
	out      []Change
	// typeRenamed and stateRenamed map old names to new ones for named
	// types and state sets that were renamed without other change, so
	// that members referring to them are not reported as retyped.
	typeRenamed, stateRenamed map[string]string
	// seenType keeps named types compared once per direction.
	seenType map[string]bool
}

// Compare reports every change from old to new, sorted by position in the
// new version.
func Compare(old, new *model.Contract) []Change {
	c := &comparer{old: old, new: new, use: usageOf(old).merge(usageOf(new)),
		typeRenamed: map[string]string{}, stateRenamed: map[string]string{}, seenType: map[string]bool{}}
	c.contract()
	c.versions()
	c.goNames()
	c.states()
	c.types()
	c.envelopes()
	c.forbidden()
	c.operations()
	c.sharedResponses()
	return c.sorted()
}

func (c *comparer) add(id string, old, new diag.Pos, format string, args ...any) {
	r, ok := Lookup(id)
	if !ok {
		panic("breaking: no rule " + id)
	}
	c.out = append(c.out, Change{Rule: r, Msg: fmt.Sprintf(format, args...), Old: old, New: new})
}

func (c *comparer) sorted() []Change {
	sort.SliceStable(c.out, func(i, j int) bool {
		a, b := c.out[i], c.out[j]
		if a.New != b.New {
			return less(a.New, b.New)
		}
		if a.Old != b.Old {
			return less(a.Old, b.Old)
		}
		if a.Rule.ID != b.Rule.ID {
			return a.Rule.ID < b.Rule.ID
		}
		return a.Msg < b.Msg
	})
	out := c.out[:0]
	for i, ch := range c.out {
		if i > 0 && ch == c.out[i-1] {
			continue
		}
		out = append(out, ch)
	}
	return out
}

func less(a, b diag.Pos) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

func (c *comparer) contract() {
	o, n := c.old, c.new
	if o.Package != n.Package {
		c.add("GO_PACKAGE_CHANGED", o.PackagePos, n.PackagePos, "Go package %s is now %s", o.Package, n.Package)
	}
	if o.SchemaBaseURI != n.SchemaBaseURI {
		c.add("SCHEMA_BASE_URI_CHANGED", o.SchemaBaseURIPos, n.SchemaBaseURIPos, "schema_base_uri %s is now %s", o.SchemaBaseURI, n.SchemaBaseURI)
	}
	if o.Description != n.Description || o.Title != n.Title {
		c.add("DESCRIPTION_CHANGED", o.Pos, n.Pos, "the contract's title or description changed")
	}
}

func (c *comparer) versions() {
	for _, nv := range c.new.Versions {
		for _, ov := range c.old.Versions {
			if ov.Name != nv.Name {
				continue
			}
			if ov.Value != nv.Value {
				c.add("VERSION_CHANGED", ov.Pos, nv.Pos, "version %s is now %q, was %q: documents carrying the old one are refused", nv.Name, nv.Value, ov.Value)
			}
			if ov.Description != nv.Description {
				c.add("DESCRIPTION_CHANGED", ov.Pos, nv.Pos, "description of version %s changed", nv.Name)
			}
		}
	}
}

// goNames reports the versions and lists whose Go identifiers the new
// version no longer has: a version's constant, a list's function. The wire
// may not notice (an unused version, a list no default names any more),
// callers of the Go package do.
func (c *comparer) goNames() {
	versions, lists := map[string]bool{}, map[string]bool{}
	versionBy, listBy := map[string]*model.Version{}, map[string]*model.List{}
	for _, v := range c.new.Versions {
		versions[v.GoName], versionBy[v.Name] = true, v
	}
	for _, l := range c.new.Lists {
		lists[l.GoName], listBy[l.Name] = true, l
	}
	for _, v := range c.old.Versions {
		switch nv := versionBy[v.Name]; {
		case versions[v.GoName]:
		case nv != nil:
			c.add("GO_CONST_REMOVED", v.Pos, nv.Pos, "version %s: Go constant %s is now %s", v.Name, v.GoName, nv.GoName)
		default:
			c.add("GO_CONST_REMOVED", v.Pos, zero, "version %s is removed: Go constant %s is gone", v.Name, v.GoName)
		}
	}
	for _, l := range c.old.Lists {
		switch nl := listBy[l.Name]; {
		case lists[l.GoName]:
		case nl != nil:
			c.add("GO_FUNC_REMOVED", l.Pos, nl.Pos, "list %s: Go function %s() is now %s()", l.Name, l.GoName, nl.GoName)
		default:
			c.add("GO_FUNC_REMOVED", l.Pos, zero, "list %s is removed: Go function %s() is gone", l.Name, l.GoName)
		}
	}
}

func (c *comparer) envelopes() {
	if c.old.Request != nil && c.new.Request != nil {
		c.object(c.old.Request.Type, c.new.Request.Type, inRequest, "the request envelope", diag.Pos{}, diag.Pos{})
	}
	if c.old.Response != nil && c.new.Response != nil {
		c.object(c.old.Response.Type, c.new.Response.Type, inResponse, "the response envelope", diag.Pos{}, diag.Pos{})
	}
}
