package contracttest_test

import (
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
