package golang

import (
	"bytes"
	"sort"
	"strconv"

	"github.com/contractgen/contractgen/internal/emit"
)

// decl is one top-level declaration of a file, with its doc comment, as
// gofmt-clean text without a final line break, and the import paths it
// uses.
type decl struct {
	text    []byte
	imports []string
}

// assemble writes a file: the header, the package comment and clause, the
// imports of every declaration in one block, then the declarations
// separated as gofmt separates them. pkgDoc is the package comment,
// gofmt-clean.
func assemble(pkg string, pkgDoc []string, decls []decl) []byte {
	paths := map[string]bool{}
	size := 256
	for _, d := range decls {
		for _, p := range d.imports {
			paths[p] = true
		}
		size += len(d.text) + 2
	}
	var out bytes.Buffer
	out.Grow(size)
	out.WriteString("// " + emit.Header + "\n\n")
	for _, l := range pkgDoc {
		out.WriteString(l + "\n")
	}
	out.WriteString("package " + pkg + "\n")
	writeImports(&out, paths)
	var last string
	for i, d := range decls {
		if len(d.text) == 0 {
			continue
		}
		first, doc, lastTok := declKinds(d.text)
		if i == 0 || first != last || doc {
			// gofmt keeps a blank line before a declaration with a doc
			// comment or of another kind than the one before.
			out.WriteByte('\n')
		}
		out.Write(d.text)
		out.WriteByte('\n')
		last = lastTok
	}
	return out.Bytes()
}

// writeImports writes the import declaration of the standard library
// paths as gofmt does: one path on its own line, more in a sorted block.
func writeImports(out *bytes.Buffer, paths map[string]bool) {
	if len(paths) == 0 {
		return
	}
	list := make([]string, 0, len(paths))
	for p := range paths {
		list = append(list, strconv.Quote(p))
	}
	sort.Strings(list)
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

// declKinds reads the keyword of the first and the last top-level
// declaration of a text, and whether the first has a doc comment: what
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
