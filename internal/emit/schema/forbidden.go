package schema

import (
	"strconv"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/pattern"
)

// ruleSet names a set of covered rules in definition names: "" for none;
// "*" for the only rule of its kind (names stay short when a contract has
// one key rule and one value rule); else the rule numbers, such as "1.3".
func (fb *file) ruleSet(js []int) string {
	if len(js) == 0 {
		return ""
	}
	f := fb.g.c.Forbidden
	if len(f.Keys) <= 1 && len(f.Values) <= 1 {
		return "*"
	}
	parts := make([]string, len(js))
	for i, j := range js {
		parts[i] = strconv.Itoa(j + 1)
	}
	return strings.Join(parts, ".")
}

// freeForm is the schema of a free-form value at w (w.inFree is set): any
// JSON value, whose keys and strings are checked when the rules apply there.
func (fb *file) freeForm(w where) *jsonschema.Schema {
	keys, values := fb.keysCovered(w), fb.valuesCovered(w)
	if len(keys) == 0 && len(values) == 0 {
		return &jsonschema.Schema{}
	}
	name := defFreeForm
	switch {
	case len(keys) == 0:
		name += "-values"
	case len(values) == 0:
		name += "-keys"
	}
	if ks, vs := fb.ruleSet(keys), fb.ruleSet(values); ks != "*" && vs != "*" {
		name += "-" + strings.Trim(ks+"-"+vs, "-")
	}
	if _, ok := fb.helperDefs()[name]; !ok {
		// One branch per JSON type, so that every keyword sits beside the
		// type it applies to (Ajv's strict mode asks for that).
		self := &jsonschema.Schema{Ref: fb.helperRef(name)}
		str := &jsonschema.Schema{Type: "string"}
		for _, j := range values {
			str.AllOf = append(str.AllOf, &jsonschema.Schema{Ref: fb.helperRef(fb.allowedValueDef(j))})
		}
		obj := &jsonschema.Schema{Type: "object", AdditionalProperties: self}
		if len(keys) > 0 {
			obj.PropertyNames = fb.notForbiddenKey(keys)
		}
		fb.helperDefs()[name] = &jsonschema.Schema{
			Description: "Any JSON value; at every depth, object keys and strings are checked for forbidden material.",
			AnyOf: []*jsonschema.Schema{{Type: "null"}, {Type: "boolean"}, {Type: "number"}, str,
				{Type: "array", Items: self}, obj},
		}
	}
	return &jsonschema.Schema{Ref: fb.helperRef(name)}
}

// allowedValueDef defines the strings value rule j lets through (not its
// forbidden-value definition), with the rule's message for ajv-errors, and
// returns the definition's name. Members refer to it, so that the message
// is written once.
func (fb *file) allowedValueDef(j int) string {
	name := ruleDef(defAllowedValue, j)
	if _, ok := fb.helperDefs()[name]; !ok {
		v := fb.g.c.Forbidden.Values[j]
		s := &jsonschema.Schema{Description: "A string free of what the forbidden values rule rejects.",
			Not: &jsonschema.Schema{Ref: fb.helperRef(fb.forbiddenValueDef(j))}}
		setExtra(s, "errorMessage", map[string]string{"not": schemaMessage(v.Message)})
		fb.helperDefs()[name] = s
	}
	return name
}

// schemaMessage is a forbidden-material rule's message as a schema reports
// it: without the {path} the Go code fills in, since a validator reports the
// location beside the message.
func schemaMessage(m string) string {
	m = strings.ReplaceAll(m, "{path}", "")
	return strings.TrimRight(strings.TrimSpace(m), ":;,-–— ")
}

// ruleDef names the definition of rule j of a kind: the base name for the
// first, base-2, base-3 ... for the others.
func ruleDef(base string, j int) string {
	if j == 0 {
		return base
	}
	return base + "-" + strconv.Itoa(j+1)
}

// notForbiddenKey is the propertyNames schema that rejects the keys key
// rules js forbid.
func (fb *file) notForbiddenKey(js []int) *jsonschema.Schema {
	var refs []*jsonschema.Schema
	for _, j := range js {
		name := ruleDef(defForbiddenKey, j)
		if _, ok := fb.helperDefs()[name]; !ok {
			k, ck := fb.g.c.Forbidden.Keys[j], fb.g.keys[j]
			s := &jsonschema.Schema{Type: "string", Description: "A key the forbidden keys rule rejects: " + k.Message}
			var alts []*jsonschema.Schema
			if ck.parts != "" {
				alts = append(alts, &jsonschema.Schema{
					Description: "Once lower-cased, contains one of: " + strings.Join(k.Parts, ", "),
					Pattern:     ck.parts,
				})
			}
			for _, e := range ck.exacts {
				alts = append(alts, &jsonschema.Schema{
					Description: "Once lower-cased, equals " + e.key + " (the length bound ends the match without $)",
					Pattern:     e.pattern,
					MaxLength:   uintp(e.max),
				})
			}
			s.AnyOf = alts
			fb.helperDefs()[name] = s
		}
		refs = append(refs, &jsonschema.Schema{Ref: fb.helperRef(name)})
	}
	// One not per rule, each with its rule's message for ajv-errors.
	nots := make([]*jsonschema.Schema, len(refs))
	for i, r := range refs {
		nots[i] = &jsonschema.Schema{Not: r}
		setExtra(nots[i], "errorMessage", map[string]string{"not": schemaMessage(fb.g.c.Forbidden.Keys[js[i]].Message)})
	}
	if len(nots) == 1 {
		return nots[0]
	}
	return &jsonschema.Schema{AllOf: nots}
}

// forbiddenValueDef defines the strings value rule j rejects and returns
// the definition's name. The rule's patterns are one alternation, the
// boundary tests they share written once (pattern.PortableAlternation);
// the description names each pattern.
func (fb *file) forbiddenValueDef(j int) string {
	name := ruleDef(defForbiddenValue, j)
	if _, ok := fb.helperDefs()[name]; !ok {
		v := fb.g.c.Forbidden.Values[j]
		var names, srcs []string
		for _, p := range fb.g.values[j] {
			d := p.p.Name
			if p.p.Description != "" {
				d += " (" + strings.TrimSuffix(p.p.Description, ".") + ")"
			}
			names = append(names, d)
			srcs = append(srcs, p.p.Pattern)
		}
		s := &jsonschema.Schema{Type: "string",
			Description: "A string the forbidden values rule rejects: " + v.Message + ". It holds one of: " + strings.Join(names, "; ") + "."}
		if alt, err := pattern.PortableAlternation(srcs); err == nil {
			s.Pattern = alt
		} else {
			fb.g.fail(diag.Pos{}, "forbidden values: %v", err)
		}
		fb.helperDefs()[name] = s
	}
	return name
}
