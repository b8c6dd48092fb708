package schema

import (
	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
)

// positions finds where model elements were written in the spec, so that
// what the emitter cannot express is reported at its line. The model keeps
// no positions, so the spec file is read again; the model was built from it
// in the same order. Without the file (a spec given as bytes), errors carry
// no position.
type positions struct {
	fields    map[*model.Field]*load.Field
	states    map[*model.StateValue]diag.Pos
	ops       map[*model.Operation]diag.Pos
	types     map[*model.Type]diag.Pos
	keyParts  []diag.Pos
	keyExacts []diag.Pos
	valuePats []diag.Pos
}

func locate(c *model.Contract) *positions {
	p := &positions{fields: map[*model.Field]*load.Field{}, states: map[*model.StateValue]diag.Pos{},
		ops: map[*model.Operation]diag.Pos{}, types: map[*model.Type]diag.Pos{}}
	s, err := load.File(c.SourceFile)
	if err != nil || s == nil {
		return p
	}
	zip := func(mf []*model.Field, lf []*load.Field) {
		if len(mf) != len(lf) {
			return
		}
		for i := range mf {
			p.fields[mf[i]] = lf[i]
		}
	}
	if len(c.Types) == len(s.Types) {
		for i, t := range c.Types {
			p.types[t] = s.Types[i].Name.Pos
			zip(t.Fields, s.Types[i].Fields)
		}
	}
	if len(c.States) == len(s.States) {
		for i, st := range c.States {
			if len(st.Values) == len(s.States[i].Values) {
				for j, v := range st.Values {
					p.states[v] = s.States[i].Values[j].Value.Pos
				}
			}
		}
	}
	if e := s.Envelopes; e != nil && e.Request != nil && e.Response != nil {
		zip(c.Request.Type.Fields, e.Request.Fields)
		zip(c.Response.Type.Fields, e.Response.Fields)
	}
	if len(c.Operations) == len(s.Operations) {
		for i, op := range c.Operations {
			lo := s.Operations[i]
			p.ops[op] = lo.Name.Pos
			zip(op.Request.Fields, lo.Request)
			if op.Response != nil && lo.Response != nil {
				zip(op.Response.Payload.Fields, lo.Response.Payload)
			}
		}
	}
	if c.Unavailable != nil && s.Unavailable != nil {
		zip(c.Unavailable.Payload.Fields, s.Unavailable.Payload)
	}
	if f := s.Forbidden; f != nil {
		if k := f.Keys; k != nil {
			for _, x := range k.Parts {
				p.keyParts = append(p.keyParts, x.Pos)
			}
			for _, x := range k.Exact {
				p.keyExacts = append(p.keyExacts, x.Pos)
			}
		}
		if v := f.Values; v != nil {
			for _, x := range v.Patterns {
				p.valuePats = append(p.valuePats, x.Pattern.Pos)
			}
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
	lf, ok := p.fields[f]
	if !ok {
		return diag.Pos{}
	}
	switch key {
	case "pattern":
		if lf.Pattern.Set() {
			return lf.Pattern.Pos
		}
	case "const":
		if lf.Const != nil {
			return lf.Const.Pos
		}
	}
	return lf.Name.Pos
}
