package docs

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// linkLabel escapes text for the label of a link ([label](href)): as
// mdInline, but a bare URL or address in it stays text, since a link
// cannot hold another. A label that markdownlint's MD059 (descriptive link
// text) refuses, "link", "more", "here" or "click here" in any case and
// punctuation, is shown as code instead: a type, state set or operation
// may well be named Link or More, and code both names an identifier and
// is what MD059 lets through.
func linkLabel(s string) string {
	if genericLinkText(s) {
		return codeSpan(s)
	}
	if plainInline(s) {
		return s // what escapeLabel would return, without its work
	}
	return escapeLabel(s)
}

// escapeLabel is linkLabel for a label that is not generic.
func escapeLabel(s string) string {
	words := strings.Fields(normalize(s))
	for i, w := range words {
		words[i] = escapeChars(w, ' ', ' ')
	}
	return escapeLineStart(strings.Join(words, " "))
}

// genericLinkText reports whether MD059 with its default prohibited texts
// refuses s as a link's text: it compares the text with every run of
// characters other than ASCII letters and digits made one space, trimmed
// and lower-cased.
func genericLinkText(s string) bool {
	// The longest of those texts, "click here", has nine letters; most
	// labels have more, and need not be lowered and split.
	letters := 0
	for _, r := range s {
		if r >= utf8.RuneSelf {
			r = unicode.ToLower(r) // the Kelvin sign is a k
		}
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			letters++
		}
	}
	if letters > len("clickhere") {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	switch strings.Join(words, " ") {
	case "click here", "here", "link", "more":
		return true
	}
	return false
}

// wrapLine breaks a line of rendered inline Markdown at its spaces so
// that its lines stay within paraWidth columns where spaces allow
// (markdownlint's MD013: a long contract title in "Back to [title](...)"),
// but never before a word that would start a block at the start of a line
// (a list item, a setext underline, a thematic break): that break is
// skipped and the line runs long. A link's text may span lines.
func wrapLine(s string) string {
	words := strings.Split(s, " ")
	var lines []string
	cur := ""
	for i, w := range words {
		if cur != "" && utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) > paraWidth {
			if rest := strings.Join(words[i:], " "); escapeLineStart(rest) == rest {
				lines, cur = append(lines, cur), w
				continue
			}
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	return strings.Join(append(lines, cur), "\n")
}
