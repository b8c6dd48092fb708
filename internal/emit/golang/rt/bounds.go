package rt

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

// scanMapKeys scans each key of a map for forbidden keys, at the key's path.
func scanMapKeys[V any](p *pathNode, v Map[V], es *Errors, sc scanMode) {
	if sc&anyKeys == 0 {
		return
	}
	for i := range v {
		kp := keyPath(p, v[i].Key)
		checkKey(&kp, v[i].Key, es, sc)
	}
}

// scanEntries scans each key of a map of strings for forbidden keys and
// each value for forbidden values, member by member.
func scanEntries(p *pathNode, v Map[string], es *Errors, sc scanMode) {
	vsc := mapScan(sc)
	for i := range v {
		kp := keyPath(p, v[i].Key)
		if sc&anyKeys != 0 {
			checkKey(&kp, v[i].Key, es, sc)
		}
		scanTyped(&kp, v[i].Value, es, vsc)
	}
}
