package conformance

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/contractgen/contractgen/internal/validate"
	"github.com/contractgen/contractgen/internal/value"
)

var update = flag.Bool("update", false, "rewrite the corpus under testdata/conformance")

// root is the repository root, seen from this package's folder.
const root = "../.."

// corpusDir is where the corpus is committed.
var corpusDir = filepath.Join(root, "testdata", "conformance")

type specInfo struct {
	name string // folder name in the corpus
	path string // spec file
}

// specList is the shipped spec ("contract") and every testdata spec.
func specList(t testing.TB) []specInfo {
	t.Helper()
	out := []specInfo{{"contract", filepath.Join(root, "spec", "contract.yaml")}}
	paths, err := filepath.Glob(filepath.Join(root, "testdata", "specs", "*", "spec.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	for _, p := range paths {
		out = append(out, specInfo{filepath.Base(filepath.Dir(p)), p})
	}
	return out
}

func loadContract(t testing.TB, path string) *model.Contract {
	t.Helper()
	s, err := load.File(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := validate.Check(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// doc is one corpus document.
type doc struct {
	schema string // schema file base: "<op>.request", "<type>.type", ...
	valid  bool
	name   string // file name without .json
	why    string
	v      *value.Value
}

func (d *doc) verdict() string {
	if d.valid {
		return "valid"
	}
	return "invalid"
}

// rel is the document's path inside the spec's corpus folder.
func (d *doc) rel() string { return d.schema + "/" + d.verdict() + "/" + d.name + ".json" }

// gen builds the corpus of one spec.
type gen struct {
	t       testing.TB
	spec    string
	c       *model.Contract
	docs    []*doc
	names   map[string]bool
	onceSet map[string]bool
	// bases maps the names cases give schemas (spec names such as
	// "tenant_status.request" or "Money") to the schema file bases.
	bases   map[string]string
	reqEnv  *value.Value // the request envelope example, completed
	respEnv *value.Value // the response envelope example, completed
	status  *model.Field // the response envelope's state field
	// req and resp name the members of each envelope the contract fixes:
	// which carries the operation and the payload, and which are fixed
	// (the version and the operation), whatever the spec calls them.
	req, resp envelopeKeys
	// ctxOp is the operation whose message is being mutated; nil for shared
	// responses and for types.
	ctxOp *model.Operation
	// ctxResp is the response being mutated, own or shared; nil elsewhere.
	ctxResp *model.Response
	// building holds the types synth is filling, so that a type holding
	// itself through an optional or nullable field ends.
	building map[*model.Type]bool
}

// buildCorpus returns every document of one spec, in a stable order.
func buildCorpus(t testing.TB, spec string, c *model.Contract) []*doc {
	g := &gen{t: t, spec: spec, c: c, names: map[string]bool{}, onceSet: map[string]bool{}, bases: map[string]string{}}
	for _, d := range decoded(c) {
		g.bases[d.key] = d.base
	}
	g.envelopes()
	g.examples()
	for _, ty := range c.Types {
		g.typeCases(ty)
	}
	for i, op := range c.Operations {
		g.requestCases(op, i == 0)
	}
	firstOwn := true
	for _, op := range c.Operations {
		if !op.Response.Shared() {
			g.responseCases(op, firstOwn)
			firstOwn = false
		} else {
			g.sharedOpCases(op)
		}
	}
	for _, r := range c.Responses {
		g.sharedCases(r)
	}
	for _, op := range c.Operations {
		for _, e := range op.Errors {
			g.errorCases(op, e)
		}
	}
	g.wholeDocumentCases()
	switch spec {
	case "contract":
		contractCases(g)
	case "feature_flags":
		featureFlagsCases(g)
	case "payments_webhooks":
		paymentsCases(g)
	case "github_webhooks":
		githubCases(g)
	case "lab_results":
		labCases(g)
	case "fleet_telemetry":
		fleetCases(g)
	case "freight_tracking":
		freightCases(g)
	case "iot_provisioning":
		iotCases(g)
	case "hr_events":
		hrCases(g)
	case "config_service":
		configCases(g)
	case "ticket_booking":
		ticketCases(g)
	case "doc_tree":
		docTreeCases(g)
	case "energy_metering":
		meteringCases(g)
	case "library_loans":
		loansCases(g)
	default:
		t.Logf("%s: no hand-written forbidden-material cases", spec)
	}
	return g.docs
}

var unsafeName = regexp.MustCompile(`[^a-z0-9._-]+`)

// add records a document; names are lower-cased and made unique within
// their folder.
func (g *gen) add(schema string, valid bool, name, why string, v *value.Value) {
	file, ok := g.bases[schema]
	if !ok {
		g.t.Fatalf("%s: the corpus names schema %q, which the contract has no decoder for", g.spec, schema)
	}
	schema = file
	var slug strings.Builder
	for _, r := range name {
		if r > 0x7e || r < 0x20 {
			fmt.Fprintf(&slug, "_u%04x_", r)
		} else {
			slug.WriteRune(r)
		}
	}
	name = strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(slug.String()), "_"), "_.-")
	if len(name) > 90 {
		name = name[:90]
	}
	base := name
	for i := 2; ; i++ {
		key := schema + "/" + strconv.FormatBool(valid) + "/" + name
		if !g.names[key] {
			g.names[key] = true
			break
		}
		name = base + "-" + strconv.Itoa(i)
	}
	g.docs = append(g.docs, &doc{schema: schema, valid: valid, name: name, why: why, v: v})
}

// once reports whether key is seen for the first time in this spec.
func (g *gen) once(key string) bool {
	if g.onceSet[key] {
		return false
	}
	g.onceSet[key] = true
	return true
}

func (g *gen) op(name string) *model.Operation {
	for _, op := range g.c.Operations {
		if op.Name == name {
			return op
		}
	}
	g.t.Fatalf("%s: no operation %s", g.spec, name)
	return nil
}

func (g *gen) typ(name string) *model.Type {
	for _, t := range g.c.Types {
		if t.Name == name {
			return t
		}
	}
	g.t.Fatalf("%s: no type %s", g.spec, name)
	return nil
}

// ---------------------------------------------------------------------------
// Base documents

func (g *gen) envelopes() {
	req, resp := g.c.Request.Type, g.c.Response.Type
	if len(g.c.Operations) == 0 {
		return // a spec of types alone has no messages
	}
	g.reqEnv = withVersion(g.envelopeBase(req), req, g.c.Request.Version)
	g.respEnv = withVersion(g.envelopeBase(resp), resp, g.c.Response.Version)
	g.req, g.resp = keysOf(req), keysOf(resp)
	for _, f := range resp.Fields {
		if f.Type.Kind == model.KindState {
			g.status = f
			break
		}
	}
}

// envelopeBase is envelope t's first example, completed, or one
// synthesized from its fields; the members a source fixes per message
// (operation, payload, message, version) are set per document.
func (g *gen) envelopeBase(t *model.Type) *value.Value {
	if len(t.Examples) > 0 {
		return model.Complete(t.Examples[0], t)
	}
	return g.synth(t, nil)
}

// withVersion sets the members of envelope t that carry its version v
// (nil: none) in doc, which an envelope without an example lacks.
func withVersion(doc *value.Value, t *model.Type, v *model.Version) *value.Value {
	if v == nil {
		return doc
	}
	for _, f := range t.Fields {
		if f.Source == model.SourceVersion {
			doc = set(doc, path{f.Name}, vStr(v.Value))
		}
	}
	return doc
}

// envelopeKeys names an envelope's members by the source the spec gives
// them: op carries the operation name ("" when the envelope has none),
// payload the payload, and fixed holds those whose value the contract
// fixes per message (the version and the operation).
type envelopeKeys struct {
	op, payload string
	fixed       map[string]bool
}

// keysOf finds the keys of envelope t: the request's operation member is
// sourced from the operation, the response's from the request's.
func keysOf(t *model.Type) envelopeKeys {
	k := envelopeKeys{fixed: map[string]bool{}}
	for _, f := range t.Fields {
		op := f.Source == model.SourceOperation ||
			(f.Source == model.SourceRequest && f.RequestField != nil && f.RequestField.Source == model.SourceOperation)
		switch {
		case op:
			k.op = f.Name
			k.fixed[f.Name] = true
		case f.Source == model.SourceVersion:
			k.fixed[f.Name] = true
		case f.Source == model.SourcePayload:
			k.payload = f.Name
		}
	}
	return k
}

// keys are the envelope keys of the messages of schema.
func (g *gen) keys(schema string) envelopeKeys {
	if strings.HasSuffix(schema, ".request") {
		return g.req
	}
	return g.resp
}

// withOp sets the operation member of a message, when its envelope has one.
func withOp(v *value.Value, k envelopeKeys, op string) *value.Value {
	if k.op == "" {
		return v
	}
	return set(v, path{k.op}, vStr(op))
}

// opOf is the operation a whole message names, or "".
func opOf(v *value.Value, k envelopeKeys) string {
	if k.op == "" {
		return ""
	}
	if o := at(v, path{k.op}); o != nil && o.Kind == value.String {
		return o.Str
	}
	return ""
}

// typeBase is the first example of a spec type, completed.
func (g *gen) typeBase(t *model.Type) *value.Value {
	if len(t.Examples) > 0 {
		return model.Complete(t.Examples[0], t)
	}
	return g.synth(t, nil)
}

func (g *gen) requestPayload(op *model.Operation) *value.Value {
	if len(op.Request.Examples) > 0 {
		return model.Complete(op.Request.Examples[0], op.Request)
	}
	return g.synth(op.Request, op)
}

// requestDoc wraps a payload into a whole request of op.
func (g *gen) requestDoc(op *model.Operation, payload *value.Value) *value.Value {
	v := withOp(g.reqEnv, g.req, op.Name)
	return set(v, path{g.req.payload}, payload)
}

func (g *gen) reqBase(name string) *value.Value {
	op := g.op(name)
	return g.requestDoc(op, g.requestPayload(op))
}

// responseDoc wraps a payload into the operation's own response.
func (g *gen) responseDoc(op *model.Operation, payload *value.Value) *value.Value {
	v := withOp(g.respEnv, g.resp, op.Name)
	v = g.withMessage(v, op.Response.Message)
	switch {
	case g.status != nil && op.Response.Status != nil:
		v = set(v, path{g.status.Name}, vStr(op.Response.Status.Value))
	case g.status != nil && g.status.Default != nil:
		v = set(v, path{g.status.Name}, g.status.Default)
	}
	return set(v, path{g.resp.payload}, payload)
}

// messageMember names the response envelope's member that carries the
// response's message; "" when the envelope has none.
func (g *gen) messageMember() string {
	for _, f := range g.c.Response.Type.Fields {
		if f.Source == model.SourceMessage {
			return f.Name
		}
	}
	return ""
}

// withMessage sets the response envelope's message member, when it has
// one, to the response's message.
func (g *gen) withMessage(v *value.Value, message string) *value.Value {
	if m := g.messageMember(); m != "" {
		return set(v, path{m}, vStr(message))
	}
	return v
}

// messageCases: the message member, when there is one, is fixed.
func (g *gen) messageCases(schema string, base *value.Value, message string) {
	if m := g.messageMember(); m != "" {
		g.constStringCases(schema, base, path{m}, message)
	}
}

func (g *gen) responsePayload(op *model.Operation) *value.Value {
	if len(op.Response.Payload.Examples) > 0 {
		return g.withSourced(model.Complete(op.Response.Payload.Examples[0], op.Response.Payload), op.Response.Payload)
	}
	return g.synth(op.Response.Payload, op)
}

// withSourced sets the members of an example payload that a builder copies
// from the request, as the builder does.
func (g *gen) withSourced(v *value.Value, t *model.Type) *value.Value {
	for _, f := range t.Fields {
		if f.Source == model.SourceRequest && f.RequestField != nil && v.Get(f.Name) == nil {
			v = set(v, path{f.Name}, at(g.reqEnv, path{f.RequestField.Name}))
		}
	}
	return v
}

func (g *gen) respBase(name string) *value.Value {
	op := g.op(name)
	if op.Response.Shared() {
		return g.sharedDoc(op.Response, name)
	}
	return g.responseDoc(op, g.responsePayload(op))
}

// sharedDoc is the shared response r answering operation.
func (g *gen) sharedDoc(r *model.Response, operation string) *value.Value {
	v := withOp(g.respEnv, g.resp, operation)
	v = g.withMessage(v, r.Message)
	if g.status != nil && r.Status != nil {
		v = set(v, path{g.status.Name}, vStr(r.Status.Value))
	}
	payload := g.synth(r.Payload, nil)
	if len(r.Payload.Examples) > 0 {
		payload = g.withSourced(model.Complete(r.Payload.Examples[0], r.Payload), r.Payload)
	}
	return set(v, path{g.resp.payload}, payload)
}

// synth builds a valid object of type t from the spec: consts, sourced
// values (from the envelope examples), summaries from type examples, and a
// sample for the rest.
func (g *gen) synth(t *model.Type, op *model.Operation) *value.Value {
	if g.building == nil {
		g.building = map[*model.Type]bool{}
	}
	g.building[t] = true
	defer delete(g.building, t)
	if u := t.Union; u != nil && len(u.Variants) > 0 {
		return g.variantDoc(u, u.Variants[0]) // a union without an example
	}
	o := vObj()
	for _, f := range t.Fields {
		var v *value.Value
		switch {
		case f.Const != nil:
			v = f.Const
		case f.Source == model.SourceMessage && op != nil:
			v = vStr(op.Response.Message)
		case f.Source == model.SourceRequest && f.RequestField != nil:
			v = at(g.reqEnv, path{f.RequestField.Name})
		case f.Default != nil:
			v = f.Default
		case f.Optional && g.recurs(f.Type):
			// Left out: filling it would never end.
			continue
		case f.Nullable && g.recurs(f.Type):
			v = vNull()
		}
		if v == nil {
			v = g.constrained(f, g.sample(f.Type))
		}
		o.Members = append(o.Members, value.Member{Key: f.Name, Value: clone(v)})
	}
	return model.Complete(o, t)
}

// recurs reports whether a value of t would hold an object of a type being
// synthesized already.
func (g *gen) recurs(t *model.TypeRef) bool {
	for t.Elem != nil {
		t = t.Elem
	}
	return t.Kind == model.KindObject && g.building[t.Object]
}

// constrained makes a sample value satisfy the field's own rules: a
// timestamp for date-time, a listed sample for a pattern, the minimum for
// a number below it.
func (g *gen) constrained(f *model.Field, v *value.Value) *value.Value {
	switch {
	case v.Kind == value.String && f.Format == "date-time":
		return vStr("2026-01-01T00:00:00Z")
	case v.Kind == value.String && f.Format == "uuid":
		return vStr("0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b")
	case v.Kind == value.String && formatSamples[f.Format] != nil:
		return vStr(formatSamples[f.Format][0].s)
	case v.Kind == value.String && f.Pattern != "":
		if ps, ok := patternSamples[f.Pattern]; ok && len(ps.good) > 0 {
			return vStr(strings.TrimSpace(ps.good[0]))
		}
	case v.Kind == value.String && (f.MaxLength != nil && *f.MaxLength < 6 || f.MinLength != nil && *f.MinLength > 6):
		// "sample" resized to the lengths the field allows.
		return vStr(rep("s", max(deref(f.MinLength), min(deref(f.MaxLength), 6))))
	case (v.Kind == value.Int || v.Kind == value.Number) && f.Minimum != nil && v.Float() < f.Minimum.Float():
		return vNum(f.Minimum.Num)
	case (v.Kind == value.Int || v.Kind == value.Number) && f.Maximum != nil && v.Float() > f.Maximum.Float():
		return vNum(f.Maximum.Num)
	case (v.Kind == value.Int || v.Kind == value.Number) && f.ExclusiveMaximum != nil && v.Float() >= f.ExclusiveMaximum.Float():
		return vNum(strconv.FormatFloat(math.Ceil(f.ExclusiveMaximum.Float())-1, 'f', -1, 64))
	case v.Kind == value.List && minCount(f) > 0:
		// As many items as min_items asks for, different where they must be.
		next, item := itemOr, g.constrained(f, g.sample(f.Type.Elem))
		if f.UniqueItems {
			next = g.distinctItems(f, f.Type.Elem)
		}
		l := vList()
		for i := 0; i < minCount(f); i++ {
			l.Items = append(l.Items, clone(next(nil, i, item)))
		}
		return l
	case v.Kind == value.Object && f.Type.Kind == model.KindMap && minCount(f) > 0:
		item, m := g.constrained(f, g.sample(f.Type.Elem)), vObj()
		for _, k := range g.distinctKeys(f, "key", minCount(f)) {
			m.Members = append(m.Members, value.Member{Key: k, Value: clone(item)})
		}
		return m
	}
	return v
}

// minCount is the fewest items or entries a list or map field holds:
// min_items, and 1 for non_empty.
func minCount(f *model.Field) int {
	if f.NonEmpty {
		return max(deref(f.MinItems), 1)
	}
	return deref(f.MinItems)
}

// sample is some valid value of a type without constraints.
func (g *gen) sample(t *model.TypeRef) *value.Value {
	switch t.Kind {
	case model.KindString:
		return vStr("sample")
	case model.KindInteger:
		return vInt(1)
	case model.KindNumber:
		return vNum("1.5")
	case model.KindBoolean:
		return vBool(true)
	case model.KindState:
		return vStr(t.State.Values[0].Value)
	case model.KindList:
		return vList()
	case model.KindMap:
		return vObj()
	case model.KindObject:
		return g.typeBase(t.Object)
	}
	return vObj("note", "sample")
}

// ---------------------------------------------------------------------------
// The spec's examples

func (g *gen) examples() {
	for _, t := range g.c.Types {
		for i, ex := range t.Examples {
			g.add(t.Name, true, fmt.Sprintf("example-%d", i+1), "spec example of type "+t.Name, model.Complete(ex, t))
		}
	}
	for _, op := range g.c.Operations {
		for i, ex := range op.Request.Examples {
			g.add(op.Name+".request", true, fmt.Sprintf("example-%d", i+1),
				"request example of "+op.Name+" in the request envelope example", g.requestDoc(op, model.Complete(ex, op.Request)))
		}
		if !op.Response.Shared() {
			for i, ex := range op.Response.Payload.Examples {
				g.add(op.Name+".response", true, fmt.Sprintf("example-%d", i+1),
					"response example of "+op.Name+" in the response envelope example", g.responseDoc(op, g.withSourced(model.Complete(ex, op.Response.Payload), op.Response.Payload)))
			}
		}
	}
	// The envelope examples are whole messages of one operation.
	for i, ex := range g.c.Request.Type.Examples {
		v := model.Complete(ex, g.c.Request.Type)
		if opName := opOf(v, g.req); opName != "" {
			g.add(opName+".request", true, fmt.Sprintf("envelope-example-%d", i+1), "the request envelope example", v)
		}
	}
	for i, ex := range g.c.Response.Type.Examples {
		v := model.Complete(ex, g.c.Response.Type)
		opName := opOf(v, g.resp)
		if opName == "" {
			continue
		}
		g.add(opName+".response", true, fmt.Sprintf("envelope-example-%d", i+1), "the response envelope example", v)
		if op := g.op(opName); op.Response.Shared() {
			g.add(op.Response.Name+".response", true, fmt.Sprintf("envelope-example-%d", i+1), "the response envelope example", v)
		}
	}
}

// ---------------------------------------------------------------------------
// Generic cases, derived from the model

// mode says how thoroughly an object is mutated.
type mode int

const (
	full       mode = iota // every field, every constraint
	structural             // missing, unknown and case-variant members, one wrong type
)

func (g *gen) typeCases(t *model.Type) {
	g.ctxOp = nil
	if t.Union != nil {
		g.unionCases(t)
		return
	}
	base := g.typeBase(t)
	g.objectCases(t.Name, base, path{}, t, full)
}

// unionCases covers a union type: every variant value selects its variant,
// the discriminator must be present, a string, and one of the values; each
// variant is mutated structurally under the union.
func (g *gen) unionCases(t *model.Type) {
	u := t.Union
	for _, v := range u.Variants {
		doc := g.variantDoc(u, v)
		g.add(t.Name, true, "variant-"+v.Value, u.Discriminator+" "+v.Value+" selects "+v.Type.Name, doc)
		g.objectCases(t.Name, doc, path{}, t, structural)
	}
	base := g.variantDoc(u, u.Variants[0])
	g.add(t.Name, false, "missing-discriminator", u.Discriminator+" selects the variant, so it is required", del(base, path{u.Discriminator}))
	g.add(t.Name, false, "unknown-discriminator", model.UnionEnumMessage(u), set(base, path{u.Discriminator}, vStr("no_such_variant")))
	g.add(t.Name, false, "discriminator-not-string", u.Discriminator+" must be a string", set(base, path{u.Discriminator}, vInt(1)))
	g.add(t.Name, false, "array-not-union", t.Name+" must be an object", vList(base))
}

// variantDoc is a valid document of variant v of union u.
func (g *gen) variantDoc(u *model.Union, v *model.Variant) *value.Value {
	return set(g.typeBase(v.Type), path{u.Discriminator}, vStr(v.Value))
}

func (g *gen) requestCases(op *model.Operation, envelopeToo bool) {
	g.ctxOp = op
	schema := op.Name + ".request"
	base := g.reqBase(op.Name)
	g.fixedEnvelopeCases(schema, base)
	if envelopeToo {
		g.objectCasesExcept(schema, base, path{}, g.c.Request.Type, full, g.req.payload)
	}
	g.payloadCases(schema, base)
	g.objectCases(schema, base, path{g.req.payload}, op.Request, full)
	// Other operations' requests are not this one.
	for _, other := range g.c.Operations {
		if other != op {
			g.add(schema, false, "operation-"+other.Name, "a request of "+other.Name+" is not one of "+op.Name,
				g.requestDoc(other, g.requestPayload(other)))
			break
		}
	}
}

func (g *gen) responseCases(op *model.Operation, envelopeToo bool) {
	g.ctxOp, g.ctxResp = op, op.Response
	schema := op.Name + ".response"
	base := g.respBase(op.Name)
	g.fixedEnvelopeCases(schema, base)
	except := []string{g.resp.payload}
	if op.Response.Status != nil {
		except = append(except, g.statusName())
	}
	if envelopeToo {
		g.objectCasesExcept(schema, base, path{}, g.c.Response.Type, full, except...)
	} else {
		g.messageCases(schema, base, op.Response.Message)
	}
	g.sharedFixedCases(schema, base, op.Response)
	if g.status != nil && op.Response.Status == nil {
		for _, sv := range g.status.Type.State.Values {
			g.add(schema, true, "status-"+sv.Value, "an own response may carry any "+g.status.Name,
				set(base, path{g.status.Name}, vStr(sv.Value)))
		}
	}
	g.payloadCases(schema, base)
	g.objectCases(schema, base, path{g.resp.payload}, op.Response.Payload, full)
	for _, r := range g.c.Responses {
		// An envelope without an operation, status or message member can
		// leave the two alike on the wire; then nothing tells them apart.
		if shared := g.sharedDoc(r, op.Name); !bytes.Equal(writeJSON(shared), writeJSON(base)) {
			g.add(schema, false, r.Name+"-response", "the shared "+r.Name+" response is not "+op.Name+"'s own response", shared)
		}
	}
}

// sharedOpCases covers <op>.response of an operation a shared response answers.
func (g *gen) sharedOpCases(op *model.Operation) {
	r := op.Response
	g.ctxOp, g.ctxResp = nil, r
	schema := op.Name + ".response"
	base := g.sharedDoc(r, op.Name)
	g.add(schema, true, r.Name, "the shared "+r.Name+" response of "+op.Name, base)
	g.fixedEnvelopeCases(schema, base)
	g.messageCases(schema, base, r.Message)
	g.sharedFixedCases(schema, base, r)
	g.objectCases(schema, base, path{g.resp.payload}, r.Payload, structural)
}

// errorCases covers <op>.<error>.error: the error response fixes the
// operation, its message and its status; its payload is mutated in full.
func (g *gen) errorCases(op *model.Operation, e *model.Response) {
	g.ctxOp, g.ctxResp = op, e
	schema := op.Name + "." + e.Name + ".error"
	base := g.sharedDoc(e, op.Name)
	g.add(schema, true, "error", "the "+e.Name+" error of "+op.Name, base)
	g.fixedEnvelopeCases(schema, base)
	g.messageCases(schema, base, e.Message)
	g.sharedFixedCases(schema, base, e)
	g.payloadCases(schema, base)
	g.objectCases(schema, base, path{g.resp.payload}, e.Payload, full)
}

// sharedCases covers <name>.response of a shared response.
func (g *gen) sharedCases(r *model.Response) {
	schema := r.Name + ".response"
	g.ctxOp, g.ctxResp = nil, r
	for _, op := range g.c.Operations {
		g.add(schema, true, "operation-"+op.Name, "the shared "+r.Name+" response may answer any operation", g.sharedDoc(r, op.Name))
	}
	base := g.sharedDoc(r, g.c.Operations[0].Name)
	if g.resp.op != "" {
		g.add(schema, false, "operation-unknown", "operation must name an operation of the contract", withOp(base, g.resp, "no_such_operation"))
	}
	g.fixedEnvelopeCases(schema, base)
	except := []string{g.resp.payload}
	if r.Status != nil {
		except = append(except, g.statusName())
	}
	g.objectCasesExcept(schema, base, path{}, g.c.Response.Type, full, except...)
	g.sharedFixedCases(schema, base, r)
	g.payloadCases(schema, base)
	g.objectCases(schema, base, path{g.resp.payload}, r.Payload, full)
}

func (g *gen) statusName() string {
	if g.status == nil {
		return ""
	}
	return g.status.Name
}

// sharedFixedCases: a response with a status fixes it.
func (g *gen) sharedFixedCases(schema string, base *value.Value, r *model.Response) {
	if g.status == nil || r.Status == nil {
		return
	}
	fixed := r.Status.Value
	for _, sv := range g.status.Type.State.Values {
		if sv.Value != fixed {
			g.add(schema, false, "status-"+sv.Value, "the "+r.Name+" response's "+g.status.Name+" is always "+fixed,
				set(base, path{g.status.Name}, vStr(sv.Value)))
			break
		}
	}
	g.add(schema, g.status.Default != nil && g.status.Default.Str == fixed, "omit-"+g.status.Name,
		"an absent status stands for its default, which must be the fixed status", del(base, path{g.status.Name}))
}

// fixedEnvelopeCases checks the members every message fixes: the version and
// the operation.
func (g *gen) fixedEnvelopeCases(schema string, base *value.Value) {
	fixed := g.keys(schema).fixed
	for _, f := range envFields(base) {
		if fixed[f] {
			g.constStringCases(schema, base, path{f}, at(base, path{f}).Str)
		}
	}
}

func envFields(v *value.Value) []string {
	var out []string
	for _, m := range v.Members {
		out = append(out, m.Key)
	}
	return out
}

// constStringCases: a fixed string must be exactly itself.
func (g *gen) constStringCases(schema string, base *value.Value, p path, fixed string) {
	g.add(schema, false, "const-"+p.String()+"-changed", p.String()+" is fixed", set(base, p, vStr(fixed+" ")))
	g.add(schema, false, "missing-"+p.String(), p.String()+" is required", del(base, p))
	if g.once("const-variants/" + schema[strings.LastIndex(schema, ".")+1:] + "/" + p.String()) {
		if swapCase(fixed) != fixed {
			g.add(schema, false, "const-"+p.String()+"-case", p.String()+" is fixed, case included", set(base, p, vStr(swapCase(fixed))))
		}
		g.add(schema, false, "type-"+p.String(), p.String()+" is a string", set(base, p, vInt(1)))
	}
}

func swapCase(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r - 32
		case r >= 'A' && r <= 'Z':
			return r + 32
		}
		return r
	}, s)
}

// payloadCases: an operation's message carries its payload object.
func (g *gen) payloadCases(schema string, base *value.Value) {
	p := path{g.keys(schema).payload}
	g.add(schema, false, "missing-payload", "every message carries its payload", del(base, p))
	g.add(schema, false, "null-payload", "the payload is an object", set(base, p, vNull()))
	g.add(schema, false, "type-payload-list", "the payload is an object", set(base, p, vList(at(base, p))))
	g.add(schema, false, "type-payload-string", "the payload is an object", set(base, p, vStr("{}")))
}

func (g *gen) objectCases(schema string, base *value.Value, p path, t *model.Type, m mode) {
	g.objectCasesExcept(schema, base, p, t, m)
}

// objectCasesExcept mutates the object of type t at p, leaving the named
// fields alone.
func (g *gen) objectCasesExcept(schema string, base *value.Value, p path, t *model.Type, m mode, except ...string) {
	obj := at(base, p)
	if obj == nil || obj.Kind != value.Object {
		g.t.Fatalf("%s %s: no object at %s", g.spec, schema, p)
	}
	if t.Union != nil {
		// A union's members are those of the variant its value selects.
		vr, _ := t.Union.Select(obj, "")
		if vr == nil {
			g.t.Fatalf("%s %s: the union value at %s selects no variant", g.spec, schema, p)
		}
		g.objectCasesExcept(schema, base, p, vr.Type, m, append(except, t.Union.Discriminator)...)
		return
	}
	skip := map[string]bool{}
	for _, e := range except {
		skip[e] = true
	}
	where := p.String()
	// Unknown and case-variant members.
	unknownWhy := "unknown member in " + t.Name
	if t.Open {
		unknownWhy = t.Name + " is open: members it does not model are skipped"
	}
	g.add(schema, t.Open, "unknown-member-"+where, unknownWhy, insertAt(base, p, -1, "zz_unknown", vInt(1)))
	if m == full {
		g.add(schema, t.Open, "unknown-member-first-"+where, unknownWhy, insertAt(base, p, 0, "x_extra", vStr("x")))
		if t.Open {
			g.add(schema, true, "unknown-object-member-"+where, unknownWhy, insertAt(base, p, -1, "zz_nested", vList(vStr("a"), vNull())))
		}
	}
	for _, f := range t.Fields {
		if at(base, p.with(f.Name)) == nil || skip[f.Name] {
			continue
		}
		variant := caseVariant(f.Name)
		if variant == "" {
			continue
		}
		g.add(schema, false, "case-variant-"+p.with(variant).String(), "member "+f.Name+" spelled "+variant,
			rename(base, p.with(f.Name), variant))
		if m == full && g.once("case-duplicate/"+t.Name) {
			g.add(schema, false, "case-duplicate-"+p.with(variant).String(), "member "+f.Name+" and a case variant "+variant,
				insertAt(base, p, -1, variant, at(base, p.with(f.Name))))
		}
		break
	}
	if m == full && g.once("empty-object/"+schema+"/"+t.Name) {
		wire := false
		for _, f := range t.Fields {
			wire = wire || f.WireRequired()
		}
		g.add(schema, !wire, "empty-object-"+where, "an empty "+t.Name, set2(base, p, vObj()))
	}
	for i, f := range t.Fields {
		if skip[f.Name] {
			continue
		}
		if m == structural {
			// One wire-required member missing, one wrong type.
			fp := p.with(f.Name)
			cur := at(base, fp)
			if cur == nil {
				continue
			}
			if f.WireRequired() && g.once("structural-missing/"+schema+"/"+where) {
				g.add(schema, false, "missing-"+fp.String(), f.Name+" is required in "+t.Name, del(base, fp))
			}
			if i == 0 {
				for _, w := range wrongTypes(f.Type) {
					g.add(schema, false, "type-"+fp.String(), fp.String()+" has the wrong JSON type", set(base, fp, w))
					break
				}
			}
			continue
		}
		g.fieldCases(schema, base, p.with(f.Name), f, t, m)
	}
}

// set2 is set that also accepts the root path.
func set2(base *value.Value, p path, nv *value.Value) *value.Value {
	if len(p) == 0 {
		return clone(nv)
	}
	return set(base, p, nv)
}

// caseVariant is name with its first cased letter in the other case
// ("@type" gives "@Type"), or "" when name has no cased letter ("0").
func caseVariant(name string) string {
	for i, r := range name {
		u := unicode.ToUpper(r)
		if u == r {
			u = unicode.ToLower(r)
		}
		if u != r {
			return name[:i] + string(u) + name[i+utf8.RuneLen(r):]
		}
	}
	return ""
}

// wrongTypes are values of JSON types other than t's.
func wrongTypes(t *model.TypeRef) []*value.Value {
	switch t.Kind {
	case model.KindString, model.KindState:
		return []*value.Value{vInt(7), vBool(true)}
	case model.KindInteger:
		return []*value.Value{vStr("1"), vNum("1.5")}
	case model.KindNumber:
		return []*value.Value{vStr("1.5"), vBool(false)}
	case model.KindBoolean:
		return []*value.Value{vStr("true"), vInt(1)}
	case model.KindList:
		return []*value.Value{vObj(), vStr("a")}
	case model.KindMap, model.KindObject:
		return []*value.Value{vList(), vStr("a")}
	}
	return nil
}

// fieldCases mutates the member at p, a field f of its object.
func (g *gen) fieldCases(schema string, base *value.Value, p path, f *model.Field, owner *model.Type, m mode) {
	if f = g.effective(f); f == nil {
		return
	}
	cur := at(base, p)
	name := p.String()
	if cur != nil {
		g.add(schema, !f.WireRequired(), "omit-"+name, omitWhy(f), del(base, p))
	}
	kind := f.Type.Kind
	nullOK := f.Nullable || kind == model.KindAny
	g.add(schema, nullOK, "null-"+name, nullWhy(f), set(base, p, vNull()))
	for i, w := range wrongTypes(f.Type) {
		if i > 0 && (m == structural || !g.once("wrong-type/"+string(kind)+"/"+string(w.Kind))) {
			break
		}
		g.add(schema, false, "type-"+name+"-"+string(w.Kind), name+" is "+f.Type.String()+", not "+string(w.Kind), set(base, p, w))
	}
	if m == structural {
		return
	}
	if f.Const != nil {
		g.constCases(schema, base, p, f)
		return
	}
	switch kind {
	case model.KindString, model.KindInteger, model.KindNumber, model.KindBoolean, model.KindState:
		for _, c := range g.scalarCandidates(f, f.Type) {
			g.add(schema, scalarOK(f, f.Type, c.v, true), c.name+"-"+name, c.why, set(base, p, c.v))
		}
	case model.KindList:
		g.listCases(schema, base, p, f)
	case model.KindMap:
		g.mapCases(schema, base, p, f)
	case model.KindAny:
		g.jsonCases(schema, base, p)
	case model.KindObject:
		// An optional member left out, or a nullable one held null, has no
		// object to mutate; the cases above cover it.
		if cur != nil && cur.Kind == value.Object {
			g.objectCases(schema, base, p, f.Type.Object, structural)
		}
	}
}

// effective is the field as a message constrains it: sourced fixed texts
// become consts, copied request members take the request field's type and
// nullability; nil for the version and operation, which fixedEnvelopeCases
// covers.
func (g *gen) effective(f *model.Field) *model.Field {
	switch f.Source {
	case model.SourceVersion, model.SourceOperation:
		return nil
	case model.SourceMessage:
		e := *f
		e.Const = g.fixedValue(f.Source)
		e.Required = true // fixed by its source: still sent (see WireRequired)
		return &e
	case model.SourceRequest:
		if f.RequestField == nil {
			return nil
		}
		r := g.effective(f.RequestField)
		if r == nil {
			return nil
		}
		// The copy keeps the request field's type and nullability; its
		// value constraints are checked on the request only.
		e := *r
		e.Name = f.Name
		e.Default, e.DefaultList, e.Generate = nil, nil, nil
		e.Source = model.SourceNone
		e.NonEmpty, e.Trim = false, false
		e.MinLength, e.MaxLength, e.MinItems, e.MaxItems = nil, nil, nil, nil
		e.Minimum, e.Maximum, e.ExclusiveMinimum, e.ExclusiveMaximum = nil, nil, nil, nil
		e.Pattern, e.Format = "", ""
		return &e
	}
	return f
}

// fixedValue is the text a sourced field always carries in the current
// operation's messages.
func (g *gen) fixedValue(src model.Source) *value.Value {
	if src == model.SourceMessage && g.ctxResp != nil {
		return vStr(g.ctxResp.Message)
	}
	return nil
}

func omitWhy(f *model.Field) string {
	switch {
	case f.WireRequired():
		return f.Name + " has no default, so it must be present"
	case f.Default != nil:
		return f.Name + " may be left out: it has a default"
	case f.Const != nil:
		return f.Name + " may be left out: it is a const"
	case f.Optional:
		return f.Name + " may be left out: it is optional"
	}
	return f.Name + " may be left out: it is nullable and holds null"
}

func nullWhy(f *model.Field) string {
	switch {
	case f.Type.Kind == model.KindAny:
		return f.Name + " is free-form JSON, null included"
	case f.Nullable:
		return f.Name + " is nullable"
	}
	return f.Name + " is not nullable"
}

func (g *gen) constCases(schema string, base *value.Value, p path, f *model.Field) {
	name := p.String()
	c := f.Const
	switch c.Kind {
	case value.String:
		g.add(schema, false, "const-"+name+"-changed", name+" is fixed", set(base, p, vStr(c.Str+".")))
		if swapCase(c.Str) != c.Str {
			g.add(schema, false, "const-"+name+"-case", name+" is fixed, case included", set(base, p, vStr(swapCase(c.Str))))
		}
		g.add(schema, false, "const-"+name+"-padded", name+" is fixed; surrounding spaces count", set(base, p, vStr(" "+c.Str)))
	case value.Bool:
		g.add(schema, false, "const-"+name+"-changed", name+" is always "+strconv.FormatBool(c.Bool), set(base, p, vBool(!c.Bool)))
	case value.Int:
		n, _ := strconv.ParseInt(c.Num, 10, 64)
		g.add(schema, false, "const-"+name+"-changed", name+" is always "+c.Num, set(base, p, vInt(n+1)))
		g.add(schema, true, "const-"+name+"-as-float", name+" is "+c.Num+"; "+c.Num+".0 is the same number", set(base, p, vNum(c.Num+".0")))
	case value.List:
		if len(c.Items) > 1 {
			rev := clone(c)
			rev.Items[0], rev.Items[1] = rev.Items[1], rev.Items[0]
			g.add(schema, false, "const-"+name+"-reordered", name+" is a fixed list, order included", set(base, p, rev))
		}
		short := clone(c)
		if len(short.Items) > 0 {
			short.Items = short.Items[:len(short.Items)-1]
			g.add(schema, false, "const-"+name+"-shorter", name+" is a fixed list", set(base, p, short))
		}
	}
}

// candidate is one scalar value to try.
type candidate struct {
	name, why string
	v         *value.Value
}

// scalarCandidates are the values that put t's constraints of f to the test.
func (g *gen) scalarCandidates(f *model.Field, t *model.TypeRef) []candidate {
	var out []candidate
	addc := func(name, why string, v *value.Value) { out = append(out, candidate{name, why, v}) }
	switch t.Kind {
	case model.KindBoolean:
		addc("bool-true", "a boolean", vBool(true))
		addc("bool-false", "a boolean", vBool(false))
	case model.KindState:
		if g.once("state-values/" + t.State.Name) {
			for _, sv := range t.State.Values {
				addc("enum-"+sv.Value, "a value of "+t.State.Name, vStr(sv.Value))
			}
			addc("enum-empty", "the empty string is no "+t.State.Name, vStr(""))
			addc("enum-padded", "state values are exact; no trimming", vStr(" "+t.State.Values[0].Value))
		}
		addc("enum-unknown", "not a value of "+t.State.Name, vStr("not_a_"+t.State.Name))
		addc("enum-case", "state values are case-sensitive", vStr(strings.ToUpper(t.State.Values[0].Value)))
	case model.KindInteger, model.KindNumber:
		out = append(out, g.numberCandidates(f, t)...)
	case model.KindString:
		out = append(out, g.stringCandidates(f)...)
	}
	return out
}

func (g *gen) numberCandidates(f *model.Field, t *model.TypeRef) []candidate {
	var out []candidate
	addc := func(name, why string, v *value.Value) { out = append(out, candidate{name, why, v}) }
	isInt := t.Kind == model.KindInteger
	step := 0.001
	if isInt {
		step = 1
	}
	num := func(x float64) *value.Value {
		if isInt && x == float64(int64(x)) {
			return vInt(int64(x))
		}
		return vNum(strconv.FormatFloat(x, 'f', -1, 64))
	}
	if f.Minimum != nil {
		mn := f.Minimum.Float()
		addc("minimum", "the minimum is inclusive", vNum(f.Minimum.Num))
		if mn-step != mn && mn-step >= math.MinInt64 { // not past what 64 bits hold
			addc("below-minimum", "below the minimum "+f.Minimum.Num, num(mn-step))
		}
	}
	if f.Maximum != nil {
		mx := f.Maximum.Float()
		addc("maximum", "the maximum is inclusive", vNum(f.Maximum.Num))
		if mx+step != mx && mx+step < math.MaxInt64 {
			addc("above-maximum", "above the maximum "+f.Maximum.Num, num(mx+step))
		}
	}
	if b := f.ExclusiveMinimum; b != nil {
		addc("exclusive-minimum", "the exclusive minimum itself is out", vNum(b.Num))
		addc("above-exclusive-minimum", "just above the exclusive minimum "+b.Num, num(b.Float()+step))
	}
	if b := f.ExclusiveMaximum; b != nil {
		addc("exclusive-maximum", "the exclusive maximum itself is out", vNum(b.Num))
		addc("below-exclusive-maximum", "just below the exclusive maximum "+b.Num, num(b.Float()-step))
	}
	mid := 5.0
	switch {
	case f.Minimum != nil && f.Maximum != nil:
		mid = (f.Minimum.Float() + f.Maximum.Float()) / 2
		if isInt {
			mid = float64(int64(mid))
		}
	case f.Minimum != nil:
		mid = f.Minimum.Float() + 5
	}
	if isInt {
		addc("fraction", "an integer has no fraction", vNum(strconv.FormatFloat(mid+0.5, 'f', -1, 64)))
		addc("integral-float", "a number with a zero fraction is an integer in JSON Schema and in Go", vNum(strconv.FormatFloat(mid, 'f', 1, 64)))
		if g.once("exponent") {
			addc("exponent", "an integer may be written with an exponent", vNum(strconv.FormatFloat(mid/100, 'f', -1, 64)+"e2"))
		}
		if f.Maximum == nil && f.ExclusiveMaximum == nil {
			addc("above-int64", "Go holds integers in 64 bits, and the schema says so", vNum("100000000000000000000"))
		}
		if f.Minimum == nil && f.ExclusiveMinimum == nil {
			addc("below-int64", "Go holds integers in 64 bits, and the schema says so", vNum("-100000000000000000000"))
		}
	} else {
		addc("integer-value", "an integer is a number", num(mid))
	}
	if f.Minimum == nil || f.Minimum.Float() > -1 {
		addc("negative", "a negative number", num(-1))
	}
	return out
}

// stringCandidates put f's string constraints to the test.
func (g *gen) stringCandidates(f *model.Field) []candidate {
	var out []candidate
	addc := func(name, why string, v string) { out = append(out, candidate{name, why, vStr(v)}) }
	switch {
	case f.Pattern != "":
		ps, ok := patternSamples[f.Pattern]
		if !ok {
			g.t.Fatalf("%s: no samples for pattern %q (field %s); add them to patternSamples", g.spec, f.Pattern, f.Name)
		}
		for i, s := range ps.good {
			addc(fmt.Sprintf("pattern-match-%d", i+1), "matches "+f.Pattern, s)
		}
		for i, s := range ps.bad {
			addc(fmt.Sprintf("pattern-miss-%d", i+1), "nearly matches "+f.Pattern, s)
		}
	case f.Format == "uuid":
		for i, u := range uuids {
			name := "uuid-bad"
			if u.ok {
				name = "uuid-good"
			}
			addc(fmt.Sprintf("%s-%d", name, i+1), u.why, u.s)
		}
	case formatSamples[f.Format] != nil:
		for i, fs := range formatSamples[f.Format] {
			name := f.Format + "-bad"
			if fs.ok {
				name = f.Format + "-good"
			}
			addc(fmt.Sprintf("%s-%d", name, i+1), fs.why, fs.s)
		}
	case f.Format == "date-time":
		all := g.once("date-time")
		for i, dt := range dateTimes {
			if all || i < 2 || dt.s == "" {
				name := "date-time-bad"
				if dt.ok {
					name = "date-time-good"
				}
				addc(fmt.Sprintf("%s-%d", name, i+1), dt.why, dt.s)
			}
		}
	}
	if f.MinLength != nil || f.MaxLength != nil {
		lengths := map[int]bool{}
		if f.MinLength != nil {
			lengths[*f.MinLength] = true
			if *f.MinLength > 0 {
				lengths[*f.MinLength-1] = true
			}
		}
		if f.MaxLength != nil {
			lengths[*f.MaxLength] = true
			lengths[*f.MaxLength+1] = true
		}
		ls := make([]int, 0, len(lengths))
		for n := range lengths {
			ls = append(ls, n)
		}
		sort.Ints(ls)
		for _, n := range ls {
			addc(fmt.Sprintf("length-%d", n), fmt.Sprintf("%d characters", n), fillTo(f.Pattern, n))
		}
		if f.Pattern == "" && f.MaxLength != nil && g.once("length-astral") {
			addc(fmt.Sprintf("length-%d-astral", *f.MaxLength), "lengths count code points: astral characters count once",
				strings.Repeat("\U0001F600", *f.MaxLength))
			addc(fmt.Sprintf("length-%d-astral", *f.MaxLength+1), "lengths count code points: astral characters count once",
				strings.Repeat("\U0001F600", *f.MaxLength+1))
		}
		if f.Pattern == "" && f.MinLength != nil && *f.MinLength > 2 && f.Trim {
			n := *f.MinLength
			addc(fmt.Sprintf("length-%d-padded", n), "lengths count the value as sent, spaces included",
				" "+strings.Repeat("b", n-2)+" ")
		}
	}
	if (f.NonEmpty || f.Trim) && f.Format == "" {
		addc("empty", "the empty string", "")
		if f.Trim && f.NonEmpty {
			all := g.once("blank")
			for i, ws := range whitespaceSamples {
				if all || i < 2 {
					addc(fmt.Sprintf("blank-%d", i+1), ws.why, ws.s)
				}
			}
			if all {
				for i, s := range notBlankSamples {
					addc(fmt.Sprintf("not-blank-%d", i+1), s.why, s.s)
				}
			}
		}
	}
	if f.Pattern == "" && f.Format == "" && f.MinLength == nil && f.MaxLength == nil && !f.NonEmpty && !f.Trim {
		addc("empty", "a plain string may be empty", "")
		if g.once("plain-text") {
			addc("text-unicode", "a plain string may hold any text", "Caf\u00e9 \u2713 \u4e2d\u6587 \U0001F600 \"quoted\" \\ /")
			addc("text-controls", "control characters are text too", "line\nbreak\ttab\u0001")
		}
	}
	return out
}

// fillTo is a string of n characters that matches pattern where it can.
func fillTo(pattern string, n int) string {
	if n <= 0 {
		return ""
	}
	if ps, ok := patternSamples[pattern]; ok && ps.fill != nil {
		return ps.fill(n)
	}
	s := strings.Repeat("abcdefghij", n/10+1)
	return s[:n]
}

func (g *gen) listCases(schema string, base *value.Value, p path, f *model.Field) {
	name := p.String()
	cur := at(base, p)
	elem := f.Type.Elem
	minItems := 0
	if f.MinItems != nil {
		minItems = *f.MinItems
	}
	if f.NonEmpty && minItems < 1 {
		minItems = 1
	}
	g.add(schema, minItems == 0, "empty-list-"+name, fmt.Sprintf("%s needs at least %d items", name, minItems), set(base, p, vList()))
	first := g.elemSample(elem, cur)
	itemOr := itemOr
	if f.UniqueItems {
		itemOr = g.distinctItems(f, elem)
		two := vList(clone(first), clone(first))
		for i := 2; i < minItems; i++ {
			two.Items = append(two.Items, itemOr(cur, i, first))
		}
		g.add(schema, false, "repeated-item-"+name, name+" must not hold the same item twice", set(base, p, two))
	}
	if minItems > 1 {
		for _, n := range []int{minItems - 1, minItems} {
			l := vList()
			for i := 0; i < n; i++ {
				l.Items = append(l.Items, clone(itemOr(cur, i, first)))
			}
			g.add(schema, n >= minItems, fmt.Sprintf("items-%d-%s", n, name), fmt.Sprintf("%s needs at least %d items", name, minItems), set(base, p, l))
		}
	}
	if f.MaxItems != nil {
		for _, n := range []int{*f.MaxItems, *f.MaxItems + 1} {
			if n < minItems {
				continue
			}
			l := vList()
			for i := 0; i < n; i++ {
				l.Items = append(l.Items, clone(itemOr(cur, i, first)))
			}
			g.add(schema, n <= *f.MaxItems, fmt.Sprintf("items-%d-%s", n, name), fmt.Sprintf("%s holds at most %d items", name, *f.MaxItems), set(base, p, l))
		}
	}
	// Put each candidate first in the list.
	one := func(v *value.Value) *value.Value {
		l := vList(clone(v))
		for i, j := 1, 1; i < minItems; i, j = i+1, j+1 {
			next := itemOr(cur, j, first)
			if f.UniqueItems && sameScalar(next, v) {
				// The candidate took this item's place; take the next.
				j++
				next = itemOr(cur, j, first)
			}
			l.Items = append(l.Items, clone(next))
		}
		return l
	}
	ip := p.with(0)
	withItem := func(v *value.Value) *value.Value { return set(base, p, one(v)) }
	for _, w := range wrongTypes(elem) {
		g.add(schema, false, "item-type-"+name, "items of "+name+" are "+elem.String(), withItem(w))
		break
	}
	if elem.Kind != model.KindAny {
		g.add(schema, false, "item-null-"+name, "items of "+name+" are not nullable", withItem(vNull()))
	}
	switch elem.Kind {
	case model.KindString, model.KindInteger, model.KindNumber, model.KindBoolean, model.KindState:
		for _, c := range g.scalarCandidates(f, elem) {
			g.add(schema, scalarOK(f, elem, c.v, false), "item-"+c.name+"-"+name, c.why+" (a list item)", withItem(c.v))
		}
	case model.KindObject:
		b2 := withItem(first)
		g.objectCases(schema, b2, ip, elem.Object, structural)
	case model.KindList:
		inner := elem.Elem
		g.add(schema, true, "item-empty-list-"+name, "an inner list may be empty", withItem(vList()))
		for _, w := range wrongTypes(inner) {
			g.add(schema, false, "inner-item-type-"+name, "inner items of "+name+" are "+inner.String(), withItem(vList(w)))
			break
		}
		if inner.Kind == model.KindInteger {
			g.add(schema, true, "inner-item-integral-float-"+name, "2.0 is an integer", withItem(vList(vNum("2.0"))))
			g.add(schema, false, "inner-item-fraction-"+name, "2.5 is no integer", withItem(vList(vNum("2.5"))))
		}
	case model.KindAny:
		g.add(schema, true, "item-mixed-"+name, "free-form items may be any JSON", set(base, p,
			vList(vNull(), vInt(1), vNum("2.5"), vStr("three"), vList(vBool(true)), vObj("k", vObj("k2", vList())))))
	}
}

// sameScalar reports whether a and b are the same scalar value.
func sameScalar(a, b *value.Value) bool {
	return a.Kind == b.Kind && a.Str == b.Str && a.Num == b.Num && a.Bool == b.Bool && len(a.Items) == 0 && len(b.Items) == 0 && len(a.Members) == 0 && len(b.Members) == 0
}

func itemOr(l *value.Value, i int, def *value.Value) *value.Value {
	if l != nil && l.Kind == value.List && i < len(l.Items) {
		return l.Items[i]
	}
	return def
}

// elemSample is a valid item: the first one of cur, else a sample.
func (g *gen) elemSample(elem *model.TypeRef, cur *value.Value) *value.Value {
	if cur != nil && cur.Kind == value.List && len(cur.Items) > 0 {
		return cur.Items[0]
	}
	if cur != nil && cur.Kind == value.Object && len(cur.Members) > 0 {
		return cur.Members[0].Value
	}
	return g.sample(elem)
}

func (g *gen) mapCases(schema string, base *value.Value, p path, f *model.Field) {
	name := p.String()
	if cur := at(base, p); cur == nil || cur.Kind != value.Object { // left out, or null
		base = set(base, p, vObj())
	}
	cur := at(base, p)
	elem := f.Type.Elem
	emptyWhy := "a map may be empty"
	if minCount(f) > 0 {
		emptyWhy = fmt.Sprintf("%s holds at least %d entries", name, minCount(f))
	}
	g.add(schema, minCount(f) == 0, "empty-map-"+name, emptyWhy, set(base, p, vObj()))
	sample := g.elemSample(elem, cur)
	withEntry := func(key string, v *value.Value) *value.Value { return insertAt(base, p, -1, key, v) }
	// The key of an added entry: one the key pattern accepts and no
	// forbidden-key rule refuses.
	extra := "extra_key"
	if g.c.Forbidden.KeyForbiddenAnywhere(extra) {
		extra = "extra"
	}
	if !keyOK(f, extra) {
		k, ok := pattern.Sample(f.KeyPattern, 0, -1)
		if !ok {
			g.t.Fatalf("%s: no key for %s matches %s", g.spec, name, f.KeyPattern)
		}
		extra = k
	}
	g.add(schema, true, "map-entry-"+name, "any key is allowed in a map", withEntry(extra, sample))
	if g.once("map-keys") || f.KeyPattern != "" {
		g.add(schema, keyOK(f, ""), "map-key-empty-"+name, "the empty key is a key, unless key_pattern refuses it", withEntry("", sample))
		g.add(schema, keyOK(f, "cl\u00e9 \u4e2d"), "map-key-unicode-"+name, "map keys may be any text, unless key_pattern refuses it", withEntry("cl\u00e9 \u4e2d", sample))
	}
	if f.KeyPattern != "" {
		g.add(schema, false, "map-key-pattern-miss-"+name, "every key matches "+f.KeyPattern, withEntry("Ward", sample))
		g.add(schema, false, "map-key-pattern-newline-"+name, "a final line feed is not matched by $", withEntry("ward\n", sample))
	}
	if f.MaxItems != nil || f.MinItems != nil {
		keys := g.distinctKeys(f, extra, max(deref(f.MaxItems)+1, deref(f.MinItems)))
		full := func(n int) *value.Value {
			m := vObj()
			for i := 0; i < n; i++ {
				m.Members = append(m.Members, value.Member{Key: keys[i], Value: clone(sample)})
			}
			return set(base, p, m)
		}
		if f.MaxItems != nil {
			g.add(schema, true, fmt.Sprintf("entries-%d-%s", *f.MaxItems, name), fmt.Sprintf("%s holds at most %d entries", name, *f.MaxItems), full(*f.MaxItems))
			g.add(schema, false, fmt.Sprintf("entries-%d-%s", *f.MaxItems+1, name), fmt.Sprintf("%s holds at most %d entries", name, *f.MaxItems), full(*f.MaxItems+1))
		}
		if f.MinItems != nil && *f.MinItems > 0 {
			g.add(schema, false, fmt.Sprintf("entries-%d-%s", *f.MinItems-1, name), fmt.Sprintf("%s holds at least %d entries", name, *f.MinItems), full(*f.MinItems-1))
		}
	}
	for _, w := range wrongTypes(elem) {
		g.add(schema, false, "map-value-type-"+name, "values of "+name+" are "+elem.String(), withEntry(extra, w))
		break
	}
	if elem.Kind != model.KindAny {
		g.add(schema, false, "map-value-null-"+name, "values of "+name+" are not nullable", withEntry(extra, vNull()))
	}
	switch elem.Kind {
	case model.KindString, model.KindInteger, model.KindNumber, model.KindBoolean, model.KindState:
		for _, c := range g.scalarCandidates(f, elem) {
			g.add(schema, scalarOK(f, elem, c.v, false), "map-value-"+c.name+"-"+name, c.why+" (a map value)", withEntry(extra, c.v))
		}
	case model.KindList:
		g.add(schema, true, "map-value-empty-list-"+name, "a list value may be empty", withEntry(extra, vList()))
		for _, w := range wrongTypes(elem.Elem) {
			g.add(schema, false, "map-value-item-type-"+name, "items of the values of "+name+" are "+elem.Elem.String(), withEntry(extra, vList(w)))
			break
		}
	case model.KindAny:
		g.add(schema, true, "map-value-mixed-"+name, "free-form values may be any JSON",
			withEntry(extra, vList(vNull(), vNum("1e3"), vObj("deep", vObj("deeper", vList(vBool(false)))))))
	case model.KindObject:
		b2 := withEntry(extra, sample)
		g.objectCases(schema, b2, p.with(extra), elem.Object, structural)
	}
}

func (g *gen) jsonCases(schema string, base *value.Value, p path) {
	name := p.String()
	vals := []struct {
		n string
		v *value.Value
	}{
		{"object", vObj("nested", vObj("list", vList(vInt(1), vStr("two"), vNull())), "flag", vBool(true))},
		{"list", vList(vList(vList()), vObj())},
		{"string", vStr("free text")},
		{"number", vNum("-12.5e-3")},
		{"bool", vBool(false)},
	}
	for i, x := range vals {
		if i > 0 && !g.once("json-kinds/"+x.n) {
			continue
		}
		g.add(schema, true, "json-"+x.n+"-"+name, name+" is free-form JSON", set(base, p, x.v))
	}
}

// wholeDocumentCases: documents that are not objects at all.
func (g *gen) wholeDocumentCases() {
	var schemas []string
	if len(g.c.Operations) > 0 {
		schemas = append(schemas, g.c.Operations[0].Name+".request")
	}
	if len(g.c.Types) > 0 {
		schemas = append(schemas, g.c.Types[0].Name)
	}
	for _, s := range schemas {
		for _, x := range []struct {
			n string
			v *value.Value
		}{{"list", vList()}, {"string", vStr("{}")}, {"null", vNull()}, {"number", vInt(0)}} {
			g.add(s, false, "document-"+x.n, "a message is a JSON object", x.v)
		}
	}
}

// ---------------------------------------------------------------------------
// Expected verdicts of scalar values

// scalarOK reports whether v satisfies the constraints of f for a value of
// type t: the member itself (member) or a list item or map value.
func scalarOK(f *model.Field, t *model.TypeRef, v *value.Value, member bool) bool {
	if v.Kind == value.Null {
		return member && f.Nullable
	}
	if f.Const != nil && member {
		return string(f.Const.JSON()) == string(v.JSON())
	}
	switch t.Kind {
	case model.KindBoolean:
		return v.Kind == value.Bool
	case model.KindState:
		if v.Kind != value.String {
			return false
		}
		for _, sv := range t.State.Values {
			if sv.Value == v.Str {
				return true
			}
		}
		return false
	case model.KindInteger, model.KindNumber:
		if v.Kind != value.Int && v.Kind != value.Number {
			return false
		}
		x := v.Float()
		if t.Kind == model.KindInteger {
			// Exactly, as the decoder reads an integer: within 64 bits.
			if _, err := strconv.ParseInt(v.Num, 10, 64); err != nil && (v.Kind == value.Int || x != math.Trunc(x) || math.Abs(x) >= math.MaxInt64) {
				return false
			}
		}
		if f.Minimum != nil && x < f.Minimum.Float() {
			return false
		}
		if f.Maximum != nil && x > f.Maximum.Float() {
			return false
		}
		if f.ExclusiveMinimum != nil && x <= f.ExclusiveMinimum.Float() {
			return false
		}
		if f.ExclusiveMaximum != nil && x >= f.ExclusiveMaximum.Float() {
			return false
		}
		return true
	case model.KindString:
		if v.Kind != value.String {
			return false
		}
		s := v.Str
		n := utf8.RuneCountInString(s)
		if f.MinLength != nil && n < *f.MinLength {
			return false
		}
		if f.MaxLength != nil && n > *f.MaxLength {
			return false
		}
		if f.Pattern != "" && !regexp.MustCompile(f.Pattern).MatchString(s) {
			return false
		}
		if f.Format == "date-time" && !dateTimeOK(s) {
			return false
		}
		if f.Format == "uuid" && !uuidRE.MatchString(s) {
			return false
		}
		if fs := formatSamples[f.Format]; fs != nil && !formatOK(fs, s) {
			return false
		}
		if member && f.NonEmpty {
			if f.Trim {
				return !blank(s)
			}
			return s != ""
		}
		return true
	}
	return true
}

// blank reports whether s holds only whitespace as Python's str.strip()
// sees it.
func blank(s string) bool {
	for _, r := range s {
		if !pySpace(r) {
			return false
		}
	}
	return true
}

func pySpace(r rune) bool {
	switch {
	case r >= 0x09 && r <= 0x0d, r >= 0x1c && r <= 0x20, r == 0x85, r == 0xa0, r == 0x1680,
		r >= 0x2000 && r <= 0x200a, r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

func dateTimeOK(s string) bool {
	for _, dt := range dateTimes {
		if dt.s == s {
			return dt.ok
		}
	}
	panic("dateTimeOK: " + strconv.Quote(s) + " is not in the dateTimes table")
}

// ---------------------------------------------------------------------------
// Writing and reading the corpus

// corpusFiles renders the documents of one spec: document files plus the
// cases.tsv index.
func corpusFiles(docs []*doc) map[string][]byte {
	out := map[string][]byte{}
	var idx strings.Builder
	idx.WriteString("# file\texpected\twhy\n")
	sorted := append([]*doc(nil), docs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].rel() < sorted[j].rel() })
	for _, d := range sorted {
		out[d.rel()] = writeJSON(d.v)
		why := strings.Join(strings.Fields(d.why), " ")
		fmt.Fprintf(&idx, "%s\t%s\t%s\n", d.rel(), d.verdict(), why)
	}
	out["cases.tsv"] = []byte(idx.String())
	return out
}

// readTree reads every file under dir, keyed by slash-separated path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// TestCorpus checks that the committed corpus is what the specs produce;
// with -update it rewrites it.
func TestCorpus(t *testing.T) {
	total := 0
	for _, sp := range specList(t) {
		c := loadContract(t, sp.path)
		docs := buildCorpus(t, sp.name, c)
		files := corpusFiles(docs)
		total += len(docs)
		dir := filepath.Join(corpusDir, sp.name)
		if *update {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			for rel, data := range files {
				p := filepath.Join(dir, filepath.FromSlash(rel))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		have := readTree(t, dir)
		for rel, data := range files {
			if got, ok := have[rel]; !ok {
				t.Errorf("%s/%s is missing; run go test ./internal/conformance -run TestCorpus -update", sp.name, rel)
			} else if string(got) != string(data) {
				t.Errorf("%s/%s differs from what the spec produces; run go test ./internal/conformance -run TestCorpus -update", sp.name, rel)
			}
		}
		for rel := range have {
			if _, ok := files[rel]; !ok {
				t.Errorf("%s/%s is not produced by the generator any more; run go test ./internal/conformance -run TestCorpus -update", sp.name, rel)
			}
		}
		t.Logf("%s: %d documents", sp.name, len(docs))
	}
	if total < 300 {
		t.Errorf("the corpus has %d documents; conformance needs at least 300", total)
	}
}

var uuidRE = regexp.MustCompile(pattern.UUIDPattern)

// uuids are the values a format uuid field is tried with.
var uuids = []struct {
	s   string
	ok  bool
	why string
}{
	{"0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b", true, "a UUID version 4"},
	{"0F8E6A4C-3B2D-4E1F-9A8B-7C6D5E4F3A2B", true, "upper-case hex digits are a UUID too"},
	{"00000000-0000-0000-0000-000000000000", true, "the nil UUID"},
	{"0f8e6a4c3b2d4e1f9a8b7c6d5e4f3a2b", false, "a UUID without hyphens"},
	{"urn:uuid:0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b", false, "the URN form is not the plain form"},
	{"{0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b}", false, "braces are not the plain form"},
	{"0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2", false, "a digit short"},
	{"0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2g", false, "not a hex digit"},
	{"0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b\n", false, "a trailing line feed"},
	{"", false, "empty"},
}

// distinctItems returns an itemOr for a unique_items list: item i differs
// from every other one (strings get an index suffix, or the next listed
// sample of their pattern, or for an email, host name or UUID another
// local part, first label or last group; numbers add it).
func (g *gen) distinctItems(f *model.Field, elem *model.TypeRef) func(*value.Value, int, *value.Value) *value.Value {
	return func(_ *value.Value, i int, first *value.Value) *value.Value {
		switch {
		case elem.Kind == model.KindString && f.Pattern == "" && f.Format == "":
			return vStr(fmt.Sprintf("%s-%d", first.Str, i))
		case elem.Kind == model.KindString && f.Pattern != "" && f.Format == "":
			// The first item, then the pattern's other listed samples.
			if i == 0 {
				return first
			}
			var others []string
			for _, s := range patternSamples[f.Pattern].good {
				if s != first.Str {
					others = append(others, s)
				}
			}
			if i-1 < len(others) {
				return vStr(others[i-1])
			}
		case elem.Kind == model.KindString && f.Pattern == "" && i == 0:
			return first
		case elem.Kind == model.KindString && f.Pattern == "" && (f.Format == "email" || f.Format == "hostname"):
			// Another local part or first label: a0@..., a0.example.
			return vStr(fmt.Sprintf("a%d", i) + first.Str[strings.IndexAny(first.Str, "@."):])
		case elem.Kind == model.KindString && f.Pattern == "" && f.Format == "uuid":
			return vStr(fmt.Sprintf("%s%012x", first.Str[:24], i))
		case elem.Kind == model.KindInteger:
			return vInt(int64(first.Float()) + int64(i))
		case elem.Kind == model.KindNumber && i == 0:
			return first
		case elem.Kind == model.KindNumber:
			return &value.Value{Kind: value.Number, Num: strconv.FormatFloat(first.Float()+float64(i)+0.5, 'f', -1, 64)}
		case elem.Kind == model.KindState && i < len(elem.State.Values):
			return vStr(elem.State.Values[i].Value)
		}
		g.t.Fatalf("%s: no %d distinct items for the unique list %s", g.spec, i+1, f.Name)
		return nil
	}
}

// distinctKeys returns n different keys of map field f: k0, k1, ... where
// its key pattern allows them, or else the key seed with one or two
// characters changed where the pattern still accepts it.
func (g *gen) distinctKeys(f *model.Field, seed string, n int) []string {
	var out []string
	for i := 0; i < n; i++ {
		if k := fmt.Sprintf("k%d", i); keyOK(f, k) {
			out = append(out, k)
		}
	}
	if len(out) == n {
		return out
	}
	out = nil
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
	seen := map[string]bool{}
	add := func(k string) {
		if len(out) < n && !seen[k] && keyOK(f, k) {
			seen[k] = true
			out = append(out, k)
		}
	}
	add(seed)
	b := []byte(seed)
	for i := range b {
		for j := range alphabet {
			c := append([]byte(nil), b...)
			c[i] = alphabet[j]
			add(string(c))
		}
	}
	for i := 0; i < len(b) && len(out) < n; i++ {
		for j := i + 1; j < len(b) && len(out) < n; j++ {
			for x := range alphabet {
				for y := range alphabet {
					c := append([]byte(nil), b...)
					c[i], c[j] = alphabet[x], alphabet[y]
					add(string(c))
				}
			}
		}
	}
	if len(out) < n {
		g.t.Fatalf("%s: found only %d keys of %s that match %s, need %d", g.spec, len(out), f.Name, f.KeyPattern, n)
	}
	return out
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// keyOK reports whether a map field accepts key under its key_pattern.
func keyOK(f *model.Field, key string) bool {
	return f.KeyPattern == "" || regexp.MustCompile(f.KeyPattern).MatchString(key)
}
