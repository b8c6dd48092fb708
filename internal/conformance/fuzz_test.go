package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"slices"
	"testing"
	"unicode/utf8"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"
)

// FuzzDecodersAgreeWithSchemas feeds the same bytes to a generated decoder
// of the shipped contract and to santhosh-tekuri/jsonschema with the schema
// emitted for the same message, and fails when one accepts what the other
// rejects. It compares only documents both can judge fairly (see fair).
// The seeds are the conformance corpus.
func FuzzDecodersAgreeWithSchemas(f *testing.F) {
	c := loadContract(f, specList(f)[0].path)
	compile := schemaCompiler(f, c, false)
	var names []string
	for n := range contractDecoders {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, d := range readCorpus(f, "contract") {
		f.Add(uint8(slices.Index(names, d.schema)), d.data)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := names[int(which)%len(names)]
		if !fair(data) {
			return
		}
		goErr := contractDecoders[name](data)
		inst, err := sjs.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return
		}
		schemaErr := compile(name).Validate(inst)
		if (goErr == nil) != (schemaErr == nil) {
			t.Errorf("%s: the Go decoder says %v, the schema says %v\n%s", name, goErr, schemaErr, data)
		}
	})
}

// surrogateEscape matches a \u escape of a UTF-16 surrogate, paired or not.
var surrogateEscape = regexp.MustCompile(`\\u[dD][89a-fA-F][0-9a-fA-F]{2}`)

// fair reports whether a document is one both judges read alike: valid
// UTF-8, well-formed JSON, no duplicate keys (the schema library keeps the
// last, the decoder refuses them), and no surrogate escapes (the schema
// library replaces lone ones with U+FFFD, the decoder refuses them).
func fair(data []byte) bool {
	if !utf8.Valid(data) || !json.Valid(data) || surrogateEscape.Match(data) {
		return false
	}
	return !hasDuplicateKeys(data)
}

// hasDuplicateKeys walks the document's tokens, keeping the keys of every
// open object.
func hasDuplicateKeys(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		keys   map[string]bool
		object bool
		expect bool // the next string token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return false
		}
		if err != nil {
			return true // not judged fairly either way
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{':
				if top != nil && top.object {
					top.expect = true
				}
				stack = append(stack, &frame{keys: map[string]bool{}, object: true, expect: true})
			case '[':
				if top != nil && top.object {
					top.expect = true
				}
				stack = append(stack, &frame{})
			default:
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].expect = true
				}
			}
			continue
		}
		if top == nil || !top.object {
			continue
		}
		if top.expect {
			k, _ := tok.(string)
			if top.keys[k] {
				return true
			}
			top.keys[k] = true
			top.expect = false
		} else {
			top.expect = true
		}
	}
}

func TestHasDuplicateKeys(t *testing.T) {
	for doc, want := range map[string]bool{
		`{"a":1,"b":2}`:               false,
		`{"a":1,"a":2}`:               true,
		`{"a":{"b":1},"b":{"b":2}}`:   false,
		`{"a":{"b":1,"b":2}}`:         true,
		`[{"a":1},{"a":1}]`:           false,
		`{"a":[1,{"c":1,"c":2}]}`:     true,
		`{"a":[],"b":{},"a":null}`:    true,
		`{"x":{"y":[{"z":1}]},"z":1}`: false,
	} {
		if got := hasDuplicateKeys([]byte(doc)); got != want {
			t.Errorf("hasDuplicateKeys(%s) = %v, want %v", doc, got, want)
		}
	}
}
