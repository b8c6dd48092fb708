package rt

import "unicode/utf8"

// This file holds the quick pass's readers of single tokens: strings,
// keys, literals and numbers, each returning where the token ends.

// str reads a string and returns its content: the document's own bytes, or
// for a string with escapes its decoded text. False for anything the
// decoder would refuse and, when value is set, for a string that might hold
// a forbidden value. Most strings are plain ASCII up to the closing quote:
// one tight loop finds it, and only other strings take strSlow.
func (q *quickScan) str(data []byte, i int, value bool) (int, []byte, bool) {
	if value && q.pf.allQuads {
		return q.text(data, i)
	}
	start := i + 1
	i = start
	for i < len(data) && plainByte[data[i]] {
		i++
	}
	if i < len(data) && data[i] == '"' {
		s := data[start:i]
		if value && q.pf.valueMayOffend(s) {
			return 0, nil, false
		}
		return i + 1, s, true
	}
	return q.strSlow(start, i, value)
}

// text is str for a string value when every literal has four bytes or
// more: one loop finds the closing quote two bytes at a time and tests the
// three bytes at each even offset against the trios (see prefilter). A
// literal inside the string starts at an even offset or one after it, so
// it holds the trio there; a trio that runs past the quote is a harmless
// false alarm. Strings that are not plain ASCII take strSlow, which tests
// the whole text.
func (q *quickScan) text(data []byte, i int) (int, []byte, bool) {
	pf := q.pf
	start := i + 1
	for i = start; i+2 < len(data); i += 2 {
		c0, c1 := data[i], data[i+1]
		if !plainByte[c0] || !plainByte[c1] {
			if c0 == '"' {
				return i + 1, data[start:i], true
			}
			if c1 == '"' && plainByte[c0] {
				return i + 2, data[start : i+1], true
			}
			break
		}
		if h := trioHash(c0, c1, data[i+2]); pf.trios[h/64]&(1<<(h%64)) != 0 &&
			(pf.literalAt(data, i) || i > start && pf.literalAt(data, i-1)) {
			return 0, nil, false
		}
	}
	return q.strSlow(start, i, true)
}

// key reads an object key as str does and, when keys are scanned, tests it
// in the same loop: the loop stops only at bytes that start a key part.
// False also for a key that might be forbidden.
func (q *quickScan) key(data []byte, i int) (int, []byte, bool) {
	pf := q.pf
	if !q.keys {
		return q.str(data, i, false)
	}
	if pf.keyAll {
		return 0, nil, false
	}
	start := i + 1
	for i = start; ; i++ {
		for i < len(data) && pf.keyPlain[data[i]] {
			i++
		}
		if i >= len(data) {
			return 0, nil, false
		}
		switch c := data[i]; {
		case c == '"':
			s := data[start:i]
			return i + 1, s, !pf.exactKey(s)
		case !plainByte[c]:
			end, s, ok := q.strSlow(start, i, false)
			return end, s, ok && !pf.keyMayOffend(s)
		default:
			// A plain byte that starts a part: the pair test of partAt,
			// written out here because this runs for most keys.
			c = lowerASCII(c)
			if !pf.keyShort[c] && i+1 < len(data) {
				if b := int(c)<<8 | int(lowerASCII(data[i+1])); pf.keyPairs[b/64]&(1<<(b%64)) == 0 {
					continue
				}
			}
			if pf.partAt(data, i) {
				return 0, nil, false
			}
		}
	}
}

// strSlow goes on from data[i], the first byte of the string that is not
// plain ASCII: multi-byte characters, escapes and what the decoder refuses.
func (q *quickScan) strSlow(start, i int, value bool) (int, []byte, bool) {
	high := false
	for data := q.data; i < len(data); i++ {
		c := data[i]
		if plainByte[c] {
			continue
		}
		switch {
		case c == '"':
			s := data[start:i]
			if high && !utf8.Valid(s) || value && q.pf.valueMayOffend(s) {
				return 0, nil, false
			}
			return i + 1, s, true
		case c == '\\':
			end, s, ok := q.escaped(start)
			return end, s, ok && (!value || !q.pf.valueMayOffend(s))
		case c < 0x20:
			return 0, nil, false
		default:
			high = true
		}
	}
	return 0, nil, false
}

// escaped decodes a string with escapes through the decoder's own rules.
func (q *quickScan) escaped(start int) (int, []byte, bool) {
	d := decoder{data: q.data, pos: start - 1, buf: q.buf}
	s, err := d.escapedString(nil, start)
	if err != nil {
		return 0, nil, false
	}
	q.buf = d.buf
	// The decoded text must outlive the next string: keys are kept for the
	// duplicate check.
	return d.pos, append([]byte(nil), s...), true
}

// word reads true, false or null at data[i], which must end there.
func word(data []byte, i int, w string) (int, bool) {
	if len(data)-i < len(w) || string(data[i:i+len(w)]) != w {
		return 0, false
	}
	return delimited(data, i+len(w))
}

// delimited reports whether a literal or number that ends before data[i]
// ends there: at the end of data, whitespace or a closing or separating
// byte.
func delimited(data []byte, i int) (int, bool) {
	if i == len(data) {
		return i, true
	}
	switch data[i] {
	case ' ', '\t', '\n', '\r', ',', ']', '}':
		return i, true
	}
	return 0, false
}

// number reads a JSON number at data[i].
func number(data []byte, i int) (int, bool) {
	if data[i] == '-' {
		i++
	}
	if i < len(data) && data[i] == '0' {
		i++
	} else if j := digits(data, i); j == i {
		return 0, false
	} else {
		i = j
	}
	if i < len(data) && data[i] == '.' {
		j := digits(data, i+1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := digits(data, i)
		if j == i {
			return 0, false
		}
		i = j
	}
	return delimited(data, i)
}

// digits returns the index of the first byte from data[i] on that is not a
// decimal digit.
func digits(data []byte, i int) int {
	for i < len(data) && data[i] >= '0' && data[i] <= '9' {
		i++
	}
	return i
}
