package rt

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/pattern"
)

// anchoredCases are value patterns of several shapes, with whether the
// generator splits them at their literals (pattern.Anchor).
var anchoredCases = []struct {
	spec string
	fast bool
}{
	{`\bgh[pousr]_[A-Za-z0-9_]{20,}\b`, true},
	{`\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b`, true},
	{`\bxox[baprs]-[A-Za-z0-9\-]{16,}\b`, true},
	{`-----BEGIN [A-Z ]*PRIVATE KEY-----`, true},
	{`\bAKIA[0-9A-Z]{4}\b`, true},
	{`\bпароль[0-9]+`, true},
	{`(?:ab|cd)ef[0-9]+$`, true},
	{`foo.*bar`, true},
	{`\bfo[a-z]*o\b`, true},
	{`[a-z]+@example`, true},
	{`[A-Za-z0-9._+-]+@staff\.example\.org`, true},
	{`x*abc[0-9]`, true},
	{`[a-c]?bc`, true},
	{`[a-z]{2,}@example`, false},
	{`^secret_[a-z]+`, false},
	{`[^a]bc+`, false},
	{`\bk[a-z]{3}`, true},
	{`\b4[0-9]{12}(?:[0-9]{3})?\b`, true},
	{`(?i)\btoken=[a-z]{3}`, true}, // written as classes, K with the Kelvin sign
	{`a|b`, true},
	{`foo\b|bar`, false},
	{`a*`, false},
	{`(?i)straße[0-9]`, true},
	{`€uro[0-9]{2}\b`, true},
	{`[\x{1F511}\x{1F512}]key`, true},
	{`abc$`, true},
	{`a\nb?`, true},
	{`\Bxy[0-9]`, false},
	{`(?:ab|a(?:b|c)c)[0-9]`, true}, // literals ab, abc, acc: one starts another
}

// anchoredRule builds the runtime rule the generator would emit for one
// pattern, and reports whether it has an anchored form.
func anchoredRule(t testing.TB, spec string) (*rule, bool) {
	t.Helper()
	re, err := pattern.PortablePattern(spec)
	if err != nil {
		t.Fatalf("%s: %v", spec, err)
	}
	r := &rule{values: lazy(re), literals: pattern.Prefilter([]string{re})}
	r.starts = pattern.ByFirstByte(r.literals) // as the generator orders them
	f, ok := pattern.Anchor(re)
	if !ok {
		return r, false
	}
	a := &anchored{lits: f.Lits, tail: lazy(f.Tail)}
	if f.Before != "" {
		a.before = lazy(f.Before)
	}
	if f.Next != "" {
		a.next = lazy(f.Next)
	}
	r.fast = []*anchored{a}
	return r, true
}

// anchoredText builds a string from pieces that sit on either side of the
// patterns' edges: their literals, word and non-word characters in and out
// of ASCII, invalid UTF-8, and runs.
func anchoredText(rng *rand.Rand) string {
	pieces := []string{
		"ghp_", "gho_", "sk_live_", "sk_test_", "xoxb-", "-----BEGIN ", "PRIVATE KEY-----", "AKIA", "пароль",
		"4", "4111", "ab", "cdef", "foo", "bar", "fo", "o", "x", "y", "secret_", "bc", "token=", "K", "k",
		"a", "Z", "0", "7", "_", "é", "ß", "٣", "Ⅻ", " ", "-", ".", "\n", "€", "\u00a0",
		"\xff", "\xc3", "\x80", "\xe2\x82", "RSA ",
		"STRASSE", "straße", "abc", "acc", "@example", "@staff.example.org", "xx", "€uro", "\U0001F511key", "abc", "a\n", "xy1",
	}
	var b strings.Builder
	for n := rng.IntN(12); n >= 0; n-- {
		p := pieces[rng.IntN(len(pieces))]
		if rng.IntN(6) == 0 {
			p = strings.Repeat(p, 1+rng.IntN(24))
		}
		b.WriteString(p)
	}
	return b.String()
}

// checkAnchored fails when the split rule and the whole pattern disagree
// on s.
func checkAnchored(t *testing.T, spec string, r *rule, s string) {
	t.Helper()
	if got, want := r.valueForbidden(s), r.values.MatchString(s); got != want {
		t.Fatalf("pattern %s on %q: anchored match says %v, the whole pattern %v", spec, s, got, want)
	}
}

// TestAnchoredAgreesWithTheWholePattern: matching a pattern at its
// literals finds a match exactly where the whole pattern does.
func TestAnchoredAgreesWithTheWholePattern(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, c := range anchoredCases {
		r, fast := anchoredRule(t, c.spec)
		if fast != c.fast {
			t.Fatalf("%s: anchored %v, want %v", c.spec, fast, c.fast)
		}
		matched := 0
		for range 20000 {
			s := anchoredText(rng)
			checkAnchored(t, c.spec, r, s)
			if r.values.MatchString(s) {
				matched++
			}
		}
		if c.fast && matched == 0 {
			t.Errorf("%s: no generated text matched, so the test shows nothing", c.spec)
		}
	}
}

// TestAnchoredLiteralsThatStartOneAnother: where one literal starts
// another ("ab", "abc"), each is tried with what follows it.
func TestAnchoredLiteralsThatStartOneAnother(t *testing.T) {
	a := &anchored{lits: []string{"ab", "abc"}, next: lazy(`^[0-9]`), tail: lazy(`^(?:(?:ab|abc)[0-9]+)`)}
	for _, s := range []string{"abc5", "x abc5", strings.Repeat("-", 40) + "abc5"} {
		left := tailBudget(len(s))
		if found, decided := a.find(s, &left); !found || !decided {
			t.Errorf("find(%q) = %v, %v; want a match", s, found, decided)
		}
	}
}

// TestAnchoredBudget: tails that overlap (a tail that reads to the end of
// the text from each of many literals) give up within their budget, and
// the whole pattern decides.
func TestAnchoredBudget(t *testing.T) {
	r, _ := anchoredRule(t, `foo.*bar`)
	s := strings.Repeat("foo ", 2000)
	left := tailBudget(len(s))
	if _, decided := r.fast[0].find(s, &left); decided {
		t.Fatalf("find decided on %d overlapping tails within a budget of %d bytes", 2000, tailBudget(len(s)))
	}
	checkAnchored(t, `foo.*bar`, r, s)
	checkAnchored(t, `foo.*bar`, r, s+"bar")

	// Token patterns stay within it: each tail stops at the end of its word.
	r, _ = anchoredRule(t, `\bgh[pousr]_[A-Za-z0-9_]{20,}\b`)
	for _, s := range []string{strings.Repeat("ghp_ ", 20000), strings.Repeat("ghp_", 20000) + "é", "ghp_" + strings.Repeat("a", 100000) + "é"} {
		left := tailBudget(len(s))
		if found, decided := r.fast[0].find(s, &left); !decided || found {
			t.Fatalf("find on %d bytes: found %v, decided %v", len(s), found, decided)
		}
	}
}

// TestAnchoredAllocatesNothing: a match at a literal reuses its reader.
func TestAnchoredAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("under the race detector sync.Pool drops readers at random")
	}
	r, _ := anchoredRule(t, `\bgh[pousr]_[A-Za-z0-9_]{20,}\b`)
	s := "see ghp_short and ghp_" + strings.Repeat("x", 30) + "é"
	r.valueForbidden(s)
	if n := testing.AllocsPerRun(100, func() { r.valueForbidden(s) }); n != 0 {
		t.Errorf("valueForbidden allocated %v times a call", n)
	}
}

// FuzzAnchored compares the split rules with their whole patterns on
// arbitrary strings.
func FuzzAnchored(f *testing.F) {
	for _, s := range []string{"ghp_" + strings.Repeat("a", 20), "x ghp_aaaaaaaaaaaaaaaaaaaaé", "xoxb-" + strings.Repeat("-", 16) + "a", "\xffAKIA1234", "пароль1", "cdef1\n", "fooxbar"} {
		f.Add(s)
	}
	rs := make([]*rule, len(anchoredCases))
	for i, c := range anchoredCases {
		rs[i], _ = anchoredRule(f, c.spec)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, r := range rs {
			checkAnchored(t, anchoredCases[i].spec, r, s)
		}
	})
}

// TestAnchoredConcurrent: goroutines sharing a rule fill its tables once
// and share the reader pool (run with -race to check).
func TestAnchoredConcurrent(t *testing.T) {
	r, _ := anchoredRule(t, `\bgh[pousr]_[A-Za-z0-9_]{20,}\b`)
	long := "x ghp_" + strings.Repeat("a", 400) + " é"
	texts := []string{"ghp_" + strings.Repeat("b", 20), "so ghp_ no", long, long + "ghp_" + strings.Repeat("c", 30)}
	done := make(chan bool)
	for g := range 4 {
		go func() {
			for i := range 200 {
				s := texts[(g+i)%len(texts)]
				if r.valueForbidden(s) != r.values.MatchString(s) {
					t.Errorf("disagreement on %q", s)
				}
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}

// TestMayMatchAgreesWithContains: for random literal sets over a small
// alphabet (one-byte literals, shared first bytes and literals that start
// one another included), ordered as the generator orders them, mayMatch is
// true exactly when the string contains a literal.
func TestMayMatchAgreesWithContains(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abcxy"[rng.IntN(5)]
		}
		return string(b)
	}
	for range 20000 {
		var r rule
		for range 1 + rng.IntN(5) {
			r.literals = append(r.literals, word(1+rng.IntN(3)))
		}
		r.starts = pattern.ByFirstByte(r.literals)
		s := word(rng.IntN(24))
		want := false
		for _, l := range r.literals {
			want = want || strings.Contains(s, l)
		}
		if got := r.mayMatch(s); got != want {
			t.Fatalf("literals %q, starts %q: mayMatch(%q) = %v, want %v", r.literals, r.starts, s, got, want)
		}
	}
}
