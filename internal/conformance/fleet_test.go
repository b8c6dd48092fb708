package conformance

// fleetCases: fleet_telemetry forbids keys holding password or api_key,
// and bearer credentials of 20 characters or more, in payloads: dynamic
// keys (map keys, free-form keys) and every string, at any depth, in
// requests and responses, and so in the types they carry; a type decoded
// on its own is not scanned (forbidden.on is left at its default).
func fleetCases(g *gen) {
	const bearer = "Bearer abcdefghij0123456789"
	req := g.reqBase("report_readings")
	resp := g.respBase("get_device")
	tags := path{"payload", "device", "tags"}
	raw := path{"payload", "raw"}
	g.keyCase("report_readings.request", req, tags, -1, "api_key", true, "a map key that is a forbidden part")
	g.keyCase("report_readings.request", req, tags, 0, "admin_password", true, "a map key that holds a forbidden part")
	g.keyCase("report_readings.request", req, tags, -1, "site_2", false, "no rule forbids this key")
	g.keyCase("report_readings.request", req, raw, -1, "Password", true, "a free-form key, matched without case")
	g.keyCase("report_readings.request", req, raw, -1, "passwd", false, "not the forbidden part")
	g.valueCase("report_readings.request", req, tags.with("site"), bearer, true, "bearer credential in a map value")
	g.valueCase("report_readings.request", req, raw.with("fw"), bearer, true, "bearer credential in a free-form value")
	g.valueCase("report_readings.request", req, raw.with("fw"), "Bearer short", false, "too short for a bearer credential")
	g.valueCase("get_device.response", resp, path{"payload", "device", "tags", "site"}, bearer, true, "bearer credential in a response payload")
	device := g.typeBase(g.typ("Device"))
	g.keyCase("Device", device, path{"tags"}, -1, "api_key", false, "a type on its own is not scanned: forbidden.on omits types")
}
