package rt

import (
	"crypto/rand"
	"encoding/hex"
	"net/netip"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// isSpace is the whitespace that trimming removes: Unicode White_Space plus
// the information separators U+001C..U+001F, the same set Python's
// str.strip() removes.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// trimSpace removes leading and trailing whitespace as isSpace defines it.
//
// Out of line like orDefault.
//
//go:noinline
func trimSpace(s string) string {
	return strings.TrimFunc(s, isSpace)
}

// isBlank reports whether s is empty once trimmed.
func isBlank(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// runeCount measures strings in code points, as JSON Schema does.
func runeCount(s string) int { return utf8.RuneCountInString(s) }

// isDateTime checks RFC 3339 date-time syntax (section 5.6) and that the
// date and time exist: four-digit year, two-digit fields, "T" or "t" between
// date and time, an optional fraction of at least one digit after a ".", and
// "Z", "z" or a numeric offset +hh:mm / -hh:mm with hh at most 23 and mm at
// most 59. JSON Schema validators read format date-time the same way. Leap
// seconds (:60) are rejected, since time.Parse cannot represent them.
func isDateTime(s string) bool {
	n := len(s)
	if n < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':' {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18} {
		if !isDigit(s[i]) {
			return false
		}
	}
	i := 19
	if s[i] == '.' {
		i++
		start := i
		for i < n && isDigit(s[i]) {
			i++
		}
		if i == start {
			return false
		}
	}
	switch tz := s[i:]; {
	case tz == "Z" || tz == "z":
	case len(tz) == 6 && (tz[0] == '+' || tz[0] == '-') && tz[3] == ':' &&
		isDigit(tz[1]) && isDigit(tz[2]) && isDigit(tz[4]) && isDigit(tz[5]):
		if (tz[1]-'0')*10+(tz[2]-'0') > 23 || (tz[4]-'0')*10+(tz[5]-'0') > 59 {
			return false
		}
	default:
		return false
	}
	// time.Parse checks the ranges of every field and the day of the month;
	// it wants upper-case T and Z, which RFC 3339 only prefers.
	if s[10] == 't' || s[n-1] == 'z' {
		b := []byte(s)
		b[10] = 'T'
		if b[n-1] == 'z' {
			b[n-1] = 'Z'
		}
		s = string(b)
	}
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// hasRepeat reports whether two items of v are equal.
func hasRepeat[T comparable](v []T) bool {
	seen := make(map[T]struct{}, len(v))
	for _, x := range v {
		if _, ok := seen[x]; ok {
			return true
		}
		seen[x] = struct{}{}
	}
	return false
}

// isDate reports whether s, which matches the date pattern, names a day
// that exists (no February 30).
func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// isIPv6 reports whether s is an IPv6 address in text form, without a zone.
func isIPv6(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is6() && a.Zone() == "" && strings.Contains(s, ":")
}

// lowerKey lower-cases a key as Python's str.lower() does: each character
// takes its simple lower-case mapping (the Kelvin sign U+212A becomes k),
// except U+0130, which becomes "i" followed by U+0307. Keys that are already
// lower-case ASCII are returned as they are, without allocating.
func lowerKey(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == '\u0130' {
			b.WriteString("i\u0307")
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// equalSlices compares two lists of comparable values.
func equalSlices[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// randomUUID draws a random UUID (version 4, RFC 9562) from crypto/rand,
// in its lowercase 8-4-4-4-12 form.
func randomUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails since Go 1.24
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// randomHex draws n lowercase hexadecimal digits from crypto/rand.
func randomHex(n int) string {
	b := make([]byte, (n+1)/2)
	_, _ = rand.Read(b) // crypto/rand.Read never fails since Go 1.24
	return hex.EncodeToString(b)[:n]
}

// orDefault is the builders' choice for an argument with a default: *p, or
// def when the argument is nil. A state is passed as its string, so that
// one instantiation serves every state set.
//
// Builders call it once per member. It and the builders' other helpers are
// kept out of line (go:noinline), so that each builder stays small: a
// contract of a thousand operations compiles about 2 s faster
// (scripts/bench-build.sh), for a few nanoseconds per call.
//
//go:noinline
func orDefault[T any](p *T, def T) T {
	if p != nil {
		return *p
	}
	return def
}

// orList is orDefault for a list or map argument, where nil means absent.
//
// Out of line like orDefault.
//
//go:noinline
func orList[S ~[]E, E any](s, def S) S {
	if s != nil {
		return s
	}
	return def
}

// copyOf is the builders' copy of a nullable argument: nil stays nil, a
// value is copied, so that the built value shares nothing with args.
//
// Out of line like orDefault.
//
//go:noinline
func copyOf[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
