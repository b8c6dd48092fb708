package validate

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
)

// unions checks every type's shape: fields, or a discriminated union whose
// variants are object types carrying the discriminator as a string member
// that can hold the variant's value.
func (c *checker) unions() {
	for _, t := range c.s.Types {
		what := fmt.Sprintf("type %q", t.Name.V)
		switch {
		case len(t.OneOf) == 0 && t.Discriminator.Set():
			c.errs.Add(t.Discriminator.Pos, "%s has a discriminator but no one_of; list the variants under one_of", what)
		case len(t.OneOf) == 0 && t.Fields == nil:
			c.errs.Add(t.Name.Pos, "%s needs fields, or one_of and a discriminator for a union", what)
		case len(t.OneOf) > 0:
			c.union(t, what)
		}
	}
}

func (c *checker) union(t *load.Type, what string) {
	if t.Fields != nil {
		c.errs.Add(t.Name.Pos, "%s has both fields and one_of; a union's members are those of its variants", what)
	}
	if t.Open != nil {
		c.errs.Add(t.Open.Pos, "%s is a union; make its variant types open instead", what)
	}
	if !t.Discriminator.Set() || t.Discriminator.V == "" {
		c.errs.Add(t.Name.Pos, "%s has one_of but no discriminator; name the member whose value selects the variant", what)
		return
	}
	goNames := map[string]string{}
	for _, v := range t.OneOf {
		vw := fmt.Sprintf("%s variant %q", what, v.Value.V)
		if v.Value.V == "" {
			c.errs.Add(v.Value.Pos, "%s has an empty variant value", what)
			continue
		}
		g := model.VariantGoName(c.namer, v.Value.V)
		if prev, ok := goNames[g]; ok {
			c.errs.Add(v.Value.Pos, "%s becomes Go field %s, like variant %q; rename one of them", vw, g, prev)
		}
		goNames[g] = v.Value.V
		vt, ok := c.types[v.Type.V]
		if !ok {
			c.errs.Add(v.Type.Pos, "%s names undefined type %q%s", vw, v.Type.V, c.knownNear(v.Type.V, keys(c.types)))
			continue
		}
		if len(vt.OneOf) > 0 {
			c.errs.Add(v.Type.Pos, "%s names union %q; a variant must be an object type with fields", vw, v.Type.V)
			continue
		}
		c.discriminatorField(vt, t.Discriminator.V, v, vw)
	}
}

// discriminatorField checks that variant type vt carries the discriminator
// as a member that holds v's value.
func (c *checker) discriminatorField(vt *load.Type, disc string, v *load.Variant, vw string) {
	f := findField(vt.Fields, disc)
	if f == nil {
		c.errs.Add(v.Type.Pos, "%s: type %q has no field %q, the union's discriminator; add it", vw, vt.Name.V, disc)
		return
	}
	switch {
	case f.Nullable != nil && f.Nullable.V, f.Optional != nil && f.Optional.V:
		c.errs.Add(f.Name.Pos, "%s: field %q of type %q is the discriminator, so it cannot be nullable or optional", vw, disc, vt.Name.V)
	case f.Const != nil && (f.Const.Kind != "string" || f.Const.Str != v.Value.V):
		c.errs.Add(f.Const.Pos, "%s: field %q of type %q is the discriminator, and its const must be %q", vw, disc, vt.Name.V, v.Value.V)
	}
	if st, ok := c.states[f.Type.V]; ok {
		for _, sv := range st.Values {
			if sv.Value.V == v.Value.V {
				return
			}
		}
		c.errs.Add(v.Value.Pos, "%s: field %q of type %q has state set %q, which has no value %q", vw, disc, vt.Name.V, f.Type.V, v.Value.V)
		return
	}
	if f.Type.V != "string" {
		c.errs.Add(f.Type.Pos, "%s: field %q of type %q is the discriminator, so its type must be string or a state set", vw, disc, vt.Name.V)
	}
}
