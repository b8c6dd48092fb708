package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMinimalSpec generates all three outputs from a spec of at most 20
// lines, with every default taken: the Go package vets and builds, every
// schema is JSON, and no docs page has an empty section.
func TestMinimalSpec(t *testing.T) {
	spec := filepath.Join(repoRoot(t), "testdata", "minimal", "spec.yaml")
	text := readFile(t, spec)
	require.LessOrEqual(t, strings.Count(text, "\n"), 20, "the minimal spec must stay within 20 lines")
	dir := t.TempDir()
	copyFile(t, spec, filepath.Join(dir, "spec.yaml"))
	r := gen(t, dir, nil, "-spec", "spec.yaml", "-go-out", "mod/ping", "-schema-out", "schemas", "-docs-out", "docs")
	require.Equal(t, 0, r.code, "%s", r)
	writeFile(t, filepath.Join(dir, "mod", "go.mod"), "module example.com/minimal\n\ngo 1.26\n")
	for _, args := range [][]string{{"vet", "./..."}, {"build", "./..."}} {
		res := run(t, filepath.Join(dir, "mod"), goEnv(), 2*time.Minute, goTool(t), args...)
		require.Equal(t, 0, res.code, "go %s: %s", args[0], res)
	}
	schemas, err := filepath.Glob(filepath.Join(dir, "schemas", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, schemas)
	for _, s := range schemas {
		assert.True(t, json.Valid([]byte(readFile(t, s))), s)
	}
	pages := 0
	require.NoError(t, filepath.Walk(filepath.Join(dir, "docs"), func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		pages++
		assertNoEmptySection(t, p, readFile(t, p))
		return nil
	}))
	assert.Equal(t, 3, pages, "an index, one operation page and the envelopes; no pages without content")
}

// assertNoEmptySection fails when a heading is followed, before any text,
// by a heading of the same or a higher level, or by the end of the page.
func assertNoEmptySection(t *testing.T, path, text string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	level := func(l string) int {
		n := len(l) - len(strings.TrimLeft(l, "#"))
		if n > 0 && strings.HasPrefix(l[n:], " ") {
			return n
		}
		return 0
	}
	for i, l := range lines {
		h := level(l)
		if h < 2 {
			continue
		}
		empty := true
		for _, next := range lines[i+1:] {
			if strings.TrimSpace(next) == "" {
				continue
			}
			if n := level(next); n > 0 && n <= h {
				break
			}
			empty = strings.HasPrefix(next, "Back to ")
			break
		}
		assert.False(t, empty, "%s: section %q is empty", path, l)
	}
}
