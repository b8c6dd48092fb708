package schema

import (
	"github.com/invopop/jsonschema"

	"github.com/contractgen/contractgen/internal/model"
)

// The contract's own error texts (a field's messages) go into the schemas
// as ajv-errors' errorMessage keyword, so that a validator with that plugin
// (Ajv) reports the same text the generated Go code does. Validators without
// it ignore the keyword, as JSON Schema lets them. Only texts the spec
// writes are carried; default wordings are left to each validator.

// keywordOf is the JSON Schema keyword a rule's violation is reported under
// in a field's own schema; "" for rules that have none there (required is
// the parent object's, see requiredMessages).
func keywordOf(f *model.Field, r model.Rule) string {
	isMap := f.Type.Kind == model.KindMap
	switch r {
	case model.RuleType:
		return "type"
	case model.RuleConst:
		return "const"
	case model.RuleMinimum:
		return "minimum"
	case model.RuleMaximum:
		return "maximum"
	case model.RuleExclusiveMinimum:
		return "exclusiveMinimum"
	case model.RuleExclusiveMaximum:
		return "exclusiveMaximum"
	case model.RuleMinLength:
		return "minLength"
	case model.RuleMaxLength:
		return "maxLength"
	case model.RuleMinItems:
		if isMap {
			return "minProperties"
		}
		return "minItems"
	case model.RuleMaxItems:
		if isMap {
			return "maxProperties"
		}
		return "maxItems"
	case model.RulePattern:
		return "pattern"
	case model.RuleFormat:
		return "format"
	case model.RuleEnum:
		return "enum"
	case model.RuleUniqueItems:
		return "uniqueItems"
	case model.RuleKeyPattern:
		return "propertyNames"
	case model.RuleNonEmpty:
		switch {
		case f.Type.Kind == model.KindList:
			return "minItems"
		case isMap:
			return "minProperties"
		case f.Trim:
			return "pattern"
		}
		return "minLength"
	}
	return ""
}

// withKeyword finds the schema that carries keyword k for a field whose
// schema is s: s itself, or for the leaf rules of a list or map field
// (lengths, bounds, pattern, format) the schema of its items or values,
// at any depth; nil when there is none.
func withKeyword(s *jsonschema.Schema, k string) *jsonschema.Schema {
	for s != nil {
		if hasKeyword(s, k) {
			return s
		}
		switch {
		case s.Items != nil:
			s = s.Items
		case s.AdditionalProperties != nil && s.AdditionalProperties != jsonschema.FalseSchema:
			s = s.AdditionalProperties
		default:
			return nil
		}
	}
	return nil
}

// fieldMessages sets errorMessage on a field's schema for the texts the
// spec gives its rules, for the keywords the schema has, beside each
// keyword: a leaf rule of a list or map field on its items' or values'
// schema.
func fieldMessages(s *jsonschema.Schema, f *model.Field) {
	msgs := map[*jsonschema.Schema]map[string]string{}
	var order []*jsonschema.Schema // in rule order, so output is stable
	for _, r := range model.Rules {
		text, ok := f.Messages[r]
		if !ok || r == model.RuleRequired {
			continue
		}
		if r == model.RulePattern && f.NonEmpty && f.Trim {
			// The top-level pattern is non_empty's (a non-blank
			// character); the field's own pattern is the first allOf.
			if len(s.AllOf) > 0 && s.AllOf[0].Pattern != "" {
				setExtra(s.AllOf[0], "errorMessage", map[string]string{"pattern": text})
			}
			continue
		}
		k := keywordOf(f, r)
		if k == "" {
			continue
		}
		if at := withKeyword(s, k); at != nil {
			if msgs[at] == nil {
				msgs[at] = map[string]string{}
				order = append(order, at)
			}
			msgs[at][k] = text
		}
	}
	for _, at := range order {
		setExtra(at, "errorMessage", msgs[at])
	}
}

// requiredMessages sets errorMessage.required on an object's schema for
// the members whose required text the spec gives.
func requiredMessages(s *jsonschema.Schema, t *model.Type) {
	req := map[string]string{}
	for _, f := range t.Fields {
		if text, ok := f.Messages[model.RuleRequired]; ok && contains(s.Required, f.Name) {
			req[f.Name] = text
		}
	}
	if len(req) > 0 {
		setExtra(s, "errorMessage", map[string]any{"required": req})
	}
}

// hasKeyword reports whether s sets keyword k itself.
func hasKeyword(s *jsonschema.Schema, k string) bool {
	switch k {
	case "type":
		return s.Type != "" || s.Extras["type"] != nil
	case "const":
		return s.Const != nil
	case "minimum":
		return s.Minimum != ""
	case "maximum":
		return s.Maximum != ""
	case "exclusiveMinimum":
		return s.ExclusiveMinimum != ""
	case "exclusiveMaximum":
		return s.ExclusiveMaximum != ""
	case "minLength":
		return s.MinLength != nil
	case "maxLength":
		return s.MaxLength != nil
	case "minItems":
		return s.MinItems != nil
	case "maxItems":
		return s.MaxItems != nil
	case "minProperties":
		return s.MinProperties != nil
	case "maxProperties":
		return s.MaxProperties != nil
	case "pattern":
		return s.Pattern != ""
	case "format":
		return s.Format != ""
	case "enum":
		return s.Enum != nil
	case "uniqueItems":
		return s.UniqueItems
	case "propertyNames":
		return s.PropertyNames != nil
	}
	return false
}

func setExtra(s *jsonschema.Schema, k string, v any) {
	if s.Extras == nil {
		s.Extras = map[string]any{}
	}
	s.Extras[k] = v
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
