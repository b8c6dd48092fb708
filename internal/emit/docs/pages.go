package docs

import (
	"html"
	"path"
	"path/filepath"
	"strings"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/model"
)

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
				out = append(out, &StateSet{StateSet: t.State, Name: t.State.Name, Description: t.State.Description, Href: rel(p, statesPath+"#"+slug(t.State.Name))})
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
		for _, r := range t.Refs() {
			walkRef(r)
		}
	}
	for _, t := range types {
		walkType(t)
	}
	return out
}

// statesUsedBy indexes, once, which operations use each state set (in their
// payloads, nested types included), in operation order.
func (s *site) statesUsedBy() map[*model.StateSet][]*model.Operation {
	out := map[*model.StateSet][]*model.Operation{}
	for _, op := range s.c.Operations {
		for _, used := range s.statesOf(statesPath, s.payloadTypes(op)) {
			out[used.StateSet] = append(out[used.StateSet], op)
		}
	}
	return out
}

// stateSetsOf is the set of state sets types use, nested types included.
func (s *site) stateSetsOf(types []*model.Type) map[*model.StateSet]bool {
	out := map[*model.StateSet]bool{}
	for _, used := range s.statesOf(statesPath, types) {
		out[used.StateSet] = true
	}
	return out
}

func (s *site) states() *StatesPage {
	c := s.c
	pg := &StatesPage{Page: s.page(statesPath, "State sets", "Every state set of "+overviewTitle(c)+" and the meaning of each value.")}
	// The envelopes page exists when there are operations.
	reqStates, respStates := map[*model.StateSet]bool{}, map[*model.StateSet]bool{}
	if len(c.Operations) > 0 {
		reqStates, respStates = s.stateSetsOf([]*model.Type{c.Request.Type}), s.stateSetsOf([]*model.Type{c.Response.Type})
	}
	byOp := s.statesUsedBy()
	// The types whose own fields use each state set, indexed once, in
	// type order.
	byType := map[*model.StateSet][]*model.Type{}
	for _, t := range c.Types {
		seen := map[*model.StateSet]bool{}
		for _, f := range t.Fields {
			if st := f.Type.StateSet(); st != nil && !seen[st] {
				seen[st] = true
				byType[st] = append(byType[st], t)
			}
		}
	}
	for _, st := range c.States {
		ss := &StateSet{StateSet: st, Name: st.Name, Description: st.Description, Href: "#" + slug(st.Name)}
		// The envelopes are on every operation page; name them once.
		if reqStates[st] {
			ss.UsedBy = append(ss.UsedBy, Link{Text: "the request envelope", Href: rel(statesPath, envelopesPath+"#request-envelope")})
		}
		if respStates[st] {
			ss.UsedBy = append(ss.UsedBy, Link{Text: "the response envelope", Href: rel(statesPath, envelopesPath+"#response-envelope")})
		}
		for _, op := range byOp[st] {
			ss.UsedBy = append(ss.UsedBy, Link{Text: op.Name, Href: rel(statesPath, operationPath(op))})
		}
		for _, t := range byType[st] {
			ss.UsedBy = append(ss.UsedBy, Link{Text: t.Name, Href: rel(statesPath, typesPath+"#"+slug(t.Name))})
		}
		pg.States = append(pg.States, ss)
	}
	return pg
}

func (s *site) types() *TypesPage {
	c := s.c
	pg := &TypesPage{Page: s.page(typesPath, "Types", "Every named type of "+overviewTitle(c)+" and its fields.")}
	// Who uses each type, indexed once: operations in order, then types.
	opsOf := map[*model.Type][]*model.Operation{}
	inEnvelope := map[*model.Type]bool{}
	if len(c.Operations) > 0 {
		inEnvelope = model.Reached(c.Request.Type, c.Response.Type)
	}
	for _, op := range c.Operations {
		for t := range model.Reached(s.payloadTypes(op)...) {
			opsOf[t] = append(opsOf[t], op)
		}
	}
	// The types whose own fields (or union variants) hold each type, as
	// state sets list theirs: the types that hold it further down are one
	// link away, and listing them all made the page grow with the square
	// of a chain's depth (a chain of 3,000 types: 76 MB).
	typesOfType := map[*model.Type][]*model.Type{}
	for _, other := range c.Types {
		for _, t := range directTypes(other) {
			if t != other {
				typesOfType[t] = append(typesOfType[t], other)
			}
		}
	}
	for _, t := range c.Types {
		o := s.object(typesPath, t, fieldCtx{})
		o.Href = "#" + slug(t.Name)
		if inEnvelope[t] {
			o.UsedBy = append(o.UsedBy, Link{Text: "the envelopes", Href: rel(typesPath, envelopesPath)})
		}
		for _, op := range opsOf[t] {
			o.UsedBy = append(o.UsedBy, Link{Text: op.Name, Href: rel(typesPath, operationPath(op))})
		}
		for _, other := range typesOfType[t] {
			o.UsedBy = append(o.UsedBy, Link{Text: other.Name, Href: "#" + slug(other.Name)})
		}
		pg.Types = append(pg.Types, o)
	}
	return pg
}

func (s *site) forbidden(p string) *Forbidden {
	f := s.c.Forbidden
	if f == nil || (len(f.Keys) == 0 && len(f.Values) == 0) {
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
	}
	switch {
	case f.OnTypes && out.Directions == "":
		out.Directions = "every type on its own"
	case f.OnTypes:
		out.Directions += ", and on every type on its own"
	case out.Directions == "":
		out.Directions = "no messages"
	}
	all := model.On{Requests: f.OnRequests, Responses: f.OnResponses, Types: f.OnTypes}
	for _, k := range f.Keys {
		out.KeyRules = append(out.KeyRules, &KeyRuleText{KeyRule: k, Scope: scopeText(k.AppliesTo, true), On: onText(k.On, all)})
	}
	for _, v := range f.Values {
		out.ValueRules = append(out.ValueRules, &ValueRuleText{ValueRule: v, Scope: scopeText(v.AppliesTo, false), On: onText(v.On, all)})
	}
	return out
}

// onText names the messages a rule is checked on, or "" when they are all
// the contract's rules are checked on.
func onText(o, all model.On) string {
	if o == all {
		return ""
	}
	var parts []string
	if o.Requests {
		parts = append(parts, "requests")
	}
	if o.Responses {
		parts = append(parts, "responses")
	}
	if o.Types {
		parts = append(parts, "types on their own")
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, " and ")
}

// scopeText says what a rule of scope s looks at: keys for a key rule,
// strings for a value rule.
func scopeText(s model.Scope, keys bool) string {
	what := "strings"
	if keys {
		what = "keys"
	}
	switch s {
	case model.ScopeFreeForm:
		return what + " inside free-form values of the payload only: fields of type json and maps"
	case model.ScopePayload:
		if keys {
			return "every dynamic key of the payload: keys of maps and of json values"
		}
		return "every string of the payload"
	case model.ScopeMessage:
		return "every " + strings.TrimSuffix(what, "s") + " of the whole message, envelope included"
	}
	return string(s)
}

func (s *site) forbiddenPage() *ForbiddenPage {
	return &ForbiddenPage{Page: s.page(forbiddenPath, "Forbidden material",
		"Keys and values that no message of "+overviewTitle(s.c)+" may carry."), Forbidden: s.forbidden(forbiddenPath)}
}

func (s *site) mkdocs() *MkDocsConfig {
	cfg := &MkDocsConfig{Header: emit.Header, SiteName: themeText(overviewTitle(s.c)), SiteDescription: themeText(s.c.Description),
		DocsDir: "..", SiteDir: siteDir(s.opts.DocsDir), Contract: s.c}
	var ops []NavItem
	for _, n := range s.nav {
		switch {
		case strings.HasPrefix(n.path, "operations/"):
			ops = append(ops, NavItem{Title: themeText(n.title), Path: n.path})
		case n.path == indexPath:
			cfg.Nav = append(cfg.Nav, NavItem{Title: "Overview", Path: n.path})
		default:
			if ops != nil {
				cfg.Nav = append(cfg.Nav, NavItem{Title: "Operations", Children: ops})
				ops = nil
			}
			cfg.Nav = append(cfg.Nav, NavItem{Title: themeText(n.title), Path: n.path})
		}
	}
	return cfg
}

// themeText makes spec text safe for the values of mkdocs.yml that a theme
// prints into HTML: MkDocs themes print site_name, site_description and nav
// titles without escaping them (into <title>, <meta content="..."> and
// links), so they are written HTML-escaped, on one line. The template then
// quotes them for YAML.
func themeText(s string) string {
	return html.EscapeString(strings.Join(strings.Fields(s), " "))
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
