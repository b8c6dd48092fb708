package golang

import (
	"bytes"
	"fmt"
	"go/scanner"
	"go/token"
	"strings"
)

// This file is the one path by which spec text reaches a Go comment (cmt;
// gw's comment and doc lines are made by it). Text never reaches Go code
// any other way: string values go through gw's quote, which quotes them
// with strconv.

// commentText makes text safe inside one line comment: line breaks and
// control characters become spaces, so the text cannot end the comment.
func commentText(text string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 {
			return ' '
		}
		return r
	}, text)
}

// directiveLike lists what a comment's text may not start with: the go
// command and the compiler read "//go:", "//line", "//export" and "//extern"
// (without a space) as directives, and "// +build" as a build constraint.
var directiveLike = []string{"+build", "go:", "line ", "export ", "extern "}

// cmt returns one comment line, "// " followed by text made safe; a text
// that would read as a directive or a build constraint gets a backslash in
// front, which a reader sees and no tool obeys.
func cmt(text string) string {
	text = strings.TrimRight(commentText(text), " ")
	trimmed := strings.TrimLeft(text, " \t")
	for _, d := range directiveLike {
		if strings.HasPrefix(trimmed, d) {
			return "// \\" + trimmed
		}
	}
	return "// " + text
}

// mayHoldBadComment is the cheap test checkComments runs first: a block
// comment, a directive or a build constraint can only be where the text
// holds "/*", "//" right before a directive's word, or "+build". Most files
// hold none of them, and the scan of every token is skipped.
func mayHoldBadComment(src []byte) bool {
	if bytes.Contains(src, []byte("/*")) || bytes.Contains(src, []byte("+build")) {
		return true
	}
	for _, d := range directiveLike {
		n := bytes.Count(src, []byte("//"+d))
		if d == "go:" {
			n -= bytes.Count(src, []byte(ownDirective))
		}
		if n > 0 {
			return true
		}
	}
	return false
}

// ownDirective is the one directive the emitter writes (gw.noinline), on
// its own line right before a function. cmt never writes a comment line
// without a space after "//", so no spec text takes this form.
const ownDirective = "\n//go:noinline\nfunc "

// isOwnDirective reports whether the comment lit at offset off of src is
// the emitter's own directive line.
func isOwnDirective(src []byte, off int, lit string) bool {
	return lit == "//go:noinline" && off > 0 && bytes.HasPrefix(src[off-1:], []byte(ownDirective))
}

// checkComments is the last guard: it scans a rendered file and fails when
// any comment is a block comment or reads as a directive or build
// constraint. The emitter writes neither, so a hit means spec text escaped.
func checkComments(name string, src []byte) error {
	if !mayHoldBadComment(src) {
		return nil
	}
	fset := token.NewFileSet()
	file := fset.AddFile(name, -1, len(src))
	var s scanner.Scanner
	var scanErr error
	s.Init(file, src, func(pos token.Position, msg string) {
		if scanErr == nil {
			scanErr = fmt.Errorf("%s: %s", pos, msg)
		}
	}, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok != token.COMMENT {
			continue
		}
		if bytes.HasPrefix([]byte(lit), []byte("/*")) {
			return fmt.Errorf("%s: block comment in generated code", fset.Position(pos))
		}
		if isOwnDirective(src, file.Offset(pos), lit) {
			continue
		}
		body := strings.TrimPrefix(lit, "//")
		for _, d := range directiveLike {
			if strings.HasPrefix(body, d) || (d == "+build" && strings.HasPrefix(strings.TrimLeft(body, " \t"), d)) {
				return fmt.Errorf("%s: comment reads as a directive: %q", fset.Position(pos), lit)
			}
		}
	}
	return scanErr
}
