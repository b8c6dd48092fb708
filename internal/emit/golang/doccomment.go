package golang

import (
	doccomment "go/doc/comment"
	"slices"
	"strings"
)

// Comments as gw writes them: spec text made safe by cmt, and doc comments
// of top-level declarations in the form gofmt gives them.

// comment writes spec text as line comments inside a declaration, one
// per line of the text, each made safe by cmt; gofmt trims their trailing
// blanks.
func (w *gw) comment(text string) {
	for _, l := range commentLines(text) {
		w.line(l)
	}
}

// commentLines are the comment lines of spec text (see comment).
func commentLines(text string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(cmt(l), " \t")
	}
	return lines
}

// doc writes the doc comment of a top-level declaration of spec text (see
// identComment).
func (w *gw) doc(ident, text string) {
	w.docLines(identComment(ident, text)...)
}

// identComment is the comment of a declaration of spec text, started with
// the identifier as Go style asks, or a line saying it is part of the
// contract when the spec says nothing.
func identComment(ident, text string) []string {
	if strings.TrimSpace(text) == "" {
		return []string{cmt(ident + " is part of the contract.")}
	}
	return commentLines(ident + ": " + text)
}

// docLines writes the doc comment of a top-level declaration, which gofmt
// reformats as go/doc/comment reads it (lists, code blocks, headings);
// lines are comment lines, each made safe by cmt. None of them is a
// directive (cmt sees to that), so none is set apart as gofmt would.
func (w *gw) docLines(lines ...string) {
	for _, l := range formatDoc(lines) {
		w.line(l)
	}
}

// formatDoc is what gofmt makes of a top-level doc comment's lines, until
// gofmt changes them no more: go/doc/comment's reformatting is not always
// its own fixed point (a numbered item before a link definition moves
// again on a second pass), and generated files must be gofmt-clean.
func formatDoc(lines []string) []string {
	for i := 0; i < 4 && !plainDoc(lines); i++ {
		next := formatDocOnce(lines)
		if slices.Equal(next, lines) {
			break
		}
		lines = next
	}
	return lines
}

// formatDocOnce is one pass of gofmt over a top-level doc comment.
func formatDocOnce(lines []string) []string {
	var b strings.Builder
	for _, l := range lines {
		after := strings.TrimPrefix(l, "//")
		b.WriteString(strings.TrimPrefix(after, " "))
		b.WriteString("\n")
	}
	text := b.String()
	out := make([]string, 0, len(lines))
	if text == "" {
		for _, l := range lines {
			out = append(out, strings.TrimRight(l, " \t"))
		}
		return out
	}
	var p doccomment.Parser
	var pr doccomment.Printer
	text = string(pr.Comment(p.Parse(text)))
	for text != "" {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		switch {
		case l == "":
			l = "//"
		case strings.HasPrefix(l, "\t"):
			l = "//" + l
		default:
			l = "// " + l
		}
		out = append(out, strings.TrimRight(l, " \t"))
	}
	return out
}

// plainDoc reports whether go/doc/comment reads lines as one paragraph of
// plain text, which gofmt prints as it stands: every line is "// " and
// text that starts with an ASCII letter (not indented, not a list item, a
// heading or a link definition), ends in no blank, and holds no bracket
// (no doc link) and no doubled backquote or single quote (go/doc/comment
// turns those into curly quotes). Most doc comments are such, and parsing
// them is most of what writing them costs.
func plainDoc(lines []string) bool {
	for _, l := range lines {
		if len(l) < 4 || l[:3] != "// " || strings.ContainsRune(l, '[') ||
			strings.Contains(l, "``") || strings.Contains(l, "''") {
			return false
		}
		c, last := l[3], l[len(l)-1]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') || last == ' ' || last == '\t' {
			return false
		}
	}
	return len(lines) > 0
}

// docComment writes the comment of a spec inside a block (a const), which
// gofmt leaves as written (see identComment).
func (w *gw) docComment(ident, text string) {
	for _, l := range identComment(ident, text) {
		w.line(l)
	}
}
