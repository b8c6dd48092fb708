package rt

import (
	"regexp"
	"sync/atomic"
)

// lazyRegexp is a pattern of the contract compiled on first use. The
// package's variables hold only its text, which the compiler lays out as
// data, so loading the package compiles nothing: a contract's patterns
// (the forbidden-value rules alone are a few large Unicode classes) cost
// a program that never checks them nothing, and one that does pays each
// pattern once. The generator has compiled every pattern it writes, so
// compiling here does not fail.
type lazyRegexp struct {
	src string
	re  atomic.Pointer[regexp.Regexp]
}

// get returns the compiled pattern. Goroutines that race on the first
// call may each compile it; one result is kept, and all are the same.
func (l *lazyRegexp) get() *regexp.Regexp {
	if re := l.re.Load(); re != nil {
		return re
	}
	l.re.CompareAndSwap(nil, regexp.MustCompile(l.src))
	return l.re.Load()
}

// MatchString reports whether s contains a match of the pattern.
func (l *lazyRegexp) MatchString(s string) bool { return l.get().MatchString(s) }
