package breaking

import (
	"strings"

	"github.com/contractgen/contractgen/internal/model"
)

// types compares the named types by name. A type removed while one of the
// same shape is added counts as renamed: type names are not on the wire.
func (c *comparer) types() {
	oldBy := map[string]*model.Type{}
	for _, t := range c.old.Types {
		oldBy[t.Name] = t
	}
	newBy := map[string]*model.Type{}
	for _, t := range c.new.Types {
		newBy[t.Name] = t
	}
	added := map[string]bool{}
	for _, nt := range c.new.Types {
		added[nt.Name] = oldBy[nt.Name] == nil
	}
	for _, ot := range c.old.Types {
		if newBy[ot.Name] != nil {
			continue
		}
		renamed := false
		for _, nt := range c.new.Types {
			if added[nt.Name] && c.shape(ot) == c.shape(nt) {
				added[nt.Name], renamed = false, true
				c.typeRenamed[ot.Name] = nt.Name
				c.add("GO_TYPE_RENAMED", ot.Pos, nt.Pos, "type %s is now %s: Go type %s is now %s", ot.Name, nt.Name, ot.GoName, nt.GoName)
				break
			}
		}
		if !renamed {
			c.add("GO_TYPE_REMOVED", ot.Pos, zero, "type %s is removed: Go type %s is gone", ot.Name, ot.GoName)
		}
	}
	for _, nt := range c.new.Types {
		if added[nt.Name] {
			c.add("GO_TYPE_ADDED", zero, nt.Pos, "type %s is added", nt.Name)
		}
	}
	for _, ot := range c.old.Types {
		name := ot.Name
		if r, ok := c.typeRenamed[name]; ok {
			name = r
		}
		if nt := newBy[name]; nt != nil {
			c.namedType(ot, nt)
		}
	}
}

// shape is a text equal for types a rename leaves alone.
func (c *comparer) shape(t *model.Type) string {
	var b strings.Builder
	if t.Union != nil {
		b.WriteString("union " + t.Union.Discriminator)
		for _, v := range t.Union.Variants {
			b.WriteString(" " + v.Value + "=" + v.Type.Name)
		}
	}
	for _, f := range t.Fields {
		b.WriteString(" " + f.Name + ":" + fieldShape(f))
	}
	return b.String()
}

// namedType compares one named type in every direction it is used in.
func (c *comparer) namedType(ot, nt *model.Type) {
	d := c.use.types[ot.Name] | c.use.types[nt.Name]
	what := "type " + nt.Name
	if ot.GoName != nt.GoName && ot.Name == nt.Name {
		c.add("GO_TYPE_RENAMED", ot.Pos, nt.Pos, "Go type %s of %s is now %s", ot.GoName, what, nt.GoName)
	}
	if ot.Description != nt.Description {
		c.add("DESCRIPTION_CHANGED", ot.Pos, nt.Pos, "description of %s changed", what)
	}
	if !sameValues(ot.Examples, nt.Examples) {
		c.add("EXAMPLE_CHANGED", ot.Pos, nt.Pos, "examples of %s changed", what)
	}
	c.object(ot, nt, d, what, ot.Pos, nt.Pos)
	c.union(ot, nt, d, what)
}

// union compares discriminators and variants.
func (c *comparer) union(ot, nt *model.Type, d dir, what string) {
	ou, nu := ot.Union, nt.Union
	if ou == nil || nu == nil {
		if (ou == nil) != (nu == nil) {
			c.add("FIELD_TYPE_CHANGED", ot.Pos, nt.Pos, "%s is now %s", what, map[bool]string{true: "a union", false: "an object"}[nu != nil])
		}
		return
	}
	if ou.Discriminator != nu.Discriminator {
		c.add("UNION_DISCRIMINATOR_CHANGED", ot.Pos, nt.Pos, "%s selects its variant by %s, was %s", what, nu.Discriminator, ou.Discriminator)
		return
	}
	for _, ov := range ou.Variants {
		nv := nu.Variant(ov.Value)
		if nv == nil {
			c.add("GO_VARIANT_REMOVED", ov.Pos, nt.Pos, "variant %q of %s is removed: Go field %s is gone", ov.Value, what, ov.GoName)
			d.each(func(d dir) {
				c.add(d.pick("REQUEST_UNION_VARIANT_REMOVED", "RESPONSE_UNION_VARIANT_REMOVED"), ov.Pos, nt.Pos, "variant %q of %s is removed", ov.Value, what)
			})
			continue
		}
		if c.typeName(ov.Type.Name) != nv.Type.Name {
			c.add("UNION_VARIANT_TYPE_CHANGED", ov.Pos, nv.Pos, "variant %q of %s is now %s, was %s", ov.Value, what, nv.Type.Name, ov.Type.Name)
		}
		if ov.GoName != nv.GoName {
			c.add("GO_VARIANT_RENAMED", ov.Pos, nv.Pos, "Go field %s of variant %q of %s is now %s", ov.GoName, ov.Value, what, nv.GoName)
		}
	}
	for _, nv := range nu.Variants {
		if ou.Variant(nv.Value) == nil {
			d.each(func(d dir) {
				c.add(d.pick("REQUEST_UNION_VARIANT_ADDED", "RESPONSE_UNION_VARIANT_ADDED"), ot.Pos, nv.Pos, "variant %q is added to %s", nv.Value, what)
			})
		}
	}
}

// typeName maps an old type name to its new one.
func (c *comparer) typeName(n string) string {
	if r, ok := c.typeRenamed[n]; ok {
		return r
	}
	return n
}
