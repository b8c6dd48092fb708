// Command gen generates Go code, JSON Schemas and Markdown docs from a
// contract spec, or checks that committed output matches the spec.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
