package breaking

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// constraint is one family of member constraints and the rules a change
// of it falls under: tighter in a request, looser in a response.
type constraint struct {
	name             string
	tighterInRequest string // rule when a request accepts less
	looserInResponse string // rule when a response may carry more
	changed          string // rule when it changed in a way that is neither (a pattern); "" for none
	compare          func(o, n *model.Field) (tighter, looser bool, desc string)
}

var constraints = []constraint{
	{"bounds", "REQUEST_BOUND_TIGHTENED", "RESPONSE_BOUND_LOOSENED", "", bounds},
	{"length", "REQUEST_LENGTH_TIGHTENED", "RESPONSE_LENGTH_LOOSENED", "", func(o, n *model.Field) (bool, bool, string) {
		return limits("min_length", o.MinLength, n.MinLength, "max_length", o.MaxLength, n.MaxLength)
	}},
	{"items", "REQUEST_ITEMS_TIGHTENED", "RESPONSE_ITEMS_LOOSENED", "", func(o, n *model.Field) (bool, bool, string) {
		return limits("min_items", o.MinItems, n.MinItems, "max_items", o.MaxItems, n.MaxItems)
	}},
	{"pattern", "REQUEST_PATTERN_ADDED", "RESPONSE_PATTERN_REMOVED", "PATTERN_CHANGED", func(o, n *model.Field) (bool, bool, string) {
		return text("pattern", o.Pattern, n.Pattern)
	}},
	{"format", "REQUEST_FORMAT_ADDED", "RESPONSE_FORMAT_REMOVED", "FORMAT_CHANGED", func(o, n *model.Field) (bool, bool, string) {
		return text("format", o.Format, n.Format)
	}},
	{"non_empty", "REQUEST_NON_EMPTY_ADDED", "RESPONSE_NON_EMPTY_REMOVED", "", func(o, n *model.Field) (bool, bool, string) {
		return boolFlag("non_empty", o.NonEmpty, n.NonEmpty)
	}},
	{"unique_items", "REQUEST_UNIQUE_ITEMS_ADDED", "RESPONSE_UNIQUE_ITEMS_REMOVED", "", func(o, n *model.Field) (bool, bool, string) {
		return boolFlag("unique_items", o.UniqueItems, n.UniqueItems)
	}},
	{"key_pattern", "REQUEST_KEY_PATTERN_ADDED", "RESPONSE_KEY_PATTERN_REMOVED", "KEY_PATTERN_CHANGED", func(o, n *model.Field) (bool, bool, string) {
		return text("key_pattern", o.KeyPattern, n.KeyPattern)
	}},
}

// constraints reports each constraint family that changed, in direction d.
func (c *comparer) constraints(of, nf *model.Field, d dir, at func(string, string, ...any)) {
	for _, k := range constraints {
		tighter, looser, desc := k.compare(of, nf)
		switch {
		case !tighter && !looser:
		case tighter && looser:
			// Both ways at once (a pattern or format replaced): values
			// may be refused in either direction.
			if k.changed != "" {
				at(k.changed, "%s", desc)
			} else {
				at(d.pick(k.tighterInRequest, k.looserInResponse), "%s", desc)
			}
		case tighter:
			at(d.pick(k.tighterInRequest, "RESPONSE_CONSTRAINT_TIGHTENED"), "%s", desc)
		default:
			at(d.pick("REQUEST_CONSTRAINT_RELAXED", k.looserInResponse), "%s", desc)
		}
	}
}

// bounds compares the numeric bounds: a bound added or moved inwards is
// tighter, removed or moved outwards looser.
func bounds(o, n *model.Field) (bool, bool, string) {
	var tighter, looser bool
	var desc []string
	cmp := func(name string, ov, nv *value.Value, lower bool) {
		switch {
		case ov == nil && nv == nil:
			return
		case ov == nil:
			tighter = true
		case nv == nil:
			looser = true
		case ov.Float() == nv.Float():
			return
		case (nv.Float() > ov.Float()) == lower:
			tighter = true
		default:
			looser = true
		}
		desc = append(desc, fmt.Sprintf("%s %s is now %s", name, show(ov), show(nv)))
	}
	cmp("minimum", o.Minimum, n.Minimum, true)
	cmp("exclusive_minimum", o.ExclusiveMinimum, n.ExclusiveMinimum, true)
	cmp("maximum", o.Maximum, n.Maximum, false)
	cmp("exclusive_maximum", o.ExclusiveMaximum, n.ExclusiveMaximum, false)
	return tighter, looser, join(desc)
}

// limits compares a lower and an upper count limit.
func limits(minName string, omin, nmin *int, maxName string, omax, nmax *int) (bool, bool, string) {
	var tighter, looser bool
	var desc []string
	cmp := func(name string, ov, nv *int, lower bool) {
		switch {
		case ov == nil && nv == nil:
			return
		case ov == nil:
			tighter = true
		case nv == nil:
			looser = true
		case *ov == *nv:
			return
		case (*nv > *ov) == lower:
			tighter = true
		default:
			looser = true
		}
		desc = append(desc, fmt.Sprintf("%s %s is now %s", name, showInt(ov), showInt(nv)))
	}
	cmp(minName, omin, nmin, true)
	cmp(maxName, omax, nmax, false)
	return tighter, looser, join(desc)
}

// text compares a constraint given as text: added is tighter, removed
// looser, replaced both.
func text(name, o, n string) (bool, bool, string) {
	switch {
	case o == n:
		return false, false, ""
	case o == "":
		return true, false, fmt.Sprintf("%s %q is added", name, n)
	case n == "":
		return false, true, fmt.Sprintf("%s %q is removed", name, o)
	}
	return true, true, fmt.Sprintf("%s %q is now %q", name, o, n)
}

func boolFlag(name string, o, n bool) (bool, bool, string) {
	switch {
	case o == n:
		return false, false, ""
	case n:
		return true, false, name + " is added"
	}
	return false, true, name + " is removed"
}

func show(v *value.Value) string {
	if v == nil {
		return "none"
	}
	return string(v.JSON())
}

func showInt(p *int) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprint(*p)
}

func join(parts []string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += ", "
		}
		out += p
	}
	return out
}
