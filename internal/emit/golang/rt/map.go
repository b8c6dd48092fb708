package rt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
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

// LogValue logs the map as its JSON with every value of a type that has
// sensitive members redacted, as that type logs itself. Without it,
// log/slog's JSON handler would write a map logged on its own through
// MarshalJSON, every member as it is.
func (m Map[V]) LogValue() slog.Value {
	return slog.AnyValue(redactedJSON(m.appendRedacted(nil)))
}

// appendRedacted appends the map's JSON with the sensitive members of its
// values redacted; a Map is a redacter, so maps of maps redact too.
func (m Map[V]) appendRedacted(b []byte) []byte {
	b = append(b, '{')
	for i := range m {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, m[i].Key)
		b = append(b, ':')
		b = appendRedactedValue(b, reflect.ValueOf(&m[i].Value).Elem())
	}
	return append(b, '}')
}

// redacter is a value that writes its JSON with its sensitive members
// redacted: every generated type that holds one (on its pointer), and Map.
type redacter interface{ appendRedacted([]byte) []byte }

// appendRedactedValue appends the JSON of v, a map's value, redacted where
// its type redacts: through the value's own appendRedacted, item by item
// for a list, and as MarshalJSON writes it for a value with nothing to
// redact. It runs only when a map is logged.
func appendRedactedValue(b []byte, v reflect.Value) []byte {
	if v.CanAddr() {
		if r, ok := v.Addr().Interface().(redacter); ok {
			return r.appendRedacted(b)
		}
	}
	if r, ok := v.Interface().(redacter); ok {
		return r.appendRedacted(b)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(b, "null"...)
		}
		return appendRedactedValue(b, v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendRedactedValue(b, v.Index(i))
		}
		return append(b, ']')
	}
	j, err := json.Marshal(v.Interface())
	if err != nil {
		return append(b, "null"...)
	}
	return append(b, j...)
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
