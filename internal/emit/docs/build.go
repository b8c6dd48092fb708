package docs

import (
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/model"
)

// Page paths, relative to the docs folder.
const (
	indexPath     = "index.md"
	typesPath     = "types.md"
	statesPath    = "states.md"
	forbiddenPath = "forbidden.md"
	mkdocsPath    = ".mkdocs/mkdocs.yml"
)

// operationPath is the page of one operation.
func operationPath(op *model.Operation) string { return "operations/" + op.Name + ".md" }

// Schema file names, as the JSON Schema emitter writes them.
const (
	requestEnvelopeSchema  = "request-envelope.schema.json"
	responseEnvelopeSchema = "response-envelope.schema.json"
	unavailableSchema      = "unavailable.response.schema.json"
)

// hasResponse reports whether op has a response the schema emitter writes a
// schema for: its own, or the generic unavailable one.
func hasResponse(c *model.Contract, op *model.Operation) bool {
	return op.Response != nil || c.Unavailable != nil
}

func requestSchema(op *model.Operation) string  { return op.Name + ".request.schema.json" }
func responseSchema(op *model.Operation) string { return op.Name + ".response.schema.json" }
func typeSchema(t *model.Type) string           { return t.Name + ".schema.json" }

// schemaFiles lists the names of every JSON Schema file the schema emitter
// writes for c, in the order the index lists them.
func schemaFiles(c *model.Contract) []string {
	var out []string
	for _, s := range schemaLinks(c) {
		out = append(out, s.File)
	}
	return out
}

func schemaLinks(c *model.Contract) []SchemaLink {
	out := []SchemaLink{
		{File: requestEnvelopeSchema, Describes: "Request envelope, with any payload"},
		{File: responseEnvelopeSchema, Describes: "Response envelope, with any payload"},
	}
	if c.Unavailable != nil {
		out = append(out, SchemaLink{File: unavailableSchema, Describes: "Generic unavailable response, envelope and payload"})
	}
	for _, op := range c.Operations {
		out = append(out, SchemaLink{File: requestSchema(op), Describes: "Request of " + op.Name + ", envelope and payload"})
		if hasResponse(c, op) {
			out = append(out, SchemaLink{File: responseSchema(op), Describes: "Response of " + op.Name + ", envelope and payload"})
		}
	}
	for _, t := range c.Types {
		out = append(out, SchemaLink{File: typeSchema(t), Describes: "Type " + t.Name})
	}
	return out
}

// site holds what every page builder needs.
type site struct {
	c    *model.Contract
	opts emit.Options
	// schemaBase is the schema folder relative to the docs folder (forward
	// slashes), "" when schemas are not linked; schemaAbs is set instead
	// when links must be absolute URLs.
	schemaBase string
	schemaAbs  string
	nav        []navEntry
}

type navEntry struct {
	title, path string
	weight      int
}

func newSite(c *model.Contract, opts emit.Options) *site {
	s := &site{c: c, opts: opts}
	s.schemaBase, s.schemaAbs = schemaLocation(c, opts)
	s.nav = append(s.nav, navEntry{title: overviewTitle(c), path: indexPath})
	for _, op := range c.Operations {
		s.nav = append(s.nav, navEntry{title: op.Name, path: operationPath(op)})
	}
	if len(c.Types) > 0 {
		s.nav = append(s.nav, navEntry{title: "Types", path: typesPath})
	}
	s.nav = append(s.nav, navEntry{title: "State sets", path: statesPath}, navEntry{title: "Forbidden material", path: forbiddenPath})
	for i := range s.nav {
		s.nav[i].weight = i + 1
	}
	return s
}

func overviewTitle(c *model.Contract) string {
	if c.Title != "" {
		return c.Title
	}
	return c.Name
}

// schemaLocation decides how pages link to schema files. Links are relative
// from the docs folder to Options.SchemaDir. A MkDocs site holds only the
// docs folder, so when -mkdocs is on and the schemas lie outside it, a
// relative link would be broken in the built site (and fail mkdocs build
// --strict): the schemas are then linked at the contract's schema_base_uri,
// where they are published under their $id, or not linked when it is unset.
func schemaLocation(c *model.Contract, opts emit.Options) (base, abs string) {
	if opts.SchemaDir == "" {
		return "", ""
	}
	rel, err := filepath.Rel(opts.DocsDir, opts.SchemaDir)
	if err != nil {
		da, err1 := filepath.Abs(opts.DocsDir)
		sa, err2 := filepath.Abs(opts.SchemaDir)
		if err1 != nil || err2 != nil {
			return "", ""
		}
		if rel, err = filepath.Rel(da, sa); err != nil {
			return "", ""
		}
	}
	rel = filepath.ToSlash(rel)
	outside := rel == ".." || strings.HasPrefix(rel, "../")
	if opts.MkDocs && outside {
		return "", c.SchemaBaseURI
	}
	return rel, ""
}

// page fills the fields every page shares.
func (s *site) page(p, title, desc string) Page {
	pg := Page{Path: p, Title: title, Description: desc, FrontMatter: s.opts.FrontMatter,
		Header: emit.Header, Contract: s.c, Home: Link{Text: overviewTitle(s.c), Href: rel(p, indexPath)}}
	for _, n := range s.nav {
		if n.path == p {
			pg.Weight = n.weight
		}
		pg.Nav = append(pg.Nav, Link{Text: n.title, Href: rel(p, n.path)})
	}
	return pg
}

// rel links from page from to target; both are relative to the docs folder
// and target may carry a #fragment.
func rel(from, target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	fromDir := path.Dir(from)
	r, err := filepath.Rel(filepath.FromSlash(fromDir), filepath.FromSlash(target))
	if err != nil {
		r = target
	}
	segs := strings.Split(filepath.ToSlash(r), "/")
	for i, sg := range segs {
		if sg != ".." && sg != "." {
			segs[i] = url.PathEscape(sg)
		}
	}
	return strings.Join(segs, "/") + frag
}

// schema returns the link to a schema file from page p; the zero SchemaLink
// when schemas are not generated.
func (s *site) schema(p, file, describes string) SchemaLink {
	if s.opts.SchemaDir == "" {
		return SchemaLink{}
	}
	l := SchemaLink{File: file, Describes: describes}
	switch {
	case s.schemaAbs != "":
		l.Href = s.schemaAbs + url.PathEscape(file)
	case s.schemaBase != "":
		l.Href = rel(p, s.schemaBase+"/"+file)
	}
	return l
}

func (s *site) index() *IndexPage {
	c := s.c
	pg := &IndexPage{Page: s.page(indexPath, overviewTitle(c), c.Description), Versions: c.Versions}
	for _, op := range c.Operations {
		pg.Operations = append(pg.Operations, &OperationEntry{Operation: op, Href: rel(indexPath, operationPath(op))})
	}
	for _, n := range s.nav[1+len(c.Operations):] {
		pg.Reference = append(pg.Reference, Link{Text: n.title, Href: rel(indexPath, n.path)})
	}
	if s.opts.SchemaDir != "" {
		for _, l := range schemaLinks(c) {
			pg.Schemas = append(pg.Schemas, s.schema(indexPath, l.File, l.Describes))
		}
	}
	return pg
}

// fieldCtx says how sourced fields of one table read.
type fieldCtx struct {
	version string // the envelope version, for source: version
	op      string // the operation name, for source: operation
	payload string // what source: payload carries
}

func (s *site) operation(op *model.Operation) (*OperationPage, error) {
	c := s.c
	p := operationPath(op)
	pg := &OperationPage{Page: s.page(p, op.Name, op.Description), Operation: op,
		RequestSchema: s.schema(p, requestSchema(op), "Request of "+op.Name)}
	if hasResponse(c, op) {
		pg.ResponseSchema = s.schema(p, responseSchema(op), "Response of "+op.Name)
	}
	reqVersion, respVersion := "", ""
	if c.Request.Version != nil {
		reqVersion = c.Request.Version.Value
	}
	if c.Response.Version != nil {
		respVersion = c.Response.Version.Value
	}
	pg.RequestEnvelope = s.object(p, c.Request.Type, fieldCtx{version: reqVersion, op: op.Name, payload: "the request payload below"})
	pg.RequestEnvelope.Schema = ptr(s.schema(p, requestEnvelopeSchema, "Request envelope"))
	pg.ResponseEnvelope = s.object(p, c.Response.Type, fieldCtx{version: respVersion, op: op.Name, payload: "the response payload below"})
	pg.ResponseEnvelope.Schema = ptr(s.schema(p, responseEnvelopeSchema, "Response envelope"))
	pg.RequestPayload = s.object(p, op.Request, fieldCtx{op: op.Name})
	if op.Summary != nil {
		pg.Summary = s.object(p, op.Summary, fieldCtx{op: op.Name})
	}
	h := &pg.Handoff
	if st := statusField(c); st != nil && st.Default != nil && st.Default.Kind == "string" {
		h.Status = st.Default.Str
	}
	if r := op.Response; r != nil {
		pg.ResponsePayload = s.object(p, r.Payload, fieldCtx{op: op.Name})
		h.Message, h.PrivateModules, h.NextStep, h.Mismatch = r.Message, r.PrivateModules, r.NextStep, r.Mismatch
	} else if u := c.Unavailable; u != nil {
		pg.ResponsePayload = s.object(p, u.Payload, fieldCtx{op: op.Name})
		h.Unavailable, h.Message, h.NextStep = true, u.Message, u.NextStep
		if u.Status != nil {
			h.Status = u.Status.Value
		}
	}
	pg.States = s.statesOf(p, s.opTypes(op))
	pg.Forbidden = s.forbidden(p)

	req, resp, err := examples(c, op)
	if err != nil {
		return nil, err
	}
	pg.ExampleRequest, pg.ExampleResponse = jsonText(req, true), jsonText(resp, true)
	return pg, nil
}

// opTypes lists the object types an operation page shows, in page order.
func (s *site) opTypes(op *model.Operation) []*model.Type {
	p := s.payloadTypes(op)
	return append([]*model.Type{s.c.Request.Type, p[0], s.c.Response.Type}, p[1:]...)
}

// payloadTypes lists the object types particular to an operation: its
// request payload, its response (or the unavailable) payload, its summary.
func (s *site) payloadTypes(op *model.Operation) []*model.Type {
	ts := []*model.Type{op.Request}
	if op.Response != nil {
		ts = append(ts, op.Response.Payload)
	} else if s.c.Unavailable != nil {
		ts = append(ts, s.c.Unavailable.Payload)
	}
	if op.Summary != nil {
		ts = append(ts, op.Summary)
	}
	return ts
}

func ptr[T any](v T) *T { return &v }

// object renders an object type for page p.
func (s *site) object(p string, t *model.Type, ctx fieldCtx) *Object {
	o := &Object{Name: t.Name, Description: t.Description, Named: t.Role == model.RoleType}
	if o.Named {
		o.Href = rel(p, typesPath+"#"+slug(t.Name))
		o.Schema = ptr(s.schema(p, typeSchema(t), "Type "+t.Name))
	}
	for _, f := range t.Fields {
		o.Fields = append(o.Fields, s.field(p, f, ctx))
	}
	return o
}

func (s *site) field(p string, f *model.Field, ctx fieldCtx) *Field {
	out := &Field{Field: f, Type: s.typeParts(p, f.Type)}
	switch {
	case !f.IsArgument():
		out.Required = "filled in"
	case f.WireRequired():
		out.Required = "yes"
	default:
		out.Required = "no"
	}
	if f.Default != nil {
		out.Default = jsonText(f.Default, false)
	}
	if f.DefaultList != nil {
		out.DefaultList = f.DefaultList.Name
	}
	out.Constraints = constraints(f, ctx)
	return out
}

// typeParts splits a type for linking: state sets link to the states page,
// named types to the types page.
func (s *site) typeParts(p string, t *model.TypeRef) []TypePart {
	switch t.Kind {
	case model.KindList, model.KindMap:
		parts := []TypePart{{Text: string(t.Kind) + "<"}}
		parts = append(parts, s.typeParts(p, t.Elem)...)
		return append(parts, TypePart{Text: ">"})
	case model.KindState:
		return []TypePart{{Text: t.State.Name, Href: rel(p, statesPath+"#"+slug(t.State.Name))}}
	case model.KindObject:
		return []TypePart{{Text: t.Object.Name, Href: rel(p, typesPath+"#"+slug(t.Object.Name))}}
	}
	return []TypePart{{Text: t.String()}}
}

// constraints words every rule of a field, most important first.
func constraints(f *model.Field, ctx fieldCtx) []Constraint {
	var out []Constraint
	add := func(text, code, after string) { out = append(out, Constraint{Text: text, Code: code, After: after}) }
	if c := sourceConstraint(f, ctx); c != nil {
		out = append(out, *c)
	}
	if f.Const != nil {
		add("always", jsonText(f.Const, false), "")
	}
	if f.Nullable {
		add("may be null", "", "")
	}
	each := ""
	if f.Type.Kind == model.KindList || f.Type.Kind == model.KindMap {
		each = " (each item)"
	}
	if f.Trim {
		add("surrounding whitespace is trimmed"+each, "", "")
	}
	if f.NonEmpty {
		add("must not be empty", "", "")
	}
	if f.MinItems != nil {
		add(fmt.Sprintf("at least %d %s", *f.MinItems, plural(*f.MinItems, "item", "items")), "", "")
	}
	if f.MinLength != nil {
		add(fmt.Sprintf("at least %d %s%s", *f.MinLength, plural(*f.MinLength, "character", "characters"), each), "", "")
	}
	if f.MaxLength != nil {
		add(fmt.Sprintf("at most %d %s%s", *f.MaxLength, plural(*f.MaxLength, "character", "characters"), each), "", "")
	}
	if f.Minimum != nil {
		add("at least", f.Minimum.Num, each)
	}
	if f.Maximum != nil {
		add("at most", f.Maximum.Num, each)
	}
	if f.Pattern != "" {
		add("matches", f.Pattern, each)
	}
	if f.Format == "date-time" {
		add("RFC 3339 date-time"+each, "", "")
	} else if f.Format != "" {
		add("format", f.Format, each)
	}
	if g := f.Generate; g != nil {
		digits := fmt.Sprintf("%d random lowercase hex %s", g.HexDigits, plural(g.HexDigits, "digit", "digits"))
		if g.Prefix != "" {
			add("drawn at random when absent:", g.Prefix, "followed by "+digits)
		} else {
			add("drawn at random when absent: "+digits, "", "")
		}
	}
	return out
}

func sourceConstraint(f *model.Field, ctx fieldCtx) *Constraint {
	switch f.Source {
	case model.SourceVersion:
		return &Constraint{Text: "set to the envelope version", Code: ctx.version}
	case model.SourceOperation:
		return &Constraint{Text: "set to the operation name", Code: ctx.op}
	case model.SourcePayload:
		t := ctx.payload
		if t == "" {
			t = "the operation payload"
		}
		return &Constraint{Text: "carries " + t}
	case model.SourceMessage:
		return &Constraint{Text: "set to the response message"}
	case model.SourceSummary:
		return &Constraint{Text: "set to the operation's summary"}
	case model.SourcePrivateModules:
		return &Constraint{Text: "set to the private modules that answer the operation"}
	case model.SourceNextStep:
		return &Constraint{Text: "set to the next step"}
	case model.SourceRequest:
		if f.RequestField != nil {
			return &Constraint{Text: "copied from the request envelope's", Code: f.RequestField.Name}
		}
		return &Constraint{Text: "copied from the request"}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// statesOf lists the state sets the types use, through fields, list and map
// elements and nested types, in order of first use.
func (s *site) statesOf(p string, types []*model.Type) []*StateSet {
	var out []*StateSet
	seenSet := map[*model.StateSet]bool{}
	seenType := map[*model.Type]bool{}
	var walkRef func(t *model.TypeRef)
	var walkType func(t *model.Type)
	walkRef = func(t *model.TypeRef) {
		switch t.Kind {
		case model.KindList, model.KindMap:
			walkRef(t.Elem)
		case model.KindState:
			if !seenSet[t.State] {
				seenSet[t.State] = true
				out = append(out, &StateSet{StateSet: t.State, Href: rel(p, statesPath+"#"+slug(t.State.Name))})
			}
		case model.KindObject:
			walkType(t.Object)
		}
	}
	walkType = func(t *model.Type) {
		if t == nil || seenType[t] {
			return
		}
		seenType[t] = true
		for _, f := range t.Fields {
			walkRef(f.Type)
		}
	}
	for _, t := range types {
		walkType(t)
	}
	return out
}

// typesOf lists the named types the types use, directly or nested.
func typesOf(types []*model.Type) map[*model.Type]bool {
	seen := map[*model.Type]bool{}
	var walkRef func(t *model.TypeRef)
	walkRef = func(t *model.TypeRef) {
		switch t.Kind {
		case model.KindList, model.KindMap:
			walkRef(t.Elem)
		case model.KindObject:
			if !seen[t.Object] {
				seen[t.Object] = true
				for _, f := range t.Object.Fields {
					walkRef(f.Type)
				}
			}
		}
	}
	for _, t := range types {
		for _, f := range t.Fields {
			walkRef(f.Type)
		}
	}
	return seen
}

func (s *site) states() *StatesPage {
	c := s.c
	pg := &StatesPage{Page: s.page(statesPath, "State sets", "Every state set of "+overviewTitle(c)+" and the meaning of each value.")}
	uses := func(types []*model.Type, st *model.StateSet) bool {
		for _, used := range s.statesOf(statesPath, types) {
			if used.StateSet == st {
				return true
			}
		}
		return false
	}
	for _, st := range c.States {
		ss := &StateSet{StateSet: st, Href: "#" + slug(st.Name)}
		// The envelopes are on every operation page; name them once.
		if uses([]*model.Type{c.Request.Type}, st) {
			ss.UsedBy = append(ss.UsedBy, Link{Text: "the request envelope of every operation"})
		}
		if uses([]*model.Type{c.Response.Type}, st) {
			ss.UsedBy = append(ss.UsedBy, Link{Text: "the response envelope of every operation"})
		}
		for _, op := range c.Operations {
			if uses(s.payloadTypes(op), st) {
				ss.UsedBy = append(ss.UsedBy, Link{Text: op.Name, Href: rel(statesPath, operationPath(op))})
			}
		}
		for _, t := range c.Types {
			for _, f := range t.Fields {
				if f.Type.StateSet() == st {
					ss.UsedBy = append(ss.UsedBy, Link{Text: t.Name, Href: rel(statesPath, typesPath+"#"+slug(t.Name))})
					break
				}
			}
		}
		pg.States = append(pg.States, ss)
	}
	return pg
}

func (s *site) types() *TypesPage {
	c := s.c
	pg := &TypesPage{Page: s.page(typesPath, "Types", "Every named type of "+overviewTitle(c)+" and its fields.")}
	for _, t := range c.Types {
		o := s.object(typesPath, t, fieldCtx{})
		o.Href = "#" + slug(t.Name)
		for _, op := range c.Operations {
			if typesOf(s.opTypes(op))[t] || op.Summary == t {
				o.UsedBy = append(o.UsedBy, Link{Text: op.Name, Href: rel(typesPath, operationPath(op))})
			}
		}
		for _, other := range c.Types {
			if other != t && typesOf([]*model.Type{other})[t] {
				o.UsedBy = append(o.UsedBy, Link{Text: other.Name, Href: "#" + slug(other.Name)})
			}
		}
		pg.Types = append(pg.Types, o)
	}
	return pg
}

func (s *site) forbidden(p string) *Forbidden {
	f := s.c.Forbidden
	if f == nil || (f.Keys == nil && f.Values == nil) {
		return nil
	}
	out := &Forbidden{Forbidden: f, Href: rel(p, forbiddenPath)}
	switch {
	case f.OnRequests && f.OnResponses:
		out.Directions = "requests and responses"
	case f.OnRequests:
		out.Directions = "requests"
	case f.OnResponses:
		out.Directions = "responses"
	default:
		out.Directions = "no messages"
	}
	if f.Keys != nil {
		out.KeysScope = scopeText(f.Keys.AppliesTo)
	}
	if f.Values != nil {
		out.ValuesScope = scopeText(f.Values.AppliesTo)
	}
	return out
}

func scopeText(s model.Scope) string {
	switch s {
	case model.ScopeFreeForm:
		return "free-form values of the payload only: fields of type json and maps"
	case model.ScopePayload:
		return "every string and every dynamic key of the payload"
	case model.ScopeMessage:
		return "the whole message, envelope included"
	}
	return string(s)
}

func (s *site) forbiddenPage() *ForbiddenPage {
	return &ForbiddenPage{Page: s.page(forbiddenPath, "Forbidden material",
		"Keys and values that no message of "+overviewTitle(s.c)+" may carry."), Forbidden: s.forbidden(forbiddenPath)}
}

func (s *site) mkdocs() *MkDocsConfig {
	cfg := &MkDocsConfig{Header: emit.Header, SiteName: overviewTitle(s.c), SiteDescription: s.c.Description,
		DocsDir: "..", SiteDir: siteDir(s.opts.DocsDir), Contract: s.c}
	var ops []NavItem
	for _, n := range s.nav {
		switch {
		case strings.HasPrefix(n.path, "operations/"):
			ops = append(ops, NavItem{Title: n.title, Path: n.path})
		case n.path == indexPath:
			cfg.Nav = append(cfg.Nav, NavItem{Title: "Overview", Path: n.path})
		default:
			if ops != nil {
				cfg.Nav = append(cfg.Nav, NavItem{Title: "Operations", Children: ops})
				ops = nil
			}
			cfg.Nav = append(cfg.Nav, NavItem{Title: n.title, Path: n.path})
		}
	}
	return cfg
}

// siteDir is where mkdocs builds the site, relative to the config file: the
// folder "site" in the folder gen ran in (which .gitignore ignores) when the
// docs folder is given relative to it, else a "site" folder beside the docs
// folder. MkDocs refuses a site_dir inside the docs_dir.
func siteDir(docsDir string) string {
	const beside = "../../site"
	if docsDir == "" || filepath.IsAbs(docsDir) {
		return beside
	}
	if r, err := filepath.Rel(docsDir, "site"); err != nil || !strings.HasPrefix(filepath.ToSlash(r), "../") {
		return beside
	}
	r, err := filepath.Rel(filepath.Join(docsDir, filepath.FromSlash(path.Dir(mkdocsPath))), "site")
	if err != nil {
		return beside
	}
	return filepath.ToSlash(r)
}
