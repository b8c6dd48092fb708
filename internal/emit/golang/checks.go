package golang

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/value"
)

// The checks of numbers, lists, maps and fixed values, each a statement
// as text (see block).

func numberChecks(fl *model.Field, t *model.TypeRef, v, p string) []string {
	var out []string
	bound := func(b *value.Value) string {
		if t.Kind == model.KindInteger {
			if n, err := strconv.ParseInt(b.Num, 10, 64); err == nil {
				return litInt64(n)
			}
			return "int64(" + litFloat(b.Float()) + ")"
		}
		return litFloat(b.Float())
	}
	if t.Kind == model.KindNumber {
		out = append(out, "es.notFinite("+join(p, v)+")")
	}
	if c := rangeCheck(fl, t, v, p); c != "" {
		out = append(out, c)
	} else {
		if fl.Minimum != nil {
			out = append(out, fail(v+" < "+bound(fl.Minimum), p, fl, model.RuleMinimum, "ErrOutOfRange"))
		}
		if fl.Maximum != nil {
			out = append(out, fail(v+" > "+bound(fl.Maximum), p, fl, model.RuleMaximum, "ErrOutOfRange"))
		}
	}
	if fl.ExclusiveMinimum != nil {
		out = append(out, fail(v+" <= "+bound(fl.ExclusiveMinimum), p, fl, model.RuleExclusiveMinimum, "ErrOutOfRange"))
	}
	if fl.ExclusiveMaximum != nil {
		out = append(out, fail(v+" >= "+bound(fl.ExclusiveMaximum), p, fl, model.RuleExclusiveMaximum, "ErrOutOfRange"))
	}
	return out
}

// rangeCheck is the one-call check of a number with both a minimum and a
// maximum (intIn, floatIn), or "" when it has not both or an integer
// bound is not an int64.
func rangeCheck(fl *model.Field, t *model.TypeRef, v, p string) string {
	if fl.Minimum == nil || fl.Maximum == nil {
		return ""
	}
	lo, hi := quote(fl.Message(model.RuleMinimum)), quote(fl.Message(model.RuleMaximum))
	if t.Kind == model.KindInteger {
		low, err1 := strconv.ParseInt(fl.Minimum.Num, 10, 64)
		high, err2 := strconv.ParseInt(fl.Maximum.Num, 10, 64)
		if err1 != nil || err2 != nil {
			return ""
		}
		return "es.intIn(" + join(p, v, litInt64(low), litInt64(high), lo, hi) + ")"
	}
	return "es.floatIn(" + join(p, v, litFloat(fl.Minimum.Float()), litFloat(fl.Maximum.Float()), lo, hi) + ")"
}

// itemChecks are the min_items and max_items checks of a list or map, in
// one call when it has both.
func itemChecks(fl *model.Field, v, p string) []string {
	if fl.MinItems != nil && fl.MaxItems != nil && *fl.MinItems > 0 {
		return []string{"es.itemsIn(" + join(p, "len("+v+")", litInt(*fl.MinItems), litInt(*fl.MaxItems),
			quote(fl.Message(model.RuleMinItems)), quote(fl.Message(model.RuleMaxItems))) + ")"}
	}
	var out []string
	if fl.MinItems != nil && *fl.MinItems > 0 { // 0 or more items always holds
		out = append(out, fail("len("+v+") < "+litInt(*fl.MinItems), p, fl, model.RuleMinItems, "ErrTooFewItems"))
	}
	if fl.MaxItems != nil {
		out = append(out, fail("len("+v+") > "+litInt(*fl.MaxItems), p, fl, model.RuleMaxItems, "ErrTooManyItems"))
	}
	return out
}

func (g *gen) listChecks(fl *model.Field, t *model.TypeRef, v, p, sc string, depth int, top bool) []string {
	var out []string
	if top {
		out = itemChecks(fl, v, p)
	}
	if top && fl.NonEmpty {
		out = append(out, fail("len("+v+") == 0", p, fl, model.RuleNonEmpty, "ErrEmpty"))
	}
	if top && fl.UniqueItems {
		out = append(out, fail("hasRepeat("+v+")", p, fl, model.RuleUniqueItems, "ErrRepeatedItem"))
	}
	i, ip := fmt.Sprintf("i%d", depth), fmt.Sprintf("ip%d", depth)
	inner := g.valueChecks(fl, t.Elem, v+"["+i+"]", "&"+ip, sc, depth+1, false)
	if t.Elem.Kind == model.KindString && len(inner) == 1 {
		// Strings with no rule of their own are only scanned.
		return append(out, "scanEach("+join(p, v, "es", sc)+")")
	}
	if len(inner) > 0 {
		body := append([]string{ip + " := indexPath(" + join(p, i) + ")"}, inner...)
		out = append(out, block("for "+i+" := range "+v, body...))
	}
	return out
}

func (g *gen) mapChecks(fl *model.Field, t *model.TypeRef, v, p, sc string, depth int, top bool) []string {
	var out []string
	if top && fl.NonEmpty {
		out = append(out, fail("len("+v+") == 0", p, fl, model.RuleNonEmpty, "ErrEmpty"))
	}
	if top {
		out = append(out, itemChecks(fl, v, p)...)
	}
	i, kp, msc := fmt.Sprintf("i%d", depth), fmt.Sprintf("kp%d", depth), fmt.Sprintf("sc%d", depth)
	entry := v + "[" + i + "]"
	// The checks of the values, built once: building them twice per level
	// made nested maps cost 2^depth.
	inner := g.valueChecks(fl, t.Elem, entry+".Value", "&"+kp, msc, depth+1, false)
	if !(top && fl.KeyPattern != "") {
		// Keys with no pattern, and values with no rule of their own
		// (none, or strings only scanned), are only scanned.
		switch {
		case len(inner) == 0:
			return append(out, "scanMapKeys("+join(p, v, "es", sc)+")")
		case t.Elem.Kind == model.KindString && len(inner) == 1:
			return append(out, "scanEntries("+join(p, v, "es", sc)+")")
		}
	}
	body := []string{
		kp + " := keyPath(" + join(p, entry+".Key") + ")",
		block("if "+sc+"&anyKeys != 0", "checkKey("+join("&"+kp, entry+".Key", "es", sc)+")"),
	}
	if top && fl.KeyPattern != "" {
		body = append(body, fail("!"+g.pattern(fl.KeyPattern)+".MatchString("+entry+".Key)",
			"&"+kp, fl, model.RuleKeyPattern, "ErrPattern"))
	}
	if uses(inner, msc) {
		// The one argument of a call stands at the statement's depth,
		// where gofmt spaces the lower-precedence operator of a mix.
		// Values whose checks never scan (a list of state values) leave
		// the scan mode out, which Go would refuse as unused.
		body = append(body, msc+" := mapScan("+strings.Replace(sc, "|", " | ", 1)+")")
	}
	body = append(body, inner...)
	out = append(out, "uniqueKeys("+join(p, v, "es", sc)+")", block("for "+i+" := range "+v, body...))
	return out
}

// uses reports whether any of the statements names the identifier id
// outside string literals (a message may quote a field named like it).
func uses(stmts []string, id string) bool {
	for _, st := range stmts {
		for i := 0; i < len(st); i++ {
			switch c := st[i]; {
			case c == '"' || c == '`' || c == '\'':
				i = skipLiteral(st, i)
			case isIdentByte(c):
				end := i
				for end < len(st) && isIdentByte(st[end]) {
					end++
				}
				if st[i:end] == id {
					return true
				}
				i = end - 1
			}
		}
	}
	return false
}

// skipLiteral returns the index of the quote that closes the literal
// opening at s[i].
func skipLiteral(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && q != '`':
			j++
		case s[j] == q:
			return j
		}
	}
	return len(s)
}

// isIdentByte reports whether b can be part of a Go identifier; every
// byte of a multi-byte character counts, since such letters may be.
func isIdentByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b >= 0x80
}

// constCheck compares v with the field's fixed value.
func (g *gen) constCheck(fl *model.Field, v, p string) string {
	c := fl.Const
	var w gw // only for literals: a fixed scalar needs no import
	cond := ""
	switch fl.Type.Kind {
	case model.KindString, model.KindState, model.KindInteger, model.KindNumber, model.KindBoolean:
		cond = v + " != " + w.lit(c, fl.Type)
	case model.KindList:
		if k := fl.Type.Elem.Kind; k == model.KindString || k == model.KindState || k == model.KindInteger || k == model.KindNumber || k == model.KindBoolean {
			cond = "!equalSlices(" + join(v, g.constVar(c, fl.Type)) + ")"
		}
	}
	if cond == "" {
		// The value as the encoder writes it, against the const as the
		// same encoder writes it once: the members a decoder or builder
		// fills in (defaults, consts, null) and the numbers' spelling
		// then agree.
		var got, want string
		switch l := g.layoutRef(fl.Type, false); fl.Type.Kind {
		case model.KindAny:
			got, want = "string("+v+")", quote(string(c.JSON()))
		case model.KindObject:
			// v may be a pointer (a nullable member): its own encoder.
			got, want = "string("+v+".AppendJSON(nil))", g.constEncoded(c, fl.Type, l)
		default:
			got, want = "encodedAs(&"+join(v, l)+")", g.constEncoded(c, fl.Type, l)
		}
		cond = got + " != " + want
		if holdsMap(fl.Type) {
			// A map or json value keeps its members in the order sent,
			// which the contract leaves free.
			cond = "!sameValue(" + join(got, want) + ")"
		}
	}
	return fail(cond, p, fl, model.RuleConst, "ErrConst")
}

// holdsMap reports whether values of t may hold objects whose members
// come in any order: maps and json values, at any depth of lists, maps
// and object types.
func holdsMap(t *model.TypeRef) bool {
	return holdsMapSeen(t, map[*model.Type]bool{})
}

func holdsMapSeen(t *model.TypeRef, seen map[*model.Type]bool) bool {
	for ; t != nil; t = t.Elem {
		switch {
		case t.Kind == model.KindMap, t.Kind == model.KindAny:
			return true
		case t.Kind == model.KindObject && t.Object != nil && !seen[t.Object]:
			seen[t.Object] = true
			for _, r := range t.Object.Refs() {
				if holdsMapSeen(r, seen) {
					return true
				}
			}
		}
	}
	return false
}
