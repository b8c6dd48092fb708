package golang

import (
	"bytes"
	"go/format"
	"testing"
)

// TestCheckComments: the guard rejects every comment a tool would obey or
// that could hide code, whether or not the cheap test sends the file to
// the full scan, and passes clean files.
func TestCheckComments(t *testing.T) {
	bad := map[string]string{
		"block comment":                     "package p\n\n/* x */\nvar a = 1\n",
		"go directive":                      "package p\n\n//go:generate rm -rf /\nvar a = 1\n",
		"line directive":                    "package p\n\n//line evil.go:1\nvar a = 1\n",
		"export directive":                  "package p\n\n//export f\nfunc f() {}\n",
		"build constraint":                  "package p\n\n//   +build linux\n\nvar a = 1\n",
		"noinline on a var":                 "package p\n\n//go:noinline\nvar a = 1\n",
		"noinline beside another directive": "package p\n\n//go:noinline\nfunc f() {}\n\n//go:linkname g runtime.g\nfunc g()\n",
	}
	for name, src := range bad {
		if !mayHoldBadComment([]byte(src)) {
			t.Errorf("%s: the cheap test clears it", name)
		}
		if err := checkComments("x.go", []byte(src)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	good := map[string]string{
		"plain":             "package p\n\n// A is a value.\nvar a = 1\n",
		"look-alike string": "package p\n\n// B holds a slash and a star.\nvar b = \"/* //go: +build\"\n",
		"escaped directive": "package p\n\n// \\go:generate is text here.\nvar c = 1\n",
		"own noinline":      "package p\n\n// F does.\n//\n//go:noinline\nfunc F() {}\n",
	}
	for name, src := range good {
		if err := checkComments("x.go", []byte(src)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, name := range []string{"plain", "own noinline"} {
		if mayHoldBadComment([]byte(good[name])) {
			t.Errorf("%s: the cheap test sends the file to the full scan", name)
		}
	}
}

// TestRuntimeIsGofmtClean: the runtime files are copied without
// formatting, so each must be gofmt-clean as copied, whatever the package
// name.
func TestRuntimeIsGofmtClean(t *testing.T) {
	for _, pkg := range []string{"p", "saascontrolplane"} {
		out := map[string][]byte{}
		if err := runtimeFiles(pkg, out); err != nil {
			t.Fatal(err)
		}
		if len(out) == 0 {
			t.Fatal("no runtime files")
		}
		for name, src := range out {
			formatted, err := format.Source(src)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !bytes.Equal(formatted, src) {
				t.Errorf("%s (package %s) is not gofmt-clean", name, pkg)
			}
		}
	}
}
