package config

import (
	"os"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary documents to Parse: each ends in a config or in
// errors that name the file, never in a panic. Seeds: the starter config
// and a domain spec's config.
func FuzzParse(f *testing.F) {
	for _, p := range []string{"../../cmd/gen/starter/contractgen.yaml", "../../testdata/specs/energy_metering/contractgen.yaml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("version: 1\nspec: s.yaml\noutputs:\n  go: {out: contract}\n  schemas: {out: *a}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("contractgen.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "contractgen.yaml") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		if c == nil {
			t.Fatal("no config and no error")
		}
	})
}
