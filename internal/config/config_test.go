package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFull(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	require.NoError(t, os.WriteFile(p, []byte(`version: 1
spec: api/contract.yaml
outputs:
  go: {out: gen/go, package: api}
  schema: {out: gen/schemas}
  docs: {out: gen/docs, templates: tmpl, front_matter: true, mkdocs: true, schema_url: "https://s.example/v1/"}
lint:
  rules:
    TYPE_HAS_EXAMPLE: off
    FIELD_DESCRIBED: error
breaking:
  ignore: [FIELD_REMOVED]
`), 0o644))
	c, err := Load(p)
	require.NoError(t, err)
	rel := func(s string) string { return filepath.Join(dir, s) } // outside the working folder: kept as joined
	assert.Equal(t, rel("api/contract.yaml"), c.Spec)
	assert.Equal(t, &GoTarget{Out: rel("gen/go"), Package: "api"}, c.Go)
	assert.Equal(t, &SchemaTarget{Out: rel("gen/schemas")}, c.Schema)
	assert.Equal(t, &DocsTarget{Out: rel("gen/docs"), Templates: rel("tmpl"), FrontMatter: true, MkDocs: true, SchemaURL: "https://s.example/v1/"}, c.Docs)
	assert.Equal(t, map[string]Setting{"TYPE_HAS_EXAMPLE": {"off", 9, 5}, "FIELD_DESCRIBED": {"error", 10, 5}}, c.Lint)
	assert.Equal(t, []Setting{{"FIELD_REMOVED", 12, 12}}, c.BreakingIgnore)
}

// TestPathsBelowTheWorkingFolderStayRelative keeps diagnostics short.
func TestPathsBelowTheWorkingFolderStayRelative(t *testing.T) {
	c, err := Parse(filepath.Join("sub", FileName), []byte("version: 1\nspec: contract.yaml\noutputs:\n  go: {out: ../gen}\n"))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join("sub", "contract.yaml"), c.Spec)
	assert.Equal(t, "gen", c.Go.Out)
}

// TestTargetsNotListedAreNotGenerated: only the outputs the config names.
func TestTargetsNotListedAreNotGenerated(t *testing.T) {
	c, err := Parse("contractgen.yaml", []byte("version: 1\nspec: s.yaml\noutputs:\n  go: {out: contract}\n"))
	require.NoError(t, err)
	assert.NotNil(t, c.Go)
	assert.Nil(t, c.Schema)
	assert.Nil(t, c.Docs)
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"typo with suggestion", "version: 1\nspec: s.yaml\noutput:\n  go: {out: x}\n",
			`c.yaml:3:1: unknown key "output" in the config; did you mean "outputs"?`},
		{"nested typo", "version: 1\nspec: s.yaml\noutputs:\n  go: {out: x, pakage: y}\n",
			`c.yaml:4:16: unknown key "pakage" in outputs.go; did you mean "package"?`},
		{"unknown target", "version: 1\nspec: s.yaml\noutputs:\n  python: {out: x}\n",
			`c.yaml:4:3: unknown key "python" in outputs; expected one of: docs, go, schema`},
		{"missing spec", "version: 1\n", `c.yaml:1:1: the config is missing required key "spec"`},
		{"wrong version", "version: 2\nspec: s.yaml\n", `c.yaml:1:10: version must be 1, got "2"; this release reads config version 1 only`},
		{"bad boolean", "version: 1\nspec: s.yaml\noutputs:\n  docs: {out: d, mkdocs: yes please}\n",
			`c.yaml:4:26: outputs.docs.mkdocs must be true or false, got "yes please"`},
		{"bad severity", "version: 1\nspec: s.yaml\nlint:\n  rules:\n    FIELD_DESCRIBED: warning\n",
			`c.yaml:5:22: severity of lint rule FIELD_DESCRIBED must be one of error, warn, info, off, got "warning"; did you mean "warn"?`},
		{"duplicate key", "version: 1\nspec: a.yaml\nspec: b.yaml\n", `c.yaml:3:1: duplicate key "spec" in the config; first written at line 2`},
		{"empty", "", `c.yaml:1:1: config is empty; it needs at least version: 1 and spec`},
		{"not a mapping", "- a\n", `c.yaml:1:1: the config must be a mapping, got a list`},
		{"syntax", "version: 1\nspec: [\n", `c.yaml:2:1: did not find expected node content`},
		{"not UTF-8", "version: 1\nspec: s\xfe.yaml\n", `c.yaml:2:8: byte 0xfe is not UTF-8; save the file as UTF-8`},
		{"empty out", "version: 1\nspec: s.yaml\noutputs:\n  go: {out: \"\"}\n", `c.yaml:4:13: outputs.go.out must be a non-empty string, got ""`},
		{"relative schema url", "version: 1\nspec: s.yaml\noutputs:\n  docs: {out: d, schema_url: ftp.example/x}\n",
			`c.yaml:4:30: outputs.docs.schema_url must be an absolute http or https URL, got "ftp.example/x"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tc.src))
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestFindWalksUpToTheModuleRoot(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "mod", "a", "b")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	// A config above the module root is not the module's.
	require.NoError(t, os.WriteFile(filepath.Join(root, FileName), []byte("x"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "mod", "go.mod"), []byte("module m\n"), 0o644))
	p, err := Find(deep)
	require.NoError(t, err)
	assert.Equal(t, "", p)
	require.NoError(t, os.WriteFile(filepath.Join(root, "mod", FileName), []byte("x"), 0o644))
	p, err = Find(deep)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "mod", FileName), p)
	require.NoError(t, os.WriteFile(filepath.Join(deep, FileName), []byte("x"), 0o644))
	p, err = Find(deep)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(deep, FileName), p)
}
