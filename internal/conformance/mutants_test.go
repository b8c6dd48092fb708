package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
	sjs "github.com/santhosh-tekuri/jsonschema/v6"
)

// mutantsPerDocument is how many mutants checkMutants derives from each
// corpus document. Runs with many more (40 per document, some 335,000
// mutants over every spec) found no disagreement; two keep the suite fast.
const mutantsPerDocument = 2

// mutantValues are what a mutation puts in place of a value: every JSON
// kind, bounds and near-bounds, formats, whitespace, a card number.
var mutantValues = []*value.Value{
	vNull(), vBool(true), vBool(false), vInt(0), vInt(-1), vInt(1), vNum("1.5"), vNum("-0"), vNum("1.0"),
	vNum("1e2"), vNum("1e300"), vNum("9223372036854775807"), vNum("9223372036854775808"),
	vStr(""), vStr("x"), vStr(" x "), vStr("\u00a0x"), vStr("a\nb"), vStr("é"), vStr("true"), vStr("1"),
	vStr("4111111111111111"), vStr("2026-12-01T00:00:00Z"), vStr("2026-02-30"), vStr("12:00:00Z"),
	vStr("2026-12-01"), vStr("https://example.com/a"), vStr("0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b"),
	vList(), vObj(), vList(vInt(1), vNum("1.0")), vList(vStr("a"), vStr("a")),
	// Values where format checkers are known to differ.
	vStr("23:59:60Z"), vStr("2026-12-01t00:00:00z"), vStr("2026-12-01T00:00:00+24:00"), vStr("2026-12-01T00:00:00.Z"),
	vStr("2026-12-01T00:00:00.123456789123Z"), vStr("0000-01-01"), vStr("12:30:00.5-00:00"),
	vStr("::ffff:192.0.2.1"), vStr("2001:db8::1%eth0"), vStr("fe80::"), vStr("1::"), vStr("192.0.2.1 "),
	vStr("api.example.com."), vStr("xn--nxasmq6b.example"), vStr("a.b"), vStr("ops@[192.0.2.1]"),
	vStr(`"q"@example.com`), vStr("ops@example.com."), vStr("mailto:ops@example.com"), vStr("HTTP://EXAMPLE.COM"),
	vStr("https://[2001:db8::1]/"), vStr("https://example.com/#f"), vStr("0F8E6A4C-3B2D-4E1F-9A8B-7C6D5E4F3A2B"),
	vStr("0f8e6a4c3b2d4e1f9a8b7c6d5e4f3a2b"), vStr("İ"), vStr("\u212a"),
}

// checkMutants derives mutants from every corpus document (values replaced,
// members removed or added, items repeated, subtrees moved) and requires
// the Go judge and the schemas (santhosh-tekuri/jsonschema, shared layout)
// to agree on each mutant both can judge fairly. Nobody decided what the
// mutants should be; the two implementations must only say the same.
//
// With CONFORMANCE_MUTANTS set to a folder, the mutants the Ajv and Python
// judges can also judge fairly (fairForOthers) are written there under
// <spec>/<schema>/<Go's verdict>/, for the Ajv and Python judges
// (conformance/run-all.sh --mutants).
func checkMutants(t *testing.T, spec string, c *model.Contract, docs []corpusDoc, judgeGo goJudgeFn) {
	t.Helper()
	h := fnv.New64a()
	h.Write([]byte(c.Name))
	r := rand.New(rand.NewSource(int64(h.Sum64())))
	keys := mutantKeys(c)
	root := t.TempDir()
	for _, d := range docs {
		dec := json.NewDecoder(bytes.NewReader(d.data))
		dec.UseNumber()
		v, err := decodeOrdered(dec)
		if err != nil {
			t.Fatalf("%s: %v", d.rel, err)
		}
		for i := 0; i < mutantsPerDocument; i++ {
			name := fmt.Sprintf("%s-%d.json", strings.TrimSuffix(filepath.Base(d.rel), ".json"), i)
			writeDoc(t, filepath.Join(root, d.schema, "mutant", name), writeJSON(mutate(r, v, keys)))
		}
	}
	goVerdicts := judgeGo(root)
	compile := schemaCompiler(t, c, false)
	judged, disagree := 0, 0
	for _, d := range readDocs(t, root) {
		if !fair(d.data) {
			continue
		}
		inst, err := sjs.UnmarshalJSON(bytes.NewReader(d.data))
		if err != nil {
			continue
		}
		judged++
		reason, ok := goVerdicts[d.rel]
		if out := os.Getenv("CONFORMANCE_MUTANTS"); out != "" && fairForOthers(d.data) {
			writeMutant(t, filepath.Join(out, spec), d, reason == "")
		}
		schemaErr := compile(d.schema).Validate(inst)
		if !ok || (reason == "") != (schemaErr == nil) {
			disagree++
			t.Errorf("mutant %s: the Go decoder says %q, the schema says %v\n%s", d.rel, reason, schemaErr, d.data)
		}
		if disagree == 10 {
			t.Fatal("stopping after 10 disagreements")
		}
	}
	t.Logf("%d mutants judged alike by Go and the schemas", judged-disagree)
}

// writeMutant writes d under root as <schema>/<valid|invalid>/<name>.
func writeMutant(t *testing.T, root string, d corpusDoc, valid bool) {
	verdict := "invalid"
	if valid {
		verdict = "valid"
	}
	writeDoc(t, filepath.Join(root, d.schema, verdict, filepath.Base(d.rel)), d.data)
}

// writeDoc writes a document, making its folder first.
func writeDoc(t *testing.T, p string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// fairForOthers reports whether the Ajv and Python judges can judge a
// document as the Go decoders do, leaving out what the corpus leaves out
// (testdata/conformance/README.md): every number has at most 15
// significant digits, so that two such numbers are never the same double
// (Ajv reads 9223372036854775808 as 2^63, the same double as the int64
// bound), and no string, key or value, starts with year 0000, which RFC
// 3339 allows and Python's datetime cannot hold.
func fairForOthers(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return errors.Is(err, io.EOF)
		}
		switch tok := tok.(type) {
		case json.Number:
			if significantDigits(string(tok)) > 15 {
				return false
			}
		case string:
			if strings.HasPrefix(tok, "0000-") {
				return false
			}
		}
	}
}

// significantDigits counts the digits of a JSON number's mantissa without
// its leading and trailing zeros.
func significantDigits(n string) int {
	if i := strings.IndexAny(n, "eE"); i >= 0 {
		n = n[:i]
	}
	digits := strings.Trim(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, n), "0")
	return len(digits)
}

// mutantKeys are member names a mutation adds: the forbidden keys of the
// contract's rules, in another case, and a few others.
func mutantKeys(c *model.Contract) []string {
	keys := []string{"x", "", "X", "__proto__"}
	if c.Forbidden == nil {
		return keys
	}
	for _, k := range c.Forbidden.Keys {
		for _, s := range append(append([]string{}, k.Exact...), k.Parts...) {
			keys = append(keys, s, strings.ToUpper(s), "my_"+s,
				// Letters whose case mapping leaves ASCII: the Kelvin sign
				// lowers to k, the dotted capital I to i and a dot.
				strings.ReplaceAll(strings.ToUpper(s), "K", "\u212a"), strings.ReplaceAll(strings.ToUpper(s), "I", "İ"))
		}
	}
	return keys
}

// mutate returns a copy of v with one to three random changes.
func mutate(r *rand.Rand, v *value.Value, keys []string) *value.Value {
	v = clone(v)
	for n := 1 + r.Intn(3); n > 0; n-- {
		mutateOnce(r, v, keys)
	}
	return v
}

// mutateOnce changes one random node of v in place.
func mutateOnce(r *rand.Rand, v *value.Value, keys []string) {
	var nodes []*value.Value
	var walk func(x *value.Value)
	walk = func(x *value.Value) {
		nodes = append(nodes, x)
		for _, it := range x.Items {
			walk(it)
		}
		for _, m := range x.Members {
			walk(m.Value)
		}
	}
	walk(v)
	n := nodes[r.Intn(len(nodes))]
	switch r.Intn(6) {
	case 0, 1:
		*n = *clone(mutantValues[r.Intn(len(mutantValues))])
	case 2:
		if len(n.Members) > 0 {
			i := r.Intn(len(n.Members))
			n.Members = append(n.Members[:i], n.Members[i+1:]...)
		} else if len(n.Items) > 0 {
			i := r.Intn(len(n.Items))
			n.Items = append(n.Items[:i], n.Items[i+1:]...)
		}
	case 3:
		if n.Kind == value.Object {
			k := keys[r.Intn(len(keys))]
			if len(n.Members) > 0 && r.Intn(2) == 0 {
				k = caseVariant(n.Members[r.Intn(len(n.Members))].Key)
			}
			if !hasKey(n, k) {
				n.Members = append(n.Members, value.Member{Key: k, Value: clone(mutantValues[r.Intn(len(mutantValues))])})
			}
		}
	case 4:
		if len(n.Items) > 0 {
			n.Items = append(n.Items, clone(n.Items[r.Intn(len(n.Items))]))
		}
	case 5:
		*n = *clone(nodes[r.Intn(len(nodes))])
	}
}

// hasKey reports whether object o has a member named k.
func hasKey(o *value.Value, k string) bool {
	for _, m := range o.Members {
		if m.Key == k {
			return true
		}
	}
	return false
}

// TestFairForOthers: numbers a double cannot hold exactly, and dates of
// year 0000, make a document unfair for the Ajv and Python judges.
func TestFairForOthers(t *testing.T) {
	for doc, want := range map[string]bool{
		`{"a": 1, "b": [1.5, -0, 1e300, 0.000000000000001]}`: true,
		`{"a": 9007199254740991}`:                            false, // 16 digits
		`{"a": 9223372036854775808}`:                         false,
		`{"a": 1.0000000000000001}`:                          false,
		`{"a": 123456789012345}`:                             true,
		`{"a": 1e16}`:                                        true,
		`{"a": "9223372036854775808"}`:                       true,
		`{"a": ["0000-01-01"]}`:                              false,
		`{"0000-01-01": 1}`:                                  false, // keys too
		`{"a": "2000-01-01"}`:                                true,
	} {
		if got := fairForOthers([]byte(doc)); got != want {
			t.Errorf("fairForOthers(%s) = %v, want %v", doc, got, want)
		}
	}
}

// TestMutateIsDeterministic: the same seed gives the same mutants, so a
// disagreement found in CI can be reproduced.
func TestMutateIsDeterministic(t *testing.T) {
	doc := vObj("a", vList(vInt(1), vStr("b")), "c", vObj("d", vNull()))
	var runs [2][]string
	for i := range runs {
		r := rand.New(rand.NewSource(7))
		for j := 0; j < 50; j++ {
			runs[i] = append(runs[i], string(writeJSON(mutate(r, doc, []string{"k"}))))
		}
	}
	if strings.Join(runs[0], "\n") != strings.Join(runs[1], "\n") {
		t.Fatal("mutants differ between runs with one seed")
	}
	distinct := map[string]bool{}
	for _, m := range runs[0] {
		distinct[m] = true
	}
	if len(distinct) < 25 {
		t.Fatalf("only %d distinct mutants of 50", len(distinct))
	}
}
