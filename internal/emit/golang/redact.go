package golang

import (
	"github.com/contractgen/contractgen/internal/model"
)

// Values of a type with sensitive members (at any depth) print redacted:
// the type implements fmt.Stringer, fmt.Formatter and slog.LogValuer, each
// writing the JSON encoding with every sensitive member replaced by the
// string "[REDACTED]". MarshalJSON is unchanged.

// redactedText is what a sensitive member prints as.
const redactedText = `"[REDACTED]"`

// redacts reports whether values of t must print redacted.
func (g *gen) redacts(t *model.TypeRef) bool {
	switch t.Kind {
	case model.KindObject:
		return g.redactsType(t.Object)
	case model.KindList, model.KindMap:
		return g.redacts(t.Elem)
	}
	return false
}

// redactsType reports whether t has a sensitive member or a member whose
// type redacts; a type met again while it is being decided counts as not
// redacting, which its first visit settles.
func (g *gen) redactsType(t *model.Type) bool {
	if g.redactMemo == nil {
		g.redactMemo = map[*model.Type]int{}
	}
	switch g.redactMemo[t] {
	case 1, 2:
		return false
	case 3:
		return true
	}
	g.redactMemo[t] = 1
	out := false
	for _, f := range t.Fields {
		if f.Sensitive || g.redacts(f.Type) {
			out = true
		}
	}
	if u := t.Union; u != nil {
		for _, v := range u.Variants {
			out = g.redactsType(v.Type) || out
		}
	}
	g.redactMemo[t] = 2
	if out {
		g.redactMemo[t] = 3
	}
	return out
}

// redactMethods writes appendRedacted and the printing methods of s.
func (g *gen) redactMethods(k *sink, w *gw, s *goStruct) {
	appendMethod(k, w, s.t.GoName, "appendRedacted", true)
	printMethods(k, w, s.t.GoName)
}

// printMethods writes String, Format and LogValue of a type with an
// appendRedacted method.
func printMethods(k *sink, w *gw, name string) {
	w.docLines(cmt("String returns the JSON encoding of the " + name + " with every sensitive member, at any depth, replaced by \"[REDACTED]\"."))
	w.open("func (m ", name, ") String() string")
	w.line("return string(m.appendRedacted(nil))")
	w.close()
	k.decl(w)
	w.docLines("// Format prints the value as String does, whatever the verb, so that no",
		"// verb of package fmt prints a sensitive member.")
	w.use("fmt")
	w.open("func (m ", name, ") Format(s fmt.State, _ rune)")
	w.line("_, _ = s.Write(m.appendRedacted(nil))")
	w.close()
	k.decl(w)
	w.docLines("// LogValue logs the value as String prints it: the JSON handler embeds the",
		"// redacted document, the text handler writes it as text.")
	w.use("log/slog")
	w.open("func (m ", name, ") LogValue() slog.Value")
	w.line("return slog.AnyValue(redactedJSON(m.appendRedacted(nil)))")
	w.close()
	k.decl(w)
}
