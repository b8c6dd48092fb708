package schema

import (
	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/model"
)

// positions finds where model elements were written in the spec, so that
// what the emitter cannot express is reported at its line. Everything comes
// from positions the model carries; elements the spec does not write (the
// payload types it names implicitly) have none.
type positions struct {
	states map[*model.StateValue]diag.Pos
	ops    map[*model.Operation]diag.Pos
	types  map[*model.Type]diag.Pos
	// keyParts, keyExacts and valuePats hold, per rule, where its parts,
	// exact keys and patterns are written.
	keyParts  [][]diag.Pos
	keyExacts [][]diag.Pos
	valuePats [][]diag.Pos
}

func locate(c *model.Contract) *positions {
	p := &positions{states: map[*model.StateValue]diag.Pos{}, ops: map[*model.Operation]diag.Pos{}, types: map[*model.Type]diag.Pos{}}
	for _, t := range c.Types {
		p.types[t] = t.Pos
	}
	for _, st := range c.States {
		for _, v := range st.Values {
			p.states[v] = v.Pos
		}
	}
	for _, op := range c.Operations {
		p.ops[op] = op.Pos
	}
	if f := c.Forbidden; f != nil {
		for _, k := range f.Keys {
			p.keyParts, p.keyExacts = append(p.keyParts, k.PartPos), append(p.keyExacts, k.ExactPos)
		}
		for _, v := range f.Values {
			var ps []diag.Pos
			for _, x := range v.Patterns {
				ps = append(ps, x.Pos)
			}
			p.valuePats = append(p.valuePats, ps)
		}
	}
	return p
}

func at(list []diag.Pos, i int) diag.Pos {
	if i < len(list) {
		return list[i]
	}
	return diag.Pos{}
}

// field returns the position of a field's name, or of one of its keys.
func (p *positions) field(f *model.Field, key string) diag.Pos {
	switch {
	case key == "pattern" && f.PatternPos.Line > 0:
		return f.PatternPos
	case key == "const" && f.Const != nil && f.Const.Pos.Line > 0:
		return f.Const.Pos
	}
	return f.Pos
}
