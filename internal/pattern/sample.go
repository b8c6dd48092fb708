package pattern

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxStretch bounds how many extra rounds Sample gives every unbounded
// repetition while it looks for a string of the wanted length.
const maxStretch = 64

// Sample returns a short string that contains a match of the portable
// pattern p and is minLen to maxLen characters long (maxLen < 0: no upper
// bound), or false when it finds none. It writes the pattern's shortest
// match (first alternatives, fewest repetitions, the first letter or digit
// a class allows), then gives each repetition one more round at a time
// until the length fits. Docs use it to synthesize examples of fields the
// spec gives none for.
func Sample(p string, minLen, maxLen int) (string, bool) {
	return SampleNth(p, minLen, maxLen, 0)
}

// SampleNth is Sample with the n-th choice of the pattern's first
// character class (cycling through the class), so that samples 0, 1, 2...
// differ where the pattern lets them: the items of a list whose items must
// be unique.
func SampleNth(p string, minLen, maxLen, n int) (string, bool) {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return "", false
	}
	re = re.Simplify()
	check, err := Compile(p)
	if err != nil {
		return "", false
	}
	for stretch := 0; stretch <= maxStretch; stretch++ {
		w := &sampler{stretch: stretch, nth: n}
		if !w.write(re) {
			return "", false
		}
		s := w.b.String()
		count := utf8.RuneCountInString(s)
		if maxLen >= 0 && count > maxLen {
			return "", false
		}
		if count >= minLen && check.MatchString(s) {
			return s, true
		}
		if w.b.Len() > 1<<16 {
			return "", false
		}
	}
	return "", false
}

// sampler writes one candidate: every repetition gets stretch rounds more
// than its minimum where its maximum allows, and the first character class
// its nth choice.
type sampler struct {
	b         strings.Builder
	stretch   int
	nth       int
	classSeen bool
}

// write appends a string re matches; false when re matches nothing.
func (w *sampler) write(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			w.b.WriteRune(r)
		}
	case syntax.OpCharClass:
		n := 0
		if !w.classSeen {
			n, w.classSeen = w.nth, true
		}
		r, ok := pick(re.Rune, n)
		if !ok {
			return false
		}
		w.b.WriteRune(r)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		w.b.WriteByte('x')
	case syntax.OpCapture:
		return w.write(re.Sub[0])
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !w.write(s) {
				return false
			}
		}
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if w.try(s) {
				return true
			}
		}
		return false
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		return w.repeat(re)
	}
	// Anchors, boundaries and empty matches write nothing.
	return true
}

// try writes re, or nothing at all when re matches nothing.
func (w *sampler) try(re *syntax.Regexp) bool {
	mark, seen := w.b.String(), w.classSeen
	if w.write(re) {
		return true
	}
	w.b.Reset()
	w.b.WriteString(mark)
	w.classSeen = seen
	return false
}

// repeat writes re's repetition: its minimum, plus stretch rounds where
// its maximum allows.
func (w *sampler) repeat(re *syntax.Regexp) bool {
	lo, hi := re.Min, re.Max
	switch re.Op {
	case syntax.OpStar:
		lo, hi = 0, -1
	case syntax.OpPlus:
		lo, hi = 1, -1
	case syntax.OpQuest:
		lo, hi = 0, 1
	}
	n := lo + w.stretch
	if hi >= 0 && n > hi {
		n = hi
	}
	for i := 0; i < n; i++ {
		if !w.try(re.Sub[0]) {
			return i >= lo
		}
	}
	return true
}

// pick chooses the n-th character (cycling) of a class given as rune
// ranges, in this order: lower-case letters, upper-case letters, digits,
// then the class's other printable characters up to U+2FFF; when the class
// holds none of those, its first character.
func pick(ranges []rune, n int) (rune, bool) {
	if len(ranges) < 2 {
		return 0, false
	}
	var choices []rune
	for _, want := range [][2]rune{{'a', 'z'}, {'A', 'Z'}, {'0', '9'}} {
		for i := 0; i+1 < len(ranges); i += 2 {
			for r := max(ranges[i], want[0]); r <= min(ranges[i+1], want[1]); r++ {
				choices = append(choices, r)
			}
		}
	}
	if n < len(choices) || (len(choices) > 0 && n == 0) {
		return choices[n%len(choices)], true
	}
	for i := 0; i+1 < len(ranges) && len(choices) <= n; i += 2 {
		for r := max(ranges[i], ' '); r <= ranges[i+1] && r < 0x3000 && len(choices) <= n; r++ {
			if unicode.IsPrint(r) && !isAlnum(r) {
				choices = append(choices, r)
			}
		}
	}
	if len(choices) == 0 {
		return ranges[0], true
	}
	return choices[n%len(choices)], true
}

// isAlnum reports whether r is an ASCII letter or digit.
func isAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}
