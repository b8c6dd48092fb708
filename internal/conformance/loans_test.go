package conformance

// loansCases: library_loans forbids the exact key pin and keys holding
// password among a message's dynamic keys (map keys; it has no free-form
// member), and Visa card numbers, staff e-mail addresses (a pattern that
// starts with a repeated class) and member numbers (one without a literal,
// which the generated scan runs whole) in every string of a message; its
// rules are
// on requests, responses and types on their own. Its items are a union whose
// discriminator values read as other YAML types ("1", "true") and whose
// in-transit variant is open: members it does not model are skipped, so the
// scan does not see them.
func loansCases(g *gen) {
	const pan = "4111111111111111"
	req := set(g.reqBase("lend_items"), path{"payload", "by_shelf"}, vObj("AB", vList()))
	req = set(req, path{"payload", "nested"}, vObj("outer", vList(vObj("inner", "x"))))
	g.keyCase("lend_items.request", req, path{"payload", "by_shelf"}, 0, "PIN", true, "a map key that is the exact key pin, any case, and matches the key pattern")
	g.keyCase("lend_items.request", req, path{"payload", "by_shelf"}, 0, "PW", false, "two capitals match the key pattern and are no forbidden key")
	g.keyCase("lend_items.request", req, path{"payload", "nested", "outer", 0}, -1, "old_Password", true, "a key holding password, inside a map inside a list inside a map")
	g.keyCase("lend_items.request", req, path{"payload", "nested", "outer", 0}, -1, "pins", false, "only the exact key pin is forbidden")
	g.keyCase("lend_items.request", req, path{"payload", "nested"}, -1, "password", true, "a key holding password as an outer map key")
	disc := set(req, path{"payload", "items", 0}, vObj("kind", "1", "tracks", vInt(0), "borrower_note", "x"))
	g.valueCase("lend_items.request", disc, path{"payload", "items", 0, "borrower_note"}, pan, true, "a card number in a union variant member")
	g.valueCase("lend_items.request", disc, path{"payload", "items", 0, "borrower_note"}, pan+"0", false, "seventeen digits are no card number")
	g.valueCase("lend_items.request", req, path{"payload", "nested", "outer", 0, "inner"}, "card "+pan, true, "a card number in a nested map value")
	g.valueCase("lend_items.request", req, path{"payload", "nested", "outer", 0, "inner"}, "ask jo.k@staff.example.org", true, "a staff address, which the scan matches whole")
	g.valueCase("lend_items.request", req, path{"payload", "nested", "outer", 0, "inner"}, "ask @staff.example.org", false, "no local part, no staff address")
	g.valueCase("lend_items.request", req, path{"payload", "nested", "outer", 0, "inner"}, "member 07XY123456.", true, "a member number")
	g.valueCase("lend_items.request", req, path{"payload", "nested", "outer", 0, "inner"}, "member 07XY12345", false, "five final digits are no member number")
	g.valueCase("lend_items.request", disc, path{"payload", "items", 0, "borrower_note"}, "4111 jo@staff.example.org", true, "a card number's literal but a staff address")
	parcel := vObj("kind", "in-transit", "weight_g", vNum("0.5"))
	open := set(req, path{"payload", "items", 0}, parcel)
	g.keyCase("lend_items.request", open, path{"payload", "items", 0}, -1, "pin", false, "an open variant skips members it does not model, unscanned")
	g.add("lend_items.request", true, "value-open-variant-unknown-member", "a card number in a member an open variant skips is not scanned: "+quoteShort(pan),
		insertAt(open, path{"payload", "items", 0}, -1, "carrier_ref", vStr(pan)))
	g.valueCase("Disc", vObj("kind", "true", "tracks", vInt(1), "borrower_note", "x"), path{"borrower_note"}, "card "+pan, true, "a type on its own is scanned: forbidden.on lists types")
}
