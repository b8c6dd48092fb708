package breaking

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/validate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The self-check: for every rule, a mutation of the shipped spec that
// should trigger it is reported under exactly that rule (among the rules of
// its category; EXAMPLE_CHANGED may accompany, as in the fixtures), at the
// lines where the changed element is written in each version.

// edit changes a spec's text; it fails the test when its anchor is gone.
type edit func(t *testing.T, s string) string

// rep replaces the first a with b.
func rep(a, b string) edit {
	return func(t *testing.T, s string) string {
		t.Helper()
		require.Contains(t, s, a, "anchor of an edit")
		return strings.Replace(s, a, b, 1)
	}
}

// repAll replaces every a with b.
func repAll(a, b string) edit {
	return func(t *testing.T, s string) string {
		t.Helper()
		require.Contains(t, s, a)
		return strings.ReplaceAll(s, a, b)
	}
}

// dropLines removes every line matching re.
func dropLines(re string) edit {
	rx := regexp.MustCompile(`(?m)^` + re + `\n`)
	return func(t *testing.T, s string) string {
		t.Helper()
		require.Regexp(t, rx, s)
		return rx.ReplaceAllString(s, "")
	}
}

// dropBlock removes the line header and every more indented line after it.
func dropBlock(header string) edit {
	return func(t *testing.T, s string) string {
		t.Helper()
		lines := strings.Split(s, "\n")
		indent := len(header) - len(strings.TrimLeft(header, " "))
		for i, l := range lines {
			if l != header {
				continue
			}
			j := i + 1
			for j < len(lines) && (strings.TrimSpace(lines[j]) == "" || len(lines[j])-len(strings.TrimLeft(lines[j], " ")) > indent) {
				j++
			}
			return strings.Join(append(lines[:i:i], lines[j:]...), "\n")
		}
		t.Fatalf("no line %q", header)
		return s
	}
}

func all(es ...edit) edit {
	return func(t *testing.T, s string) string {
		t.Helper()
		for _, e := range es {
			s = e(t, s)
		}
		return s
	}
}

// Anchors of the shipped spec.
const (
	entReq     = "    request:\n      feature_names:\n"
	entResp    = "      payload:\n        summary:\n          type: EntitlementStatusSummary\n"
	summaryDef = "    description: Subscription, license and feature entitlement summary of one tenant, as reported by the private billing and license services.\n    fields:\n"
	planDesc   = "        description: Name of the subscription plan, for example enterprise-trial.\n"
	orgDesc    = "        description: Legal or display name of the organization being onboarded; surrounding whitespace is trimmed.\n"
	envelopes  = "\nenvelopes:\n"
)

// addReq adds a member to the entitlement_status request, addResp to its
// response, addType a named type, addOnboarding a member to tenant_onboarding.
func addReq(member string) edit { return rep(entReq, "    request:\n"+member+"      feature_names:\n") }
func addResp(member string) edit {
	return rep(entResp, "      payload:\n"+member+"        summary:\n          type: EntitlementStatusSummary\n")
}
func addType(def string) edit { return rep(envelopes, "\n"+def+envelopes) }
func addOnboarding(member string) edit {
	return rep("    request:\n      organization_name:\n", "    request:\n"+member+"      organization_name:\n")
}

// unions adds a union used in requests (Payment), one used in responses
// (Billing) and a type used in requests only (Referral).
var unions = all(addType(`  CardPayment:
    description: Paid by card.
    fields:
      kind: {type: string, description: Kind.}
      method: {type: string, description: Method.}
      last4: {type: string, description: Last digits.}
  InvoicePayment:
    description: Paid by invoice.
    fields:
      kind: {type: string, description: Kind.}
      method: {type: string, description: Method.}
      po_number: {type: string, description: Purchase order.}
  Payment:
    description: How a tenant pays.
    discriminator: kind
    one_of:
      card: CardPayment
      invoice: InvoicePayment
      ach: InvoicePayment
  Billing:
    description: How a tenant is billed.
    discriminator: kind
    one_of:
      card: CardPayment
      invoice: InvoicePayment
  Referral:
    description: Who referred the tenant.
    open: true
    fields:
      partner: {type: string, description: Partner.}
`),
	addOnboarding("      payment: {type: Payment, description: How the tenant pays., optional: true}\n      referral: {type: Referral, description: Referral., optional: true}\n"),
	addResp("        billing: {type: Billing, description: Billing., optional: true}\n"))

var spare = addType("  Spare:\n    description: Not used yet.\n    fields:\n      note: {type: string, description: A note.}\n")

// forbiddenOn makes every forbidden rule apply to one direction only.
func forbiddenOn(on string) edit {
	return all(rep("forbidden:\n  on: [requests, responses, types]\n", "forbidden:\n  on: ["+on+"]\n"), dropLines(`  type_root: payload`))
}

type selfCase struct {
	rule     string
	old, new edit
	// at and oldAt are the lines (exact, after an optional chain of
	// earlier anchor lines) where the change is reported in the new and
	// the old spec; empty means the element is absent there.
	at, oldAt []string
}

func none(t *testing.T, s string) string { return s }

var selfCases = []selfCase{
	{"OPERATION_REMOVED", none, dropBlock("  tenant_status:"), nil, []string{"  tenant_status:"}},
	{"OPERATION_RENAMED", none, rep("  tenant_status:\n", "  tenant_state:\n"), []string{"  tenant_state:"}, []string{"  tenant_status:"}},
	{"OPERATION_ADDED", none, rep("  license_validation:\n", "  ping:\n    description: Checks the service.\n    request: {}\n    response: unavailable\n\n  license_validation:\n"), []string{"  ping:"}, nil},
	{"OPERATION_RESPONSE_CHANGED", none, rep("        public_client_boundary: status lookup contract only\n    response: unavailable\n", "        public_client_boundary: status lookup contract only\n    response:\n      message: Answered.\n"), []string{"  tenant_status:"}, []string{"  tenant_status:"}},
	{"ERROR_RESPONSE_ADDED", none, rep("\n  tenant_onboarding:\n", "    errors:\n      refused:\n        status: unavailable\n        message: Refused.\n        payload:\n          reason: {type: string, description: Why.}\n\n  tenant_onboarding:\n"), []string{"      refused:"}, []string{"  entitlement_status:"}},
	{"ERROR_RESPONSE_REMOVED", rep("\n  tenant_onboarding:\n", "    errors:\n      refused:\n        status: unavailable\n        message: Refused.\n        payload:\n          reason: {type: string, description: Why.}\n\n  tenant_onboarding:\n"), dropBlock("    errors:"), []string{"  entitlement_status:"}, []string{"      refused:"}},
	{"RESPONSE_STATUS_CHANGED", none, rep("    status: requires_private_service\n    payload:\n      tenant_id:\n", "    status: unavailable\n    payload:\n      tenant_id:\n"), []string{"responses:", "  unavailable:"}, []string{"responses:", "  unavailable:"}},
	{"RESPONSE_MESSAGE_CHANGED", none, rep("      message: Entitlement status requires private billing, subscription, and license-service validation.\n", "      message: Entitlement status is answered privately.\n"), []string{"  entitlement_status:"}, []string{"  entitlement_status:"}},
	{"REQUEST_FIELD_REMOVED", none, all(dropBlock("      feature_names:"), rep("      - feature_names: [sso, audit_export]\n        requested_checks:", "      - requested_checks:")), []string{"  entitlement_status:"}, []string{"      feature_names:"}},
	{"RESPONSE_FIELD_REMOVED", none, all(dropBlock("      subscription_plan:"), dropLines(` +subscription_plan: enterprise.*`)), []string{"  EntitlementStatusSummary:"}, []string{"      subscription_plan:"}},
	{"RESPONSE_OPTIONAL_FIELD_REMOVED", none, all(dropBlock("      enabled_features:"), dropLines(` +enabled_features: \[sso\]`)), []string{"  EntitlementStatusSummary:"}, []string{"      enabled_features:"}},
	{"FIELD_RENAMED", none, all(rep("      license_status:\n        type: string\n", "      licence_status:\n        type: string\n"), repAll("license_status: valid", "licence_status: valid")), []string{"      licence_status:"}, []string{"      license_status:"}},
	{"REQUEST_FIELD_ADDED_REQUIRED", none, all(addReq("      tier:\n        type: string\n        description: Plan tier.\n"), rep("      - feature_names: [sso, audit_export]\n", "      - feature_names: [sso, audit_export]\n        tier: gold\n")), []string{"      tier:"}, []string{"  entitlement_status:"}},
	{"REQUEST_FIELD_ADDED_OPTIONAL", none, addReq("      tier:\n        type: string\n        description: Plan tier.\n        default: basic\n"), []string{"      tier:"}, []string{"  entitlement_status:"}},
	{"RESPONSE_FIELD_ADDED", none, addResp("        note:\n          type: string\n          description: A note.\n          optional: true\n"), []string{"        note:"}, []string{"  entitlement_status:"}},
	{"RESPONSE_FIELD_ADDED_TO_OPEN_TYPE", rep(summaryDef, strings.Replace(summaryDef, "    fields:\n", "    open: true\n    fields:\n", 1)),
		rep("    open: true\n    fields:\n", "    open: true\n    fields:\n      region:\n        type: string\n        description: Region.\n        optional: true\n"), []string{"      region:"}, []string{"  EntitlementStatusSummary:"}},
	{"FIELD_TYPE_CHANGED", none, rep("      policy_pack_count:\n        type: integer\n", "      policy_pack_count:\n        type: number\n"), []string{"      policy_pack_count:"}, []string{"      policy_pack_count:"}},
	{"REQUEST_FIELD_MADE_REQUIRED", none, rep("        default: tenant-selected\n", ""), []string{"  tenant_onboarding:", "      region:"}, []string{"  tenant_onboarding:", "      region:"}},
	{"REQUEST_FIELD_MADE_OPTIONAL", none, rep(orgDesc, orgDesc+"        default: unnamed\n"), []string{"      organization_name:"}, []string{"      organization_name:"}},
	{"RESPONSE_FIELD_MADE_OPTIONAL", none, rep(planDesc, planDesc+"        default: none\n"), []string{"      subscription_plan:"}, []string{"      subscription_plan:"}},
	{"RESPONSE_FIELD_MADE_REQUIRED", rep(planDesc, planDesc+"        default: none\n"), rep(planDesc+"        default: none\n", planDesc), []string{"      subscription_plan:"}, []string{"      subscription_plan:"}},
	{"FIELD_DEFAULT_CHANGED", none, rep("        default: tenant-selected\n", "        default: tenant-chosen\n"), []string{"  tenant_onboarding:", "      region:"}, []string{"  tenant_onboarding:", "      region:"}},
	{"REQUEST_FIELD_NULLABLE_REMOVED", addReq("      tier:\n        type: string\n        description: Plan tier.\n        nullable: true\n"), rep("        nullable: true\n      feature_names:", "        default: basic\n      feature_names:"), []string{"      tier:"}, []string{"      tier:"}},
	{"REQUEST_FIELD_NULLABLE_ADDED", addReq("      tier:\n        type: string\n        description: Plan tier.\n        default: basic\n"), rep("        default: basic\n      feature_names:", "        nullable: true\n      feature_names:"), []string{"      tier:"}, []string{"      tier:"}},
	{"RESPONSE_FIELD_NULLABLE_ADDED", none, rep("        description: Status of the tenant's license as reported by the license service.\n", "        description: Status of the tenant's license as reported by the license service.\n        nullable: true\n        required: true\n"), []string{"      license_status:"}, []string{"      license_status:"}},
	{"RESPONSE_FIELD_NULLABLE_REMOVED", none, rep("or null when it does not expire or is unknown.\n        nullable: true\n", "or null when it does not expire or is unknown.\n        default: \"\"\n"), []string{"      expires_at:"}, []string{"      expires_at:"}},
	{"FIELD_CONST_CHANGED", none, repAll("billing and subscription verification are private service responsibilities", "billing stays private"), []string{"      billing_boundary:"}, []string{"      billing_boundary:"}},
	{"REQUEST_FIELD_CONST_ADDED", none, rep(orgDesc, orgDesc+"        const: Demo Organization\n"), []string{"      organization_name:"}, []string{"      organization_name:"}},
	{"RESPONSE_FIELD_CONST_REMOVED", none, rep("        const: billing and subscription verification are private service responsibilities\n", "        default: billing and subscription verification are private service responsibilities\n"), []string{"      billing_boundary:"}, []string{"      billing_boundary:"}},
	{"FIELD_SOURCE_CHANGED", none, rep("        source: request.correlation_id\n", "        source: request.tenant_id\n"), []string{"envelopes:", "  response:", "      correlation_id:"}, []string{"envelopes:", "  response:", "      correlation_id:"}},
	{"FIELD_TRIM_CHANGED", none, rep("        default: tenant-selected\n        trim: true\n", "        default: tenant-selected\n"), []string{"  tenant_onboarding:", "      region:"}, []string{"  tenant_onboarding:", "      region:"}},
	{"REQUEST_STATE_VALUE_REMOVED", none, dropLines(`      hybrid: .*`), []string{"  deployment_model:"}, []string{"      hybrid: Hosted control plane with customer-hosted data plane components."}},
	{"REQUEST_STATE_VALUE_ADDED", none, rep("      hybrid: Hosted", "      edge: Edge-hosted.\n      hybrid: Hosted"), []string{"      edge: Edge-hosted."}, []string{"  deployment_model:"}},
	{"RESPONSE_STATE_VALUE_ADDED", none, rep("      missing: No entitlement", "      paused: Paused.\n      missing: No entitlement"), []string{"      paused: Paused."}, []string{"  entitlement_state:"}},
	{"RESPONSE_STATE_VALUE_REMOVED", none, dropLines(`      missing: No entitlement exists for the tenant\.`), []string{"  entitlement_state:"}, []string{"      missing: No entitlement exists for the tenant."}},
	{"REQUEST_STRING_NARROWED_TO_ENUM", addReq("      channel:\n        type: string\n        description: Channel.\n        default: console\n"),
		all(rep("      channel:\n        type: string\n", "      channel:\n        type: channel_name\n"), rep("  export_format:\n", "  channel_name:\n    description: Channels.\n    values:\n      console: The console.\n      cli: The CLI.\n  export_format:\n")),
		[]string{"      channel:"}, []string{"      channel:"}},
	{"RESPONSE_ENUM_WIDENED_TO_STRING", none, rep("      entitlement_status:\n        type: entitlement_state\n", "      entitlement_status:\n        type: string\n"), []string{"  EntitlementStatusSummary:", "      entitlement_status:"}, []string{"  EntitlementStatusSummary:", "      entitlement_status:"}},
	{"REQUEST_BOUND_TIGHTENED", addReq("      max_results:\n        type: integer\n        description: Most results.\n        default: 10\n        maximum: 100\n"), rep("        maximum: 100\n", "        maximum: 50\n"), []string{"      max_results:"}, []string{"      max_results:"}},
	{"REQUEST_CONSTRAINT_RELAXED", addReq("      max_results:\n        type: integer\n        description: Most results.\n        default: 10\n        maximum: 100\n"), rep("        maximum: 100\n", "        maximum: 200\n"), []string{"      max_results:"}, []string{"      max_results:"}},
	{"RESPONSE_BOUND_LOOSENED", none, rep("        default: 0\n        minimum: 0\n", "        default: 0\n"), []string{"      policy_pack_count:"}, []string{"      policy_pack_count:"}},
	{"RESPONSE_CONSTRAINT_TIGHTENED", none, rep("        default: 0\n        minimum: 0\n", "        default: 0\n        minimum: 0\n        maximum: 1000\n"), []string{"      policy_pack_count:"}, []string{"      policy_pack_count:"}},
	{"REQUEST_LENGTH_TIGHTENED", none, rep(orgDesc, orgDesc+"        max_length: 200\n"), []string{"      organization_name:"}, []string{"      organization_name:"}},
	{"RESPONSE_LENGTH_LOOSENED", rep(planDesc, planDesc+"        max_length: 40\n"), rep("        max_length: 40\n", "        max_length: 80\n"), []string{"      subscription_plan:"}, []string{"      subscription_plan:"}},
	{"REQUEST_ITEMS_TIGHTENED", none, rep("        min_items: 1\n        messages:\n          min_items: requirements", "        min_items: 1\n        max_items: 10\n        messages:\n          min_items: requirements"), []string{"      requirements:"}, []string{"      requirements:"}},
	{"RESPONSE_ITEMS_LOOSENED", rep("        description: Features the tenant is entitled to use.\n", "        description: Features the tenant is entitled to use.\n        max_items: 5\n"), rep("        max_items: 5\n", "        max_items: 10\n"), []string{"      enabled_features:"}, []string{"      enabled_features:"}},
	{"REQUEST_PATTERN_ADDED", none, rep(orgDesc, orgDesc+"        pattern: '^[A-Za-z ]+$'\n"), []string{"      organization_name:"}, []string{"      organization_name:"}},
	{"RESPONSE_PATTERN_REMOVED", rep(planDesc, planDesc+"        pattern: '^[a-z-]+$'\n"), rep("        pattern: '^[a-z-]+$'\n", ""), []string{"      subscription_plan:"}, []string{"      subscription_plan:"}},
	{"PATTERN_CHANGED", rep(planDesc, planDesc+"        pattern: '^[a-z-]+$'\n"), rep("        pattern: '^[a-z-]+$'\n", "        pattern: '^[a-z0-9-]+$'\n"), []string{"      subscription_plan:"}, []string{"      subscription_plan:"}},
	{"REQUEST_FORMAT_ADDED", none, rep("        description: Tenant the request is made for; surrounding whitespace is trimmed.\n", "        description: Tenant the request is made for; surrounding whitespace is trimmed.\n        format: hostname\n"), []string{"envelopes:", "      tenant_id:"}, []string{"envelopes:", "      tenant_id:"}},
	{"RESPONSE_FORMAT_REMOVED", addResp("        issued_at: {type: string, description: When., format: date-time, optional: true}\n"), rep(", format: date-time, optional: true}", ", optional: true}"), []string{"        issued_at: {type: string, description: When., optional: true}"}, []string{"        issued_at: {type: string, description: When., format: date-time, optional: true}"}},
	{"FORMAT_CHANGED", addResp("        issued_on: {type: string, description: When., format: date, optional: true}\n"), rep("format: date, optional", "format: date-time, optional"), []string{"        issued_on: {type: string, description: When., format: date-time, optional: true}"}, []string{"        issued_on: {type: string, description: When., format: date, optional: true}"}},
	{"REQUEST_NON_EMPTY_ADDED", none, rep("        default: tenant-selected\n        trim: true\n", "        default: tenant-selected\n        trim: true\n        non_empty: true\n"), []string{"  tenant_onboarding:", "      region:"}, []string{"  tenant_onboarding:", "      region:"}},
	{"RESPONSE_NON_EMPTY_REMOVED", none, rep("        description: Tenant the summary describes.\n        trim: true\n        non_empty: true\n", "        description: Tenant the summary describes.\n        trim: true\n"), []string{"  EntitlementStatusSummary:", "      tenant_id:"}, []string{"  EntitlementStatusSummary:", "      tenant_id:"}},
	{"REQUEST_UNIQUE_ITEMS_ADDED", none, rep("empty asks about none in particular.\n        default: []\n", "empty asks about none in particular.\n        default: []\n        unique_items: true\n"), []string{"      feature_names:"}, []string{"      feature_names:"}},
	{"RESPONSE_UNIQUE_ITEMS_REMOVED", rep("        description: Features the tenant is entitled to use.\n", "        description: Features the tenant is entitled to use.\n        unique_items: true\n"), rep("        unique_items: true\n", ""), []string{"      enabled_features:"}, []string{"      enabled_features:"}},
	{"REQUEST_KEY_PATTERN_ADDED", none, rep("for example commercial_owner.\n        default: {}\n", "for example commercial_owner.\n        default: {}\n        key_pattern: '^[a-z_]+$'\n"), []string{"      contacts:"}, []string{"      contacts:"}},
	{"RESPONSE_KEY_PATTERN_REMOVED", addResp("        labels: {type: 'map<string>', description: Labels., optional: true, key_pattern: '^[a-z]+$'}\n"), rep(", key_pattern: '^[a-z]+$'}", "}"), []string{"        labels: {type: 'map<string>', description: Labels., optional: true}"}, []string{"        labels: {type: 'map<string>', description: Labels., optional: true, key_pattern: '^[a-z]+$'}"}},
	{"KEY_PATTERN_CHANGED", rep("for example commercial_owner.\n        default: {}\n", "for example commercial_owner.\n        default: {}\n        key_pattern: '^[a-z_]+$'\n"), rep("        key_pattern: '^[a-z_]+$'\n", "        key_pattern: '^[a-z0-9_]+$'\n"), []string{"      contacts:"}, []string{"      contacts:"}},
	{"REQUEST_UNION_VARIANT_REMOVED", unions, rep("      card: CardPayment\n      invoice: InvoicePayment\n      ach:", "      card: CardPayment\n      ach:"), []string{"  Payment:"}, []string{"  Payment:", "      invoice: InvoicePayment"}},
	{"REQUEST_UNION_VARIANT_ADDED", unions, rep("      ach: InvoicePayment\n", "      ach: InvoicePayment\n      wire: InvoicePayment\n"), []string{"      wire: InvoicePayment"}, []string{"  Payment:"}},
	{"RESPONSE_UNION_VARIANT_ADDED", unions, rep("  Billing:\n    description: How a tenant is billed.\n    discriminator: kind\n    one_of:\n", "  Billing:\n    description: How a tenant is billed.\n    discriminator: kind\n    one_of:\n      wire: InvoicePayment\n"), []string{"  Billing:", "      wire: InvoicePayment"}, []string{"  Billing:"}},
	{"RESPONSE_UNION_VARIANT_REMOVED", unions, rep("    one_of:\n      card: CardPayment\n      invoice: InvoicePayment\n  Referral:", "    one_of:\n      card: CardPayment\n  Referral:"), []string{"  Billing:"}, []string{"  Billing:", "      invoice: InvoicePayment"}},
	{"UNION_VARIANT_TYPE_CHANGED", unions, rep("      ach: InvoicePayment\n", "      ach: CardPayment\n"), []string{"      ach: CardPayment"}, []string{"      ach: InvoicePayment"}},
	{"UNION_DISCRIMINATOR_CHANGED", unions, rep("    description: How a tenant is billed.\n    discriminator: kind\n", "    description: How a tenant is billed.\n    discriminator: method\n"), []string{"  Billing:"}, []string{"  Billing:"}},
	{"GO_VARIANT_RENAMED", unions, rep("  initialisms: [SaaS]\n", "  initialisms: [SaaS, ACH]\n"), []string{"      ach: InvoicePayment"}, []string{"      ach: InvoicePayment"}},
	{"REQUEST_TYPE_CLOSED", unions, rep("    description: Who referred the tenant.\n    open: true\n", "    description: Who referred the tenant.\n"), []string{"  Referral:"}, []string{"  Referral:"}},
	{"RESPONSE_TYPE_OPENED", none, rep(summaryDef, strings.Replace(summaryDef, "    fields:\n", "    open: true\n    fields:\n", 1)), []string{"  EntitlementStatusSummary:"}, []string{"  EntitlementStatusSummary:"}},
	{"REQUEST_FORBIDDEN_WIDENED", forbiddenOn("requests"), rep("      - webhook_secret\n", "      - webhook_secret\n      - session_cookie\n"), []string{"      - session_cookie"}, nil},
	{"RESPONSE_FORBIDDEN_NARROWED", forbiddenOn("responses"), dropLines(`      - webhook_secret`), nil, []string{"      - webhook_secret"}},
	{"FORBIDDEN_RELAXED", forbiddenOn("requests"), dropLines(`      - webhook_secret`), nil, []string{"      - webhook_secret"}},
	{"FORBIDDEN_MESSAGE_CHANGED", none, rep(`    message: "sensitive field is not allowed in public SaaS contract payload: {path}"`, `    message: "sensitive field found: {path}"`), []string{"      - api_key"}, []string{"      - api_key"}},
	{"VERSION_CHANGED", none, repAll("cavra.saas_control_plane.request.v1", "cavra.saas_control_plane.request.v2"), []string{"versions:", "  request:"}, []string{"versions:", "  request:"}},
	{"SCHEMA_BASE_URI_CHANGED", none, rep("/saas-control-plane/v1/", "/saas-control-plane/v2/"), []string{"  schema_base_uri: https://schemas.cavra.example/saas-control-plane/v2/"}, []string{"  schema_base_uri: https://schemas.cavra.example/saas-control-plane/v1/"}},
	{"DESCRIPTION_CHANGED", none, rep("    description: Asks the private billing and license services for a tenant's subscription, license and feature entitlement.\n", "    description: Asks for a tenant's entitlement.\n"), []string{"  entitlement_status:"}, []string{"  entitlement_status:"}},
	{"EXAMPLE_CHANGED", none, rep("        subscription_plan: enterprise-trial\n", "        subscription_plan: enterprise-trial-2\n"), []string{"  EntitlementStatusSummary:"}, []string{"  EntitlementStatusSummary:"}},
	{"GO_FIELD_REMOVED", none, all(dropBlock("      enabled_features:"), dropLines(` +enabled_features: \[sso\]`)), []string{"  EntitlementStatusSummary:"}, []string{"      enabled_features:"}},
	{"GO_CONST_REMOVED", none, dropLines(`      missing: No entitlement exists for the tenant\.`), []string{"  entitlement_state:"}, []string{"      missing: No entitlement exists for the tenant."}},
	{"GO_VARIANT_REMOVED", unions, rep("    one_of:\n      card: CardPayment\n      invoice: InvoicePayment\n  Referral:", "    one_of:\n      card: CardPayment\n  Referral:"), []string{"  Billing:"}, []string{"  Billing:", "      invoice: InvoicePayment"}},
	{"GO_FUNC_REMOVED", rep("\nlists:\n", "\nlists:\n  spare_checks:\n    description: Spare checks.\n    values: [signature]\n"), dropBlock("  spare_checks:"), nil, []string{"  spare_checks:"}},
	{"GO_PACKAGE_CHANGED", none, rep("  package: saascontrolplane\n", "  package: controlplane\n"), []string{"  package: controlplane"}, []string{"  package: saascontrolplane"}},
	{"GO_TYPE_REMOVED", spare, dropBlock("  Spare:"), nil, []string{"  Spare:"}},
	{"GO_TYPE_RENAMED", spare, rep("  Spare:\n", "  SpareParts:\n"), []string{"  SpareParts:"}, []string{"  Spare:"}},
	{"GO_TYPE_ADDED", none, spare, []string{"  Spare:"}, nil},
	{"GO_FIELD_RENAMED", none, rep(planDesc, planDesc+"        go_name: Plan\n"), []string{"      subscription_plan:"}, []string{"      subscription_plan:"}},
	{"GO_FIELD_TYPE_CHANGED", none, rep(orgDesc, orgDesc+"        optional: true\n"), []string{"      organization_name:"}, []string{"      organization_name:"}},
	{"GO_CONST_RENAMED", none, rep("      trial: The tenant is on a time-limited trial.\n", "      trial: {description: The tenant is on a time-limited trial., go_name: Trialing}\n"), []string{"      trial: {description: The tenant is on a time-limited trial., go_name: Trialing}"}, []string{"      trial: The tenant is on a time-limited trial."}},
	{"GO_OPERATION_RENAMED", none, rep("  initialisms: [SaaS]\n", "  initialisms: [SaaS, LOOKUP]\n"), []string{"  policy_registry_lookup:"}, []string{"  policy_registry_lookup:"}},
}

// lineOf finds the line of the last anchor, each searched after the one before.
func lineOf(t *testing.T, src string, anchors []string) int {
	t.Helper()
	if len(anchors) == 0 {
		return 0
	}
	lines := strings.Split(src, "\n")
	i := 0
	for _, a := range anchors {
		for i < len(lines) && lines[i] != a {
			i++
		}
		require.Less(t, i, len(lines), "no line %q", a)
	}
	return i + 1
}

func modelOf(t *testing.T, name, src string) *model.Contract {
	t.Helper()
	s, err := load.Bytes(name, []byte(src))
	require.NoError(t, err, name)
	c, err := validate.Check(s)
	require.NoError(t, err, name)
	return c
}

func TestSelfCheckOnShippedSpec(t *testing.T) {
	data, err := os.ReadFile("../../spec/contract.yaml")
	require.NoError(t, err)
	base := string(data)
	covered := map[string]bool{}
	for _, tc := range selfCases {
		covered[tc.rule] = true
		t.Run(tc.rule, func(t *testing.T) {
			rule, ok := Lookup(tc.rule)
			require.True(t, ok)
			oldSrc := tc.old(t, base)
			newSrc := tc.new(t, oldSrc)
			changes := Compare(modelOf(t, "old.yaml", oldSrc), modelOf(t, "new.yaml", newSrc))
			var mine []Change
			for _, ch := range changes {
				if ch.Rule.Category != rule.Category || (ch.Rule.ID == "EXAMPLE_CHANGED" && tc.rule != "EXAMPLE_CHANGED") {
					continue
				}
				assert.Equal(t, tc.rule, ch.Rule.ID, "%s", ch.Msg)
				mine = append(mine, ch)
			}
			require.NotEmpty(t, mine, "the mutation is reported")
			assert.Equal(t, diag.Pos{Line: lineOf(t, newSrc, tc.at)}.Line, mine[0].New.Line, "line in the new spec: %s", mine[0].Msg)
			assert.Equal(t, lineOf(t, oldSrc, tc.oldAt), mine[0].Old.Line, "line in the old spec: %s", mine[0].Msg)
		})
	}
	for _, r := range Rules() {
		assert.True(t, covered[r.ID], "rule %s has no mutation of the shipped spec", r.ID)
	}
}

// TestDescriptionsOnlyAreInfo: rewording every description of the shipped
// spec reports nothing above info.
func TestDescriptionsOnlyAreInfo(t *testing.T) {
	data, err := os.ReadFile("../../spec/contract.yaml")
	require.NoError(t, err)
	reworded := regexp.MustCompile(`(?m)^(\s+description: )([A-Za-z].*)$`).ReplaceAllString(string(data), "${1}Reworded ${2}")
	changes := Compare(modelOf(t, "old.yaml", string(data)), modelOf(t, "new.yaml", reworded))
	require.NotEmpty(t, changes)
	for _, ch := range changes {
		assert.Equal(t, Info, ch.Rule.Severity, "%s %s", ch.Rule.ID, ch.Msg)
		assert.Equal(t, "DESCRIPTION_CHANGED", ch.Rule.ID)
	}
}
