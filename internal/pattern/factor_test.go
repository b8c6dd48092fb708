package pattern_test

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The shipped contract's forbidden value patterns, and more with
// boundaries on one side, both or none.
var alternationSets = [][]string{
	{`\bgh[pousr]_[A-Za-z0-9_]{20,}\b`, `\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b`, `\bxox[baprs]-[A-Za-z0-9\-]{16,}\b`, `-----BEGIN [A-Z ]*PRIVATE KEY-----`},
	{`\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b`, `\b[Bb]earer [A-Za-z0-9._~+/-]{8,}`, `AKIA[0-9A-Z]{16}\b`},
	{`\bx\b`},
}

// TestAlternationMatchesWhereAnyPatternDoes: on the probes and on random
// mixes of their pieces, the factored alternation finds a match exactly
// when one of the portable patterns does.
func TestAlternationMatchesWhereAnyPatternDoes(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := append(append([]string(nil), probes...), "é", "中", " ", "_", "x", "-", "\u0378", "ghp_", "sk_live_", "xoxb-", "123-45-6789", "Bearer ", "AKIA")
	for _, set := range alternationSets {
		alt, err := pattern.PortableAlternation(set)
		require.NoError(t, err)
		combined := regexp.MustCompile(alt)
		var each []*regexp.Regexp
		for _, p := range set {
			pp, err := pattern.PortablePattern(p)
			require.NoError(t, err)
			each = append(each, regexp.MustCompile(pp))
		}
		check := func(s string) {
			want := false
			for _, re := range each {
				want = want || re.MatchString(s)
			}
			assert.Equal(t, want, combined.MatchString(s), "%q", s)
		}
		for _, p := range probes {
			check(p)
		}
		for i := 0; i < 3000; i++ {
			var b strings.Builder
			for n := rng.Intn(5); n >= 0; n-- {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			check(b.String())
		}
		if len(set) > 1 {
			var total int
			for _, re := range each {
				total += len(re.String())
			}
			assert.Less(t, len(alt), total, "factoring makes the pattern shorter")
		}
	}
}
