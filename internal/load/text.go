package load

import (
	"fmt"
	"unicode/utf8"

	"github.com/contractgen/contractgen/internal/diag"
	"gopkg.in/yaml.v3"
)

// Alias budget: the reader may visit at most aliasFactor times as many nodes
// as the document holds itself (aliases counted once), and never fewer than
// minBudget, so the cost of expanding aliases stays proportional to the
// input however the aliases nest.
const (
	aliasFactor = 10
	minBudget   = 50_000
)

// budget returns the node budget for a document of own nodes.
func budget(own int) int {
	return max(minBudget, aliasFactor*own)
}

// survey walks the document once without following aliases: it counts the
// document's own nodes (for the alias budget) and reports every scalar that
// holds a character spec text must not carry.
func survey(n *yaml.Node, errs *diag.List) int {
	count := 0
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		count++
		if n.Kind == yaml.ScalarNode {
			checkText(n, errs)
		}
		if depth > maxDepth {
			return // the reader reports the depth itself
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return count
}

// checkText reports the first invisible or control character of a scalar.
// Such characters have no legitimate use in a contract's names, texts or
// literals, and would otherwise reach generated comments, Markdown and
// schemas where a reader cannot see them (bidi controls reorder what a
// reviewer sees; NUL and BOM break tools).
func checkText(n *yaml.Node, errs *diag.List) {
	for i, r := range n.Value {
		if name := invisible(r); name != "" {
			p := pos(n)
			if n.Style == 0 && !containsNewline(n.Value[:i]) {
				p.Col += utf8.RuneCountInString(n.Value[:i])
			}
			errs.Add(p, "text holds %s, which readers cannot see and tools mishandle; remove it", name)
			return
		}
	}
}

func containsNewline(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return true
		}
	}
	return false
}

// invisible names a character spec text may not hold, or returns "".
// Tab, line feed and carriage return stay allowed in texts.
func invisible(r rune) string {
	switch {
	case r == 0:
		return "a NUL character (U+0000)"
	case r == '\t' || r == '\n' || r == '\r':
		return ""
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return fmt.Sprintf("the control character U+%04X", r)
	case r == 0xfeff:
		return "a byte order mark (U+FEFF)"
	case r == utf8.RuneError:
		return "an invalid UTF-8 sequence or U+FFFD"
	case r == 0x200e || r == 0x200f || r == 0x061c || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return fmt.Sprintf("the bidirectional control U+%04X", r)
	case r == 0x2028 || r == 0x2029:
		return fmt.Sprintf("the line separator U+%04X", r)
	case r == 0x200b || r == 0x2060 || r == 0x00ad:
		return fmt.Sprintf("the invisible character U+%04X", r)
	}
	return ""
}
