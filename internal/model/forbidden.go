package model

import (
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/names"
)

// buildForbidden turns the spec's forbidden block into rules with their
// directions.
func buildForbidden(f *load.Forbidden) *Forbidden {
	if f == nil {
		return nil
	}
	out := &Forbidden{TypeRoot: f.TypeRoot.V}
	def := on(f.On, On{Requests: true, Responses: true})
	for _, k := range f.Keys {
		kr := &KeyRule{Message: k.Message.V, AppliesTo: Scope(k.AppliesTo.V), On: on(k.On, def), Index: len(out.Keys)}
		for _, p := range k.Parts {
			kr.Parts = append(kr.Parts, LowerKey(p.V))
			kr.PartPos = append(kr.PartPos, p.Pos)
		}
		for _, e := range k.Exact {
			kr.Exact = append(kr.Exact, LowerKey(e.V))
			kr.ExactPos = append(kr.ExactPos, e.Pos)
		}
		out.Keys = append(out.Keys, kr)
		out.addOn(kr.On)
	}
	for _, v := range f.Values {
		vr := &ValueRule{Message: v.Message.V, AppliesTo: Scope(v.AppliesTo.V), On: on(v.On, def), Index: len(f.Keys) + len(out.Values)}
		for _, p := range v.Patterns {
			vr.Patterns = append(vr.Patterns, &Pattern{Pos: p.Pattern.Pos, Name: p.Name.V, GoName: names.Exported(p.Name.V), Pattern: p.Pattern.V, Description: p.Description.V})
		}
		out.Values = append(out.Values, vr)
		out.addOn(vr.On)
	}
	if len(out.Keys)+len(out.Values) == 0 {
		out.addOn(def)
	}
	return out
}

// on reads a list of directions; an empty list means def.
func on(list []load.Str, def On) On {
	if len(list) == 0 {
		return def
	}
	var o On
	for _, s := range list {
		o.Requests = o.Requests || s.V == "requests"
		o.Responses = o.Responses || s.V == "responses"
		o.Types = o.Types || s.V == "types"
	}
	return o
}

func (f *Forbidden) addOn(o On) {
	f.OnRequests = f.OnRequests || o.Requests
	f.OnResponses = f.OnResponses || o.Responses
	f.OnTypes = f.OnTypes || o.Types
}
