package conformance

// labCases: the lab_results spec has two key rules and two value rules
// with their own scopes and directions: credentials and SSNs everywhere in
// payloads (requests, responses and types on their own), diagnoses in map
// keys of requests only, bearer credentials anywhere in a request (the
// envelope too) but not in responses.
func labCases(g *gen) {
	const bearer = "Bearer abcdefgh12345"
	const ssn = "123-45-6789"
	req := g.reqBase("submit_order")
	resp := g.respBase("submit_order")
	labels := path{"payload", "labels"}
	g.keyCase("submit_order.request", req, labels, -1, "api_key", true, "the first key rule covers map keys of a payload")
	g.keyCase("submit_order.request", req, labels, -1, "diagnosis_code", true, "the second key rule covers map keys of requests")
	g.keyCase("submit_order.request", req, labels, -1, "diag", false, "no rule forbids this key")
	g.valueCase("submit_order.request", req, path{"payload", "notes"}, bearer, true, "bearer rule in a request payload")
	g.valueCase("submit_order.request", req, path{"site_id"}, bearer, true, "bearer rule in the request envelope (message scope)")
	g.valueCase("submit_order.request", req, path{"site_id"}, ssn, false, "the ssn rule covers payloads only, not the envelope")
	g.valueCase("submit_order.request", req, path{"payload", "notes"}, ssn, true, "ssn rule in a request payload")
	g.valueCase("submit_order.request", req, path{"payload", "notes"}, "bearer of news", false, "too short for a bearer credential")
	g.valueCase("submit_order.response", resp, path{"payload", "site_id"}, bearer, false, "the bearer rule is on requests only")
	g.valueCase("submit_order.response", resp, path{"payload", "site_id"}, ssn, true, "the ssn rule is on responses too")
	patient := g.typeBase(g.typ("Patient"))
	g.valueCase("Patient", patient, path{"name"}, ssn, true, "the ssn rule is on types too")
	g.valueCase("Patient", patient, path{"name"}, bearer, false, "the bearer rule is not on types")
}
