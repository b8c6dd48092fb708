package contracttest_test

import (
	"encoding/json"
	"testing"

	contract "github.com/contractgen/contractgen/generated/go"
)

// BenchmarkDecodeValidate decodes and validates the tenant audit-store
// response with the generated strict decoder.
func BenchmarkDecodeValidate(b *testing.B) {
	data := []byte(auditResponse)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := contract.DecodeTenantAuditStoreOperatingResponse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodingJSONUnmarshal is the baseline: encoding/json into the
// same struct, with no validation at all.
func BenchmarkEncodingJSONUnmarshal(b *testing.B) {
	data := []byte(auditResponse)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var m contract.TenantAuditStoreOperatingResponse
		if err := json.Unmarshal(data, &m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidate measures Validate alone on a valid response; it should
// not allocate.
func BenchmarkValidate(b *testing.B) {
	m, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(auditResponse))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := m.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshal encodes the response.
func BenchmarkMarshal(b *testing.B) {
	m, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(auditResponse))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(m); err != nil {
			b.Fatal(err)
		}
	}
}

func TestValidateDoesNotAllocate(t *testing.T) {
	m, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(auditResponse))
	if err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { _ = m.Validate() }); n != 0 {
		t.Fatalf("Validate allocated %.1f times per run on valid input", n)
	}
}
