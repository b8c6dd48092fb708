package rt

// redactedJSON is a JSON document with its sensitive members redacted,
// as a log value: log/slog's JSON handler embeds it as JSON, its text
// handler writes it as text.
type redactedJSON []byte

// MarshalJSON returns the document as is.
func (r redactedJSON) MarshalJSON() ([]byte, error) { return r, nil }

// MarshalText returns the document as text.
func (r redactedJSON) MarshalText() ([]byte, error) { return r, nil }
