package conformance

import (
	"fmt"
	"testing"

	scp "github.com/contractgen/contractgen/generated/go"
)

// wrap judges with a decoder of the shipped package; what it accepts must
// also pass Validate, and its encoding must decode again to the same
// encoding (as the judge program of other specs checks; see judgeMain).
func wrap[T interface {
	Validate() error
	MarshalJSON() ([]byte, error)
}](f func([]byte, ...scp.DecodeOption) (T, error)) func([]byte) error {
	return func(b []byte) error {
		m, err := f(b)
		if err != nil {
			return err
		}
		if err := m.Validate(); err != nil {
			panic(fmt.Sprintf("decoded, but Validate says %v:\n%s", err, b))
		}
		enc, err := m.MarshalJSON()
		if err != nil {
			panic(fmt.Sprintf("decoded, but MarshalJSON says %v:\n%s", err, b))
		}
		again, err := f(enc)
		if err != nil {
			panic(fmt.Sprintf("its encoding %s is refused: %v; decoded from:\n%s", enc, err, b))
		}
		if enc2, _ := again.MarshalJSON(); string(enc2) != string(enc) {
			panic(fmt.Sprintf("its encoding changes: %s, then %s; decoded from:\n%s", enc, enc2, b))
		}
		return nil
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
