package golang

import (
	"strings"
	"unicode"
)

// jsonTag is the json struct tag of the member name: encoding/json reads
// a member's key from it when a program encodes or decodes a generated
// struct with encoding/json itself (a struct without MarshalJSON, such as
// builder arguments, or a type held in the program's own structs) instead
// of the generated methods. encoding/json's tag syntax cannot name every
// key, so the tag says what it can:
//   - "-" alone would mean "never encode this field"; "-," names the key -.
//   - encoding/json ignores a name holding a character outside its tag
//     alphabet (a quote, a backslash, a comma ends the name) and would
//     read the Go field's own name, or the text before the comma, as the
//     key: another member's key, or one the contract does not have. Such
//     a field is tagged "-", so that encoding/json leaves it alone; the
//     generated decoders and MarshalJSON read and write it.
func jsonTag(name string, omitempty bool) string {
	switch {
	case !jsonTagName(name):
		return tag("json", "-")
	case omitempty:
		return tag("json", name+",omitempty")
	case name == "-":
		return tag("json", "-,")
	}
	return tag("json", name)
}

// jsonTagName reports whether encoding/json accepts name as the key of a
// struct tag: letters, digits and the punctuation its isValidTag allows.
func jsonTagName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}
