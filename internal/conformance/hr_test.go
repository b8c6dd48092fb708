package conformance

// hrCases: hr_events has no operations; its rules scan types on their own
// (forbidden.on: [types]) with paths under "event": the exact keys ssn and
// tax_id among dynamic keys, and US social security numbers in every
// string. Members an open type does not model are not scanned.
func hrCases(g *gen) {
	hired := g.typeBase(g.typ("Hired"))
	meta := path{"meta"}
	hired = set(hired, meta, vObj("source", "hris"))
	g.keyCase("Hired", hired, meta, -1, "Tax_ID", true, "an exact key, matched without case")
	g.keyCase("Hired", hired, meta, -1, "ssn_hash", false, "only the exact keys are forbidden")
	g.valueCase("Hired", hired, meta.with("source"), "id 123-45-6789", true, "a social security number in a free-form value")
	g.valueCase("Hired", hired, path{"person", "name"}, "123-45-6789", true, "a social security number in a typed string")
	g.valueCase("Hired", hired, path{"person", "name"}, "123-456-789", false, "not a social security number")
	left := g.typeBase(g.typ("Left"))
	g.add("Left", true, "open-member-not-scanned", "an open type skips, and does not scan, a member it does not model",
		set(left, path{"ssn"}, vStr("123-45-6789")))
}
