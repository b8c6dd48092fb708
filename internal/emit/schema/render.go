package schema

import (
	"bytes"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/invopop/jsonschema"
)

// render turns a schema into the file bytes: the tree invopop's marshalling
// gives (schemaTree) is the content; the keywords of every schema object are then put in a fixed,
// readable order (identity and the generated marker first, $defs last), and
// the document is written with two-space indentation, in UTF-8 with
// invisible and look-alike characters escaped (see writeString), and a
// trailing newline. Member order inside properties, const, default and enum values is
// kept as built.
func render(s *jsonschema.Schema) (rendered, error) {
	n, err := schemaTree(s)
	if err != nil {
		return rendered{}, err
	}
	orderSchema(n)
	b := scratch.Get().(*bytes.Buffer)
	defer scratch.Put(b)
	b.Reset()
	writeJSON(b, n, "")
	b.WriteByte('\n')
	return rendered{data: bytes.Clone(b.Bytes()), head: headOf(n)}, nil
}

// scratch holds the buffers render writes a file in, so that a file's bytes
// are allocated once, at their size, rather than grown by doubling.
var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// rendered is a schema file and what the catalog lists of it.
type rendered struct {
	data []byte
	head schemaHead
}

// schemaHead is what the catalog reads of a schema: its $id, title and
// description.
type schemaHead struct {
	ID, Title, Description string
}

// headOf reads the head of a schema's tree; a keyword written twice
// counts by its last value, as a JSON reader takes it.
func headOf(n *jnode) schemaHead {
	var h schemaHead
	for _, m := range n.obj {
		if !m.val.isStr {
			continue
		}
		switch m.key {
		case "$id":
			h.ID = m.val.str
		case "title":
			h.Title = m.val.str
		case "description":
			h.Description = m.val.str
		}
	}
	return h
}

// jnode is a JSON value that keeps its member order.
type jnode struct {
	obj     []jmember
	arr     []*jnode
	isObj   bool
	isArr   bool
	str     string
	isStr   bool
	literal string // numbers, true, false, null
}

type jmember struct {
	key string
	val *jnode
}

// keywordOrder is the order of schema keywords in the output; others follow
// in their original order.
var keywordOrder = []string{
	"$schema", "$id", "$comment", "title", "description", "$ref", "type", "const", "enum", "default",
	"format", "minLength", "maxLength", "pattern", "minimum", "maximum", "items", "minItems",
	"properties", "required", "additionalProperties", "propertyNames", "minProperties",
	"allOf", "anyOf", "oneOf", "not", "$defs",
}

var keywordRank = func() map[string]int {
	m := map[string]int{}
	for i, k := range keywordOrder {
		m[k] = i
	}
	return m
}()

// Keywords whose value is a schema, a map of schemas, or a list of schemas.
var (
	schemaKeys    = map[string]bool{"items": true, "not": true, "additionalProperties": true, "propertyNames": true, "if": true, "then": true, "else": true, "contains": true, "contentSchema": true}
	schemaMapKeys = map[string]bool{"$defs": true, "properties": true, "patternProperties": true, "dependentSchemas": true}
	schemaArrKeys = map[string]bool{"allOf": true, "anyOf": true, "oneOf": true, "prefixItems": true}
)

func orderSchema(n *jnode) {
	if !n.isObj {
		return
	}
	wrapRef(n)
	ranked := make([]jmember, 0, len(n.obj))
	var rest []jmember
	for _, m := range n.obj {
		if _, ok := keywordRank[m.key]; ok {
			ranked = append(ranked, m)
		} else {
			rest = append(rest, m)
		}
	}
	// Insertion sort keeps it stable and the lists are short.
	for i := 1; i < len(ranked); i++ {
		for j := i; j > 0 && keywordRank[ranked[j].key] < keywordRank[ranked[j-1].key]; j-- {
			ranked[j], ranked[j-1] = ranked[j-1], ranked[j]
		}
	}
	if len(ranked) > 0 && ranked[len(ranked)-1].key == "$defs" {
		n.obj = append(append(ranked[:len(ranked)-1:len(ranked)-1], rest...), ranked[len(ranked)-1])
	} else {
		n.obj = append(ranked, rest...)
	}
	for _, m := range n.obj {
		switch {
		case schemaKeys[m.key]:
			orderSchema(m.val)
		case schemaMapKeys[m.key] && m.val.isObj:
			for _, sm := range m.val.obj {
				orderSchema(sm.val)
			}
		case schemaArrKeys[m.key] && m.val.isArr:
			for _, it := range m.val.arr {
				orderSchema(it)
			}
		}
	}
}

// wrapRef moves a $ref that has sibling keywords into an allOf of its own:
// {"description": ..., "allOf": [{"$ref": ...}]}. The two mean the same in
// 2020-12, but tools that bundle references (json-schema-ref-parser, under
// json-schema-to-typescript) merge the siblings into a copy of the target,
// which then becomes a second, numbered type; with allOf every reference
// shares one target.
func wrapRef(n *jnode) {
	if len(n.obj) < 2 {
		return
	}
	for i, m := range n.obj {
		if m.key == "$ref" {
			n.obj[i] = jmember{key: "allOf", val: &jnode{isArr: true, arr: []*jnode{{isObj: true, obj: []jmember{m}}}}}
			return
		}
	}
}

func writeJSON(b *bytes.Buffer, n *jnode, indent string) {
	switch {
	case n.isObj:
		if len(n.obj) == 0 {
			b.WriteString("{}")
			return
		}
		if len(n.obj) == 1 && !n.obj[0].val.isObj && !n.obj[0].val.isArr {
			// A one-member object, such as {"$ref": "..."}, on one line
			// when it fits; otherwise the line is taken back.
			mark := b.Len()
			b.WriteString("{")
			writeString(b, n.obj[0].key)
			b.WriteString(": ")
			writeJSON(b, n.obj[0].val, "")
			b.WriteString("}")
			if len(indent)+b.Len()-mark <= 100 {
				return
			}
			b.Truncate(mark)
		}
		b.WriteString("{\n")
		inner := deeper(indent)
		for i, m := range n.obj {
			b.WriteString(inner)
			writeString(b, m.key)
			b.WriteString(": ")
			writeJSON(b, m.val, inner)
			if i < len(n.obj)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent)
		b.WriteByte('}')
	case n.isArr:
		if len(n.arr) == 0 {
			b.WriteString("[]")
			return
		}
		mark := b.Len()
		if oneLine(b, n) && len(indent)+b.Len()-mark <= 100 {
			return
		}
		b.Truncate(mark)
		b.WriteString("[\n")
		inner := deeper(indent)
		for i, it := range n.arr {
			b.WriteString(inner)
			writeJSON(b, it, inner)
			if i < len(n.arr)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent)
		b.WriteByte(']')
	case n.isStr:
		writeString(b, n.str)
	default:
		b.WriteString(n.literal)
	}
}

const hexDigits = "0123456789abcdef"

// writeString writes a JSON string. Characters are written as they are,
// except quotes and backslashes, control characters, line and paragraph
// separators, and non-ASCII characters a reader could not see or could take
// for ASCII ones (spaces, marks, format characters, and letters such as the
// Kelvin sign whose other case is ASCII), which are written as \uXXXX.
func writeString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7F:
			writeU(b, r)
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		case hidden(r):
			if r > 0xFFFF {
				r -= 0x10000
				writeU(b, 0xD800+(r>>10))
				writeU(b, 0xDC00+(r&0x3FF))
				continue
			}
			writeU(b, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// hidden reports whether a non-ASCII character is escaped in the output.
func hidden(r rune) bool {
	if !unicode.IsGraphic(r) || unicode.In(r, unicode.Zs, unicode.M, unicode.Cf) {
		return true
	}
	return unicode.ToLower(r) < utf8.RuneSelf || unicode.ToUpper(r) < utf8.RuneSelf
}

func writeU(b *bytes.Buffer, r rune) {
	b.WriteString(`\u`)
	for shift := 12; shift >= 0; shift -= 4 {
		b.WriteByte(hexDigits[(r>>uint(shift))&0xF])
	}
}

// oneLine writes an array of scalars and one-member objects of a scalar
// (such as {"$ref": "..."}) on one line, as a reader scans a short enum,
// required list or allOf of one reference; it reports false when an item is
// anything larger, leaving what it wrote for the caller to take back.
func oneLine(b *bytes.Buffer, n *jnode) bool {
	b.WriteByte('[')
	for i, it := range n.arr {
		if it.isArr || it.isObj && (len(it.obj) != 1 || it.obj[0].val.isObj || it.obj[0].val.isArr) {
			return false
		}
		if i > 0 {
			b.WriteString(", ")
		}
		writeJSON(b, it, "")
	}
	b.WriteByte(']')
	return true
}

// deeper is indent and two spaces more, out of one string while it is
// long enough: every object and array of a schema file is one level deeper.
func deeper(indent string) string {
	if len(indent)+2 <= len(spaces) {
		return spaces[:len(indent)+2]
	}
	return indent + "  "
}

const spaces = "                                                                "
