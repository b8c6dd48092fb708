package golang

import (
	"bytes"
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/dave/jennifer/jen"
)

// chunk is a run of top-level declarations of one file: gofmt-clean text
// the emitter wrote directly (text), or jennifer code (jf) that is
// formatted on its own when the file renders. Formatting is most of what
// jennifer costs, so the declarations every struct repeats are written as
// text and only the rarer ones go through the formatter.
type chunk struct {
	jf      *jen.File
	text    []byte
	imports []string // import paths the text uses
}

// assemble renders a file from its chunks: the header, the package clause,
// the imports of every chunk in one block, then the declarations separated
// as gofmt separates them. pkgDoc is the package comment, gofmt-clean.
// A file that is one jennifer chunk is rendered by jennifer as a whole.
func assemble(pkg string, pkgDoc []string, chunks []*chunk) ([]byte, error) {
	if len(chunks) == 1 && chunks[0].jf != nil && pkgDoc == nil {
		var buf bytes.Buffer
		f := chunks[0].jf
		f.HeaderComment(emit.Header)
		err := f.Render(&buf)
		return buf.Bytes(), err
	}
	specs := map[string]bool{}
	bodies := make([][]byte, 0, len(chunks))
	for _, c := range chunks {
		body := c.text
		for _, p := range c.imports {
			specs[strconv.Quote(p)] = true
		}
		if c.jf != nil {
			var err error
			if body, err = renderChunk(c.jf, specs); err != nil {
				return nil, err
			}
		}
		if len(body) > 0 {
			bodies = append(bodies, body)
		}
	}
	var out bytes.Buffer
	out.Grow(totalLen(bodies) + 256)
	out.WriteString("// " + emit.Header + "\n\n")
	for _, l := range pkgDoc {
		out.WriteString(l + "\n")
	}
	out.WriteString("package " + pkg + "\n")
	writeImports(&out, specs)
	var last string
	for i, body := range bodies {
		first, doc, lastTok := declKinds(body)
		if i == 0 || first != last || doc {
			// gofmt keeps a blank line before a declaration with a doc
			// comment or of another kind than the one before.
			out.WriteByte('\n')
		}
		out.Write(body)
		out.WriteByte('\n')
		last = lastTok
	}
	return out.Bytes(), nil
}

func totalLen(bodies [][]byte) int {
	n := 0
	for _, b := range bodies {
		n += len(b) + 1
	}
	return n
}

// renderChunk formats a jennifer chunk alone and returns its declarations
// without the package clause, adding its imports to specs.
func renderChunk(f *jen.File, specs map[string]bool) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	src := buf.Bytes()
	if !bytes.HasPrefix(src, []byte("package ")) {
		return nil, errors.New("a chunk of declarations holds a package comment")
	}
	src = src[bytes.IndexByte(src, '\n')+1:]
	src = bytes.TrimLeft(src, "\n")
	switch {
	case bytes.HasPrefix(src, []byte("import (\n")):
		end := bytes.Index(src, []byte("\n)\n"))
		for _, line := range strings.Split(string(src[len("import (\n"):end]), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				specs[line] = true
			}
		}
		src = src[end+3:]
	case bytes.HasPrefix(src, []byte("import ")):
		end := bytes.IndexByte(src, '\n')
		specs[string(src[len("import "):end])] = true
		src = src[end+1:]
	}
	return bytes.Trim(src, "\n"), nil
}

// writeImports writes the import declaration of specs as gofmt does: one
// spec on its own line, more in a block sorted by path.
func writeImports(out *bytes.Buffer, specs map[string]bool) {
	if len(specs) == 0 {
		return
	}
	list := make([]string, 0, len(specs))
	for s := range specs {
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool {
		pi, pj := importPath(list[i]), importPath(list[j])
		if pi != pj {
			return pi < pj
		}
		return list[i] < list[j]
	})
	if len(list) == 1 {
		out.WriteString("\nimport " + list[0] + "\n")
		return
	}
	out.WriteString("\nimport (\n")
	for _, s := range list {
		out.WriteString("\t" + s + "\n")
	}
	out.WriteString(")\n")
}

// importPath is the quoted path of an import spec (name "path").
func importPath(spec string) string {
	return spec[strings.IndexByte(spec, '"'):]
}

// declKinds reads the keyword of the first and the last top-level
// declaration of a chunk, and whether the first has a doc comment: what
// gofmt's blank lines between declarations depend on. Top-level lines are
// the unindented ones; string literals never span lines, since every
// literal is quoted with strconv.
func declKinds(body []byte) (first string, doc bool, last string) {
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		if bytes.HasPrefix(line, []byte("//")) {
			doc = doc || first == ""
			continue
		}
		for _, kw := range [...]string{"func", "var", "type", "const"} {
			if bytes.HasPrefix(line, []byte(kw)) && len(line) > len(kw) && (line[len(kw)] == ' ' || line[len(kw)] == '(') {
				if first == "" {
					first = kw
				}
				last = kw
			}
		}
	}
	return first, doc, last
}
