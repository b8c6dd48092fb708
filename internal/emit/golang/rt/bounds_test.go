package rt

import (
	"errors"
	"testing"
)

// TestBounds checks each two-sided check at, inside and past both bounds:
// the rule, the sentinel and the spec's text of the bound that is broken.
func TestBounds(t *testing.T) {
	p := keyPath(nil, "f")
	check := func(name string, run func(es *Errors), rule string, kind error, msg string) {
		t.Helper()
		var es Errors
		run(&es)
		if rule == "" {
			if len(es) != 0 {
				t.Errorf("%s: unexpected %v", name, es)
			}
			return
		}
		if len(es) != 1 || es[0].Rule != rule || !errors.Is(es[0], kind) || es[0].Message != msg || es[0].Path != "f" {
			t.Errorf("%s: got %v, want one %s violation %q at f", name, es, rule, msg)
		}
	}
	check("length at lo", func(es *Errors) { es.lengthIn(&p, "ab", 2, 3, "short", "long") }, "", nil, "")
	check("length at hi, in runes", func(es *Errors) { es.lengthIn(&p, "äöü", 2, 3, "short", "long") }, "", nil, "")
	check("length below", func(es *Errors) { es.lengthIn(&p, "a", 2, 3, "short", "long") }, "min_length", ErrLength, "short")
	check("length above", func(es *Errors) { es.lengthIn(&p, "abcd", 2, 3, "short", "long") }, "max_length", ErrLength, "long")
	check("items inside", func(es *Errors) { es.itemsIn(&p, 2, 1, 2, "few", "many") }, "", nil, "")
	check("items below", func(es *Errors) { es.itemsIn(&p, 0, 1, 2, "few", "many") }, "min_items", ErrTooFewItems, "few")
	check("items above", func(es *Errors) { es.itemsIn(&p, 3, 1, 2, "few", "many") }, "max_items", ErrTooManyItems, "many")
	check("int at bounds", func(es *Errors) { es.intIn(&p, -5, -5, 5, "below", "above") }, "", nil, "")
	check("int below", func(es *Errors) { es.intIn(&p, -6, -5, 5, "below", "above") }, "minimum", ErrOutOfRange, "below")
	check("int above", func(es *Errors) { es.intIn(&p, 6, -5, 5, "below", "above") }, "maximum", ErrOutOfRange, "above")
	check("float at bounds", func(es *Errors) { es.floatIn(&p, 0.5, 0.5, 1, "below", "above") }, "", nil, "")
	check("float below", func(es *Errors) { es.floatIn(&p, 0.49, 0.5, 1, "below", "above") }, "minimum", ErrOutOfRange, "below")
	check("float above", func(es *Errors) { es.floatIn(&p, 1.01, 0.5, 1, "below", "above") }, "maximum", ErrOutOfRange, "above")
}
