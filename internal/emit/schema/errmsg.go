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
		if f.Trim {
			return "pattern"
		}
		return "minLength"
	}
	return ""
}

// fieldMessages sets errorMessage on a field's schema for the texts the
// spec gives its rules, for the keywords the schema has.
func fieldMessages(s *jsonschema.Schema, f *model.Field) {
	msgs := map[string]string{}
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
		if k := keywordOf(f, r); k != "" && hasKeyword(s, k) {
			msgs[k] = text
		}
	}
	if len(msgs) > 0 {
		setExtra(s, "errorMessage", msgs)
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
