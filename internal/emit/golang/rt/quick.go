package rt

import (
	"bytes"
	"hash/maphash"
	"sync"
	"unicode/utf8"
)

// quickScan is the one pass that clears a clean document: it checks the
// JSON grammar, UTF-8 and duplicate keys the way the decoder does, and tests
// every key and string against the cheap prefilters of the rules a scan
// selects, reading each byte once. It only ever answers "clean" or "do not
// know": on anything else (an error, a candidate offender, deep nesting) it
// stops, and the caller runs the exact path, which finds the first problem
// and its path. Verdicts and messages therefore stay those of the exact
// path.
type quickScan struct {
	data         []byte
	pos          int
	keys, values bool
	pf           *prefilter
	// kinds holds the open containers, '{' or '[', outermost first.
	kinds []byte
	// stack holds the keys of every open object, outermost first; open
	// holds the open objects, outermost first.
	stack [][]byte
	open  []openObject
	// spaced is set once whitespace outside strings has been read.
	spaced bool
	// index holds, per depth (from 0), the hash index of a large open
	// object's keys.
	index []keyIndex
	buf   []byte
}

// plainByte marks the bytes a string holds as they are: not a quote, a
// backslash, a control character or a byte of a multi-byte character.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// quickDepth is the nesting the quick pass handles; deeper documents take
// the exact path, which enforces maxDepth.
const quickDepth = 512

// quickLarge is the number of keys from which an object's duplicate check
// uses a hash index instead of comparing with every earlier key.
const quickLarge = 16

// quickClean reports whether doc is one well-formed JSON document without
// duplicate keys in which no key and no string could break a rule that sc
// selects (keys for scanKeys bits, strings for scanFreeValues bits). False
// means "not known": the exact path decides.
func quickClean(doc []byte, sc scanMode) bool {
	q := newQuickScan(doc, 0, sc)
	defer q.release()
	q.keys, q.values = sc&anyKeys != 0 && q.pf.anyKeyRule, sc&anyFree != 0
	if !q.run() {
		return false
	}
	return q.skipSpace(q.data, q.pos) == len(q.data)
}

// quickScans keeps the scanners' stacks and key indexes between calls, so
// that a document with large objects allocates them once.
var quickScans = sync.Pool{New: func() any { return new(quickScan) }}

func newQuickScan(data []byte, pos int, sc scanMode) *quickScan {
	q := quickScans.Get().(*quickScan)
	q.data, q.pos, q.pf = data, pos, prefilterFor(sc)
	return q
}

// release returns q to the pool, dropping every reference into the
// document.
func (q *quickScan) release() {
	clear(q.stack[:cap(q.stack)])
	for i := range q.index {
		q.index[i].reset()
	}
	*q = quickScan{stack: q.stack[:0], open: q.open[:0], index: q.index, buf: q.buf[:0], kinds: q.kinds[:0]}
	quickScans.Put(q)
}

// quickValue checks the one JSON value that starts at data[pos] as the
// decoder would (grammar, UTF-8, duplicate keys), without testing it for
// forbidden material. It returns where the value ends and whether
// whitespace outside strings was read; ok is false for anything the exact
// path must look at.
func quickValue(data []byte, pos int) (end int, spaced, ok bool) {
	q := newQuickScan(data, pos, 0)
	defer q.release()
	if !q.run() {
		return 0, false, false
	}
	return q.pos, q.spaced, true
}

// quickValueClean is quickValue that also tests the value's keys and
// strings against every rule, as quickClean does; ok is false as well for a
// value that might hold forbidden material.
func quickValueClean(data []byte, pos int) (end int, spaced, ok bool) {
	const all = anyKeys | anyFree
	q := newQuickScan(data, pos, all)
	defer q.release()
	q.keys, q.values = q.pf.anyKeyRule, true
	if !q.run() {
		return 0, false, false
	}
	return q.pos, q.spaced, true
}

// run reads the one value that starts at data[pos]: a loop over an
// explicit stack of open containers (kinds, '{' or '['), with the position
// in a local so that it stays in a register. It sets q.pos to where the
// value ends.
func (q *quickScan) run() bool {
	data, i := q.data, q.pos
	kinds := q.kinds[:0]
	defer func() { q.kinds = kinds[:0] }()
	var (
		s   []byte
		ok  bool
		top int
	)
value:
	i = q.skipSpace(data, i)
	if i >= len(data) {
		return false
	}
	switch c := data[i]; {
	case c == '{' || c == '[':
		if len(kinds) >= quickDepth {
			return false
		}
		if i = q.skipSpace(data, i+1); i < len(data) && data[i] == c+2 { // '}' or ']'
			i++
			goto after
		}
		kinds = append(kinds, c)
		if c == '[' {
			goto value
		}
		q.open = append(q.open, openObject{first: len(q.stack)})
		goto key
	case c == '"':
		if i, _, ok = q.str(data, i, q.values); !ok {
			return false
		}
	case c == 't':
		i, ok = word(data, i, "true")
	case c == 'f':
		i, ok = word(data, i, "false")
	case c == 'n':
		i, ok = word(data, i, "null")
	case c == '-' || c >= '0' && c <= '9':
		i, ok = number(data, i)
	default:
		return false
	}
	if !ok {
		return false
	}
after:
	if len(kinds) == 0 {
		q.pos = i
		return true
	}
	if i = q.skipSpace(data, i); i >= len(data) {
		return false
	}
	top = len(kinds) - 1
	switch c := data[i]; {
	case c == ',':
		i++
		if kinds[top] == '[' {
			goto value
		}
		goto key
	case c == kinds[top]+2:
		i++
		if kinds[top] == '{' {
			q.closeObject(top)
		}
		kinds = kinds[:top]
		goto after
	}
	return false
key:
	if i = q.skipSpace(data, i); i >= len(data) || data[i] != '"' {
		return false
	}
	if i, s, ok = q.key(data, i); !ok || !q.addKey(s, len(kinds)) {
		return false
	}
	if i = q.skipSpace(data, i); i >= len(data) || data[i] != ':' {
		return false
	}
	i++
	goto value
}

// closeObject drops the keys of the object open at depth top (from 0).
func (q *quickScan) closeObject(top int) {
	q.stack = q.stack[:q.open[len(q.open)-1].first]
	q.open = q.open[:len(q.open)-1]
	if len(q.index) > top {
		q.index[top].reset()
	}
}

// skipSpace returns the index of the first byte from data[i] on that is
// not JSON whitespace, noting whether there was any.
func (q *quickScan) skipSpace(data []byte, i int) int {
	if i < len(data) && data[i] > ' ' {
		return i
	}
	j := i
	for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\n' || data[j] == '\r') {
		j++
	}
	if j > i {
		q.spaced = true
	}
	return j
}

// addKey records a key of the innermost open object, at depth (from 1);
// false when the object already has it. Small objects compare with every
// earlier key; large ones use a hash index.
func (q *quickScan) addKey(key []byte, depth int) bool {
	o := &q.open[len(q.open)-1]
	first := o.first
	n := len(q.stack) - first
	if n < quickLarge {
		bit := uint64(1) << keyBit(key)
		if o.seen&bit != 0 {
			for _, k := range q.stack[first:] {
				if bytes.Equal(k, key) {
					return false
				}
			}
		}
		o.seen |= bit
		q.stack = append(q.stack, key)
		if n+1 == quickLarge {
			ix := q.keyIndex(depth)
			for i := first; i < len(q.stack); i++ {
				ix.add(q.stack, i)
			}
		}
		return true
	}
	q.stack = append(q.stack, key)
	return q.keyIndex(depth).add(q.stack, len(q.stack)-1)
}

// openObject is an open object: where its keys start in the key stack, and
// a bit per key (keyBit) so that a small object compares keys only when
// two share a bit.
type openObject struct {
	first int
	seen  uint64
}

// keyBit spreads keys over 64 bits by length and first and last byte.
func keyBit(key []byte) uint {
	if len(key) == 0 {
		return 0
	}
	return uint(len(key)*7+int(key[0])*3+int(key[len(key)-1])) & 63
}

// keyIndex is the hash index of the innermost open object.
func (q *quickScan) keyIndex(depth int) *keyIndex {
	for len(q.index) < depth {
		q.index = append(q.index, keyIndex{})
	}
	return &q.index[depth-1]
}

// keyIndex is an open-addressing hash set of keys. A slot holds the key's
// position in the key stack plus one (zero is empty) in its low half and
// the high half of the key's hash in its high half, so that probing
// compares key bytes only when the hashes agree.
type keyIndex struct {
	slots []uint64
	n     int
}

// reset empties the index; a table much larger than what it held is let go
// rather than cleared, so that one large object does not make every later
// one pay for clearing it.
func (ix *keyIndex) reset() {
	if ix.n == 0 {
		return
	}
	if len(ix.slots) > 1024 && len(ix.slots) > 16*ix.n {
		ix.slots = nil
	} else {
		clear(ix.slots)
	}
	ix.n = 0
}

// add inserts stack[i]; false when an equal key is already there.
func (ix *keyIndex) add(stack [][]byte, i int) bool {
	if 2*(ix.n+1) > len(ix.slots) {
		ix.grow(stack)
	}
	h := hashKey(stack[i])
	tag := h &^ (1<<32 - 1)
	mask := len(ix.slots) - 1
	for at := int(h) & mask; ; at = (at + 1) & mask {
		s := ix.slots[at]
		if s == 0 {
			ix.slots[at] = tag | uint64(i+1)
			ix.n++
			return true
		}
		if s&^(1<<32-1) == tag && bytes.Equal(stack[uint32(s)-1], stack[i]) {
			return false
		}
	}
}

func (ix *keyIndex) grow(stack [][]byte) {
	old := ix.slots
	size := 64
	for size < 4*(ix.n+1) {
		size *= 2
	}
	ix.slots, ix.n = make([]uint64, size), 0
	for _, s := range old {
		if s != 0 {
			ix.add(stack, int(uint32(s)-1))
		}
	}
}

// keySeed seeds hashKey; the index is only ever probed, never listed, so
// a per-process seed changes nothing that is seen.
var keySeed = maphash.MakeSeed()

func hashKey(b []byte) uint64 {
	return maphash.Bytes(keySeed, b)
}

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
