package e2e

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// devicePart matches a path element Windows keeps for a device (and the go
// command refuses in a module, golang.org/x/mod/module.CheckFilePath): the
// part before the first dot is CON, PRN, AUX, NUL, COM1-9 or LPT1-9.
var devicePart = regexp.MustCompile(`(?i)^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)`)

// mdLink is a relative link target of a Markdown page.
var mdLink = regexp.MustCompile(`\]\(([^)#:]+\.(?:md|json))(?:#[^)]*)?\)`)

// TestDeviceNamesMakePortableFiles generates a spec whose operations and
// types are named like Windows devices: no file of any output has a device
// name, and every relative link of the docs reaches a file.
func TestDeviceNamesMakePortableFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "spec.yaml"), `contract:
  name: devices
  title: Devices
  package: devices
  schema_base_uri: https://schemas.example.com/devices/
states:
  outcome:
    values: {ok: Done., rejected: Refused.}
envelopes:
  request:
    fields:
      operation: {type: string, source: operation}
      payload: {type: json, source: payload}
  response:
    fields:
      operation: {type: string, source: request.operation}
      status: {type: outcome, default: ok}
      payload: {type: json, source: payload}
types:
  Con:
    fields:
      a: {type: string}
operations:
  aux:
    request:
      c: {type: Con}
    response:
      payload:
        ok: {type: boolean}
    errors:
      nul:
        message: Nothing.
        status: rejected
        payload: {}
  Lpt1.v2:
    request: {}
    response:
      payload: {}
`)
	r := gen(t, dir, nil, "-spec", "spec.yaml", "-go-out", "go", "-schema-out", "schemas", "-docs-out", "docs")
	require.Equal(t, 0, r.code, "%s", r)
	var files []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	}))
	require.Contains(t, files, "docs/operations/aux_.md")
	require.Contains(t, files, "schemas/aux_.nul.error.schema.json")
	require.Contains(t, files, "schemas/con_.type.schema.json")
	links := 0
	for _, f := range files {
		for _, el := range strings.Split(f, "/") {
			assert.False(t, devicePart.MatchString(el), "%s: %s is a Windows device name", f, el)
		}
		if !strings.HasSuffix(f, ".md") {
			continue
		}
		page, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		for _, m := range mdLink.FindAllStringSubmatch(string(page), -1) {
			target := filepath.Join(dir, filepath.Dir(f), m[1])
			_, err := os.Stat(target)
			assert.NoError(t, err, "%s links to %s", f, m[1])
			links++
		}
	}
	assert.Greater(t, links, 10)
}
