package schema

import (
	"encoding/json"
	"fmt"
)

// parseJSON reads one JSON document into a tree that keeps member order,
// strings unescaped and numbers as written. It reads bytes directly, in one
// pass: the marshalled schemas are large, and a token decoder spends most
// of the rendering time on them. Anything but a complete, valid document
// is an error.
func parseJSON(data []byte) (*jnode, error) {
	p := &jparser{data: data}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if p.skipSpace(); p.pos != len(p.data) {
		return nil, p.errorf("data after the document")
	}
	return n, nil
}

type jparser struct {
	data []byte
	pos  int
}

// maxDepth bounds the nesting parseJSON follows.
const maxDepth = 10000

func (p *jparser) errorf(format string, args ...any) error {
	return fmt.Errorf("schema JSON at offset %d: %s", p.pos, fmt.Sprintf(format, args...))
}

func (p *jparser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jparser) value(depth int) (*jnode, error) {
	if depth > maxDepth {
		return nil, p.errorf("nested too deeply")
	}
	p.skipSpace()
	if p.pos >= len(p.data) {
		return nil, p.errorf("unexpected end")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, err := p.str()
		return &jnode{str: s, isStr: true}, err
	default:
		return p.literal()
	}
}

func (p *jparser) object(depth int) (*jnode, error) {
	n := &jnode{isObj: true}
	p.pos++ // {
	for first := true; ; first = false {
		p.skipSpace()
		if p.pos < len(p.data) && p.data[p.pos] == '}' && first {
			p.pos++
			return n, nil
		}
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.errorf("object key expected")
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		if p.skipSpace(); p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.errorf("colon expected")
		}
		p.pos++
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.obj = append(n.obj, jmember{k, v})
		if p.skipSpace(); p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			return n, nil
		}
		return nil, p.errorf("comma or } expected")
	}
}

func (p *jparser) array(depth int) (*jnode, error) {
	n := &jnode{isArr: true}
	p.pos++ // [
	for first := true; ; first = false {
		p.skipSpace()
		if p.pos < len(p.data) && p.data[p.pos] == ']' && first {
			p.pos++
			return n, nil
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.arr = append(n.arr, v)
		if p.skipSpace(); p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			return n, nil
		}
		return nil, p.errorf("comma or ] expected")
	}
}

// str reads a string. One without escapes is taken as it stands (after a
// UTF-8 check by the caller's writer is not needed: json.Marshal writes
// valid UTF-8); one with escapes is decoded by encoding/json.
func (p *jparser) str() (string, error) {
	start := p.pos
	p.pos++ // "
	escaped := false
	for p.pos < len(p.data) {
		switch c := p.data[p.pos]; {
		case c == '"':
			p.pos++
			if !escaped {
				return string(p.data[start+1 : p.pos-1]), nil
			}
			var s string
			if err := json.Unmarshal(p.data[start:p.pos], &s); err != nil {
				return "", p.errorf("%v", err)
			}
			return s, nil
		case c == '\\':
			escaped = true
			p.pos += 2
		case c < 0x20:
			return "", p.errorf("control character in string")
		default:
			p.pos++
		}
	}
	return "", p.errorf("unterminated string")
}

// literal reads a number, true, false or null as written.
func (p *jparser) literal() (*jnode, error) {
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		p.pos++
	}
	lit := string(p.data[start:p.pos])
	if !json.Valid([]byte(lit)) {
		return nil, p.errorf("invalid value %q", lit)
	}
	return &jnode{literal: lit}, nil
}
