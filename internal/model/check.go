package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/contractgen/contractgen/internal/value"
)

// Problem is one way a literal breaks its field's rules.
type Problem struct {
	Pos  diag.Pos
	Path string
	Rule Rule
	Msg  string
}

// CheckObject checks a literal against an object type the way a builder
// takes its arguments: unknown keys, missing required keys and every field
// rule. Fields with a default, const, generator, source or null may be left
// out; Complete fills them in to give the document on the wire.
func CheckObject(v *value.Value, t *Type, path string) []Problem {
	if v.Kind != value.Object {
		return []Problem{{Pos: v.Pos, Path: path, Rule: RuleType, Msg: fmt.Sprintf("%s must be an object", pathOr(path, t.Name))}}
	}
	if t.Union != nil {
		vr, p := t.Union.Select(v, path)
		if vr == nil {
			return []Problem{p}
		}
		if vr.Object() == nil {
			return nil // reported by validation (see Variant.Object)
		}
		return CheckObject(v, vr.Object(), path)
	}
	var out []Problem
	for _, m := range v.Members {
		if FieldByName(t, m.Key) != nil {
			continue
		}
		if !t.Open {
			out = append(out, Problem{Pos: m.KeyPos, Path: join(path, m.Key), Rule: RuleType, Msg: fmt.Sprintf("unknown field %q in %s", m.Key, t.Name)})
			continue
		}
		// An open type skips members it does not model, but not a key
		// that differs from a member only in case.
		for _, f := range t.Fields {
			if strings.EqualFold(f.Name, m.Key) {
				out = append(out, Problem{Pos: m.KeyPos, Path: join(path, m.Key), Rule: RuleType, Msg: fmt.Sprintf("key %q differs from field %q of %s only in case", m.Key, f.Name, t.Name)})
			}
		}
	}
	for _, f := range t.Fields {
		fv := v.Get(f.Name)
		if fv == nil {
			// A required const may be left out of a literal: Complete fills
			// it in, as a builder does.
			if f.Required && f.Const == nil {
				out = append(out, Problem{Pos: v.Pos, Path: join(path, f.Name), Rule: RuleRequired, Msg: f.Message(RuleRequired)})
			}
			continue
		}
		out = append(out, CheckField(fv, f, join(path, f.Name))...)
	}
	return out
}

// CheckField checks one literal against a field's type and constraints.
func CheckField(v *value.Value, f *Field, path string) []Problem {
	if v.Kind == value.Null {
		if f.Nullable || f.Type.Kind == KindAny {
			return nil
		}
		return []Problem{{Pos: v.Pos, Path: path, Rule: RuleType, Msg: f.Message(RuleType)}}
	}
	if f.Const != nil && string(f.Const.JSON()) != string(v.JSON()) {
		return []Problem{{Pos: v.Pos, Path: path, Rule: RuleConst, Msg: f.Message(RuleConst)}}
	}
	return checkType(v, f, f.Type, path)
}

func checkType(v *value.Value, f *Field, t *TypeRef, path string) []Problem {
	bad := func(rule Rule) []Problem {
		msg := f.Message(rule)
		if _, custom := f.Messages[rule]; rule == RuleType && t != f.Type && !custom {
			// An element of a list or map: name the element's type, not the field's.
			msg = fmt.Sprintf("every element of %s must be %s", f.Name, t.Describe(false))
		}
		return []Problem{{Pos: v.Pos, Path: path, Rule: rule, Msg: msg}}
	}
	switch t.Kind {
	case KindAny:
		return nil
	case KindBoolean:
		if v.Kind != value.Bool {
			return bad(RuleType)
		}
	case KindInteger, KindNumber:
		// A whole number written with a fraction or exponent (2.0, 1e3) is
		// an integer, as it is to the decoders; AsInteger rewrites it so.
		if t.Kind == KindInteger && !v.AsInteger() || v.Kind != value.Int && v.Kind != value.Number {
			return bad(RuleType)
		}
		return checkNumber(v, f, bad)
	case KindString, KindState:
		if v.Kind != value.String {
			return bad(RuleType)
		}
		return checkString(v, f, t, bad)
	case KindList:
		if v.Kind != value.List {
			return bad(RuleType)
		}
		return checkItems(v, f, t, path, bad)
	case KindMap:
		if v.Kind != value.Object {
			return bad(RuleType)
		}
		var out []Problem
		if t == f.Type {
			if f.NonEmpty && len(v.Members) == 0 {
				out = append(out, bad(RuleNonEmpty)...)
			}
			if f.MinItems != nil && len(v.Members) < *f.MinItems {
				out = append(out, bad(RuleMinItems)...)
			}
			if f.MaxItems != nil && len(v.Members) > *f.MaxItems {
				out = append(out, bad(RuleMaxItems)...)
			}
			if f.KeyPattern != "" {
				for _, m := range v.Members {
					if !matches(f.KeyPattern, m.Key) {
						out = append(out, Problem{Pos: m.KeyPos, Path: join(path, m.Key), Rule: RuleKeyPattern, Msg: f.Message(RuleKeyPattern)})
					}
				}
			}
		}
		for _, m := range v.Members {
			out = append(out, checkType(m.Value, f, t.Elem, join(path, m.Key))...)
		}
		return out
	case KindObject:
		return CheckObject(v, t.Object, path)
	}
	return nil
}

func checkNumber(v *value.Value, f *Field, bad func(Rule) []Problem) []Problem {
	var out []Problem
	if f.Minimum != nil && v.Float() < f.Minimum.Float() {
		out = append(out, bad(RuleMinimum)...)
	}
	if f.Maximum != nil && v.Float() > f.Maximum.Float() {
		out = append(out, bad(RuleMaximum)...)
	}
	if f.ExclusiveMinimum != nil && v.Float() <= f.ExclusiveMinimum.Float() {
		out = append(out, bad(RuleExclusiveMinimum)...)
	}
	if f.ExclusiveMaximum != nil && v.Float() >= f.ExclusiveMaximum.Float() {
		out = append(out, bad(RuleExclusiveMaximum)...)
	}
	return out
}

func checkString(v *value.Value, f *Field, t *TypeRef, bad func(Rule) []Problem) []Problem {
	var out []Problem
	s := v.Str
	if t.Kind == KindState {
		for _, sv := range t.State.Values {
			if sv.Value == s {
				return nil
			}
		}
		return bad(RuleEnum)
	}
	if f.Trim {
		s = TrimSpace(s)
	}
	n := utf8.RuneCountInString(s)
	if f.NonEmpty && t == f.Type && n == 0 {
		out = append(out, bad(RuleNonEmpty)...)
	}
	if f.MinLength != nil && n < *f.MinLength {
		out = append(out, bad(RuleMinLength)...)
	}
	if f.MaxLength != nil && n > *f.MaxLength {
		out = append(out, bad(RuleMaxLength)...)
	}
	if f.Pattern != "" {
		if re, err := pattern.Compile(f.Pattern); err == nil && !re.MatchString(s) {
			out = append(out, bad(RulePattern)...)
		}
	}
	if f.Format == "date-time" {
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			out = append(out, bad(RuleFormat)...)
		}
	} else if f.Format != "" && !pattern.CheckFormat(f.Format, s, matches) {
		out = append(out, bad(RuleFormat)...)
	}
	return out
}

func checkItems(v *value.Value, f *Field, t *TypeRef, path string, bad func(Rule) []Problem) []Problem {
	var out []Problem
	if t == f.Type {
		if f.MinItems != nil && len(v.Items) < *f.MinItems {
			out = append(out, bad(RuleMinItems)...)
		}
		if f.MaxItems != nil && len(v.Items) > *f.MaxItems {
			out = append(out, bad(RuleMaxItems)...)
		}
		if f.NonEmpty && len(v.Items) == 0 {
			out = append(out, bad(RuleNonEmpty)...)
		}
		if f.UniqueItems && repeats(v.Items) {
			out = append(out, bad(RuleUniqueItems)...)
		}
	}
	for i, item := range v.Items {
		out = append(out, checkType(item, f, t.Elem, fmt.Sprintf("%s[%d]", path, i))...)
	}
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func pathOr(path, name string) string {
	if path == "" {
		return name
	}
	return path
}

// LowerKey lower-cases a key the way forbidden keys are compared: as
// Python's str.lower() does, each character takes its simple lower-case
// mapping (the Kelvin sign U+212A becomes k), except U+0130, which becomes
// "i" followed by U+0307. The generated runtime's lowerKey does the same.
func LowerKey(s string) string { return pattern.LowerKey(s) }

// KeyForbidden applies a key rule the way generated code and schemas do:
// the lower-cased key equals an exact key or contains a part.
func KeyForbidden(k *KeyRule, key string) bool {
	lower := LowerKey(key)
	for _, e := range k.Exact {
		if lower == e {
			return true
		}
	}
	for _, p := range k.Parts {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

// IsSpace is the whitespace trimming removes: Unicode White_Space plus
// U+001C..U+001F, the set Python's str.strip() removes.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// TrimSpace trims IsSpace characters from both ends.
func TrimSpace(s string) string { return strings.TrimFunc(s, IsSpace) }

// matches reports whether the RE2 pattern re matches s. A pattern that
// does not compile matches everything: the validator reports the pattern
// itself and still checks a spec's literals (to show every error in one
// run), which must not fail on it too, as the string pattern check does not.
func matches(re, s string) bool {
	r, err := pattern.Compile(re)
	return err != nil || r.MatchString(s)
}

// Select finds the variant of a union literal by its discriminator member;
// when there is none it returns the problem, as the decoder reports it.
func (u *Union) Select(v *value.Value, path string) (*Variant, Problem) {
	d := v.Get(u.Discriminator)
	dp := join(path, u.Discriminator)
	switch {
	case d == nil:
		return nil, Problem{Pos: v.Pos, Path: dp, Rule: RuleRequired, Msg: u.Discriminator + " is required"}
	case d.Kind != value.String:
		return nil, Problem{Pos: d.Pos, Path: dp, Rule: RuleType, Msg: u.Discriminator + " must be a string"}
	}
	if vr := u.Variant(d.Str); vr != nil {
		return vr, Problem{}
	}
	return nil, Problem{Pos: d.Pos, Path: dp, Rule: RuleEnum, Msg: UnionEnumMessage(u)}
}

// UnionEnumMessage is the error for a discriminator value no variant has.
func UnionEnumMessage(u *Union) string {
	vals := u.Values()
	sort.Strings(vals)
	return u.Discriminator + " must be one of: " + strings.Join(vals, ", ")
}

// repeats reports whether two items are equal as JSON values (numbers by
// value, objects whatever their key order).
func repeats(items []*value.Value) bool {
	seen := map[string]bool{}
	for _, it := range items {
		k := it.Canonical()
		if seen[k] {
			return true
		}
		seen[k] = true
	}
	return false
}
