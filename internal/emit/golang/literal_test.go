package golang

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/contractgen/contractgen/internal/value"
)

// TestUses finds an identifier in statements only as a whole word outside
// string literals.
func TestUses(t *testing.T) {
	for _, c := range []struct {
		stmts []string
		want  bool
	}{
		{[]string{"checkKey(&kp0, k, es, sc0)"}, true},
		{[]string{"x := sc01 | sc"}, false},
		{[]string{`es.fail(&ip1, "sc0 must be one of: a")`}, false},
		{[]string{"es.fail(&ip1, `sc0`)", `f('"', sc0)`}, true},
		{[]string{`s := "a\"sc0"`}, false},
		{[]string{"v := m.Xsc0 + m.日sc0"}, false},
		{nil, false},
	} {
		if got := uses(c.stmts, "sc0"); got != c.want {
			t.Errorf("uses(%q, sc0) = %v, want %v", c.stmts, got, c.want)
		}
	}
}

// TestLiteralTypeOfAListNoFieldTakes: a list no field takes as its default
// is typed by its values, widening integers to numbers and anything mixed
// to json.
func TestLiteralTypeOfAListNoFieldTakes(t *testing.T) {
	lit := func(k value.Kind, s string) *value.Value { return &value.Value{Kind: k, Num: s, Str: s} }
	list := func(items ...*value.Value) *value.Value { return &value.Value{Kind: value.List, Items: items} }
	cases := []struct {
		v    *value.Value
		want string
	}{
		{list(lit(value.String, "a"), lit(value.String, "b")), "[]string"},
		{list(lit(value.Int, "1"), lit(value.Int, "2")), "[]int64"},
		{list(lit(value.Int, "1"), lit(value.Number, "2.5")), "[]float64"},
		{list(lit(value.Bool, "")), "[]bool"},
		{list(list(lit(value.Int, "1")), list()), "[][]int64"},
		{list(list(lit(value.Int, "1")), list(lit(value.Number, "0.5"))), "[][]float64"},
		{list(lit(value.Int, "1"), lit(value.String, "a")), "[]json.RawMessage"},
		{list(list(), lit(value.Int, "1")), "[]json.RawMessage"},
		{list(&value.Value{Kind: value.Object}), "[]json.RawMessage"},
		{list(), "[]string"},
	}
	for _, c := range cases {
		w := &gw{}
		assert.Equal(t, c.want, w.goType(orStrings(literalType(c.v))), string(c.v.JSON()))
	}
}
