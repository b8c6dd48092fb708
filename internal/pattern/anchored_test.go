package pattern

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestAnchor splits portable patterns at their literals: a leading \b
// becomes the one-character test, and the rest, from the literal on, the
// anchored tail. Patterns that look back past their start stay whole.
func TestAnchor(t *testing.T) {
	cases := []struct {
		spec   string
		lits   []string
		before bool
	}{
		{`\bgh[pousr]_[A-Za-z0-9_]{20,}\b`, []string{"gho_", "ghp_", "ghr_", "ghs_", "ghu_"}, true},
		{`\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b`, []string{"sk_live_", "sk_test_"}, true},
		{`-----BEGIN [A-Z ]*PRIVATE KEY-----`, []string{"-----BEGIN "}, false},
		{`(?i)\bkey=`, []string{"KEY=", "KEy=", "KeY=", "Key=", "kEY=", "kEy=", "keY=", "key=", "\u212aEY=", "\u212aEy=", "\u212aeY=", "\u212aey="}, true},
		{`^secret`, nil, false},
		{`a\bb|c`, nil, false},
		{`[a-z]+@x`, []string{"@x"}, true},
		{`[a-z]*@x`, []string{"@x"}, false},
		{`[a-z]{2,}@x`, nil, false},
	}
	for _, c := range cases {
		re, err := PortablePattern(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		f, ok := Anchor(re)
		assert.Equal(t, c.lits != nil, ok, c.spec)
		if !ok {
			continue
		}
		assert.Equal(t, c.lits, f.Lits, c.spec)
		assert.Equal(t, c.before, f.Before != "", c.spec)
		regexp.MustCompile(f.Tail)
		if f.Before != "" {
			regexp.MustCompile(f.Before)
		}
	}
}

// TestAnchorLeavesWhatItCannotPrint: a part the portable printer refuses
// (a multi-line anchor, which no portable pattern holds) leaves the
// pattern whole rather than splitting it into a part that means something
// else.
func TestAnchorLeavesWhatItCannotPrint(t *testing.T) {
	re, err := PortablePattern(`\bab`)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := Anchor(re + "$"); !ok {
		t.Fatalf("Anchor did not split %s$", re)
	}
	if f, ok := Anchor(re + "(?m:$)"); ok {
		t.Fatalf("Anchor split %s with a multi-line end: %+v", re, f)
	}
}
