package config

import (
	"errors"
	"fmt"
	neturl "net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/input"
	"github.com/contractgen/contractgen/internal/names"
	"gopkg.in/yaml.v3"
)

// Severities a lint rule can be given in the config.
var Severities = []string{"error", "warn", "info", "off"}

// maxSize bounds the config file; a real one is a few hundred bytes.
const maxSize = 1 << 20

// Load reads the config at path. Paths inside it are relative to its folder.
// Every problem is reported at once, positioned, with a suggestion for a
// misspelt key.
func Load(path string) (*Config, error) {
	data, err := input.Read(path, maxSize)
	if errors.Is(err, input.ErrTooLarge) {
		return nil, diag.ListError{{File: path, Msg: fmt.Sprintf("config is larger than %d bytes", maxSize)}}
	}
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	return Parse(path, data)
}

// Parse reads a config from data; name is the file it came from.
func Parse(name string, data []byte) (*Config, error) {
	if err := diag.CheckUTF8(name, data); err != nil {
		return nil, err
	}
	var doc yaml.Node
	errs := &diag.List{File: name}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if _, err := fmt.Sscanf(msg, "line %d:", &line); err == nil {
			msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		}
		errs.Add(diag.Pos{Line: line, Col: 1}, "%s", msg)
		return nil, errs.Err()
	}
	r := &reader{errs: errs}
	c := &Config{File: name}
	if len(doc.Content) == 0 {
		errs.Add(diag.Pos{Line: 1, Col: 1}, "config is empty; it needs at least version: %d and spec", Version)
		return nil, errs.Err()
	}
	r.root(doc.Content[0], c)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	dir := filepath.Dir(name)
	c.Spec = rel(dir, c.Spec)
	if c.Go != nil {
		c.Go.Out = rel(dir, c.Go.Out)
	}
	if c.Schema != nil {
		c.Schema.Out = rel(dir, c.Schema.Out)
	}
	if c.Docs != nil {
		c.Docs.Out = rel(dir, c.Docs.Out)
		c.Docs.Templates = rel(dir, c.Docs.Templates)
	}
	return c, nil
}

// reader walks the config's nodes, recording every problem it meets.
type reader struct{ errs *diag.List }

func pos(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }

// field is one allowed key of a mapping and what to do with its value.
type field struct {
	name     string
	required bool
	fn       func(*yaml.Node)
}

func (r *reader) root(n *yaml.Node, c *Config) {
	var version int
	r.object(n, "the config", []field{
		{"version", true, r.version(&version)},
		{"spec", true, r.str(&c.Spec, "spec")},
		{"outputs", false, func(v *yaml.Node) { r.outputs(v, c) }},
		{"lint", false, func(v *yaml.Node) { r.lint(v, c) }},
		{"breaking", false, func(v *yaml.Node) {
			r.object(v, "breaking", []field{{"ignore", false, r.ruleIDs(&c.BreakingIgnore, "breaking ignore")}})
		}},
	})
}

func (r *reader) version(dst *int) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Value != fmt.Sprint(Version) {
			r.errs.Add(pos(n), "version must be %d, got %s; this release reads config version %d only", Version, describe(n), Version)
			return
		}
		*dst = Version
	}
}

func (r *reader) outputs(n *yaml.Node, c *Config) {
	r.object(n, "outputs", []field{
		{"go", false, func(v *yaml.Node) {
			c.Go = &GoTarget{}
			r.object(v, "outputs.go", []field{
				{"out", true, r.str(&c.Go.Out, "outputs.go.out")},
				{"package", false, r.str(&c.Go.Package, "outputs.go.package")},
			})
		}},
		{"schema", false, func(v *yaml.Node) {
			c.Schema = &SchemaTarget{}
			r.object(v, "outputs.schema", []field{
				{"out", true, r.str(&c.Schema.Out, "outputs.schema.out")},
				{"bundle", false, r.boolean(&c.Schema.Bundle, "outputs.schema.bundle")},
			})
		}},
		{"docs", false, func(v *yaml.Node) {
			c.Docs = &DocsTarget{}
			r.object(v, "outputs.docs", []field{
				{"out", true, r.str(&c.Docs.Out, "outputs.docs.out")},
				{"templates", false, r.str(&c.Docs.Templates, "outputs.docs.templates")},
				{"front_matter", false, r.boolean(&c.Docs.FrontMatter, "outputs.docs.front_matter")},
				{"mkdocs", false, r.boolean(&c.Docs.MkDocs, "outputs.docs.mkdocs")},
				{"schema_url", false, r.url(&c.Docs.SchemaURL, "outputs.docs.schema_url")},
			})
		}},
	})
}

func (r *reader) lint(n *yaml.Node, c *Config) {
	r.object(n, "lint", []field{{"rules", false, func(v *yaml.Node) {
		c.Lint = map[string]Setting{}
		for _, p := range r.pairs(v, "lint rules") {
			var sev string
			r.str(&sev, "severity of lint rule "+p[0].Value)(p[1])
			if sev == "" {
				continue
			}
			if !contains(Severities, sev) {
				r.errs.Add(pos(p[1]), "severity of lint rule %s must be one of %s, got %q%s", p[0].Value, strings.Join(Severities, ", "), sev, severityHint(sev))
				continue
			}
			c.Lint[p[0].Value] = Setting{Value: sev, Line: p[0].Line, Col: p[0].Column}
		}
	}}})
}

// ruleIDs reads a list of rule IDs, keeping where each is written.
func (r *reader) ruleIDs(dst *[]Setting, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n.Kind != yaml.SequenceNode {
			r.errs.Add(pos(n), "%s must be a list of rule IDs, got %s", what, describe(n))
			return
		}
		for _, item := range n.Content {
			var s string
			r.str(&s, what+" item")(item)
			if s != "" {
				*dst = append(*dst, Setting{Value: s, Line: item.Line, Col: item.Column})
			}
		}
	}
}

// object reads a mapping with fixed keys: unknown keys are reported with
// the closest allowed one, missing required keys at the mapping.
func (r *reader) object(n *yaml.Node, what string, fields []field) {
	ps := r.pairs(n, what)
	if ps == nil && n.Kind != yaml.MappingNode {
		return
	}
	got := map[string]bool{}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	for _, p := range ps {
		k := p[0].Value
		i := index(names, k)
		if i < 0 {
			r.errs.Add(pos(p[0]), "unknown key %q in %s%s", k, what, hint(k, names))
			continue
		}
		got[k] = true
		fields[i].fn(p[1])
	}
	for _, f := range fields {
		if f.required && !got[f.name] {
			r.errs.Add(pos(n), "%s is missing required key %q", what, f.name)
		}
	}
}

// pairs returns a mapping's key/value pairs, reporting duplicates and
// anything that is not a mapping of plain keys.
func (r *reader) pairs(n *yaml.Node, what string) [][2]*yaml.Node {
	if n.Kind == yaml.AliasNode {
		r.errs.Add(pos(n), "aliases are not supported in the config; write %s out", what)
		return nil
	}
	if n.Kind != yaml.MappingNode {
		r.errs.Add(pos(n), "%s must be a mapping, got %s", what, describe(n))
		return nil
	}
	seen := map[string]int{}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
			r.errs.Add(pos(k), "keys in %s must be plain strings", what)
			continue
		}
		if line, dup := seen[k.Value]; dup {
			r.errs.Add(pos(k), "duplicate key %q in %s; first written at line %d", k.Value, what, line)
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, [2]*yaml.Node{k, n.Content[i+1]})
	}
	return out
}

func (r *reader) str(dst *string, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n.Kind != yaml.ScalarNode || n.Tag != "!!str" || n.Value == "" {
			r.errs.Add(pos(n), "%s must be a non-empty string, got %s", what, describe(n))
			return
		}
		*dst = n.Value
	}
}

// url reads an absolute http or https URL, such as where schemas are
// hosted.
func (r *reader) url(dst *string, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		var s string
		r.str(&s, what)(n)
		if s == "" {
			return
		}
		if err := CheckURL(s); err != nil {
			r.errs.Add(pos(n), "%s %v", what, err)
			return
		}
		*dst = s
	}
}

// CheckURL reports why s is not an absolute http or https URL with a host.
func CheckURL(s string) error {
	u, err := neturl.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("must be an absolute http or https URL, got %q", s)
	}
	return nil
}

func (r *reader) boolean(dst *bool, what string) func(*yaml.Node) {
	return func(n *yaml.Node) {
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			r.errs.Add(pos(n), "%s must be true or false, got %s", what, describe(n))
			return
		}
		*dst = n.Value == "true"
	}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an alias"
}

// hint suggests the closest allowed name, or lists them all.
func hint(k string, allowed []string) string {
	if best := names.Closest(k, allowed); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	sorted := append([]string(nil), allowed...)
	sort.Strings(sorted)
	return "; expected one of: " + strings.Join(sorted, ", ")
}

// severityHint suggests the severity a misspelt one means ("warning").
func severityHint(s string) string {
	for _, sev := range Severities {
		if strings.HasPrefix(strings.ToLower(s), sev) || names.Closest(s, []string{sev}) != "" {
			return fmt.Sprintf("; did you mean %q?", sev)
		}
	}
	return ""
}

func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func contains(list []string, s string) bool { return index(list, s) >= 0 }
