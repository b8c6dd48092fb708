package contracttest_test

import (
	"encoding/json"
	"regexp"
	"testing"

	contract "github.com/contractgen/contractgen/generated/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reference's own public tests, as behaviour of the generated package.

func TestRequestDrawsCorrelationAndAppliesDefaults(t *testing.T) {
	req, err := contract.BuildTenantAuditStoreOperatingRequest(contract.TenantAuditStoreOperatingRequestArgs{TenantID: "  tenant-demo \u00a0"})
	require.NoError(t, err)
	assert.Equal(t, "tenant-demo", req.TenantID, "identifiers are trimmed")
	assert.Equal(t, "community", req.RequestedBy)
	assert.Regexp(t, regexp.MustCompile(`^saas-[0-9a-f]{12}$`), req.CorrelationID)
	assert.True(t, req.PrivateImplementationRequired)
	assert.Equal(t, contract.TenantAuditStoreOperatingChecksList(), req.Payload.RequiredChecks)
	assert.Equal(t, "tenant-default", req.Payload.RetentionProfile)
	other, err := contract.BuildTenantAuditStoreOperatingRequest(contract.TenantAuditStoreOperatingRequestArgs{TenantID: "t"})
	require.NoError(t, err)
	assert.NotEqual(t, req.CorrelationID, other.CorrelationID)
}

func TestDefaultCheckListsAreFreshCopies(t *testing.T) {
	a := contract.TenantAuditStoreOperatingChecksList()
	a[0] = "changed"
	assert.Equal(t, "store_health", contract.TenantAuditStoreOperatingChecksList()[0])
}

func TestEmptyIdentifierRejected(t *testing.T) {
	_, err := contract.BuildTenantAuditStoreOperatingRequest(contract.TenantAuditStoreOperatingRequestArgs{TenantID: " \t\u2003"})
	require.ErrorIs(t, err, contract.ErrEmpty)
	assert.Equal(t, "tenant_id must not be empty", firstMessage(t, err))
}

func TestSensitiveKeyRejectedAtAnyDepth(t *testing.T) {
	report := json.RawMessage(`{"license_id":"community","details":[{"nested":{"Client_Secret":"x"}}]}`)
	_, err := contract.BuildLicenseValidationRequest(contract.LicenseValidationRequestArgs{TenantID: "t", LocalValidationReport: report})
	require.ErrorIs(t, err, contract.ErrForbiddenKey)
	assert.Equal(t, "sensitive field is not allowed in public SaaS contract payload: payload.local_validation_report.details[0].nested.Client_Secret", firstMessage(t, err))
}

// TestFreeFormReportCheckedAsDecoded: a report given to the builder must
// be what a decoder would accept (docs/differences.md), so the request
// encodes as JSON that DecodeLicenseValidationRequest reads back.
func TestFreeFormReportCheckedAsDecoded(t *testing.T) {
	for report, want := range map[string]error{
		`{"license_id":"community","details":[{"a":1,"a":2}]}`: contract.ErrDuplicateKey,
		`{"license_id":"community",`:                           contract.ErrSyntax,
		`{"license_id":"community"} {}`:                        contract.ErrTrailingData,
	} {
		_, err := contract.BuildLicenseValidationRequest(contract.LicenseValidationRequestArgs{TenantID: "t", LocalValidationReport: json.RawMessage(report)})
		require.ErrorIs(t, err, want, report)
	}
	m, err := contract.BuildLicenseValidationRequest(contract.LicenseValidationRequestArgs{TenantID: "t", LocalValidationReport: json.RawMessage(`{"details":[{"a":1,"b":[{}]}]}`)})
	require.NoError(t, err)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	_, err = contract.DecodeLicenseValidationRequest(out)
	require.NoError(t, err)
}

func TestTokenInIdentifierRejected(t *testing.T) {
	_, err := contract.BuildTenantAuditStoreOperatingRequest(contract.TenantAuditStoreOperatingRequestArgs{TenantID: "sk_live_0123456789abcdefXYZ"})
	require.ErrorIs(t, err, contract.ErrForbiddenValue)
	assert.Equal(t, "sensitive value is not allowed in public SaaS contract payload: tenant_id", firstMessage(t, err))
}

func TestBuilderReturnsEveryViolation(t *testing.T) {
	empty := []string{}
	profile := "ghp_123456789012345678901234567890"
	_, err := contract.BuildTenantAuditStoreOperatingRequest(contract.TenantAuditStoreOperatingRequestArgs{
		TenantID: "", RetentionProfile: &profile, RequiredChecks: empty})
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	var paths []string
	for _, e := range es {
		paths = append(paths, e.Path)
	}
	assert.Equal(t, []string{"tenant_id", "payload.retention_profile", "payload.required_checks"}, paths)
}

func TestMismatchedRequestRejected(t *testing.T) {
	req, err := contract.BuildEvidenceExportRequest(contract.EvidenceExportRequestArgs{TenantID: "t", EvidenceRefs: []string{"e"}})
	require.NoError(t, err)
	_, err = contract.BuildSupportHandoffReadinessResponse(req, contract.SupportHandoffReadinessResponseArgs{})
	require.ErrorIs(t, err, contract.ErrMismatchedOperation)
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	assert.Equal(t, "support handoff readiness response requires a support_handoff_readiness request", es[0].Message)
	assert.Equal(t, "operation: support handoff readiness response requires a support_handoff_readiness request", err.Error())
	_, err = contract.BuildSupportHandoffReadinessResponse(nil, contract.SupportHandoffReadinessResponseArgs{})
	require.ErrorIs(t, err, contract.ErrMismatchedOperation)
}

func TestResponseCarriesHandoffAndCorrelation(t *testing.T) {
	req, err := contract.BuildCustomerOperatingDashboardRequest(contract.CustomerOperatingDashboardRequestArgs{TenantID: "t"})
	require.NoError(t, err)
	s, err := contract.BuildCustomerOperatingDashboardSummary(contract.CustomerOperatingDashboardSummaryArgs{
		TenantID: "t", DashboardStatus: "ready", BillingStatus: "ready", LicenseServiceStatus: "ready",
		SupportHandoffStatus: "ready", CustomerSuccessStatus: "ready", EscalationStatus: "ready", ReleaseCloseoutStatus: "unknown"})
	require.NoError(t, err)
	resp, err := contract.BuildCustomerOperatingDashboardResponse(req, contract.CustomerOperatingDashboardResponseArgs{Summary: *s})
	require.NoError(t, err)
	assert.Equal(t, req.CorrelationID, resp.CorrelationID)
	assert.Equal(t, contract.ResponseStatusRequiresPrivateService, resp.Status)
	assert.Contains(t, resp.Payload.PrivateModulesRequired, "release closeout")
	assert.Equal(t, "See docs/architecture/customer-operating-dashboard-support-handoff-contract.md", resp.Payload.NextStep)

	un, err := contract.BuildUnavailableResponse(req, contract.UnavailableResponseArgs{})
	require.NoError(t, err)
	assert.Equal(t, req.CorrelationID, un.CorrelationID)
	assert.Equal(t, "customer_operating_dashboard", un.Operation)
}

func TestInvalidStateAndNegativeCount(t *testing.T) {
	_, err := contract.BuildSaaSOperatingAutomationSummary(contract.SaaSOperatingAutomationSummaryArgs{TenantID: "t", AutomationStatus: "paused"})
	require.ErrorIs(t, err, contract.ErrNotInStateSet)
	assert.Equal(t, "automation_status must be one of: automated, blocked, enabled, ready, scheduled, unknown", firstMessage(t, err))
	n := int64(-1)
	_, err = contract.BuildPolicyRegistryReadinessSummary(contract.PolicyRegistryReadinessSummaryArgs{TenantID: "t", ReadinessStatus: "ready", CatalogStatus: "ready", PolicyPackCount: &n})
	require.ErrorIs(t, err, contract.ErrOutOfRange)
}

func TestStateSets(t *testing.T) {
	assert.True(t, contract.OperatingStateReady.Valid())
	assert.False(t, contract.OperatingState("healthy").Valid())
	assert.Equal(t, "ready", contract.OperatingStateReady.String())
	assert.Len(t, contract.ExportFormatValues(), 4)
}

func TestDescribeListsEveryOperation(t *testing.T) {
	ops := contract.Operations()
	require.Len(t, ops, 11)
	assert.Equal(t, "tenant_audit_store_operating", ops[6].Name)
	var doc struct {
		Operations []struct{ Name string } `json:"operations"`
	}
	require.NoError(t, json.Unmarshal(contract.DescribeContract(), &doc))
	assert.Len(t, doc.Operations, 11)
}

// TestSharedResponseDecoder: an operation answered by the shared unavailable
// response decodes it and checks the operation it answers.
// TestFailedRequestIsNoRequest: a request builder that fails returns a nil
// pointer with its error; handed on unchecked to a response builder (own
// or shared), it is refused like nil, not dereferenced.
func TestFailedRequestIsNoRequest(t *testing.T) {
	req, err := contract.BuildEntitlementStatusRequest(contract.EntitlementStatusRequestArgs{})
	require.Error(t, err)
	require.Nil(t, req)
	_, err = contract.BuildEntitlementStatusResponse(req, contract.EntitlementStatusResponseArgs{})
	require.ErrorIs(t, err, contract.ErrMismatchedOperation)
	_, err = contract.BuildUnavailableResponse(req, contract.UnavailableResponseArgs{})
	require.ErrorIs(t, err, contract.ErrMismatchedOperation)
}

func TestSharedResponseDecoder(t *testing.T) {
	req, err := contract.BuildEvidenceExportRequest(contract.EvidenceExportRequestArgs{TenantID: "t", EvidenceRefs: []string{"e"}})
	require.NoError(t, err)
	resp, err := contract.BuildUnavailableResponse(req, contract.UnavailableResponseArgs{})
	require.NoError(t, err)
	data, err := json.Marshal(resp)
	require.NoError(t, err)
	got, err := contract.DecodeEvidenceExportResponse(data)
	require.NoError(t, err)
	assert.Equal(t, req.CorrelationID, got.CorrelationID)
	_, err = contract.DecodeTenantStatusResponse(data)
	require.ErrorIs(t, err, contract.ErrMismatchedOperation)
}

// TestRequiredConstsMustBeSent: the spec marks the fixed payload texts
// (private modules, next step) required beside their const, so a response
// without them is refused while a boundary const without required may be
// left out.
func TestRequiredConstsMustBeSent(t *testing.T) {
	req, err := contract.BuildEvidenceExportRequest(contract.EvidenceExportRequestArgs{TenantID: "t", EvidenceRefs: []string{"e"}})
	require.NoError(t, err)
	resp, err := contract.BuildUnavailableResponse(req, contract.UnavailableResponseArgs{})
	require.NoError(t, err)
	assert.Equal(t, "See docs/architecture/saas-control-plane-contract.md", resp.Payload.NextStep)
	data, err := json.Marshal(resp)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	delete(doc["payload"].(map[string]any), "next_step")
	data, err = json.Marshal(doc)
	require.NoError(t, err)
	_, err = contract.DecodeUnavailableResponse(data)
	require.ErrorIs(t, err, contract.ErrRequired)
	assert.Contains(t, err.Error(), "payload.next_step")
}
