// Command synth writes the synthetic spec of N operations (internal/synth)
// to standard output: synth N.
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/contractgen/contractgen/internal/synth"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: synth N")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "synth: N must be a positive integer")
		os.Exit(2)
	}
	os.Stdout.Write(synth.Spec(n))
}
