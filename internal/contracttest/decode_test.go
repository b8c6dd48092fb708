package contracttest_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	contract "github.com/contractgen/contractgen/generated/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const auditResponse = `{"schema_version":"cavra.saas_control_plane.response.v1","operation":"tenant_audit_store_operating","status":"requires_private_service","message":"Tenant audit-store operating status requires private archive, retention, evidence, export, and dashboard validation.","correlation_id":"saas-00000000a00f","private_implementation_required":true,"payload":{"summary":{"tenant_id":"tenant-demo","health_status":"ready","retention_status":"degraded","evidence_freshness_status":"ready","export_status":"blocked","latest_evidence_at":"2026-06-02T00:00:00Z","retention_profile":"standard-365","supported_export_formats":["json","zip"],"blockers":["export connector approval pending"],"private_validation_required":true,"audit_store_boundary":"tenant archive storage, retention enforcement, export connectors, and customer evidence remain private service responsibilities"},"private_modules_required":["tenant audit store","retention enforcement","evidence freshness monitor","export connector service","operating dashboard"],"next_step":"See docs/architecture/tenant-audit-store-operating-contract.md"}}`

func TestDecodeRoundTrip(t *testing.T) {
	m, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(auditResponse))
	require.NoError(t, err)
	assert.Equal(t, contract.OperatingStateDegraded, m.Payload.Summary.RetentionStatus)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	assert.Equal(t, auditResponse, string(out))
}

// decodeErr decodes doc and returns the single structured error.
func decodeErr(t *testing.T, doc string, opts ...contract.DecodeOption) *contract.ValidationError {
	t.Helper()
	_, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(doc), opts...)
	require.Error(t, err)
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	require.NotEmpty(t, es)
	return es[0]
}

func TestStrictDecodingRejectsAmbiguity(t *testing.T) {
	cases := []struct {
		name, doc, path, rule string
		kind                  error
	}{
		{"unknown field", strings.Replace(auditResponse, `"blockers":`, `"extra":1,"blockers":`, 1), "payload.summary.extra", "unknown_field", contract.ErrUnknownField},
		{"duplicate key", strings.Replace(auditResponse, `"status":"requires_private_service",`, `"status":"requires_private_service","status":"accepted",`, 1), "status", "duplicate_key", contract.ErrDuplicateKey},
		{"case variant key", strings.Replace(auditResponse, `"next_step":`, `"Next_Step":`, 1), "payload.Next_Step", "case_variant_key", contract.ErrCaseVariantKey},
		{"trailing data", auditResponse + ` {}`, "", "trailing_data", contract.ErrTrailingData},
		{"wrong type", strings.Replace(auditResponse, `"private_implementation_required":true`, `"private_implementation_required":"true"`, 1), "private_implementation_required", "type", contract.ErrType},
		{"wrong type in list", strings.Replace(auditResponse, `["json","zip"]`, `["json",7]`, 1), "payload.summary.supported_export_formats[1]", "type", contract.ErrType},
		{"missing field", strings.Replace(auditResponse, `"correlation_id":"saas-00000000a00f",`, ``, 1), "correlation_id", "required", contract.ErrRequired},
		{"duplicate key in free nesting", strings.Replace(auditResponse, `"tenant_id":"tenant-demo",`, `"tenant_id":"tenant-demo","tenant_id":"x",`, 1), "payload.summary.tenant_id", "duplicate_key", contract.ErrDuplicateKey},
		{"truncated", auditResponse[:200], "message", "syntax", contract.ErrSyntax},
		{"invalid utf-8", strings.Replace(auditResponse, "tenant-demo", "tenant-\xff", 1), "payload.summary.tenant_id", "syntax", contract.ErrSyntax},
		{"lone surrogate", strings.Replace(auditResponse, "tenant-demo", `tenant-\ud800`, 1), "payload.summary.tenant_id", "syntax", contract.ErrSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := decodeErr(t, c.doc)
			assert.Equal(t, c.path, e.Path)
			assert.Equal(t, c.rule, e.Rule)
			assert.True(t, errors.Is(e, c.kind), "errors.Is %v", c.kind)
			if c.path != "" {
				assert.Equal(t, c.path+": "+e.Message, e.Error(), "Error() is <path>: <message>")
				assert.NotContains(t, e.Message, c.path+": ", "Message keeps the text without the path")
			} else {
				assert.Equal(t, e.Message, e.Error())
			}
		})
	}
}

func TestAllowUnknownFieldsForResponses(t *testing.T) {
	doc := strings.Replace(auditResponse, `"blockers":`, `"extra":{"a":[1,2]},"blockers":`, 1)
	m, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(doc), contract.AllowUnknownFields())
	require.NoError(t, err)
	assert.Equal(t, []string{"export connector approval pending"}, m.Payload.Summary.Blockers)
	// Case variants stay ambiguous and are rejected even then.
	e := decodeErr(t, strings.Replace(auditResponse, `"next_step":`, `"NEXT_STEP":`, 1), contract.AllowUnknownFields())
	assert.Equal(t, "case_variant_key", e.Rule)
}

func TestDecodeValidatesEveryViolation(t *testing.T) {
	doc := strings.Replace(auditResponse, `"health_status":"ready"`, `"health_status":"healthy"`, 1)
	doc = strings.Replace(doc, `"export_status":"blocked"`, `"export_status":"gone"`, 1)
	_, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(doc))
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 2)
	assert.Equal(t, "health_status must be one of: blocked, degraded, ready, unknown", es[0].Message)
	assert.Equal(t, "payload.summary.health_status", es[0].Path)
	assert.Equal(t, "payload.summary.export_status", es[1].Path)
	assert.ErrorIs(t, err, contract.ErrNotInStateSet)
}

func TestDecodeRejectsChangedFixedText(t *testing.T) {
	doc := strings.Replace(auditResponse, "remain private service responsibilities", "are public", 1)
	_, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(doc))
	require.ErrorIs(t, err, contract.ErrConst)
	doc = strings.Replace(auditResponse, `"operation":"tenant_audit_store_operating"`, `"operation":"evidence_export"`, 1)
	_, err = contract.DecodeTenantAuditStoreOperatingResponse([]byte(doc))
	require.ErrorIs(t, err, contract.ErrConst)
}

func TestCheckForbiddenOrderAndDepth(t *testing.T) {
	cases := map[string]string{
		`{"items":[{"name":"ok"},{"Refresh_Token":"x"}]}`:    "sensitive field is not allowed in public SaaS contract payload: payload.items[1].Refresh_Token",
		`{"a":{"b":["xoxb-1234567890abcdef1234"]}}`:          "sensitive value is not allowed in public SaaS contract payload: payload.a.b[0]",
		`{"secretary":"ghp_123456789012345678901234567890"}`: "sensitive field is not allowed in public SaaS contract payload: payload.secretary",
		`{"x":"-----BEGIN RSA PRIVATE KEY-----","tokens":1}`: "sensitive value is not allowed in public SaaS contract payload: payload.x",
		"{\"\u212aey\":{\"api_\u212aey\":1}}":                "sensitive field is not allowed in public SaaS contract payload: payload.\u212aey.api_\u212aey",
	}
	for doc, want := range cases {
		err := contract.CheckForbidden("payload", []byte(doc))
		require.Error(t, err, doc)
		assert.Equal(t, want, firstMessage(t, err), doc)
	}
	for _, ok := range []string{`{"apikey":"x","pass_word":"y"}`, `{"note":"sk_live_short"}`, `[]`,
		// Python's rules, kept: the long s is already lower case, and a token
		// glued to a non-ASCII letter has no word boundary.
		"{\"\u017fecret\":1}", `{"v":"éghp_123456789012345678901234567890"}`} {
		assert.NoError(t, contract.CheckForbidden("payload", []byte(ok)), ok)
	}
}

func TestCheckForbiddenRejectsInvalidJSON(t *testing.T) {
	for _, doc := range []string{`{"a":`, `{"a":1} x`, `{"a":1,"a":2}`} {
		err := contract.CheckForbidden("payload", []byte(doc))
		require.Error(t, err, doc)
		assert.True(t, errors.Is(err, contract.ErrSyntax) || errors.Is(err, contract.ErrTrailingData) || errors.Is(err, contract.ErrDuplicateKey), "%s: %v", doc, err)
	}
}
