package docs

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// escapePieces are the characters around which escaping decides something:
// every character it escapes or links, block markers, digits, spaces of
// every kind, line breaks, non-ASCII and invalid UTF-8.
var escapePieces = []string{
	"a", "Z", "word", "snake_case", "0", "7", "1.", "2)", " ", "  ", "\t", "\n", "\r", "\v", "\f",
	"\\", "`", "*", "[", "]", "|", "#", "{", "}", "_", "<", ">", "&", "~", ":", "@", "!",
	"-", "+", "=", ".", ",", "(", ")", "'", "\"", "/", "https://x.example/a", "me@x.example",
	"é", "\u00a0", "\u0085", "\u2028", "\xff", "\x7f", "\x00",
}

// TestPlainShortcutsAgree: a string the shortcuts call plain escapes to
// itself (mdInline) or to itself between single backticks (codeSpan)
// through the full path too, and the shortcuts take the strings they were
// made for.
func TestPlainShortcutsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	inline, code := 0, 0
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			if rng.IntN(3) == 0 {
				b.WriteString(escapePieces[rng.IntN(len(escapePieces))])
			} else {
				b.WriteString(escapePieces[rng.IntN(3)])
			}
		}
		s := b.String()
		if plainInline(s) {
			inline++
			if got := escapeInline(s); got != s {
				t.Fatalf("plainInline(%q), but mdInline gives %q", s, got)
			}
			if got := escapeLabel(s); got != s {
				t.Fatalf("plainInline(%q), but linkLabel gives %q", s, got)
			}
			if got := wrapParas(s, len(s)); got != s {
				t.Fatalf("plainInline(%q), but para at width %d gives %q", s, len(s), got)
			}
		}
		if plainCode(s) {
			code++
			if got := codeSpans(s); got != "`"+s+"`" {
				t.Fatalf("plainCode(%q), but codeSpan gives %q", s, got)
			}
		}
	}
	for _, s := range []string{"Tenant identifier.", "Reports (at most 10), one per day!", "a-b c.d"} {
		if !plainInline(s) || !plainCode(s) {
			t.Errorf("%q: plain inline %v, plain code %v; want both", s, plainInline(s), plainCode(s))
		}
	}
	if inline < 1000 || code < 1000 {
		t.Fatalf("only %d plain inline and %d plain code strings drawn", inline, code)
	}
}
