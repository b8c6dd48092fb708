package synth

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"path"
	"strconv"
)

// StubBodies returns the Go source src with the body of every function and
// method replaced by panic(0); types, constants, variables and signatures
// stay. Compiling a generated package whose per-type files went through it
// measures what its declarations cost the compiler, with no logic: the
// least any implementation of the same API could take
// (scripts/bench-build.sh).
func StubBodies(name string, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	// Comments inside the removed bodies would be printed where the bodies
	// were; keep only those outside every function body.
	f.Comments = outsideBodies(f)
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			fd.Body.List = []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
				Fun:  ast.NewIdent("panic"),
				Args: []ast.Expr{&ast.BasicLit{Kind: token.INT, Value: "0"}},
			}}}
			fd.Body.Rbrace = fd.Body.Lbrace + 1
		}
	}
	dropUnusedImports(f)
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return b.Bytes(), nil
}

// outsideBodies lists the comment groups of f that lie outside every
// function body.
func outsideBodies(f *ast.File) []*ast.CommentGroup {
	var keep []*ast.CommentGroup
	for _, c := range f.Comments {
		inside := false
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && c.Pos() > fd.Body.Lbrace && c.End() <= fd.Body.Rbrace {
				inside = true
				break
			}
		}
		if !inside {
			keep = append(keep, c)
		}
	}
	return keep
}

// dropUnusedImports removes the imports that only the removed bodies used
// (a package used in bodies alone, such as unsafe in Decode functions), which
// the compiler would refuse.
func dropUnusedImports(f *ast.File) {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	keep := func(spec *ast.ImportSpec) bool {
		name := ""
		if spec.Name != nil {
			name = spec.Name.Name
		} else if p, err := strconv.Unquote(spec.Path.Value); err == nil {
			name = path.Base(p)
		}
		return name == "_" || used[name]
	}
	var imports []*ast.ImportSpec
	for _, spec := range f.Imports {
		if keep(spec) {
			imports = append(imports, spec)
		}
	}
	f.Imports = imports
	decls := f.Decls[:0]
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			specs := gd.Specs[:0]
			for _, s := range gd.Specs {
				if keep(s.(*ast.ImportSpec)) {
					specs = append(specs, s)
				}
			}
			if len(specs) == 0 {
				continue
			}
			gd.Specs = specs
		}
		decls = append(decls, d)
	}
	f.Decls = decls
}
