package lint

import (
	"sort"
	"strings"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/model"
)

// rules is every style rule. Each has a passing and a failing case under
// testdata/<ID>/ (see lint_test.go).
var rules = []Rule{
	{"OPERATION_NAME_SNAKE_CASE", diag.SeverityError, "operation names are lower snake_case", func(c *model.Contract, report reporter) {
		for _, op := range c.Operations {
			if !isSnake(op.Name) {
				report(op.Pos, "operation name %q is not lower snake_case", op.Name)
			}
		}
	}},
	{"FIELD_NAME_SNAKE_CASE", diag.SeverityError, "field names are lower snake_case", func(c *model.Contract, report reporter) {
		for _, o := range objects(c) {
			for _, f := range o.t.Fields {
				if !isSnake(f.Name) {
					report(fieldPos(o, f), "field %q of %s is not lower snake_case", f.Name, o.what)
				}
			}
		}
	}},
	{"OPERATION_NAME_CAMEL_CASE", "off", "operation names are lower camelCase; for a camelCase contract, with OPERATION_NAME_SNAKE_CASE off", func(c *model.Contract, report reporter) {
		for _, op := range c.Operations {
			if !isCamel(op.Name) {
				report(op.Pos, "operation name %q is not lower camelCase", op.Name)
			}
		}
	}},
	{"FIELD_NAME_CAMEL_CASE", "off", "field names are lower camelCase; for a camelCase contract, with FIELD_NAME_SNAKE_CASE off", func(c *model.Contract, report reporter) {
		for _, o := range objects(c) {
			for _, f := range o.t.Fields {
				if !isCamel(f.Name) {
					report(fieldPos(o, f), "field %q of %s is not lower camelCase", f.Name, o.what)
				}
			}
		}
	}},
	{"TYPE_NAME_PASCAL_CASE", diag.SeverityError, "type names are PascalCase", func(c *model.Contract, report reporter) {
		for _, t := range c.Types {
			if !isPascal(t.Name) {
				report(t.Pos, "type name %q is not PascalCase", t.Name)
			}
		}
	}},
	{"OPERATION_DESCRIBED", diag.SeverityWarn, "every operation has a description", func(c *model.Contract, report reporter) {
		for _, op := range c.Operations {
			if blank(op.Description) {
				report(op.Pos, "operation %s has no description", op.Name)
			}
		}
	}},
	{"TYPE_DESCRIBED", diag.SeverityWarn, "every type has a description", func(c *model.Contract, report reporter) {
		for _, t := range c.Types {
			if blank(t.Description) {
				report(t.Pos, "type %s has no description", t.Name)
			}
		}
	}},
	{"FIELD_DESCRIBED", diag.SeverityWarn, "every field has a description", func(c *model.Contract, report reporter) {
		for _, o := range objects(c) {
			for _, f := range o.t.Fields {
				if blank(f.Description) && f.Pos.Line > 0 {
					report(f.Pos, "field %s of %s has no description", f.Name, o.what)
				}
			}
		}
	}},
	{"STATE_SET_DESCRIBED", diag.SeverityWarn, "every state set has a description", func(c *model.Contract, report reporter) {
		for _, s := range c.States {
			if blank(s.Description) {
				report(s.Pos, "state set %s has no description", s.Name)
			}
		}
	}},
	{"STATE_VALUE_DESCRIBED", diag.SeverityWarn, "every state value has a description that says something", func(c *model.Contract, report reporter) {
		for _, s := range c.States {
			for _, v := range s.Values {
				if blank(v.Description) {
					report(v.Pos, "state %q of %s has an empty description", v.Value, s.Name)
				}
			}
		}
	}},
	{"TYPE_HAS_EXAMPLE", diag.SeverityWarn, "every type has at least one example", func(c *model.Contract, report reporter) {
		for _, t := range c.Types {
			if len(t.Examples) == 0 {
				report(t.Pos, "type %s has no example", t.Name)
			}
		}
	}},
	{"OPERATION_HAS_EXAMPLES", diag.SeverityWarn, "every operation has a request example and its response one", func(c *model.Contract, report reporter) {
		for _, op := range c.Operations {
			if len(op.Request.Fields) > 0 && len(op.Request.Examples) == 0 {
				report(op.Pos, "operation %s has no request example", op.Name)
			}
			if r := op.Response; r != nil && !r.Shared() && len(r.Payload.Fields) > 0 && len(r.Payload.Examples) == 0 {
				report(op.Pos, "operation %s has no response example", op.Name)
			}
		}
		for _, r := range c.Responses {
			if len(r.Payload.Fields) > 0 && len(r.Payload.Examples) == 0 {
				report(r.Pos, "shared response %s has no example", r.Name)
			}
		}
	}},
	{"STATE_VALUES_SORTED", "off", "state values are listed in alphabetical order, so that additions land in one place", func(c *model.Contract, report reporter) {
		for _, s := range c.States {
			for i := 1; i < len(s.Values); i++ {
				if s.Values[i].Value < s.Values[i-1].Value {
					report(s.Values[i].Pos, "state %q of %s comes after %q; list the values in alphabetical order", s.Values[i].Value, s.Name, s.Values[i-1].Value)
					break
				}
			}
		}
	}},
	{"PATTERN_ANCHORED", diag.SeverityWarn, "field patterns are anchored with ^ and $, as a whole value is meant", func(c *model.Contract, report reporter) {
		for _, o := range objects(c) {
			for _, f := range o.t.Fields {
				if f.Pattern != "" && !anchored(f.Pattern) {
					pos := f.PatternPos
					if pos.Line == 0 {
						pos = fieldPos(o, f)
					}
					report(pos, "pattern %q of field %s of %s is not anchored; without ^ and $ it matches any value that contains a match", f.Pattern, f.Name, o.what)
				}
				if f.KeyPattern != "" && !anchored(f.KeyPattern) {
					report(fieldPos(o, f), "key_pattern %q of field %s of %s is not anchored with ^ and $", f.KeyPattern, f.Name, o.what)
				}
			}
		}
	}},
	{"FIELD_NAME_LIKE_FORBIDDEN_KEY", diag.SeverityWarn, "no field is named like a forbidden key, even where the rule does not apply", func(c *model.Contract, report reporter) {
		if c.Forbidden == nil {
			return
		}
		for _, o := range objects(c) {
			for _, f := range o.t.Fields {
				for _, k := range c.Forbidden.Keys {
					if model.KeyForbidden(k, f.Name) {
						report(fieldPos(o, f), "field %s of %s is named like a forbidden key; readers will take it for sensitive material, and where the rule applies its value is refused", f.Name, o.what)
						break
					}
				}
			}
		}
	}},
	{"FIELD_NAME_JS_INHERITED", diag.SeverityWarn, "no field is named like a member every JavaScript object inherits (constructor, toString, __proto__), which JavaScript validators such as Ajv misjudge", func(c *model.Contract, report reporter) {
		for _, o := range objects(c) {
			for _, f := range o.t.Fields {
				switch {
				case f.Name == "__proto__":
					report(fieldPos(o, f), "field %s of %s is the JavaScript prototype key: Ajv refuses it as an unknown member, and JavaScript code that copies members sets the object's prototype with it", f.Name, o.what)
				case jsInherited[f.Name]:
					report(fieldPos(o, f), "field %s of %s is named like a member every JavaScript object inherits: Ajv without ownProperties: true checks the inherited one when the member is absent", f.Name, o.what)
				}
			}
		}
	}},
	{"DEPRECATED_REQUIRED", diag.SeverityWarn, "a deprecated member is not required, so that senders can stop sending it", func(c *model.Contract, report reporter) {
		for _, o := range objects(c) {
			for _, f := range o.t.Fields {
				if f.Deprecated != "" && f.WireRequired() {
					report(fieldPos(o, f), "field %s of %s is deprecated but required; make it optional or give it a default", f.Name, o.what)
				}
			}
		}
	}},
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func anchored(p string) bool {
	return strings.HasPrefix(p, "^") && strings.HasSuffix(p, "$") && !strings.HasSuffix(p, `\$`)
}

// IDs returns every rule ID known to lint, the ignore rules included.
func IDs() []string {
	ids := []string{RuleInvalidIgnore, RuleUnusedIgnore}
	for _, r := range rules {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	return ids
}

// jsInherited are the members of Object.prototype: every JavaScript
// object has them, so a JavaScript consumer that looks a member up by name
// finds them on any object.
var jsInherited = map[string]bool{
	"__proto__": true, "__defineGetter__": true, "__defineSetter__": true, "__lookupGetter__": true, "__lookupSetter__": true,
	"constructor": true, "hasOwnProperty": true, "isPrototypeOf": true, "propertyIsEnumerable": true,
	"toLocaleString": true, "toString": true, "valueOf": true,
}
