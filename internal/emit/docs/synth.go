package docs

import (
	"math"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/pattern"
	"github.com/contractgen/contractgen/internal/value"
)

// Examples synthesized from defaults, for messages the spec gives none
// for: the values the rules ask for, within bounds that keep them small.

// maxSynthValues bounds an example synthesized from defaults. An example
// of a type that nests required objects grows with the product of their
// widths (ten required fields of a type with ten required fields, six
// levels deep, is a million values), so past this many values synthesis
// stops and generation asks for an example in the spec instead.
const maxSynthValues = 10000

// synthesizer builds example values from defaults. It stops at a type
// already on its path, which only a recursive type reaches, and counts the
// values it makes against maxSynthValues.
type synthesizer struct {
	onPath map[*model.Type]bool
	made   int
	// fb are the contract's forbidden-material rules, whose keys the map
	// keys it makes up avoid; nil for none.
	fb *model.Forbidden
}

// newSynth returns a synthesizer with an empty path and nothing made.
func newSynth(fb *model.Forbidden) *synthesizer {
	return &synthesizer{onPath: map[*model.Type]bool{}, fb: fb}
}

// over reports whether the synthesizer stopped at maxSynthValues.
func (sy *synthesizer) over() bool { return sy.made > maxSynthValues }

// object builds an example of t from defaults: the type's own first
// example when it has one, else every field that has or needs a value.
func (sy *synthesizer) object(t *model.Type) *value.Value {
	if ex := first(t.Examples); ex != nil && t.Role == model.RoleType {
		return ex
	}
	if sy.onPath[t] || sy.over() {
		return object()
	}
	sy.onPath[t] = true
	defer delete(sy.onPath, t)
	if u := t.Union; u != nil && len(u.Variants) > 0 && u.Variants[0].Type != nil {
		// The first variant, with the discriminator set to select it.
		v := u.Variants[0]
		ex := sy.object(v.Type)
		out := object()
		out.Members = append(out.Members, value.Member{Key: u.Discriminator, Value: str(v.Value)})
		for _, m := range ex.Members {
			if m.Key != u.Discriminator {
				out.Members = append(out.Members, m)
			}
		}
		return out
	}
	out := object()
	for _, f := range t.Fields {
		if f.Source == model.SourceRequest {
			// A placeholder keeps field order; fillSources sets the value.
			out.Members = append(out.Members, value.Member{Key: f.Name, Value: &value.Value{Kind: value.Null}})
			continue
		}
		if f.Source != model.SourceNone {
			continue
		}
		if v := sy.field(f); v != nil {
			out.Members = append(out.Members, value.Member{Key: f.Name, Value: v})
		}
	}
	return out
}

// field is the value an example shows for f, or nil to leave it out.
func (sy *synthesizer) field(f *model.Field) *value.Value {
	sy.made++
	switch {
	case f.Const != nil:
		return f.Const
	case f.Default != nil:
		return f.Default
	case f.Generate != nil:
		switch f.Generate.Kind {
		case model.GenerateUUID:
			return str(f.Generate.Prefix + "00000000-0000-4000-8000-000000000000")
		case model.GenerateNow:
			return str(f.Generate.Prefix + "2026-01-01T00:00:00Z")
		}
		return str(f.Generate.Prefix + strings.Repeat("0", f.Generate.HexDigits))
	case f.Nullable:
		return &value.Value{Kind: value.Null}
	case !f.Required:
		return nil
	}
	return sy.typed(f, f.Type, 0)
}

// typed is an example value of type t for field f (t is f's type or an
// element of it). Scalars differ by nth, the item's index in a list whose
// items must be unique (0 elsewhere), where the field's rules allow.
func (sy *synthesizer) typed(f *model.Field, t *model.TypeRef, nth int) *value.Value {
	switch t.Kind {
	case model.KindString:
		s := "example"
		if sf := pattern.Formats[f.Format]; sf != nil {
			s = pattern.FormatSample(sf.Name, nth)
		}
		if f.MinLength != nil && len(s) < *f.MinLength {
			s += strings.Repeat("x", *f.MinLength-len(s))
		}
		if f.MaxLength != nil && len(s) > *f.MaxLength {
			s = s[:*f.MaxLength]
		}
		return str(patterned(f, distinct(f, s, nth), nth))
	case model.KindState:
		return str(t.State.Values[nth%len(t.State.Values)].Value)
	case model.KindInteger, model.KindNumber:
		n := "0"
		if f.Minimum != nil && f.Minimum.Float() > 0 {
			n = f.Minimum.Num
		} else if f.Maximum != nil && f.Maximum.Float() < 0 {
			n = f.Maximum.Num
		}
		// A strict bound: one whole step inside it.
		if b := f.ExclusiveMinimum; b != nil && b.Float() >= 0 {
			n = strconv.FormatInt(int64(math.Floor(b.Float()))+1, 10)
		} else if b := f.ExclusiveMaximum; b != nil && b.Float() <= 0 {
			n = strconv.FormatInt(int64(math.Ceil(b.Float()))-1, 10)
		}
		return &value.Value{Kind: value.Int, Num: offset(f, t, n, nth)}
	case model.KindBoolean:
		return &value.Value{Kind: value.Bool, Bool: nth%2 == 1}
	case model.KindList:
		l := &value.Value{Kind: value.List, Items: []*value.Value{}}
		for i := 0; i < fewest(f, t) && !sy.over(); i++ {
			sy.made++
			nth := 0
			if f.UniqueItems {
				nth = i
			}
			l.Items = append(l.Items, sy.typed(f, t.Elem, nth))
		}
		return l
	case model.KindMap:
		m := object()
		for i := 0; i < fewest(f, t) && !sy.over(); i++ {
			sy.made++
			m.Members = append(m.Members, value.Member{Key: sy.mapKey(f, i), Value: sy.typed(f, t.Elem, 0)})
		}
		return m
	case model.KindObject:
		return sy.object(t.Object)
	}
	return object()
}

// patterned is s when f has no pattern or s matches it, else a string the
// pattern yields within f's lengths (s when there is none, which the
// example's check then reports). A format's sample is kept as it is.
func patterned(f *model.Field, s string, nth int) string {
	if f.Pattern == "" || f.Format != "" || (nth == 0 && matches(f.Pattern, s)) {
		return s
	}
	lo, hi := 0, -1
	if f.MinLength != nil {
		lo = *f.MinLength
	}
	if f.NonEmpty {
		lo = max(lo, 1)
	}
	if f.MaxLength != nil {
		hi = *f.MaxLength
	}
	if p, ok := pattern.SampleNth(f.Pattern, lo, hi, nth); ok {
		return p
	}
	return s
}

// fewest is how many items or entries container t of field f must hold:
// its min_items, at least one when non_empty; none for containers inside
// it, which those rules do not reach.
func fewest(f *model.Field, t *model.TypeRef) int {
	if t != f.Type {
		return 0
	}
	n := 0
	if f.MinItems != nil {
		n = *f.MinItems
	}
	if f.NonEmpty {
		n = max(n, 1)
	}
	return n
}

// mapKey is the key of the nth entry of an example map of field f: key,
// key1, key2..., or the key pattern's nth sample when it refuses those;
// a key a forbidden-key rule refuses gives way to entry, name or k (with
// nth), or to a later sample of the key pattern.
func (sy *synthesizer) mapKey(f *model.Field, nth int) string {
	suffix := ""
	if nth > 0 {
		suffix = strconv.Itoa(nth)
	}
	var first string
	for _, base := range []string{"key", "entry", "name", "k"} {
		key := base + suffix
		if f.KeyPattern != "" && !matches(f.KeyPattern, key) {
			continue
		}
		if first == "" {
			first = key
		}
		if !sy.fb.KeyForbiddenAnywhere(key) {
			return key
		}
	}
	if f.KeyPattern != "" {
		// Samples nth, nth+100, ... differ from those of other entries.
		for i := 0; i < 8; i++ {
			k, ok := pattern.SampleNth(f.KeyPattern, 0, -1, nth+100*i)
			if !ok {
				break
			}
			if first == "" {
				first = k
			}
			if !sy.fb.KeyForbiddenAnywhere(k) {
				return k
			}
		}
	}
	if first == "" {
		first = "key" + suffix
	}
	return first // the example check reports it
}

// distinct is s with nth appended when nth > 0, within the field's
// max_length, so that the items of a unique list differ.
func distinct(f *model.Field, s string, nth int) string {
	if nth == 0 || f.Format != "" {
		return s
	}
	suffix := strconv.Itoa(nth)
	if f.MaxLength != nil && len(s)+len(suffix) > *f.MaxLength {
		s = s[:max(0, *f.MaxLength-len(suffix))]
	}
	return s + suffix
}

// offset is the number n moved nth steps, up when the field's maximum
// allows and down otherwise, so that the items of a unique list differ.
func offset(f *model.Field, t *model.TypeRef, n string, nth int) string {
	if nth == 0 {
		return n
	}
	v, err := strconv.ParseFloat(n, 64)
	if err != nil {
		return n
	}
	if up := v + float64(nth); (f.Maximum == nil || up <= f.Maximum.Float()) && (f.ExclusiveMaximum == nil || up < f.ExclusiveMaximum.Float()) {
		v = up
	} else {
		v -= float64(nth)
	}
	if t.Kind == model.KindInteger {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// matches reports whether s holds a match of the portable pattern p.
func matches(p, s string) bool {
	re, err := pattern.Compile(p)
	return err == nil && re.MatchString(s)
}
