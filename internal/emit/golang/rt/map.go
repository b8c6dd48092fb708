package rt

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
