package golang

import (
	"sort"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/contractgen/contractgen/internal/value"
)

// Members whose rules are plain data are validated through a table of
// the runtime's memberRule rows (rules<Name>), which validateMembers reads
// (the runtime's memberrules.go). A type whose every member has a row has
// no validate method (validate_rows.go); any other type's validate method
// calls validateMembers once per run of such members, in field order, and
// writes code for the others.

// tableValidated reports whether memberRule can say every check of fl: a
// string, state, number or boolean, fixed or not (integer bounds and fixed
// values must be int64s; a boolean has no other check, so only a fixed one
// has a row), or with no fixed value a free-form value, a list of strings
// or states, or a map of strings only scanned.
func tableValidated(fl *model.Field) bool {
	switch t := fl.Type; t.Kind {
	case model.KindString, model.KindState, model.KindNumber:
		return true
	case model.KindBoolean:
		return fl.Const != nil
	case model.KindAny:
		return fl.Const == nil
	case model.KindInteger:
		for _, b := range []*value.Value{fl.Const, fl.Minimum, fl.Maximum, fl.ExclusiveMinimum, fl.ExclusiveMaximum} {
			if b == nil {
				continue
			}
			if _, err := strconv.ParseInt(b.Num, 10, 64); err != nil {
				return false
			}
		}
		return true
	case model.KindList:
		return fl.Const == nil && (t.Elem.Kind == model.KindString || t.Elem.Kind == model.KindState)
	case model.KindMap:
		return fl.Const == nil && t.Elem.Kind == model.KindString && fl.KeyPattern == "" && !hasStringRules(fl)
	}
	return false
}

// hasStringRules reports whether fl has a rule that applies to each string
// of a list or map.
func hasStringRules(fl *model.Field) bool {
	return (fl.MinLength != nil && *fl.MinLength > 0) || fl.MaxLength != nil || fl.Pattern != "" || pattern.Formats[fl.Format] != nil
}

// memberRule is the literal of fl's row; scan is the member's own scan
// mode in a message, or "" when it is scanned as its struct is.
func (g *gen) memberRule(s *goStruct, fl *model.Field, scan string) string {
	kind := ruleKinds[fl.Type.Kind]
	states := fl.Type.State
	obj := rowObject(fl)
	switch {
	case obj != nil && fl.Type.Kind == model.KindList:
		kind, states = "ruleObjects", nil
	case obj != nil:
		kind = "ruleObject"
	case fl.Type.Kind == model.KindList:
		kind, states = "ruleStrings", nil
		if fl.Type.Elem.Kind == model.KindState {
			kind, states = "ruleStates", fl.Type.Elem.State
		}
	}
	parts := []string{"key: " + quote(fl.Name), "off: unsafe.Offsetof(" + s.t.GoName + "{}." + fl.GoName + ")", "kind: " + kind}
	if obj != nil {
		parts = append(parts, "obj: &rules"+obj.GoName)
		if fl.Type.Kind == model.KindList {
			parts = append(parts, "size: unsafe.Sizeof("+obj.GoName+"{})")
		}
	}
	var has []string
	set := func(flag, field, v string) {
		if flag != "" {
			has = append(has, flag)
		}
		if field != "" {
			parts = append(parts, field+": "+v)
		}
	}
	msg := func(r model.Rule) string { return quote(fl.Message(r)) }
	if c := fl.Const; c != nil {
		switch fl.Type.Kind {
		case model.KindString, model.KindState:
			set("hasConst", "constString", quote(c.Str))
		case model.KindInteger:
			n, _ := strconv.ParseInt(c.Num, 10, 64)
			set("hasConst", "constInt", strconv.FormatInt(n, 10))
		case model.KindNumber:
			set("hasConst", "constFloat", litFloat(c.Float()))
		case model.KindBoolean:
			set("hasConst", "constBool", strconv.FormatBool(c.Bool))
		}
		set("", "constMsg", msg(model.RuleConst))
	}
	if fl.NonEmpty {
		set("hasNonEmpty", "nonEmpty", msg(model.RuleNonEmpty))
		if fl.Trim {
			set("memberTrim", "", "")
		}
	}
	if fl.Type.Kind == model.KindString || fl.Type.Kind == model.KindList && states == nil && obj == nil {
		g.stringRules(fl, set, msg)
	}
	if states != nil {
		set("", "states", "&"+g.stateValues(states))
		set("", "enumMsg", msg(model.RuleEnum))
	}
	numberRules(fl, set, msg)
	if fl.Type.Kind == model.KindList || fl.Type.Kind == model.KindMap {
		if fl.MinItems != nil && *fl.MinItems > 0 {
			set("hasMinItems", "minItems", litInt(*fl.MinItems))
			set("", "minItemsMsg", msg(model.RuleMinItems))
		}
		if fl.MaxItems != nil {
			set("hasMaxItems", "maxItems", litInt(*fl.MaxItems))
			set("", "maxItemsMsg", msg(model.RuleMaxItems))
		}
		if fl.UniqueItems {
			set("hasUnique", "uniqueMsg", msg(model.RuleUniqueItems))
		}
	}
	switch {
	case isPtr(fl):
		set("memberPtr", "", "")
	case fl.Optional || fl.Nullable:
		set("memberNilSkips", "", "")
	}
	if scan != "" {
		set("memberOwnScan", "scan", scan)
	}
	if len(has) > 0 {
		parts = append(parts[:3], append([]string{"has: " + strings.Join(has, " | ")}, parts[3:]...)...)
	}
	return "{" + join(parts...) + "},"
}

// ruleKinds is the runtime's rule kind of a member of each scalar kind;
// memberRule works out containers and objects.
var ruleKinds = map[model.Kind]string{model.KindString: "ruleString", model.KindState: "ruleState",
	model.KindInteger: "ruleInt", model.KindNumber: "ruleFloat", model.KindAny: "ruleRaw", model.KindMap: "ruleMap",
	model.KindBoolean: "ruleBool"}

// formatChecks names the runtime's check of each format a pattern cannot
// say alone.
var formatChecks = map[string]string{"date-time": "formatDateTime", "date": "formatDate", "ipv6": "formatIPv6"}

// stringRules sets the length, pattern and format rules of a string, or
// of each string of a list.
func (g *gen) stringRules(fl *model.Field, set func(flag, field, v string), msg func(model.Rule) string) {
	if fl.MinLength != nil && *fl.MinLength > 0 {
		set("hasMinLength", "minLength", litInt(*fl.MinLength))
		set("", "minLengthMsg", msg(model.RuleMinLength))
	}
	if fl.MaxLength != nil {
		set("hasMaxLength", "maxLength", litInt(*fl.MaxLength))
		set("", "maxLengthMsg", msg(model.RuleMaxLength))
	}
	if fl.Pattern != "" {
		set("hasPattern", "pattern", "&"+g.pattern(fl.Pattern))
		set("", "patternMsg", msg(model.RulePattern))
	}
	if sf := pattern.Formats[fl.Format]; sf != nil {
		set("hasFormat", "formatMsg", msg(model.RuleFormat))
		if sf.Pattern != "" {
			set("", "formatPattern", "&"+g.pattern(sf.Pattern))
		}
		if sf.MaxLength > 0 {
			set("", "formatMaxLength", litInt(sf.MaxLength))
		}
		if c, ok := formatChecks[sf.Name]; ok {
			set("", "formatCheck", c)
		}
	}
}

// numberRules sets the bounds of a number.
func numberRules(fl *model.Field, set func(flag, field, v string), msg func(model.Rule) string) {
	integer := fl.Type.Kind == model.KindInteger
	if !integer && fl.Type.Kind != model.KindNumber {
		return
	}
	for _, b := range []struct {
		v                  *value.Value
		flag, intF, floatF string
		rule               model.Rule
		msgField           string
	}{
		{fl.Minimum, "hasMinimum", "intMin", "min", model.RuleMinimum, "minimumMsg"},
		{fl.Maximum, "hasMaximum", "intMax", "max", model.RuleMaximum, "maximumMsg"},
		{fl.ExclusiveMinimum, "hasExclusiveMinimum", "intExclusiveMin", "exclusiveMin", model.RuleExclusiveMinimum, "exclusiveMinMsg"},
		{fl.ExclusiveMaximum, "hasExclusiveMaximum", "intExclusiveMax", "exclusiveMax", model.RuleExclusiveMaximum, "exclusiveMaxMsg"},
	} {
		if b.v == nil {
			continue
		}
		if integer {
			// tableValidated has checked that the bound is an int64.
			n, _ := strconv.ParseInt(b.v.Num, 10, 64)
			set(b.flag, b.intF, strconv.FormatInt(n, 10))
		} else {
			set(b.flag, b.floatF, litFloat(b.v.Float()))
		}
		set("", b.msgField, msg(b.rule))
	}
}

// stateValues is the variable holding a state set's values, sorted for
// memberRule's binary search, declared once (validateFile).
func (g *gen) stateValues(st *model.StateSet) string {
	name := "states" + st.GoName
	if g.stateVars == nil {
		g.stateVars = map[string]string{}
	}
	if _, ok := g.stateVars[name]; !ok {
		var values []string
		for _, v := range st.Values {
			values = append(values, v.Value)
		}
		sort.Strings(values)
		for i, v := range values {
			values[i] = quote(v)
		}
		g.stateVars[name] = "[]string{" + join(values...) + "}"
		g.stateOrder = append(g.stateOrder, name)
	}
	return name
}
