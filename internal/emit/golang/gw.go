package golang

import (
	"fmt"
	"strconv"
	"strings"
)

// gw writes one top-level declaration as gofmt-clean text: tabs for
// indentation, one statement a line, spacing as gofmt prints it. Spec
// text reaches it only through quote (strconv) and comment (cmt), as it
// reaches jennifer code only through jen.Lit and cmt. TestOutputIsGofmtClean
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

// comment writes spec text as line comments, one per line of the text,
// each made safe by cmt.
func (w *gw) comment(text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	for _, l := range strings.Split(text, "\n") {
		w.line(cmt(l))
	}
}

// doc starts a doc comment with the identifier, as Go style asks.
func (w *gw) doc(ident, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
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

// quote is a Go string literal of s, as jen.Lit writes it.
func quote(s string) string { return strconv.Quote(s) }

// litInt is an untyped integer literal.
func litInt(n int) string { return strconv.Itoa(n) }

// litInt64 is an int64 literal, as jen.Lit writes it: int64(n).
func litInt64(n int64) string { return "int64(" + strconv.FormatInt(n, 10) + ")" }

// litFloat is a float64 literal, as jen.Lit writes it: %#v, with ".0"
// added when that reads as an integer.
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
