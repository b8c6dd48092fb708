package contracttest_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
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

// BenchmarkMarshalJSON calls MarshalJSON directly, without json.Marshal's
// re-scan of its output.
func BenchmarkMarshalJSON(b *testing.B) {
	m, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(auditResponse))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendJSON is the fast path users are told to call: into a
// reused buffer, nothing is allocated.
func BenchmarkAppendJSON(b *testing.B) {
	m, err := contract.DecodeTenantAuditStoreOperatingResponse([]byte(auditResponse))
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for b.Loop() {
		buf = m.AppendJSON(buf[:0])
	}
}

// plainAudit mirrors the response's shape with plain fields, so that
// encoding/json marshals it by reflection: the baseline of the goals.
type plainAudit struct {
	SchemaVersion                 string `json:"schema_version"`
	Operation                     string `json:"operation"`
	Status                        string `json:"status"`
	Message                       string `json:"message"`
	CorrelationID                 string `json:"correlation_id"`
	PrivateImplementationRequired bool   `json:"private_implementation_required"`
	Payload                       struct {
		Summary struct {
			TenantID                  string   `json:"tenant_id"`
			HealthStatus              string   `json:"health_status"`
			RetentionStatus           string   `json:"retention_status"`
			EvidenceFreshnessStatus   string   `json:"evidence_freshness_status"`
			ExportReadinessStatus     string   `json:"export_readiness_status"`
			LatestEvidenceAt          *string  `json:"latest_evidence_at"`
			RetentionProfile          string   `json:"retention_profile"`
			EvidenceWindow            string   `json:"evidence_window"`
			Blockers                  []string `json:"blockers"`
			PrivateValidationRequired bool     `json:"private_validation_required"`
			AuditStoreBoundary        string   `json:"audit_store_boundary"`
		} `json:"summary"`
		PrivateModulesRequired []string `json:"private_modules_required"`
		NextStep               string   `json:"next_step"`
	} `json:"payload"`
}

// BenchmarkEncodingJSONMarshalPlain marshals plainAudit by reflection.
func BenchmarkEncodingJSONMarshalPlain(b *testing.B) {
	var p plainAudit
	if err := json.Unmarshal([]byte(auditResponse), &p); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(&p); err != nil {
			b.Fatal(err)
		}
	}
}

// freeFormDoc is a 1 MiB free-form JSON document of ordinary text without
// forbidden material: nested objects and lists of words, numbers and
// booleans, the same for every run.
func freeFormDoc() []byte {
	words := []string{"through", "high", "night", "ghost", "skip", "task", "xylophone", "private", "key", "begin",
		"status", "tenant", "region", "report", "license", "signal", "the", "a", "of", "check", "owner", "sk", "gh"}
	var b []byte
	b = append(b, '{')
	seed := uint32(7)
	next := func() int { seed = seed*1664525 + 1013904223; return int(seed >> 8) }
	for i := 0; len(b) < 1<<20; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, fmt.Sprintf(`"field_%d":{"note":"`, i)...)
		for w := 0; w < 6; w++ {
			if w > 0 {
				b = append(b, ' ')
			}
			b = append(b, words[next()%len(words)]...)
		}
		b = append(b, fmt.Sprintf(`","count":%d,"ok":true,"tags":["%s","%s"]}`, next()%1000, words[next()%len(words)], words[next()%len(words)])...)
	}
	return append(b, '}')
}

// BenchmarkCheckForbidden scans the 1 MiB free-form document for forbidden
// keys and values; BenchmarkFreeFormUnmarshal is encoding/json reading the
// same bytes into any, for comparison.
func BenchmarkCheckForbidden(b *testing.B) {
	doc := freeFormDoc()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if err := contract.CheckForbidden("payload", doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckForbiddenLongString was the scan's worst case: one 500 KB
// string that holds a value rule's literal ("ghp_") but no offender, which
// ran the rule's whole regular expression over the string; now the pattern
// is matched only at its literal. BenchmarkCheckForbiddenLongPlain is the
// same string without the literal, BenchmarkCheckForbiddenManyLiterals one
// that holds 100,000 of them, and BenchmarkCheckForbiddenLiteralStrings
// 100,000 strings of 10, 32 or 256 bytes holding one each.
func BenchmarkCheckForbiddenLongString(b *testing.B) {
	benchmarkLongString(b, `{"note":"ghp_ `+strings.Repeat("lorem ", 83000)+`"}`)
}

func BenchmarkCheckForbiddenLongPlain(b *testing.B) {
	benchmarkLongString(b, `{"note":"note `+strings.Repeat("lorem ", 83000)+`"}`)
}

func BenchmarkCheckForbiddenManyLiterals(b *testing.B) {
	benchmarkLongString(b, `{"note":"`+strings.Repeat("ghp_ ", 100000)+`"}`)
}

func BenchmarkCheckForbiddenLiteralStrings(b *testing.B) {
	for _, n := range []int{10, 32, 256} {
		one := `"sk_test_ ` + strings.Repeat("w", n-10) + `"`
		doc := `{"notes":[` + one + strings.Repeat(","+one, 99999) + `]}`
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchmarkLongString(b, doc) })
	}
}

func benchmarkLongString(b *testing.B, doc string) {
	raw := []byte(doc)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if err := contract.CheckForbidden("payload", raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFreeFormUnmarshal(b *testing.B) {
	doc := freeFormDoc()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(doc, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// licenseWithReport is a license validation request whose free-form
// local_validation_report is the 1 MiB free-form document.
func licenseWithReport() []byte {
	return []byte(`{"schema_version":"cavra.saas_control_plane.request.v1","operation":"license_validation",` +
		`"tenant_id":"tenant-demo","correlation_id":"saas-00000000a001","payload":{"local_validation_report":` +
		string(freeFormDoc()) + `,"requested_checks":["signature"]}}`)
}

// BenchmarkDecodeLicenseReport decodes and validates that request: the
// report is checked as JSON, kept, and scanned for forbidden material.
// BenchmarkUnmarshalLicenseReport is encoding/json reading the same bytes
// into the same struct, for comparison.
func BenchmarkDecodeLicenseReport(b *testing.B) {
	data := licenseWithReport()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := contract.DecodeLicenseValidationRequest(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshalLicenseReport(b *testing.B) {
	data := licenseWithReport()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var m contract.LicenseValidationRequest
		if err := json.Unmarshal(data, &m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildSummary builds and validates a ten-member summary through
// its builder (its arguments copied by the runtime's rows).
func BenchmarkBuildSummary(b *testing.B) {
	at := "2026-05-01T10:00:00Z"
	args := contract.TenantAuditStoreOperatingSummaryArgs{
		TenantID: " tenant-demo ", HealthStatus: "ready", RetentionStatus: "ready",
		EvidenceFreshnessStatus: "ready", ExportStatus: "ready", LatestEvidenceAt: &at,
		SupportedExportFormats: []string{"jsonl"},
	}
	for b.Loop() {
		if _, err := contract.BuildTenantAuditStoreOperatingSummary(args); err != nil {
			b.Fatal(err)
		}
	}
}
