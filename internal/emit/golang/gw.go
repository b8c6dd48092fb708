package golang

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
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

// noinline keeps the function written next out of line with
// //go:noinline, set apart from its doc comment as gofmt sets directives.
// It is for the value methods (a type's MarshalJSON, a state set's Valid
// and String): for each, the compiler writes a pointer-receiver wrapper,
// and inlined, the method's body was compiled twice. For a contract of
// 1,000 operations that made go build about 3% slower (median 20.5 against
// 19.8 s in alternating runs; README.md), against one call of a few
// nanoseconds. It is the one directive the emitter writes (see
// ownDirective).
func (w *gw) noinline() {
	if bytes.HasSuffix(w.buf, []byte("\n")) && bytes.HasPrefix(lastLine(w.buf), []byte("//")) {
		w.line("//")
	}
	w.line("//go:noinline")
}

// lastLine is the last complete line of buf, without its line break.
func lastLine(buf []byte) []byte {
	body := buf[:len(buf)-1]
	return body[bytes.LastIndexByte(body, '\n')+1:]
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
	return b[:len(b):len(b)] // an append to it cannot reach the next declaration
}

// reset empties w for the next declaration; the bytes handed out stay.
// The next declaration is written after them, in the same chunk of memory
// while it has room: declarations are many and short, and a buffer of its
// own each, grown from nothing, cost the emitter a quarter of what it
// allocated.
func (w *gw) reset() {
	rest := w.buf[len(w.buf):]
	if cap(rest) < chunkFree {
		rest = make([]byte, 0, chunkSize)
	}
	w.buf, w.ind, w.imports = rest, 0, nil
}

// chunkSize is the memory reset takes for the declarations to come, when
// less than chunkFree is left. A chunk stays a small object: 64 KB chunks,
// each a span of its own, raised the Go output's peak RSS at N=1000 from
// 80-92 to 100-108 MiB (scripts/bench-gen.sh 1000, three alternating runs);
// 16 KB ones did not (84-94 against 80-101).
const chunkSize, chunkFree = 16 << 10, 1 << 10

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
	w.stmts([]string{string(body.bytes())})
	w.close()
	for _, p := range body.imports {
		w.use(p)
	}
}
