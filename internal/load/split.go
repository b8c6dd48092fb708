package load

import (
	"bytes"
	"runtime"
	"sync"

	"gopkg.in/yaml.v3"
)

// splitMin is the smallest spec parseSplit parses in pieces: below it one
// parse is fast enough that pieces would only add work.
const splitMin = 256 << 10

// parseSplit parses a large spec on several cores: the entries of its big
// top-level mappings (types, operations, ...) in pieces, each piece a YAML
// document of its own, and the rest, with those entries blanked out, as
// one more. The pieces' trees are joined into the tree one parse of the
// whole text gives, positions included (comments aside, which the loader
// does not read): each piece's lines are moved down by the lines before
// it, and every line is cut whole, so columns stay. Parsing is most of
// what loading a large spec costs, and nothing else runs meanwhile.
//
// ok is false, and the caller parses the text whole, whenever the text
// might mean something else in pieces: when a piece, or the rest, fails
// to parse (a syntax error, a quoted text or flow collection running on
// past an entry, a shape pieces cannot take); when the text holds an
// alias, an explicit key (`? k`), a document marker, a directive or a
// line starting with a tab, or a line break other than LF and CRLF; and
// when it is small or there is one core. So every error, and every spec
// that needs the whole text, comes from the one parse it came from
// before; FuzzSplit holds the joined trees to it.
func parseSplit(data []byte) (*yaml.Node, bool) {
	procs := runtime.GOMAXPROCS(0)
	if len(data) < splitMin || procs < 2 {
		return nil, false
	}
	return splitInto(data, max(len(data)/(4*procs), 32<<10))
}

// splitInto is parseSplit with pieces of about size bytes, from any size
// of text (tests cut the smallest pieces they can).
func splitInto(data []byte, size int) (*yaml.Node, bool) {
	if !splittable(data) {
		return nil, false
	}
	ls := lineStarts(data)
	secs := sections(data, ls, size)
	if len(secs) == 0 {
		return nil, false
	}
	ps := []piece{{text: blankOut(data, ls, secs), sec: -1}}
	for i, s := range secs {
		for j := range s.cuts[:len(s.cuts)-1] {
			from, to := s.cuts[j], s.cuts[j+1]
			ps = append(ps, piece{text: data[ls[from]:ls[to]], shift: from, sec: i})
		}
	}
	if !parseAll(ps) {
		return nil, false
	}
	return join(ps, secs)
}

// piece is one text parseSplit parses on its own: the rest (sec -1), or
// lines of section sec starting after shift lines; doc is its tree.
type piece struct {
	text       []byte
	shift, sec int
	doc        *yaml.Node
}

// splittable rules out what parsing in pieces could change: an alias
// (its anchor may be in another piece), an explicit key, a line that
// starts with a document marker, a directive or a tab, and line breaks the
// line count of lineStarts would not see (CR alone, NEL, LS, PS).
func splittable(data []byte) bool {
	for i, c := range data {
		switch c {
		case '?':
			// An explicit key ("? k") may have no value, and yaml.v3 puts
			// that empty value where the next token starts, which for the
			// last key of a piece is in the next piece.
			if (i == 0 || isBlankByte(data[i-1])) && (i+1 == len(data) || isBlankByte(data[i+1])) {
				return false
			}
		case '*':
			if i+1 < len(data) && !isBlankByte(data[i+1]) && data[i+1] != '*' && (i == 0 || bytes.IndexByte(beforeAlias, data[i-1]) >= 0) {
				return false
			}
		case '\r':
			if i+1 == len(data) || data[i+1] != '\n' {
				return false
			}
		case 0x85: // NEL is C2 85 in UTF-8
			if i > 0 && data[i-1] == 0xC2 {
				return false
			}
		case 0xA8, 0xA9: // LS and PS are E2 80 A8 and E2 80 A9
			if i > 1 && data[i-1] == 0x80 && data[i-2] == 0xE2 {
				return false
			}
		case '-', '.', '%':
			if (i == 0 || data[i-1] == '\n') && (c == '%' || bytes.HasPrefix(data[i:], []byte{c, c, c})) {
				return false
			}
		case '\t':
			// A line starting with a tab reads as the end of a section to
			// sections, but not to yaml.v3, which refuses the tab where it
			// continues a plain text of the entry above.
			if i == 0 || data[i-1] == '\n' {
				return false
			}
		}
	}
	return true
}

// beforeAlias are the bytes an alias can follow (an alias can also start
// the text); a '*' after any other is text.
var beforeAlias = []byte(" \t\n[{,:?-")

func isBlankByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// lineStarts returns the offset of every line's first byte, and len(data)
// last, so line i is data[ls[i]:ls[i+1]].
func lineStarts(data []byte) []int {
	ls := make([]int, 1, bytes.Count(data, []byte{'\n'})+2)
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			ls = append(ls, i+1)
		}
	}
	return append(ls, len(data))
}

// parseAll parses every piece as one YAML document, on all cores, and
// moves each tree down by its piece's shift in lines. It reports whether
// every piece parsed.
func parseAll(ps []piece) bool {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(ps)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				var doc yaml.Node
				if err := yaml.Unmarshal(ps[i].text, &doc); err != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
					continue
				}
				shift(&doc, ps[i].shift)
				ps[i].doc = &doc
			}
		}()
	}
	for i := range ps {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, p := range ps {
		if p.doc == nil {
			return false
		}
	}
	return true
}

// shift adds lines to the line of n and of every node below it; a tree
// without aliases holds each node once.
func shift(n *yaml.Node, lines int) {
	n.Line += lines
	for _, c := range n.Content {
		shift(c, lines)
	}
}

// join puts each section's pieces, in order, in place of the empty value
// the blanked-out rest (ps[0]) holds for it.
func join(ps []piece, secs []section) (*yaml.Node, bool) {
	root := ps[0].doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, false
	}
	merged := make([]*yaml.Node, len(secs))
	for _, p := range ps[1:] {
		m := p.doc.Content[0]
		if m.Kind != yaml.MappingNode || m.Style != 0 || m.Tag != "!!map" || m.Anchor != "" || m.Column != secs[p.sec].indent+1 {
			return nil, false
		}
		if merged[p.sec] == nil {
			merged[p.sec] = m
		} else {
			merged[p.sec].Content = append(merged[p.sec].Content, m.Content...)
		}
	}
	for i, s := range secs {
		v := valueAt(root, s.keyLine+1)
		if v == nil || v.Kind != yaml.ScalarNode || v.Tag != "!!null" || v.Value != "" || v.Anchor != "" {
			return nil, false
		}
		*v = *merged[i]
	}
	return ps[0].doc, true
}

// valueAt is the value of root's key on the given line (counted from 1).
func valueAt(root *yaml.Node, line int) *yaml.Node {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Line == line && k.Column == 1 {
			return root.Content[i+1]
		}
	}
	return nil
}

// section is a top-level key whose block mapping is parsed in pieces.
type section struct {
	keyLine int   // the key's line, counted from 0
	indent  int   // the indentation of the mapping's entries
	cuts    []int // the first line of each piece, then the line after the last
}

// sections finds the top-level keys written alone on their line (`types:`)
// whose value is a block mapping of at least size bytes, and cuts each into
// pieces of whole entries of about size bytes.
func sections(data []byte, ls []int, size int) []section {
	var out []section
	n := len(ls) - 1
	for i := 0; i < n; {
		if !isSectionKey(lineAt(data, ls, i)) {
			i++
			continue
		}
		end := i + 1
		for end < n && !startsTopLevel(lineAt(data, ls, end)) {
			end++
		}
		if s, ok := cut(data, ls, i, end, size); ok {
			out = append(out, s)
		}
		i = end
	}
	return out
}

// cut cuts the lines after key, up to end, at entries of the mapping
// they hold: lines of its entries' indentation. Every other line must be
// blank, a comment, or indented further; an entry must start with a
// letter, digit, underscore or quote (no anchor, tag, sequence or flow
// collection).
func cut(data []byte, ls []int, key, end, size int) (section, bool) {
	s := section{keyLine: key, indent: -1}
	var entries []int
	for j := key + 1; j < end; j++ {
		l := lineAt(data, ls, j)
		ind := 0
		for ind < len(l) && l[ind] == ' ' {
			ind++
		}
		if ind == len(l) || l[ind] == '\n' || l[ind] == '\r' || l[ind] == '#' {
			continue
		}
		if s.indent < 0 {
			s.indent = ind
		}
		if ind < s.indent {
			return s, false
		}
		if ind == s.indent {
			if !isEntryStart(l[ind]) {
				return s, false
			}
			entries = append(entries, j)
		}
	}
	if s.indent < 1 || ls[end]-ls[entries[0]] < size {
		return s, false
	}
	s.cuts = append(s.cuts, entries[0])
	for _, e := range entries[1:] {
		if ls[e]-ls[s.cuts[len(s.cuts)-1]] >= size {
			s.cuts = append(s.cuts, e)
		}
	}
	s.cuts = append(s.cuts, end)
	return s, true
}

// isSectionKey reports a line holding a plain top-level key and nothing
// else but a comment: `operations:`, `types:  # ...`.
func isSectionKey(l []byte) bool {
	i := 0
	for i < len(l) && (l[i] == '_' || l[i] == '-' && i > 0 || isAlnum(l[i])) {
		i++
	}
	if i == 0 || !isLetter(l[0]) && l[0] != '_' || i == len(l) || l[i] != ':' {
		return false
	}
	rest := bytes.TrimRight(l[i+1:], "\r\n")
	if len(rest) == 0 {
		return true
	}
	if rest[0] != ' ' {
		return false
	}
	rest = bytes.TrimLeft(rest, " ")
	return len(rest) == 0 || rest[0] == '#'
}

// startsTopLevel reports a line with content in column 1: the next
// top-level key, or anything else that ends a section.
func startsTopLevel(l []byte) bool {
	return len(l) > 0 && l[0] != ' ' && l[0] != '\n' && l[0] != '\r' && l[0] != '#'
}

func isEntryStart(c byte) bool { return isAlnum(c) || c == '_' || c == '"' || c == '\'' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isAlnum(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' }

func lineAt(data []byte, ls []int, i int) []byte { return data[ls[i]:ls[i+1]] }

// blankOut is data with the lines of every section's pieces emptied, line
// breaks kept, so the rest parses alone with its lines where they were.
func blankOut(data []byte, ls []int, secs []section) []byte {
	out := make([]byte, 0, len(data))
	from := 0
	for _, s := range secs {
		a, b := ls[s.cuts[0]], ls[s.cuts[len(s.cuts)-1]]
		out = append(out, data[from:a]...)
		for i := a; i < b; i++ {
			if data[i] == '\n' || data[i] == '\r' {
				out = append(out, data[i])
			}
		}
		from = b
	}
	return append(out, data[from:]...)
}
