package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/validate"
	"github.com/contractgen/contractgen/internal/value"
)

// nestedSpec is a spec whose request holds type T0, in which each type
// T<i> holds width required fields of T<i+1>, depth levels down to a leaf
// with one required string; extra is appended to T0's fields.
func nestedSpec(width, depth int, extra string) string {
	var b strings.Builder
	b.WriteString("contract:\n  name: nest\n  title: Nest\n  package: nest\n  schema_base_uri: https://schemas.example.com/nest/\ntypes:\n")
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, "  T%d:\n    fields:\n", i)
		for j := 0; j < width; j++ {
			fmt.Fprintf(&b, "      f%d: {type: T%d}\n", j, i+1)
		}
		if i == 0 {
			b.WriteString(extra)
		}
	}
	fmt.Fprintf(&b, "  T%d:\n    fields:\n      name: {type: string}\n", depth)
	b.WriteString("operations:\n  op:\n    request:\n      t: {type: T0}\n    response:\n      payload:\n        ok: {type: boolean}\n")
	return b.String()
}

// headed prefixes a spec body with the contract section of a contract
// named name.
func headed(name, body string) string {
	return fmt.Sprintf("contract:\n  name: %[1]s\n  title: %[1]s\n  package: %[1]s\n  schema_base_uri: https://schemas.example.com/%[1]s/\n", name) + body
}

// contractOf loads and validates a spec given as text.
func contractOf(t testing.TB, spec string) *model.Contract {
	t.Helper()
	s, err := load.Bytes("spec.yaml", []byte(spec))
	if err != nil {
		t.Fatal(err)
	}
	c, err := validate.Check(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// requestPayload is the payload of the example request of the spec's first
// operation.
func requestPayload(t *testing.T, c *model.Contract) *value.Value {
	t.Helper()
	req, _, err := examples(c, c.Operations[0])
	if err != nil {
		t.Fatal(err)
	}
	return req.Get("payload")
}

// TestSynthesizedExampleOfDeepChain synthesizes the example of a request
// whose required objects nest 30 levels deep: every level is filled, so
// the example is valid and generation succeeds.
func TestSynthesizedExampleOfDeepChain(t *testing.T) {
	c := contractOf(t, nestedSpec(1, 30, ""))
	v := requestPayload(t, c).Get("t")
	for i := 0; i < 30; i++ {
		if v = v.Get("f0"); v == nil {
			t.Fatalf("the example stops at level %d", i)
		}
	}
	if v.Get("name") == nil {
		t.Fatal("the example's leaf lacks its required name")
	}
	if _, err := New().Generate(c, emit.Options{}); err != nil {
		t.Fatal(err)
	}
}

// TestSynthesizedExampleOfRecursiveType synthesizes a type that holds a
// list of itself: the list is filled to its minimum, and the recursion
// ends at the optional field that carries it on.
func TestSynthesizedExampleOfRecursiveType(t *testing.T) {
	c := contractOf(t, nestedSpec(1, 1, "      kids: {type: list<T0>, min_items: 2, optional: true}\n      tree: {type: list<Node>, min_items: 1}\n  Node:\n    fields:\n      name: {type: string}\n      children: {type: list<Node>, optional: true}\n"))
	if got := jsonText(requestPayload(t, c), false); got != `{"t": {"f0": {"name": "example"}, "tree": [{"name": "example"}]}}` {
		t.Errorf("example payload = %s", got)
	}
}

// TestSynthesizedExampleTooLarge gives up on an example that would hold
// more values than maxSynthValues (10 wide, 4 deep: 11,110), with an error
// that names the operation and asks for an example, instead of building it.
func TestSynthesizedExampleTooLarge(t *testing.T) {
	c := contractOf(t, nestedSpec(10, 4, ""))
	_, err := New().Generate(c, emit.Options{})
	if err == nil || !strings.Contains(err.Error(), `operation "op"`) || !strings.Contains(err.Error(), "more than 10000 values") || !strings.Contains(err.Error(), "add an example") {
		t.Fatalf("err = %v", err)
	}
	c = contractOf(t, nestedSpec(10, 3, ""))
	if _, err := New().Generate(c, emit.Options{}); err != nil {
		t.Fatalf("1,110 values: %v", err)
	}
}

// TestSynthesizedExampleFollowsPatterns synthesizes strings for required
// fields whose pattern the plain sample does not match, within their
// lengths, and keys for a map with a key pattern; generation then succeeds
// without an example in the spec.
func TestSynthesizedExampleFollowsPatterns(t *testing.T) {
	c := contractOf(t, headed("pat", `operations:
  op:
    request:
      id: {type: string, pattern: '^cus_[0-9a-f]{8}$'}
      sku: {type: string, pattern: '^[A-Z]{3}-[0-9]+$', min_length: 7}
      codes: {type: list<string>, pattern: '^[0-9]{2}$', min_items: 2}
      counts: {type: map<integer>, key_pattern: '^k[0-9]$', non_empty: true}
      plain: {type: string, pattern: 'amp'}
    response:
      payload:
        ok: {type: boolean}
`))
	want := `{"id": "cus_aaaaaaaa", "sku": "AAA-000", "codes": ["00", "00"], "counts": {"k0": 0}, "plain": "example"}`
	if got := jsonText(requestPayload(t, c), false); got != want {
		t.Errorf("example payload = %s, want %s", got, want)
	}
	if _, err := New().Generate(c, emit.Options{}); err != nil {
		t.Fatal(err)
	}
}

// TestSynthesizedExampleOfUniqueLists fills lists whose items must be
// unique with distinct items: strings with a counter, numbers stepped
// within their bounds, state values in order, patterned strings through
// the pattern's first class.
func TestSynthesizedExampleOfUniqueLists(t *testing.T) {
	c := contractOf(t, headed("uniq", `states:
  color:
    values:
      red: Red.
      blue: Blue.
operations:
  op:
    request:
      tags: {type: list<string>, min_items: 2, unique_items: true, max_length: 7}
      nums: {type: list<integer>, min_items: 3, unique_items: true, minimum: 5}
      down: {type: list<number>, min_items: 2, unique_items: true, maximum: -0.5}
      colors: {type: list<color>, min_items: 2, unique_items: true}
      flags: {type: list<boolean>, min_items: 2, unique_items: true}
      pats: {type: list<string>, min_items: 2, unique_items: true, pattern: '^[a-z]{2}$'}
      same: {type: list<string>, min_items: 2}
    response:
      payload:
        ok: {type: boolean}
`))
	want := `{"tags": ["example", "exampl1"], "nums": [5, 6, 7], "down": [-0.5, -1.5], "colors": ["red", "blue"], "flags": [false, true], "pats": ["aa", "ba"], "same": ["example", "example"]}`
	if got := jsonText(requestPayload(t, c), false); got != want {
		t.Errorf("example payload = %s, want %s", got, want)
	}
}

// TestSynthesizedExampleFillsMapsToMinItems fills a required map to its
// min_items with distinct keys, following its key pattern.
func TestSynthesizedExampleFillsMapsToMinItems(t *testing.T) {
	c := contractOf(t, headed("maps", `operations:
  op:
    request:
      plain: {type: map<integer>, min_items: 2}
      sensors: {type: map<boolean>, min_items: 3, key_pattern: '^s[0-9]$'}
      inner: {type: 'list<map<string>>', min_items: 1}
    response:
      payload:
        ok: {type: boolean}
`))
	want := `{"plain": {"key": 0, "key1": 0}, "sensors": {"s0": false, "s1": false, "s2": false}, "inner": [{}]}`
	if got := jsonText(requestPayload(t, c), false); got != want {
		t.Errorf("example payload = %s, want %s", got, want)
	}
}

// TestSynthesizedMapKeysAvoidForbiddenKeys: the keys a synthesized example
// makes up for a map avoid those a forbidden-key rule refuses, under a key
// pattern too, so the example the docs print is one decoders accept.
func TestSynthesizedMapKeysAvoidForbiddenKeys(t *testing.T) {
	c := contractOf(t, headed("keys", `forbidden:
  keys:
    parts: [key, ent]
    message: "no such key: {path}"
    applies_to: payload
operations:
  op:
    request:
      plain: {type: map<integer>, min_items: 2}
      lower: {type: map<string>, non_empty: true, key_pattern: '^[a-z]+$'}
    response:
      payload:
        ok: {type: boolean}
`))
	want := `{"plain": {"name": 0, "name1": 0}, "lower": {"name": "example"}}`
	if got := jsonText(requestPayload(t, c), false); got != want {
		t.Errorf("example payload = %s, want %s", got, want)
	}
}

// TestQuoteJSONPlainAgrees holds quoteJSON's shortcut for plain text to
// what encoding/json writes, over random strings of the characters either
// side of each test the shortcut makes (and <, >, & that it keeps).
func TestQuoteJSONPlainAgrees(t *testing.T) {
	chars := []rune{0x00, 0x1f, ' ', '!', '"', '#', '<', '>', '&', '\\', ']', '~', 0x7f, 0x80, 'é', 0x2028, 0x2029, 0xfffd}
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 100000; i++ {
		rs := make([]rune, r.Intn(6))
		for j := range rs {
			rs[j] = chars[r.Intn(len(chars))]
		}
		s := string(rs)
		if i%10 == 0 {
			s += "\xff" // invalid UTF-8
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got, want := quoteJSON(s), strings.TrimSuffix(buf.String(), "\n"); got != want {
			t.Fatalf("quoteJSON(%q) = %s, want %s", s, got, want)
		}
	}
}
