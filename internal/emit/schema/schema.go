// Package schema emits JSON Schemas (draft 2020-12) for every public message
// of a contract, built from the model with invopop/jsonschema's Schema type.
//
// Files, all flat in the output folder and named in one style by
// internal/schemafile (lower-case words joined by '-', then the role):
//   - <operation>.request.schema.json: a whole request of one operation;
//   - <operation>.response.schema.json: a whole response of one operation,
//     its own response or the shared response that answers it, with the
//     operation fixed;
//   - <operation>.<error>.error.schema.json: one per error response;
//   - <name>.response.schema.json: one per shared response, which may
//     answer any operation;
//   - request-envelope.schema.json, response-envelope.schema.json: the
//     envelopes with any object as payload;
//   - <type>.type.schema.json: one per object type of the spec's types
//     section;
//   - defs.schema.json (DefsFile): what the files share, once: named object
//     types, state sets, free-form values and the forbidden-material checks;
//   - index.schema.json (IndexFile): every other schema as a member, the
//     entry point for converting a whole contract (shared layout only);
//   - catalog.json (CatalogFile): every schema with its name, description
//     and URL, in SchemaStore's catalog format.
//
// Message schemas refer to the shared definitions through the base of their
// $id, so the folder can be hosted as it is. With Options.SchemaBundle every
// file is self-contained instead: what it needs is copied into its $defs. RULES.md lists every rule the
// schemas apply, so that the generated Go code can apply the same ones; the
// regular expressions come from internal/pattern, which the Go emitter uses
// too, so that no emitter imports another.
package schema

import (
	"encoding/json"
	"fmt"
	"github.com/contractgen/contractgen/internal/pattern"
	"net/url"
	"regexp"
	"strings"

	"github.com/invopop/jsonschema"
	orderedmap "github.com/pb33f/ordered-map/v2"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/schemafile"
	"github.com/contractgen/contractgen/internal/value"
)

// Draft is the JSON Schema dialect of every emitted file.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// Names of the helper definitions. They contain a hyphen, which no Go
// identifier (the names of object definitions) can, so they never collide.
const (
	defForbiddenKey   = "forbidden-key"
	defForbiddenValue = "forbidden-value"
	defAllowedValue   = "no-forbidden-value"
	defFreeForm       = "free-form"
)

// Emitter writes the JSON Schemas.
type Emitter struct{}

// New returns the JSON Schema emitter.
func New() *Emitter { return &Emitter{} }

// Name names the target in messages.
func (*Emitter) Name() string { return "jsonschema" }

// Generate builds every schema file in memory.
func (*Emitter) Generate(c *model.Contract, opts emit.Options) (map[string][]byte, error) {
	g, err := newGen(c)
	if err != nil {
		return nil, err
	}
	g.bundle = opts.SchemaBundle
	return g.files()
}

// gen holds what every file of one contract shares.
type gen struct {
	c    *model.Contract
	pos  *positions
	errs diag.List
	// keys and values are the compiled key and value rules, by position
	// in Forbidden.Keys and Forbidden.Values.
	keys   []*forbiddenKeys
	values [][]valuePattern
	// bundle writes every file self-contained; otherwise the definitions
	// files share go to shared, written as DefsFile.
	bundle         bool
	shared         jsonschema.Definitions
	sharedBuilding map[string]bool
	// typeRefs maps a type file to the shared definition it refers to.
	typeRefs map[string]string
	// fullSig caches fullSignature.
	fullSig *[3]string
}

type forbiddenKeys struct {
	parts  string // alternation of every part, unanchored; empty without parts
	exacts []exactKey
}

type exactKey struct {
	key     string
	pattern string
	max     int
}

type valuePattern struct {
	p       *model.Pattern
	pattern string
	re      *regexp.Regexp
}

func newGen(c *model.Contract) (*gen, error) {
	g := &gen{c: c, pos: locate(c), errs: diag.List{File: c.SourceFile},
		shared: jsonschema.Definitions{}, sharedBuilding: map[string]bool{}, typeRefs: map[string]string{}}
	if f := c.Forbidden; f != nil {
		for j, k := range f.Keys {
			g.keys = append(g.keys, g.keyRule(j, k))
		}
		for j, v := range f.Values {
			var vs []valuePattern
			for i, p := range v.Patterns {
				re, err := pattern.PortablePattern(p.Pattern)
				if err != nil {
					g.fail(at(g.pos.valuePats[j], i), "forbidden value pattern %s: %v", p.Name, err)
					continue
				}
				vs = append(vs, valuePattern{p: p, pattern: re, re: regexp.MustCompile(re)})
			}
			g.values = append(g.values, vs)
		}
	}
	return g, g.err()
}

// keyRule compiles key rule j into patterns.
func (g *gen) keyRule(j int, k *model.KeyRule) *forbiddenKeys {
	fk := &forbiddenKeys{}
	var parts []string
	for i, p := range k.Parts {
		re, err := pattern.KeyPartPattern(p)
		if err != nil {
			g.fail(at(g.pos.keyParts[j], i), "forbidden keys part %q: %v", p, err)
			continue
		}
		parts = append(parts, re)
	}
	fk.parts = strings.Join(parts, "|")
	for i, e := range k.Exact {
		re, n, err := pattern.ExactKeyPattern(e)
		if err != nil {
			g.fail(at(g.pos.keyExacts[j], i), "forbidden keys exact %q: %v", e, err)
			continue
		}
		fk.exacts = append(fk.exacts, exactKey{key: e, pattern: re, max: n})
	}
	return fk
}

func (g *gen) fail(pos diag.Pos, format string, args ...any) {
	g.errs.Add(pos, "JSON Schema: "+format, args...)
}

// err reports every problem found, at its place in the spec when known.
func (g *gen) err() error { return g.errs.Err() }

// safeStem is what a file name's words may hold: ASCII letters and digits
// in lower case, joined by '-'.
var safeStem = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// maxFileName is the longest file name, in bytes, that ext4, APFS and NTFS
// all hold. Names of spec items are at most 128 bytes, but a file name
// joins the words of two of them with '-' and adds its role.
const maxFileName = 255

// elide shortens a long file name for a message: its first and last 40
// bytes around "...".
func elide(name string) string {
	if len(name) <= 100 {
		return name
	}
	return name[:40] + "..." + name[len(name)-40:]
}

// files builds every file.
func (g *gen) files() (map[string][]byte, error) {
	type file struct {
		name  string
		what  string // the spec item that writes the file, for a clash
		pos   diag.Pos
		build func(name string) *jsonschema.Schema
	}
	var fs []file
	n := schemafile.New(g.c)
	// add queues a file named from spec names; it refuses a name whose words
	// are not plain ASCII.
	add := func(name, what string, pos diag.Pos, build func(string) *jsonschema.Schema, from ...string) {
		for _, f := range from {
			if !safeStem.MatchString(n.Stem(f)) {
				g.fail(pos, "%s cannot name a schema file; use ASCII letters and digits, with '_', '.' or '-' between words", what)
				return
			}
		}
		if len(name) > maxFileName {
			g.fail(pos, "%s would write a schema file whose name is %d bytes long (%s); file systems allow at most %d, so shorten the names it is made of", what, len(name), elide(name), maxFileName)
			return
		}
		fs = append(fs, file{name, what, pos, build})
	}
	for _, op := range g.c.Operations {
		op := op
		what := fmt.Sprintf("operation %q", op.Name)
		add(n.Request(op), what, g.pos.ops[op], func(n string) *jsonschema.Schema { return g.requestFile(n, op) }, op.Name)
		add(n.Response(op), what, g.pos.ops[op], func(n string) *jsonschema.Schema { return g.responseFile(n, op, op.Response) }, op.Name)
		for _, e := range op.Errors {
			e := e
			add(n.Error(op, e), fmt.Sprintf("error %q of operation %q", e.Name, op.Name), e.Pos,
				func(n string) *jsonschema.Schema { return g.responseFile(n, op, e) }, op.Name, e.Name)
		}
	}
	for _, r := range g.c.Responses {
		r := r
		add(n.Shared(r), fmt.Sprintf("shared response %q", r.Name), r.Pos, func(n string) *jsonschema.Schema { return g.responseFile(n, nil, r) }, r.Name)
	}
	if len(g.c.Operations) > 0 { // a spec of types alone has no messages
		add(schemafile.RequestEnvelope, "the request envelope", diag.Pos{}, func(n string) *jsonschema.Schema { return g.envelopeFile(n, true) })
		add(schemafile.ResponseEnvelope, "the response envelope", diag.Pos{}, func(n string) *jsonschema.Schema { return g.envelopeFile(n, false) })
	}
	for _, t := range g.c.Types {
		t := t
		add(n.Type(t), fmt.Sprintf("type %q", t.Name), g.pos.types[t], func(n string) *jsonschema.Schema { return g.typeFile(n, t) }, t.Name)
	}
	// Names whose words are alike (tenant_status, TenantStatus) would share
	// a file.
	by := map[string]file{}
	for _, f := range fs {
		if other, dup := by[f.name]; dup {
			g.fail(f.pos, "%s and %s would both write the schema file %s; rename one of them", other.what, f.what, f.name)
			continue
		}
		by[f.name] = f
	}
	// Building shares the generator's state (the shared definitions it
	// collects), so it runs in order; rendering reads only its own schema,
	// so each file renders on a free core as soon as it is built
	// (emit.Pipe), and built schemas do not pile up.
	var names []string
	seen := map[string]bool{}
	for _, f := range fs {
		if !seen[f.name] {
			seen[f.name] = true
			names = append(names, f.name)
		}
	}
	files := make([]rendered, len(names))
	errs := make([]error, len(names))
	pipe := emit.NewPipe()
	for i, name := range names {
		s := by[name].build(name)
		pipe.Go(func() { files[i], errs[i] = render(s) })
	}
	pipe.Wait()
	out, heads := map[string][]byte{}, map[string]schemaHead{}
	for i, name := range names {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", name, errs[i])
		}
		out[name], heads[name] = files[i].data, files[i].head
	}
	if len(g.shared) > 0 {
		r, err := render(g.sharedFile(DefsFile))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", DefsFile, err)
		}
		// Its references to itself go through its file name too, which
		// resolves to itself: tools that bundle files (json-schema-ref-
		// parser) read "#/..." in another file as the root document's.
		out[DefsFile], heads[DefsFile] = r.data, r.head
	}
	if !g.bundle && len(out) > 0 {
		names := make([]string, 0, len(out))
		for n := range out {
			names = append(names, n)
		}
		r, err := render(g.indexFile(IndexFile, names))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", IndexFile, err)
		}
		out[IndexFile], heads[IndexFile] = r.data, r.head
	}
	if err := g.err(); err != nil {
		return nil, err
	}
	cat, err := g.catalog(heads)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", CatalogFile, err)
	}
	out[CatalogFile] = cat
	return out, nil
}

// where is a location in a message, which decides the forbidden-material
// rules that apply there.
type where struct {
	inPayload bool // inside the operation payload
	inFree    bool // inside a free-form (json) value or a map value, anywhere in the message
}

var (
	atEnvelope = where{}
	atPayload  = where{inPayload: true}
)

func (w where) free() where { return where{inPayload: w.inPayload, inFree: true} }

func covers(s model.Scope, w where) bool {
	switch s {
	case model.ScopeMessage:
		return true
	case model.ScopePayload:
		return w.inPayload
	case model.ScopeFreeForm:
		return w.inFree
	}
	return false
}

// file builds one schema file.
type file struct {
	g *gen
	// keysOn and valuesOn say, per key and value rule, whether it applies
	// to this file's message.
	keysOn   []bool
	valuesOn []bool
	defs     jsonschema.Definitions
	building map[string]bool
	root     *model.Type // a type file's own type, referenced as "#"
	rootW    where
	// op is the operation the message belongs to; nil for messages of any
	// operation (envelopes, shared responses).
	op *model.Operation
	// forced lists fields required although they have a default.
	forced map[*model.Field]bool
}

func (g *gen) newFile(requests, responses bool) *file {
	fb := &file{g: g, defs: jsonschema.Definitions{}, building: map[string]bool{}, forced: map[*model.Field]bool{}}
	fb.setRules(func(o model.On) bool { return (requests && o.Requests) || (responses && o.Responses) })
	return fb
}

// setRules turns on the rules for which applies holds.
func (fb *file) setRules(applies func(model.On) bool) {
	f := fb.g.c.Forbidden
	if f == nil {
		return
	}
	fb.keysOn, fb.valuesOn = make([]bool, len(f.Keys)), make([]bool, len(f.Values))
	for j, k := range f.Keys {
		fb.keysOn[j] = applies(k.On)
	}
	for j, v := range f.Values {
		fb.valuesOn[j] = applies(v.On) && len(fb.g.values[j]) > 0
	}
}

// keysCovered lists the key rules that check keys at w.
func (fb *file) keysCovered(w where) []int {
	var out []int
	for j, on := range fb.keysOn {
		if on && covers(fb.g.c.Forbidden.Keys[j].AppliesTo, w) {
			out = append(out, j)
		}
	}
	return out
}

// valuesCovered lists the value rules that check strings at w.
func (fb *file) valuesCovered(w where) []int {
	var out []int
	for j, on := range fb.valuesOn {
		if on && covers(fb.g.c.Forbidden.Values[j].AppliesTo, w) {
			out = append(out, j)
		}
	}
	return out
}

// top wraps a root schema with the file-level keywords.
func (fb *file) top(name, title, desc string, s *jsonschema.Schema) *jsonschema.Schema {
	s.Version = Draft
	if b := fb.g.c.SchemaBaseURI; b != "" {
		s.ID = jsonschema.ID(b + name)
	}
	s.Comments = emit.Header
	s.Title = title
	s.Description = desc
	if len(fb.defs) > 0 {
		s.Definitions = fb.defs
	}
	return s
}

func defRef(name string) string {
	return "#/$defs/" + (&url.URL{Fragment: name}).EscapedFragment()
}

func raw(v *value.Value) json.RawMessage { return json.RawMessage(v.JSON()) }

func str(s string) json.RawMessage {
	b, _ := json.Marshal(s)
	return b
}

func uintp(n int) *uint64 {
	if n < 0 {
		n = 0
	}
	u := uint64(n)
	return &u
}

// checkFixed rejects a fixed string (a const, a state value, a sourced value)
// that the forbidden values rule would reject where it stands: every message
// would then be refused, and the schema, which does not test fixed values,
// would disagree with the code.
func (fb *file) checkFixed(s, what string, pos diag.Pos, w where) {
	for _, j := range fb.valuesCovered(w) {
		for _, v := range fb.g.values[j] {
			if v.re.MatchString(s) {
				fb.g.fail(pos, "%s %q matches forbidden value pattern %s, so every message would be rejected", what, s, v.p.Name)
			}
		}
	}
}

// checkFixedValue applies checkFixed to every string inside a literal.
func (fb *file) checkFixedValue(v *value.Value, what string, pos diag.Pos, w where) {
	switch v.Kind {
	case value.String:
		fb.checkFixed(v.Str, what, pos, w)
	case value.List:
		for _, it := range v.Items {
			fb.checkFixedValue(it, what, pos, w)
		}
	case value.Object:
		for _, m := range v.Members {
			fb.checkFixedValue(m.Value, what, pos, w)
		}
	}
}

// newProps returns an empty ordered property map.
func newProps() *orderedmap.OrderedMap[string, *jsonschema.Schema] {
	return orderedmap.New[string, *jsonschema.Schema]()
}
