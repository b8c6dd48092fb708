package pattern

import (
	"regexp/syntax"
	"slices"
	"sort"
)

// Anchored is a forbidden-value pattern split so that the generated code
// can match it only where one of its literals occurs (the Go emitter's
// rt/anchored.go): every match is one character that Before accepts (or
// the start of the text), then a match of Tail, which begins with one of
// Lits.
type Anchored struct {
	Lits   []string
	Before string // "^(?:...)$", or "" when the pattern starts with Lits
	Tail   string // "^(?:...)"
	// Next, "^[...]", holds every character that can follow the literal
	// in a match, or is "" when the match may end there (or an assertion
	// follows): a cheap test that rejects most literals in prose.
	Next string
}

// Anchor splits a portable pattern, or reports false when its shape
// does not allow it: the pattern must be a sequence that starts, after an
// optional one-character test (the portable \b, or a run of one character
// at most once long at least, see leadingRun), with a run of literals,
// small classes and alternations of them, and the rest must not look at
// the text before it (^, \A, \b, \B), since the runtime runs it on the
// text from the literal on.
func Anchor(portable string) (Anchored, bool) {
	re, err := syntax.Parse(portable, syntax.Perl)
	if err != nil {
		return Anchored{}, false
	}
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	var f Anchored
	pr := &printer{} // the printer of the portable spelling, whose meaning is tested
	if len(subs) > 1 {
		switch min, one := leadingRun(subs[0]); {
		case oneCharOrStart(subs[0]):
			f.Before = "^(?:" + pr.node(subs[0]) + ")$"
			subs = subs[1:]
		case one != nil && min == 0:
			// A search finds [a-z]*abc where it finds abc.
			subs = subs[1:]
		case one != nil && min == 1:
			// And [a-z]+abc where one letter precedes abc.
			f.Before = "^(?:" + pr.node(one) + ")$"
			subs = subs[1:]
		}
	}
	for _, s := range subs {
		if looksBack(s) {
			return Anchored{}, false
		}
	}
	f.Lits = []string{""}
	n := 0
	for ; n < len(subs); n++ {
		e := expansions(subs[n])
		if e == nil || len(f.Lits)*len(e) > maxSet {
			break
		}
		next := make([]string, 0, len(f.Lits)*len(e))
		for _, l := range f.Lits {
			for _, x := range e {
				next = append(next, l+x)
			}
		}
		f.Lits = next
	}
	if n == 0 || slices.Contains(f.Lits, "") {
		return Anchored{}, false
	}
	f.Lits = dedupe(f.Lits)
	if next, null := edgeSeq(subs[n:], false); !null {
		f.Next = "^" + printClass(next)
	}
	tail := &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
	if len(subs) == 1 {
		tail = subs[0]
	}
	f.Tail = "^(?:" + pr.node(tail) + ")"
	// What the printer prints compiles in Go (checkGo holds every portable
	// pattern to it); what it refuses leaves the pattern whole.
	return f, pr.err == nil
}

// oneCharOrStart reports whether re is an alternation that matches the
// start of the text or one character, as the portable \b before a word
// character is written: (?:^|[^...]).
func oneCharOrStart(re *syntax.Regexp) bool {
	if re.Op != syntax.OpAlternate {
		return false
	}
	start := false
	for _, s := range re.Sub {
		switch s.Op {
		case syntax.OpBeginText:
			start = true
		case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		default:
			return false
		}
	}
	return start
}

// leadingRun reports, for a repetition of one character (a class, a
// single literal character or the dot) at the start of a pattern, its
// least count and the character node: a search for the pattern finds a
// match exactly where a search for the pattern with the repetition cut
// to that least count does, since a longer run ends in one that long.
func leadingRun(re *syntax.Regexp) (int, *syntax.Regexp) {
	min := 0
	switch re.Op {
	case syntax.OpStar, syntax.OpQuest:
	case syntax.OpPlus:
		min = 1
	case syntax.OpRepeat:
		min = re.Min
	default:
		return 0, nil
	}
	switch one := re.Sub[0]; one.Op {
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return min, one
	case syntax.OpLiteral:
		if len(one.Rune) == 1 {
			return min, one
		}
	}
	return 0, nil
}

// looksBack reports whether re holds a test of the text before where it
// is matched.
func looksBack(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText, syntax.OpBeginLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	for _, s := range re.Sub {
		if looksBack(s) {
			return true
		}
	}
	return false
}

// dedupe returns the strings sorted, each once.
func dedupe(list []string) []string {
	sort.Strings(list)
	out := list[:0]
	for i, s := range list {
		if i == 0 || s != list[i-1] {
			out = append(out, s)
		}
	}
	return out
}
