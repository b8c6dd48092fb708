package schema

import (
	"github.com/contractgen/contractgen/internal/pattern"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/validate"
)

// miniSpec is a small valid spec; %s marks where a test adds to the
// forbidden section and %s where it adds request fields.
const miniSpec = `
contract:
  name: mini
  title: Mini
  description: A minimal contract.
  package: mini
  schema_base_uri: https://schemas.example.com/mini/
versions:
  request: {value: mini.request.v1}
  response: {value: mini.response.v1}
forbidden:
  on: [requests]
%s
envelopes:
  request:
    version: request
    fields:
      schema_version: {type: string, source: version}
      operation: {type: string, source: operation}
      payload: {type: json, source: payload}
  response:
    version: response
    fields:
      schema_version: {type: string, source: version}
      operation: {type: string, source: request.operation}
      message: {type: string, source: message}
      payload: {type: json, source: payload}
operations:
  ping:
    description: Pings.
    request_description: a note
    response_description: nothing
    request:
      note: {type: string, default: b%s}
    response:
      message: Pong.
      messages: {mismatch: ping response requires a ping request}
      payload:
        next: {type: string, const: Nothing.}
`

func generateMini(t *testing.T, forbidden, field string) error {
	t.Helper()
	src := strings.Replace(strings.Replace(miniSpec, "%s", forbidden, 1), "%s", field, 1)
	path := filepath.Join(t.TempDir(), "mini.yaml")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	s, err := load.File(path)
	require.NoError(t, err)
	c, err := validate.Check(s)
	if err != nil {
		return err // validation reports unportable patterns itself
	}
	_, err = New().Generate(c, emit.Options{})
	return err
}

func TestMiniSpecGenerates(t *testing.T) {
	require.NoError(t, generateMini(t, "  keys: {parts: [secret], message: 'no {path}', applies_to: payload}", ""))
}

// TestUnportableConstructsAreErrors covers the spec constructs that no
// portable JSON Schema expresses: patterns are refused by validation (no
// "JSON Schema:" prefix), the rest by the emitter, all at their position.
func TestUnportableConstructsAreErrors(t *testing.T) {
	for _, c := range []struct {
		forbidden, field, want string
		line                   int // 0: no position
	}{
		{"  keys: {parts: ['\u03c3ecret'], message: 'no {path}', applies_to: payload}", "", "Greek sigma", 13},
		{"  keys: {exact: ['i\u0307d'], message: 'no {path}', applies_to: payload}", "", "U+0307", 13},
		{"  values: {message: 'no {path}', applies_to: payload, patterns: {p: {pattern: 'x?\\by'}}}", "", `\b cannot be rewritten`, 13},
		{"  keys: {parts: [secret], message: 'no {path}', applies_to: payload}", ", pattern: '[a-]?\\b[b-]'", `\b cannot be rewritten`, 34},
		{"  values: {message: 'no {path}', applies_to: message, patterns: {p: {pattern: 'pin'}}}", "", "every message would be rejected", 0},
	} {
		err := generateMini(t, c.forbidden, c.field)
		if assert.Error(t, err, c.want) {
			assert.Contains(t, err.Error(), c.want)
			stage := "JSON Schema: "
			if strings.Contains(c.want, `\b`) {
				stage = ""
			}
			want := `mini\.yaml: ` + stage
			if c.line > 0 {
				want = `mini\.yaml:` + strconv.Itoa(c.line) + `:\d+: ` + stage
			}
			assert.Regexp(t, regexp.MustCompile(want), err.Error())
		}
	}
}

func TestNeedsNewlineGuard(t *testing.T) {
	for p, want := range map[string]bool{
		`^acct_[A-Za-z0-9]{8,32}$`: true,
		`^a*$`:                     true,
		`^a$|^b$`:                  true,
		`abc`:                      false, // no $: nothing to guard
		`a*$`:                      false, // may end in anything
		`^a\n?$`:                   false, // may end in a line feed
		`^a$|b`:                    false, // b may be followed by a line feed
		`^(?:a$)+`:                 false,
	} {
		assert.Equal(t, want, pattern.NeedsNewlineGuard(p), p)
	}
}
