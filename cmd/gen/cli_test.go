package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/output"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const contractSpec = "../../spec/contract.yaml"

// gen runs the CLI and returns its exit code, stdout and stderr.
func gen(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// outDirs returns fresh output folders and the flags that select them.
func outDirs(t *testing.T) (root string, flags []string) {
	root = t.TempDir()
	return root, []string{"-spec", contractSpec,
		"-go-out", filepath.Join(root, "go"),
		"-schema-out", filepath.Join(root, "jsonschema"),
		"-docs-out", filepath.Join(root, "docs")}
}

// files lists every file under root, sorted.
func files(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	}))
	sort.Strings(out)
	return out
}

func TestHelp(t *testing.T) {
	for _, flag := range []string{"-h", "-help", "--help"} {
		t.Run(flag, func(t *testing.T) {
			code, stdout, stderr := gen(flag)
			assert.Equal(t, exitOK, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, "Usage: gen <command> [flags]")
			assert.Contains(t, stderr, "Exit codes: 0 ok, 1 spec or config errors, drift, lint errors or breaking changes, 2 usage.")
			for _, c := range commands() {
				assert.Regexp(t, `(?m)^  `+c.name+` +\S`, stderr, "help lists %s", c.name)
			}
		})
	}
	t.Run("help", func(t *testing.T) {
		code, stdout, _ := gen("help")
		assert.Equal(t, exitOK, code)
		assert.Contains(t, stdout, "Usage: gen <command> [flags]")
	})
	t.Run("help generate", func(t *testing.T) {
		code, stdout, stderr := gen("help", "generate")
		assert.Equal(t, exitOK, code)
		assert.Empty(t, stderr)
		assert.Contains(t, stdout, "Usage: gen generate [flags]")
		for _, f := range []string{"-config", "-spec", "-format", "-go-out", "-package", "-schema-out", "-docs-out", "-templates",
			"-docs-front-matter", "-mkdocs", "-check"} {
			assert.Regexp(t, `(?m)^  `+f+`( string)?\n    \t\S`, stdout, "help lists and explains %s", f)
		}
	})
	for _, c := range commands() {
		t.Run("help "+c.name, func(t *testing.T) {
			code, stdout, _ := gen("help", c.name)
			assert.Equal(t, exitOK, code)
			assert.Contains(t, stdout, "Usage: gen "+c.name)
		})
	}
	t.Run("help of an unknown command", func(t *testing.T) {
		code, _, stderr := gen("help", "lnt")
		assert.Equal(t, exitUsage, code)
		assert.Equal(t, "gen: unknown command \"lnt\"; did you mean \"lint\"?\n", stderr)
	})
}

func TestUsageErrors(t *testing.T) {
	t.Run("unknown flag", func(t *testing.T) {
		code, stdout, stderr := gen("-bogus")
		assert.Equal(t, exitUsage, code)
		assert.Empty(t, stdout)
		assert.True(t, strings.HasPrefix(stderr, "flag provided but not defined: -bogus\nUsage: gen generate [flags]\n"), stderr)
	})
	t.Run("flag without value", func(t *testing.T) {
		code, _, stderr := gen("-spec")
		assert.Equal(t, exitUsage, code)
		assert.True(t, strings.HasPrefix(stderr, "flag needs an argument: -spec\n"), stderr)
	})
	t.Run("bad boolean", func(t *testing.T) {
		code, _, stderr := gen("-check=maybe")
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, stderr, `invalid boolean value "maybe" for -check`)
	})
	t.Run("extra argument", func(t *testing.T) {
		code, stdout, stderr := gen("check", "spec/contract.yaml")
		assert.Equal(t, exitUsage, code)
		assert.Empty(t, stdout)
		assert.Equal(t, "gen check: unexpected argument \"spec/contract.yaml\" (see -h)\n", stderr)
	})
	t.Run("unknown command", func(t *testing.T) {
		code, stdout, stderr := gen("genrate")
		assert.Equal(t, exitUsage, code)
		assert.Empty(t, stdout)
		assert.Equal(t, "gen: unknown command \"genrate\"; did you mean \"generate\"?\nRun 'gen help' for the list of commands.\n", stderr)
	})
	t.Run("bad format", func(t *testing.T) {
		code, _, stderr := gen("lint", "--format=xml")
		assert.Equal(t, exitUsage, code)
		assert.Equal(t, "gen lint: -format must be one of text, json, github; got \"xml\"\n", stderr)
	})
}

func TestVersion(t *testing.T) {
	code, stdout, stderr := gen("-version")
	assert.Equal(t, exitOK, code)
	assert.Regexp(t, `^contractgen \S+\n$`, stdout)
	assert.Empty(t, stderr)
	// -version wins over everything else, even a spec that does not exist.
	code, stdout2, _ := gen("-version", "-spec", "does/not/exist.yaml")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, stdout, stdout2)
}

func TestMissingSpec(t *testing.T) {
	code, stdout, stderr := gen("-spec", "does/not/exist.yaml", "-check")
	assert.Equal(t, exitFail, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "does/not/exist.yaml: spec file does not exist\n", stderr)
}

func TestGenerateThenCheck(t *testing.T) {
	root, flags := outDirs(t)

	code, stdout, stderr := gen(flags...)
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stderr)
	written := files(t, root)
	require.NotEmpty(t, written, "the shipped spec generates files")
	var want strings.Builder
	for _, p := range written {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.True(t, output.IsGenerated(data), "%s carries the generated marker", p)
		assert.Contains(t, stdout, "wrote "+p+"\n")
		want.WriteString("wrote " + p + "\n")
	}
	assert.Equal(t, len(written), strings.Count(stdout, "\n"), "one line per written file")

	// Up to date: -check is silent and succeeds; a second run changes nothing.
	code, stdout, stderr = gen(append(flags, "-check")...)
	assert.Equal(t, exitOK, code, stdout+stderr)
	assert.Empty(t, stdout)
	assert.Empty(t, stderr)
	code, stdout, stderr = gen(flags...)
	assert.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout, "nothing to rewrite")
	assert.Empty(t, stderr)
}

func TestCheckReportsDrift(t *testing.T) {
	root, flags := outDirs(t)
	code, _, stderr := gen(flags...)
	require.Equal(t, exitOK, code, stderr)
	written := files(t, root)
	require.GreaterOrEqual(t, len(written), 2)
	before := map[string]string{}
	for _, p := range written {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		before[p] = string(data)
	}

	// Edit a generated file: its second line changes.
	edited := written[0]
	lines := strings.SplitAfter(before[edited], "\n")
	require.Greater(t, len(lines), 2, "%s has several lines", edited)
	lines[1] = "// edited by hand\n"
	require.NoError(t, os.WriteFile(edited, []byte(strings.Join(lines, "")), 0o644))

	// Delete another one, and add an orphan with the marker and a
	// hand-written file without it.
	deleted := written[1]
	require.NoError(t, os.Remove(deleted))
	orphan := filepath.Join(root, "go", "zz_orphan.go")
	require.NoError(t, os.WriteFile(orphan, []byte("// Code generated by contractgen. DO NOT EDIT.\n\npackage x\n"), 0o644))
	mine := filepath.Join(root, "go", "handwritten.go")
	require.NoError(t, os.WriteFile(mine, []byte("package x\n"), 0o644))

	code, stdout, stderr := gen(append(flags, "-check")...)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stdout, "--- "+edited+" (on disk)\n+++ "+edited+" (generated)\n@@ -1,")
	original := strings.SplitAfter(before[edited], "\n")[1]
	assert.Contains(t, stdout, "\n-// edited by hand\n+"+original)
	assert.Contains(t, stdout, "missing: "+deleted+" (the spec produces it; run gen generate to write it)\n")
	assert.Contains(t, stdout, "orphaned: "+orphan+" (generated, but the spec no longer produces it)\n")
	assert.NotContains(t, stdout, mine, "hand-written files are not reported")
	assert.Equal(t, "gen: 3 generated file(s) out of date with the spec; run gen generate and commit the result\n", stderr)
	// -check wrote nothing.
	_, err := os.Stat(deleted)
	assert.ErrorIs(t, err, os.ErrNotExist)
	_, err = os.Stat(orphan)
	assert.NoError(t, err)

	// Generating repairs everything and leaves the hand-written file alone.
	code, stdout, stderr = gen(flags...)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "updated "+edited+"\n")
	assert.Contains(t, stdout, "wrote "+deleted+"\n")
	assert.Contains(t, stdout, "removed "+orphan+"\n")
	after := map[string]string{}
	for _, p := range files(t, root) {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		after[p] = string(data)
	}
	before[mine] = "package x\n"
	assert.Equal(t, before, after)
	code, stdout, _ = gen(append(flags, "-check")...)
	assert.Equal(t, exitOK, code, stdout)
}

func TestRefusesToOverwriteHandWrittenFile(t *testing.T) {
	root, flags := outDirs(t)
	code, _, stderr := gen(flags...)
	require.Equal(t, exitOK, code, stderr)
	target := files(t, root)[0]
	require.NoError(t, os.WriteFile(target, []byte("hand-written\n"), 0o644))

	code, stdout, stderr := gen(flags...)
	assert.Equal(t, exitFail, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "gen: "+target+` exists and was not written by this generator (no "Code generated ... DO NOT EDIT." header); move it away or delete it, then generate again`+"\n", stderr)
	data, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "hand-written\n", string(data))
}

func TestEmptyOutputFolderSkipsTarget(t *testing.T) {
	// Only the Go target: the docs folder stays empty.
	root, _ := outDirs(t)
	code, stdout, stderr := gen("-spec", contractSpec, "-go-out", filepath.Join(root, "go"), "-schema-out", "", "-docs-out", "")
	assert.Equal(t, exitOK, code, stderr)
	assert.NotEmpty(t, stdout)
	for _, p := range files(t, root) {
		assert.True(t, strings.HasPrefix(p, filepath.Join(root, "go")+string(filepath.Separator)), p)
	}
}

func TestPackageFlagMustBeAnIdentifier(t *testing.T) {
	for _, bad := range []string{"func", "my-pkg", "main"} {
		var out, errb bytes.Buffer
		code := run([]string{"-package", bad, "-check"}, &out, &errb)
		assert.Equal(t, 2, code, bad)
		assert.Contains(t, errb.String(), `-package "`+bad+`"`)
	}
}

// TestMkDocsSiteCarriesTheSchemas: with -mkdocs and schemas outside the docs
// folder, the docs folder gets a byte-identical copy of every schema file,
// which the pages link to relatively, and check accepts the tree; with
// -docs-schema-url the pages link to the hosted copies and nothing is copied.
func TestMkDocsSiteCarriesTheSchemas(t *testing.T) {
	root, flags := outDirs(t)
	flags = append(flags, "-mkdocs")
	code, _, stderr := gen(append([]string{"generate"}, flags...)...)
	require.Equal(t, exitOK, code, stderr)
	schemas := files(t, filepath.Join(root, "jsonschema"))
	require.NotEmpty(t, schemas)
	for _, p := range schemas {
		rel, _ := filepath.Rel(filepath.Join(root, "jsonschema"), p)
		want, _ := os.ReadFile(p)
		got, err := os.ReadFile(filepath.Join(root, "docs", "schemas", rel))
		require.NoError(t, err, "the site has no copy of %s", rel)
		assert.Equal(t, string(want), string(got), rel)
	}
	index, _ := os.ReadFile(filepath.Join(root, "docs", "index.md"))
	assert.Contains(t, string(index), "(schemas/tenant-status.request.schema.json)")
	code, stdout, stderr := gen(append([]string{"check"}, flags...)...)
	assert.Equal(t, exitOK, code, stdout+stderr)

	root, flags = outDirs(t)
	flags = append(flags, "-mkdocs", "-docs-schema-url", "https://example.test/schemas/")
	code, _, stderr = gen(append([]string{"generate"}, flags...)...)
	require.Equal(t, exitOK, code, stderr)
	_, err := os.Stat(filepath.Join(root, "docs", "schemas"))
	assert.True(t, os.IsNotExist(err), "no copy when the schemas are hosted")
	index, _ = os.ReadFile(filepath.Join(root, "docs", "index.md"))
	assert.Contains(t, string(index), "(https://example.test/schemas/tenant-status.request.schema.json)")
}

// TestSchemaURLMustBeAbsolute: a hosted-schema URL without a scheme and
// host is a usage error, and a positioned error in the config.
func TestSchemaURLMustBeAbsolute(t *testing.T) {
	_, flags := outDirs(t)
	code, _, stderr := gen(append([]string{"generate", "-docs-schema-url", "schemas.example.com/v1/"}, flags...)...)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `-docs-schema-url must be an absolute http or https URL, got "schemas.example.com/v1/"`)
}

// TestOrphansOnlyWhereTheTargetWrites: files a docs option wrote (the MkDocs
// site and its schema copy) go when the option goes, though no file of the
// new plan lies in their folders; and an output folder that holds other
// outputs (here the Go package written into their common parent) removes
// nothing of theirs.
func TestOrphansOnlyWhereTheTargetWrites(t *testing.T) {
	root, flags := outDirs(t)
	code, _, stderr := gen(append([]string{"generate", "-mkdocs"}, flags...)...)
	require.Equal(t, exitOK, code, stderr)
	site := []string{filepath.Join(root, "docs", ".mkdocs", "mkdocs.yml"),
		filepath.Join(root, "docs", "schemas", "tenant-status.request.schema.json")}
	for _, p := range site {
		require.FileExists(t, p)
	}
	code, stdout, stderr := gen(append([]string{"generate"}, flags...)...)
	require.Equal(t, exitOK, code, stderr)
	for _, p := range site {
		assert.Contains(t, stdout, "removed "+p+"\n")
		assert.NoFileExists(t, p)
	}

	before := files(t, root)
	code, stdout, stderr = gen("generate", "-spec", contractSpec, "-go-out", root, "-schema-out", "", "-docs-out", "")
	require.Equal(t, exitOK, code, stderr)
	assert.NotContains(t, stdout, "removed ")
	after := files(t, root)
	for _, p := range before {
		assert.Contains(t, after, p)
	}
	code, stdout, stderr = gen("check", "-spec", contractSpec, "-go-out", root, "-schema-out", "", "-docs-out", "")
	assert.Equal(t, exitOK, code, stdout+stderr)
}
