// Command stubbodies replaces the body of every function in the Go files it
// is given with panic(0), in place (synth.StubBodies): stubbodies FILE...
// scripts/bench-build.sh uses it to measure what a generated package's
// declarations alone cost the compiler.
package main

import (
	"fmt"
	"os"

	"github.com/contractgen/contractgen/internal/synth"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: stubbodies FILE...")
		os.Exit(2)
	}
	for _, path := range os.Args[1:] {
		src, err := os.ReadFile(path)
		if err == nil {
			src, err = synth.StubBodies(path, src)
		}
		if err == nil {
			err = os.WriteFile(path, src, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "stubbodies:", err)
			os.Exit(1)
		}
	}
}
