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
	depth        int
	// stack holds the keys of every open object, outermost first; open
	// holds where each open object's keys start in it.
	stack [][]byte
	open  []int
	// spaced is set once whitespace outside strings has been read.
	spaced bool
	// index holds, per depth, the hash index of a large open object's keys.
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
	q.keys, q.values = sc&anyKeys != 0, sc&anyFree != 0
	if !q.value() {
		return false
	}
	q.ws()
	return q.pos == len(q.data)
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
	*q = quickScan{stack: q.stack[:0], open: q.open[:0], index: q.index, buf: q.buf[:0]}
	quickScans.Put(q)
}

func (q *quickScan) ws() {
	if q.pos < len(q.data) && q.data[q.pos] > ' ' {
		return
	}
	for q.pos < len(q.data) {
		switch q.data[q.pos] {
		case ' ', '\t', '\n', '\r':
			q.pos++
			q.spaced = true
		default:
			return
		}
	}
}

// quickValue checks the one JSON value that starts at data[pos] as the
// decoder would (grammar, UTF-8, duplicate keys), without testing it for
// forbidden material. It returns where the value ends and whether
// whitespace outside strings was read; ok is false for anything the exact
// path must look at.
func quickValue(data []byte, pos int) (end int, spaced, ok bool) {
	q := newQuickScan(data, pos, 0)
	defer q.release()
	if !q.value() {
		return 0, false, false
	}
	return q.pos, q.spaced, true
}

func (q *quickScan) value() bool {
	q.ws()
	if q.pos >= len(q.data) {
		return false
	}
	switch c := q.data[q.pos]; {
	case c == '{':
		return q.object()
	case c == '[':
		return q.array()
	case c == '"':
		_, ok := q.str(q.values)
		return ok
	case c == 't':
		return q.word("true")
	case c == 'f':
		return q.word("false")
	case c == 'n':
		return q.word("null")
	case c == '-' || c >= '0' && c <= '9':
		return q.number()
	}
	return false
}

func (q *quickScan) object() bool {
	if q.depth++; q.depth > quickDepth {
		return false
	}
	q.pos++
	q.open = append(q.open, len(q.stack))
	defer func() {
		q.stack = q.stack[:q.open[len(q.open)-1]]
		q.open = q.open[:len(q.open)-1]
		if len(q.index) >= q.depth {
			q.index[q.depth-1].reset()
		}
		q.depth--
	}()
	q.ws()
	if q.pos < len(q.data) && q.data[q.pos] == '}' {
		q.pos++
		return true
	}
	for {
		q.ws()
		if q.pos >= len(q.data) || q.data[q.pos] != '"' {
			return false
		}
		key, ok := q.str(false)
		if !ok || q.keys && q.pf.keyMayOffend(key) || !q.addKey(key) {
			return false
		}
		q.ws()
		if q.pos >= len(q.data) || q.data[q.pos] != ':' {
			return false
		}
		q.pos++
		if !q.value() {
			return false
		}
		q.ws()
		if q.pos >= len(q.data) {
			return false
		}
		switch q.data[q.pos] {
		case ',':
			q.pos++
		case '}':
			q.pos++
			return true
		default:
			return false
		}
	}
}

// addKey records a key of the innermost open object; false when the object
// already has it. Small objects compare with every earlier key; large ones
// use a hash index.
func (q *quickScan) addKey(key []byte) bool {
	first := q.open[len(q.open)-1]
	n := len(q.stack) - first
	if n < quickLarge {
		for _, k := range q.stack[first:] {
			if bytes.Equal(k, key) {
				return false
			}
		}
		q.stack = append(q.stack, key)
		if n+1 == quickLarge {
			ix := q.keyIndex()
			for i := first; i < len(q.stack); i++ {
				ix.add(q.stack, i)
			}
		}
		return true
	}
	q.stack = append(q.stack, key)
	return q.keyIndex().add(q.stack, len(q.stack)-1)
}

// keyIndex is the hash index of the innermost open object.
func (q *quickScan) keyIndex() *keyIndex {
	for len(q.index) < q.depth {
		q.index = append(q.index, keyIndex{})
	}
	return &q.index[q.depth-1]
}

// keyIndex is an open-addressing hash set of keys, held as positions in
// the key stack (plus one; zero is empty).
type keyIndex struct {
	slots []int32
	n     int
}

func (ix *keyIndex) reset() {
	if ix.n > 0 {
		clear(ix.slots)
		ix.n = 0
	}
}

// add inserts stack[i]; false when an equal key is already there.
func (ix *keyIndex) add(stack [][]byte, i int) bool {
	if 2*(ix.n+1) > len(ix.slots) {
		ix.grow(stack)
	}
	mask := len(ix.slots) - 1
	for h := int(hashKey(stack[i])) & mask; ; h = (h + 1) & mask {
		s := ix.slots[h]
		if s == 0 {
			ix.slots[h] = int32(i + 1)
			ix.n++
			return true
		}
		if bytes.Equal(stack[s-1], stack[i]) {
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
	ix.slots, ix.n = make([]int32, size), 0
	for _, s := range old {
		if s != 0 {
			ix.add(stack, int(s-1))
		}
	}
}

// keySeed seeds hashKey; the index is only ever probed, never listed, so
// a per-process seed changes nothing that is seen.
var keySeed = maphash.MakeSeed()

func hashKey(b []byte) uint64 {
	return maphash.Bytes(keySeed, b)
}

func (q *quickScan) array() bool {
	if q.depth++; q.depth > quickDepth {
		return false
	}
	defer func() { q.depth-- }()
	q.pos++
	q.ws()
	if q.pos < len(q.data) && q.data[q.pos] == ']' {
		q.pos++
		return true
	}
	for {
		if !q.value() {
			return false
		}
		q.ws()
		if q.pos >= len(q.data) {
			return false
		}
		switch q.data[q.pos] {
		case ',':
			q.pos++
		case ']':
			q.pos++
			return true
		default:
			return false
		}
	}
}

// str reads a string and returns its content: the document's own bytes, or
// for a string with escapes its decoded text. False for anything the
// decoder would refuse and, when value is set, for a string that might hold
// a forbidden value. Most strings are plain ASCII up to the closing quote:
// one tight loop finds it, and only other strings take strSlow.
func (q *quickScan) str(value bool) ([]byte, bool) {
	start := q.pos + 1
	data := q.data
	i := start
	for i < len(data) && plainByte[data[i]] {
		i++
	}
	if i < len(data) && data[i] == '"' {
		s := data[start:i]
		if value && q.pf.valueMayOffend(s) {
			return nil, false
		}
		q.pos = i + 1
		return s, true
	}
	return q.strSlow(start, i, value)
}

// strSlow goes on from data[i], the first byte of the string that is not
// plain ASCII: multi-byte characters, escapes and what the decoder refuses.
func (q *quickScan) strSlow(start, i int, value bool) ([]byte, bool) {
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
				return nil, false
			}
			q.pos = i + 1
			return s, true
		case c == '\\':
			s, ok := q.escaped(start)
			return s, ok && (!value || !q.pf.valueMayOffend(s))
		case c < 0x20:
			return nil, false
		default:
			high = true
		}
	}
	return nil, false
}

// escaped decodes a string with escapes through the decoder's own rules.
func (q *quickScan) escaped(start int) ([]byte, bool) {
	d := decoder{data: q.data, pos: start - 1, buf: q.buf}
	s, err := d.escapedString(nil, start)
	if err != nil {
		return nil, false
	}
	q.buf, q.pos = d.buf, d.pos
	// The decoded text must outlive the next string: keys are kept for the
	// duplicate check.
	return append([]byte(nil), s...), true
}

// word reads true, false or null, which must end there.
func (q *quickScan) word(w string) bool {
	if !bytes.HasPrefix(q.data[q.pos:], []byte(w)) {
		return false
	}
	q.pos += len(w)
	if q.pos == len(q.data) {
		return true
	}
	switch q.data[q.pos] {
	case ' ', '\t', '\n', '\r', ',', ']', '}':
		return true
	}
	return false
}

// number reads a JSON number.
func (q *quickScan) number() bool {
	i := q.pos
	if q.data[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(q.data) && q.data[i] >= '0' && q.data[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(q.data) && q.data[i] == '0' {
		i++
	} else if digits() == 0 {
		return false
	}
	if i < len(q.data) && q.data[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(q.data) && (q.data[i] == 'e' || q.data[i] == 'E') {
		i++
		if i < len(q.data) && (q.data[i] == '+' || q.data[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	q.pos = i
	if i == len(q.data) {
		return true
	}
	switch q.data[i] {
	case ' ', '\t', '\n', '\r', ',', ']', '}':
		return true
	}
	return false
}
