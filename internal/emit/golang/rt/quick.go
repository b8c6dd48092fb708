package rt

import "sync"

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
	if !q.run() {
		return false
	}
	return q.skipSpace(q.data, q.pos) == len(q.data)
}

// quickScans keeps the scanners' stacks and key indexes between calls, so
// that a document with large objects allocates them once.
var quickScans = sync.Pool{New: func() any { return new(quickScan) }}

// newQuickScan returns a scanner of data from pos that tests keys and
// strings for the rules sc selects (keys for scanKeys bits, strings for
// scanFreeValues bits); sc 0 checks the JSON alone.
func newQuickScan(data []byte, pos int, sc scanMode) *quickScan {
	q := quickScans.Get().(*quickScan)
	q.data, q.pos, q.pf = data, pos, prefilterFor(sc)
	q.keys, q.values = sc&anyKeys != 0 && q.pf.anyKeyRule, sc&anyFree != 0
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
	return quickValueFor(data, pos, 0)
}

// quickValueClean is quickValue that also tests the value's keys and
// strings against every rule, as quickClean does; ok is false as well for a
// value that might hold forbidden material.
func quickValueClean(data []byte, pos int) (end int, spaced, ok bool) {
	return quickValueFor(data, pos, anyKeys|anyFree)
}

func quickValueFor(data []byte, pos int, sc scanMode) (end int, spaced, ok bool) {
	q := newQuickScan(data, pos, sc)
	defer q.release()
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
