package rt

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Map is a JSON object with string keys whose member order is kept, so that
// values serialize in the order they were given or received.
type Map[V any] []Entry[V]

// Entry is one member of a Map.
type Entry[V any] struct {
	Key   string
	Value V
}

// Get returns the value for key and whether it is present.
func (m Map[V]) Get(key string) (V, bool) {
	for _, e := range m {
		if e.Key == key {
			return e.Value, true
		}
	}
	var zero V
	return zero, false
}

// MarshalJSON writes the members in order.
func (m Map[V]) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, e := range m {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, e.Key)
		b = append(b, ':')
		v, err := json.Marshal(e.Value)
		if err != nil {
			return nil, err
		}
		b = append(b, v...)
	}
	return append(b, '}'), nil
}

// UnmarshalJSON reads an object keeping member order, for callers that fill
// builder arguments from JSON; the strict decoders do not use it.
func (m *Map[V]) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("map must be a JSON object")
	}
	out := Map[V]{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		var v V
		if err := dec.Decode(&v); err != nil {
			return err
		}
		out = append(out, Entry[V]{Key: t.(string), Value: v})
	}
	*m = out
	return nil
}
