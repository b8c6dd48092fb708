package conformance

import "github.com/contractgen/contractgen/internal/value"

// configCases: config_service fixes a list of Rule objects with a const
// that leaves out each Rule's tags, whose default is []. The decoder
// fills absent members before it compares, so the const stands for its
// completed value: tags may be absent or [], nothing else; numbers
// compare by value; the list holds exactly the const's items.
func configCases(g *gen) {
	req := g.reqBase("put")
	fixed := path{"p", "fixed"}
	rule := func(members ...any) *value.Value { return vObj(members...) }
	num := func(text string) *value.Value { return &value.Value{Kind: value.Number, Num: text} }
	for _, c := range []struct {
		name  string
		valid bool
		v     *value.Value
		why   string
	}{
		{"as-written", true, vList(rule("name", "z", "weight", 0)), "the const as the spec writes it"},
		{"completed", true, vList(rule("name", "z", "weight", 0, "tags", vList())), "the const with its default member written out"},
		{"number-spelling", true, vList(rule("name", "z", "weight", num("0.0"))), "numbers compare by value"},
		{"other-tags", false, vList(rule("name", "z", "weight", 0, "tags", vList(vStr("x")))), "a member the const leaves to its default must hold the default"},
		{"twice", false, vList(rule("name", "z", "weight", 0), rule("name", "z", "weight", 0)), "the list holds exactly the const's items"},
		{"empty", false, vList(), "the list holds exactly the const's items"},
		{"extra-member", false, vList(rule("name", "z", "weight", 0, "extra", 1)), "a closed type has no other members"},
		{"other-weight", false, vList(rule("name", "z", "weight", 1)), "a member the const sets must hold its value"},
	} {
		g.add("put.request", c.valid, "const-fixed-"+c.name, c.why, set(req, fixed, c.v))
	}
	labels := path{"p", "labels"}
	g.add("put.request", true, "const-labels-reordered", "a map's entries may come in any order", set(req, labels, vObj("tier", "gold", "env", "prod")))
	g.add("put.request", false, "const-labels-extra", "a fixed map holds exactly its entries", set(req, labels, vObj("env", "prod", "tier", "gold", "x", "y")))
	g.add("put.request", false, "const-labels-changed", "a fixed map's values are fixed", set(req, labels, vObj("env", "dev", "tier", "gold")))
}
