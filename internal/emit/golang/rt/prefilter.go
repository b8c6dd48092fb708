package rt

import "sync"

// prefilter is the cheap test of the rules one scan mode selects, indexed
// by byte so that a key or string is read once: a key might offend when,
// lower-cased, a part or exact key of a selected key rule starts at some
// byte; a string might when a literal of a selected value rule starts at
// some byte. Anything the index cannot decide (non-ASCII keys or parts, a
// value rule without literals) counts as might.
type prefilter struct {
	keyAll, valueAll bool
	parts            [128][]string // key parts by first byte, lower-case
	exact            []string      // exact keys, lower-case
	literals         [256][]string // value literals by first byte
	start            [256]bool     // bytes that start a literal
	// pairs has bit b1<<8|b2 set for the first two bytes of each literal
	// longer than one byte, so most bytes that start no literal are passed
	// over without a comparison.
	pairs [1 << 16 / 64]uint64
	// quads has bit quadHash(q) set for the first four bytes q of each
	// literal of four bytes or more, and shortPairs the first two bytes of
	// each literal of two or three: a pair that passes is dropped when the
	// four bytes from it are no literal's start, as in "through" or "task".
	quads [1 << 16 / 64]uint64
	// trios has bit trioHash(t) set for the three bytes t at offsets 0
	// and 1 of each literal; with allQuads, every literal holds one of them
	// at an even offset of the string, so valueMayOffend tests every other
	// position only.
	trios      [1 << 16 / 64]uint64
	shortPairs [1 << 16 / 64]uint64
	short      [256]bool // bytes that are a whole literal
	// anyShort is set when some literal is one byte, anyLiteral when
	// there is any literal, and allQuads when every literal has four bytes
	// or more: then a literal can only start where four bytes hash into
	// quads, a test without branches that rarely passes.
	anyShort, anyLiteral, allQuads bool
	anyKeyRule                     bool
	// keyStart marks the bytes, in either case, that start a key part, and
	// every byte of a multi-byte character, so that keyMayOffend compares
	// parts only where one could start.
	keyStart [256]bool
	// keyPlain marks the plain bytes (see plainByte) that start no part.
	keyPlain [256]bool
	// keyPairs has bit b1<<8|b2 set for the first two bytes of each part
	// longer than one byte, lower-case; keyShort marks one-byte parts.
	keyPairs [1 << 16 / 64]uint64
	keyShort [128]bool
}

// prefilters caches a prefilter per scan mode for the current rules.
var prefilters struct {
	sync.Mutex
	rules []*rule
	by    map[scanMode]*prefilter
}

// prefilterFor returns the prefilter of sc, built on first use.
func prefilterFor(sc scanMode) *prefilter {
	prefilters.Lock()
	defer prefilters.Unlock()
	if prefilters.by == nil || len(prefilters.rules) != len(rules) || len(rules) > 0 && &prefilters.rules[0] != &rules[0] {
		prefilters.rules, prefilters.by = rules, map[scanMode]*prefilter{}
	}
	if pf, ok := prefilters.by[sc]; ok {
		return pf
	}
	pf := newPrefilter(sc)
	prefilters.by[sc] = pf
	return pf
}

func newPrefilter(sc scanMode) *prefilter {
	pf := &prefilter{}
	for c := 0x80; c < 0x100; c++ {
		pf.keyStart[c] = true
	}
	pf.allQuads = true
	defer func() {
		for c := range pf.keyPlain {
			pf.keyPlain[c] = plainByte[c] && !pf.keyStart[c]
		}
		// A rule without literals makes every string a suspect, which
		// the trio loop of allQuads, reading literals only, cannot see.
		if pf.valueAll {
			pf.allQuads = false
		}
	}()
	ascii := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return false
			}
		}
		return s != ""
	}
	for i, r := range rules {
		if sc>>(3*i)&scanKeys != 0 && r.keyMessage != "" {
			pf.anyKeyRule = true
			for _, p := range r.parts {
				if !ascii(p) {
					pf.keyAll = true
					continue
				}
				pf.parts[p[0]] = append(pf.parts[p[0]], p)
				pf.keyStart[p[0]] = true
				if len(p) == 1 {
					pf.keyShort[p[0]] = true
				} else {
					b := int(p[0])<<8 | int(p[1])
					pf.keyPairs[b/64] |= 1 << (b % 64)
				}
				if c := p[0]; c >= 'a' && c <= 'z' {
					pf.keyStart[c-'a'+'A'] = true
				}
			}
			for _, e := range r.exact {
				if !ascii(e) {
					pf.keyAll = true
				}
				pf.exact = append(pf.exact, e)
			}
		}
		if sc>>(3*i)&scanFreeValues != 0 && r.values != nil {
			if r.literals == nil {
				pf.valueAll = true
			}
			for _, l := range r.literals {
				if l == "" {
					pf.valueAll = true
					continue
				}
				pf.literals[l[0]] = append(pf.literals[l[0]], l)
				pf.start[l[0]] = true
				pf.anyLiteral = true
				if len(l) == 1 {
					pf.allQuads = false
					pf.short[l[0]] = true
					pf.anyShort = true
				} else {
					b := int(l[0])<<8 | int(l[1])
					pf.pairs[b/64] |= 1 << (b % 64)
					if len(l) < 4 {
						pf.allQuads = false
						pf.shortPairs[b/64] |= 1 << (b % 64)
					} else {
						h := quadHash(l[0], l[1], l[2], l[3])
						pf.quads[h/64] |= 1 << (h % 64)
						for k := 0; k < 2; k++ {
							h := trioHash(l[k], l[k+1], l[k+2])
							pf.trios[h/64] |= 1 << (h % 64)
						}
					}
				}
			}
		}
	}
	return pf
}

// keyMayOffend reports whether key might be forbidden.
func (pf *prefilter) keyMayOffend(key []byte) bool {
	if !pf.anyKeyRule {
		return false
	}
	if pf.keyAll {
		return true
	}
	for i, c := range key {
		if pf.keyStart[c] && pf.partAt(key, i) {
			return true
		}
	}
	return pf.exactKey(key)
}

// partAt reports whether a key part might start at data[i], a byte
// keyStart marks (a part that runs past the key's end is a harmless false
// alarm).
func (pf *prefilter) partAt(data []byte, i int) bool {
	c := data[i]
	if c >= 0x80 {
		return true
	}
	c = lowerASCII(c)
	if !pf.keyShort[c] {
		if i+1 == len(data) {
			return false
		}
		if b := int(c)<<8 | int(lowerASCII(data[i+1])); pf.keyPairs[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return pf.partFrom(data[i:], c)
}

// partFrom reports whether b starts with one of the parts that start with
// c, its first byte lower-cased.
func (pf *prefilter) partFrom(b []byte, c byte) bool {
	for _, p := range pf.parts[c] {
		if foldHasPrefix(b, p) {
			return true
		}
	}
	return false
}

// exactKey reports whether key is one of the exact keys, in any case.
func (pf *prefilter) exactKey(key []byte) bool {
	for _, e := range pf.exact {
		if len(e) == len(key) && foldHasPrefix(key, e) {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases an ASCII capital letter.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// literalAt reports whether a literal might start at data[i] (a literal
// that runs past the string's end is a harmless false alarm).
func (pf *prefilter) literalAt(data []byte, i int) bool {
	c := data[i]
	if pf.short[c] {
		return true
	}
	if i+1 >= len(data) {
		return false
	}
	b := int(c)<<8 | int(data[i+1])
	if pf.pairs[b/64]&(1<<(b%64)) == 0 {
		return false
	}
	if i+3 < len(data) && pf.shortPairs[b/64]&(1<<(b%64)) == 0 {
		if h := quadHash(c, data[i+1], data[i+2], data[i+3]); pf.quads[h/64]&(1<<(h%64)) == 0 {
			return false
		}
	}
	for _, l := range pf.literals[c] {
		if len(data)-i >= len(l) && string(data[i:i+len(l)]) == l {
			return true
		}
	}
	return false
}

// quadHash maps four bytes to 16 bits (multiplicative hashing).
func quadHash(a, b, c, d byte) uint32 {
	return (uint32(a) | uint32(b)<<8 | uint32(c)<<16 | uint32(d)<<24) * 2654435761 >> 16
}

// trioHash maps three bytes to 16 bits (multiplicative hashing).
func trioHash(a, b, c byte) uint32 {
	return (uint32(a) | uint32(b)<<8 | uint32(c)<<16) * 2654435761 >> 16
}

// valueMayOffend reports whether s might be forbidden. Without one-byte
// literals, a literal can only start where a pair of bytes in the pairs
// index does, so the loop tests each pair of neighbours there and compares
// literals only at a hit.
func (pf *prefilter) valueMayOffend(s []byte) bool {
	if pf.valueAll {
		return true
	}
	if pf.anyShort {
		for i, c := range s {
			if pf.start[c] && pf.literalAt(s, i) {
				return true
			}
		}
		return false
	}
	if !pf.anyLiteral || len(s) < 2 {
		return false
	}
	if pf.allQuads {
		for i := 0; i+3 <= len(s); i += 2 {
			h := trioHash(s[i], s[i+1], s[i+2])
			if pf.trios[h/64]&(1<<(h%64)) != 0 && (pf.literalAt(s, i) || i > 0 && pf.literalAt(s, i-1)) {
				return true
			}
		}
		return false
	}
	prev := uint(s[0])
	for i := 1; i < len(s); i++ {
		c := uint(s[i])
		if b := prev<<8 | c; pf.pairs[b>>6]&(1<<(b&63)) != 0 && pf.literalAt(s, i-1) {
			return true
		}
		prev = c
	}
	return false
}
