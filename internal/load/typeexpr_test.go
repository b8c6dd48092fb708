package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// render writes a parsed type back in spec syntax, to compare whole trees.
func render(te *TypeExpr) string {
	if te.Container != "" {
		return te.Container + "<" + render(te.Elem) + ">"
	}
	return te.Name
}

func TestParseType(t *testing.T) {
	cases := []struct {
		text, want string
	}{
		{"string", "string"},
		{"integer", "integer"},
		{"json", "json"},
		{"  boolean  ", "boolean"},
		{"TenantSummary", "TenantSummary"},
		{"operating_state", "operating_state"},
		{"list<string>", "list<string>"},
		{"map<integer>", "map<integer>"},
		{"list<map<string>>", "list<map<string>>"},
		{"map<list<TenantSummary>>", "map<list<TenantSummary>>"},
		{"list< string >", "list<string>"},
		{"list<list<list<number>>>", "list<list<list<number>>>"},
		// Only list< and map< open containers; other names are plain names
		// that the validator resolves (and rejects when undefined).
		{"listing", "listing"},
		{"mapping", "mapping"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			te, err := ParseType(c.text)
			require.NoError(t, err)
			assert.Equal(t, c.want, render(te))
		})
	}
}

func TestParseTypeStructure(t *testing.T) {
	te, err := ParseType("map<list<Item>>")
	require.NoError(t, err)
	assert.Equal(t, &TypeExpr{Container: "map", Elem: &TypeExpr{Container: "list", Elem: &TypeExpr{Name: "Item"}}}, te)
}

func TestParseTypeErrors(t *testing.T) {
	cases := []struct {
		text, want string
	}{
		{"", "type must not be empty"},
		{"   ", "type must not be empty"},
		{"list<string", `type "list<string" is missing a closing '>'`},
		{"map<", `type "map<" is missing a closing '>'`},
		{"list<>", `type "list<>" is missing its element type, e.g. list<string>`},
		{"map< >", `type "map< >" is missing its element type, e.g. map<string>`},
		{"list<list<string>", `type "list<string" is missing a closing '>'`},
		{"list<string>>", `type "string>" is not valid; expected a name, list<T> or map<T>`},
		{"map<string, integer>", `type "string, integer" is not valid; expected a name, list<T> or map<T>`},
		{"list <string>", `type "list <string>" is not valid; expected a name, list<T> or map<T>`},
		{"set<string>", `type "set<string>" is not valid; expected a name, list<T> or map<T>`},
		{"List<string>", `type "List<string>" is not valid; expected a name, list<T> or map<T>`},
		{"string integer", `type "string integer" is not valid; expected a name, list<T> or map<T>`},
		{"a,b", `type "a,b" is not valid; expected a name, list<T> or map<T>`},
		{"string>", `type "string>" is not valid; expected a name, list<T> or map<T>`},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			te, err := ParseType(c.text)
			assert.Nil(t, te)
			require.Error(t, err)
			assert.Equal(t, c.want, err.Error())
		})
	}
}
