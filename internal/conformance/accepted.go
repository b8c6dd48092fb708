package conformance

import "fmt"

// acceptedMessage is what a generated decoder returns.
type acceptedMessage interface {
	Validate() error
	MarshalJSON() ([]byte, error)
}

// checkAccepted panics unless m, which dec accepted from b, also passes
// Validate and encodes to a document that dec accepts again and encodes the
// same way. The Go judges call it on every document a decoder accepts; the
// judge program built for each testdata spec carries this file's source
// (judgeMain), so both judges check the same thing.
func checkAccepted[T acceptedMessage](dec func([]byte) (T, error), m T, b []byte) {
	if err := m.Validate(); err != nil {
		panic(fmt.Sprintf("decoded, but Validate says %v:\n%s", err, b))
	}
	enc, err := m.MarshalJSON()
	if err != nil {
		panic(fmt.Sprintf("decoded, but MarshalJSON says %v:\n%s", err, b))
	}
	again, err := dec(enc)
	if err != nil {
		panic(fmt.Sprintf("its encoding %s is refused: %v; decoded from:\n%s", enc, err, b))
	}
	if enc2, _ := again.MarshalJSON(); string(enc2) != string(enc) {
		panic(fmt.Sprintf("its encoding changes: %s, then %s; decoded from:\n%s", enc, enc2, b))
	}
}
