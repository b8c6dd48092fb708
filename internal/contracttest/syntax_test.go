package contracttest_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	contract "github.com/contractgen/contractgen/generated/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// malformed is a corpus of JSON that no parser may accept, each with the
// byte offset of its first bad byte. Whatever a decoder expects at that
// point, malformed input must be reported as ErrSyntax at that offset.
var malformed = []struct {
	name, doc string
	offset    int
}{
	{"bare word", `nope`, 0},
	{"lone n", `n`, 0},
	{"tx", `tx`, 0},
	{"truncated true", `tru`, 0},
	{"true with tail", `truex`, 0},
	{"null with tail", `nullx`, 0},
	{"minus alone", `-`, 1},
	{"number with tail", `1x`, 1},
	{"unterminated string", `"abc`, 4},
	{"empty input", ``, 0},
	{"only spaces", `   `, 3},
	{"open brace", `{`, 1},
	{"missing colon", `{"a" 1}`, 5},
	{"missing value", `{"a":}`, 5},
	{"trailing comma", `{"a":1,}`, 7},
	{"single quotes", `{'a':1}`, 1},
	{"unquoted key", `{a:1}`, 1},
	{"bad escape", `{"a":"\q"}`, 6},
	{"bad unicode escape", `{"a":"\u12G4"}`, 6},
	{"control character", "{\"a\":\"x\ty\"}", 7},
	{"leading zero", `{"a":01}`, 6},
	{"dot without digits", `{"a":1.}`, 7},
	{"exponent without digits", `{"a":1e}`, 7},
	{"unclosed array", `{"a":[1,2}`, 9},
	{"garbage after document", `{} x`, 3},
	{"second document", `{} {}`, 3},
	{"nested bad literal", `{"payload":{"summary":{"blockers":[nope]}}}`, 35},
	{"bad literal after unknown member", `{"extra":1,"payload":nope}`, 21},
	{"bad literal after duplicate key", `{"a":1,"a":nope}`, 11},
}

// decoders are run over the whole corpus: a message decoder, a type
// decoder and the free-form forbidden-material scan.
var decoders = map[string]func([]byte) error{
	"response": func(b []byte) error { _, err := contract.DecodeTenantAuditStoreOperatingResponse(b); return err },
	"request":  func(b []byte) error { _, err := contract.DecodeEvidenceExportRequest(b); return err },
	"type":     func(b []byte) error { _, err := contract.DecodeTenantAuditStoreOperatingSummary(b); return err },
	"lenient": func(b []byte) error {
		_, err := contract.DecodeTenantAuditStoreOperatingResponse(b, contract.AllowUnknownFields())
		return err
	},
	"forbidden": func(b []byte) error { return contract.CheckForbidden("payload", b) },
}

func TestMalformedJSONIsSyntaxError(t *testing.T) {
	require.GreaterOrEqual(t, len(malformed), 20)
	for _, c := range malformed {
		for name, dec := range decoders {
			t.Run(c.name+"/"+name, func(t *testing.T) {
				err := dec([]byte(c.doc))
				require.Error(t, err)
				assert.ErrorIs(t, err, contract.ErrSyntax)
				assert.NotErrorIs(t, err, contract.ErrType)
				var es contract.Errors
				require.ErrorAs(t, err, &es)
				require.Len(t, es, 1)
				assert.Contains(t, es[0].Message, "invalid JSON at offset "+strconv.Itoa(c.offset)+":")
			})
		}
	}
}

func TestSyntaxErrorNamesThePathReached(t *testing.T) {
	doc := strings.Replace(auditResponse, `"blockers":["export connector approval pending"]`, `"blockers":["a",nope]`, 1)
	_, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(doc))
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	assert.Equal(t, "payload.summary.blockers[1]", es[0].Path)
	assert.Equal(t, "syntax", es[0].Rule)
	off := strings.Index(doc, "nope")
	assert.Equal(t, "payload.summary.blockers[1]: invalid JSON at offset "+strconv.Itoa(off)+": expected a value", err.Error())
}

func TestNullableFieldSentBadLiteral(t *testing.T) {
	doc := strings.Replace(auditResponse, `"latest_evidence_at":"2026-06-02T00:00:00Z"`, `"latest_evidence_at":nope`, 1)
	_, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(doc))
	require.ErrorIs(t, err, contract.ErrSyntax)
	assert.NotContains(t, err.Error(), "got null")
	assert.Contains(t, err.Error(), "payload.summary.latest_evidence_at: invalid JSON at offset")
}

// Well-formed values of the wrong type keep their type errors.
func TestWellFormedWrongTypesStayTypeErrors(t *testing.T) {
	for _, doc := range []string{`null`, `true`, `1`, `"abc"`, `[]`, `[1,2]`, `-0.5e3`} {
		for name, dec := range decoders {
			if name == "forbidden" {
				continue
			}
			err := dec([]byte(doc))
			assert.ErrorIs(t, err, contract.ErrType, "%s %s", name, doc)
			assert.False(t, errors.Is(err, contract.ErrSyntax), "%s %s: %v", name, doc, err)
		}
	}
	doc := strings.Replace(auditResponse, `"private_implementation_required":true`, `"private_implementation_required":null`, 1)
	_, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(doc))
	assert.ErrorIs(t, err, contract.ErrType)
	assert.Contains(t, err.Error(), "must be a boolean, got null")
}
