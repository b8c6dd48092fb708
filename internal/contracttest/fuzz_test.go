package contracttest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	contract "github.com/contractgen/contractgen/generated/go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codec is one decoder of the package: run decodes a message and, when that
// succeeds, encodes it again; built decodes one, changes it as Go code
// could (see mutate) and checks what Validate accepts (see roundTrip).
type codec struct {
	run   func(data []byte) (out []byte, err error)
	built func(t *testing.T, data []byte, f *filler)
}

func codecOf[T any, P interface {
	*T
	json.Marshaler
	Validate() error
}](dec func([]byte, ...contract.DecodeOption) (P, error)) codec {
	return codec{
		run: func(data []byte) ([]byte, error) {
			m, err := dec(data)
			if err != nil {
				return nil, err
			}
			return m.MarshalJSON()
		},
		built: func(t *testing.T, data []byte, f *filler) {
			if m, err := dec(data); err == nil {
				roundTrip(t, m, dec, f)
			}
		},
	}
}

// codecs holds every exported decoder of the shipped package;
// TestCodecsComplete keeps it in step with generated/go/decode.go.
var codecs = map[string]codec{
	"DecodeEntitlementStatusSummary":                  codecOf(contract.DecodeEntitlementStatusSummary),
	"DecodePolicyRegistryReadinessSummary":            codecOf(contract.DecodePolicyRegistryReadinessSummary),
	"DecodeTenantAuditStoreOperatingSummary":          codecOf(contract.DecodeTenantAuditStoreOperatingSummary),
	"DecodeCustomerOperatingDashboardSummary":         codecOf(contract.DecodeCustomerOperatingDashboardSummary),
	"DecodeSupportHandoffReadinessSummary":            codecOf(contract.DecodeSupportHandoffReadinessSummary),
	"DecodeSaaSOperatingAutomationSummary":            codecOf(contract.DecodeSaaSOperatingAutomationSummary),
	"DecodeEntitlementStatusRequestPayload":           codecOf(contract.DecodeEntitlementStatusRequestPayload),
	"DecodeEntitlementStatusResponsePayload":          codecOf(contract.DecodeEntitlementStatusResponsePayload),
	"DecodeTenantOnboardingRequestPayload":            codecOf(contract.DecodeTenantOnboardingRequestPayload),
	"DecodeTenantOnboardingResponsePayload":           codecOf(contract.DecodeTenantOnboardingResponsePayload),
	"DecodeTenantStatusRequestPayload":                codecOf(contract.DecodeTenantStatusRequestPayload),
	"DecodeLicenseValidationRequestPayload":           codecOf(contract.DecodeLicenseValidationRequestPayload),
	"DecodePolicyRegistryReadinessRequestPayload":     codecOf(contract.DecodePolicyRegistryReadinessRequestPayload),
	"DecodePolicyRegistryReadinessResponsePayload":    codecOf(contract.DecodePolicyRegistryReadinessResponsePayload),
	"DecodePolicyRegistryLookupRequestPayload":        codecOf(contract.DecodePolicyRegistryLookupRequestPayload),
	"DecodeTenantAuditStoreOperatingRequestPayload":   codecOf(contract.DecodeTenantAuditStoreOperatingRequestPayload),
	"DecodeTenantAuditStoreOperatingResponsePayload":  codecOf(contract.DecodeTenantAuditStoreOperatingResponsePayload),
	"DecodeCustomerOperatingDashboardRequestPayload":  codecOf(contract.DecodeCustomerOperatingDashboardRequestPayload),
	"DecodeCustomerOperatingDashboardResponsePayload": codecOf(contract.DecodeCustomerOperatingDashboardResponsePayload),
	"DecodeSupportHandoffReadinessRequestPayload":     codecOf(contract.DecodeSupportHandoffReadinessRequestPayload),
	"DecodeSupportHandoffReadinessResponsePayload":    codecOf(contract.DecodeSupportHandoffReadinessResponsePayload),
	"DecodeSaaSOperatingAutomationRequestPayload":     codecOf(contract.DecodeSaaSOperatingAutomationRequestPayload),
	"DecodeSaaSOperatingAutomationResponsePayload":    codecOf(contract.DecodeSaaSOperatingAutomationResponsePayload),
	"DecodeEvidenceExportRequestPayload":              codecOf(contract.DecodeEvidenceExportRequestPayload),
	"DecodeUnavailablePayload":                        codecOf(contract.DecodeUnavailablePayload),
	"DecodeEntitlementStatusRequest":                  codecOf(contract.DecodeEntitlementStatusRequest),
	"DecodeEntitlementStatusResponse":                 codecOf(contract.DecodeEntitlementStatusResponse),
	"DecodeTenantOnboardingRequest":                   codecOf(contract.DecodeTenantOnboardingRequest),
	"DecodeTenantOnboardingResponse":                  codecOf(contract.DecodeTenantOnboardingResponse),
	"DecodeTenantStatusRequest":                       codecOf(contract.DecodeTenantStatusRequest),
	"DecodeLicenseValidationRequest":                  codecOf(contract.DecodeLicenseValidationRequest),
	"DecodePolicyRegistryReadinessRequest":            codecOf(contract.DecodePolicyRegistryReadinessRequest),
	"DecodePolicyRegistryReadinessResponse":           codecOf(contract.DecodePolicyRegistryReadinessResponse),
	"DecodePolicyRegistryLookupRequest":               codecOf(contract.DecodePolicyRegistryLookupRequest),
	"DecodeTenantAuditStoreOperatingRequest":          codecOf(contract.DecodeTenantAuditStoreOperatingRequest),
	"DecodeTenantAuditStoreOperatingResponse":         codecOf(contract.DecodeTenantAuditStoreOperatingResponse),
	"DecodeCustomerOperatingDashboardRequest":         codecOf(contract.DecodeCustomerOperatingDashboardRequest),
	"DecodeCustomerOperatingDashboardResponse":        codecOf(contract.DecodeCustomerOperatingDashboardResponse),
	"DecodeSupportHandoffReadinessRequest":            codecOf(contract.DecodeSupportHandoffReadinessRequest),
	"DecodeSupportHandoffReadinessResponse":           codecOf(contract.DecodeSupportHandoffReadinessResponse),
	"DecodeSaaSOperatingAutomationRequest":            codecOf(contract.DecodeSaaSOperatingAutomationRequest),
	"DecodeSaaSOperatingAutomationResponse":           codecOf(contract.DecodeSaaSOperatingAutomationResponse),
	"DecodeEvidenceExportRequest":                     codecOf(contract.DecodeEvidenceExportRequest),
	"DecodeUnavailableResponse":                       codecOf(contract.DecodeUnavailableResponse),
	"DecodeTenantStatusResponse":                      codecOf(contract.DecodeTenantStatusResponse),
	"DecodeLicenseValidationResponse":                 codecOf(contract.DecodeLicenseValidationResponse),
	"DecodePolicyRegistryLookupResponse":              codecOf(contract.DecodePolicyRegistryLookupResponse),
	"DecodeEvidenceExportResponse":                    codecOf(contract.DecodeEvidenceExportResponse),
}

func TestCodecsComplete(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../../generated/go/decode.go", nil, 0)
	require.NoError(t, err)
	var want []string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.IsExported() && strings.HasPrefix(fn.Name.Name, "Decode") {
			want = append(want, fn.Name.Name)
		}
	}
	var got []string
	for n := range codecs {
		got = append(got, n)
	}
	sort.Strings(want)
	sort.Strings(got)
	assert.Equal(t, want, got)
}

// surrogateEscape matches a \u escape of a UTF-16 surrogate.
var surrogateEscape = regexp.MustCompile(`\\u[dD][89a-fA-F][0-9a-fA-F]{2}`)

// FuzzDecoders runs the same bytes through every decoder of the shipped
// package. No input may panic; malformed JSON is always ErrSyntax and
// well-formed JSON never is; every error has a rule and prints as
// "<path>: <message>"; whatever a decoder accepts, it encodes to bytes it
// accepts again and encodes identically. Seeds: the conformance corpus.
func FuzzDecoders(f *testing.F) {
	f.Add([]byte(auditResponse))
	f.Add([]byte(`{"a":`))
	f.Add([]byte(`[1,2,{"x":"\ud83d\ude00"}]`))
	seeds, _ := filepath.Glob("../../testdata/conformance/contract/*/*/*.json")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	names := make([]string, 0, len(codecs))
	for n := range codecs {
		names = append(names, n)
	}
	slices.Sort(names)
	f.Fuzz(func(t *testing.T, data []byte) {
		wellFormed := json.Valid(data) && utf8.Valid(data) && !surrogateEscape.Match(data) && depth(data) <= 10000
		for _, name := range names {
			out, err := codecs[name].run(data)
			if err != nil {
				checkError(t, name, data, err, wellFormed)
				continue
			}
			again, err := codecs[name].run(out)
			if err != nil {
				t.Fatalf("%s accepted %q but not its own encoding %q: %v", name, data, out, err)
			}
			if !bytes.Equal(again, out) {
				t.Fatalf("%s: encoding is not stable: %q then %q", name, out, again)
			}
		}
	})
}

func checkError(t *testing.T, name string, data []byte, err error, wellFormed bool) {
	var es contract.Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("%s: error is not Errors: %T %v", name, err, err)
	}
	for _, e := range es {
		if e.Rule == "" {
			t.Fatalf("%s: error without a rule: %v", name, e)
		}
		if want := e.Message; e.Path != "" {
			want = e.Path + ": " + e.Message
			if e.Error() != want {
				t.Fatalf("%s: Error() = %q, want %q", name, e.Error(), want)
			}
		}
	}
	syntax := errors.Is(err, contract.ErrSyntax)
	if !json.Valid(data) && !syntax {
		t.Fatalf("%s: malformed JSON %q reported as %v, not ErrSyntax", name, data, err)
	}
	if wellFormed && syntax {
		t.Fatalf("%s: well-formed JSON %q reported as a syntax error: %v", name, data, err)
	}
}

// depth is the deepest nesting of objects and arrays in a JSON document.
func depth(data []byte) int {
	d, deepest, inString, escaped := 0, 0, false, false
	for _, c := range data {
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == '{' || c == '['):
			d++
			deepest = max(deepest, d)
		case !inString && (c == '}' || c == ']'):
			d--
		}
	}
	return deepest
}
