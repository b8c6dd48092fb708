package model

import "testing"

// TestDefaultMismatch: the default text reads as English, "an" before a
// name that starts with a vowel letter.
func TestDefaultMismatch(t *testing.T) {
	for op, want := range map[string]string{
		"evidence_export": "evidence_export response requires an evidence_export request",
		"op5":             "op5 response requires an op5 request",
		"tenant_status":   "tenant_status response requires a tenant_status request",
		"Upload":          "Upload response requires an Upload request",
		"2fa_reset":       "2fa_reset response requires a 2fa_reset request",
	} {
		if got := DefaultMismatch(op); got != want {
			t.Errorf("DefaultMismatch(%q) = %q, want %q", op, got, want)
		}
	}
}
