package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/schemafile"
)

// doc turns a Go value into what the validator expects (JSON numbers kept).
func doc(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	out, err := sjs.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	return out
}

// with returns a copy of d with the value at path replaced (a trailing
// "-" key deletes it).
func with(t *testing.T, d any, v any, path ...string) any {
	t.Helper()
	cp := doc(t, d)
	cur := cp
	for i, k := range path {
		m, ok := cur.(map[string]any)
		require.True(t, ok, "path %v: %T is not an object", path, cur)
		if i == len(path)-1 {
			if v == deleted {
				delete(m, k)
			} else {
				m[k] = doc(t, v)
			}
			break
		}
		cur = m[k]
	}
	return cp
}

type deletedT struct{}

var deleted = deletedT{}

type validator struct {
	t       *testing.T
	schemas map[string]*sjs.Schema
	// alias maps the names the cases give files, made of spec names
	// ("tenant_status.request.schema.json", "Money.schema.json"), to the
	// files the emitter writes.
	alias map[string]string
}

func newValidator(t *testing.T, spec string) *validator {
	return &validator{t: t, schemas: compileAll(t, spec), alias: specFileNames(loadContract(t, spec))}
}

// specFileNames maps the spec-name spelling of every message and type
// schema to its file.
func specFileNames(c *model.Contract) map[string]string {
	n := schemafile.New(c)
	out := map[string]string{}
	for _, op := range c.Operations {
		out[op.Name+".request.schema.json"] = n.Request(op)
		out[op.Name+".response.schema.json"] = n.Response(op)
	}
	for _, r := range c.Responses {
		out[r.Name+".response.schema.json"] = n.Shared(r)
	}
	for _, t := range c.Types {
		out[t.Name+".schema.json"] = n.Type(t)
	}
	return out
}

func (v *validator) schema(file string) (*sjs.Schema, bool) {
	if f, ok := v.alias[file]; ok {
		file = f
	}
	s, ok := v.schemas[file]
	return s, ok
}

func (v *validator) accepts(file string, d any, why string) {
	v.t.Helper()
	s, ok := v.schema(file)
	require.True(v.t, ok, "no schema %s", file)
	assert.NoError(v.t, s.Validate(d), "%s should accept: %s", file, why)
}

func (v *validator) rejects(file string, d any, why string) {
	v.t.Helper()
	s, ok := v.schema(file)
	require.True(v.t, ok, "no schema %s", file)
	assert.Error(v.t, s.Validate(d), "%s should reject: %s", file, why)
}

// oracleCase is one case of testdata/oracle/public-cases.json, the outcomes
// the Python reference recorded.
type oracleCase struct {
	ID     string                     `json:"id"`
	Call   string                     `json:"call"`
	Args   map[string]json.RawMessage `json:"args"`
	Expect struct {
		OK    json.RawMessage `json:"ok"`
		Error *struct {
			Message string `json:"message"`
			Stage   string `json:"stage"`
		} `json:"error"`
	} `json:"expect"`
}

func oracleCases(t *testing.T) []oracleCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "testdata", "oracle", "public-cases.json"))
	require.NoError(t, err)
	var f struct {
		Cases []oracleCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(data, &f))
	require.NotEmpty(t, f.Cases)
	return f.Cases
}

func rawDoc(t *testing.T, r json.RawMessage) any {
	t.Helper()
	out, err := sjs.UnmarshalJSON(bytes.NewReader(r))
	require.NoError(t, err)
	return out
}

// example renders a model literal as a document.
func example(t *testing.T, c *model.Contract, op string) map[string]any {
	t.Helper()
	for _, o := range c.Operations {
		if o.Name == op {
			require.NotEmpty(t, o.Request.Examples, op)
			return rawDoc(t, o.Request.Examples[0].JSON()).(map[string]any)
		}
	}
	t.Fatalf("no operation %s", op)
	return nil
}

func typeExample(t *testing.T, c *model.Contract, name string) map[string]any {
	t.Helper()
	for _, ty := range c.Types {
		if ty.Name == name {
			require.NotEmpty(t, ty.Examples, name)
			return rawDoc(t, ty.Examples[0].JSON()).(map[string]any)
		}
	}
	t.Fatalf("no type %s", name)
	return nil
}

// envelope is the spec's request envelope example carrying op and payload.
func envelope(t *testing.T, c *model.Contract, op string, payload any) any {
	t.Helper()
	require.NotEmpty(t, c.Request.Type.Examples)
	env := rawDoc(t, c.Request.Type.Examples[0].JSON()).(map[string]any)
	env["operation"] = op
	env["payload"] = payload
	return doc(t, env)
}

// TestOracleCases checks the Python reference's recorded outcomes against
// the CAVRA schemas: every message it built is accepted by the schema of its
// operation, and every rejection that concerns the wire format is rejected.
func TestOracleCases(t *testing.T) {
	spec := filepath.Join(root, "spec", "contract.yaml")
	v := newValidator(t, spec)
	c := loadContract(t, spec)
	okRequests := map[string]any{}
	okResponses := map[string]any{}
	checked := 0
	for _, oc := range oracleCases(t) {
		if oc.Expect.OK == nil || string(oc.Expect.OK) == "null" {
			continue
		}
		d := rawDoc(t, oc.Expect.OK)
		switch {
		case strings.HasPrefix(oc.Call, "build_") && strings.HasSuffix(oc.Call, "_request"):
			op := d.(map[string]any)["operation"].(string)
			v.accepts(op+".request.schema.json", d, oc.ID)
			v.accepts("request-envelope.schema.json", d, oc.ID)
			okRequests[op] = d
		case strings.HasPrefix(oc.Call, "build_") && strings.HasSuffix(oc.Call, "_response"):
			op := d.(map[string]any)["operation"].(string)
			v.accepts(op+".response.schema.json", d, oc.ID)
			v.accepts("response-envelope.schema.json", d, oc.ID)
			if oc.Call == "build_unavailable_response" {
				v.accepts("unavailable.response.schema.json", d, oc.ID)
			}
			okResponses[oc.Call] = d
		case strings.HasSuffix(oc.Call, ".to_dict"):
			v.accepts(strings.TrimSuffix(oc.Call, ".to_dict")+".schema.json", d, oc.ID)
		case oc.Call == "describe_public_contract":
			continue
		default:
			t.Fatalf("%s: unhandled call %s", oc.ID, oc.Call)
		}
		checked++
	}
	assert.GreaterOrEqual(t, checked, 10)

	base := func(op string) any {
		if d, ok := okRequests[op]; ok {
			return d
		}
		return envelope(t, c, op, example(t, c, op))
	}
	var args map[string]any
	for _, oc := range oracleCases(t) {
		if oc.Expect.Error == nil {
			continue
		}
		require.NoError(t, json.Unmarshal(mustJSON(t, oc.Args), &args))
		switch {
		case oc.Call == "validate_public_payload":
			v.accepts("license_validation.request.schema.json", base("license_validation"), "the unchanged base of "+oc.ID)
			d := with(t, base("license_validation"), args["payload"], "payload", "local_validation_report")
			v.rejects("license_validation.request.schema.json", d, oc.ID+": "+oc.Expect.Error.Message)
		case strings.HasPrefix(oc.Call, "build_") && strings.HasSuffix(oc.Call, "_request"):
			op := strings.TrimSuffix(strings.TrimPrefix(oc.Call, "build_"), "_request")
			d := base(op)
			v.accepts(op+".request.schema.json", d, "the unchanged base of "+oc.ID)
			for k, a := range args {
				switch k {
				case "tenant_id", "requested_by", "correlation_id":
					d = with(t, d, a, k)
				default:
					d = with(t, d, a, "payload", k)
				}
			}
			v.rejects(op+".request.schema.json", d, oc.ID+": "+oc.Expect.Error.Message)
		case strings.HasSuffix(oc.Call, ".to_dict"):
			name := strings.TrimSuffix(oc.Call, ".to_dict")
			d := any(typeExample(t, c, name))
			v.accepts(name+".schema.json", d, "the unchanged base of "+oc.ID)
			for k, a := range args {
				d = with(t, d, a, k)
			}
			v.rejects(name+".schema.json", d, oc.ID+": "+oc.Expect.Error.Message)
		case strings.HasSuffix(oc.Call, "_response"):
			// A response built for a request of another operation.
			op := strings.TrimSuffix(strings.TrimPrefix(oc.Call, "build_"), "_response")
			resp, ok := okResponses[oc.Call]
			require.True(t, ok, oc.ID)
			var req struct {
				Call string `json:"call"`
			}
			require.NoError(t, json.Unmarshal(oc.Args["request"], &req))
			other := strings.TrimSuffix(strings.TrimPrefix(req.Call, "build_"), "_request")
			v.rejects(op+".response.schema.json", with(t, resp, other, "operation"), oc.ID)
		default:
			t.Fatalf("%s: unhandled error case %s", oc.ID, oc.Call)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

const ghToken = "ghp_123456789012345678901234567890"

func TestCAVRAForbiddenMaterial(t *testing.T) {
	spec := filepath.Join(root, "spec", "contract.yaml")
	v := newValidator(t, spec)
	c := loadContract(t, spec)
	onboarding := envelope(t, c, "tenant_onboarding", example(t, c, "tenant_onboarding"))
	const file = "tenant_onboarding.request.schema.json"
	v.accepts(file, onboarding, "spec example")

	for _, key := range []string{"Secretary", "X-Api_Key", "REFRESH_TOKEN", "to\u212aen", "my-client_secret", "Webhook_Secret_2", "authorizationHeader"} {
		v.rejects(file, with(t, onboarding, map[string]any{key: "x"}, "payload", "contacts"), "contact key "+key)
		v.rejects("request-envelope.schema.json", with(t, onboarding, map[string]any{"deep": map[string]any{key: 1}}, "payload"), "free-form key "+key)
	}
	for _, key := range []string{"apikey", "pass_word", "commercial_owner", "tok_en", "\u017fecret", "pr\u0130vate_key", "api-key"} {
		v.accepts(file, with(t, onboarding, map[string]any{key: "x"}, "payload", "contacts"), "contact key "+key)
	}
	v.rejects(file, with(t, onboarding, map[string]any{"owner": ghToken}, "payload", "contacts"), "token as a map value")
	v.rejects(file, with(t, onboarding, "Org "+ghToken, "payload", "organization_name"), "token in a typed string")
	v.rejects(file, with(t, onboarding, []string{"identity_provider", "x " + ghToken}, "payload", "requirements"), "token in a list")
	v.rejects(file, with(t, onboarding, ghToken, "requested_by"), "token in the envelope (message scope)")
	v.rejects(file, with(t, onboarding, "-----BEGIN EC PRIVATE KEY-----", "correlation_id"), "PEM header in the envelope")
	// Word boundaries follow Python: a token glued to a letter is no token.
	v.accepts(file, with(t, onboarding, "\u00e9"+ghToken, "payload", "organization_name"), "token after a non-ASCII letter")
	v.accepts(file, with(t, onboarding, ghToken+"\u4e2d", "payload", "organization_name"), "token before a CJK letter")
	v.rejects(file, with(t, onboarding, "\u4e2d "+ghToken+"\u3002", "payload", "organization_name"), "token between spaces and punctuation")
	v.rejects(file, with(t, onboarding, "xoxb-0123456789abcdef-", "payload", "region"), "Slack token ending in a dash")

	license := envelope(t, c, "license_validation", example(t, c, "license_validation"))
	const lfile = "license_validation.request.schema.json"
	v.accepts(lfile, license, "spec example")
	for _, report := range []any{
		map[string]any{"a": map[string]any{"b": []any{map[string]any{"Private_Key": 1}}}},
		map[string]any{"items": []any{1, "two", map[string]any{"note": "see " + ghToken}}},
		[]any{[]any{map[string]any{"SIGNING_KEY": nil}}},
		"sk_live_0123456789abcdefABCD",
	} {
		v.rejects(lfile, with(t, license, report, "payload", "local_validation_report"), "free-form report")
	}
	v.accepts(lfile, with(t, license, map[string]any{"apikey": []any{"pass_word", 1.5, nil, true}}, "payload", "local_validation_report"), "harmless report")

	// Responses are checked too (on: requests and responses).
	const rfile = "tenant_audit_store_operating.response.schema.json"
	resp := oracleOK(t, "test_tenant_audit_store_operating_response_serializes_summary")
	v.accepts(rfile, resp, "oracle response")
	v.rejects(rfile, with(t, resp, []string{"xoxb-0123456789abcdefgh"}, "payload", "summary", "blockers"), "token in a summary list")
	v.rejects(rfile, with(t, resp, "saas-"+ghToken, "correlation_id"), "token in the response envelope")
	// forbidden.on lists types: like its Go decoder, a summary's own schema
	// applies the rules, as the reference's summaries do.
	v.rejects("TenantAuditStoreOperatingSummary.schema.json",
		with(t, typeExample(t, c, "TenantAuditStoreOperatingSummary"), "sk_test_0123456789abcdef", "retention_profile"), "token in a type on its own")
	v.accepts("TenantAuditStoreOperatingSummary.schema.json", typeExample(t, c, "TenantAuditStoreOperatingSummary"), "a type on its own without tokens")
	v.rejects(rfile, with(t, resp, "sk_test_0123456789abcdef", "payload", "summary", "retention_profile"), "token in a type inside a response")
}

func oracleOK(t *testing.T, id string) any {
	t.Helper()
	for _, oc := range oracleCases(t) {
		if oc.ID == id {
			return rawDoc(t, oc.Expect.OK)
		}
	}
	t.Fatalf("no oracle case %s", id)
	return nil
}

func TestFeatureFlagsForbiddenMaterial(t *testing.T) {
	spec := filepath.Join(root, "testdata", "specs", "feature_flags", "spec.yaml")
	if _, err := os.Stat(spec); err != nil {
		t.Fatalf("feature_flags spec missing: %v", err)
	}
	v := newValidator(t, spec)
	c := loadContract(t, spec)
	req := envelope(t, c, "evaluate_flag", example(t, c, "evaluate_flag"))
	const file = "evaluate_flag.request.schema.json"
	v.accepts(file, req, "spec example")
	// Exact keys only: equal after lower-casing, nothing more.
	for _, key := range []string{"Password", "SSN", "access_TOKEN", "session_cookie"} {
		v.rejects(file, with(t, req, map[string]any{"user": map[string]any{key: "x"}}, "payload", "context"), "exact key "+key)
	}
	for _, key := range []string{"passwords", "my_password", "ssn\n", " ssn", "access-token"} {
		v.accepts(file, with(t, req, map[string]any{"user": map[string]any{key: "x"}}, "payload", "context"), "not an exact key: "+key)
	}
	// Values: payload scope; the envelope's strings are not checked.
	v.rejects(file, with(t, req, map[string]any{"k": "AKIAABCDEFGHIJKLMNOP"}, "payload", "context"), "AWS key in the context")
	v.rejects(file, with(t, req, "AKIAABCDEFGHIJKLMNOP", "payload", "fallback"), "AWS key as a free-form value")
	v.accepts(file, with(t, req, "AKIAABCDEFGHIJKLMNOP", "client_name"), "envelope strings are outside the payload scope")
	// Nullable and bounds.
	v.accepts(file, with(t, req, nil, "payload", "fallback"), "json accepts null")
	v.rejects(file, with(t, req, " storefront", "project_id"), "pattern on the untrimmed value")
	v.rejects(file, with(t, req, "   ", "project_id"), "blank trimmed identifier")
}

func TestPaymentsForbiddenMaterial(t *testing.T) {
	spec := filepath.Join(root, "testdata", "specs", "payments_webhooks", "spec.yaml")
	if _, err := os.Stat(spec); err != nil {
		t.Fatalf("payments_webhooks spec missing: %v", err)
	}
	v := newValidator(t, spec)
	c := loadContract(t, spec)
	// Spec examples are builder inputs; on the wire nullable members without
	// a default are present.
	reg := envelope(t, c, "register_endpoint", example(t, c, "register_endpoint"))
	reg = with(t, reg, nil, "payload", "endpoint", "description")
	reg = with(t, reg, nil, "payload", "endpoint", "retry_policy")
	const file = "register_endpoint.request.schema.json"
	v.accepts(file, reg, "spec example")
	for _, key := range []string{"Card_Number", "PAN", "cvv", "user_password", "SecretSauce"} {
		v.rejects(file, with(t, reg, map[string]any{"nested": []any{map[string]any{key: 1}}}, "payload", "metadata"), "metadata key "+key)
		v.rejects(file, with(t, reg, map[string]any{key: "x"}, "payload", "labels"), "label key "+key)
	}
	for _, key := range []string{"pan_id", "span", "cv_c", "ibans"} {
		v.accepts(file, with(t, reg, map[string]any{key: "x"}, "payload", "labels"), "label key "+key)
	}
	// Values: free_form scope: maps and json only, typed strings are free.
	v.rejects(file, with(t, reg, map[string]any{"env": "4111111111111111"}, "payload", "labels"), "card number in a map value")
	v.rejects(file, with(t, reg, map[string]any{"k": []any{"rk_live_0123456789abcdefghijklmn"}}, "payload", "metadata"), "live key in metadata")
	v.accepts(file, with(t, reg, map[string]any{"k": "x4111111111111111"}, "payload", "metadata"), "digits glued to a letter")
	capture := envelope(t, c, "capture_payment", example(t, c, "capture_payment"))
	v.accepts("capture_payment.request.schema.json", with(t, capture, "4111111111111111", "payload", "statement_descriptor"), "typed string outside the free_form scope")
	// Trimmed identifier with a pattern, and Python's $ before a newline.
	v.rejects(file, with(t, reg, "acct_9f8e7d6c5b\n", "merchant_id"), "trailing newline")
	v.rejects(file, with(t, reg, " acct_9f8e7d6c5b ", "merchant_id"), "pattern on the untrimmed value")
	v.rejects(file, with(t, reg, deleted, "merchant_id"), "merchant_id is required")
	v.accepts(file, with(t, reg, deleted, "livemode"), "fields with a default may be left out")
	v.rejects(file, with(t, reg, 3, "api_revision"), "const")
	v.rejects(file, with(t, reg, true, "extra"), "unknown field")
	// Responses are not checked (on: requests).
	sum := typeExample(t, c, "EndpointSummary")
	resp := map[string]any{
		"schema_version": "payments.webhooks.response.v2", "operation": "register_endpoint", "status": "accepted",
		"message":         "Webhook endpoint registered; answer the verification challenge to start live deliveries.",
		"idempotency_key": "idem_0", "livemode": false,
		"payload": map[string]any{"summary": sum, "private_modules_required": []string{"endpoint verifier", "delivery scheduler"},
			"next_step": "Answer the verification challenge sent to the endpoint URL."},
	}
	v.accepts("register_endpoint.response.schema.json", doc(t, resp), "response")
	v.accepts("register_endpoint.response.schema.json", with(t, resp, "https://x.example/sk_live_0123456789abcdefghijklmn", "payload", "summary", "url"), "responses are not scanned")
	v.rejects("register_endpoint.response.schema.json", with(t, resp, "capture_payment", "operation"), "operation is fixed")
	// The unavailable status differs from the default, so it must be sent.
	un := map[string]any{
		"schema_version": "payments.webhooks.response.v2", "operation": "replay_deliveries", "status": "unavailable",
		"message":         "This operation is only available from the merchant dashboard.",
		"idempotency_key": "idem_0", "livemode": false,
		"payload": map[string]any{"merchant_id": "acct_9f8e7d6c5b", "next_step": "Open Developers > Webhooks in the dashboard."},
	}
	v.accepts("replay_deliveries.response.schema.json", doc(t, un), "unavailable response")
	v.accepts("unavailable.response.schema.json", with(t, un, "register_endpoint", "operation"), "the generic one answers any operation")
	v.rejects("replay_deliveries.response.schema.json", with(t, un, deleted, "status"), "status must be sent")
	v.rejects("replay_deliveries.response.schema.json", with(t, un, "accepted", "status"), "status is fixed")
	// Nullable object and numbers.
	pay := typeExample(t, c, "PaymentSummary")
	v.accepts("PaymentSummary.schema.json", with(t, pay, nil, "remaining"), "nullable object")
	v.rejects("PaymentSummary.schema.json", with(t, pay, nil, "captured"), "not nullable")
	v.rejects("PaymentSummary.schema.json", with(t, pay, 0.5, "fee_rate"), "maximum")
	v.rejects("PaymentSummary.schema.json", with(t, pay, map[string]any{"eur": 1.5}, "totals_by_currency"), "map of integers")
}

func TestTrimmedNonEmpty(t *testing.T) {
	spec := filepath.Join(root, "spec", "contract.yaml")
	v := newValidator(t, spec)
	d := oracleOK(t, "test_build_tenant_status_request_is_public_safe")
	const file = "tenant_status.request.schema.json"
	for _, s := range []string{"", " ", "\t\n", "\u3000\u00a0", "\x1c\x1f", "\u2028"} {
		v.rejects(file, with(t, d, s, "tenant_id"), "blank tenant_id")
	}
	for _, s := range []string{"x", " tenant ", "\u200b"} {
		v.accepts(file, with(t, d, s, "tenant_id"), "tenant_id with a visible character")
	}
	v.rejects(file, with(t, d, nil, "tenant_id"), "not nullable")
	v.rejects(file, with(t, d, deleted, "tenant_id"), "required")
	v.rejects(file, with(t, d, deleted, "correlation_id"), "generated fields are still sent")
	v.accepts(file, with(t, d, deleted, "requested_by"), "default")
	v.rejects(file, with(t, d, "tenant_onboarding", "operation"), "operation is fixed")
	v.accepts(file, with(t, d, []string{}, "payload", "requested_capabilities"), "an empty list is allowed")
	v.rejects(file, with(t, d, "license", "payload", "requested_capabilities"), "wrong type")
	v.rejects(file, with(t, d, 1, "payload", "extra"), "unknown payload field")
}
