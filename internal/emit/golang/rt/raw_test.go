package rt

import (
	"errors"
	"strings"
	"testing"
)

// TestCheckRawAsTheDecodersRead: a free-form value set in Go is checked as
// the decoders would read it (one value, well-formed, no duplicate key at
// any depth, nested no deeper than they follow), with the path and
// message a decoder gives; a value a decoder has read (decoded) is not
// read again for that.
func TestCheckRawAsTheDecodersRead(t *testing.T) {
	deep := strings.Repeat("[", quickDepth+10) + strings.Repeat("]", quickDepth+10)
	for _, c := range []struct {
		raw, path string
		kind      error
	}{
		{raw: ``},
		{raw: `null`},
		{raw: ` {"a": [1, {"b": "c"}], "d": {}} `},
		{raw: deep},
		{raw: `{"a":1,"b":{"c":1,"c":2}}`, path: "note.b.c", kind: ErrDuplicateKey},
		{raw: `{"a":1,`, path: "note", kind: ErrSyntax},
		{raw: `[1,2] 3`, path: "note", kind: ErrTrailingData},
		{raw: `tru`, path: "note", kind: ErrSyntax},
		{raw: strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1), path: "note", kind: ErrSyntax},
	} {
		p := keyPath(nil, "note")
		var es Errors
		checkRaw(&p, []byte(c.raw), 0, &es)
		if c.kind == nil {
			if len(es) != 0 {
				t.Errorf("%.40q: %v", c.raw, es)
			}
			continue
		}
		if len(es) != 1 || !errors.Is(es[0], c.kind) || !strings.HasPrefix(es[0].Path, c.path) {
			t.Errorf("%.40q: %v, want one %v at %s", c.raw, es, c.kind, c.path)
		}
		es = nil
		if checkRaw(&p, []byte(c.raw), decoded, &es); len(es) != 0 {
			t.Errorf("%.40q read by a decoder: %v", c.raw, es)
		}
	}
}
