package conformance

// freightCases: freight_tracking forbids keys holding password or secret
// anywhere in a message (the envelope too), the key ssn (exactly, any
// case) inside free-form values and maps, and card numbers in every
// string of a payload; forbidden.on lists types, so a type decoded on its
// own is scanned as the payload it would be.
func freightCases(g *gen) {
	const card = "card 4111 1111 1111 1111"
	req := g.reqBase("quote")
	notes := path{"body", "route", "notes"}
	dims := path{"body", "route", "dims"}
	free := set(req, notes, vObj("a", "x"))
	free = set(free, dims, vObj("box", vObj("w", 10)))
	g.keyCase("quote.request", free, notes, -1, "client_secret", true, "a free-form key that holds a forbidden part")
	g.keyCase("quote.request", free, notes, 0, "Password", true, "a free-form key, matched without case")
	g.keyCase("quote.request", free, notes, -1, "SSN", true, "the exact key, matched without case")
	g.keyCase("quote.request", free, notes, -1, "ssn_last4", false, "only the exact key ssn is forbidden")
	g.keyCase("quote.request", free, dims, -1, "ssn", true, "a map key is free-form")
	g.keyCase("quote.request", free, dims.with("box"), -1, "secret_depth", true, "a key of a map in a map")
	g.valueCase("quote.request", req, path{"body", "reference"}, card, true, "a card number in a payload string")
	g.valueCase("quote.request", req, path{"body", "reference"}, "4111 1111 1111 111", false, "fifteen digits are no card number")
	g.valueCase("quote.request", req, path{"shipper_id"}, "4111111111111111", false, "card numbers are forbidden in the payload only")
	g.valueCase("quote.request", free, notes.with("a"), "4111-1111-1111-1111", true, "a card number in a free-form value")
	g.valueCase("throttled.response", g.sharedDoc(g.c.Responses[0], "track"), path{"body", "request_id"}, card, true, "a card number in a response payload")
	leg := set(g.typeBase(g.typ("RoadLeg")), path{"stops"}, vList(vStr("Lyon")))
	g.valueCase("RoadLeg", leg, path{"stops", 0}, "4111111111111111", true, "a type on its own is scanned: forbidden.on lists types")
}
