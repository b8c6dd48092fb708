package rt

import (
	"io"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Anchored value patterns. Go's regexp runs a pattern that does not start
// with a literal, such as the portable \b before a token prefix, through
// its NFA at every position of the string: some 0.2-0.5 µs a byte, so one
// literal in a long string (or in each of many short ones) made the scan
// some 150 times slower than the literal prefilter alone. A pattern the
// generator could split into an optional one-character test, a set of
// literals and the rest is instead matched only where one of its literals
// occurs: the character before is tested on its own, and the rest runs
// anchored there, stopping where it fails, which for token patterns is the
// end of the word.

// anchored is one forbidden-value pattern split for matching at its
// literals: every match is before (one character, or the start of the
// text) followed by a match of tail, which starts with one of lits.
type anchored struct {
	lits []string
	// before tests the character before a literal (the empty string at
	// the start of the text); nil means the pattern starts with its
	// literal.
	before *lazyRegexp
	// tail is anchored with ^ and holds no other test of the text before
	// it (no ^, \A or \b), so it means the same on the text from the
	// literal on as in place.
	tail *lazyRegexp
	// next, when set, holds every character that can follow a literal in
	// a match (and none is the end of the text), so that a literal
	// followed by another character needs no run of tail.
	next *lazyRegexp
	// atStart and edges hold before's answers for the start of the text
	// and for each ASCII character, nexts next's, and first the bytes that
	// start a literal. prepare fills them on first use.
	once    sync.Once
	atStart bool
	edges   [utf8.RuneSelf]bool
	nexts   [utf8.RuneSelf]bool
	first   [256]bool
}

// edgeOK reports whether before accepts what precedes s[i].
func (a *anchored) edgeOK(s string, i int) bool {
	switch {
	case a.before == nil:
		return true
	case i == 0:
		return a.atStart
	case s[i-1] >= utf8.RuneSelf:
		return a.before.MatchString(s[i-lastRuneLen(s[:i]) : i])
	}
	return a.edges[s[i-1]]
}

// lastRuneLen is the byte length of the character that ends s, as Go's
// regexp reads it: an invalid byte counts alone, as U+FFFD.
func lastRuneLen(s string) int {
	_, w := utf8.DecodeLastRuneInString(s)
	return w
}

// prepare fills atStart, edges, nexts and first.
func (a *anchored) prepare() {
	for _, l := range a.lits {
		a.first[l[0]] = true
	}
	if a.next != nil {
		a.nexts = asciiAnswers(a.next.get())
	}
	if a.before != nil {
		a.edges, a.atStart = asciiAnswers(a.before.get()), a.before.MatchString("")
	}
}

// asciiAnswers is whether re matches each ASCII character alone.
func asciiAnswers(re *regexp.Regexp) (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = re.MatchString(string(rune(c)))
	}
	return t
}

// tailBudget is how many bytes the anchored tails of one rule may read for
// a string of n bytes before the rule's whole pattern decides instead: a
// bound on the work of strings whose tails overlap, which token patterns do
// not do (a tail stops at the end of its word, where no other literal of
// the pattern can pass its before test).
func tailBudget(n int) int { return 8*n + 256 }

// attemptCost is what one literal found costs from the budget besides the
// bytes its tail reads.
const attemptCost = 16

// find reports whether the pattern matches somewhere in s; decided is false
// when the tails read more than *left bytes, and then found means nothing.
// A short string is read once, byte by byte; a long one searched for each
// literal in turn.
func (a *anchored) find(s string, left *int) (found, decided bool) {
	a.once.Do(a.prepare)
	if len(s) <= shortText {
		for i := 0; i < len(s); i++ {
			if a.first[s[i]] {
				for _, l := range a.lits { // each: one may start another
					if strings.HasPrefix(s[i:], l) {
						if m, ok := a.try(s, i, len(l), left); !ok || m {
							return m, ok
						}
					}
				}
			}
		}
		return false, true
	}
	for _, l := range a.lits {
		for i := 0; i <= len(s)-len(l); {
			j := strings.Index(s[i:], l)
			if j < 0 {
				break
			}
			i += j
			if m, ok := a.try(s, i, len(l), left); !ok || m {
				return m, ok
			}
			i++
		}
	}
	return false, true
}

// shortText is the length up to which find reads a string byte by byte.
const shortText = 16

// try matches the pattern with its literal, n bytes long, at s[i].
func (a *anchored) try(s string, i, n int, left *int) (found, decided bool) {
	// Each test costs about what the whole pattern spends on a few
	// bytes, so literals as common as a digit end up there.
	if *left -= attemptCost; *left < 0 {
		return false, false
	}
	if !a.edgeOK(s, i) || !a.nextOK(s, i+n) {
		return false, true
	}
	return a.tailAt(s, i, left)
}

// nextOK reports whether what starts at s[k], right after a literal, can
// continue a match.
func (a *anchored) nextOK(s string, k int) bool {
	switch {
	case a.next == nil:
		return true
	case k == len(s):
		return false
	case s[k] >= utf8.RuneSelf:
		return true
	}
	return a.nexts[s[k]]
}

// shortTail is the length up to which a tail runs on the string itself
// (Go's regexp then backtracks over it, faster than reading characters one
// by one), charging all of it to the budget.
const shortTail = 256

// tailAt runs the tail from s[i:], reading at most *left bytes.
func (a *anchored) tailAt(s string, i int, left *int) (found, decided bool) {
	if n := len(s) - i; n <= shortTail {
		if *left -= n; *left < 0 {
			return false, false
		}
		return a.tail.MatchString(s[i:]), true
	}
	rd := tailReaders.Get().(*tailReader)
	*rd = tailReader{s: s, pos: i, left: *left}
	found = a.tail.get().MatchReader(rd)
	*left, decided = rd.left, !rd.over
	*rd = tailReader{}
	tailReaders.Put(rd)
	return found, decided
}

// tailReader hands the regexp the characters of s from pos on, as Go's
// regexp decodes a string, and ends early once left bytes are read.
type tailReader struct {
	s         string
	pos, left int
	over      bool
}

// tailReaders keeps readers for reuse, so a match allocates nothing.
var tailReaders = sync.Pool{New: func() any { return new(tailReader) }}

// ReadRune returns the next character, or io.EOF at the end of s or of
// the budget (then over is set).
func (t *tailReader) ReadRune() (rune, int, error) {
	if t.pos >= len(t.s) {
		return 0, 0, io.EOF
	}
	if t.left <= 0 {
		t.over = true
		return 0, 0, io.EOF
	}
	r, w := rune(t.s[t.pos]), 1
	if r >= utf8.RuneSelf {
		r, w = utf8.DecodeRuneInString(t.s[t.pos:])
	}
	t.pos += w
	t.left -= w
	return r, w, nil
}

// valueForbidden reports whether the value rule finds a pattern in s. The
// anchored patterns are matched at their literals; the others, and all of
// them when the tails overrun their budget, by the rule's whole pattern.
func (r *rule) valueForbidden(s string) bool {
	if r.values == nil || !r.mayMatch(s) {
		return false
	}
	if r.fast == nil {
		return r.values.MatchString(s)
	}
	left := tailBudget(len(s))
	for _, a := range r.fast {
		found, decided := a.find(s, &left)
		if !decided {
			return r.values.MatchString(s)
		}
		if found {
			return true
		}
	}
	return r.rest != nil && r.rest.MatchString(s)
}
