package pattern

import "regexp/syntax"

// PortableAlternation returns one portable pattern that matches where any
// of the spec patterns ps does, with the tests for a word boundary that
// several of them begin or end with written once: `(?:^|[^W])A(?:[^W]|$)`
// and `(?:^|[^W])B(?:[^W]|$)` become `(?:^|[^W])(?:A|B)(?:[^W]|$)`. A
// spelt-out \b is a class of some 390 ranges, so a contract's forbidden
// values take a third of the room this way; the language matched is the
// same, and so is whether a search finds a match.
func PortableAlternation(ps []string) (string, error) {
	var trees []*syntax.Regexp
	for _, p := range ps {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			return "", err
		}
		if re, err = rewriteBoundaries(re, true, true); err != nil {
			return "", err
		}
		trees = append(trees, distribute(re)...)
	}
	pr := &printer{}
	out := pr.node(factor(trees))
	if pr.err != nil {
		return "", pr.err
	}
	return out, checkGo(out)
}

// factor builds the alternation of trees, factoring the first element they
// share, then within each group the last.
func factor(trees []*syntax.Regexp) *syntax.Regexp {
	if len(trees) == 1 {
		return trees[0]
	}
	var groups []*syntax.Regexp
	for _, g := range groupBy(trees, first) {
		rests := make([]*syntax.Regexp, len(g.members))
		for i, m := range g.members {
			rests[i] = dropFirst(m, g.key)
		}
		var tails []*syntax.Regexp
		for _, h := range groupBy(rests, last) {
			body := make([]*syntax.Regexp, len(h.members))
			for i, m := range h.members {
				body[i] = dropLast(m, h.key)
			}
			tails = append(tails, concat(alt(body), h.key))
		}
		groups = append(groups, concat(g.key, alt(tails)))
	}
	return alt(groups)
}

// distribute splits a concatenation that ends in an alternation into one
// concatenation per branch, so that a branch ending in a boundary test can
// share it with the other patterns: P(?:a(?:[^W]|$)|-[W]) becomes
// Pa(?:[^W]|$) and P-[W]. The prefix is repeated; it is short beside a
// boundary class.
func distribute(re *syntax.Regexp) []*syntax.Regexp {
	re = flatten(re)
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return []*syntax.Regexp{re}
	}
	tail := re.Sub[len(re.Sub)-1]
	if tail.Op != syntax.OpAlternate || isBoundaryTest(tail) {
		return []*syntax.Regexp{re}
	}
	var out []*syntax.Regexp
	for _, b := range tail.Sub {
		parts := append(append([]*syntax.Regexp(nil), re.Sub[:len(re.Sub)-1]...), b)
		out = append(out, flatten(concat(parts...)))
	}
	return out
}

// flatten merges nested concatenations into one.
func flatten(re *syntax.Regexp) *syntax.Regexp {
	if re.Op != syntax.OpConcat {
		return re
	}
	var subs []*syntax.Regexp
	for _, s := range re.Sub {
		if s.Op == syntax.OpConcat {
			subs = append(subs, flatten(s).Sub...)
		} else {
			subs = append(subs, s)
		}
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
}

// group is a run of trees that share key (nil: no element to share).
type group struct {
	key     *syntax.Regexp
	members []*syntax.Regexp
}

// groupBy groups trees by the element pick returns, in the order each key
// first appears; an element only one tree has is not factored.
func groupBy(trees []*syntax.Regexp, pick func(*syntax.Regexp) *syntax.Regexp) []group {
	var out []group
	for _, t := range trees {
		k := pick(t)
		placed := false
		for i := range out {
			if k != nil && out[i].key != nil && out[i].key.Equal(k) {
				out[i].members = append(out[i].members, t)
				placed = true
				break
			}
		}
		if !placed {
			out = append(out, group{key: k, members: []*syntax.Regexp{t}})
		}
	}
	for i := range out {
		if len(out[i].members) == 1 {
			out[i].key = nil
		}
	}
	return out
}

// first and last are the first and last elements of a concatenation that
// tests a word boundary (an alternation with a text anchor), else nil.
func first(re *syntax.Regexp) *syntax.Regexp {
	if re.Op == syntax.OpConcat && len(re.Sub) > 1 && isBoundaryTest(re.Sub[0]) {
		return re.Sub[0]
	}
	return nil
}

func last(re *syntax.Regexp) *syntax.Regexp {
	if re.Op == syntax.OpConcat && len(re.Sub) > 1 && isBoundaryTest(re.Sub[len(re.Sub)-1]) {
		return re.Sub[len(re.Sub)-1]
	}
	return nil
}

// isBoundaryTest reports whether re is what rewriteBoundaries writes for a
// \b at the edge of a pattern: a non-word class or a text anchor.
func isBoundaryTest(re *syntax.Regexp) bool {
	if re.Op != syntax.OpAlternate || len(re.Sub) != 2 {
		return false
	}
	for _, s := range re.Sub {
		if s.Op == syntax.OpBeginText || s.Op == syntax.OpEndText {
			return true
		}
	}
	return false
}

func dropFirst(re, key *syntax.Regexp) *syntax.Regexp {
	if key == nil {
		return re
	}
	return concat(re.Sub[1:]...)
}

func dropLast(re, key *syntax.Regexp) *syntax.Regexp {
	if key == nil {
		return re
	}
	return concat(re.Sub[:len(re.Sub)-1]...)
}

// alt is the alternation of subs, or subs[0] alone.
func alt(subs []*syntax.Regexp) *syntax.Regexp {
	if len(subs) == 1 {
		return subs[0]
	}
	return alternate(subs...)
}
