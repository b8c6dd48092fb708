package synth

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestStubBodiesKeepsDeclarationsOnly(t *testing.T) {
	src := `package p

import "strings"

// T is a type.
type T struct{ A string }

var re = strings.ToUpper("x")

// Up upper-cases the field.
func (t *T) Up() string {
	// a comment inside the body
	return strings.ToUpper(t.A)
}

func f(n int) (int, error) { return n, nil }
`
	out, err := StubBodies("p.go", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", out, parser.ParseComments)
	if err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	funcs := 0
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		funcs++
		if len(fd.Body.List) != 1 {
			t.Errorf("%s keeps %d statements", fd.Name.Name, len(fd.Body.List))
		}
	}
	if funcs != 2 {
		t.Errorf("%d functions, want 2", funcs)
	}
	for _, want := range []string{"type T struct", "var re = strings.ToUpper", "// Up upper-cases the field.", "func (t *T) Up() string { panic(0) }"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "inside the body") {
		t.Errorf("a comment of a removed body stays:\n%s", out)
	}
}

func TestStubBodiesReportsBadSource(t *testing.T) {
	if _, err := StubBodies("bad.go", []byte("package p\nfunc {")); err == nil || !strings.Contains(err.Error(), "bad.go:2") {
		t.Fatalf("err = %v, want a positioned parse error", err)
	}
}

// TestStubBodiesDropsImportsOnlyBodiesUsed: a package named only inside a
// removed body would no longer compile.
func TestStubBodiesDropsImportsOnlyBodiesUsed(t *testing.T) {
	src := `package p

import (
	"strings"
	"unsafe"
	_ "embed"
)

var s = strings.ToUpper("x")

func f(b []byte) unsafe.Pointer { return nil }

func g(p *int) uintptr { return uintptr(unsafe.Pointer(p)) + uintptr(len(strings.Fields(""))) }
`
	out, err := StubBodies("p.go", []byte(strings.Replace(src, "func f(b []byte) unsafe.Pointer { return nil }\n", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), `"unsafe"`) || !strings.Contains(string(out), `"strings"`) || !strings.Contains(string(out), `_ "embed"`) {
		t.Errorf("want strings and the blank import kept, unsafe dropped:\n%s", out)
	}
	out, err = StubBodies("p.go", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"unsafe"`) {
		t.Errorf("unsafe, still used in a signature, was dropped:\n%s", out)
	}
}
