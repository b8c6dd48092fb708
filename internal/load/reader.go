package load

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/names"
	"github.com/contractgen/contractgen/internal/value"
	"gopkg.in/yaml.v3"
)

// maxDepth bounds nesting of free-form literals; deeper documents are
// rejected rather than recursed into.
const maxDepth = 1000

// reader walks yaml nodes and records every shape error it meets.
type reader struct {
	errs *diag.List
	// visited counts nodes read, aliases each time they are followed; once
	// it passes budget (see budget in text.go) the spec is refused, so an
	// alias bomb ends in an error, not in time and memory.
	visited, budget int
	blown           bool
	// shapes, when not nil, records every grammar shape read, so that a
	// test can show the loader reaches each one.
	shapes map[string]bool
	// cur is the field being read, fieldKeyTable the handlers of its keys
	// (see fieldKeys).
	cur           fieldReading
	fieldKeyTable []key
}

func pos(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }

// deref follows an alias, charging the node budget so that nested aliases
// cannot multiply work without bound. It returns nil once the budget is spent.
func (r *reader) deref(n *yaml.Node) *yaml.Node {
	if r.blown {
		return nil
	}
	r.visited++
	if r.visited > r.budget {
		r.blown = true
		r.errs.Add(pos(n), "spec is too large once aliases are expanded (more than %d nodes, %d times its own); remove nested aliases", r.budget, aliasFactor)
		return nil
	}
	for n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return nil
		}
		n = n.Alias
	}
	return n
}

// key binds an allowed key of a mapping (see Grammar) to what to do with
// its value.
type key struct {
	name string
	fn   func(v *yaml.Node)
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!bool":
			return "boolean " + n.Value
		case "!!int":
			return "integer " + n.Value
		case "!!float":
			return "number " + n.Value
		case "!!timestamp":
			return "timestamp " + n.Value + " (quote it to make it a string)"
		}
		return strconv.Quote(n.Value)
	}
	return "an unsupported node"
}

// pairs checks that n is a mapping without duplicate keys and returns its
// key/value node pairs in order.
func (r *reader) pairs(n *yaml.Node, what string) ([][2]*yaml.Node, bool) {
	if n = r.deref(n); n == nil {
		return nil, false
	}
	if n.Kind != yaml.MappingNode {
		r.errs.Add(pos(n), "%s must be a mapping, got %s", what, kindName(n))
		return nil, false
	}
	out := make([][2]*yaml.Node, 0, len(n.Content)/2)
	var seen map[string]*yaml.Node // keys of a large mapping; a small one is searched
	if len(n.Content)/2 > smallMapping {
		seen = make(map[string]*yaml.Node, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := r.deref(n.Content[i]), n.Content[i+1]
		if k == nil {
			return out, false
		}
		if k.Tag == "!!merge" {
			r.errs.Add(pos(k), "merge keys (<<) are not supported in %s; write the keys out", what)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			r.errs.Add(pos(k), "keys in %s must be plain strings, got %s", what, kindName(k))
			continue
		}
		if first := earlier(out, seen, k.Value); first != nil {
			r.errs.Add(pos(k), "duplicate key %q in %s; first defined at line %d", k.Value, what, first.Line)
			continue
		}
		if seen != nil {
			seen[k.Value] = k
		}
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out, true
}

// smallMapping is the most keys pairs looks through one by one for a
// duplicate; most mappings of a spec (a field, a constraint) are that
// small, and a map per mapping was a tenth of what loading allocated.
const smallMapping = 16

// earlier returns the key node of pairs (or seen, when not nil) named key.
func earlier(pairs [][2]*yaml.Node, seen map[string]*yaml.Node, key string) *yaml.Node {
	if seen != nil {
		return seen[key]
	}
	for _, p := range pairs {
		if p[0].Value == key {
			return p[0]
		}
	}
	return nil
}

// object reads a mapping of the grammar's shape, reporting unknown keys
// with a suggestion and missing required keys. The keys handled are the
// shape's; a handler the grammar does not list, or a key of the grammar
// without a handler, is a defect of the loader, reported as such.
func (r *reader) object(n *yaml.Node, what, shape string, keys []key) {
	sh := grammar[shape]
	if sh == nil || len(sh.Keys) != len(keys) {
		r.errs.Add(pos(n), "internal error: the loader's keys for %s do not match the grammar of %q", what, shape)
		return
	}
	for i, k := range keys {
		if sh.Keys[i].Name != k.name {
			r.errs.Add(pos(n), "internal error: the loader's key %q of %s is not the grammar's %q", k.name, what, sh.Keys[i].Name)
			return
		}
	}
	if r.shapes != nil {
		r.shapes[shape] = true
	}
	ps, ok := r.pairs(n, what)
	if !ok {
		return
	}
	got := make([]bool, len(keys))
	for _, p := range ps {
		k := p[0]
		found := false
		for i, spec := range keys {
			if spec.name == k.Value {
				found = true
				got[i] = true
				spec.fn(p[1])
			}
		}
		if !found {
			r.errs.Add(pos(k), "unknown key %q in %s%s%s", k.Value, what, commaHint(n, p[1]), suggest(k.Value, keys))
		}
	}
	for i, spec := range keys {
		if sh.Keys[i].Required && !got[i] {
			r.errs.Add(pos(n), "%s is missing required key %q", what, spec.name)
		}
	}
}

// commaHint explains the likeliest cause of an unknown key without a value
// in a flow mapping ({type: string, description: Red, green}): a comma
// ended the value before it, and the rest became a key.
func commaHint(m, v *yaml.Node) string {
	if m.Style&yaml.FlowStyle == 0 || v.Kind != yaml.ScalarNode || v.Tag != "!!null" || v.Value != "" {
		return ""
	}
	return " (a comma ends a value inside {...}; quote a value that holds one)"
}

// suggest proposes the closest allowed key when one is near enough to be a typo.
func suggest(k string, keys []key) string {
	names := make([]string, len(keys))
	for i, spec := range keys {
		names[i] = spec.name
	}
	if best := Closest(k, names); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	sort.Strings(names)
	return "; expected one of: " + strings.Join(names, ", ")
}

// Closest returns the candidate nearest to name when it is near enough to be
// a typo of it, or "".
func Closest(name string, candidates []string) string { return names.Closest(name, candidates) }

// str reads a string scalar into dst.
func (r *reader) str(dst *Str, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = r.deref(n); n == nil {
			return
		}
		if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
			r.errs.Add(pos(n), "%s must be a string, got %s", what, kindName(n))
			return
		}
		*dst = Str{V: n.Value, Pos: pos(n)}
	}
}

// boolean reads a boolean scalar into *dst.
func (r *reader) boolean(dst **Bool, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = r.deref(n); n == nil {
			return
		}
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			r.errs.Add(pos(n), "%s must be true or false, got %s", what, kindName(n))
			return
		}
		*dst = &Bool{V: n.Value == "true", Pos: pos(n)}
	}
}

// integer reads a non-negative integer scalar into *dst.
func (r *reader) integer(dst **Int, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = r.deref(n); n == nil {
			return
		}
		v, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil || v < 0 {
			r.errs.Add(pos(n), "%s must be a non-negative integer, got %s", what, kindName(n))
			return
		}
		*dst = &Int{V: v, Pos: pos(n)}
	}
}

// strs reads a list of strings.
func (r *reader) strs(dst *[]Str, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n = r.deref(n); n == nil {
			return
		}
		if n.Kind != yaml.SequenceNode {
			r.errs.Add(pos(n), "%s must be a list of strings, got %s", what, kindName(n))
			return
		}
		for _, item := range n.Content {
			var s Str
			r.str(&s, what+" item")(item)
			if s.Set() {
				*dst = append(*dst, s)
			}
		}
	}
}

// literal converts a node into a JSON-like value, keeping key order.
func (r *reader) literal(dst **value.Value, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		*dst = r.lit(n, what, 0)
	}
}

func (r *reader) lit(n *yaml.Node, what string, depth int) *value.Value {
	if n = r.deref(n); n == nil {
		return nil
	}
	if depth > maxDepth {
		r.errs.Add(pos(n), "%s is nested more than %d levels deep", what, maxDepth)
		r.blown = true
		return nil
	}
	v := &value.Value{Pos: pos(n)}
	switch n.Kind {
	case yaml.SequenceNode:
		v.Kind = value.List
		v.Items = []*value.Value{}
		for _, c := range n.Content {
			if item := r.lit(c, what, depth+1); item != nil {
				v.Items = append(v.Items, item)
			}
		}
	case yaml.MappingNode:
		v.Kind = value.Object
		v.Members = []value.Member{}
		ps, _ := r.pairs(n, what)
		for _, p := range ps {
			if item := r.lit(p[1], what, depth+1); item != nil {
				v.Members = append(v.Members, value.Member{Key: p[0].Value, KeyPos: pos(p[0]), Value: item})
			}
		}
	case yaml.ScalarNode:
		return r.scalar(n, v, what)
	default:
		r.errs.Add(pos(n), "%s has an unsupported YAML node", what)
		return nil
	}
	return v
}

func (r *reader) scalar(n *yaml.Node, v *value.Value, what string) *value.Value {
	switch n.Tag {
	case "!!null":
		v.Kind = value.Null
	case "!!bool":
		v.Kind, v.Bool = value.Bool, n.Value == "true"
	case "!!int":
		i, err := strconv.ParseInt(n.Value, 0, 64)
		if err != nil {
			r.errs.Add(pos(n), "%s: integer %s does not fit in 64 bits", what, n.Value)
			return nil
		}
		v.Kind, v.Num = value.Int, strconv.FormatInt(i, 10)
	case "!!float":
		// Every finite float64 is a JSON number, up to ±1.7976931348623157e308
		// (YAML reads a literal beyond it, such as 1e309, as a string).
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			r.errs.Add(pos(n), "%s: %s is not a finite JSON number", what, n.Value)
			return nil
		}
		v.Kind, v.Num = value.Number, strconv.FormatFloat(f, 'g', -1, 64)
	case "!!str":
		v.Kind, v.Str = value.String, n.Value
	case "!!timestamp":
		r.errs.Add(pos(n), "%s: %s is a YAML timestamp, which JSON does not have; quote it to make it a string: \"%s\"", what, n.Value, n.Value)
		return nil
	default:
		r.errs.Add(pos(n), "%s: unsupported YAML tag %s; expected a JSON-like value: null, boolean, number, string, list or mapping", what, n.Tag)
		return nil
	}
	return v
}
