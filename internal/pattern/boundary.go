package pattern

import (
	"fmt"
	"regexp/syntax"
)

// Word boundaries. Python's re decides \b by Unicode word characters
// (letters, numbers, underscore); Go and ECMA-262 by ASCII ones, and RE2 has
// no lookaround that would state the Unicode rule directly. So every \b and
// \B is rewritten into plain character tests, using this fact: whether a
// search finds a match does not change when a condition on the character
// just before (after) the match is turned into consuming that character, as
// long as the condition sits at the very start (end) of the pattern.
//
// A boundary is decided by the character on each side. A side is one of:
//   - fixed: the pattern itself puts a word, or a non-word, character there
//     (or the text edge, through ^ or $);
//   - outside: the boundary is the first (last) thing of the whole pattern,
//     so the character is the one before (after) the match;
//   - split: the neighbour is a character class, or a counted repetition of
//     one, whose characters are both word and non-word; it is split into the
//     two cases (the repetition gives up one character that is tested alone).
// With one side fixed, the other side's condition is a class ([W] or [^W])
// or, outside, (?:^|[^W]) before and (?:[^W]|$) after. Two split sides,
// two outside sides, and anything else are rejected as not portable.

// rewriteBoundaries returns re without \b and \B.
func rewriteBoundaries(re *syntax.Regexp, atStart, atEnd bool) (*syntax.Regexp, error) {
	switch re.Op {
	case syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return rewriteConcat([]*syntax.Regexp{re}, atStart, atEnd)
	case syntax.OpConcat:
		return rewriteConcat(re.Sub, atStart, atEnd)
	case syntax.OpAlternate, syntax.OpCapture:
		out := *re
		out.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, s := range re.Sub {
			r, err := rewriteBoundaries(s, atStart, atEnd)
			if err != nil {
				return nil, err
			}
			out.Sub[i] = r
		}
		return &out, nil
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		out := *re
		r, err := rewriteBoundaries(re.Sub[0], false, false)
		if err != nil {
			return nil, err
		}
		out.Sub = []*syntax.Regexp{r}
		return &out, nil
	}
	return re, nil
}

func isBoundary(re *syntax.Regexp) bool {
	return re.Op == syntax.OpWordBoundary || re.Op == syntax.OpNoWordBoundary
}

func rewriteConcat(subs []*syntax.Regexp, atStart, atEnd bool) (*syntax.Regexp, error) {
	n := len(subs)
	// Rewrite the children first; boundaries are decided on the originals.
	kids := make([]*syntax.Regexp, n)
	for i, s := range subs {
		if isBoundary(s) {
			continue
		}
		r, err := rewriteBoundaries(s, atStart && i == 0, atEnd && i == n-1)
		if err != nil {
			return nil, err
		}
		kids[i] = r
	}
	// replaced[i] holds the rewritten form of child i, possibly a boundary
	// folded into a neighbour; nil means dropped.
	for i, s := range subs {
		if !isBoundary(s) {
			continue
		}
		isB := s.Op == syntax.OpWordBoundary
		before := classify(subs[:i], true, atStart && i == 0)
		after := classify(subs[i+1:], false, atEnd && i == n-1)
		fixed := func(x side) bool { return x == sideWord || x == sideNonWord }
		switch {
		case fixed(before) && fixed(after):
			if ((before == sideWord) != (after == sideWord)) == isB {
				kids[i] = &syntax.Regexp{Op: syntax.OpEmptyMatch}
			} else {
				kids[i] = &syntax.Regexp{Op: syntax.OpNoMatch}
			}
		case before == sideOutside && fixed(after):
			kids[i] = beforeCond((after == sideWord) != isB)
		case after == sideOutside && fixed(before):
			kids[i] = afterCond((before == sideWord) != isB)
		case before == sideSplit && i > 0 && !isBoundary(subs[i-1]) && (fixed(after) || after == sideOutside):
			rep, ok := splittable(subs[i-1])
			if !ok {
				return nil, boundaryErr(s)
			}
			kids[i-1] = splitLast(rep, after, isB)
			kids[i] = &syntax.Regexp{Op: syntax.OpEmptyMatch}
		case after == sideSplit && i+1 < n && !isBoundary(subs[i+1]) && (fixed(before) || before == sideOutside):
			rep, ok := splittable(subs[i+1])
			if !ok {
				return nil, boundaryErr(s)
			}
			kids[i+1] = splitFirst(rep, before, isB)
			kids[i] = &syntax.Regexp{Op: syntax.OpEmptyMatch}
		default:
			return nil, boundaryErr(s)
		}
	}
	var out []*syntax.Regexp
	for _, k := range kids {
		if k != nil && k.Op != syntax.OpEmptyMatch {
			out = append(out, k)
		}
	}
	switch len(out) {
	case 0:
		return &syntax.Regexp{Op: syntax.OpEmptyMatch}, nil
	case 1:
		return out[0], nil
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: out}, nil
}

func boundaryErr(s *syntax.Regexp) error {
	name := `\b`
	if s.Op == syntax.OpNoWordBoundary {
		name = `\B`
	}
	return fmt.Errorf("%s cannot be rewritten to follow Unicode word characters without lookaround here; put it next to a character class, or at the start or end of the pattern next to one", name)
}

// side is what lies next to a word boundary on one side.
type side int

const (
	sideWord    side = iota // a word character, for sure
	sideNonWord             // a non-word character or the edge of the text, for sure
	sideOutside             // the text around the match: the pattern says nothing
	sideSplit               // either, decided by the neighbouring node
	sideMixed               // either, in a way that cannot be split
)

// classify looks at the nodes on one side of a boundary (before: the nodes
// before it, whose last character counts).
func classify(nodes []*syntax.Regexp, before, outside bool) side {
	if len(nodes) == 0 {
		if outside {
			return sideOutside
		}
		return sideMixed
	}
	set, null := edgeSeq(nodes, before)
	if !null {
		switch {
		case set.subsetOf(word()):
			return sideWord
		case set.disjoint(word()):
			return sideNonWord
		}
		next := nodes[0]
		if before {
			next = nodes[len(nodes)-1]
		}
		if _, ok := splittable(next); ok {
			return sideSplit
		}
		return sideMixed
	}
	if zeroWidth(nodes) {
		anchor := syntax.OpEndText
		if before {
			anchor = syntax.OpBeginText
		}
		for _, n := range nodes {
			if hasOp(n, anchor) {
				return sideNonWord
			}
		}
		if outside {
			return sideOutside
		}
	}
	return sideMixed
}

// repetition is a single-character node repeated min..max times (max -1:
// unbounded), min >= 1.
type repetition struct {
	set       runeSet
	min, max  int
	nonGreedy bool
}

func splittable(re *syntax.Regexp) (repetition, bool) {
	single := func(n *syntax.Regexp) (runeSet, bool) {
		switch n.Op {
		case syntax.OpCharClass:
			return syntaxSet(n.Rune), true
		case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
			s, _ := edge(n, false)
			return s, true
		case syntax.OpLiteral:
			if len(n.Rune) == 1 && n.Flags&syntax.FoldCase == 0 {
				return setOf(runeRange{n.Rune[0], n.Rune[0]}), true
			}
		}
		return nil, false
	}
	if s, ok := single(re); ok {
		return repetition{set: s, min: 1, max: 1}, true
	}
	ng := re.Flags&syntax.NonGreedy != 0
	switch re.Op {
	case syntax.OpPlus:
		if s, ok := single(re.Sub[0]); ok {
			return repetition{set: s, min: 1, max: -1, nonGreedy: ng}, true
		}
	case syntax.OpRepeat:
		if s, ok := single(re.Sub[0]); ok && re.Min >= 1 {
			return repetition{set: s, min: re.Min, max: re.Max, nonGreedy: ng}, true
		}
	}
	return repetition{}, false
}

// rest is the repetition less the one character tested alone.
func (r repetition) rest() *syntax.Regexp {
	min, max := r.min-1, r.max
	if max > 0 {
		max--
	}
	if max == 0 {
		return nil
	}
	flags := syntax.Flags(0)
	if r.nonGreedy {
		flags = syntax.NonGreedy
	}
	return &syntax.Regexp{Op: syntax.OpRepeat, Min: min, Max: max, Flags: flags, Sub: []*syntax.Regexp{classNode(r.set)}}
}

func classNode(s runeSet) *syntax.Regexp {
	if len(s) == 0 {
		return &syntax.Regexp{Op: syntax.OpNoMatch}
	}
	flat := make([]rune, 0, 2*len(s))
	for _, r := range s {
		flat = append(flat, r.lo, r.hi)
	}
	return &syntax.Regexp{Op: syntax.OpCharClass, Rune: flat}
}

func intersect(s, t runeSet) runeSet { return s.complement().union(t.complement()).complement() }

func concat(nodes ...*syntax.Regexp) *syntax.Regexp {
	var out []*syntax.Regexp
	for _, n := range nodes {
		if n != nil {
			out = append(out, n)
		}
	}
	if len(out) == 1 {
		return out[0]
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: out}
}

func alternate(nodes ...*syntax.Regexp) *syntax.Regexp {
	return &syntax.Regexp{Op: syntax.OpAlternate, Sub: nodes}
}

// beforeCond tests the character before the match: a word character, or a
// non-word character or the start of the text.
func beforeCond(wantWord bool) *syntax.Regexp {
	if wantWord {
		return classNode(word())
	}
	return alternate(&syntax.Regexp{Op: syntax.OpBeginText}, classNode(word().complement()))
}

// afterCond tests the character after the match likewise.
func afterCond(wantWord bool) *syntax.Regexp {
	if wantWord {
		return classNode(word())
	}
	return alternate(classNode(word().complement()), &syntax.Regexp{Op: syntax.OpEndText})
}

// splitLast rewrites "rep \b" where the side after is fixed or outside.
func splitLast(rep repetition, after side, isB bool) *syntax.Regexp {
	w, nw := intersect(rep.set, word()), intersect(rep.set, word().complement())
	switch after {
	case sideWord, sideNonWord:
		// The last character must be of the kind that makes the boundary hold.
		wantWord := (after == sideWord) != isB
		last := nw
		if wantWord {
			last = w
		}
		return concat(rep.rest(), classNode(last))
	}
	// Outside: either ending kind, each with its own condition after.
	var alts []*syntax.Regexp
	if len(w) > 0 {
		alts = append(alts, concat(classNode(w), afterCond(!isB)))
	}
	if len(nw) > 0 {
		alts = append(alts, concat(classNode(nw), afterCond(isB)))
	}
	return concat(rep.rest(), alternate(alts...))
}

// splitFirst rewrites "\b rep" where the side before is fixed or outside.
func splitFirst(rep repetition, before side, isB bool) *syntax.Regexp {
	w, nw := intersect(rep.set, word()), intersect(rep.set, word().complement())
	switch before {
	case sideWord, sideNonWord:
		wantWord := (before == sideWord) != isB
		first := nw
		if wantWord {
			first = w
		}
		return concat(classNode(first), rep.rest())
	}
	var alts []*syntax.Regexp
	if len(w) > 0 {
		alts = append(alts, concat(beforeCond(!isB), classNode(w)))
	}
	if len(nw) > 0 {
		alts = append(alts, concat(beforeCond(isB), classNode(nw)))
	}
	return concat(alternate(alts...), rep.rest())
}
