package golang

import (
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// structKind says what a generated struct stands for.
type structKind int

const (
	kindType structKind = iota
	kindPayload
	kindRequest
	kindResponse
)

// goStruct is one generated struct. For messages, envelope fields are copied
// with their fixed values (version, operation, message, modules, next step)
// turned into consts and the payload field typed with the operation's payload.
type goStruct struct {
	t    *model.Type
	kind structKind
	op   *model.Operation // requests and own responses; nil for shared responses
	resp *model.Response  // responses
	doc  string
	// scanEnv and scanPayload are the forbidden-material scans of message
	// fields outside and inside the payload.
	scanEnv, scanPayload scanMode
}

// scanMode selects which forbidden-material checks run on a value; rule i
// owns the bits at 3*i (as in the runtime).
type scanMode uint32

const (
	scanKeys        scanMode = 1 << iota // keys of maps and free-form objects
	scanFreeValues                       // strings inside maps and free-form values
	scanTypedValues                      // strings of typed fields
)

// gen holds what all files of one package share.
type gen struct {
	c        *model.Contract
	pkg      string
	structs  []*goStruct
	byType   map[*model.Type]*goStruct
	shared   map[*model.Response]*goStruct // the message struct of each shared response
	requests map[*model.Operation]*goStruct
	patterns map[string]string // regex -> variable name
	patOrder []string
	consts   []fixedConst
	errs     []error // problems found while rendering, reported by Generate
	// redactMemo caches redactsType: 1 deciding, 2 no, 3 yes.
	redactMemo map[*model.Type]int
	layouts    layouts // the encoding tables (layout.go)
	// stateVars holds the sorted values of each state set a memberRule
	// names, by variable, declared in stateOrder.
	stateVars  map[string]string
	stateOrder []string
	tables     map[*model.Type]tableInfo // tableOf's answers
}

func newGen(c *model.Contract, pkg string) *gen {
	g := &gen{c: c, pkg: pkg, byType: map[*model.Type]*goStruct{}, requests: map[*model.Operation]*goStruct{},
		patterns: map[string]string{}, shared: map[*model.Response]*goStruct{}}
	for _, t := range c.Types {
		g.add(&goStruct{t: t, kind: kindType, doc: t.Description})
	}
	for _, op := range c.Operations {
		g.add(&goStruct{t: op.Request, kind: kindPayload, doc: "the request payload of " + op.Name + "."})
		if !op.Response.Shared() {
			g.add(&goStruct{t: op.Response.Payload, kind: kindPayload, doc: "the response payload of " + op.Name + "."})
		}
		for _, e := range op.Errors {
			g.add(&goStruct{t: e.Payload, kind: kindPayload, doc: "the payload of the " + e.Name + " error of " + op.Name + "."})
		}
	}
	for _, r := range c.Responses {
		g.add(&goStruct{t: r.Payload, kind: kindPayload, doc: "the payload of the shared " + r.Name + " response."})
	}
	reqEnv, respEnv := g.envScans(true), g.envScans(false)
	for _, op := range c.Operations {
		rq := g.message(c.Request, op.RequestGoName(), op.Request, map[model.Source]*value.Value{
			model.SourceVersion: versionValue(c.Request), model.SourceOperation: str(op.Name)})
		rq.kind, rq.op, rq.doc = kindRequest, op, "the request of operation "+op.Name+": "+op.Description
		rq.scanEnv, rq.scanPayload = reqEnv[0], reqEnv[1]
		g.add(rq)
		g.requests[op] = rq
		for _, e := range op.Errors {
			es := g.message(c.Response, e.GoName+"Response", e.Payload, map[model.Source]*value.Value{
				model.SourceVersion: versionValue(c.Response), model.SourceMessage: str(e.Message),
				model.SourceOperation: str(op.Name)})
			fixStatus(es.t, e.Status)
			es.kind, es.op, es.resp, es.doc = kindResponse, op, e, "the "+e.Name+" error of operation "+op.Name+"."
			if e.Description != "" {
				es.doc += " " + e.Description
			}
			es.scanEnv, es.scanPayload = respEnv[0], respEnv[1]
			g.add(es)
		}
		if op.Response.Shared() {
			continue
		}
		rs := g.message(c.Response, op.ResponseGoName(), op.Response.Payload, map[model.Source]*value.Value{
			model.SourceVersion: versionValue(c.Response), model.SourceMessage: str(op.Response.Message),
			model.SourceOperation: str(op.Name)})
		fixStatus(rs.t, op.Response.Status)
		rs.kind, rs.op, rs.resp, rs.doc = kindResponse, op, op.Response, "the response of operation "+op.Name+"."
		rs.scanEnv, rs.scanPayload = respEnv[0], respEnv[1]
		g.add(rs)
	}
	for _, r := range c.Responses {
		rs := g.message(c.Response, r.GoName+"Response", r.Payload, map[model.Source]*value.Value{
			model.SourceVersion: versionValue(c.Response), model.SourceMessage: str(r.Message)})
		fixStatus(rs.t, r.Status)
		rs.kind, rs.resp, rs.doc = kindResponse, r, "the shared "+r.Name+" response, which may answer any operation."
		if r.Description != "" {
			rs.doc += " " + r.Description
		}
		rs.scanEnv, rs.scanPayload = respEnv[0], respEnv[1]
		g.add(rs)
		g.shared[r] = rs
	}
	return g
}

func (g *gen) add(s *goStruct) {
	g.structs = append(g.structs, s)
	g.byType[s.t] = s
}

func str(s string) *value.Value { return &value.Value{Kind: value.String, Str: s} }

// versionValue is the version an envelope's source version field holds;
// validation allows such a field only when the envelope names a version.
func versionValue(e *model.Envelope) *value.Value {
	if e.Version == nil {
		return nil
	}
	return str(e.Version.Value)
}

// message builds the struct of one request or response: the envelope's
// fields, fixed values as consts, the payload typed with payload.
func (g *gen) message(env *model.Envelope, goName string, payload *model.Type, fixed map[model.Source]*value.Value) *goStruct {
	t := &model.Type{Name: goName, GoName: goName, Description: env.Type.Description, Role: model.RoleEnvelope}
	for _, f := range env.Type.Fields {
		cp := *f
		src := f.Source
		if src == model.SourceRequest && f.RequestField != nil && f.RequestField.Source == model.SourceOperation {
			src = model.SourceOperation // a response repeats its request's operation
		}
		if v, ok := fixed[src]; ok {
			// Fixed by its source: a const that must still be sent.
			cp.Const, cp.Source, cp.Required = v, model.SourceNone, true
		}
		if f.Source == model.SourcePayload {
			cp.Type = &model.TypeRef{Kind: model.KindObject, Object: payload}
		}
		t.Fields = append(t.Fields, &cp)
	}
	return &goStruct{t: t}
}

// copyType replaces a struct's type with a shallow copy, so the model stays
// untouched while the emitter adjusts fields.
func (g *gen) copyType(t *model.Type) *model.Type {
	s := g.byType[t]
	cp := *t
	cp.Fields = append([]*model.Field(nil), t.Fields...)
	s.t = &cp
	return &cp
}

// envScans returns the scan modes of envelope fields and of the payload for
// requests (or responses): the bits of every rule that applies to them.
func (g *gen) envScans(requests bool) [2]scanMode {
	return g.scans(func(o model.On) bool {
		if requests {
			return o.Requests
		}
		return o.Responses
	})
}

// typeScan is the scan of a standalone type checked on its own: as a
// payload, by the rules that apply to types.
func (g *gen) typeScan() scanMode {
	return g.scans(func(o model.On) bool { return o.Types })[1]
}

// scans are the envelope and payload scans of the rules that apply where
// applies says; rule i's bits sit at 3*i.
func (g *gen) scans(applies func(model.On) bool) [2]scanMode {
	f := g.c.Forbidden
	var env, payload scanMode
	if f == nil {
		return [2]scanMode{}
	}
	for _, k := range f.Keys {
		if !applies(k.On) {
			continue
		}
		sh := 3 * k.Index
		payload |= scanKeys << sh
		if k.AppliesTo != model.ScopePayload {
			env |= scanKeys << sh
		}
	}
	for _, v := range f.Values {
		if !applies(v.On) {
			continue
		}
		sh := 3 * v.Index
		payload |= scanFreeValues << sh
		switch v.AppliesTo {
		case model.ScopeFreeForm:
			env |= scanFreeValues << sh
		case model.ScopePayload:
			payload |= scanTypedValues << sh
		case model.ScopeMessage:
			env |= (scanFreeValues | scanTypedValues) << sh
			payload |= scanTypedValues << sh
		}
	}
	return [2]scanMode{env, payload}
}

// fixStatus makes a response's fixed status a const: the state field that
// holds the status the spec gives the response always carries it.
func fixStatus(t *model.Type, status *model.StateValue) {
	if status == nil {
		return
	}
	for _, f := range t.Fields {
		if f.Type.Kind != model.KindState {
			continue
		}
		for _, v := range f.Type.State.Values {
			if v == status {
				// A default that differs from the fixed status cannot stand
				// in for it, so the member must then be present.
				if f.Default == nil || f.Default.Str != v.Value {
					f.Default = nil
					f.Required = true
				}
				f.Const = str(v.Value)
				return
			}
		}
	}
}
