package conformance

import (
	"testing"

	scp "github.com/contractgen/contractgen/generated/go"
)

// wrap judges with a decoder of the shipped package; what it accepts must
// pass checkAccepted too.
func wrap[T acceptedMessage](f func([]byte, ...scp.DecodeOption) (T, error)) func([]byte) error {
	dec := func(b []byte) (T, error) { return f(b) }
	return func(b []byte) error {
		m, err := dec(b)
		if err == nil {
			checkAccepted(dec, m, b)
		}
		return err
	}
}

// contractDecoders are the shipped package's decoders by schema file base.
// TestContractDecodersComplete keeps the table in step with the spec.
var contractDecoders = map[string]func([]byte) error{
	"entitlement-status-summary.type":           wrap(scp.DecodeEntitlementStatusSummary),
	"policy-registry-readiness-summary.type":    wrap(scp.DecodePolicyRegistryReadinessSummary),
	"tenant-audit-store-operating-summary.type": wrap(scp.DecodeTenantAuditStoreOperatingSummary),
	"customer-operating-dashboard-summary.type": wrap(scp.DecodeCustomerOperatingDashboardSummary),
	"support-handoff-readiness-summary.type":    wrap(scp.DecodeSupportHandoffReadinessSummary),
	"saas-operating-automation-summary.type":    wrap(scp.DecodeSaaSOperatingAutomationSummary),

	"entitlement-status.request":            wrap(scp.DecodeEntitlementStatusRequest),
	"entitlement-status.response":           wrap(scp.DecodeEntitlementStatusResponse),
	"tenant-onboarding.request":             wrap(scp.DecodeTenantOnboardingRequest),
	"tenant-onboarding.response":            wrap(scp.DecodeTenantOnboardingResponse),
	"tenant-status.request":                 wrap(scp.DecodeTenantStatusRequest),
	"tenant-status.response":                wrap(scp.DecodeTenantStatusResponse),
	"license-validation.request":            wrap(scp.DecodeLicenseValidationRequest),
	"license-validation.response":           wrap(scp.DecodeLicenseValidationResponse),
	"policy-registry-readiness.request":     wrap(scp.DecodePolicyRegistryReadinessRequest),
	"policy-registry-readiness.response":    wrap(scp.DecodePolicyRegistryReadinessResponse),
	"policy-registry-lookup.request":        wrap(scp.DecodePolicyRegistryLookupRequest),
	"policy-registry-lookup.response":       wrap(scp.DecodePolicyRegistryLookupResponse),
	"tenant-audit-store-operating.request":  wrap(scp.DecodeTenantAuditStoreOperatingRequest),
	"tenant-audit-store-operating.response": wrap(scp.DecodeTenantAuditStoreOperatingResponse),
	"customer-operating-dashboard.request":  wrap(scp.DecodeCustomerOperatingDashboardRequest),
	"customer-operating-dashboard.response": wrap(scp.DecodeCustomerOperatingDashboardResponse),
	"support-handoff-readiness.request":     wrap(scp.DecodeSupportHandoffReadinessRequest),
	"support-handoff-readiness.response":    wrap(scp.DecodeSupportHandoffReadinessResponse),
	"saas-operating-automation.request":     wrap(scp.DecodeSaaSOperatingAutomationRequest),
	"saas-operating-automation.response":    wrap(scp.DecodeSaaSOperatingAutomationResponse),
	"evidence-export.request":               wrap(scp.DecodeEvidenceExportRequest),
	"evidence-export.response":              wrap(scp.DecodeEvidenceExportResponse),
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
