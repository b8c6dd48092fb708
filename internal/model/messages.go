package model

import (
	"fmt"
	"github.com/contractgen/contractgen/internal/pattern"
	"sort"
	"strings"
)

// Message returns the error text of rule for this field: the spec's override
// when there is one, otherwise the default wording, which names the field by
// its JSON key so that messages read the same in every language.
func (f *Field) Message(rule Rule) string {
	if m, ok := f.Messages[rule]; ok {
		return m
	}
	n := f.Name
	switch rule {
	case RuleRequired:
		return n + " is required"
	case RuleType:
		return fmt.Sprintf("%s must be %s", n, f.Type.Describe(f.Nullable))
	case RuleConst:
		if f.Const != nil {
			return fmt.Sprintf("%s must be %s", n, f.Const.JSON())
		}
	case RuleNonEmpty:
		return n + " must not be empty"
	case RuleEnum:
		if st := f.Type.StateSet(); st != nil {
			return n + " must be one of: " + strings.Join(st.Sorted(), ", ")
		}
	case RuleExclusiveMinimum:
		if f.ExclusiveMinimum != nil {
			return fmt.Sprintf("%s must be greater than %s", n, f.ExclusiveMinimum.Num)
		}
	case RuleExclusiveMaximum:
		if f.ExclusiveMaximum != nil {
			return fmt.Sprintf("%s must be less than %s", n, f.ExclusiveMaximum.Num)
		}
	case RuleMinimum:
		if f.Minimum != nil {
			return fmt.Sprintf("%s must be greater than or equal to %s", n, f.Minimum.Num)
		}
	case RuleMaximum:
		if f.Maximum != nil {
			return fmt.Sprintf("%s must be less than or equal to %s", n, f.Maximum.Num)
		}
	case RuleMinLength:
		if f.MinLength != nil {
			return fmt.Sprintf("%s must be at least %d characters long", n, *f.MinLength)
		}
	case RuleMaxLength:
		if f.MaxLength != nil {
			return fmt.Sprintf("%s must be at most %d characters long", n, *f.MaxLength)
		}
	case RuleMinItems:
		if f.MinItems != nil && f.Type.Kind == KindMap {
			return fmt.Sprintf("%s must hold at least %d %s", n, *f.MinItems, plural(*f.MinItems, "entry", "entries"))
		}
		if f.MinItems != nil {
			return fmt.Sprintf("%s must include at least %d %s", n, *f.MinItems, plural(*f.MinItems, "item", "items"))
		}
	case RuleMaxItems:
		if f.MaxItems != nil && f.Type.Kind == KindMap {
			return fmt.Sprintf("%s must hold at most %d %s", n, *f.MaxItems, plural(*f.MaxItems, "entry", "entries"))
		}
		if f.MaxItems != nil {
			return fmt.Sprintf("%s must include at most %d %s", n, *f.MaxItems, plural(*f.MaxItems, "item", "items"))
		}
	case RulePattern:
		return fmt.Sprintf("%s must match the pattern %s", n, f.Pattern)
	case RuleUniqueItems:
		return n + " must not hold the same item twice"
	case RuleKeyPattern:
		return fmt.Sprintf("every key of %s must match the pattern %s", n, f.KeyPattern)
	case RuleFormat:
		if sf := pattern.Formats[f.Format]; sf != nil {
			return n + " must be a valid " + sf.Noun
		}
		return n + " must be a valid " + f.Format
	}
	return n + " is invalid"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// StateSet returns the state set a field's values are drawn from, looking
// through lists and maps, or nil.
func (t *TypeRef) StateSet() *StateSet {
	for t != nil {
		if t.Kind == KindState {
			return t.State
		}
		t = t.Elem
	}
	return nil
}

// Describe words the type for error messages.
func (t *TypeRef) Describe(nullable bool) string {
	var s string
	switch t.Kind {
	case KindString, KindState:
		s = "a string"
	case KindInteger:
		s = "an integer"
	case KindNumber:
		s = "a number"
	case KindBoolean:
		s = "a boolean"
	case KindObject, KindMap:
		s = "an object"
	case KindList:
		s = "a list"
	default:
		s = "a JSON value"
	}
	if nullable {
		s += " or null"
	}
	return s
}

// Sorted returns the state values in byte order, as error messages list them.
func (s *StateSet) Sorted() []string {
	out := make([]string, len(s.Values))
	for i, v := range s.Values {
		out[i] = v.Value
	}
	sort.Strings(out)
	return out
}
