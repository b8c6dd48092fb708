package conformance

// meteringCases: energy_metering forbids keys holding apikey or api-key
// and the exact key pin among the dynamic keys of a payload, and Visa card
// numbers in every string of a message, envelope included; its rules are
// on requests, responses and types on their own. Its members are
// camelCase, HAL and JSON-LD keys (@type, _links, x-source).
func meteringCases(g *gen) {
	const pan = "4111111111111111"
	req := set(g.reqBase("submitReadings"), path{"body", "extras"}, vObj("note", vObj("text", "hello")))
	extras := path{"body", "extras"}
	g.keyCase("submitReadings.request", req, extras.with("note"), -1, "apiKey", true, "a free-form key holding apikey, any case")
	g.keyCase("submitReadings.request", req, extras, 0, "X-Api-Key", true, "a map key holding api-key, any case")
	g.keyCase("submitReadings.request", req, extras.with("note"), -1, "api_key", false, "api_key holds neither apikey nor api-key")
	g.keyCase("submitReadings.request", req, extras.with("note"), -1, "PIN", true, "the exact key pin, any case")
	g.keyCase("submitReadings.request", req, extras.with("note"), -1, "pin_hint", false, "only the exact key pin is forbidden")
	g.valueCase("submitReadings.request", req, path{"headEnd"}, pan, true, "a card number in an envelope member: the rule scans the whole message")
	g.valueCase("submitReadings.request", req, path{"body", "meter", "serialNo"}, "card "+pan+".", true, "a card number within a payload string")
	g.valueCase("submitReadings.request", req, path{"body", "meter", "serialNo"}, pan+"2", false, "seventeen digits are no card number")
	g.valueCase("submitReadings.request", req, extras.with("note", "text"), pan, true, "a card number inside a free-form value")
	g.valueCase("submitReadings.response", g.respBase("submitReadings"), path{"requestId"}, pan, true, "a card number in a response envelope member")
	meter := g.typeBase(g.typ("Meter"))
	g.valueCase("Meter", meter, path{"serialNo"}, pan, true, "a type on its own is scanned: forbidden.on lists types")
	reading := g.typeBase(g.typ("Reading"))
	g.add("Reading", false, "value-reading-display-name", "a card number in a member whose key holds a space: "+quoteShort(pan),
		insertAt(reading, path{}, -1, "display name", vStr(pan)))
}
