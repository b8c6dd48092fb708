package conformance

// docTreeCases: doc_tree forbids keys holding token among the dynamic
// keys of every payload (the keys of maps; it has no json members), on
// requests, responses and types on their own, at any depth of its
// recursive unions.
func docTreeCases(g *gen) {
	bulk := set(g.reqBase("bulk"), path{"payload", "docs"}, vObj("a", g.typeBase(g.typ("Doc"))))
	g.keyCase("bulk.request", bulk, path{"payload", "docs"}, -1, "API_Token", true, "a map key holding token, any case")
	g.keyCase("bulk.request", bulk, path{"payload", "docs"}, 0, "tok-en", false, "token split is not token")
	section := vObj("kind", "section", "title", "T", "children", vList(), "attrs", vObj("x", vObj("y", vObj("kind", "text", "body", "b"))))
	put := set(g.reqBase("put_doc"), path{"payload", "doc", "root"}, section)
	g.keyCase("put_doc.request", put, path{"payload", "doc", "root", "attrs", "x"}, -1, "refresh_token", true, "a key of a map in a map in a union")
	deep := set(put, path{"payload", "doc", "root", "children"}, vList(section))
	g.keyCase("put_doc.request", deep, path{"payload", "doc", "root", "children", 0, "attrs"}, -1, "token", true, "a map key in a nested section")
	g.keyCase("Node", section, path{"attrs"}, -1, "tokens", true, "a type on its own is scanned: forbidden.on lists types")
	g.keyCase("Section", set(section, path{"kind"}, vStr("section")), path{"attrs", "x"}, -1, "id_token", true, "a variant type on its own is scanned too")
}
