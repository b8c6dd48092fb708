// Package diag carries positioned spec errors so every stage of the pipeline
// reports problems the same way: file:line:col: message, all at once, sorted.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a spec file; Line and Col start at 1, zero means unknown.
type Pos struct {
	Line int
	Col  int
}

// Error is one problem found in a spec, tied to the file and position that
// caused it so a user can jump straight to it.
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

// Error formats the problem the way compilers do, so editors can link it.
func (e *Error) Error() string {
	if e.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// List collects every error of a run, because fixing a spec one error per run
// wastes the user's time.
type List struct {
	File string
	errs []*Error
	seen map[problem]bool
}

// problem identifies an error so that the same one is kept only once, even
// when a YAML alias makes the reader visit the same node millions of times.
type problem struct {
	pos Pos
	msg string
}

// Add records a problem at pos; an identical problem is recorded once.
func (l *List) Add(pos Pos, format string, args ...any) {
	p := problem{pos, fmt.Sprintf(format, args...)}
	if l.seen[p] {
		return
	}
	if l.seen == nil {
		l.seen = map[problem]bool{}
	}
	l.seen[p] = true
	l.errs = append(l.errs, &Error{File: l.File, Pos: pos, Msg: p.msg})
}

// Len reports how many problems were recorded.
func (l *List) Len() int { return len(l.errs) }

// Errors returns the problems sorted by position, duplicates removed.
func (l *List) Errors() []*Error {
	out := append([]*Error(nil), l.errs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return out[i].Msg < out[j].Msg
	})
	uniq := out[:0]
	for i, e := range out {
		if i > 0 && e.Error() == out[i-1].Error() {
			continue
		}
		uniq = append(uniq, e)
	}
	return uniq
}

// Err returns nil when nothing was recorded, otherwise an error listing all
// problems, one per line.
func (l *List) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	return ListError(l.Errors())
}

// ListError is the error returned for a failed stage; each line is one problem.
type ListError []*Error

// Error joins the problems one per line.
func (e ListError) Error() string {
	lines := make([]string, len(e))
	for i, x := range e {
		lines[i] = x.Error()
	}
	return strings.Join(lines, "\n")
}
