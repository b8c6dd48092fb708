package rt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/bits"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// maxDepth bounds nesting so hostile input cannot exhaust the stack.
const maxDepth = 10000

// DecodeOption adjusts strict decoding. Every Decode function reads one
// value strictly: unknown fields, duplicate keys, keys differing from a
// field only in case, wrong JSON types and data after the document are
// rejected with the JSON path; malformed JSON is always ErrSyntax with its
// byte offset. The value is then validated. AllowUnknownFields relaxes only
// the unknown-field rule.
type DecodeOption func(*decoder)

// validatable is the validate method of a generated type that has one
// (see memberrules.go); decodeInto runs it after reading the value.
type validatable interface {
	validate(p *pathNode, es *Errors, sc scanMode)
}

// nilOnError returns err, and when it is not nil sets the pointer at pm,
// a Decode or Build function's result, to nil: they return nil with an
// error. It is not generic, as an instantiation per type would be one more
// function per type for the compiler (about 3 s of go build at a thousand
// operations, scripts/bench-build.sh); for the same reason it is kept out
// of line, like the builders' helpers (see orDefault).
//
//go:noinline
func nilOnError(pm unsafe.Pointer, err error) error {
	if err != nil {
		*(*unsafe.Pointer)(pm) = nil
	}
	return err
}

// decodeInto reads the value at v, laid out as l, from data strictly, with
// member paths under root (nil: the document), then validates it as
// Validate does, through m's validate method or else the rows of l: from
// root, with the scan mode sc Validate starts from.
// Free-form values the decoder has already cleared of forbidden material
// are not read again.
func decodeInto(m any, v unsafe.Pointer, l *layout, data []byte, opts []DecodeOption, root *pathNode, sc scanMode) error {
	d := newDecoder(data, opts)
	if err := d.end(decodeValue(d, root, v, l)); err != nil {
		return err
	}
	sc |= decoded
	if !d.rawsUnscanned {
		sc |= rawsCleared
	}
	// The violations are collected in the decoder, which is allocated
	// already, rather than in a variable of their own that the call
	// through the interface would move to the heap.
	if c, ok := m.(validatable); ok {
		c.validate(root, &d.errs, sc)
	} else if l.rules != nil {
		validateMembers(root, v, *l.rules, &d.errs, sc)
	}
	return d.errs.err()
}

// AllowUnknownFields makes a decoder skip object keys the contract does not
// define instead of rejecting them. Duplicate and case-variant keys are still
// rejected. Meant for clients reading responses from a newer server.
func AllowUnknownFields() DecodeOption {
	return func(d *decoder) { d.allowUnknown = true }
}

// decoder reads one JSON document strictly, without reflection.
type decoder struct {
	data         []byte
	pos          int
	depth        int
	allowUnknown bool
	// syntaxOnly makes skip check only the grammar (no duplicate keys).
	syntaxOnly bool
	buf        []byte
	// escaped tells that the last string read had escapes: its bytes are
	// in buf, overwritten by the next string, not in data.
	escaped bool
	// rawsUnscanned tells that some free-form value read was not cleared
	// of forbidden material (see Raw).
	rawsUnscanned bool
	errs          Errors
	// nodes and deeper hold the member and item paths of each level of
	// nesting, level is the level reached (see push).
	nodes  [inlineNodes]pathNode
	deeper []*pathNode
	level  int
}

func newDecoder(data []byte, opts []DecodeOption) *decoder {
	d := &decoder{data: data}
	for _, o := range opts {
		o(d)
	}
	return d
}

func (d *decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *decoder) syntax(p *pathNode, what string) error {
	if d.pos >= len(d.data) {
		return d.syntaxAt(p, len(d.data), "unexpected end of input, expected "+what)
	}
	return d.syntaxAt(p, d.pos, "expected "+what)
}

// syntaxAt reports malformed JSON at byte offset i.
func (d *decoder) syntaxAt(p *pathNode, i int, what string) error {
	return decodeError(p, "syntax", ErrSyntax, "invalid JSON at offset "+strconv.Itoa(i)+": "+what)
}

// end finishes a decode. It rejects data after the document and, when
// decoding stopped at an error that is not about syntax, scans the whole
// document first: malformed JSON is always reported as ErrSyntax with its
// offset, never as a type or member error found before the bad byte.
func (d *decoder) end(err error) error {
	if err == nil {
		err = d.finish()
	}
	if err == nil || errors.Is(err, ErrSyntax) {
		return err
	}
	if serr := syntaxCheck(d.data); serr != nil {
		return serr
	}
	return err
}

// syntaxCheck reports the first syntax error of data, with the path reached
// so far, or nil when data is one well-formed JSON document.
func syntaxCheck(data []byte) error {
	s := &decoder{data: data, syntaxOnly: true}
	if err := s.skip(nil); err != nil {
		return err
	}
	return s.finish()
}

func (d *decoder) typeErr(p *pathNode, want string) error {
	return decodeError(p, "type", ErrType, "must be "+want+", got "+d.kindHere())
}

// kindHere names the JSON type of the value at the current position.
func (d *decoder) kindHere() string {
	if d.pos >= len(d.data) {
		return "end of input"
	}
	switch c := d.data[d.pos]; {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	}
	return "invalid JSON"
}

// finish rejects anything but whitespace after the document.
func (d *decoder) finish() error {
	d.ws()
	if d.pos != len(d.data) {
		return decodeError(nil, "trailing_data", errTrailing, "invalid JSON at offset "+strconv.Itoa(d.pos)+": unexpected data after the JSON document")
	}
	return nil
}

// peekNull consumes a null literal when one is next.
func (d *decoder) peekNull() bool {
	d.ws()
	if d.literal("null") {
		d.pos += 4
		return true
	}
	return false
}

// literal reports whether the keyword lit is next and ends there: "nullx"
// or "truee" is malformed, not a literal followed by garbage.
func (d *decoder) literal(lit string) bool {
	if !bytes.HasPrefix(d.data[d.pos:], []byte(lit)) {
		return false
	}
	end := d.pos + len(lit)
	if end == len(d.data) {
		return true
	}
	switch d.data[end] {
	case ' ', '\t', '\n', '\r', ',', ']', '}':
		return true
	}
	return false
}

// beginObject consumes '{'.
func (d *decoder) beginObject(p *pathNode) error {
	d.ws()
	if d.pos >= len(d.data) || d.data[d.pos] != '{' {
		if d.pos < len(d.data) && d.kindHere() != "invalid JSON" {
			return d.typeErr(p, "an object")
		}
		return d.syntax(p, "an object")
	}
	d.depth++
	if d.depth > maxDepth {
		return d.syntaxAt(p, d.pos, "nested more than "+strconv.Itoa(maxDepth)+" levels deep")
	}
	d.pos++
	return nil
}

// nextKey reads the next member key of an object, or reports the end. The
// returned bytes are valid until the next read.
func (d *decoder) nextKey(p *pathNode, first bool) ([]byte, bool, error) {
	d.ws()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		d.depth--
		return nil, false, nil
	}
	if !first {
		if d.pos >= len(d.data) || d.data[d.pos] != ',' {
			return nil, false, d.syntax(p, "',' or '}'")
		}
		d.pos++
		d.ws()
	}
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return nil, false, d.syntax(p, "an object key")
	}
	key, err := d.rawString(p)
	if err != nil {
		return nil, false, err
	}
	d.ws()
	if d.pos >= len(d.data) || d.data[d.pos] != ':' {
		return nil, false, d.syntax(p, "':'")
	}
	d.pos++
	return key, true, nil
}

// beginArray consumes '['.
func (d *decoder) beginArray(p *pathNode) error {
	d.ws()
	if d.pos >= len(d.data) || d.data[d.pos] != '[' {
		if d.pos < len(d.data) && d.kindHere() != "invalid JSON" {
			return d.typeErr(p, "an array")
		}
		return d.syntax(p, "an array")
	}
	d.depth++
	if d.depth > maxDepth {
		return d.syntaxAt(p, d.pos, "nested more than "+strconv.Itoa(maxDepth)+" levels deep")
	}
	d.pos++
	return nil
}

// nextItem reports whether another array element follows.
func (d *decoder) nextItem(p *pathNode, first bool) (bool, error) {
	d.ws()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		d.depth--
		return false, nil
	}
	if !first {
		if d.pos >= len(d.data) || d.data[d.pos] != ',' {
			return false, d.syntax(p, "',' or ']'")
		}
		d.pos++
	}
	return true, nil
}

// String reads a JSON string value.
func (d *decoder) String(p *pathNode) (string, error) {
	d.ws()
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return "", d.typeErr(p, "a string")
	}
	b, err := d.rawString(p)
	return string(b), err
}

// rawString reads a quoted string at the current position, resolving escapes
// and rejecting invalid UTF-8 and lone surrogates.
func (d *decoder) rawString(p *pathNode) ([]byte, error) {
	start := d.pos + 1
	i := start
	var seen uint64 // the bytes read, or-ed: no high bit means ASCII
	for i < len(d.data) {
		if i+8 <= len(d.data) {
			x := binary.LittleEndian.Uint64(d.data[i:])
			sp := specialBits(x)
			if sp == 0 {
				seen |= x
				i += 8
				continue
			}
			// The lowest byte specialBits marks is special itself (a
			// borrow only marks bytes above it): step to it at once.
			n := bits.TrailingZeros64(sp) / 8
			seen |= x & (1<<(8*n) - 1)
			i += n
		}
		c := d.data[i]
		if c == '"' {
			s := d.data[start:i]
			if seen&highs != 0 && !utf8.Valid(s) {
				return nil, d.syntaxAt(p, d.pos, "string is not valid UTF-8")
			}
			d.pos = i + 1
			d.escaped = false
			return s, nil
		}
		if c == '\\' {
			d.escaped = true
			return d.escapedString(p, start)
		}
		if c < 0x20 {
			return nil, d.syntaxAt(p, i, "control character in string")
		}
		seen |= uint64(c)
		i++
	}
	d.pos = len(d.data)
	return nil, d.syntax(p, "'\"' closing the string")
}

// special8 reports whether one of the eight bytes at b[i:] may be '"',
// '\\' or a control character, so that strings are read a word at a time
// up to the bytes that need a look.
func special8(b []byte, i int) bool {
	return specialBits(binary.LittleEndian.Uint64(b[i:])) != 0
}

// Bytes repeated over a 64-bit word.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// specialBits sets the high bit of each byte of x that is '"', '\\' or a
// control character, as one difference each: a borrow from such a byte may
// set the bits of bytes above it too, and bytes of 0x80 and above, which
// UTF-8 text is made of, set none. So a word it clears holds none of them,
// and a word of other ASCII bytes is cleared.
func specialBits(x uint64) uint64 {
	quote, backslash := x^ones*'"', x^ones*'\\'
	return ((x-ones*0x20)&^x | (quote-ones)&^quote | (backslash-ones)&^backslash) & highs
}

func (d *decoder) escapedString(p *pathNode, start int) ([]byte, error) {
	d.buf = d.buf[:0]
	i := start
	for i < len(d.data) {
		c := d.data[i]
		switch {
		case c == '"':
			if !utf8.Valid(d.buf) {
				return nil, d.syntaxAt(p, d.pos, "string is not valid UTF-8")
			}
			d.pos = i + 1
			return d.buf, nil
		case c < 0x20:
			return nil, d.syntaxAt(p, i, "control character in string")
		case c != '\\':
			d.buf = append(d.buf, c)
			i++
			continue
		}
		if i+1 >= len(d.data) {
			break
		}
		e := d.data[i+1]
		i += 2
		switch e {
		case '"', '\\', '/':
			d.buf = append(d.buf, e)
		case 'b':
			d.buf = append(d.buf, '\b')
		case 'f':
			d.buf = append(d.buf, '\f')
		case 'n':
			d.buf = append(d.buf, '\n')
		case 'r':
			d.buf = append(d.buf, '\r')
		case 't':
			d.buf = append(d.buf, '\t')
		case 'u':
			r, n, ok := d.unicodeEscape(i)
			if !ok {
				return nil, d.syntaxAt(p, i-2, "bad or unpaired \\u escape in string")
			}
			d.buf = utf8.AppendRune(d.buf, r)
			i += n
		default:
			return nil, d.syntaxAt(p, i-2, "bad escape in string")
		}
	}
	d.pos = len(d.data)
	return nil, d.syntax(p, "'\"' closing the string")
}

// unicodeEscape decodes the hex digits after \u at i, joining surrogate pairs.
func (d *decoder) unicodeEscape(i int) (rune, int, bool) {
	r1, ok := hex4(d.data, i)
	if !ok {
		return 0, 0, false
	}
	if !utf16.IsSurrogate(r1) {
		return r1, 4, true
	}
	if r1 >= 0xDC00 || i+10 > len(d.data) || d.data[i+4] != '\\' || d.data[i+5] != 'u' {
		return 0, 0, false
	}
	r2, ok := hex4(d.data, i+6)
	if !ok {
		return 0, 0, false
	}
	r := utf16.DecodeRune(r1, r2)
	if r == utf8.RuneError {
		return 0, 0, false
	}
	return r, 10, true
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(b[i:i+4]), 16, 32)
	return rune(v), err == nil
}

// numberText reads the text of a JSON number, checking its grammar.
func (d *decoder) numberText(p *pathNode, want string) ([]byte, error) {
	d.ws()
	start := d.pos
	i := start
	if i < len(d.data) && d.data[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(d.data) && d.data[i] >= '0' && d.data[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(d.data) && d.data[i] == '0' {
		i++
	} else if digits() == 0 {
		if i > start {
			d.pos = i
			return nil, d.syntax(p, "digits after '-'")
		}
		if d.kindHere() != "invalid JSON" && d.kindHere() != "a number" {
			return nil, d.typeErr(p, want)
		}
		return nil, d.syntax(p, want)
	}
	if i < len(d.data) && d.data[i] == '.' {
		i++
		if digits() == 0 {
			d.pos = i
			return nil, d.syntax(p, "digits after '.'")
		}
	}
	if i < len(d.data) && (d.data[i] == 'e' || d.data[i] == 'E') {
		i++
		if i < len(d.data) && (d.data[i] == '+' || d.data[i] == '-') {
			i++
		}
		if digits() == 0 {
			d.pos = i
			return nil, d.syntax(p, "exponent digits")
		}
	}
	d.pos = i
	return d.data[start:i], nil
}

// Int reads an integer. A number with a zero fraction (1.0, 1e2) is an
// integer, as JSON Schema defines it; values beyond int64 are rejected.
func (d *decoder) Int(p *pathNode) (int64, error) {
	text, err := d.numberText(p, "an integer")
	if err != nil {
		return 0, err
	}
	if v, err := strconv.ParseInt(string(text), 10, 64); err == nil {
		return v, nil
	}
	v, integer, inRange := exactInt(text)
	if !integer {
		return 0, decodeError(p, "type", ErrType, "must be an integer, got "+string(text))
	}
	if !inRange {
		return 0, decodeError(p, "minimum", ErrOutOfRange, "integer "+string(text)+" is outside the 64-bit range")
	}
	return v, nil
}

// Float reads a number.
func (d *decoder) Float(p *pathNode) (float64, error) {
	text, err := d.numberText(p, "a number")
	if err != nil {
		return 0, err
	}
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil {
		return 0, decodeError(p, "minimum", ErrOutOfRange, "number "+string(text)+" is outside the 64-bit range")
	}
	return f, nil
}

// Bool reads true or false.
func (d *decoder) Bool(p *pathNode) (bool, error) {
	d.ws()
	switch {
	case d.literal("true"):
		d.pos += 4
		return true, nil
	case d.literal("false"):
		d.pos += 5
		return false, nil
	}
	return false, d.typeErr(p, "a boolean")
}
