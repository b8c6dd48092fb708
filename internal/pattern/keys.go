package pattern

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Forbidden keys are compared after full Unicode lower-casing, as Python's
// str.lower() does (the reference implementation): every character takes its
// simple lower-case mapping, except U+0130 (capital I with dot above), which
// becomes "i" followed by U+0307 (combining dot above). ECMA-262 has no inline
// case-insensitive flag, so each character of a part becomes a class of every
// character that lower-cases to it: k matches [Kk\u212A] (Kelvin sign), i
// matches [Ii] (U+0130 never lower-cases to a lone i, but its "i" can end a
// match), s matches [Ss] (U+017F, long s, is already lower case and stays
// itself; it only case-folds to s, and the rule lower-cases, it does not fold).

const dottedI = '\u0130' // lower-cases to "i\u0307"

var (
	lowerOnce sync.Once
	upperOf   map[rune][]rune // lower-case letter -> other code points lower-casing to it
)

func lowerSources(r rune) []rune {
	lowerOnce.Do(func() {
		upperOf = map[rune][]rune{}
		for c := rune(0); c <= unicode.MaxRune; c++ {
			if c == dottedI {
				continue
			}
			if l := unicode.ToLower(c); l != c {
				upperOf[l] = append(upperOf[l], c)
			}
		}
	})
	return upperOf[r]
}

// LowerKey lower-cases a key the way forbidden keys are compared, as
// Python's str.lower() does: each character takes its simple lower-case
// mapping, and U+0130 becomes "i" followed by U+0307.
func LowerKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == dottedI {
			b.WriteString("i\u0307")
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// classFor is the set of characters whose lower-case mapping is r.
func classFor(r rune) runeSet {
	var s runeSet
	if unicode.ToLower(r) == r && r != dottedI {
		s = append(s, runeRange{r, r})
	}
	for _, c := range lowerSources(r) {
		s = append(s, runeRange{c, c})
	}
	return s.normalize()
}

func checkKeyText(k string) error {
	if k == "" {
		return fmt.Errorf("forbidden key %q is empty", k)
	}
	if !utf8.ValidString(k) {
		return fmt.Errorf("forbidden key %q is not valid UTF-8", k)
	}
	if strings.ContainsAny(k, "\u03c3\u03c2") {
		return fmt.Errorf("forbidden key %q contains a Greek sigma, whose lower case depends on the letters around it (final sigma); no portable pattern expresses that", k)
	}
	if LowerKey(k) != k {
		return fmt.Errorf("forbidden key %q is not in lower case; keys are compared after lower-casing, so it could never match", k)
	}
	return nil
}

// KeyPartPattern returns an unanchored pattern that matches a key whose
// lower-cased form contains part.
func KeyPartPattern(part string) (string, error) {
	if err := checkKeyText(part); err != nil {
		return "", err
	}
	rs := []rune(part)
	var b strings.Builder
	for j := 0; j < len(rs); j++ {
		c := classFor(rs[j])
		switch {
		case rs[j] == 'i' && j+1 < len(rs) && rs[j+1] == '\u0307':
			// U+0130 lower-cases to exactly these two characters.
			b.WriteString("(?:" + printClass(c) + printClass(classFor('\u0307')) + "|" + literal(dottedI) + ")")
			j++
			continue
		case rs[j] == 'i' && j == len(rs)-1:
			// The "i" of U+0130 ends the match; its dot follows it.
			c = c.union(setOf(runeRange{dottedI, dottedI}))
		case rs[j] == '\u0307' && j == 0:
			// The dot of U+0130 starts the match.
			c = c.union(setOf(runeRange{dottedI, dottedI}))
		}
		b.WriteString(printClass(c))
	}
	out := b.String()
	return out, checkGo(out)
}

// ExactKeyPattern returns a pattern anchored only at the start and the
// length (in code points) a key must not exceed for the pair to say "the
// lower-cased key equals exact". The end is checked by the length, not by $,
// because Python's $ also matches before a final newline.
func ExactKeyPattern(exact string) (string, int, error) {
	if err := checkKeyText(exact); err != nil {
		return "", 0, err
	}
	if strings.ContainsRune(exact, '\u0307') {
		return "", 0, fmt.Errorf("forbidden exact key %q contains U+0307, which U+0130 produces when lower-cased; the key length would vary, which no portable pattern handles", exact)
	}
	var b strings.Builder
	b.WriteString("^")
	n := 0
	for _, r := range exact {
		b.WriteString(printClass(classFor(r)))
		n++
	}
	out := b.String()
	return out, n, checkGo(out)
}
