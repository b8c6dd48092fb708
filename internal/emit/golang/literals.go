package golang

import "regexp/syntax"

// requiredLiteral returns a literal that every match of re contains, or ""
// when none can be found. The generated code searches for these literals
// first and runs the pattern only when one is present, which is sound: no
// match can exist without its required literal.
func requiredLiteral(re string) string {
	parsed, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return ""
	}
	return longestLiteral(parsed.Simplify())
}

func longestLiteral(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return ""
		}
		return string(re.Rune)
	case syntax.OpCapture:
		return longestLiteral(re.Sub[0])
	case syntax.OpPlus:
		return longestLiteral(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return longestLiteral(re.Sub[0])
		}
	case syntax.OpConcat:
		best, run := "", ""
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral && sub.Flags&syntax.FoldCase == 0 {
				run += string(sub.Rune)
				if len(run) > len(best) {
					best = run
				}
				continue
			}
			run = ""
			if l := longestLiteral(sub); len(l) > len(best) {
				best = l
			}
		}
		return best
	}
	return ""
}

// prefilter returns the required literal of every pattern, or nil when any
// pattern has none (then the patterns always run).
func prefilter(patterns []string) []string {
	var out []string
	for _, p := range patterns {
		l := requiredLiteral(p)
		if l == "" {
			return nil
		}
		out = append(out, l)
	}
	return out
}
