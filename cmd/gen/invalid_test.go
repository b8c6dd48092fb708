package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the stderr.golden files of testdata/invalid from the current output")

// invalidDir holds one folder per invalid-spec case: spec.yaml (the input)
// and stderr.golden (exactly what gen prints, with the folder prefix of the
// spec path removed so every line reads spec.yaml:LINE:COL: message).
//
// A folder without spec.yaml must hold a file named "missing" saying why;
// the test then passes the path of the absent spec.yaml.
const invalidDir = "../../testdata/invalid"

func TestInvalidSpecs(t *testing.T) {
	entries, err := os.ReadDir(invalidDir)
	require.NoError(t, err)
	cases := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		cases++
		dir := filepath.Join(invalidDir, e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			spec := filepath.Join(dir, "spec.yaml")
			if _, err := os.Lstat(spec); err != nil {
				_, merr := os.Stat(filepath.Join(dir, "missing"))
				require.NoError(t, merr, "%s has no spec.yaml; add one, or a file named \"missing\" when the case is a missing spec", dir)
			}
			out := t.TempDir()
			var stdout, stderr bytes.Buffer
			code := run([]string{"-spec", spec,
				"-go-out", filepath.Join(out, "go"),
				"-schema-out", filepath.Join(out, "jsonschema"),
				"-docs-out", filepath.Join(out, "docs"),
				"-check"}, &stdout, &stderr)
			assert.Equal(t, exitFail, code, "exit code; stderr:\n%s", stderr.String())
			assert.Empty(t, stdout.String(), "an invalid spec prints nothing on stdout")

			got := strings.ReplaceAll(stderr.String(), dir+string(filepath.Separator), "")
			golden := filepath.Join(dir, "stderr.golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run the test with -update to create it, then review it")
			assert.Equal(t, string(want), got)

			// Every line is one positioned (or file-level) error about spec.yaml,
			// and the lines are sorted by position.
			lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			require.NotEmpty(t, lines)
			prevLine, prevCol := 0, 0
			for _, l := range lines {
				require.True(t, strings.HasPrefix(l, "spec.yaml:"), "line does not name spec.yaml: %q", l)
				var line, col int
				if n, _ := fmt.Sscanf(l, "spec.yaml:%d:%d:", &line, &col); n == 2 {
					assert.True(t, line > prevLine || (line == prevLine && col >= prevCol), "errors not sorted at %q", l)
					prevLine, prevCol = line, col
				}
			}
			entries, err := os.ReadDir(out)
			require.NoError(t, err)
			assert.Empty(t, entries, "nothing may be written for an invalid spec")
		})
	}
	assert.GreaterOrEqual(t, cases, 30, "expected at least 30 invalid-spec cases")
}
