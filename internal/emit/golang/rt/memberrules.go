package rt

import "unsafe"

// Members whose rules are plain data (a scalar, a state, a free-form
// value, a list of strings or states, a map of strings, and an object or
// list of objects whose members are all such) are checked through a table
// of memberRule rows. A type whose every member has a row is validated by
// its table alone (validateTable); any other type has a validate method
// that calls validateMembers for each run of rows and has code for the
// rest. The checks run in the order, and report the paths, rules and
// messages, that the code the emitter would write for each member does.

// ruleKind is what a member holds.
type ruleKind uint8

const (
	ruleString  ruleKind = iota + 1 // a string
	ruleState                       // a state: one of states
	ruleInt                         // an int64
	ruleFloat                       // a float64
	ruleRaw                         // a free-form value
	ruleStrings                     // a list of strings
	ruleStates                      // a list of states
	ruleMap                         // a map of strings, scanned only
	ruleBool                        // a bool: only a fixed value is checked
	ruleObject                      // an object, whose members the rows obj check
	ruleObjects                     // a list of objects, size bytes each, checked by obj
)

// The rules a memberRule has, and how it is held.
const (
	hasNonEmpty = 1 << iota
	hasMinLength
	hasMaxLength
	hasPattern
	hasFormat
	hasMinimum
	hasMaximum
	hasExclusiveMinimum
	hasExclusiveMaximum
	hasMinItems
	hasMaxItems
	hasUnique
	memberPtr      // a pointer: nil is not checked
	memberNilSkips // a list, map or free-form value: nil is not checked
	memberTrim     // non_empty means not blank
	memberOwnScan  // a message member: scanned by its own mode, scan
	hasConst       // a fixed value: a fixed string is not scanned
)

// The formats a string is checked against besides a pattern.
const (
	formatDateTime = iota + 1
	formatDate
	formatIPv6
)

// memberRule is one member's rules and where it is in its struct.
type memberRule struct {
	key  string
	off  uintptr
	kind ruleKind
	has  uint32
	scan scanMode
	// Strings, and the strings of a list.
	minLength, maxLength int
	pattern              *lazyRegexp
	formatPattern        *lazyRegexp
	formatMaxLength      int
	formatCheck          uint8
	states               *[]string // sorted; a pointer keeps the row static data
	// Objects: the rows that check the object, or each object of a list
	// (nil: none), and the size of one.
	obj  *[]memberRule
	size uintptr
	// Numbers.
	intMin, intMax, intExclusiveMin, intExclusiveMax int64
	min, max, exclusiveMin, exclusiveMax             float64
	// Lists and maps.
	minItems, maxItems int
	// A fixed value, of the member's kind.
	constString string
	constInt    int64
	constFloat  float64
	constBool   bool
	constMsg    string
	// The message of each rule.
	nonEmpty, minLengthMsg, maxLengthMsg, patternMsg, formatMsg, enumMsg string
	minimumMsg, maximumMsg, exclusiveMinMsg, exclusiveMaxMsg             string
	minItemsMsg, maxItemsMsg, uniqueMsg                                  string
}

// validateTable is Validate of a type that its rows alone check: it
// starts at the document or, when root is not empty, at member root,
// with scan mode sc.
func validateTable(v unsafe.Pointer, rules []memberRule, sc scanMode, root string) error {
	var es Errors
	if root == "" {
		validateMembers(nil, v, rules, &es, sc)
		return es.err()
	}
	rp := keyPath(nil, root)
	validateMembers(&rp, v, rules, &es, sc)
	return es.err()
}

// validateMembers checks the members of the struct at base that rules
// describe, with their paths under p.
func validateMembers(p *pathNode, base unsafe.Pointer, rules []memberRule, es *Errors, sc scanMode) {
	fp := keyPath(p, "")
	for i := range rules {
		r := &rules[i]
		fp.key = r.key
		v, msc, ok := r.member(base, sc)
		switch {
		case !ok:
		case r.kind >= ruleObject:
			walkObjects(&fp, r, v, es, msc)
		default:
			r.check(&fp, v, es, msc)
		}
	}
}

// member finds the member r checks in the struct at base: its value (what
// a pointer points to), and the scan mode it is checked in, given its
// struct's sc; ok is false for a nil member that is not checked.
func (r *memberRule) member(base unsafe.Pointer, sc scanMode) (v unsafe.Pointer, msc scanMode, ok bool) {
	v = unsafe.Add(base, r.off)
	if r.has&(memberPtr|memberNilSkips) != 0 && isNil(v) {
		return nil, 0, false
	}
	if r.has&memberPtr != 0 {
		v = *(*unsafe.Pointer)(v)
	}
	msc = sc
	if r.has&memberOwnScan != 0 {
		msc = r.scan
		if r.kind != ruleBool && r.kind >= ruleRaw {
			msc |= sc & (rawsCleared | decoded)
		}
	}
	return v, msc, true
}

// check checks the member at v, at path p.
func (r *memberRule) check(p *pathNode, v unsafe.Pointer, es *Errors, sc scanMode) {
	if r.has&hasConst != 0 {
		es.failIf(!r.isConst(v), p, "const", ErrConst, r.constMsg)
	}
	switch r.kind {
	case ruleString:
		s := *(*string)(v)
		if r.has&hasNonEmpty != 0 {
			es.failIf(s == "" || r.has&memberTrim != 0 && isBlank(s), p, "non_empty", ErrEmpty, r.nonEmpty)
		}
		r.checkString(p, s, es)
		if r.has&hasConst == 0 {
			scanTyped(p, s, es, sc)
		}
	case ruleState:
		es.failIf(!r.isState(*(*string)(v)), p, "enum", ErrNotInStateSet, r.enumMsg)
	case ruleInt:
		checkBounds(r, p, *(*int64)(v), r.intMin, r.intMax, r.intExclusiveMin, r.intExclusiveMax, es)
	case ruleFloat:
		f := *(*float64)(v)
		es.notFinite(p, f)
		checkBounds(r, p, f, r.min, r.max, r.exclusiveMin, r.exclusiveMax, es)
	case ruleRaw:
		checkRaw(p, *(*[]byte)(v), sc, es)
	case ruleStrings, ruleStates:
		r.checkList(p, *(*[]string)(v), es, sc)
	case ruleMap:
		m := *(*Map[string])(v)
		if r.has&hasNonEmpty != 0 {
			es.failIf(len(m) == 0, p, "non_empty", ErrEmpty, r.nonEmpty)
		}
		r.checkItems(p, len(m), es)
		scanEntries(p, m, es, sc)
	}
}

// isConst reports whether the scalar at v is the member's fixed value.
func (r *memberRule) isConst(v unsafe.Pointer) bool {
	switch r.kind {
	case ruleString, ruleState:
		return *(*string)(v) == r.constString
	case ruleInt:
		return *(*int64)(v) == r.constInt
	case ruleFloat:
		return *(*float64)(v) == r.constFloat
	case ruleBool:
		return *(*bool)(v) == r.constBool
	}
	panic("isConst: a fixed value of another kind")
}

// checkString checks the length, pattern and format of s.
func (r *memberRule) checkString(p *pathNode, s string, es *Errors) {
	if r.has&(hasMinLength|hasMaxLength) != 0 {
		n := runeCount(s)
		if r.has&hasMinLength != 0 {
			es.failIf(n < r.minLength, p, "min_length", ErrLength, r.minLengthMsg)
		}
		if r.has&hasMaxLength != 0 {
			es.failIf(n > r.maxLength, p, "max_length", ErrLength, r.maxLengthMsg)
		}
	}
	if r.has&hasPattern != 0 {
		es.failIf(!r.pattern.MatchString(s), p, "pattern", ErrPattern, r.patternMsg)
	}
	if r.has&hasFormat != 0 {
		es.failIf(!r.isFormat(s), p, "format", ErrFormat, r.formatMsg)
	}
}

// isFormat reports whether s has the member's format.
func (r *memberRule) isFormat(s string) bool {
	if r.formatPattern != nil && !r.formatPattern.MatchString(s) {
		return false
	}
	if r.formatMaxLength > 0 && len(s) > r.formatMaxLength {
		return false
	}
	switch r.formatCheck {
	case formatDateTime:
		return isDateTime(s)
	case formatDate:
		return isDate(s)
	case formatIPv6:
		return isIPv6(s)
	}
	return true
}

// isState reports whether s is one of the member's states.
func (r *memberRule) isState(s string) bool {
	return oneOf(s, *r.states)
}

// isValue is a state set's Valid: whether s is one of the set's sorted
// values v, the ones its rules check against, so the two cannot disagree.
// Out of line, each Valid and the pointer method the compiler makes for it
// stay one call instead of a copy of the search each.
//
//go:noinline
func isValue(s string, v []string) bool {
	return oneOf(s, v)
}

// oneOf reports whether s is one of the sorted values v: compared in turn
// when there are few (a length differs first), else by binary search.
func oneOf(s string, v []string) bool {
	if len(v) <= 8 {
		for _, x := range v {
			if x == s {
				return true
			}
		}
		return false
	}
	lo, hi := 0, len(v)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if v[m] < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(v) && v[lo] == s
}

// checkBounds checks a number against the member's bounds, given in its
// type: the int64 bounds for an integer, the float64 ones for a number.
func checkBounds[T int64 | float64](r *memberRule, p *pathNode, n, lo, hi, exLo, exHi T, es *Errors) {
	if r.has&hasMinimum != 0 {
		es.failIf(n < lo, p, "minimum", ErrOutOfRange, r.minimumMsg)
	}
	if r.has&hasMaximum != 0 {
		es.failIf(n > hi, p, "maximum", ErrOutOfRange, r.maximumMsg)
	}
	if r.has&hasExclusiveMinimum != 0 {
		es.failIf(n <= exLo, p, "exclusive_minimum", ErrOutOfRange, r.exclusiveMinMsg)
	}
	if r.has&hasExclusiveMaximum != 0 {
		es.failIf(n >= exHi, p, "exclusive_maximum", ErrOutOfRange, r.exclusiveMaxMsg)
	}
}

// checkItems checks the number of items of a list or map.
func (r *memberRule) checkItems(p *pathNode, n int, es *Errors) {
	if r.has&hasMinItems != 0 {
		es.failIf(n < r.minItems, p, "min_items", ErrTooFewItems, r.minItemsMsg)
	}
	if r.has&hasMaxItems != 0 {
		es.failIf(n > r.maxItems, p, "max_items", ErrTooManyItems, r.maxItemsMsg)
	}
}

// checkList checks a list of strings or states, then each item at its
// index: a state against the states, a string against the member's string
// rules, and scanned.
func (r *memberRule) checkList(p *pathNode, v []string, es *Errors, sc scanMode) {
	r.checkItems(p, len(v), es)
	if r.has&hasNonEmpty != 0 {
		es.failIf(len(v) == 0, p, "non_empty", ErrEmpty, r.nonEmpty)
	}
	if r.has&hasUnique != 0 {
		es.failIf(hasRepeat(v), p, "unique_items", ErrRepeatedItem, r.uniqueMsg)
	}
	if r.kind == ruleStrings && r.has&(hasMinLength|hasMaxLength|hasPattern|hasFormat) == 0 {
		scanEach(p, v, es, sc)
		return
	}
	for i := range v {
		ip := indexPath(p, i)
		if r.kind == ruleStates {
			es.failIf(!r.isState(v[i]), &ip, "enum", ErrNotInStateSet, r.enumMsg)
			continue
		}
		r.checkString(&ip, v[i], es)
		scanTyped(&ip, v[i], es, sc)
	}
}
