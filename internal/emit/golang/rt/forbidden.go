package rt

import (
	"strconv"
	"strings"
	"unsafe"
)

// rule is one forbidden-material rule of the contract: a key rule (parts,
// exact, keyMessage) or a value rule (values, valueMessage, literals).
type rule struct {
	parts        []string
	exact        []string
	keyMessage   string
	values       *lazyRegexp
	valueMessage string
	// literals, when set, holds substrings of which each pattern's matches
	// must contain one, sorted by first byte; a string containing none of
	// them cannot match.
	literals []string
	// starts holds each byte that starts a literal, once.
	starts string
	// fast holds the patterns matched at their literals (see anchored),
	// and rest, when some are not, the others in one expression; values
	// holds them all.
	fast []*anchored
	rest *lazyRegexp
}

// mayMatch is a cheap test run before the value patterns: s contains one
// of the literals. Each byte that starts a literal is searched for with
// strings.IndexByte, and only there are the literals compared.
func (r *rule) mayMatch(s string) bool {
	if r.literals == nil {
		return true
	}
	for k := 0; k < len(r.starts); k++ {
		c := r.starts[k]
		for i := 0; ; {
			j := strings.IndexByte(s[i:], c)
			if j < 0 {
				break
			}
			i += j
			for _, l := range r.literals { // sorted by first byte
				if l[0] > c {
					break
				}
				if l[0] == c && strings.HasPrefix(s[i:], l) {
					return true
				}
			}
			i++
		}
	}
	return false
}

// keyForbidden reports whether the lower-cased key contains a forbidden part
// or equals a forbidden exact key.
func (r *rule) keyForbidden(key string) bool {
	if r.keyMessage == "" {
		return false
	}
	lower := lowerKey(key)
	for _, e := range r.exact {
		if lower == e {
			return true
		}
	}
	for _, part := range r.parts {
		if strings.Contains(lower, part) {
			return true
		}
	}
	return false
}

// scanMode selects which rules check what at a place of a value: rule i
// owns the three bits at 3*i.
type scanMode uint32

const (
	scanKeys        scanMode = 1 << iota // keys of maps and free-form objects
	scanFreeValues                       // strings inside maps and free-form values
	scanTypedValues                      // strings of typed fields

	// groups repeats bit 0 of every rule's three bits.
	groups   scanMode = 0x09249249
	anyKeys           = scanKeys * groups
	anyFree           = scanFreeValues * groups
	anyTyped          = scanTypedValues * groups

	// rawsCleared, above every rule's bits, tells that the decoder has
	// already cleared every free-form value of what is being validated
	// against all rules (see decoder.Raw), so scanRaw need not read them
	// again.
	rawsCleared scanMode = 1 << 31
	// decoded tells that a decoder has read what is being validated: its
	// free-form values are well-formed JSON without duplicate keys, and no
	// Map repeats a key, so checkRaw and uniqueKeys need not look.
	decoded scanMode = 1 << 30
)

// mapScan widens a scan for values inside a map: its strings are free-form.
func mapScan(sc scanMode) scanMode {
	return sc | (sc&anyFree)<<1
}

// checkKey reports a forbidden key at p (p already ends with the key): the
// first rule of those sc selects that forbids it.
func checkKey(p *pathNode, key string, es *Errors, sc scanMode) bool {
	for i, r := range rules {
		if sc>>(3*i)&scanKeys != 0 && r.keyForbidden(key) {
			es.add(p, "forbidden_key", ErrForbiddenKey, strings.ReplaceAll(r.keyMessage, "{path}", p.String()))
			return false
		}
	}
	return true
}

// checkString reports a forbidden value at p: the first rule that bit of
// sc selects and that finds one of its patterns in s.
func checkString(p *pathNode, s string, es *Errors, sc scanMode, bit scanMode) bool {
	for i, r := range rules {
		if sc>>(3*i)&bit != 0 && r.valueForbidden(s) {
			es.add(p, "forbidden_value", ErrForbiddenValue, strings.ReplaceAll(r.valueMessage, "{path}", p.String()))
			return false
		}
	}
	return true
}

// checkRaw checks a free-form member as the decoders would read it: one
// well-formed JSON value without duplicate keys (unless a decoder has read
// it: sc has decoded), and free of forbidden material. A value set in Go
// could otherwise pass Validate and then encode as a document that is not
// JSON, or that the package's own decoders refuse.
func checkRaw(p *pathNode, raw []byte, sc scanMode, es *Errors) {
	if len(raw) > 0 && sc&decoded == 0 && !quickClean(raw, 0) {
		if e := rawError(p, raw); e != nil {
			*es = append(*es, e)
			return
		}
	}
	if sc&(anyKeys|anyFree) != 0 {
		scanRaw(p, raw, sc, es)
	}
}

// rawError is the first reason the decoders would refuse raw, the value
// at p, or nil: the quick pass also declines values nested deeper than it
// follows, which the exact one reads.
func rawError(p *pathNode, raw []byte) *ValidationError {
	d := &decoder{data: raw}
	err := d.skip(detach(p))
	if err == nil {
		if d.ws(); d.pos == len(raw) {
			return nil
		}
		return &ValidationError{Path: p.String(), Rule: "trailing_data", Message: "invalid JSON at offset " + strconv.Itoa(d.pos) + ": unexpected data after the JSON value", kind: errTrailing}
	}
	return err.(Errors)[0] // every error of the decoder is an Errors of one
}

// scanRaw walks a free-form JSON value in document order, testing each key
// before its value, and reports the first forbidden key or value.
func scanRaw(p *pathNode, raw []byte, sc scanMode, es *Errors) bool {
	if len(raw) == 0 || sc&(anyKeys|anyFree) == 0 || sc&rawsCleared != 0 || !mayOffend(raw, sc) {
		return true
	}
	d := &decoder{data: raw}
	ok := true
	_ = walk(d, detach(p), sc, es, &ok)
	return ok
}

func walk(d *decoder, p *pathNode, sc scanMode, es *Errors, ok *bool) error {
	d.ws()
	if d.pos >= len(d.data) || !*ok {
		return nil
	}
	switch d.data[d.pos] {
	case '{':
		if err := d.beginObject(p); err != nil {
			return err
		}
		for first := true; *ok; first = false {
			key, more, err := d.nextKey(p, first)
			if err != nil || !more {
				return err
			}
			kp := keyPath(p, string(key))
			if !checkKey(&kp, kp.key, es, sc) {
				*ok = false
				return nil
			}
			if err := walk(d, &kp, sc, es, ok); err != nil {
				return err
			}
		}
	case '[':
		if err := d.beginArray(p); err != nil {
			return err
		}
		for i := 0; *ok; i++ {
			more, err := d.nextItem(p, i == 0)
			if err != nil || !more {
				return err
			}
			ip := indexPath(p, i)
			if err := walk(d, &ip, sc, es, ok); err != nil {
				return err
			}
		}
	case '"':
		s, err := d.rawString(p)
		if err != nil {
			return err
		}
		if !checkString(p, view(s), es, sc, scanFreeValues) {
			*ok = false
		}
	default:
		return d.skip(p)
	}
	return nil
}

// view is b as a string without a copy, for checkString, which keeps
// nothing of it: neither the rules' matching nor the error it reports (a
// path and the rule's message) holds on to the text, and the decoder does
// not write the bytes while they are checked.
func view(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// mayOffend is the fast pass of scanRaw: it reads the strings of raw byte by
// byte and reports whether one of them might break a rule sc selects. False
// means that none does; true sends raw to the exact walk, which finds the
// first offender and its path. Strings with escapes, and keys outside
// ASCII, always go to the walk.
func mayOffend(raw []byte, sc scanMode) bool {
	keys, values := sc&anyKeys != 0, sc&anyFree != 0
	for i := 0; i < len(raw); i++ {
		if raw[i] != '"' {
			continue
		}
		j, escaped := i+1, false
		for j+8 <= len(raw) && !special8(raw, j) {
			j += 8
		}
		for j < len(raw) && raw[j] != '"' {
			if raw[j] == '\\' {
				escaped = true
				j++
			}
			j++
		}
		if j >= len(raw) || escaped {
			return true
		}
		s := raw[i+1 : j]
		k := j + 1
		for k < len(raw) && (raw[k] == ' ' || raw[k] == '\t' || raw[k] == '\n' || raw[k] == '\r') {
			k++
		}
		if k < len(raw) && raw[k] == ':' {
			if keys && keyMayOffend(s, sc) {
				return true
			}
		} else if values && valueMayOffend(s, sc) {
			return true
		}
		i = j
	}
	return false
}

// keyMayOffend reports whether a key might be forbidden by a key rule sc
// selects: ASCII keys are compared case-insensitively with the rule's parts
// and exact keys; any other key might be.
func keyMayOffend(key []byte, sc scanMode) bool {
	return prefilterFor(sc).keyMayOffend(key)
}

// foldHasPrefix reports whether b starts with lower, ignoring ASCII case in
// b; lower is lower-case. A non-ASCII byte in lower counts as a match, so
// that such rules always reach the exact walk.
func foldHasPrefix(b []byte, lower string) bool {
	if len(b) < len(lower) {
		return false
	}
	for i := 0; i < len(lower); i++ {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if lower[i] >= 0x80 {
			return true
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// valueMayOffend reports whether a string might be forbidden by a value rule
// sc selects for free-form values: it contains one of the rule's literals,
// or the rule has none.
func valueMayOffend(s []byte, sc scanMode) bool {
	return prefilterFor(sc).valueMayOffend(s)
}

// scanTyped checks a typed string at p for forbidden values when the scan
// covers typed strings.
func scanTyped(p *pathNode, s string, es *Errors, sc scanMode) {
	if sc&anyTyped != 0 {
		checkString(p, s, es, sc, scanTypedValues)
	}
}
