package load

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/stretchr/testify/require"
)

// minimalSpec is a small spec that loads without error. Tests append to it
// or replace parts of it.
const minimalSpec = `contract:
  name: demo
  title: Demo contract
  package: demo
  schema_base_uri: https://schemas.example.com/demo/

versions:
  request:
    value: demo.request.v1
  response:
    value: demo.response.v1

envelopes:
  request:
    version: request
    fields:
      schema_version:
        type: string
        source: version
      operation:
        type: string
        source: operation
      payload:
        type: json
        source: payload
  response:
    version: response
    fields:
      schema_version:
        type: string
        source: version
      payload:
        type: json
        source: payload

operations:
  ping:
    request_description: an optional note
    response_description: the echoed note
    request:
      note:
        type: string
        default: hello
    response:
      message: Pong.
      messages: {mismatch: ping response requires a ping request}
      payload:
        echo:
          type: string
`

// errLines returns the formatted errors of a failed load, one per line.
func errLines(t *testing.T, err error) []string {
	t.Helper()
	require.Error(t, err)
	var list diag.ListError
	require.True(t, errors.As(err, &list), "error is not a diag.ListError: %v", err)
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Error()
	}
	return out
}

// replaceOnce replaces old, which must occur in s, by new.
func replaceOnce(t testing.TB, s, old, new string) string {
	t.Helper()
	require.Contains(t, s, old)
	return strings.Replace(s, old, new, 1)
}

// largeSpec builds a valid spec of at least size bytes (and less than
// size+4 KiB) by adding object types with ten fields each.
func largeSpec(size int) []byte {
	var b strings.Builder
	b.WriteString(minimalSpec)
	b.WriteString("\ntypes:\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  Generated%d:\n    description: Generated type number %d, used to measure loading speed.\n    fields:\n", i, i)
		for j := 0; j < 10; j++ {
			fmt.Fprintf(&b, "      field_%d:\n        type: string\n        description: Field %d of type %d.\n        min_length: 1\n        max_length: 64\n", j, j, i)
		}
		fmt.Fprintf(&b, "    examples:\n      - {field_0: a, field_1: b, field_2: c}\n")
	}
	return []byte(b.String())
}
