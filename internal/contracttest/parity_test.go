package contracttest_test

import (
	"os"
	"strings"
	"testing"

	contract "github.com/contractgen/contractgen/generated/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ghToken is a GitHub token shape the contract forbids.
var ghToken = "ghp_" + strings.Repeat("a", 36)

// The reference scans a summary on its own as a payload:
// TenantAuditStoreOperatingSummary(..., blockers=("ghp_...",)).to_dict()
// raises "sensitive value is not allowed in public SaaS contract payload:
// payload.blockers[0]". So do the summary's builder, decoder and Validate
// (forbidden.on lists types, type_root is payload).
func TestSummaryOnItsOwnIsScannedAsAPayload(t *testing.T) {
	const want = "sensitive value is not allowed in public SaaS contract payload: payload.blockers[0]"
	_, err := contract.BuildTenantAuditStoreOperatingSummary(contract.TenantAuditStoreOperatingSummaryArgs{
		TenantID: "tenant-demo", HealthStatus: "ready", RetentionStatus: "ready", EvidenceFreshnessStatus: "ready",
		ExportStatus: "ready", Blockers: []string{ghToken}})
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 1)
	assert.Equal(t, want, es[0].Message)
	assert.Equal(t, "payload.blockers[0]", es[0].Path)
	assert.ErrorIs(t, err, contract.ErrForbiddenValue)

	doc := `{"tenant_id":"tenant-demo","health_status":"ready","retention_status":"degraded","evidence_freshness_status":"ready","export_status":"blocked","latest_evidence_at":null,"retention_profile":"standard-365","supported_export_formats":["json"],"blockers":["` + ghToken + `"],"private_validation_required":true,"audit_store_boundary":"tenant archive storage, retention enforcement, export connectors, and customer evidence remain private service responsibilities"}`
	_, err = contract.DecodeTenantAuditStoreOperatingSummary([]byte(doc))
	require.ErrorAs(t, err, &es)
	assert.Equal(t, want, es[0].Message)

	// Inside a response the summary sits at payload.summary, as before.
	doc = strings.Replace(auditResponse, `"blockers":["export connector approval pending"]`, `"blockers":["`+ghToken+`"]`, 1)
	_, err = contract.DecodeTenantAuditStoreOperatingResponse([]byte(doc))
	require.ErrorAs(t, err, &es)
	assert.Equal(t, "payload.summary.blockers[0]", es[0].Path)
}

// The reference's wording for an onboarding request without requirements.
func TestOnboardingRequirementsWording(t *testing.T) {
	_, err := contract.BuildTenantOnboardingRequest(contract.TenantOnboardingRequestArgs{
		TenantID: "tenant-demo", OrganizationName: "Demo", Requirements: []string{}})
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 1)
	assert.Equal(t, "requirements must include at least one onboarding requirement", es[0].Message)
}

// The reference accepts any string for the summaries' timestamp members,
// the empty string included; the shipped spec adds no date-time format.
func TestSummaryTimestampsAcceptAnyString(t *testing.T) {
	for _, ts := range []string{"", "not a date", "2026-06-02T00:00:00Z"} {
		_, err := contract.BuildTenantAuditStoreOperatingSummary(contract.TenantAuditStoreOperatingSummaryArgs{
			TenantID: "tenant-demo", HealthStatus: "ready", RetentionStatus: "ready", EvidenceFreshnessStatus: "ready",
			ExportStatus: "ready", LatestEvidenceAt: &ts})
		assert.NoError(t, err, "latest_evidence_at %q", ts)
		_, err = contract.BuildEntitlementStatusSummary(contract.EntitlementStatusSummaryArgs{
			TenantID: "tenant-demo", EntitlementStatus: "active", LicenseStatus: "active", ExpiresAt: &ts})
		assert.NoError(t, err, "expires_at %q", ts)
	}
}

// A response builder given another operation's request reports the
// mismatch first, as the reference does, whatever is wrong with the
// summary.
func TestResponseBuilderChecksTheOperationFirst(t *testing.T) {
	req, err := contract.BuildEvidenceExportRequest(contract.EvidenceExportRequestArgs{TenantID: "t", EvidenceRefs: []string{"e"}})
	require.NoError(t, err)
	_, err = contract.BuildTenantAuditStoreOperatingResponse(req, contract.TenantAuditStoreOperatingResponseArgs{
		Summary: contract.TenantAuditStoreOperatingSummary{HealthStatus: "nonsense", Blockers: []string{ghToken}}})
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 1, "only the mismatch: %v", err)
	assert.Equal(t, "tenant audit-store operating response requires a tenant_audit_store_operating request", es[0].Message)
	assert.ErrorIs(t, err, contract.ErrMismatchedOperation)
}

// Paths the generated code corrects, each documented in
// docs/differences.md: envelope identifiers are named where they are, and a
// summary inside a response is named under payload.summary.
func TestEnvelopeAndSummaryPathCorrections(t *testing.T) {
	_, err := contract.BuildTenantStatusRequest(contract.TenantStatusRequestArgs{TenantID: ghToken})
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	assert.Equal(t, "tenant_id", es[len(es)-1].Path)
	assert.Equal(t, "sensitive value is not allowed in public SaaS contract payload: tenant_id", es[len(es)-1].Message)

	doc, err := os.ReadFile("../../docs/differences.md")
	require.NoError(t, err)
	for _, p := range []string{"`payload.tenant_id`", "`tenant_id`", "`payload.blockers[0]`", "`payload.summary.blockers[0]`"} {
		assert.Contains(t, string(doc), p)
	}
}

// A correlation id is scanned for forbidden material too.
func TestCorrelationIDIsScanned(t *testing.T) {
	cid := "saas-" + ghToken
	_, err := contract.BuildTenantStatusRequest(contract.TenantStatusRequestArgs{TenantID: "tenant-demo", CorrelationID: &cid})
	require.ErrorIs(t, err, contract.ErrForbiddenValue)
	var es contract.Errors
	require.ErrorAs(t, err, &es)
	assert.Equal(t, "correlation_id", es[0].Path)
}
