package pattern

import (
	"regexp"
	"sync"
)

// compiled caches Compile's results: the stages check a spec's patterns
// and its examples and defaults against them one value at a time, and a
// contract repeats a few patterns over many fields.
var compiled sync.Map // string -> compileResult

type compileResult struct {
	re  *regexp.Regexp
	err error
}

// Compile is regexp.Compile, once per pattern text for the whole process.
// A *regexp.Regexp is safe for concurrent use, so callers share it.
func Compile(p string) (*regexp.Regexp, error) {
	if r, ok := compiled.Load(p); ok {
		c := r.(compileResult)
		return c.re, c.err
	}
	re, err := regexp.Compile(p)
	compiled.Store(p, compileResult{re, err})
	return re, err
}
