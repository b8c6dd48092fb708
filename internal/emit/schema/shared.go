package schema

import (
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/schemafile"
)

// DefsFile holds the definitions every message schema of a contract shares
// (named object types, free-form values, forbidden material), so that each
// is written once per contract and message schemas stay small. Message
// schemas refer to it through their own $id's base; the bundled layout
// (Options.SchemaBundle) writes none and copies what each file needs into
// its $defs instead.
const DefsFile = schemafile.Defs

// helperDefs is where a definition of name goes: the shared file's
// definitions, or the file's own when bundling.
func (fb *file) helperDefs() jsonschema.Definitions {
	if fb.g.bundle {
		return fb.defs
	}
	return fb.g.shared
}

// helperRef is the reference to definition name, wherever it lives.
func (fb *file) helperRef(name string) string {
	if fb.g.bundle {
		return defRef(name)
	}
	return DefsFile + defRef(name)
}

// sharedName names the shared definition of t at w. It is the type's Go
// name when the checks at w are those of a message every rule applies to
// (the usual case), else the Go name with a suffix naming what is checked,
// so that two definitions of one name never differ.
func (fb *file) sharedName(t *model.Type, w where) string {
	got := fb.signature(w)
	if got == fb.g.fullSignature() {
		return t.GoName
	}
	var parts []string
	for i, label := range []string{"strings", "free-keys", "free-values"} {
		if got[i] != "" {
			parts = append(parts, label+strings.TrimPrefix(got[i], "*"))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "unchecked")
	}
	return t.GoName + "-" + strings.Join(parts, "-")
}

// signature is the rule sets checked at w: strings of the type's own
// fields, keys and strings inside its free-form and map fields.
func (fb *file) signature(w where) [3]string {
	return [3]string{fb.ruleSet(fb.valuesCovered(w)), fb.ruleSet(fb.keysCovered(w.free())), fb.ruleSet(fb.valuesCovered(w.free()))}
}

// fullSignature is the signature in the payload of a message every rule
// applies to; computed once per contract.
func (g *gen) fullSignature() [3]string {
	if g.fullSig == nil {
		fb := g.newFile(true, true)
		fb.setRules(func(model.On) bool { return true })
		sig := fb.signature(atPayload)
		g.fullSig = &sig
	}
	return *g.fullSig
}

// sharedFile is the schema of DefsFile.
func (g *gen) sharedFile(name string) *jsonschema.Schema {
	fb := &file{g: g, defs: g.shared}
	s := &jsonschema.Schema{}
	return fb.top(name, g.c.Title+": shared definitions", "Definitions the message schemas of "+g.c.Name+" refer to: object types, free-form values and forbidden material.", s)
}
