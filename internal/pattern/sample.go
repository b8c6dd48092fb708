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
		var b strings.Builder
		if !write(&b, re, stretch) {
			return "", false
		}
		s := b.String()
		n := utf8.RuneCountInString(s)
		if maxLen >= 0 && n > maxLen {
			return "", false
		}
		if n >= minLen && check.MatchString(s) {
			return s, true
		}
		if b.Len() > 1<<16 {
			return "", false
		}
	}
	return "", false
}

// write appends to b a string re matches, with stretch extra rounds of
// every repetition that allows them; false when re matches nothing.
func write(b *strings.Builder, re *syntax.Regexp, stretch int) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		r, ok := pick(re.Rune)
		if !ok {
			return false
		}
		b.WriteRune(r)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('x')
	case syntax.OpCapture:
		return write(b, re.Sub[0], stretch)
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !write(b, s, stretch) {
				return false
			}
		}
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			var alt strings.Builder
			if write(&alt, s, stretch) {
				b.WriteString(alt.String())
				return true
			}
		}
		return false
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		return repeat(b, re, stretch)
	}
	// Anchors, boundaries and empty matches write nothing.
	return true
}

// repeat writes re's repetition: its minimum, plus stretch rounds where
// its maximum allows.
func repeat(b *strings.Builder, re *syntax.Regexp, stretch int) bool {
	lo, hi := re.Min, re.Max
	switch re.Op {
	case syntax.OpStar:
		lo, hi = 0, -1
	case syntax.OpPlus:
		lo, hi = 1, -1
	case syntax.OpQuest:
		lo, hi = 0, 1
	}
	n := lo + stretch
	if hi >= 0 && n > hi {
		n = hi
	}
	for i := 0; i < n; i++ {
		var one strings.Builder
		if !write(&one, re.Sub[0], stretch) {
			return i >= lo
		}
		b.WriteString(one.String())
	}
	return true
}

// pick chooses a character from a class given as rune ranges: a lower-case
// letter, an upper-case one or a digit when the class holds one, else its
// first printable character, else its first.
func pick(ranges []rune) (rune, bool) {
	if len(ranges) < 2 {
		return 0, false
	}
	for _, want := range [][2]rune{{'a', 'z'}, {'A', 'Z'}, {'0', '9'}} {
		for i := 0; i+1 < len(ranges); i += 2 {
			if lo, hi := max(ranges[i], want[0]), min(ranges[i+1], want[1]); lo <= hi {
				return lo, true
			}
		}
	}
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := max(ranges[i], ' '); r <= ranges[i+1] && r < 0x3000; r++ {
			if unicode.IsPrint(r) {
				return r, true
			}
		}
	}
	return ranges[0], true
}
