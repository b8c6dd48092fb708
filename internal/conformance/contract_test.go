package conformance

import (
	"testing"

	scp "github.com/contractgen/contractgen/generated/go"
)

func wrap[T any](f func([]byte, ...scp.DecodeOption) (T, error)) func([]byte) error {
	return func(b []byte) error {
		_, err := f(b)
		return err
	}
}

// contractDecoders are the shipped package's decoders by schema file base.
// TestContractDecodersComplete keeps the table in step with the spec.
var contractDecoders = map[string]func([]byte) error{
	"EntitlementStatusSummary":          wrap(scp.DecodeEntitlementStatusSummary),
	"PolicyRegistryReadinessSummary":    wrap(scp.DecodePolicyRegistryReadinessSummary),
	"TenantAuditStoreOperatingSummary":  wrap(scp.DecodeTenantAuditStoreOperatingSummary),
	"CustomerOperatingDashboardSummary": wrap(scp.DecodeCustomerOperatingDashboardSummary),
	"SupportHandoffReadinessSummary":    wrap(scp.DecodeSupportHandoffReadinessSummary),
	"SaaSOperatingAutomationSummary":    wrap(scp.DecodeSaaSOperatingAutomationSummary),

	"entitlement_status.request":            wrap(scp.DecodeEntitlementStatusRequest),
	"entitlement_status.response":           wrap(scp.DecodeEntitlementStatusResponse),
	"tenant_onboarding.request":             wrap(scp.DecodeTenantOnboardingRequest),
	"tenant_onboarding.response":            wrap(scp.DecodeTenantOnboardingResponse),
	"tenant_status.request":                 wrap(scp.DecodeTenantStatusRequest),
	"tenant_status.response":                wrap(scp.DecodeTenantStatusResponse),
	"license_validation.request":            wrap(scp.DecodeLicenseValidationRequest),
	"license_validation.response":           wrap(scp.DecodeLicenseValidationResponse),
	"policy_registry_readiness.request":     wrap(scp.DecodePolicyRegistryReadinessRequest),
	"policy_registry_readiness.response":    wrap(scp.DecodePolicyRegistryReadinessResponse),
	"policy_registry_lookup.request":        wrap(scp.DecodePolicyRegistryLookupRequest),
	"policy_registry_lookup.response":       wrap(scp.DecodePolicyRegistryLookupResponse),
	"tenant_audit_store_operating.request":  wrap(scp.DecodeTenantAuditStoreOperatingRequest),
	"tenant_audit_store_operating.response": wrap(scp.DecodeTenantAuditStoreOperatingResponse),
	"customer_operating_dashboard.request":  wrap(scp.DecodeCustomerOperatingDashboardRequest),
	"customer_operating_dashboard.response": wrap(scp.DecodeCustomerOperatingDashboardResponse),
	"support_handoff_readiness.request":     wrap(scp.DecodeSupportHandoffReadinessRequest),
	"support_handoff_readiness.response":    wrap(scp.DecodeSupportHandoffReadinessResponse),
	"saas_operating_automation.request":     wrap(scp.DecodeSaaSOperatingAutomationRequest),
	"saas_operating_automation.response":    wrap(scp.DecodeSaaSOperatingAutomationResponse),
	"evidence_export.request":               wrap(scp.DecodeEvidenceExportRequest),
	"evidence_export.response":              wrap(scp.DecodeEvidenceExportResponse),
	"unavailable.response":                  wrap(scp.DecodeUnavailableResponse),
}

// contractJudge decodes documents with the shipped package, generated/go.
func contractJudge(t *testing.T, docs []corpusDoc) verdicts {
	t.Helper()
	out := verdicts{}
	for _, d := range docs {
		dec, ok := contractDecoders[d.schema]
		if !ok {
			t.Errorf("%s: no decoder in contractDecoders for %s", d.rel, d.schema)
			continue
		}
		if err := dec(d.data); err != nil {
			out[d.rel] = err.Error()
			if out[d.rel] == "" {
				out[d.rel] = "rejected without a message"
			}
		} else {
			out[d.rel] = ""
		}
	}
	return out
}

// TestContractDecodersComplete: the table names exactly the schemas of the
// shipped spec that have a decoder.
func TestContractDecodersComplete(t *testing.T) {
	c := loadContract(t, specList(t)[0].path)
	want := map[string]bool{}
	for _, s := range decodedSchemas(c) {
		want[s] = true
		if _, ok := contractDecoders[s]; !ok {
			t.Errorf("contractDecoders lacks %s", s)
		}
	}
	for s := range contractDecoders {
		if !want[s] {
			t.Errorf("contractDecoders names %s, which the spec no longer has", s)
		}
	}
}
