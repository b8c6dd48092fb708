package validate

import (
	"regexp"
	"strings"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/pattern"
)

// unportable lists regex constructs that Go's RE2 and ECMA-262 (and Python,
// which other teams also validate with) read differently or only one accepts.
var unportable = []struct {
	token, why string
}{
	{`(?=`, "lookahead is not supported by Go's RE2"},
	{`(?!`, "negative lookahead is not supported by Go's RE2"},
	{`(?<=`, "lookbehind is not supported by Go's RE2"},
	{`(?<!`, "negative lookbehind is not supported by Go's RE2"},
	{`(?P<`, "(?P<name>) groups are not valid in ECMA-262"},
	{`(?<`, "named groups differ between RE2, ECMA-262 and Python; use (?:...)"},
	{`\A`, `\A is not valid in ECMA-262; use ^`},
	{`\z`, `\z is not valid in ECMA-262; use $`},
	{`\Z`, `\Z is not valid in ECMA-262 or RE2; use $`},
	{`\Q`, `\Q...\E quoting is not valid in ECMA-262; escape each character`},
	{`\p`, `Unicode classes \p{..} need the u flag in ECMA-262 and are not supported by Python's re`},
	{`\P`, `Unicode classes \P{..} need the u flag in ECMA-262 and are not supported by Python's re`},
	{`\C`, `\C is not valid in ECMA-262`},
	{`\d`, `\d matches Unicode digits in Python but ASCII in Go and ECMA-262; write [0-9]`},
	{`\D`, `\D matches differently in Python, Go and ECMA-262; write [^0-9]`},
	{`\w`, `\w matches Unicode letters in Python but ASCII in Go and ECMA-262; write [A-Za-z0-9_]`},
	{`\W`, `\W matches differently in Python, Go and ECMA-262; write [^A-Za-z0-9_]`},
	{`\s`, `\s matches different whitespace in Go, ECMA-262 and Python; write the characters, e.g. [ \t\n\r]`},
	{`\S`, `\S matches differently in Go, ECMA-262 and Python; write [^ \t\n\r]`},
	{`[[:`, "POSIX classes such as [[:alpha:]] are not valid in ECMA-262; write the class out"},
	{`\x{`, `\x{...} is a code point in Go but means "x" repeated in ECMA-262 and is invalid in Python; write \xHH with two hex digits, or the character itself`},
}

var backref = regexp.MustCompile(`\\[1-9]`)
var inlineFlags = regexp.MustCompile(`\(\?[a-zA-Z-]+[):]`)

// pattern checks that a regex compiles in RE2 and means the same in ECMA-262.
func (c *checker) pattern(p load.Str, what string) {
	for _, why := range c.patternProblems(p.V) {
		c.errs.Add(p.Pos, "%s: %q %s", what, p.V, why)
	}
}

// patternProblems says what is wrong with a pattern, once per pattern text:
// a contract repeats its patterns over many fields.
func (c *checker) patternProblems(re string) []string {
	if why, ok := c.patterns[re]; ok {
		return why
	}
	var out []string
	whys := portability(re)
	if _, err := pattern.Compile(re); err != nil && len(whys) == 0 {
		out = append(out, "is not a valid regular expression: "+strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	for _, why := range whys {
		out = append(out, "is not portable: "+why)
	}
	// The emitters print the pattern in its portable spelling; what cannot
	// be printed is reported here, at the pattern, before anything is
	// generated.
	if len(out) == 0 {
		if _, err := pattern.PortablePattern(re); err != nil {
			out = append(out, "is not portable: "+err.Error())
		}
	}
	c.patterns[re] = out
	return out
}

// portability returns one reason per unportable construct found.
func portability(re string) []string {
	var out []string
	// Walk escapes so that `\\d` (a literal backslash then d) is not flagged.
	for i := 0; i < len(re); i++ {
		rest := re[i:]
		for _, u := range unportable {
			if strings.HasPrefix(rest, u.token) {
				out = append(out, u.why)
				break
			}
		}
		if re[i] == '\\' {
			i++
		}
	}
	if backref.MatchString(unescapeDouble(re)) {
		out = append(out, `backreferences such as \1 are not supported by Go's RE2`)
	}
	if loc := inlineFlags.FindString(re); loc != "" {
		out = append(out, "inline flags such as "+loc+" are not valid in ECMA-262; write the cases out, e.g. [Kk]")
	}
	return out
}

// unescapeDouble hides escaped backslashes so `\\1` is not read as a backreference.
func unescapeDouble(re string) string { return strings.ReplaceAll(re, `\\`, "") }
