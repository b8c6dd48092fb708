package validate

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// sections are the spec's top-level keys.
var sections = map[string]bool{"contract": true, "versions": true, "states": true, "lists": true, "forbidden": true,
	"types": true, "envelopes": true, "operations": true, "responses": true, "describe": true}

var yamlBlock = regexp.MustCompile("(?s)```yaml\n(.*?)```")

// TestDocSnippets loads every YAML snippet of docs/spec-language.md, so the
// language reference cannot drift from the loader. A whole spec must load
// and validate; a section replaces the minimal spec's (or is added), a
// field list or a single field goes into a type; each must load without a
// shape error (references to names defined elsewhere are not checked).
func TestDocSnippets(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "spec-language.md"))
	require.NoError(t, err)
	blocks := yamlBlock.FindAllStringSubmatch(string(doc), -1)
	require.GreaterOrEqual(t, len(blocks), 10)
	for i, b := range blocks {
		snippet := b[1]
		var top yaml.Node
		require.NoError(t, yaml.Unmarshal([]byte(snippet), &top), "snippet %d:\n%s", i+1, snippet)
		keys := topKeys(&top)
		require.NotEmpty(t, keys, "snippet %d is not a mapping:\n%s", i+1, snippet)
		var spec string
		switch {
		case sections[keys[0]] && hasKey(keys, "contract") && hasKey(keys, "operations"):
			s, err := load.Bytes("snippet.yaml", []byte(snippet))
			require.NoError(t, err, "snippet %d (a whole spec) must load:\n%s", i+1, snippet)
			_, err = Check(s)
			assert.NoError(t, err, "snippet %d (a whole spec) must validate", i+1)
			continue
		case sections[keys[0]]:
			spec = withSections(minimalSpec, snippet, keys)
		case keys[0] == "fields":
			spec = minimalSpec + "\ntypes:\n  Snippet:\n" + indent(snippet, "    ")
		default:
			spec = minimalSpec + "\ntypes:\n  Snippet:\n    fields:\n" + indent(snippet, "      ")
		}
		_, err := load.Bytes("snippet.yaml", []byte(spec))
		assert.NoError(t, err, "snippet %d must load:\n%s\nas part of:\n%s", i+1, snippet, spec)
	}
}

func topKeys(n *yaml.Node) []string {
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	var out []string
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			out = append(out, n.Content[i].Value)
		}
	}
	return out
}

func hasKey(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// withSections replaces the spec's top-level sections named in keys by the
// snippet's, keeping the others.
func withSections(spec, snippet string, keys []string) string {
	var kept []string
	skip := false
	for _, line := range strings.Split(spec, "\n") {
		if line != "" && line[0] != ' ' && line[0] != '#' {
			skip = hasKey(keys, strings.TrimSuffix(strings.SplitN(line, ":", 2)[0], ":"))
		}
		if !skip {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n") + "\n" + snippet
}

func indent(s, by string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = by + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
