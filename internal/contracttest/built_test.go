package contracttest_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	contract "github.com/contractgen/contractgen/generated/go"
)

// filler hands out the fuzzer's bytes as choices; past the end it answers 0.
type filler struct {
	data []byte
	pos  int
}

func (f *filler) next(n int) int {
	if f.pos >= len(f.data) || n <= 0 {
		return 0
	}
	f.pos++
	return int(f.data[f.pos-1]) % n
}

// Values Go code could put in a message that no decoder would produce.
var (
	oddStrings = []string{"", " ", "\xff", "a\u2028", "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "2026-02-30", strings.Repeat("x", 300)}
	oddFloats  = []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), math.MaxFloat64, 0.1}
	oddInts    = []int64{math.MinInt64, math.MaxInt64, 0, -1}
	oddRaws    = []string{``, `null`, `{"a":1,"a":2}`, `{`, `1 2`, `[{"b":{"c":1,"c":2}}]`, `{"password":"x"}`, `"\ud800"`}
)

// mutate changes one leaf of v, reached through fields, items, entries and
// pointers by the filler's choices, to a value Go code could set.
func mutate(v reflect.Value, f *filler) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(oddStrings[f.next(len(oddStrings))])
	case reflect.Float64:
		v.SetFloat(oddFloats[f.next(len(oddFloats))])
	case reflect.Int64:
		v.SetInt(oddInts[f.next(len(oddInts))])
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Pointer:
		if f.next(3) == 0 {
			v.SetZero()
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		mutate(v.Elem(), f)
	case reflect.Struct:
		if v.NumField() > 0 {
			mutate(v.Field(f.next(v.NumField())), f)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte(oddRaws[f.next(len(oddRaws))]))
			return
		}
		switch c := f.next(4); {
		case c == 0:
			v.SetZero()
		case c == 1 && v.Len() > 0: // repeat an item or a Map entry
			v.Set(reflect.Append(v, v.Index(f.next(v.Len()))))
		case c == 2:
			v.Set(reflect.Append(v, reflect.New(v.Type().Elem()).Elem()))
		case v.Len() > 0:
			mutate(v.Index(f.next(v.Len())), f)
		}
	}
}

// roundTrip changes m a few times; whenever Validate accepts the result,
// its encoding must decode again. (Not always to the same encoding: a
// string holding invalid UTF-8 encodes its bad bytes as \ufffd, as
// encoding/json does, and the decoded string holds U+FFFD itself.)
func roundTrip[P interface {
	json.Marshaler
	Validate() error
}](t *testing.T, m P, dec func([]byte, ...contract.DecodeOption) (P, error), f *filler) {
	for n := 1 + f.next(3); n > 0; n-- {
		mutate(reflect.ValueOf(m).Elem(), f)
	}
	if m.Validate() != nil {
		return
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatalf("Validate accepts a value json.Marshal refuses: %v", err)
	}
	if _, err := dec(out); err != nil {
		t.Fatalf("Validate accepts a value whose encoding %.300s the decoder refuses: %v", out, err)
	}
}

// FuzzBuiltValues holds Validate to the decoders: a message decoded from a
// valid corpus document and then changed as Go code could change it (odd
// strings, NaN and infinite numbers, malformed or repeating free-form
// values, repeated Map entries and items, cleared or added members), if
// Validate accepts it, encodes as JSON its decoder reads back.
func FuzzBuiltValues(f *testing.F) {
	docs, _ := filepath.Glob("../../testdata/conformance/contract/*/valid/*.json")
	var corpus [][]byte
	for _, p := range docs {
		if data, err := os.ReadFile(p); err == nil {
			corpus = append(corpus, data)
		}
	}
	if len(corpus) == 0 {
		f.Fatal("no valid corpus documents")
	}
	names := make([]string, 0, len(codecs))
	for n := range codecs {
		names = append(names, n)
	}
	slices.Sort(names)
	f.Add(uint16(0), []byte{1, 2, 3})
	f.Add(uint16(7), []byte{0, 5, 1, 1, 4, 2})
	f.Fuzz(func(t *testing.T, doc uint16, choices []byte) {
		data := corpus[int(doc)%len(corpus)]
		for _, name := range names {
			codecs[name].built(t, data, &filler{data: choices})
		}
	})
}
