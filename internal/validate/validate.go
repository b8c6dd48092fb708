// Package validate checks the meaning of a loaded spec: references resolve,
// names stay unique once they become Go identifiers, constraints fit their
// types, and defaults and examples obey their own fields. It reports every
// problem at once and, when there is none, returns the model.
package validate

import (
	"fmt"
	"go/token"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/names"
	"github.com/contractgen/contractgen/internal/value"
)

// checker holds the symbol tables of one spec while it is checked.
type checker struct {
	s        *load.Spec
	errs     *diag.List
	versions map[string]*load.Version
	states   map[string]*load.StateSet
	lists    map[string]*load.NamedList
	types    map[string]*load.Type
	goNames  map[string]goName
	namer    *names.Namer
	// forbiddenSeen holds the literals already reported for forbidden
	// material, which a type's several uses would report again.
	forbiddenSeen map[*value.Value]bool
	// patterns holds what patternProblems found of each pattern text.
	patterns map[string][]string
}

// fieldDesc names field name of owner in messages.
func fieldDesc(name, owner string) string { return "field " + strconv.Quote(name) + " of " + owner }

// goNamesOf is about how many Go identifiers symbols claims for s, so that
// the table of them is made once at its size rather than grown (an
// operation claims 13 to 15, a type 4).
func goNamesOf(s *load.Spec) int {
	return len(reserved) + 16*len(s.Operations) + 4*len(s.Types) + 2*len(s.States) + len(s.Lists) + len(s.Versions)
}

// goName records who first claimed a Go identifier.
type goName struct {
	what string
	pos  diag.Pos
}

// Check validates s and builds its model. The error is a diag.ListError
// holding every problem, sorted by position.
func Check(s *load.Spec) (*model.Contract, error) {
	c := &checker{s: s, errs: &diag.List{File: s.File},
		versions: map[string]*load.Version{}, states: map[string]*load.StateSet{},
		lists: map[string]*load.NamedList{}, types: map[string]*load.Type{}, goNames: make(map[string]goName, goNamesOf(s)), namer: model.SpecNamer(s),
		patterns: map[string][]string{}}
	// The model only reads the spec, as the checks below do, so it is
	// built on another core meanwhile: it is about a third of validating a
	// large spec, which nothing else overlaps.
	built := make(chan *model.Contract, 1)
	go func() { built <- model.Build(s) }()
	c.contract()
	c.symbols()
	c.forbidden()
	for _, t := range s.Types {
		c.fields(t.Fields, ctxType, fmt.Sprintf("type %q", t.Name.V))
	}
	c.unions()
	c.typeCycles()
	c.typeSizes()
	c.envelopes()
	c.operations()
	c.sharedResponses()
	c.describe()
	// Literals are checked even when the checks above found problems, so a
	// spec shows every error in one run; the model tolerates what is broken.
	m := <-built
	c.values(m)
	c.forbiddenStatic(m)
	c.forbiddenLiterals(m)
	if err := c.errs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

func (c *checker) contract() {
	k := c.s.Contract
	if k == nil {
		return
	}
	why := names.ValidPackage(k.Package.V)
	if token.IsKeyword(k.Package.V) {
		why = "is a Go keyword"
	}
	if k.Package.Set() && why != "" {
		c.errs.Add(k.Package.Pos, "contract package %q %s; expected a lower-case Go identifier such as %q", k.Package.V, why, "contract")
	}
	if k.Name.Set() && strings.TrimSpace(k.Name.V) == "" {
		c.errs.Add(k.Name.Pos, "contract name must not be empty")
	}
	seen := map[string]load.Str{}
	for _, i := range k.Initialisms {
		switch up := strings.ToUpper(i.V); {
		case i.V == "" || strings.IndexFunc(i.V, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) >= 0 || !unicode.IsUpper([]rune(i.V)[0]):
			c.errs.Add(i.Pos, "contract initialism %q must be letters and digits starting with an upper-case letter, as Go names should spell it, such as %q", i.V, "SaaS")
		case seen[up].Pos.Line > 0:
			c.errs.Add(i.Pos, "contract initialism %q repeats %q (line %d); initialisms are compared case-insensitively", i.V, seen[up].V, seen[up].Pos.Line)
		default:
			seen[up] = i
		}
	}
	if k.SchemaBaseURI.Set() {
		u, err := url.Parse(k.SchemaBaseURI.V)
		if err != nil || u.Scheme == "" || u.Host == "" || !strings.HasSuffix(u.Path, "/") || u.RawQuery != "" || u.Fragment != "" {
			c.errs.Add(k.SchemaBaseURI.Pos, "contract schema_base_uri %q must be an absolute URI ending in '/', such as %q", k.SchemaBaseURI.V, "https://schemas.example.com/contract/")
		}
	}
}

// MaxName is the longest name (operation, type, field, state set or value,
// version, list) a spec may use, in bytes. Names become file names of the
// schemas and docs, such as <operation>.response.schema.json; with this limit
// every file name stays well under the 255 bytes file systems allow.
const MaxName = 128

// name reports a name longer than MaxName.
func (c *checker) name(n load.Str, what string) {
	if len(n.V) > MaxName {
		c.errs.Add(n.Pos, "%s is %d bytes long; names may be at most %d bytes (they become file names and Go identifiers), shorten it", what, len(n.V), MaxName)
	}
}

// goIdent checks the go_name override of what: an exported Go identifier.
func (c *checker) goIdent(n load.Str, what string) {
	if n.Set() && (!token.IsIdentifier(n.V) || !token.IsExported(n.V)) {
		c.errs.Add(n.Pos, "%s go_name %q must be an exported Go identifier (a letter, upper case, then letters, digits or '_')", what, n.V)
	}
}

// claim registers a Go identifier; a second claim is a collision error. It
// reports whether the identifier was free.
func (c *checker) claim(ident, what string, pos diag.Pos) bool {
	return c.claimOr(ident, what, pos, "rename one of them")
}

// claimOr is claim with the advice given on a collision.
func (c *checker) claimOr(ident, what string, pos diag.Pos, advice string) bool {
	if prev, ok := c.goNames[ident]; ok {
		if prev.pos.Line == 0 {
			c.errs.Add(pos, "%s becomes Go identifier %s, which the generated code reserves; rename it", what, ident)
			return false
		}
		c.errs.Add(pos, "%s becomes Go identifier %s, which %s (line %d) already uses; %s", what, ident, prev.what, prev.pos.Line, advice)
		return false
	}
	c.goNames[ident] = goName{what: what, pos: pos}
	return true
}

// symbols fills the symbol tables and claims the package-level Go names.
func (c *checker) symbols() {
	for _, r := range reserved {
		c.goNames[r] = goName{what: "a name the generated code reserves"}
	}
	for _, v := range c.s.Versions {
		c.name(v.Name, "version name")
		c.versions[v.Name.V] = v
		c.claim("Version"+c.namer.Exported(v.Name.V), fmt.Sprintf("version %q", v.Name.V), v.Name.Pos)
		if v.Value.Set() && v.Value.V == "" {
			c.errs.Add(v.Value.Pos, "version %q value must not be empty", v.Name.V)
		}
	}
	for _, st := range c.s.States {
		c.stateSet(st)
	}
	for _, l := range c.s.Lists {
		c.name(l.Name, "list name")
		c.lists[l.Name.V] = l
		c.claim(c.namer.Exported(l.Name.V)+"List", fmt.Sprintf("list %q", l.Name.V), l.Name.Pos)
		if l.Values != nil && l.Values.Kind != "list" {
			c.errs.Add(l.Values.Pos, "list %q values must be a list, got %s", l.Name.V, l.Values.Kind)
		}
	}
	for _, t := range c.s.Types {
		c.name(t.Name, "type name")
		_, clash := c.states[t.Name.V]
		if clash {
			c.errs.Add(t.Name.Pos, "type %q has the same name as a state set; rename one of them", t.Name.V)
		}
		if isBuiltin(t.Name.V) {
			c.errs.Add(t.Name.Pos, "type %q has the name of a built-in type; rename it", t.Name.V)
		}
		c.types[t.Name.V] = t
		if !clash { // the same name gives the same Go name; reported above
			g := model.TypeGoName(c.namer, t)
			what := "type " + strconv.Quote(t.Name.V)
			c.goIdent(t.GoName, what)
			for _, ident := range []string{g, g + "Args", "Build" + g, "Decode" + g} {
				if !c.claim(ident, what, t.Name.Pos) {
					break
				}
			}
		}
	}
	for _, op := range c.s.Operations {
		c.name(op.Name, "operation name")
		g := c.namer.Exported(op.Name.V)
		what := "operation " + strconv.Quote(op.Name.V)
		// One collision is enough to report: two operations with the same Go
		// name collide on every derived identifier.
		for _, ident := range []string{g + "Request", g + "RequestPayload", g + "RequestArgs", g + "Response", g + "ResponsePayload",
			g + "ResponseArgs", "Operation" + g, "Build" + g + "Request", "Build" + g + "Response", "Decode" + g + "Request",
			"Decode" + g + "Response", "Decode" + g + "RequestPayload", "Decode" + g + "ResponsePayload"} {
			if !c.claim(ident, what, op.Name.Pos) {
				break
			}
		}
		if len(op.Errors) > 0 {
			for _, ident := range []string{g + "Answer", "Decode" + g + "Answer"} {
				c.claim(ident, what, op.Name.Pos)
			}
		}
		for _, e := range op.Errors {
			if c.namer.Exported(e.Name.V) == "Response" {
				continue // reported with its own message by errorResponses
			}
			eg := g + c.namer.Exported(e.Name.V)
			for _, ident := range []string{eg + "Response", eg + "ResponseArgs", eg + "Payload", "Build" + eg + "Response",
				"Decode" + eg + "Response", "Decode" + eg + "Payload"} {
				if !c.claim(ident, fmt.Sprintf("error %q of %s", e.Name.V, what), e.Name.Pos) {
					break
				}
			}
		}
	}
	for _, r := range c.s.Responses {
		g := c.namer.Exported(r.Name.V)
		for _, ident := range []string{g + "Response", g + "ResponseArgs", g + "Payload", "Build" + g + "Response",
			"Decode" + g + "Response", "Decode" + g + "Payload"} {
			if !c.claim(ident, fmt.Sprintf("shared response %q", r.Name.V), r.Name.Pos) {
				break
			}
		}
	}
}

func (c *checker) stateSet(st *load.StateSet) {
	what := fmt.Sprintf("state set %q", st.Name.V)
	c.name(st.Name, "state set name")
	if isBuiltin(st.Name.V) {
		c.errs.Add(st.Name.Pos, "%s has the name of a built-in type; rename it", what)
	}
	c.states[st.Name.V] = st
	g := c.namer.Exported(st.Name.V)
	c.claim(g, what, st.Name.Pos)
	c.claim(g+"Values", what, st.Name.Pos)
	if len(st.Values) == 0 {
		c.errs.Add(st.Name.Pos, "%s must have at least one value", what)
	}
	alike := map[string]*load.StateValue{}
	for _, v := range st.Values {
		c.name(v.Value, "state value")
		if v.Value.V == "" {
			c.errs.Add(v.Value.Pos, "%s has an empty value", what)
			continue
		}
		sw := "state " + strconv.Quote(v.Value.V) + " of " + what
		c.goIdent(v.GoName, sw)
		suffix := model.StateValueGoName(c.namer, v)
		if !c.claimOr(g+suffix, sw, v.Value.Pos, "give one of them a go_name") {
			continue
		}
		// Names that differ only in the case of look-alike letters (µ and
		// Μ, K and the Kelvin sign) compile, but no reader can tell them
		// apart.
		key := strings.ToLower(strings.ToUpper(suffix))
		if prev, ok := alike[key]; ok {
			c.errs.Add(v.Value.Pos, "state %q of %s becomes Go identifier %s, which looks like %s of state %q (line %d); give one of them a go_name", v.Value.V, what, g+suffix, g+model.StateValueGoName(c.namer, prev), prev.Value.V, prev.Value.Pos.Line)
			continue
		}
		alike[key] = v
	}
}

func isBuiltin(name string) bool {
	for _, b := range load.Builtins {
		if b == name {
			return true
		}
	}
	return name == "list" || name == "map"
}

// reserved are the package-level identifiers the generated Go package
// defines itself, whatever the spec; spec names must not become them.
var reserved = []string{
	"AnyRequest", "RequestHeader", "OperationInfo", "Operations", "DescribeContract", "CheckForbidden",
	"ValidationError", "Errors", "DecodeOption", "AllowUnknownFields", "Map", "Entry",
	"ErrRequired", "ErrType", "ErrConst", "ErrEmpty", "ErrNotInStateSet", "ErrOutOfRange", "ErrLength",
	"ErrTooFewItems", "ErrTooManyItems", "ErrRepeatedItem", "ErrPattern", "ErrFormat", "ErrForbiddenKey", "ErrForbiddenValue",
	"ErrMismatchedOperation", "ErrSyntax", "ErrUnknownField", "ErrDuplicateKey", "ErrCaseVariantKey", "ErrTrailingData", "ErrTooDeep",
}
