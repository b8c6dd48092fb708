package rt

import (
	"math"
	"math/big"
	"strconv"
	"testing"
)

// TestExactInt reads integers written with fractions and exponents
// exactly, at the edges of float64's precision and of int64.
func TestExactInt(t *testing.T) {
	for _, c := range []struct {
		text             string
		v                int64
		integer, inRange bool
	}{
		{"1.0", 1, true, true},
		{"1e2", 100, true, true},
		{"12.50e1", 125, true, true},
		{"-0.0", 0, true, true},
		{"0e-999999999999", 0, true, true},
		{"0.000e5", 0, true, true},
		{"1.5", 0, false, true},
		{"1e-1", 0, false, true},
		{"1e-99999999999999999999", 0, false, true},
		{"9007199254740993.0", 9007199254740993, true, true},
		{"9007199254740993.5", 0, false, true},
		{"9.007199254740993e15", 9007199254740993, true, true},
		{"9223372036854775807.0", math.MaxInt64, true, true},
		{"9223372036854775000.0", 9223372036854775000, true, true},
		{"9223372036854775808.0", 0, true, false},
		{"-9223372036854775808.0", math.MinInt64, true, true},
		{"-9223372036854775809.0", 0, true, false},
		{"-9.223372036854775808e18", math.MinInt64, true, true},
		{"1e19", 0, true, false},
		{"1e400", 0, true, false},
		{"1e99999999999999999999", 0, true, false},
		{"00012.3400e2", 1234, true, true},
		{"123456789012345678901234567890123456e-30", 0, false, true},
		{"123456789012345678901234567890000000e-30", 0, false, true},
		{"123456789012345678901234567890000000e-29", 0, false, true},
		{"1234560000000000000000000000000000000000e-34", 123456, true, true},
	} {
		// The wanted answer from exact rational arithmetic, where the
		// exponent is small enough for it.
		if r, ok := new(big.Rat).SetString(c.text); ok && len(c.text) < 60 && !bigExp(c.text) {
			want := r.IsInt()
			if want != c.integer {
				t.Fatalf("case %s: table says integer=%v, big.Rat %v", c.text, c.integer, want)
			}
		}
		v, integer, inRange := exactInt([]byte(c.text))
		if integer != c.integer || inRange != c.inRange || (integer && inRange && v != c.v) {
			t.Errorf("exactInt(%s) = %d, %v, %v; want %d, %v, %v", c.text, v, integer, inRange, c.v, c.integer, c.inRange)
		}
	}
}

// bigExp reports whether text has an exponent too large for big.Rat to
// expand quickly.
func bigExp(text string) bool {
	for i := range text {
		if text[i] == 'e' {
			n, err := strconv.Atoi(text[i+1:])
			return err != nil || n > 1000 || n < -1000
		}
	}
	return false
}

// TestExactIntAgreesWithBigRat compares exactInt with exact rational
// arithmetic on numbers around the edges of int64 and of float64's
// integers, written with fractions and exponents.
func TestExactIntAgreesWithBigRat(t *testing.T) {
	bases := []string{"9223372036854775807", "9223372036854775808", "9007199254740993", "1", "0", "10", "123456789"}
	for _, b := range bases {
		for _, sign := range []string{"", "-"} {
			for _, form := range []string{b + ".0", b + ".5", b + "0e-1", b + "1e-1", b[:1] + "." + b[1:] + "e" + strconv.Itoa(len(b)-1), b + "e0", b + "e1", "0." + b + "e" + strconv.Itoa(len(b))} {
				text := sign + form
				r, _ := new(big.Rat).SetString(text)
				v, integer, inRange := exactInt([]byte(text))
				if integer != r.IsInt() {
					t.Errorf("%s: integer %v, want %v", text, integer, r.IsInt())
					continue
				}
				if !integer {
					continue
				}
				fits := r.Num().IsInt64()
				if inRange != fits || fits && v != r.Num().Int64() {
					t.Errorf("%s: %d in range %v, want %s in range %v", text, v, inRange, r.Num(), fits)
				}
			}
		}
	}
}

// TestExactIntDoesNotAllocate: reading an integer written with a fraction
// allocates nothing.
func TestExactIntDoesNotAllocate(t *testing.T) {
	text := []byte("9223372036854775807.000e0")
	if n := testing.AllocsPerRun(100, func() {
		if _, ok, in := exactInt(text); !ok || !in {
			t.Fatal("not read")
		}
	}); n != 0 {
		t.Fatalf("allocated %.1f times", n)
	}
}

// TestDecoderReadsIntegersExactly: the decoder's integers written with a
// fraction or an exponent keep their value, and its errors tell a
// fraction from a value beyond int64.
func TestDecoderReadsIntegersExactly(t *testing.T) {
	for text, want := range map[string]string{
		"9007199254740993.0":      "9007199254740993",
		"9223372036854775807.0":   "9223372036854775807",
		"-92233720368547758.08e2": "-9223372036854775808",
		"9007199254740993.5":      "must be an integer, got 9007199254740993.5",
		"9223372036854775808.0":   "integer 9223372036854775808.0 is outside the 64-bit range",
		"1e400":                   "integer 1e400 is outside the 64-bit range",
	} {
		d := newDecoder([]byte(text), nil)
		v, err := d.Int(nil)
		got := strconv.FormatInt(v, 10)
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", text, got, want)
		}
	}
}
