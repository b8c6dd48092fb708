package pattern

import (
	"regexp/syntax"
	"sort"
)

// Literal prefilters: for each forbidden-value pattern, a set of strings of
// which every match contains at least one. The generated code runs the
// pattern only on strings that contain one of them, which is sound.
//
// Small character classes and alternations of literals are expanded into
// the set ("gh[pousr]_" gives ghp_, gho_, ghs_, ghu_, ghr_), so that the
// filter stays selective where one short literal would match ordinary
// words.

// maxSet bounds the strings one pattern's set may hold.
const maxSet = 64

// requiredSet returns strings of which every match of re contains one, or
// nil when none can be found.
func requiredSet(re string) []string {
	parsed, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return nil
	}
	set := best(parsed.Simplify())
	sort.Strings(set)
	return set
}

// score ranks a set: the shortest string counts (longer is more
// selective), then fewer strings.
func score(set []string) (int, int) {
	if len(set) == 0 {
		return -1, 0
	}
	short := len(set[0])
	for _, s := range set {
		short = min(short, len(s))
	}
	return short, -len(set)
}

func better(a, b []string) bool {
	a1, a2 := score(a)
	b1, b2 := score(b)
	return a1 > b1 || (a1 == b1 && a2 > b2)
}

// best finds the most selective required set of re.
func best(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return best(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return best(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			s := best(sub)
			if s == nil || len(out)+len(s) > maxSet {
				return nil
			}
			out = append(out, s...)
		}
		return out
	case syntax.OpConcat:
		return bestConcat(re.Sub)
	}
	return nil
}

// bestConcat expands runs of literals, small classes and alternations of
// literals into sets, and keeps the best run or sub-expression.
func bestConcat(subs []*syntax.Regexp) []string {
	var top []string
	run := []string{""}
	flush := func() {
		if len(run) > 1 || run[0] != "" {
			if better(run, top) {
				top = run
			}
		}
		run = []string{""}
	}
	for _, sub := range subs {
		if alts := expansions(sub); alts != nil && len(run)*len(alts) <= maxSet {
			next := make([]string, 0, len(run)*len(alts))
			for _, r := range run {
				for _, a := range alts {
					next = append(next, r+a)
				}
			}
			run = next
			continue
		}
		flush()
		if s := best(sub); better(s, top) {
			top = s
		}
	}
	flush()
	return top
}

// expansions lists every string sub can match when that is a short list of
// fixed strings: a literal, a small character class, an alternation or
// concatenation of those.
func expansions(sub *syntax.Regexp) []string {
	switch sub.Op {
	case syntax.OpLiteral:
		if sub.Flags&syntax.FoldCase != 0 {
			return foldExpansions(sub.Rune)
		}
		return []string{string(sub.Rune)}
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(sub.Rune); i += 2 {
			for r := sub.Rune[i]; r <= sub.Rune[i+1]; r++ {
				if len(out) == 8 {
					return nil
				}
				out = append(out, string(r))
			}
		}
		return out
	case syntax.OpCapture:
		return expansions(sub.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, s := range sub.Sub {
			e := expansions(s)
			if e == nil || len(out)+len(e) > maxSet {
				return nil
			}
			out = append(out, e...)
		}
		return out
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range sub.Sub {
			e := expansions(s)
			if e == nil || len(out)*len(e) > maxSet {
				return nil
			}
			next := make([]string, 0, len(out)*len(e))
			for _, o := range out {
				for _, x := range e {
					next = append(next, o+x)
				}
			}
			out = next
		}
		return out
	}
	return nil
}

// Prefilter returns the union of every pattern's required set, or nil when
// any pattern has none (then the patterns always run).
func Prefilter(patterns []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range patterns {
		set := requiredSet(p)
		if set == nil {
			return nil
		}
		for _, s := range set {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// foldExpansions spells a case-folded literal in every case, for ASCII
// letters only (other letters have case forms beyond two).
func foldExpansions(rs []rune) []string {
	out := []string{""}
	for _, r := range rs {
		var forms []string
		switch {
		case r == 'k' || r == 's' || r == 'K' || r == 'S' || r >= 0x80:
			return nil // the Kelvin sign and the long s fold to k and s
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			forms = []string{string(r | 0x20), string(r &^ 0x20)}
		default:
			forms = []string{string(r)}
		}
		if len(out)*len(forms) > maxSet {
			return nil
		}
		next := make([]string, 0, len(out)*len(forms))
		for _, o := range out {
			for _, f := range forms {
				next = append(next, o+f)
			}
		}
		out = next
	}
	return out
}

// ByFirstByte sorts lits by first byte, keeping the order of those that
// share one, and returns the bytes that start a literal, each once, in
// order: the generated scan compares only the literals that start with the
// byte where it stands.
func ByFirstByte(lits []string) (starts string) {
	sort.SliceStable(lits, func(i, j int) bool { return lits[i][0] < lits[j][0] })
	var b []byte
	for _, l := range lits {
		if len(b) == 0 || b[len(b)-1] != l[0] {
			b = append(b, l[0])
		}
	}
	return string(b)
}
