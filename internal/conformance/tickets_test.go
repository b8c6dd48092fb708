package conformance

// ticketCases: ticket_booking forbids the keys cvv and pan (exactly, any
// case) anywhere in a message, keys holding secret inside free-form values
// and maps, and live API keys in every string of a payload; the rules are
// on requests and responses only, and an open type's members it does not
// model are skipped, not scanned.
func ticketCases(g *gen) {
	const live = "sk_live_AbCdEf123456"
	hold := g.reqBase("hold-seats.v2")
	notes := path{"payload", "notes"}
	g.keyCase("hold-seats.v2.request", hold, notes.with("why"), -1, "PAN", true, "the exact key, matched without case, inside a free-form value")
	g.keyCase("hold-seats.v2.request", hold, notes.with("why"), -1, "pan_hint", false, "only the exact key pan is forbidden")
	g.keyCase("hold-seats.v2.request", hold, notes, 0, "cvv", true, "a map key, first")
	g.keyCase("hold-seats.v2.request", hold, notes.with("why"), 0, "client_secret", true, "a free-form key that holds secret")
	g.valueCase("hold-seats.v2.request", hold, notes.with("why", "free"), "key "+live, true, "a live key inside a free-form value")
	g.valueCase("hold-seats.v2.request", hold, path{"box_office"}, live, false, "live keys are forbidden in the payload only")
	g.valueCase("hold-seats.v2.request", hold, path{"payload", "seats", 0, "section"}, live, true, "a live key in a payload string")
	g.valueCase("hold-seats.v2.request", hold, path{"payload", "seats", 0, "section"}, "sk_live_short", false, "fewer than eight characters after the prefix")
	buy := g.reqBase("buy")
	companion := vObj("kind", "companion", "of", "T-000123", "cvv", 123)
	g.add("buy.request", true, "key-open-variant-unmodelled-cvv", "an open variant's members it does not model are skipped, not scanned",
		set(buy, path{"payload", "tickets", 0}, companion))
	g.add("buy.request", false, "key-open-variant-modelled-value", "a modelled member of an open variant is scanned: "+quoteShort(live),
		set(buy, path{"payload", "tickets", 0}, vObj("kind", "companion", "of", live)))
	resp := g.respBase("buy")
	g.valueCase("buy.response", set(resp, path{"payload", "receipt"}, vObj("n", "x")), path{"payload", "receipt", "n"}, live, true, "a live key in a response's free-form value")
	g.keyCase("buy.response", set(resp, path{"payload", "receipt"}, vObj("n", "x")), path{"payload", "receipt"}, -1, "Secret", true, "a response's free-form key that holds secret, any case")
	g.valueCase("seat.ref", g.typeBase(g.typ("seat.ref")), path{"section"}, live, false, "a type on its own is not scanned: forbidden.on lists no types")
}
