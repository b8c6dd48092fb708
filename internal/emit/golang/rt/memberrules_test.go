package rt

import (
	"math"
	"strings"
	"testing"
	"unsafe"
)

type rulesCase struct {
	Name   string
	Note   *string
	Count  int64
	Ratio  float64
	Flag   bool
	State  string
	Big    string
	Tags   []string
	States []string
	Labels Map[string]
	Extra  []byte
}

var rulesPattern = lazyRegexp{src: `^[a-z]+$`}

var rulesOfCase = [...]memberRule{
	{key: "name", off: unsafe.Offsetof(rulesCase{}.Name), kind: ruleString, has: hasNonEmpty | memberTrim | hasMinLength | hasMaxLength | hasPattern,
		nonEmpty: "blank", minLength: 2, minLengthMsg: "short", maxLength: 4, maxLengthMsg: "long", pattern: &rulesPattern, patternMsg: "pattern"},
	{key: "note", off: unsafe.Offsetof(rulesCase{}.Note), kind: ruleString, has: memberPtr | hasFormat, formatCheck: formatDate, formatMsg: "date"},
	{key: "count", off: unsafe.Offsetof(rulesCase{}.Count), kind: ruleInt, has: hasMinimum | hasExclusiveMaximum, intMin: 1, minimumMsg: "min", intExclusiveMax: 10, exclusiveMaxMsg: "xmax"},
	{key: "ratio", off: unsafe.Offsetof(rulesCase{}.Ratio), kind: ruleFloat, has: hasMaximum | hasExclusiveMinimum, max: 1, maximumMsg: "max", exclusiveMin: 0, exclusiveMinMsg: "xmin"},
	{key: "flag", off: unsafe.Offsetof(rulesCase{}.Flag), kind: ruleBool, has: hasConst, constBool: true, constMsg: "fixed"},
	{key: "state", off: unsafe.Offsetof(rulesCase{}.State), kind: ruleState, has: hasConst, constString: "b", constMsg: "fixed", states: &[]string{"a", "b"}, enumMsg: "enum"},
	{key: "big", off: unsafe.Offsetof(rulesCase{}.Big), kind: ruleState, states: &[]string{"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"}, enumMsg: "enum"},
	{key: "tags", off: unsafe.Offsetof(rulesCase{}.Tags), kind: ruleStrings, has: hasMinItems | hasMaxItems | hasUnique | hasMaxLength,
		minItems: 1, minItemsMsg: "few", maxItems: 2, maxItemsMsg: "many", uniqueMsg: "unique", maxLength: 1, maxLengthMsg: "long"},
	{key: "states", off: unsafe.Offsetof(rulesCase{}.States), kind: ruleStates, has: memberNilSkips | hasNonEmpty, nonEmpty: "empty", states: &[]string{"x"}, enumMsg: "enum"},
	{key: "labels", off: unsafe.Offsetof(rulesCase{}.Labels), kind: ruleMap, has: hasNonEmpty | hasMaxItems, nonEmpty: "empty", maxItems: 0, maxItemsMsg: "many"},
	{key: "extra", off: unsafe.Offsetof(rulesCase{}.Extra), kind: ruleRaw, has: memberNilSkips},
}

// TestValidateMembersChecksEveryRule runs a table of every kind of member
// over a valid value and an invalid one, and checks each violation's path,
// rule and message, in member order.
func TestValidateMembersChecksEveryRule(t *testing.T) {
	bad := "2026-02-30"
	for _, c := range []struct {
		name string
		v    rulesCase
		want []string
	}{{
		name: "valid",
		v:    rulesCase{Name: "abc", Count: 9, Ratio: 1, Flag: true, State: "b", Big: "a9", Tags: []string{"a"}, Labels: Map[string]{}},
		want: []string{"labels: empty"},
	}, {
		name: "not finite",
		v:    rulesCase{Name: "abc", Count: 9, Ratio: math.Inf(-1), Flag: true, State: "b", Big: "a9", Tags: []string{"a"}, Labels: Map[string]{}},
		want: []string{"ratio: must be a finite number", "ratio: xmin", "labels: empty"},
	}, {
		name: "NaN passes every bound",
		v:    rulesCase{Name: "abc", Count: 9, Ratio: math.NaN(), Flag: true, State: "b", Big: "a9", Tags: []string{"a"}, Labels: Map[string]{}},
		want: []string{"ratio: must be a finite number", "labels: empty"},
	}, {
		name: "every rule broken",
		v: rulesCase{Name: "  ", Note: &bad, Count: 10, Ratio: 0, State: "c", Big: "b", Tags: []string{"ab", "c", "c"},
			States: []string{}, Labels: Map[string]{{"k", "v"}}},
		want: []string{"name: blank", "name: pattern", "note: date", "count: xmax", "ratio: xmin", "flag: fixed", "state: fixed", "state: enum",
			"big: enum", "tags: many", "tags: unique", "tags[0]: long", "states: empty", "labels: many"},
	}} {
		var es Errors
		validateMembers(nil, unsafe.Pointer(&c.v), rulesOfCase[:], &es, 0)
		var got []string
		for _, e := range es {
			got = append(got, e.Path+": "+e.Message)
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestValidateMembersDoesNotAllocate: the member paths stay on the stack.
func TestValidateMembersDoesNotAllocate(t *testing.T) {
	v := rulesCase{Name: "abc", Count: 9, Ratio: 1, Flag: true, State: "b", Big: "a9", Tags: []string{"a"}, Extra: []byte(`{"a":1}`)}
	rules := append(rulesOfCase[:9:9], rulesOfCase[10])
	if n := testing.AllocsPerRun(100, func() {
		var es Errors
		validateMembers(nil, unsafe.Pointer(&v), rules, &es, scanKeys|scanFreeValues|scanTypedValues)
		if len(es) > 0 {
			t.Fatal(es)
		}
	}); n != 0 {
		t.Fatalf("validateMembers allocated %.1f times on a valid value", n)
	}
}
