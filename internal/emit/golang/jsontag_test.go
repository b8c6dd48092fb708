package golang

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONTagAsEncodingJSONReadsIt builds a struct with the tag jsonTag
// writes for each key and decodes a document holding that key, and others
// it could be mistaken for, with encoding/json: a key the tag can name
// lands in the field; a key it cannot name leaves the field empty rather
// than taking the value of another key.
func TestJSONTagAsEncodingJSONReadsIt(t *testing.T) {
	for _, c := range []struct {
		key      string
		nameable bool
	}{
		{"id", true}, {"-", true}, {"display name", true}, {"meta.origin", true}, {"@type", true},
		{"x-source", true}, {"prénom", true}, {"0", true}, {"a|b", true},
		{"a,omitempty", false}, {`q"uote`, false}, {`b\s`, false}, {"back`tick", false}, {"it's", false},
	} {
		for _, omit := range []bool{false, true} {
			raw := jsonTag(c.key, omit)
			st, err := strconv.Unquote(raw)
			require.NoError(t, err, raw)
			typ := reflect.StructOf([]reflect.StructField{{Name: "F", Type: reflect.TypeOf(""), Tag: reflect.StructTag(st)}})
			doc := map[string]string{c.key: "right", "a": "wrong", "F": "wrong", "f": "wrong"}
			b, err := json.Marshal(doc)
			require.NoError(t, err)
			v := reflect.New(typ)
			require.NoError(t, json.Unmarshal(b, v.Interface()))
			got := v.Elem().Field(0).String()
			if c.nameable {
				assert.Equal(t, "right", got, "%q tagged %s", c.key, st)
				out, err := json.Marshal(v.Interface())
				require.NoError(t, err)
				want, _ := json.Marshal(map[string]string{c.key: "right"})
				assert.JSONEq(t, string(want), string(out), "%q tagged %s", c.key, st)
			} else {
				assert.Empty(t, got, "%q tagged %s must be left alone", c.key, st)
			}
		}
	}
}
