package e2e

import (
	"flag"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateHostile = flag.Bool("update", false, "rewrite the stderr.golden files of testdata/hostile/cases")

// positioned is one spec error line: spec.yaml:LINE:COL: message.
var positioned = regexp.MustCompile(`^spec\.yaml:\d+:\d+: \S`)

// markup is what a built docs page may hold only if spec text became HTML.
var markup = []string{"<img src=x", "<script>alert", "<iframe src=", "<b onmouseover", `href="javascript:`}

// TestHostileSpecs runs gen over every folder of testdata/hostile/cases.
// Each spec either fails with positioned errors only (and stderr.golden
// holds them) and writes nothing, or generates a package that vets and
// builds, whose comments hold no directive, build constraint or block
// comment, and whose MkDocs site (built when mkdocs is installed) holds no
// markup from spec text.
func TestHostileSpecs(t *testing.T) {
	root := repoRoot(t)
	casesDir := filepath.Join(root, "testdata", "hostile", "cases")
	entries, err := os.ReadDir(casesDir)
	require.NoError(t, err)
	work := t.TempDir()
	mod := filepath.Join(work, "mod")
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/hostile\n\ngo 1.26\n")
	var generated []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		dir := filepath.Join(work, name)
		copyFile(t, filepath.Join(casesDir, name, "spec.yaml"), filepath.Join(dir, "spec.yaml"))
		goOut := filepath.Join(mod, name)
		r := gen(t, dir, nil, "-spec", "spec.yaml", "-go-out", goOut, "-schema-out", "schemas",
			"-docs-out", "docs", "-docs-front-matter", "-mkdocs")
		golden := filepath.Join(casesDir, name, "stderr.golden")
		if r.code != 0 {
			assert.Equal(t, 1, r.code, "%s: %s", name, r)
			for _, l := range strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n") {
				assert.Regexp(t, positioned, l, "%s: every error is positioned", name)
			}
			assert.NoDirExists(t, goOut, "%s: a failed spec writes nothing", name)
			if *updateHostile {
				require.NoError(t, os.WriteFile(golden, []byte(r.stderr), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "%s fails; run with -update to record its errors in stderr.golden, then review them", name)
			assert.Equal(t, string(want), r.stderr, name)
			continue
		}
		if *updateHostile {
			_ = os.Remove(golden)
		}
		assert.NoFileExists(t, golden, "%s generates, but stderr.golden expects errors", name)
		generated = append(generated, name)
		checkGoComments(t, goOut)
	}
	require.GreaterOrEqual(t, len(entries), 30, "at least 30 hostile cases")
	require.NotEmpty(t, generated)

	// One module holds every generated package, so vet and build run once.
	for _, args := range [][]string{{"vet", "./..."}, {"build", "./..."}} {
		r := run(t, mod, goEnv(), 5*time.Minute, goTool(t), args...)
		require.Equal(t, 0, r.code, "go %s: %s", args[0], r)
	}
	mkdocsSites(t, work, generated)
}

// checkGoComments scans every Go file of a package: the only comments are
// line comments, and none reads as a directive or a build constraint, except
// //go:noinline right before a function (the runtime's own, and the one the
// emitter sets on value methods; spec text reaches comments only
// as "// " lines, so it cannot write one).
func checkGoComments(t *testing.T, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, path := range files {
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		fset := token.NewFileSet()
		var s scanner.Scanner
		s.Init(fset.AddFile(path, -1, len(src)), src, func(pos token.Position, msg string) {
			t.Errorf("%s: %s", pos, msg)
		}, scanner.ScanComments)
		noinline := token.NoPos
		for {
			pos, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			if noinline.IsValid() {
				assert.Equal(t, token.FUNC, tok, "%s: //go:noinline not right before a function", fset.Position(noinline))
				noinline = token.NoPos
			}
			if tok != token.COMMENT {
				continue
			}
			where := fset.Position(pos)
			assert.True(t, strings.HasPrefix(lit, "//"), "%s: block comment %q", where, lit)
			body := strings.TrimPrefix(lit, "//")
			if body == "go:noinline" {
				noinline = pos
				continue
			}
			for _, d := range []string{"go:", "line ", "export ", "extern "} {
				assert.False(t, strings.HasPrefix(body, d), "%s: directive %q", where, lit)
			}
			assert.False(t, strings.HasPrefix(strings.TrimSpace(body), "+build"), "%s: build constraint %q", where, lit)
		}
	}
}

// mkdocsSites builds the MkDocs site of every generated case and requires
// that no page carries markup from spec text.
func mkdocsSites(t *testing.T, work string, cases []string) {
	mkdocs, err := exec.LookPath("mkdocs")
	if err != nil {
		if os.Getenv("CONTRACTGEN_REQUIRE_TOOLS") == "1" {
			t.Fatal("CONTRACTGEN_REQUIRE_TOOLS=1 but mkdocs is not installed")
		}
		t.Log("mkdocs not installed: sites not built")
		return
	}
	for _, name := range cases {
		dir := filepath.Join(work, name)
		r := run(t, dir, os.Environ(), 2*time.Minute, mkdocs, "build", "--strict", "-f", filepath.Join("docs", ".mkdocs", "mkdocs.yml"))
		require.Equal(t, 0, r.code, "%s: mkdocs build: %s", name, r)
		pages, err := filepath.Glob(filepath.Join(dir, "site", "*", "*.html"))
		require.NoError(t, err)
		top, err := filepath.Glob(filepath.Join(dir, "site", "*.html"))
		require.NoError(t, err)
		pages = append(pages, top...)
		require.NotEmpty(t, pages, "%s: no pages built", name)
		for _, p := range pages {
			html := readFile(t, p)
			for _, m := range markup {
				assert.NotContains(t, html, m, "%s: %s carries markup from spec text", name, p)
			}
		}
	}
}
