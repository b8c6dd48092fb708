package docs

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The escaping below makes spec text render as itself in every Markdown
// dialect the docs target: CommonMark/GFM (GitHub, Hugo's Goldmark,
// Docusaurus' remark), Python-Markdown (MkDocs) and MDX (Docusaurus 3).
// Characters are escaped with a backslash only where Python-Markdown also
// accepts the backslash escape (\ ` * _ { } [ ] ( ) > # + - . ! |); the others
// become character references (&lt; &gt; &amp; &#126; &#61;). Text never
// produces inline HTML, so it stays clean for markdownlint's MD033 as well.

// mdInline escapes text for use inside a line: a heading, a table cell, a
// link text or a list item. Line breaks become spaces, as Markdown itself
// renders a single line break, so the result is always one line.
func mdInline(s string) string {
	if plainInline(s) {
		return s
	}
	return escapeInline(s)
}

// escapeInline is mdInline without the shortcut for plain text.
func escapeInline(s string) string {
	words := strings.Fields(normalize(s))
	for i, w := range words {
		words[i] = escapeWord(w)
	}
	return escapeLineStart(strings.Join(words, " "))
}

// mdPara escapes text as one or more paragraphs, wrapped at width columns
// where spaces allow. A blank line in the text starts a new paragraph; other
// line breaks are reflowed, which is how Markdown renders them anyway.
func mdPara(s string, width int) string {
	if len(s) <= width && plainInline(s) {
		return s // one line that needs nothing: what wrapParas returns
	}
	return wrapParas(s, width)
}

// wrapParas is mdPara without the shortcut for a short plain text.
func wrapParas(s string, width int) string {
	var paras []string
	for _, p := range strings.Split(normalize(s), "\n\n") {
		words := strings.Fields(p)
		if len(words) == 0 {
			continue
		}
		for i, w := range words {
			words[i] = escapeWord(w)
		}
		lines := fill(words, width)
		for i, l := range lines {
			lines[i] = escapeLineStart(l)
		}
		paras = append(paras, strings.Join(lines, "\n"))
	}
	return strings.Join(paras, "\n\n")
}

// normalize unifies line breaks, turns tabs into spaces and blank lines made
// of spaces into empty ones, so paragraph breaks are recognised.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\t", " ")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	s = strings.Join(lines, "\n")
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return strings.TrimSpace(s)
}

// fill packs words into lines of at most width columns; a word longer than
// the width gets a line of its own.
func fill(words []string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range words {
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// bareLink finds the URLs and e-mail addresses GitHub would turn into links
// by itself; they become explicit links so that every renderer agrees and
// markdownlint's MD034 (no bare URLs) holds.
var bareLink = regexp.MustCompile(`https?://[^\s<>]*[^\s<>.,;:!?'")\]]|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)

// escapeWord escapes one space-free word of text.
func escapeWord(w string) string {
	if !strings.ContainsAny(w, ":@") {
		// No URL ("://") or address ("@") to link: the common case.
		return escapeChars(w, ' ', ' ')
	}
	var b strings.Builder
	last, before := 0, ' '
	for _, m := range bareLink.FindAllStringIndex(w, -1) {
		pre := escapeChars(w[last:m[0]], before, '[')
		if strings.HasSuffix(pre, "!") {
			pre = pre[:len(pre)-1] + `\!` // not an image
		}
		b.WriteString(pre)
		text := w[m[0]:m[1]]
		dest := text
		if !strings.Contains(text, "://") {
			dest = "mailto:" + text
		}
		b.WriteString("[" + escapeChars(text, '[', ']') + "](" + escapeDest(dest) + ")")
		last, before = m[1], ')'
	}
	b.WriteString(escapeChars(w[last:], before, ' '))
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// escapeChars escapes the Markdown-significant characters of s; before and
// after are the characters around s, which decide whether an underscore
// could start or end emphasis.
func escapeChars(s string, before, after rune) string {
	if !strings.ContainsAny(s, "\\`*[]|#{}_<>&~") && utf8.ValidString(s) {
		return s // nothing to escape, and no invalid byte to replace
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '\\', '`', '*', '[', ']', '|', '#', '{', '}':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '_':
			// An underscore between two letters or digits can neither open nor
			// close emphasis in any dialect, so snake_case stays readable.
			prev, next := before, after
			if i > 0 {
				prev = rs[i-1]
			}
			if i < len(rs)-1 {
				next = rs[i+1]
			}
			if isWordRune(prev) && isWordRune(next) {
				b.WriteRune(r)
			} else {
				b.WriteString(`\_`)
			}
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '~':
			b.WriteString("&#126;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeDest makes a URL safe as a link destination.
func escapeDest(u string) string { return destEscaper.Replace(u) }

// destEscaper and lineJoiner are built once: a Replacer is safe for
// concurrent use, and building one costs more than most of its uses.
var (
	destEscaper = strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", " ", "%20", "`", "%60", "|", "%7C", "\\", "%5C")
	lineJoiner  = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")
)

// orderedMarker matches the start of an ordered list item.
var orderedMarker = regexp.MustCompile(`^[0-9]{1,9}[.)]`)

// escapeLineStart escapes what would make a line start a block: a list item
// (- + 1.), a setext underline (=) or a thematic break. Headings (#), block
// quotes (>), fences (` ~) and HTML (<) are already escaped everywhere.
func escapeLineStart(l string) string {
	switch {
	case l == "":
		return l
	case l[0] == '-' || l[0] == '+':
		return `\` + l
	case l[0] == '=':
		return "&#61;" + l[1:]
	case orderedMarker.MatchString(l):
		k := strings.IndexAny(l, ".)")
		return l[:k] + `\` + l[k:]
	}
	return l
}

// codeSpan renders s as inline code that shows s (line breaks become
// spaces). Pipes split the span, because a pipe inside a table must be
// escaped and Python-Markdown would show that backslash inside code; the
// escaped pipe between two spans renders as | everywhere. Spaces at either
// end of a span go outside it (markdownlint's MD038), where they read the
// same.
func codeSpan(s string) string {
	if plainCode(s) {
		return "`" + s + "`"
	}
	return codeSpans(s)
}

// codeSpans is codeSpan without the shortcut for plain text.
func codeSpans(s string) string {
	s = lineJoiner.Replace(s)
	if s == "" {
		return "(empty)"
	}
	parts := strings.Split(s, "|")
	for i, p := range parts {
		if p != "" {
			parts[i] = oneCodeSpan(p)
		}
	}
	return strings.Join(parts, `\|`)
}

func oneCodeSpan(s string) string {
	t := strings.TrimSpace(s)
	if t == "" {
		// A span of spaces only would render as nothing; show their count.
		return "(" + strings.Repeat("␠", len(s)) + ")"
	}
	lead, trail := "", ""
	if t[0] != s[0] {
		lead = " "
	}
	if t[len(t)-1] != s[len(s)-1] {
		trail = " "
	}
	ticks := strings.Repeat("`", longestRun(t, '`')+1)
	if t[0] == '`' || t[len(t)-1] == '`' {
		return lead + ticks + " " + t + " " + ticks + trail
	}
	return lead + ticks + t + ticks + trail
}

// inlineSpecial and codeSpecial mark the ASCII bytes after which mdInline
// and codeSpan have work to do: control characters and, for mdInline, what
// escapeWord escapes or links (":" and "@" may start a URL or an address).
var inlineSpecial, codeSpecial = asciiSet("\\`*[]|#{}_<>&~:@"), asciiSet("`|")

// asciiSet marks the bytes of chars, every control byte and DEL.
func asciiSet(chars string) (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c < ' ' || c == 0x7f || strings.IndexByte(chars, byte(c)) >= 0
	}
	return t
}

// plainInline reports whether mdInline would return s unchanged: printable
// ASCII without a character it escapes, words one space apart, and no
// block marker at the start. It spares the common case the work of
// splitting and joining words.
func plainInline(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || s[0] == '-' || s[0] == '+' || s[0] == '=' || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || inlineSpecial[c] || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// plainCode reports whether codeSpan renders s as s between two single
// backticks: printable ASCII without a backtick or pipe, not starting or
// ending with a space.
func plainCode(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || codeSpecial[c] {
			return false
		}
	}
	return true
}

func longestRun(s string, c byte) int {
	best, cur := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			cur++
			best = max(best, cur)
		} else {
			cur = 0
		}
	}
	return best
}

// fence returns a backtick fence longer than any backtick run in body, so
// the body can never close the block early.
func fence(body string) string {
	return strings.Repeat("`", max(3, longestRun(body, '`')+1))
}

// slug is the anchor GitHub, Hugo (Goldmark), Docusaurus and MkDocs all
// derive from a heading made of ASCII letters, digits, spaces, hyphens and
// underscores: lower case, spaces to hyphens, other punctuation dropped.
// Headings that are linked to are kept to those characters (single spaces,
// no hyphen next to a space), where the four algorithms agree.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// yamlString quotes s as a YAML double-quoted scalar (a JSON string is one).
func yamlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff:
			b.WriteString(`\u` + strings.ToUpper(hex4(r)))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hex4(r rune) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[r>>12&0xf], digits[r>>8&0xf], digits[r>>4&0xf], digits[r&0xf]})
}

// capital upper-cases the first letter of s, for a phrase that starts a
// sentence.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// sentence ends s with a full stop unless it already ends with one, a
// question or exclamation mark, or a colon, so that the generated sentence
// that follows reads as its own.
func sentence(s string) string {
	t := strings.TrimRightFunc(s, unicode.IsSpace)
	if t == "" || strings.ContainsAny(t[len(t)-1:], ".!?:") {
		return t
	}
	return t + "."
}
