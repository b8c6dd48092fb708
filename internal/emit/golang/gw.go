package golang

import (
	"fmt"
	doccomment "go/doc/comment"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// gw writes one top-level declaration as gofmt-clean text: tabs for
// indentation, one statement a line, spacing as gofmt prints it, so that
// no formatter has to parse and print the output again (that was most of
// what generating a large package cost). Spec text reaches it only through
// quote (strconv) and the comment writers (cmt). TestOutputIsGofmtClean
// holds every spec's output to what gofmt would print.
type gw struct {
	buf     []byte
	ind     int
	imports []string
}

// line writes one line at the current indentation.
func (w *gw) line(parts ...string) {
	for i := 0; i < w.ind; i++ {
		w.buf = append(w.buf, '\t')
	}
	for _, p := range parts {
		w.buf = append(w.buf, p...)
	}
	w.buf = append(w.buf, '\n')
}

// open writes a line that opens a block ("if x {") and indents.
func (w *gw) open(parts ...string) {
	w.line(append(parts, " {")...)
	w.ind++
}

// close ends a block.
func (w *gw) close() {
	w.ind--
	w.line("}")
}

// reopen ends a block and opens the next on the same line ("} else {").
func (w *gw) reopen(parts ...string) {
	w.ind--
	w.line(append(append([]string{"} "}, parts...), " {")...)
	w.ind++
}

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

// doc starts a doc comment with the identifier, as Go style asks.
func (w *gw) doc(ident, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		w.docLines(cmt(ident + " is part of the contract."))
		return
	}
	w.docLines(commentLines(ident + ": " + text)...)
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
// (no doc link) and no doubled quote (“ and ” become curly quotes). Most
// doc comments are such, and parsing them is most of what writing them
// costs.
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

// docComment writes the comment of a spec inside a block (a const or a
// struct field), which gofmt leaves as written: the identifier, then the
// spec text, or a line saying it is part of the contract.
func (w *gw) docComment(ident, text string) {
	if strings.TrimSpace(text) == "" {
		w.line(cmt(ident + " is part of the contract."))
		return
	}
	w.comment(ident + ": " + text)
}

// use records an import the declaration needs.
func (w *gw) use(path string) {
	for _, p := range w.imports {
		if p == path {
			return
		}
	}
	w.imports = append(w.imports, path)
}

// bytes returns the declaration without its last line break.
func (w *gw) bytes() []byte {
	b := w.buf
	for len(b) > 0 && b[len(b)-1] == '\n' {
		b = b[:len(b)-1]
	}
	return b
}

// reset empties w for the next declaration; the bytes handed out stay.
func (w *gw) reset() {
	w.buf, w.ind, w.imports = nil, 0, nil
}

// quote is a Go string literal of s (strconv.Quote).
func quote(s string) string { return strconv.Quote(s) }

// litInt is an untyped integer literal.
func litInt(n int) string { return strconv.Itoa(n) }

// litInt64 is an int64 literal: int64(n).
func litInt64(n int64) string { return "int64(" + strconv.FormatInt(n, 10) + ")" }

// litFloat is a float64 literal: %#v, with ".0" added when that reads as
// an integer.
func litFloat(f float64) string {
	s := fmt.Sprintf("%#v", f)
	if !strings.Contains(s, ".") && !strings.Contains(s, "e") {
		s += ".0"
	}
	return s
}

// litBool is true or false.
func litBool(b bool) string { return strconv.FormatBool(b) }

// join writes a comma-separated list, as in a call's arguments.
func join(parts ...string) string { return strings.Join(parts, ", ") }

// rows writes lines of cells aligned as gofmt aligns struct fields and
// composite literal values (text/tabwriter as go/printer sets it up): a
// row's cells but its last are padded to the widest cell of their column
// over the run of adjacent rows that have that column, plus one space; the
// last cell is written as is. A row of one cell (a comment) ends every run.
func (w *gw) rows(rows [][]string) {
	widths := make([][]int, len(rows))
	for i, r := range rows {
		widths[i] = make([]int, len(r))
	}
	var format func(lo, hi, col int)
	format = func(lo, hi, col int) {
		for i := lo; i < hi; {
			if len(rows[i])-1 <= col {
				i++
				continue
			}
			j, width := i, 0
			for ; j < hi && len(rows[j])-1 > col; j++ {
				width = max(width, utf8.RuneCountInString(rows[j][col])+1)
			}
			for r := i; r < j; r++ {
				widths[r][col] = width
			}
			format(i, j, col+1)
			i = j
		}
	}
	format(0, len(rows), 0)
	for i, r := range rows {
		var b strings.Builder
		for c, cell := range r {
			b.WriteString(cell)
			if c < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i][c]-utf8.RuneCountInString(cell)))
			}
		}
		w.line(b.String())
	}
}

// tag is a struct tag as jen's Tag writes one key: a back-quoted string
// when it can be, else a quoted one.
func tag(key, value string) string {
	s := key + ":" + strconv.Quote(value)
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// stmts writes statements as text (see block): each line at the current
// indentation plus the tabs it starts with.
func (w *gw) stmts(list []string) {
	for _, s := range list {
		for _, l := range strings.Split(s, "\n") {
			w.line(l)
		}
	}
}

// body writes a function: head, then the statements body holds (written
// at indentation 0). An empty body stays on the head's line, as gofmt
// keeps a function whose body was written as {}.
func (w *gw) body(head string, body *gw) {
	if len(body.buf) == 0 {
		w.line(head, " {}")
		return
	}
	w.open(head)
	for _, l := range strings.SplitAfter(string(body.bytes()), "\n") {
		w.line(strings.TrimSuffix(l, "\n"))
	}
	w.close()
	for _, p := range body.imports {
		w.use(p)
	}
}

// pairs writes the key: value lines of a composite literal that spans
// lines, as go/printer's exprList lays them out: values line up in a
// column over a section of lines, and a new section starts where a key's
// length differs too much from the keys before it (keys of more than 40
// bytes, compared with the geometric mean of the section's keys). A pair
// longer than a million bytes takes no part in the columns.
func (w *gw) pairs(keys, values []string) {
	const smallSize, infinity = 40, 1e6
	var section [][]string
	size, lnsum, count := 0, 0.0, 0
	for i, k := range keys {
		prevSize := size
		size = len(k)
		if len(k)+2+len(values[i]) > infinity {
			size = 0
		}
		ff := true
		if prevSize > 0 && size > 0 {
			if count == 0 || prevSize <= smallSize && size <= smallSize {
				ff = false
			} else {
				ratio := float64(size) / math.Exp(lnsum/float64(count))
				ff = 2.5*ratio <= 1 || 2.5 <= ratio
			}
		}
		if i > 0 && ff {
			// A new section; gofmt starts the mean over.
			w.rows(section)
			section, lnsum, count = nil, 0, 0
		}
		if size > 0 {
			section = append(section, []string{k + ":", values[i] + ","})
			lnsum += math.Log(float64(size))
			count++
		} else {
			section = append(section, []string{k + ": " + values[i] + ","})
		}
	}
	w.rows(section)
}
