package pattern

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
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

// TestByFirstByte: literals sorted by first byte, ties kept in order, and
// each starting byte once.
func TestByFirstByte(t *testing.T) {
	lits := []string{"sk_", "ac", "gh", "ab", "a"}
	if starts := ByFirstByte(lits); starts != "ags" {
		t.Errorf("starts %q, want %q", starts, "ags")
	}
	if want := []string{"ac", "ab", "a", "gh", "sk_"}; !slices.Equal(lits, want) {
		t.Errorf("order %q, want %q", lits, want)
	}
}
