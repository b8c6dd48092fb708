package validate

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPortablePatterns(t *testing.T) {
	// Patterns that mean the same in RE2, ECMA-262 and Python.
	for _, re := range []string{
		`^[a-z]+$`,
		`^[A-Za-z0-9_-]{1,64}$`,
		`\bgh[pousr]_[A-Za-z0-9_]{20,}\b`,
		`\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b`,
		`\bxox[baprs]-[A-Za-z0-9\-]{16,}\b`,
		`-----BEGIN [A-Z ]*PRIVATE KEY-----`,
		`^https://[A-Za-z0-9.\-]+(:[0-9]{2,5})?(/[^ \t]*)?$`,
		`a\.b\*c\?`,
		`^\\d$`,   // a literal backslash followed by d
		`^\\1$`,   // a literal backslash followed by 1
		`^\\\\w$`, // two literal backslashes followed by w
		`^[(]?[0-9]{3}[)]?$`,
		`(a|b)+c{2}`,
		`\x41\t\n`, // two-digit hex escapes are fine
		`^\[\]\{\}$`,
	} {
		t.Run(re, func(t *testing.T) {
			_, err := regexp.Compile(re)
			assert.NoError(t, err, "test pattern must compile in Go")
			assert.Empty(t, portability(re))
		})
	}
}

func TestUnportablePatterns(t *testing.T) {
	cases := []struct {
		re   string
		want []string
	}{
		{`^(?=.*[0-9])[a-z0-9]+$`, []string{"lookahead is not supported by Go's RE2"}},
		{`^(?!admin)[a-z]+$`, []string{"negative lookahead is not supported by Go's RE2"}},
		{`(?<=\$)[0-9]+`, []string{"lookbehind is not supported by Go's RE2"}},
		{`(?<!-)[0-9]+`, []string{"negative lookbehind is not supported by Go's RE2"}},
		{`(?P<year>[0-9]{4})`, []string{"(?P<name>) groups are not valid in ECMA-262"}},
		{`(?<year>[0-9]{4})`, []string{"named groups differ between RE2, ECMA-262 and Python; use (?:...)"}},
		{`^(a+)-\1$`, []string{`backreferences such as \1 are not supported by Go's RE2`}},
		{`^\\\1$`, []string{`backreferences such as \1 are not supported by Go's RE2`}}, // a literal backslash, then \1
		{`(?i)^abc$`, []string{"inline flags such as (?i) are not valid in ECMA-262; write the cases out, e.g. [Kk]"}},
		{`^(?i:abc)$`, []string{"inline flags such as (?i: are not valid in ECMA-262; write the cases out, e.g. [Kk]"}},
		{`(?sm)^a.b$`, []string{"inline flags such as (?sm) are not valid in ECMA-262; write the cases out, e.g. [Kk]"}},
		{`^[[:alpha:]]+$`, []string{"POSIX classes such as [[:alpha:]] are not valid in ECMA-262; write the class out"}},
		{`\Aabc`, []string{`\A is not valid in ECMA-262; use ^`}},
		{`abc\z`, []string{`\z is not valid in ECMA-262; use $`}},
		{`abc\Z`, []string{`\Z is not valid in ECMA-262 or RE2; use $`}},
		{`\Qa.b\E`, []string{`\Q...\E quoting is not valid in ECMA-262; escape each character`}},
		{`\p{L}+`, []string{`Unicode classes \p{..} need the u flag in ECMA-262 and are not supported by Python's re`}},
		{`\PL`, []string{`Unicode classes \P{..} need the u flag in ECMA-262 and are not supported by Python's re`}},
		{`a\Cb`, []string{`\C is not valid in ECMA-262`}},
		{`^\d{4}$`, []string{`\d matches Unicode digits in Python but ASCII in Go and ECMA-262; write [0-9]`}},
		{`[\d]`, []string{`\d matches Unicode digits in Python but ASCII in Go and ECMA-262; write [0-9]`}},
		{`\D`, []string{`\D matches differently in Python, Go and ECMA-262; write [^0-9]`}},
		{`\w+`, []string{`\w matches Unicode letters in Python but ASCII in Go and ECMA-262; write [A-Za-z0-9_]`}},
		{`\W`, []string{`\W matches differently in Python, Go and ECMA-262; write [^A-Za-z0-9_]`}},
		{`a\sb`, []string{`\s matches different whitespace in Go, ECMA-262 and Python; write the characters, e.g. [ \t\n\r]`}},
		{`[^\s]`, []string{`\s matches different whitespace in Go, ECMA-262 and Python; write the characters, e.g. [ \t\n\r]`}},
		{`\S+`, []string{`\S matches differently in Go, ECMA-262 and Python; write [^ \t\n\r]`}},
		{`\\\d`, []string{`\d matches Unicode digits in Python but ASCII in Go and ECMA-262; write [0-9]`}}, // literal backslash, then \d
		{`\x{41}`, []string{`\x{...} is a code point in Go but means "x" repeated in ECMA-262 and is invalid in Python; write \xHH with two hex digits, or the character itself`}},
		{`(?i)\d+\s`, []string{
			`\d matches Unicode digits in Python but ASCII in Go and ECMA-262; write [0-9]`,
			`\s matches different whitespace in Go, ECMA-262 and Python; write the characters, e.g. [ \t\n\r]`,
			"inline flags such as (?i) are not valid in ECMA-262; write the cases out, e.g. [Kk]"}},
		{`\d\d`, []string{
			`\d matches Unicode digits in Python but ASCII in Go and ECMA-262; write [0-9]`,
			`\d matches Unicode digits in Python but ASCII in Go and ECMA-262; write [0-9]`}},
	}
	for _, c := range cases {
		t.Run(c.re, func(t *testing.T) {
			assert.Equal(t, c.want, portability(c.re))
		})
	}
}
