package pattern

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// runeSet is a set of code points as sorted, disjoint, non-adjacent closed
// ranges [lo, hi].
type runeSet []runeRange

type runeRange struct{ lo, hi rune }

// setOf builds a set from a list of closed ranges in any order.
func setOf(rs ...runeRange) runeSet {
	s := append(runeSet(nil), rs...)
	return s.normalize()
}

func (s runeSet) normalize() runeSet {
	if len(s) == 0 {
		return nil
	}
	sort.Slice(s, func(i, j int) bool { return s[i].lo < s[j].lo })
	out := runeSet{s[0]}
	for _, r := range s[1:] {
		last := &out[len(out)-1]
		if r.lo <= last.hi+1 {
			if r.hi > last.hi {
				last.hi = r.hi
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// syntaxSet converts the flat lo,hi list regexp/syntax uses.
func syntaxSet(flat []rune) runeSet {
	var s runeSet
	for i := 0; i+1 < len(flat); i += 2 {
		s = append(s, runeRange{flat[i], flat[i+1]})
	}
	return s.normalize()
}

func (s runeSet) union(t runeSet) runeSet {
	return append(append(runeSet(nil), s...), t...).normalize()
}

func (s runeSet) complement() runeSet {
	var out runeSet
	next := rune(0)
	for _, r := range s {
		if r.lo > next {
			out = append(out, runeRange{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, runeRange{next, unicode.MaxRune})
	}
	return out
}

func (s runeSet) contains(r rune) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].hi >= r })
	return i < len(s) && s[i].lo <= r
}

// disjoint reports whether s and t share no code point.
func (s runeSet) disjoint(t runeSet) bool {
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		if s[i].hi < t[j].lo {
			i++
		} else if t[j].hi < s[i].lo {
			j++
		} else {
			return false
		}
	}
	return true
}

// subsetOf reports whether every code point of s is in t.
func (s runeSet) subsetOf(t runeSet) bool { return s.disjoint(t.complement()) }

// whitespace is the set a trimmed field strips: the characters for which
// Python's str.isspace() is true, which is Go's unicode.IsSpace plus the
// information separators U+001C..U+001F. See RULES.md.
var whitespace = setOf(
	runeRange{0x09, 0x0D}, runeRange{0x1C, 0x20}, runeRange{0x85, 0x85}, runeRange{0xA0, 0xA0},
	runeRange{0x1680, 0x1680}, runeRange{0x2000, 0x200A}, runeRange{0x2028, 0x2029},
	runeRange{0x202F, 0x202F}, runeRange{0x205F, 0x205F}, runeRange{0x3000, 0x3000},
)

// IsSpace reports whether r is stripped by trim (see RULES.md).
func IsSpace(r rune) bool { return whitespace.contains(r) }

// TrimSpace strips the trim whitespace set from both ends of s.
func TrimSpace(s string) string { return strings.TrimFunc(s, IsSpace) }

var (
	wordOnce sync.Once
	wordSet  runeSet
)

// word is the set of word characters that \b looks at: Unicode letters (L*)
// and numbers (N*) and the underscore, which is what Python's re module uses
// for \w in str patterns (Go's unicode tables decide the version), and the
// unassigned code points that lie between two runs of them. Those are no
// one's word characters; counting them as such halves the ranges of the
// class every \b is spelt with (from about 730 to about 380), so that a
// forbidden pattern fits in a few kilobytes in every JSON Schema, and
// changes nothing for any character a text can meaningfully hold.
func word() runeSet {
	wordOnce.Do(func() {
		var s runeSet
		for _, tab := range []*unicode.RangeTable{unicode.L, unicode.N} {
			for _, r := range tab.R16 {
				s = appendStride(s, rune(r.Lo), rune(r.Hi), rune(r.Stride))
			}
			for _, r := range tab.R32 {
				s = appendStride(s, rune(r.Lo), rune(r.Hi), rune(r.Stride))
			}
		}
		s = append(s, runeRange{'_', '_'})
		wordSet = bmpOnly(fillUnassigned(s.normalize()))
	})
	return wordSet
}

// bmpOnly keeps the Basic Multilingual Plane: letters and digits beyond
// U+FFFF (historic scripts, CJK extensions, mathematical alphanumerics)
// count as non-word characters, which takes another 40% off the class. A
// token written right after one of them is found, where Python's \b would
// not see a boundary; emoji and other symbols there are non-word characters
// in Python too.
func bmpOnly(s runeSet) runeSet {
	var out runeSet
	for _, r := range s {
		if r.lo > 0xFFFF {
			break
		}
		if r.hi > 0xFFFF {
			r.hi = 0xFFFF
		}
		out = append(out, r)
	}
	return out
}

// fillUnassigned joins two ranges of s when every code point between them
// is unassigned (in no Unicode category).
func fillUnassigned(s runeSet) runeSet {
	if len(s) == 0 {
		return s
	}
	out := runeSet{s[0]}
	for _, r := range s[1:] {
		last := &out[len(out)-1]
		if allUnassigned(last.hi+1, r.lo-1) {
			last.hi = r.hi
			continue
		}
		out = append(out, r)
	}
	return out
}

// allUnassigned reports whether no code point in [lo, hi] is assigned.
func allUnassigned(lo, hi rune) bool {
	for c := lo; c <= hi; c++ {
		if isAssigned(c) {
			return false
		}
	}
	return true
}

var (
	assignedOnce sync.Once
	assignedSet  runeSet
)

// isAssigned reports whether r belongs to a Unicode general category other
// than Cn (unassigned).
func isAssigned(r rune) bool {
	assignedOnce.Do(func() {
		var s runeSet
		for name, tab := range unicode.Categories {
			if name == "C" || name == "Cn" { // C includes Cn, the unassigned
				continue
			}
			for _, x := range tab.R16 {
				s = appendStride(s, rune(x.Lo), rune(x.Hi), rune(x.Stride))
			}
			for _, x := range tab.R32 {
				s = appendStride(s, rune(x.Lo), rune(x.Hi), rune(x.Stride))
			}
		}
		assignedSet = s.normalize()
	})
	return assignedSet.contains(r)
}

func appendStride(s runeSet, lo, hi, stride rune) runeSet {
	if stride == 1 {
		return append(s, runeRange{lo, hi})
	}
	for r := lo; r <= hi; r += stride {
		s = append(s, runeRange{r, r})
	}
	return s
}

// IsWord reports whether r is a word character for \b (see RULES.md).
func IsWord(r rune) bool { return word().contains(r) }
