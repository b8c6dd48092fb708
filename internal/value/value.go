// Package value holds the JSON-like literals a spec carries (defaults,
// constants, examples, free-form documents) with their spec positions and
// their key order, because emitters must reproduce both.
package value

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"

	"github.com/contractgen/contractgen/internal/diag"
)

// Kind names the JSON type of a Value.
type Kind string

// The JSON kinds a literal can have.
const (
	Null   Kind = "null"
	Bool   Kind = "boolean"
	Int    Kind = "integer"
	Number Kind = "number"
	String Kind = "string"
	List   Kind = "list"
	Object Kind = "object"
)

// Value is one literal. Num keeps the spec's text of a number so no precision
// is lost; Members keep object keys in spec order.
type Value struct {
	Kind    Kind
	Pos     diag.Pos
	Bool    bool
	Num     string
	Str     string
	Items   []*Value
	Members []Member
}

// Member is one key of an object literal.
type Member struct {
	Key    string
	KeyPos diag.Pos
	Value  *Value
}

// Float returns the numeric value of an Int or Number literal.
func (v *Value) Float() float64 {
	f, _ := strconv.ParseFloat(v.Num, 64)
	return f
}

// AsInteger turns a Number literal whose value is a whole number within
// the 64-bit range (2.0, 1e3) into the Int literal of that number, as
// JSON Schema and the generated decoders read such a number where an
// integer belongs, and reports whether v is now an Int. It changes v in
// place, so that every emitter sees the integer: 1e3 on an integer field
// is written 1000.
func (v *Value) AsInteger() bool {
	if v.Kind != Number {
		return v.Kind == Int
	}
	f, err := strconv.ParseFloat(v.Num, 64)
	if err != nil || f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 {
		return false
	}
	v.Kind, v.Num = Int, strconv.FormatInt(int64(f), 10)
	return true
}

// Get returns the member named key, or nil.
func (v *Value) Get(key string) *Value {
	for _, m := range v.Members {
		if m.Key == key {
			return m.Value
		}
	}
	return nil
}

// JSON renders the literal compactly with keys in spec order.
func (v *Value) JSON() []byte {
	var b bytes.Buffer
	v.write(&b, "", "")
	return b.Bytes()
}

// IndentJSON renders the literal with two-space indentation, keys in order.
func (v *Value) IndentJSON() []byte {
	var b bytes.Buffer
	v.write(&b, "\n", "  ")
	return b.Bytes()
}

func (v *Value) write(b *bytes.Buffer, nl, ind string) {
	switch v.Kind {
	case Null:
		b.WriteString("null")
	case Bool:
		b.WriteString(strconv.FormatBool(v.Bool))
	case Int, Number:
		b.WriteString(v.Num)
	case String:
		s, _ := json.Marshal(v.Str)
		b.Write(s)
	case List:
		writeSeq(b, '[', ']', len(v.Items), nl, ind, func(i int, b *bytes.Buffer, nl2 string) {
			v.Items[i].write(b, nl2, ind)
		})
	case Object:
		writeSeq(b, '{', '}', len(v.Members), nl, ind, func(i int, b *bytes.Buffer, nl2 string) {
			k, _ := json.Marshal(v.Members[i].Key)
			b.Write(k)
			b.WriteString(":")
			if ind != "" {
				b.WriteString(" ")
			}
			v.Members[i].Value.write(b, nl2, ind)
		})
	}
}

func writeSeq(b *bytes.Buffer, open, close byte, n int, nl, ind string, item func(int, *bytes.Buffer, string)) {
	b.WriteByte(open)
	if n == 0 {
		b.WriteByte(close)
		return
	}
	inner := nl
	if nl != "" {
		inner = nl + ind
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(inner)
		item(i, b, inner)
	}
	b.WriteString(nl)
	b.WriteByte(close)
}
