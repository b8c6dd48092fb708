package conformance

// iotCases: iot_provisioning scans requests only (forbidden.on): keys
// holding "key" or equal to "pwd" among a payload's dynamic keys, strings
// holding "-----BEGIN" or "x9" anywhere in a request (its envelope too),
// and dotted IPv4 addresses inside free-form values and maps only.
func iotCases(g *gen) {
	req := g.reqBase("provision")
	labels := path{"data", "labels"}
	firmware := path{"data", "extra", "firmware"}
	g.keyCase("provision.request", req, labels, -1, "apikey", true, "a map key that holds a forbidden part")
	g.keyCase("provision.request", req, labels, 0, "pwd", true, "the exact key")
	g.keyCase("provision.request", req, labels, -1, "pwdx", false, "only the exact key pwd is forbidden")
	g.keyCase("provision.request", req, firmware, -1, "Key_id", true, "a free-form key, matched without case")
	g.valueCase("provision.request", req, labels.with("site"), "-----BEGIN", true, "a private key header in a map value")
	g.valueCase("provision.request", req, path{"trace"}, "t-x9", true, "the message scope reaches the envelope")
	g.valueCase("provision.request", req, firmware.with("channel"), "10.0.0.1", true, "an address in a free-form value")
	g.valueCase("provision.request", req, labels.with("site"), "10.0.0.1", true, "an address in a map value, which is free-form")
	g.valueCase("provision.request", req, path{"data", "endpoints", 0, "host"}, "10.0.0.1", false, "a typed string is not free-form")
	g.valueCase("provision.response", g.respBase("provision"), path{"data", "ota_channel"}, "x9", false, "responses are not scanned: forbidden.on lists requests")
}
