package contracttest_test

import (
	"encoding/json"
	"reflect"
	"testing"

	contract "github.com/contractgen/contractgen/generated/go"
	"github.com/stretchr/testify/require"
)

// setRequestCorrelation sets CorrelationID on any generated request.
func setRequestCorrelation(req contract.AnyRequest, id string) {
	reflect.ValueOf(req).Elem().FieldByName("CorrelationID").SetString(id)
}

func corr[R any](r *R, id string) { setRequestCorrelation(any(r).(contract.AnyRequest), id) }

// calls maps the reference's function names onto the generated API.
var calls map[string]callFn

func init() {
	calls = map[string]callFn{
		"build_entitlement_status_request":             request(contract.BuildEntitlementStatusRequest, corr[contract.EntitlementStatusRequest]),
		"build_tenant_onboarding_request":              request(contract.BuildTenantOnboardingRequest, corr[contract.TenantOnboardingRequest]),
		"build_tenant_status_request":                  request(contract.BuildTenantStatusRequest, corr[contract.TenantStatusRequest]),
		"build_license_validation_request":             licenseRequest,
		"build_policy_registry_readiness_request":      request(contract.BuildPolicyRegistryReadinessRequest, corr[contract.PolicyRegistryReadinessRequest]),
		"build_policy_registry_lookup_request":         request(contract.BuildPolicyRegistryLookupRequest, corr[contract.PolicyRegistryLookupRequest]),
		"build_tenant_audit_store_operating_request":   request(contract.BuildTenantAuditStoreOperatingRequest, corr[contract.TenantAuditStoreOperatingRequest]),
		"build_customer_operating_dashboard_request":   request(contract.BuildCustomerOperatingDashboardRequest, corr[contract.CustomerOperatingDashboardRequest]),
		"build_support_handoff_readiness_request":      request(contract.BuildSupportHandoffReadinessRequest, corr[contract.SupportHandoffReadinessRequest]),
		"build_saas_operating_automation_request":      request(contract.BuildSaaSOperatingAutomationRequest, corr[contract.SaaSOperatingAutomationRequest]),
		"build_evidence_export_request":                request(contract.BuildEvidenceExportRequest, corr[contract.EvidenceExportRequest]),
		"EntitlementStatusSummary.to_dict":             summary(contract.BuildEntitlementStatusSummary),
		"PolicyRegistryReadinessSummary.to_dict":       summary(contract.BuildPolicyRegistryReadinessSummary),
		"TenantAuditStoreOperatingSummary.to_dict":     summary(contract.BuildTenantAuditStoreOperatingSummary),
		"CustomerOperatingDashboardSummary.to_dict":    summary(contract.BuildCustomerOperatingDashboardSummary),
		"SupportHandoffReadinessSummary.to_dict":       summary(contract.BuildSupportHandoffReadinessSummary),
		"SaaSOperatingAutomationSummary.to_dict":       summary(contract.BuildSaaSOperatingAutomationSummary),
		"build_entitlement_status_response":            entitlementResponse,
		"build_policy_registry_readiness_response":     policyResponse,
		"build_tenant_audit_store_operating_response":  auditStoreResponse,
		"build_tenant_onboarding_unavailable_response": onboardingResponse,
		"build_unavailable_response":                   unavailableResponse,
		"describe_public_contract":                     describe,
		"validate_public_payload":                      validatePayload,
	}
}

// licenseRequest passes args.report as the free-form local validation report.
func licenseRequest(t *testing.T, raw json.RawMessage) (any, error) {
	var a struct {
		Report json.RawMessage `json:"report"`
	}
	require.NoError(t, json.Unmarshal(raw, &a))
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &m))
	m["local_validation_report"] = a.Report
	delete(m, "report")
	renamed, err := json.Marshal(m)
	require.NoError(t, err)
	return request(contract.BuildLicenseValidationRequest, corr[contract.LicenseValidationRequest])(t, renamed)
}

func entitlementResponse(t *testing.T, raw json.RawMessage) (any, error) {
	req := nested(t, raw)
	var fields contract.EntitlementStatusSummaryArgs
	status := summaryArgs(t, raw, &fields)
	s, err := contract.BuildEntitlementStatusSummary(fields)
	if err != nil {
		return nil, err
	}
	return contract.BuildEntitlementStatusResponse(req, contract.EntitlementStatusResponseArgs{Summary: *s, Status: status})
}

func policyResponse(t *testing.T, raw json.RawMessage) (any, error) {
	req := nested(t, raw)
	var fields contract.PolicyRegistryReadinessSummaryArgs
	status := summaryArgs(t, raw, &fields)
	s, err := contract.BuildPolicyRegistryReadinessSummary(fields)
	if err != nil {
		return nil, err
	}
	return contract.BuildPolicyRegistryReadinessResponse(req, contract.PolicyRegistryReadinessResponseArgs{Summary: *s, Status: status})
}

func auditStoreResponse(t *testing.T, raw json.RawMessage) (any, error) {
	req := nested(t, raw)
	var fields contract.TenantAuditStoreOperatingSummaryArgs
	status := summaryArgs(t, raw, &fields)
	s, err := contract.BuildTenantAuditStoreOperatingSummary(fields)
	if err != nil {
		return nil, err
	}
	return contract.BuildTenantAuditStoreOperatingResponse(req, contract.TenantAuditStoreOperatingResponseArgs{Summary: *s, Status: status})
}

func onboardingResponse(t *testing.T, raw json.RawMessage) (any, error) {
	return contract.BuildTenantOnboardingResponse(nested(t, raw), contract.TenantOnboardingResponseArgs{})
}

func unavailableResponse(t *testing.T, raw json.RawMessage) (any, error) {
	return contract.BuildUnavailableResponse(nested(t, raw), contract.UnavailableResponseArgs{})
}

func describe(t *testing.T, _ json.RawMessage) (any, error) {
	return contract.DescribeContract(), nil
}

func validatePayload(t *testing.T, raw json.RawMessage) (any, error) {
	var a struct {
		Payload json.RawMessage `json:"payload"`
	}
	require.NoError(t, json.Unmarshal(raw, &a))
	if err := contract.CheckForbidden("payload", a.Payload); err != nil {
		return nil, err
	}
	return nil, nil
}
