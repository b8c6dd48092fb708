package golang

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/contractgen/contractgen/internal/value"
)

func TestRequiredSet(t *testing.T) {
	cases := map[string][]string{
		`\bgh[pousr]_[A-Za-z0-9_]{20,}\b`:        {"gho_", "ghp_", "ghr_", "ghs_", "ghu_"},
		`\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b`: {"sk_live_", "sk_test_"},
		`\bxox[baprs]-[A-Za-z0-9-]{16,}\b`:       {"xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-"},
		`-----BEGIN [A-Z ]*PRIVATE KEY-----`:     {"PRIVATE KEY-----"},
		`a|b`:                                    nil, // one-letter alternatives filter nothing
		`[Tt]oken`:                               {"Token", "token"},
		`(?:abc)+x`:                              {"abc"},
		`x?`:                                     nil,
		`[a-z]+`:                                 nil,
	}
	for re, want := range cases {
		assert.Equal(t, want, requiredSet(re), re)
	}
}

// TestPrefilterIsSound checks on many strings that whenever a pattern
// matches, one string of its required set is present.
func TestPrefilterIsSound(t *testing.T) {
	patterns := []string{`\bgh[pousr]_[A-Za-z0-9_]{20,}\b`, `-----BEGIN [A-Z ]*PRIVATE KEY-----`, `(?:ab|cd)ef+g`,
		`\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b`, `[Bb]earer [a-z]{3}`, `x[ab]y|z[cd]`}
	inputs := []string{"ghp_123456789012345678901234567890", "x -----BEGIN RSA PRIVATE KEY----- y", "abefffg", "cdefg", "nothing",
		"gh_", "efg", "sk_live_0123456789abcdef", "Bearer abc", "xay", "zd"}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "abcdefghpousr_xyzBkKltEIV -0123456789"
	for i := 0; i < 20000; i++ {
		b := make([]byte, 1+r.IntN(40))
		for j := range b {
			b[j] = alphabet[r.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, p := range patterns {
		re := regexp.MustCompile(p)
		set := requiredSet(p)
		for _, in := range inputs {
			if !re.MatchString(in) {
				continue
			}
			found := false
			for _, l := range set {
				found = found || strings.Contains(in, l)
			}
			assert.True(t, found, "%s matches %q without any of %q", p, in, set)
		}
	}
}

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
