package golang

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRequiredLiteral(t *testing.T) {
	cases := map[string]string{
		`\bgh[pousr]_[A-Za-z0-9_]{20,}\b`:        "gh",
		`\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b`: "sk_",
		`\bxox[baprs]-[A-Za-z0-9-]{16,}\b`:       "xox",
		`-----BEGIN [A-Z ]*PRIVATE KEY-----`:     "PRIVATE KEY-----",
		`a|b`:                                    "",
		`[Tt]oken`:                               "oken",
		`(?:abc)+x`:                              "abc",
		`x?`:                                     "",
	}
	for re, want := range cases {
		got := requiredLiteral(re)
		assert.Equal(t, want, got, re)
	}
}

// TestPrefilterIsSound checks on many strings that whenever a pattern
// matches, its required literal is present.
func TestPrefilterIsSound(t *testing.T) {
	patterns := []string{`\bgh[pousr]_[A-Za-z0-9_]{20,}\b`, `-----BEGIN [A-Z ]*PRIVATE KEY-----`, `(?:ab|cd)ef+g`}
	inputs := []string{"ghp_123456789012345678901234567890", "x -----BEGIN RSA PRIVATE KEY----- y", "abefffg", "cdefg", "nothing", "gh_", "efg"}
	for _, p := range patterns {
		re := regexp.MustCompile(p)
		lit := requiredLiteral(p)
		for _, in := range inputs {
			if re.MatchString(in) {
				assert.True(t, strings.Contains(in, lit), "%s matches %q without %q", p, in, lit)
			}
		}
	}
}
