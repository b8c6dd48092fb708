package pattern

import (
	"fmt"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// This file turns the spec's regular expressions into one portable spelling
// that means the same in ECMA-262 (with the u flag), Go's RE2 and Python's re,
// and builds the patterns the schemas add themselves (non-blank values,
// forbidden keys). RULES.md lists the choices; the Go emitter uses the very
// same strings (they are exported here), so every engine agrees.
//
// The spec text is parsed with Go's regexp/syntax (as regexp.Compile does)
// and printed back with a small, explicit vocabulary:
//   - literals, with ECMA syntax characters escaped; code points below U+0100
//     that are not printable ASCII as \t \n \v \f \r or \xHH; others literal;
//   - character classes as explicit ranges ([^...] when the class holds both
//     U+0000 and U+10FFFF), [\s\S] for any character;
//   - . as [^\n] (Go and Python exclude only \n; ECMA would also exclude \r,
//     U+2028 and U+2029);
//   - groups as (?:...), repetitions as * + ? {n} {n,} {n,m} with ? for lazy;
//   - ^ and $ as text anchors (no multi-line mode);
//   - \b and \B rewritten so that they follow Python's Unicode word
//     characters (see rewriteBoundaries); Go and ECMA use ASCII ones.

// PortablePattern returns the portable spelling of a spec regular expression.
// A contract spells the same pattern on many fields, and validation and
// every emitter ask for it, so each answer is kept (portableSeen).
func PortablePattern(p string) (string, error) {
	if v, ok := portableSeen.Load(p); ok {
		a := v.(portableAnswer)
		return a.out, a.err
	}
	out, err := portablePattern(p)
	if portableCount.Add(1) > portableMax {
		portableSeen.Clear()
		portableCount.Store(1)
	}
	portableSeen.Store(p, portableAnswer{out, err})
	return out, err
}

// portableSeen maps a pattern to its portableAnswer; it starts afresh past
// portableMax entries, so a long-lived process (a fuzzer) stays small.
var (
	portableSeen  sync.Map
	portableCount atomic.Int64
)

const portableMax = 4096

type portableAnswer struct {
	out string
	err error
}

// portablePattern is PortablePattern without the memory.
func portablePattern(p string) (string, error) {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return "", err
	}
	re, err = rewriteBoundaries(re, true, true)
	if err != nil {
		return "", err
	}
	pr := &printer{}
	out := pr.node(re)
	if pr.err != nil {
		return "", pr.err
	}
	return out, checkGo(out)
}

// NonBlankPattern matches a value that holds a character outside the trim
// whitespace set, which is what non_empty asks of a trimmed field.
func NonBlankPattern() string { return printClass(whitespace.complement()) }

// UUIDPattern is what format uuid accepts, in Go and in the schemas: the
// 8-4-4-4-12 hex form, either case. JSON Schema validators differ on other
// spellings (a urn:uuid: prefix, braces), so the schemas carry this pattern
// beside the format and every engine agrees.
const UUIDPattern = `^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`

// FinalNewlineGuard is a pattern for values that end in a line feed.
const FinalNewlineGuard = `\n$`

// NeedsNewlineGuard reports whether a field pattern should come with
// "not: {pattern: FinalNewlineGuard}". Python's $ also matches before a final
// line feed, so a Python validator would accept "acct_12345678\n" against
// ^acct_[0-9A-Za-z]{8,32}$, which Go and ECMA-262 reject. When every
// top-level alternative ends with $ and cannot end in a line feed (in Go's
// reading), no value the pattern accepts ends in one, so rejecting such
// values is exact in every engine. Patterns without $ need no guard; other
// patterns with $ keep the difference (RULES.md).
func NeedsNewlineGuard(p string) bool {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil || !hasOp(re, syntax.OpEndText) {
		return false
	}
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	branches := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		branches = re.Sub
	}
	for _, b := range branches {
		seq := []*syntax.Regexp{b}
		if b.Op == syntax.OpConcat {
			seq = b.Sub
		}
		n := len(seq)
		if n == 0 || seq[n-1].Op != syntax.OpEndText {
			return false
		}
		body := seq[:n-1]
		for _, x := range body {
			if hasOp(x, syntax.OpEndText, syntax.OpEndLine) {
				return false
			}
		}
		last, null := edgeSeq(body, true)
		if last.contains('\n') || (null && (len(body) == 0 || body[0].Op != syntax.OpBeginText)) {
			return false
		}
	}
	return true
}

// checkGo makes sure an emitted pattern compiles in Go's RE2.
func checkGo(p string) error {
	if _, err := Compile(p); err != nil {
		return fmt.Errorf("pattern %q does not compile in Go: %v", p, err)
	}
	return nil
}

func hasOp(re *syntax.Regexp, ops ...syntax.Op) bool {
	for _, op := range ops {
		if re.Op == op {
			return true
		}
	}
	for _, s := range re.Sub {
		if hasOp(s, ops...) {
			return true
		}
	}
	return false
}

// edge returns the characters a non-empty match of re can begin (or, with
// last, end) with, and whether re can match the empty string.
func edge(re *syntax.Regexp, last bool) (runeSet, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, true
		}
		r := re.Rune[0]
		if last {
			r = re.Rune[len(re.Rune)-1]
		}
		s := setOf(runeRange{r, r})
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				s = s.union(setOf(runeRange{f, f}))
			}
		}
		return s, false
	case syntax.OpCharClass:
		return syntaxSet(re.Rune), false
	case syntax.OpAnyCharNotNL:
		return setOf(runeRange{'\n', '\n'}).complement(), false
	case syntax.OpAnyChar:
		return setOf(runeRange{0, unicode.MaxRune}), false
	case syntax.OpNoMatch:
		return nil, false
	case syntax.OpCapture:
		return edge(re.Sub[0], last)
	case syntax.OpStar, syntax.OpQuest:
		s, _ := edge(re.Sub[0], last)
		return s, true
	case syntax.OpPlus:
		return edge(re.Sub[0], last)
	case syntax.OpRepeat:
		if re.Max == 0 {
			return nil, true
		}
		s, null := edge(re.Sub[0], last)
		return s, null || re.Min == 0
	case syntax.OpConcat:
		return edgeSeq(re.Sub, last)
	case syntax.OpAlternate:
		var s runeSet
		null := false
		for _, sub := range re.Sub {
			t, n := edge(sub, last)
			s = s.union(t)
			null = null || n
		}
		return s, null
	}
	// Empty matches and zero-width assertions.
	return nil, true
}

// edgeSeq is edge for a sequence of nodes.
func edgeSeq(seq []*syntax.Regexp, last bool) (runeSet, bool) {
	var s runeSet
	for i := range seq {
		n := seq[i]
		if last {
			n = seq[len(seq)-1-i]
		}
		t, null := edge(n, last)
		s = s.union(t)
		if !null {
			return s, false
		}
	}
	return s, true
}

// zeroWidth reports whether every node only asserts and never consumes.
func zeroWidth(seq []*syntax.Regexp) bool {
	for _, n := range seq {
		switch n.Op {
		case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine,
			syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		case syntax.OpCapture:
			if !zeroWidth(n.Sub) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// printer prints a parsed expression in the portable spelling.
type printer struct{ err error }

func (p *printer) fail(format string, args ...any) string {
	if p.err == nil {
		p.err = fmt.Errorf(format, args...)
	}
	return ""
}

// node prints re.
func (p *printer) node(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpNoMatch:
		return `[^\s\S]`
	case syntax.OpEmptyMatch:
		return `(?:)`
	case syntax.OpLiteral:
		// RE2 reads a class of a letter's case forms, such as [Bb], as a
		// case-folding literal; it is printed back as the class of every
		// case form (the fold orbit: k gives [Kk\x{212A}]), which is what RE2
		// matches and what ECMA-262 and Python read alike.
		var b strings.Builder
		for _, r := range re.Rune {
			if orbit := foldOrbit(r); re.Flags&syntax.FoldCase != 0 && len(orbit) > 1 {
				b.WriteString(printClass(setOfRunes(orbit)))
				continue
			}
			b.WriteString(literal(r))
		}
		return b.String()
	case syntax.OpCharClass:
		return printClass(syntaxSet(re.Rune))
	case syntax.OpAnyCharNotNL:
		return `[^\n]`
	case syntax.OpAnyChar:
		return `[\s\S]`
	case syntax.OpBeginText:
		return "^"
	case syntax.OpEndText:
		return "$"
	case syntax.OpBeginLine, syntax.OpEndLine:
		return p.fail("multi-line anchors are not portable")
	case syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return p.fail("internal error: word boundary left after rewriting")
	case syntax.OpCapture:
		return "(?:" + p.node(re.Sub[0]) + ")"
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		sub := re.Sub[0]
		var b strings.Builder
		b.WriteString(p.group(sub, needsGroup(sub)))
		switch re.Op {
		case syntax.OpStar:
			b.WriteString("*")
		case syntax.OpPlus:
			b.WriteString("+")
		case syntax.OpQuest:
			b.WriteString("?")
		default:
			switch {
			case re.Min == 0 && re.Max < 0:
				b.WriteString("*")
			case re.Min == 1 && re.Max < 0:
				b.WriteString("+")
			case re.Min == 0 && re.Max == 1:
				b.WriteString("?")
			case re.Max == re.Min:
				b.WriteString("{" + strconv.Itoa(re.Min) + "}")
			case re.Max < 0:
				b.WriteString("{" + strconv.Itoa(re.Min) + ",}")
			default:
				b.WriteString("{" + strconv.Itoa(re.Min) + "," + strconv.Itoa(re.Max) + "}")
			}
		}
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteString("?")
		}
		return b.String()
	case syntax.OpConcat:
		var b strings.Builder
		for _, sub := range re.Sub {
			b.WriteString(p.group(sub, sub.Op == syntax.OpAlternate))
		}
		return b.String()
	case syntax.OpAlternate:
		parts := make([]string, len(re.Sub))
		for i, sub := range re.Sub {
			parts[i] = p.node(sub)
		}
		return strings.Join(parts, "|")
	}
	return p.fail("unsupported regular expression construct %v", re.Op)
}

func (p *printer) group(re *syntax.Regexp, wrap bool) string {
	s := p.node(re)
	if wrap {
		return "(?:" + s + ")"
	}
	return s
}

// needsGroup reports whether a repeated operand must be wrapped.
func needsGroup(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune) != 1
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpCapture, syntax.OpNoMatch:
		return false
	}
	return true
}

// literal prints one code point outside a class.
func literal(r rune) string {
	if strings.ContainsRune(`^$\.*+?()[]{}|`, r) {
		return `\` + string(r)
	}
	return plain(r)
}

// plain prints a code point that needs no syntax escape.
func plain(r rune) string {
	switch r {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\v':
		return `\v`
	case '\f':
		return `\f`
	case '\r':
		return `\r`
	}
	if r < 0x20 || (r >= 0x7F && r < 0x100) {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return string(r)
}

// classChar prints one code point inside a class.
func classChar(r rune) string {
	if strings.ContainsRune(`\]-[^`, r) {
		return `\` + string(r)
	}
	return plain(r)
}

// printClass prints a set as a single character, a class or a negated class.
// Surrogate code points are left out: they cannot be written literally and
// never occur in valid UTF-8.
func printClass(s runeSet) string {
	s = withoutSurrogates(s)
	full := withoutSurrogates(setOf(runeRange{0, unicode.MaxRune}))
	switch {
	case len(s) == 0:
		return `[^\s\S]`
	case len(s) == len(full) && s[0] == full[0] && s[1] == full[1]:
		return `[\s\S]`
	case len(s) == 1 && s[0].lo == s[0].hi:
		return literal(s[0].lo)
	}
	neg := s[0].lo == 0 && s[len(s)-1].hi == unicode.MaxRune
	if neg {
		s = withoutSurrogates(s.complement())
	}
	var b strings.Builder
	b.WriteString("[")
	if neg {
		b.WriteString("^")
	}
	for _, r := range s {
		b.WriteString(classChar(r.lo))
		switch {
		case r.hi == r.lo+1:
			b.WriteString(classChar(r.hi))
		case r.hi > r.lo:
			b.WriteString("-" + classChar(r.hi))
		}
	}
	b.WriteString("]")
	return b.String()
}

func withoutSurrogates(s runeSet) runeSet {
	var out runeSet
	for _, r := range s {
		if r.lo < 0xD800 && r.hi >= 0xD800 {
			out = append(out, runeRange{r.lo, 0xD7FF})
		}
		if r.hi > 0xDFFF && r.lo <= 0xDFFF {
			out = append(out, runeRange{0xE000, r.hi})
		}
		if r.hi < 0xD800 || r.lo > 0xDFFF {
			out = append(out, r)
		}
	}
	return out
}

// foldOrbit lists r and every rune that case-folds to the same as r.
func foldOrbit(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}

// setOfRunes is the set holding exactly rs.
func setOfRunes(rs []rune) runeSet {
	var s runeSet
	for _, r := range rs {
		s = append(s, runeRange{r, r})
	}
	return s.normalize()
}
