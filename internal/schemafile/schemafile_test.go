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

// TestPortable: a file named from a Windows device name, in any case and
// whatever follows its first dot, gets '_' after that name; names that only
// start like one are left alone.
func TestPortable(t *testing.T) {
	for in, want := range map[string]string{
		"aux.request.schema.json": "aux_.request.schema.json",
		"Con.md":                  "Con_.md",
		"NUL":                     "NUL_",
		"lpt9.v2.md":              "lpt9_.v2.md",
		"com1.type.schema.json":   "com1_.type.schema.json",
		"com10.md":                "com10.md",
		"auxiliary.md":            "auxiliary.md",
		"aux-log.md":              "aux-log.md",
		"lpt0.md":                 "lpt0.md",
		"console.md":              "console.md",
	} {
		if got := Portable(in); got != want {
			t.Errorf("Portable(%q) = %q, want %q", in, got, want)
		}
	}
	n := New(&model.Contract{})
	op := &model.Operation{Name: "aux"}
	if got := n.Error(op, &model.Response{Name: "con"}); got != "aux_.con.error.schema.json" {
		t.Error(got)
	}
	if got := n.Type(&model.Type{Name: "Prn"}); got != "prn_.type.schema.json" {
		t.Error(got)
	}
}
