package rt

import (
	"math"
	"strconv"
	"sync"
)

// A field bounded on both sides is checked in one call, so that each
// check is one line of the generated validators; the lower bound is
// tested first, as two separate checks would be.

// lengthIn reports a string of fewer than lo or more than hi characters.
func (es *Errors) lengthIn(p *pathNode, s string, lo, hi int, short, long string) {
	n := runeCount(s)
	es.failIf(n < lo, p, "min_length", ErrLength, short)
	es.failIf(n > hi, p, "max_length", ErrLength, long)
}

// itemsIn reports a list or map of fewer than lo or more than hi items.
func (es *Errors) itemsIn(p *pathNode, n, lo, hi int, few, many string) {
	es.failIf(n < lo, p, "min_items", ErrTooFewItems, few)
	es.failIf(n > hi, p, "max_items", ErrTooManyItems, many)
}

// notFinite reports a NaN or an infinity, which passes every bound (a
// comparison with NaN is false) and is no JSON number: the encoder writes
// it as null, which the decoders refuse for a number.
func (es *Errors) notFinite(p *pathNode, f float64) {
	es.failIf(math.IsNaN(f) || math.IsInf(f, 0), p, "type", ErrType, "must be a finite number")
}

// intIn reports an integer below lo or above hi.
func (es *Errors) intIn(p *pathNode, v, lo, hi int64, below, above string) {
	es.failIf(v < lo, p, "minimum", ErrOutOfRange, below)
	es.failIf(v > hi, p, "maximum", ErrOutOfRange, above)
}

// floatIn reports a number below lo or above hi.
func (es *Errors) floatIn(p *pathNode, v, lo, hi float64, below, above string) {
	es.failIf(v < lo, p, "minimum", ErrOutOfRange, below)
	es.failIf(v > hi, p, "maximum", ErrOutOfRange, above)
}

// scanEach scans each string of a list for forbidden values, at its index.
func scanEach(p *pathNode, v []string, es *Errors, sc scanMode) {
	if sc&anyTyped == 0 {
		return
	}
	for i := range v {
		ip := indexPath(p, i)
		checkString(&ip, v[i], es, sc, scanTypedValues)
	}
}

// uniqueKeys reports the first key of m that an earlier entry holds, at
// its path, as a decoder refuses it: a Map is a slice, so Go code can
// repeat a key, which would encode as a document no decoder accepts. What
// a decoder read (sc has decoded) cannot repeat one.
func uniqueKeys[V any](p *pathNode, m Map[V], es *Errors, sc scanMode) {
	if sc&decoded != 0 || len(m) < 2 {
		return
	}
	var keys keySet
	defer keys.release()
	keyAt := func(i int) string { return m[i].Key }
	for i := range m {
		if keys.repeats(m[i].Key, i, keyAt) {
			duplicateKey(p, m[i].Key, es)
			return
		}
	}
}

// smallMap is the number of keys up to which keySet compares a key with
// the ones before it rather than using a set.
const smallMap = 16

// keySets holds the sets keySet uses for larger maps, so that Validate
// does not allocate one per map.
var keySets = sync.Pool{New: func() any { return map[string]struct{}{} }}

func duplicateKey(p *pathNode, key string, es *Errors) {
	kp := keyPath(p, key)
	es.add(&kp, "duplicate_key", ErrDuplicateKey, "duplicate key "+strconv.Quote(key))
}

// scanMapKeys checks that no key of a map repeats (uniqueKeys) and scans
// each for forbidden keys, at the key's path.
func scanMapKeys[V any](p *pathNode, v Map[V], es *Errors, sc scanMode) {
	uniqueKeys(p, v, es, sc)
	if sc&anyKeys == 0 {
		return
	}
	for i := range v {
		kp := keyPath(p, v[i].Key)
		checkKey(&kp, v[i].Key, es, sc)
	}
}

// scanEntries checks that no key of a map of strings repeats (uniqueKeys),
// then scans each key for forbidden keys and each value for forbidden
// values, member by member.
func scanEntries(p *pathNode, v Map[string], es *Errors, sc scanMode) {
	uniqueKeys(p, v, es, sc)
	vsc := mapScan(sc)
	for i := range v {
		kp := keyPath(p, v[i].Key)
		if sc&anyKeys != 0 {
			checkKey(&kp, v[i].Key, es, sc)
		}
		scanTyped(&kp, v[i].Value, es, vsc)
	}
}

// keySet finds a key given twice in a map being read or validated: the
// keys so far are compared in place while there are fewer than smallMap of
// them, and go to a pooled set from then on, so that a map of many keys
// takes linear time (compared in place, 100,000 keys took 17 s to decode).
type keySet struct{ set map[string]struct{} }

// repeats reports whether key is one of the n keys read so far, which
// keyAt returns, and remembers it once the set is in use.
func (s *keySet) repeats(key string, n int, keyAt func(int) string) bool {
	if s.set == nil {
		if n < smallMap {
			for i := range n {
				if keyAt(i) == key {
					return true
				}
			}
			return false
		}
		s.set = keySets.Get().(map[string]struct{})
		for i := range n {
			s.set[keyAt(i)] = struct{}{}
		}
	}
	if _, ok := s.set[key]; ok {
		return true
	}
	s.set[key] = struct{}{}
	return false
}

// release gives the set back to the pool, empty.
func (s *keySet) release() {
	if s.set != nil {
		clear(s.set)
		keySets.Put(s.set)
	}
}
