package schemafile

import (
	"testing"

	"github.com/contractgen/contractgen/internal/model"
)

func TestStem(t *testing.T) {
	n := New(&model.Contract{Initialisms: []string{"SaaS", "EHR"}})
	for in, want := range map[string]string{
		"tenant_status":                    "tenant-status",
		"TenantAuditStoreOperatingSummary": "tenant-audit-store-operating-summary",
		"SaaSOperatingAutomationSummary":   "saas-operating-automation-summary",
		"saas_operating_automation":        "saas-operating-automation",
		"EHRRecord":                        "ehr-record",
		"HTTPRequest":                      "http-request",
		"payment.v2-event":                 "payment-v2-event",
		"Money":                            "money",
	} {
		if got := n.Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
	// Without the initialism, SaaS splits where its case changes.
	if got := New(&model.Contract{}).Stem("SaaSPlan"); got != "saa-s-plan" {
		t.Errorf("Stem without initialisms = %q", got)
	}
}

func TestFileNames(t *testing.T) {
	n := New(&model.Contract{})
	op := &model.Operation{Name: "capture_payment"}
	if got := n.Request(op); got != "capture-payment.request.schema.json" {
		t.Error(got)
	}
	if got := n.Error(op, &model.Response{Name: "card_declined"}); got != "capture-payment.card-declined.error.schema.json" {
		t.Error(got)
	}
	if got := n.Type(&model.Type{Name: "PaymentSummary"}); got != "payment-summary.type.schema.json" {
		t.Error(got)
	}
	if got := Base(n.Shared(&model.Response{Name: "unavailable"})); got != "unavailable.response" {
		t.Error(got)
	}
}
