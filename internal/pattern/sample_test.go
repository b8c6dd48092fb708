package pattern

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSample draws a sample for patterns of every construct and checks
// that it matches and fits the lengths.
func TestSample(t *testing.T) {
	cases := []struct {
		p        string
		min, max int
		want     string
	}{
		{`^[a-z][a-z0-9-]{2,31}$`, 0, -1, "aaa"},
		{`^[A-Z]{3}-\d{4}$`, 0, -1, "AAA-0000"},
		{`^(?:cus|acct)_[0-9a-f]{24}$`, 0, -1, "cus_aaaaaaaaaaaaaaaaaaaaaaaa"},
		{`^\+[1-9]\d{6,14}$`, 0, -1, "+1000000"},
		{`^[^@\s]+@[^@\s]+\.[a-z]{2,}$`, 0, -1, "a@a.aa"},
		{`^v\d+(\.\d+)*$`, 0, -1, "v0"},
		{`^\s*$`, 0, -1, ""},
		{`^[a-z]+$`, 5, 8, "aaaaa"},
		{`^x*y?$`, 3, -1, "xxy"},
		{`\bgh[pousr]_[A-Za-z0-9]{20,}\b`, 0, -1, "gho_aaaaaaaaaaaaaaaaaaaa"},
		{`^é{2}ü$`, 0, -1, "ééü"},
		{`[\s]`, 0, -1, " "},
	}
	for _, c := range cases {
		got, ok := Sample(c.p, c.min, c.max)
		if !ok || got != c.want {
			t.Errorf("Sample(%q, %d, %d) = %q, %v; want %q", c.p, c.min, c.max, got, ok, c.want)
			continue
		}
		if !regexp.MustCompile(c.p).MatchString(got) {
			t.Errorf("Sample(%q) = %q does not match", c.p, got)
		}
		if n := utf8.RuneCountInString(got); n < c.min || (c.max >= 0 && n > c.max) {
			t.Errorf("Sample(%q, %d, %d) = %q, %d characters", c.p, c.min, c.max, got, n)
		}
	}
}

// TestSampleGivesUp reports false, without a wrong string, for patterns
// no string within the lengths can match.
func TestSampleGivesUp(t *testing.T) {
	for _, c := range []struct {
		p        string
		min, max int
	}{
		{`^[a-z]{10}$`, 0, 5},
		{`^ab$`, 3, -1},
		{`[^\x00-\x{10FFFF}]`, 0, -1},
		{`(`, 0, -1},
		{`^a\bb$`, 0, -1},
	} {
		if got, ok := Sample(c.p, c.min, c.max); ok {
			t.Errorf("Sample(%q, %d, %d) = %q, want none", c.p, c.min, c.max, got)
		}
	}
}

// TestSampleNthDiffers draws distinct samples from the pattern's first
// class, cycling through it, and the same sample when no class varies.
func TestSampleNthDiffers(t *testing.T) {
	var got []string
	for n := 0; n < 4; n++ {
		s, ok := SampleNth(`^[a-c][0-9]$`, 0, -1, n)
		if !ok {
			t.Fatalf("SampleNth(%d) found none", n)
		}
		got = append(got, s)
	}
	if want := []string{"a0", "b0", "c0", "a0"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("samples = %v, want %v", got, want)
	}
	if s, ok := SampleNth(`^[-+]x$`, 0, -1, 1); !ok || s != "-x" && s != "+x" {
		t.Errorf("punctuation class: %q, %v", s, ok)
	}
	a, _ := SampleNth(`^[-+]x$`, 0, -1, 0)
	b, _ := SampleNth(`^[-+]x$`, 0, -1, 1)
	if a == b {
		t.Errorf("samples 0 and 1 of [-+] are both %q", a)
	}
	if s, ok := SampleNth(`^abc$`, 0, -1, 3); !ok || s != "abc" {
		t.Errorf("literal: %q, %v", s, ok)
	}
}
