package conformance

import (
	"fmt"
	"strconv"

	"github.com/contractgen/contractgen/internal/value"
)

// The forbidden-material cases are written by hand, per spec, with their
// verdicts spelled out: which keys and values are forbidden, and where the
// rules apply (forbidden.on and applies_to), is the part of the contract
// most worth stating independently of the emitters.

// keyCase puts key into the object at p (a map or a free-form object) at
// position pos (0 first, -1 last).
// The new member takes the value of the object's first member, so that it
// fits a map of any value type.
func (g *gen) keyCase(schema string, base *value.Value, p path, pos int, key string, forbidden bool, why string) {
	v := vStr("x")
	if o := at(base, p); o != nil && len(o.Members) > 0 {
		v = o.Members[0].Value
	}
	name := "key-" + p.String() + "-" + key
	if pos >= 0 {
		name += fmt.Sprintf("-at-%d", pos)
	}
	g.add(schema, !forbidden, name, why+": "+quoteShort(key), insertAt(base, p, pos, key, v))
}

// valueCase replaces the string at p.
func (g *gen) valueCase(schema string, base *value.Value, p path, s string, forbidden bool, why string) {
	g.add(schema, !forbidden, "value-"+p.String()+"-"+why, why+": "+quoteShort(s), set(base, p, vStr(s)))
}

// quoteShort quotes a sample for the index, ASCII only, cut when long.
func quoteShort(s string) string {
	r := []rune(s)
	if len(r) > 48 {
		return strconv.QuoteToASCII(string(r[:48])) + "..."
	}
	return strconv.QuoteToASCII(s)
}

type keySample struct {
	key       string
	forbidden bool
	why       string
}

type valueSample struct {
	s         string
	forbidden bool
	why       string
}

const (
	tok20 = "0123456789abcdefghij" // 20 characters of [A-Za-z0-9_]
	tok19 = "0123456789abcdefghi"
	tok16 = "0123456789abcdef"
	tok15 = "0123456789abcde"
	tok24 = "0123456789abcdefABCDEFGH"
	tok23 = "0123456789abcdefABCDEFG"
)

// ---------------------------------------------------------------------------
// spec/contract.yaml: keys (parts) and values on requests and responses,
// applies_to message everywhere.

var contractKeys = []keySample{
	{"Secretary", true, "contains secret, any case"},
	{"tokens", true, "contains token"},
	{"X-Api_Key", true, "contains api_key once lower-cased"},
	{"to\u212aen", true, "the Kelvin sign U+212A lower-cases to k"},
	{"api_\u212aey", true, "the Kelvin sign in api_key"},
	{"PASSWORD", true, "upper case"},
	{"my_password_hint", true, "part in the middle"},
	{"Client_Secret", true, "mixed case"},
	{"AUTHORIZATION", true, "upper case"},
	{"webhook_secret_2", true, "contains webhook_secret"},
	{"signing_KEY", true, "contains signing_key"},
	{"private_key_id", true, "contains private_key"},
	{"x-TOKEN-y", true, "part between dashes"},
	{"Bearer Token", true, "part after a space"},
	{"apikey", false, "api_key needs its underscore"},
	{"pass_word", false, "password interrupted"},
	{"api-key", false, "a dash is not an underscore"},
	{"tok_en", false, "token interrupted"},
	{"secre", false, "a prefix of a part"},
	{"pass word", false, "password interrupted by a space"},
	{"authorisation", false, "British spelling is not the part"},
	{"signing-key", false, "a dash is not an underscore"},
	{"\u017fecret", false, "long s U+017F stays itself when lower-cased (Python's str.lower)"},
	{"pa\u017f\u017fword", false, "long s is no s"},
	{"pr\u0130vate_key", false, "U+0130 lower-cases to i plus U+0307, so private_key is not found"},
	{"s\u0131gning_key", false, "dotless i U+0131 is no i"},
	{"technical_owner", false, "a harmless contact role"},
}

var contractValues = []valueSample{
	{"ghp_" + tok20, true, "GitHub token of the minimum length"},
	{"ghp_" + tok20 + "KLMNOPQRSTUVWXYZ", true, "GitHub token, longer"},
	{"ghp_" + tok19, false, "GitHub token one character too short"},
	{"gho_" + tok20, true, "GitHub OAuth token"},
	{"ghu_" + tok20, true, "GitHub user-to-server token"},
	{"ghs_" + tok20, true, "GitHub server-to-server token"},
	{"ghr_" + tok20, true, "GitHub refresh token"},
	{"gha_" + tok20, false, "gha_ is not a GitHub token prefix"},
	{"GHP_" + tok20, false, "prefixes are case-sensitive"},
	{"xghp_" + tok20, false, "no word boundary before the prefix (ASCII letter)"},
	{"1ghp_" + tok20, false, "no word boundary before the prefix (digit)"},
	{"_ghp_" + tok20, false, "no word boundary before the prefix (underscore)"},
	{"token=(ghp_" + tok20 + ")", true, "token between punctuation"},
	{"ghp_" + tok20 + "-suffix", true, "a dash ends the token"},
	{"ghp-" + tok20, false, "dash instead of underscore"},
	{"\u00e9ghp_" + tok20, false, "word boundaries are Unicode-aware (Python's): no boundary after a non-ASCII letter"},
	{"ghp_" + tok20 + "\u4e2d", false, "no boundary before a CJK letter"},
	{"\u0661ghp_" + tok20, false, "no boundary after an Arabic-Indic digit (category Nd)"},
	{"ghp_" + tok20 + "\u00b2", false, "no boundary before a superscript two (category No)"},
	{"\u4e2d ghp_" + tok20 + "\u3002", true, "a space and an ideographic full stop are boundaries"},
	{"\u0378ghp_" + tok20, false, "an unassigned code point between two runs of letters counts as a letter"},
	{"\u0380ghp_" + tok20, true, "an unassigned code point next to a non-word character does not"},
	{"\U0001D400ghp_" + tok20, true, "letters beyond U+FFFF count as non-word characters: a boundary after a mathematical bold A"},
	{"\U0001F511ghp_" + tok20, true, "an emoji is a non-word character, as in Python"},
	{"ghp_" + tok20 + "\U00020000", true, "a boundary before a CJK Extension B ideograph"},
	{"see ghp_" + tok20 + " and more", true, "token inside text"},
	{"sk_live_" + tok16, true, "Stripe live key of the minimum length"},
	{"sk_live_" + tok15, false, "sk_live_ with 15 characters is one too short"},
	{"sk_test_" + tok16, true, "Stripe test key"},
	{"sk_prod_" + tok16, false, "neither live nor test"},
	{"rk_live_" + tok16, false, "this contract's pattern is sk_ only"},
	{"Sk_live_" + tok16, false, "prefixes are case-sensitive"},
	{"sk_live_" + tok16 + "!", true, "punctuation ends the key"},
	{"xoxb-" + tok16, true, "Slack bot token"},
	{"xoxb-" + tok15, false, "Slack token one character too short"},
	{"xoxa-" + tok16, true, "Slack app token"},
	{"xoxp-" + tok16, true, "Slack user token"},
	{"xoxr-" + tok16, true, "Slack refresh token"},
	{"xoxs-" + tok16, true, "Slack legacy token"},
	{"xoxc-" + tok16, false, "xoxc is not in the pattern"},
	{"xoxb-" + tok16 + "-", true, "16 characters then a dash"},
	{"xoxb-" + tok15 + "-", false, "15 characters and a dash: the dash cannot end a token before the end"},
	{"xoxb_" + tok16, false, "underscore instead of dash"},
	{"-----BEGIN PRIVATE KEY-----", true, "PEM private key header"},
	{"-----BEGIN RSA PRIVATE KEY-----", true, "PEM RSA private key header"},
	{"-----BEGIN EC PRIVATE KEY-----", true, "PEM EC private key header"},
	{"-----BEGIN OPENSSH PRIVATE KEY-----", true, "OpenSSH private key header"},
	{"-----BEGIN ENCRYPTED PRIVATE KEY-----", true, "encrypted PKCS#8 header"},
	{"-----BEGIN  PRIVATE KEY-----", true, "two spaces after BEGIN still match [A-Z ]*"},
	{"key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQ", true, "PEM header on a line of its own"},
	{"-----BEGIN PUBLIC KEY-----", false, "a public key header"},
	{"-----BEGIN rsa PRIVATE KEY-----", false, "lower-case words are not in [A-Z ]"},
	{"----BEGIN PRIVATE KEY-----", false, "four leading dashes"},
	{"-----BEGIN PRIVATE KEY----", false, "four trailing dashes"},
	{"-----BEGIN RSA2 PRIVATE KEY-----", false, "a digit is not in [A-Z ]"},
	{"-----BEGIN PRIVATE  KEY-----", false, "two spaces between PRIVATE and KEY"},
	{"-----begin private key-----", false, "lower case"},
	{"-----BEGIN_PRIVATE KEY-----", false, "underscore after BEGIN"},
}

const ghTok = "ghp_" + tok20

func contractCases(g *gen) {
	// Keys in a map, at every position.
	const onbS = "tenant_onboarding.request"
	contacts := path{"payload", "contacts"}
	onb := set(g.reqBase("tenant_onboarding"), contacts, vObj(
		"commercial_owner", "owner@example.invalid",
		"billing_owner", "billing@example.invalid",
		"security_owner", "security@example.invalid"))
	g.add(onbS, true, "contacts-three-roles", "three harmless contact roles", onb)
	for _, k := range contractKeys {
		g.keyCase(onbS, onb, contacts, -1, k.key, k.forbidden, "contact role "+k.why)
	}
	for _, pos := range []int{0, 1} {
		g.keyCase(onbS, onb, contacts, pos, "Secretary", true, "forbidden key first or in the middle of a map")
	}
	g.add(onbS, true, "value-payload.contacts-password-as-value", "a key part as a value is just text",
		set(onb, contacts.with("commercial_owner"), vStr("password")))
	g.add(onbS, true, "key-payload.contacts-token-shaped", "map keys are not tested against value patterns",
		insertAt(onb, contacts, -1, ghTok, vStr("x")))

	const lookS = "policy_registry_lookup.request"
	labels := path{"payload", "labels"}
	look := g.reqBase("policy_registry_lookup")
	g.keyCase(lookS, look, labels, 0, "Authorization", true, "label key contains authorization")
	g.keyCase(lookS, look, labels, -1, "channel_token", true, "label key contains token")
	g.keyCase(lookS, look, labels, -1, "region", false, "harmless label key")
	g.valueCase(lookS, look, labels.with("channel"), "xoxb-"+tok16, true, "label value is a Slack token")

	// Keys and values in a free-form value, at different depths.
	const licS = "license_validation.request"
	rp := path{"payload", "local_validation_report"}
	lic := g.reqBase("license_validation")
	for _, c := range []struct {
		name      string
		v         *value.Value
		forbidden bool
		why       string
	}{
		{"top-key", vObj("license_id", "community", "Private_Key", 1), true, "forbidden key at the top of the report"},
		{"depth-3", vObj("nested", vObj("deeper", vObj("TOKEN", nil))), true, "forbidden key three objects deep"},
		{"list-of-objects", vObj("checks", []any{vObj("ok", true), vObj("Signing_Key", nil)}), true, "forbidden key in the second object of a list"},
		{"list-root", vList(vList(vObj("x", vObj("y", vObj("z", vObj("client_SECRET", true)))))), true, "forbidden key under lists and objects"},
		{"depth-9", vObj("a", vObj("b", vObj("c", vObj("d", vObj("e", vObj("f", vObj("g", vObj("h", vObj("Password", 1))))))))), true, "forbidden key nine objects deep"},
		{"kelvin", vObj("meta", vObj("api_\u212aey", "x")), true, "Kelvin sign in a free-form key"},
		{"value-nested", vObj("items", []any{1, "two", vObj("note", "see "+ghTok)}), true, "GitHub token in a nested string"},
		{"value-root", vStr("sk_live_" + tok16), true, "the report itself is a Stripe key"},
		{"value-list", vList(vStr("xoxb-"+tok16), vInt(1)), true, "Slack token in a list"},
		{"value-pem", vObj("pem", "-----BEGIN EC PRIVATE KEY-----"), true, "PEM header in a free-form string"},
		{"harmless", vObj("apikey", []any{"pass_word", vNum("1.5"), nil, true}, "pass_word", vObj("api-key", "ok")), false, "allowed keys and plain values"},
		{"token-shaped-key", vObj(ghTok, 1), false, "keys are not tested against value patterns"},
		{"long-s", vObj("\u017fecret", vObj("pa\u017f\u017fword", 1)), false, "long s is no s"},
		{"near-miss-values", vObj("a", "ghp_"+tok19, "b", "sk_live_"+tok15, "c", "-----BEGIN PUBLIC KEY-----"), false, "near misses of every pattern"},
	} {
		g.add(licS, !c.forbidden, "report-"+c.name, c.why, set(lic, rp, c.v))
	}

	// Every value pattern, matched and nearly matched, in one typed string.
	orgName := path{"payload", "organization_name"}
	for _, v := range contractValues {
		g.valueCase(onbS, onb, orgName, v.s, v.forbidden, v.why)
	}
	// A token everywhere a string can stand: envelope, payload, lists, maps.
	for _, p := range []path{{"tenant_id"}, {"requested_by"}, {"correlation_id"}, {"payload", "region"},
		{"payload", "requirements", 1}, contacts.with("billing_owner")} {
		g.valueCase(onbS, onb, p, "Org "+ghTok, true, "forbidden values apply to the whole message")
	}
	g.valueCase("entitlement_status.request", g.reqBase("entitlement_status"), path{"payload", "feature_names", 0}, "xoxp-"+tok16, true, "token in a list of the payload")
	g.valueCase("evidence_export.request", g.reqBase("evidence_export"), path{"payload", "evidence_refs", 0}, "-----BEGIN RSA PRIVATE KEY-----", true, "PEM header in a list")
	g.valueCase("evidence_export.request", g.reqBase("evidence_export"), path{"payload", "retention_profile"}, "sk_test_"+tok16, true, "Stripe key in a payload string")

	// Responses are covered too.
	ent := g.respBase("entitlement_status")
	for _, p := range []path{{"correlation_id"}, {"payload", "summary", "subscription_plan"}, {"payload", "summary", "enabled_features", 0}} {
		g.valueCase("entitlement_status.response", ent, p, ghTok, true, "forbidden values apply to responses")
	}
	g.valueCase("entitlement_status.response", ent, path{"payload", "summary", "license_status"}, "ghp_"+tok19, false, "near miss in a response")
	g.valueCase("tenant_onboarding.response", g.respBase("tenant_onboarding"), path{"payload", "tenant_id"}, "xoxb-"+tok16, true, "token in a copied request member")
	g.valueCase("unavailable.response", g.respBase("tenant_status"), path{"payload", "tenant_id"}, ghTok, true, "token in the unavailable payload")
	g.valueCase("tenant_status.response", g.respBase("tenant_status"), path{"payload", "tenant_id"}, "-----BEGIN PRIVATE KEY-----", true, "PEM header in the unavailable payload")
	g.valueCase("unavailable.response", g.respBase("tenant_status"), path{"correlation_id"}, "saas-"+ghTok, true, "token in the response envelope")

	// forbidden.on lists types: a summary on its own is scanned as a
	// payload, as the reference's summaries are.
	g.valueCase("EntitlementStatusSummary", g.typeBase(g.typ("EntitlementStatusSummary")), path{"subscription_plan"}, ghTok, true,
		"forbidden values apply to types on their own (on: types)")
	g.valueCase("TenantAuditStoreOperatingSummary", g.typeBase(g.typ("TenantAuditStoreOperatingSummary")), path{"retention_profile"}, "sk_test_"+tok16, true,
		"forbidden values apply to types on their own (on: types)")
	g.valueCase("TenantAuditStoreOperatingSummary", g.typeBase(g.typ("TenantAuditStoreOperatingSummary")), path{"blockers", 0}, ghTok, true,
		"forbidden values apply to list items of types on their own")
}

// ---------------------------------------------------------------------------
// feature_flags: exact keys on the whole message (requests and responses),
// values only inside payloads.

var flagsKeys = []keySample{
	{"password", true, "exact key"},
	{"PASSWORD", true, "exact key, upper case"},
	{"Ssn", true, "exact key, mixed case"},
	{"Access_Token", true, "exact key, mixed case"},
	{"SESSION_COOKIE", true, "exact key, upper case"},
	{"session_coo\u212aie", true, "the Kelvin sign lower-cases to k"},
	{"ssn_last4", false, "exact keys are not parts"},
	{"my_password", false, "exact keys are not parts"},
	{"passwords", false, "exact keys are not prefixes"},
	{"access-token", false, "a dash is not an underscore"},
	{"\u017f\u017fn", false, "long s is no s"},
	{"ssn\n", false, "a trailing line feed makes another key"},
	{" ssn", false, "a leading space makes another key"},
	{"pass word", false, "interrupted"},
}

const (
	akia16 = "AKIAABCDEFGHIJKLMNOP"
	jwt    = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl"
)

var flagsValues = []valueSample{
	{akia16, true, "AWS access key id"},
	{"AKIAABCDEFGHIJKLMNO", false, "AWS key id one character short"},
	{"AKIAABCDEFGHIJKLMNOPQ", false, "AWS key id one character long: no boundary after 16"},
	{"akiaabcdefghijklmnop", false, "lower case"},
	{"xAKIAABCDEFGHIJKLMNOP", false, "no word boundary before AKIA"},
	{"key=" + akia16 + ";", true, "AWS key id between punctuation"},
	{"AKIAABCDEFGHIJKLMNO1", true, "digits count among the 16"},
	{jwt, true, "JSON Web Token"},
	{"Bearer " + jwt, true, "JWT after a scheme"},
	{"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.short77", false, "signature shorter than 8 characters"},
	{"eyJhbGci.eyJzdWIi.abcdefgh", false, "segments of 5 characters after eyJ are too short"},
	{"eyJhbGciOiJ.eyJzdWIiOiI.abcdefgh", true, "segments of exactly 8 characters after eyJ"},
	{"eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl", false, "second segment without eyJ"},
	{"xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl", false, "no word boundary before eyJ"},
}

func featureFlagsCases(g *gen) {
	const evalS = "evaluate_flag.request"
	eval := g.reqBase("evaluate_flag")
	ctx := path{"payload", "context"}
	for _, k := range flagsKeys {
		g.keyCase(evalS, eval, ctx, -1, k.key, k.forbidden, "context attribute "+k.why)
	}
	g.keyCase(evalS, eval, ctx, 0, "password", true, "forbidden key first in a map")
	g.keyCase(evalS, eval, ctx.with("user"), 1, "Password", true, "forbidden key inside a free-form map value")
	g.keyCase(evalS, eval, ctx.with("user"), 1, "password_hint", false, "not an exact key")
	g.add(evalS, false, "key-payload.context-deep-list", "forbidden key under lists in a map value",
		set(eval, ctx.with("user"), vObj("devices", []any{vObj("id", "d1"), vObj("meta", vObj("SSN", "x"))})))
	g.add(evalS, false, "key-payload.fallback-access_token", "forbidden key in the free-form fallback",
		set(eval, path{"payload", "fallback"}, vObj("access_token", 1)))
	g.add(evalS, true, "key-payload.fallback-harmless", "allowed keys in the free-form fallback",
		set(eval, path{"payload", "fallback"}, vObj("ssn_last4", 1, "token", 2)))

	// Values: every pattern, in the payload.
	for _, v := range flagsValues {
		g.valueCase(evalS, eval, ctx.with("country"), v.s, v.forbidden, v.why)
	}
	g.valueCase(evalS, eval, ctx.with("user", "id"), akia16, true, "AWS key id inside a nested free-form value")
	g.add(evalS, false, "value-payload.fallback", "JWT as the fallback value", set(eval, path{"payload", "fallback"}, vStr(jwt)))
	// Values outside the payload are not covered (applies_to: payload).
	g.valueCase(evalS, eval, path{"client_name"}, akia16, false, "the envelope is outside the payload scope")
	g.valueCase(evalS, eval, path{"trace_id"}, jwt, false, "the envelope is outside the payload scope")

	const upS = "upsert_flag.request"
	up := g.reqBase("upsert_flag")
	flag := path{"payload", "flag"}
	up = set(up, flag.with("owners"), vObj("engineering", "team@example.com"))
	up = set(up, flag.with("prerequisites"), vObj("checkout-api", strs("on")))
	up = set(up, flag.with("rules"), vList(vObj("attribute", "user.plan", "operator", "one_of", "values", vList(vStr("pro")), "serve_variant", "on")))
	up = set(up, flag.with("segments"), vList(strs("beta", "eu")))
	g.add(upS, true, "flag-with-maps-and-rules", "maps and rules filled with harmless values", up)
	g.keyCase(upS, up, flag.with("owners"), -1, "Session_Cookie", true, "forbidden key in a map<string> inside a type")
	g.keyCase(upS, up, flag.with("prerequisites"), 0, "SSN", true, "forbidden key in a map<list<string>>")
	g.keyCase(upS, up, flag.with("variants", 1), -1, "password", true, "an unknown member of a typed object is no dynamic key, but it is unknown")
	g.add(upS, false, "key-variant-value-password", "forbidden key in a variant's free-form value (a list of objects)",
		set(up, flag.with("variants", 1, "value"), vObj("config", vObj("password", "x"))))
	g.add(upS, false, "key-rule-values-ssn", "forbidden key in a rule's free-form values",
		set(up, flag.with("rules", 0, "values"), vList(vStr("pro"), vObj("ssn", 1))))
	g.add(upS, true, "key-variant-value-harmless", "allowed keys in a variant's value",
		set(up, flag.with("variants", 1, "value"), vObj("config", vObj("password_policy", "strict"))))
	for _, p := range []path{flag.with("description"), flag.with("owners", "engineering"), flag.with("segments", 0, 1),
		flag.with("rules", 0, "serve_variant"), flag.with("rules", 0, "values", 0), flag.with("variants", 0, "value")} {
		g.valueCase(upS, up, p, "rotate "+akia16, true, "forbidden values apply everywhere in the payload")
	}
	g.valueCase("list_flags.request", g.reqBase("list_flags"), path{"payload", "cursor"}, jwt, true, "JWT as a cursor")
	g.valueCase("delete_flag.request", g.reqBase("delete_flag"), path{"payload", "reason"}, "leaked key "+akia16, true, "AWS key id in a reason")
	g.valueCase("delete_flag.request", g.reqBase("delete_flag"), path{"payload", "reason"}, "leaked key AKIAABCDEFGHIJKLMNO", false, "near miss in a reason")

	// Responses: keys everywhere, values in the payload only.
	const evalR = "evaluate_flag.response"
	er := g.respBase("evaluate_flag")
	g.add(evalR, false, "key-payload.summary.value-password", "forbidden key in a response's free-form value",
		set(er, path{"payload", "summary", "value"}, vObj("nested", vObj("Password", "x"))))
	g.add(evalR, true, "key-payload.summary.value-harmless", "allowed keys in a response's free-form value",
		set(er, path{"payload", "summary", "value"}, vObj("nested", vObj("passwords", "x"))))
	g.valueCase(evalR, er, path{"payload", "summary", "variant"}, jwt, true, "JWT in a response payload")
	g.valueCase(evalR, er, path{"payload", "summary", "flag_key"}, akia16, true, "AWS key id in a response payload")
	g.valueCase(evalR, er, path{"payload", "summary", "value"}, "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl", false, "near miss in a response payload")
	g.valueCase(evalR, er, path{"trace_id"}, akia16, false, "the response envelope is outside the payload scope")
	g.valueCase("upsert_flag.response", g.respBase("upsert_flag"), path{"payload", "summary", "changed_fields", 0}, akia16, true, "AWS key id in a response list")
	g.valueCase("unavailable.response", g.respBase("delete_flag"), path{"payload", "trace_id"}, akia16, true, "a copied member inside the payload is covered")
	g.valueCase("delete_flag.response", g.respBase("delete_flag"), path{"trace_id"}, akia16, false, "the copied envelope member is not")

	// Types on their own carry no forbidden-material rules.
	g.add("Variant", true, "key-value-password", "types on their own carry no forbidden-material rules",
		set(g.typeBase(g.typ("Variant")), path{"value"}, vObj("password", akia16)))
	g.add("FlagDefinition", true, "key-owners-ssn", "types on their own carry no forbidden-material rules",
		set(g.typeBase(g.typ("FlagDefinition")), path{"owners"}, vObj("ssn", jwt)))
}

// ---------------------------------------------------------------------------
// payments_webhooks: on requests only; keys (parts and exact) inside the
// payload; values only inside free-form values and maps.

var paymentsKeys = []keySample{
	{"Card_Number", true, "contains card_number"},
	{"cvc2", true, "contains cvc"},
	{"MY_PASSWORD", true, "contains password"},
	{"client_secret", true, "contains secret"},
	{"Secretary", true, "contains secret"},
	{"PAN", true, "exact key pan"},
	{"Cvv", true, "exact key cvv"},
	{"IBAN", true, "exact key iban"},
	{"x_card_numbers", true, "contains card_number"},
	{"pan_hint", false, "pan is exact, not a part"},
	{"span", false, "pan is exact, not a part"},
	{"cardnumber", false, "card_number needs its underscore"},
	{"card-number", false, "a dash is not an underscore"},
	{"cv c", false, "interrupted"},
	{"pass_word", false, "interrupted"},
	{"iban\n", false, "a trailing line feed makes another key"},
	{"\u0130BAN", false, "U+0130 lower-cases to i plus U+0307: not iban"},
	{"\u017fecret", false, "long s is no s"},
	{"X-Api-Key", false, "not a part here"},
}

const visa16 = "4111111111111111"

var paymentsValues = []valueSample{
	{visa16, true, "16-digit Visa number"},
	{"4111111111111", true, "13-digit Visa number"},
	{"card " + visa16 + " exp 12/30", true, "Visa number in text"},
	{"sk_live_" + tok24, true, "live secret key of the minimum length"},
	{"rk_live_" + tok24, true, "live restricted key"},
	{"sk_live_" + tok24 + "XYZ", true, "live secret key, longer"},
	{"41111111111111", false, "14 digits: neither 13 nor 16"},
	{"411111111111111", false, "15 digits"},
	{"41111111111111111", false, "17 digits: no boundary after 16"},
	{"5111111111111111", false, "not a Visa number"},
	{"4111 1111 1111 1111", false, "spaced digits"},
	{"x" + visa16, false, "no word boundary before the number"},
	{visa16 + "x", false, "no word boundary after the number"},
	{"sk_live_" + tok23, false, "live key one character short"},
	{"sk_test_" + tok24, false, "test keys are not forbidden here"},
	{"pk_live_" + tok24, false, "publishable keys are not forbidden"},
	{"sk_live_" + tok23 + "_", false, "underscore is not in [A-Za-z0-9]"},
}

func paymentsCases(g *gen) {
	const regS = "register_endpoint.request"
	reg := g.reqBase("register_endpoint")
	labels := path{"payload", "labels"}
	for _, k := range paymentsKeys {
		g.keyCase(regS, reg, labels, -1, k.key, k.forbidden, "label key "+k.why)
	}
	g.keyCase(regS, reg, labels, 0, "cvv", true, "forbidden key first in a map")
	headers := path{"payload", "endpoint", "headers"}
	reg = set(reg, headers, vObj("X-Webhook-Version", "2"))
	g.keyCase(regS, reg, headers, -1, "X-Secret-Token", true, "header name contains secret (a map inside a type inside the payload)")
	g.keyCase(regS, reg, headers, 0, "X-Card_Number", true, "header name contains card_number")
	g.keyCase(regS, reg, headers, -1, "X-Api-Key", false, "harmless header name")
	meta := path{"payload", "metadata"}
	for _, c := range []struct {
		name      string
		v         *value.Value
		forbidden bool
		why       string
	}{
		{"nested-pan", vObj("billing", vObj("PAN", "x")), true, "exact key nested in free-form metadata"},
		{"list-cvv", vObj("cards", []any{vObj("last4", "1111"), vObj("cvv", 1)}), true, "exact key in a list of objects"},
		{"harmless", vObj("note", vObj("pass_word", 1, "span", 2)), false, "allowed keys"},
		{"visa-value", vObj("order", vObj("card", "card "+visa16)), true, "Visa number in free-form metadata"},
		{"visa-in-list", vList(vStr("a"), vList(vStr(visa16))), true, "Visa number in nested lists"},
		{"near-miss", vObj("ref", "41111111111111", "key", "sk_test_"+tok24), false, "near misses"},
	} {
		g.add(regS, !c.forbidden, "metadata-"+c.name, c.why, set(reg, meta, c.v))
	}
	for _, v := range paymentsValues {
		g.valueCase(regS, reg, labels.with("env"), v.s, v.forbidden, "label value: "+v.why)
	}
	g.valueCase(regS, reg, headers.with("X-Webhook-Version"), "sk_live_"+tok24, true, "live key as a header value (a map)")
	// Typed strings outside maps and free-form values are not covered.
	g.valueCase(regS, reg, path{"payload", "endpoint", "description"}, visa16, false, "a typed string outside maps is outside the free_form scope")
	g.valueCase(regS, reg, path{"idempotency_key"}, "sk_live_"+tok24, false, "the envelope is outside the free_form scope")

	const capS = "capture_payment.request"
	cp := g.reqBase("capture_payment")
	cmeta := path{"payload", "metadata"}
	g.keyCase(capS, cp, cmeta, -1, "password", true, "forbidden key in a map<json>")
	g.add(capS, false, "metadata-nested-iban", "exact key inside a map<json> value",
		set(cp, cmeta, vObj("x", vObj("IBAN", 1))))
	g.valueCase(capS, cp, cmeta.with("order"), "rk_live_"+tok24, true, "live key as a map<json> value")
	g.valueCase(capS, cp, path{"payload", "statement_descriptor"}, visa16, false, "a typed string is outside the free_form scope")

	const sendS = "send_test_event.request"
	send := g.reqBase("send_test_event")
	g.add(sendS, false, "sample-data-secret-key", "forbidden key in free-form sample data",
		set(send, path{"payload", "sample_data"}, vObj("Secret", 1)))
	g.valueCase(sendS, send, path{"payload", "sample_data", "reason"}, "sk_live_"+tok24, true, "live key in free-form sample data")

	g.valueCase("replay_deliveries.request", g.reqBase("replay_deliveries"), path{"payload", "delivery_ids", 0}, visa16, false, "a typed list is outside the free_form scope")

	// Responses are not covered (forbidden.on: requests).
	capR := g.respBase("capture_payment")
	g.keyCase("capture_payment.response", capR, path{"payload", "summary", "totals_by_currency"}, -1, "secret", false,
		"forbidden rules do not apply to responses")
	g.valueCase("send_test_event.response", g.respBase("send_test_event"), path{"payload", "idempotency_key"}, "sk_live_"+tok24, false,
		"forbidden rules do not apply to responses")

	// Types on their own carry no forbidden-material rules.
	g.add("WebhookEndpoint", true, "key-headers-secret", "types on their own carry no forbidden-material rules",
		set(g.typeBase(g.typ("WebhookEndpoint")), path{"headers"}, vObj("X-Secret", visa16)))
}
