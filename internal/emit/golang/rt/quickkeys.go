package rt

import (
	"bytes"
	"hash/maphash"
)

// This file holds the quick pass's duplicate-key check: the keys of every
// open object on one stack, a 64-bit mask per small object, and a hash
// index per large one.

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
