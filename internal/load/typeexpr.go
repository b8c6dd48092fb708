package load

import (
	"fmt"
	"strings"
)

// TypeExpr is the parsed form of a field's type text.
type TypeExpr struct {
	// Container is "list", "map" or "" for a plain name.
	Container string
	Elem      *TypeExpr
	// Name is a builtin (string, integer, number, boolean, json) or the name
	// of a state set or object type.
	Name string
}

// Builtins are the type names the language defines itself.
var Builtins = []string{"string", "integer", "number", "boolean", "json"}

// ParseType parses type text such as "list<map<string>>".
func ParseType(text string) (*TypeExpr, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return nil, fmt.Errorf("type must not be empty")
	}
	for _, c := range [...]string{"list", "map"} {
		if len(t) > len(c) && t[len(c)] == '<' && strings.HasPrefix(t, c) {
			if !strings.HasSuffix(t, ">") {
				return nil, fmt.Errorf("type %q is missing a closing '>'", text)
			}
			inner := t[len(c)+1 : len(t)-1]
			if strings.TrimSpace(inner) == "" {
				return nil, fmt.Errorf("type %q is missing its element type, e.g. %s<string>", text, c)
			}
			elem, err := ParseType(inner)
			if err != nil {
				return nil, err
			}
			return &TypeExpr{Container: c, Elem: elem}, nil
		}
	}
	if strings.ContainsAny(t, "<> ,") {
		return nil, fmt.Errorf("type %q is not valid; expected a name, list<T> or map<T>", text)
	}
	return &TypeExpr{Name: t}, nil
}
