package docs

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/model"
)

// TestExternalTools runs markdownlint-cli2 and `mkdocs build --strict` over
// the pages of every spec (and the hostile and bare ones), when the tools are
// installed; each check is skipped otherwise. Set MARKDOWNLINT_CLI2 to the
// path of markdownlint-cli2 when it is not on PATH, for example
// node_modules/.bin/markdownlint-cli2 after `npm install markdownlint-cli2`.
func TestExternalTools(t *testing.T) {
	lint := os.Getenv("MARKDOWNLINT_CLI2")
	if lint == "" {
		lint, _ = exec.LookPath("markdownlint-cli2")
	}
	mkdocs, _ := exec.LookPath("mkdocs")
	if mkdocs != "" && !hasMaterial() {
		// The generated mkdocs.yml asks for the Material theme.
		t.Log("mkdocs-material is not installed; mkdocs builds skipped")
		mkdocs = ""
	}
	if os.Getenv("CONTRACTGEN_REQUIRE_TOOLS") == "1" && (lint == "" || mkdocs == "") {
		t.Fatalf("CONTRACTGEN_REQUIRE_TOOLS=1 but markdownlint-cli2 (%q) or mkdocs with mkdocs-material (%q) is missing", lint, mkdocs)
	}
	if lint == "" && mkdocs == "" {
		t.Skip("neither markdownlint-cli2 nor mkdocs is installed")
	}
	config, err := filepath.Abs(filepath.Join(root, ".markdownlint-cli2.jsonc"))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]*model.Contract{"hostile": hostileContract(t), "bare": contractOf(t, headed("bare", bareSpec))}
	for _, sc := range specs(t) {
		cases[sc.name] = loadContract(t, sc.path)
	}
	for name, c := range cases {
		for _, v := range variants {
			t.Run(name+v.suffix, func(t *testing.T) {
				work := t.TempDir()
				files := generate(t, c, v.opts)
				// The pipeline copies the schemas into a MkDocs site; stand-ins
				// with the schema emitter's file names let mkdocs --strict check
				// every link to them.
				if dir := SchemaCopy(v.opts); dir != "" {
					for _, f := range schemaFiles(c) {
						files[dir+"/"+f] = []byte("{}\n")
					}
				}
				writeTree(t, filepath.Join(work, filepath.FromSlash(v.opts.DocsDir)), files)
				if lint == "" {
					t.Log("markdownlint-cli2 not installed; skipped")
				} else {
					run(t, work, lint, "--config", config, filepath.ToSlash(v.opts.DocsDir)+"/**/*.md")
				}
				if !v.opts.MkDocs {
					return
				}
				if mkdocs == "" {
					t.Log("mkdocs not installed; skipped")
					return
				}
				out := run(t, work, mkdocs, "build", "--strict", "-f", filepath.Join(v.opts.DocsDir, mkdocsPath))
				if strings.Contains(out, "WARNING") {
					t.Errorf("mkdocs warned:\n%s", out)
				}
				if _, err := os.Stat(filepath.Join(work, "site", "index.html")); err != nil {
					t.Errorf("mkdocs built no site/index.html: %v", err)
				}
			})
		}
	}
}

func run(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
	return string(out)
}

// hasMaterial reports whether the Python that runs mkdocs has the Material
// theme: Debian's mkdocs runs /usr/bin/python3, pip's the python3 on PATH.
func hasMaterial() bool {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "from mkdocs.theme import Theme; Theme(name='material')").Run() == nil {
			return true
		}
	}
	return false
}
