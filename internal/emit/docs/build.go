package docs

import (
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/schemafile"
)

// Page paths, relative to the docs folder.
const (
	indexPath     = "index.md"
	typesPath     = "types.md"
	statesPath    = "states.md"
	forbiddenPath = "forbidden.md"
	envelopesPath = "envelopes.md"
	mkdocsPath    = ".mkdocs/mkdocs.yml"
	// siteCSSPath is the stylesheet mkdocs.yml adds to the theme's.
	siteCSSPath = "assets/contractgen.css"
)

// operationsDir holds the operation pages.
const operationsDir = "operations"

// operationPath is the page of one operation, named as the operation
// unless that name is a Windows device name (schemafile.Portable).
func operationPath(op *model.Operation) string {
	return operationsDir + "/" + schemafile.Portable(op.Name+".md")
}

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
	n := schemafile.New(c)
	var out []SchemaLink
	if len(c.Operations) > 0 {
		out = append(out, SchemaLink{File: schemafile.RequestEnvelope, Describes: "Request envelope, with any payload"},
			SchemaLink{File: schemafile.ResponseEnvelope, Describes: "Response envelope, with any payload"})
	}
	for _, r := range c.Responses {
		out = append(out, SchemaLink{File: n.Shared(r), Describes: "Shared " + r.Name + " response, envelope and payload"})
	}
	for _, op := range c.Operations {
		out = append(out, SchemaLink{File: n.Request(op), Describes: "Request of " + op.Name + ", envelope and payload"},
			SchemaLink{File: n.Response(op), Describes: "Response of " + op.Name + ", envelope and payload"})
		for _, e := range op.Errors {
			out = append(out, SchemaLink{File: n.Error(op, e), Describes: "Error " + e.Name + " of " + op.Name + ", envelope and payload"})
		}
	}
	for _, t := range c.Types {
		out = append(out, SchemaLink{File: n.Type(t), Describes: "Type " + t.Name})
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
	// files names the schema files as the schema emitter writes them.
	files *schemafile.Namer
	nav   []navEntry
	// weight is each navigation entry's weight by its path (the last
	// entry of a path wins).
	weight map[string]int
	// navFrom caches the navigation links by the folder of the page they
	// are written from: every page of a folder shares them.
	navFrom map[string][]Link
}

type navEntry struct {
	title, path string
	weight      int
}

func newSite(c *model.Contract, opts emit.Options) *site {
	s := &site{c: c, opts: opts, files: schemafile.New(c)}
	s.schemaBase, s.schemaAbs = schemaLocation(opts)
	s.nav = append(s.nav, navEntry{title: overviewTitle(c), path: indexPath})
	for _, op := range c.Operations {
		s.nav = append(s.nav, navEntry{title: op.Name, path: operationPath(op)})
	}
	if len(c.Operations) > 0 {
		s.nav = append(s.nav, navEntry{title: "Envelopes", path: envelopesPath})
	}
	if len(c.Types) > 0 {
		s.nav = append(s.nav, navEntry{title: "Types", path: typesPath})
	}
	// A page appears only when the spec has its content.
	if len(c.States) > 0 {
		s.nav = append(s.nav, navEntry{title: "State sets", path: statesPath})
	}
	if hasForbidden(c) {
		s.nav = append(s.nav, navEntry{title: "Forbidden material", path: forbiddenPath})
	}
	s.weight = map[string]int{}
	for i := range s.nav {
		s.nav[i].weight = i + 1
		s.weight[s.nav[i].path] = i + 1
	}
	return s
}

func overviewTitle(c *model.Contract) string {
	if c.Title != "" {
		return c.Title
	}
	return c.Name
}

// Folders lists the subfolders the docs may write into (emit.Folders):
// operation pages, the site's stylesheet, the MkDocs configuration and the
// site's copy of the schemas.
func (*Emitter) Folders() []string {
	return []string{operationsDir, path.Dir(siteCSSPath), path.Dir(mkdocsPath), siteSchemas}
}

// siteSchemas is the folder, inside the docs folder, that holds the copy of
// the schemas a MkDocs site serves.
const siteSchemas = "schemas"

// SchemaCopy returns the folder inside the docs folder (forward slashes)
// where the pipeline must put a copy of every schema file, or "" when none
// is needed. A MkDocs site holds only the docs folder, so when -mkdocs is on
// and the schemas lie outside it, a relative link would break in the built
// site (and fail mkdocs build --strict); the pages then link to a copy the
// site serves, so that links stay relative unless a hosted SchemaURL is
// asked for.
func SchemaCopy(opts emit.Options) string {
	if opts.SchemaDir == "" || opts.SchemaURL != "" || !opts.MkDocs {
		return ""
	}
	if r, ok := relDir(opts.DocsDir, opts.SchemaDir); ok && (r == ".." || strings.HasPrefix(r, "../")) {
		return siteSchemas
	}
	return ""
}

// schemaLocation decides how pages link to schema files: relative from the
// docs folder to Options.SchemaDir, or to the site's copy (SchemaCopy), or
// absolute at Options.SchemaURL when the user asks for hosted links.
func schemaLocation(opts emit.Options) (base, abs string) {
	switch {
	case opts.SchemaDir == "":
		return "", ""
	case opts.SchemaURL != "":
		if !strings.HasSuffix(opts.SchemaURL, "/") {
			return "", opts.SchemaURL + "/"
		}
		return "", opts.SchemaURL
	case SchemaCopy(opts) != "":
		return siteSchemas, ""
	}
	r, _ := relDir(opts.DocsDir, opts.SchemaDir)
	return r, ""
}

// relDir is the path from folder from to folder to, with forward slashes;
// ok is false when there is none.
func relDir(from, to string) (string, bool) {
	r, err := filepath.Rel(from, to)
	if err != nil {
		fa, err1 := filepath.Abs(from)
		ta, err2 := filepath.Abs(to)
		if err1 != nil || err2 != nil {
			return "", false
		}
		if r, err = filepath.Rel(fa, ta); err != nil {
			return "", false
		}
	}
	return filepath.ToSlash(r), true
}

// page fills the fields every page shares.
func (s *site) page(p, title, desc string) Page {
	themeTitle := ""
	if s.opts.MkDocs {
		// The Material theme prints a page's title and front-matter
		// description into <title> and <meta content="..."> without
		// escaping them, as it does site_name.
		desc, themeTitle = themeText(desc), themeText(title)
	}
	pg := Page{Path: p, Title: title, ThemeTitle: themeTitle, Description: desc, FrontMatter: s.opts.FrontMatter,
		Header: emit.Header, Contract: s.c, Home: Link{Text: overviewTitle(s.c), Href: rel(p, indexPath)}}
	pg.Weight = s.weight[p]
	dir := path.Dir(p)
	if s.navFrom == nil {
		s.navFrom = map[string][]Link{}
	}
	if _, ok := s.navFrom[dir]; !ok {
		links := make([]Link, 0, len(s.nav))
		for _, n := range s.nav {
			links = append(links, Link{Text: n.title, Href: rel(p, n.path)})
		}
		s.navFrom[dir] = links
	}
	pg.Nav = s.navFrom[dir]
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
		RequestSchema: s.schema(p, s.files.Request(op), "Request of "+op.Name), ResponseSchema: s.schema(p, s.files.Response(op), "Response of "+op.Name)}
	pg.RequestEnvelope = envelopeUse("request", op.Name, rel(p, envelopesPath+"#request-envelope"), c.Request.Type)
	pg.ResponseEnvelope = envelopeUse("response", op.Name, rel(p, envelopesPath+"#response-envelope"), c.Response.Type)
	pg.RequestPayload = s.object(p, op.Request, fieldCtx{op: op.Name})
	r := op.Response
	pg.ResponsePayload = s.object(p, r.Payload, fieldCtx{op: op.Name})
	for _, t := range directTypes(r.Payload) {
		pg.Types = append(pg.Types, s.object(p, t, fieldCtx{op: op.Name}))
	}
	for _, e := range op.Errors {
		er := &ErrorResponse{Name: e.Name, Description: e.Description, Message: e.Message,
			Schema: s.schema(p, s.files.Error(op, e), "Error "+e.Name+" of "+op.Name), Payload: s.object(p, e.Payload, fieldCtx{op: op.Name})}
		if e.Status != nil {
			er.Status = e.Status.Value
		}
		pg.Errors = append(pg.Errors, er)
	}
	h := &pg.Answer
	h.Shared, h.Message, h.Mismatch = r.Name, r.Message, r.Mismatch
	if r.Shared() {
		h.Mismatch = ""
	}
	if st := statusField(c, r); st != nil && r.Status != nil {
		h.Status, h.StatusFixed = r.Status.Value, true
	} else if st != nil && st.Default != nil && st.Default.Kind == "string" {
		h.Status = st.Default.Str
	}
	pg.States = s.statesOf(p, s.payloadTypes(op))
	pg.Forbidden = s.forbidden(p)

	req, resp, err := examples(c, op)
	if err != nil {
		return nil, err
	}
	pg.ExampleRequest, pg.ExampleResponse = jsonText(req, true), jsonText(resp, true)
	return pg, nil
}

// envelopeUse names what an operation puts in envelope t.
func envelopeUse(kind, op, href string, t *model.Type) EnvelopeUse {
	u := EnvelopeUse{Kind: kind, OperationName: op, Href: href}
	for _, f := range t.Fields {
		switch f.Source {
		case model.SourceOperation:
			u.Operation = f.Name
		case model.SourcePayload:
			u.Payload = f.Name
		}
	}
	return u
}

// envelopes documents the request and response envelopes once.
func (s *site) envelopes() *EnvelopesPage {
	c := s.c
	pg := &EnvelopesPage{Page: s.page(envelopesPath, "Envelopes", "The request and response envelopes every operation of "+overviewTitle(c)+" shares.")}
	reqVersion, respVersion := "", ""
	if c.Request.Version != nil {
		reqVersion = c.Request.Version.Value
	}
	if c.Response.Version != nil {
		respVersion = c.Response.Version.Value
	}
	pg.Request = s.object(envelopesPath, c.Request.Type, fieldCtx{version: reqVersion, payload: "the operation's request payload"})
	pg.Request.Schema = ptr(s.schema(envelopesPath, schemafile.RequestEnvelope, "Request envelope"))
	pg.Response = s.object(envelopesPath, c.Response.Type, fieldCtx{version: respVersion, payload: "the operation's response payload"})
	pg.Response.Schema = ptr(s.schema(envelopesPath, schemafile.ResponseEnvelope, "Response envelope"))
	pg.States = s.statesOf(envelopesPath, []*model.Type{c.Request.Type, c.Response.Type})
	return pg
}

// payloadTypes lists the object types particular to an operation: its
// request payload, its response payload, and the named types that payload
// uses directly.
func (s *site) payloadTypes(op *model.Operation) []*model.Type {
	out := append([]*model.Type{op.Request, op.Response.Payload}, directTypes(op.Response.Payload)...)
	for _, e := range op.Errors {
		out = append(out, e.Payload)
	}
	return out
}

// directTypes lists the named object types the fields of t use, through
// lists and maps, and for a union its variants, in order and without
// repeats (t itself included when it holds itself).
func directTypes(t *model.Type) []*model.Type {
	var out []*model.Type
	seen := map[*model.Type]bool{}
	for _, ref := range t.Refs() {
		for ref.Elem != nil {
			ref = ref.Elem
		}
		if o := ref.Object; o != nil && o.Role == model.RoleType && !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// object renders an object type for page p.
func (s *site) object(p string, t *model.Type, ctx fieldCtx) *Object {
	o := &Object{Name: t.Name, Description: t.Description, Named: t.Role == model.RoleType, Open: t.Open}
	if o.Named {
		o.Href = rel(p, typesPath+"#"+slug(t.Name))
		o.Schema = ptr(s.schema(p, s.files.Type(t), "Type "+t.Name))
	}
	for _, f := range t.Fields {
		o.Fields = append(o.Fields, s.field(p, f, ctx))
	}
	if u := t.Union; u != nil {
		o.Union = &Union{Discriminator: u.Discriminator}
		for _, v := range u.Variants {
			o.Union.Variants = append(o.Union.Variants, UnionVariant{Value: v.Value,
				Type: Link{Text: v.Type.Name, Href: rel(p, typesPath+"#"+slug(v.Type.Name))}})
		}
	}
	return o
}

// hasForbidden reports whether the contract forbids any key or value.
func hasForbidden(c *model.Contract) bool {
	return c.Forbidden != nil && (c.Forbidden.Keys != nil || c.Forbidden.Values != nil)
}
