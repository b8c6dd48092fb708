package docs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/templates"
)

func embedded(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(templates.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, p, text string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTemplateOverride replaces one template from a -templates folder: only
// the pages it renders change, and removing it restores the embedded output.
func TestTemplateOverride(t *testing.T) {
	c := loadContract(t, filepath.Join(root, "spec", "contract.yaml"))
	opts := emit.Options{SchemaDir: "generated/jsonschema", DocsDir: "generated/docs"}
	base := generate(t, c, opts)

	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "README.md"), "not a template; ignored\n")
	override := filepath.Join(dir, "operation.md.tmpl")
	writeFile(t, override, strings.Replace(embedded(t, "operation.md.tmpl"), "## Example request", "## Try it\n\nOverridden.\n\n## Example request", 1))
	opts.Templates = dir
	changed := generate(t, c, opts)
	for p, b := range base {
		isOp := strings.HasPrefix(p, "operations/")
		if got := string(changed[p]); isOp != (got != string(b)) {
			t.Errorf("%s: changed = %v, want %v", p, got != string(b), isOp)
		}
		if isOp && !strings.Contains(string(changed[p]), "## Try it\n\nOverridden.\n") {
			t.Errorf("%s does not show the overriding template's text", p)
		}
	}

	// A partials file that defines only "back" replaces that piece on every
	// page and keeps the embedded definitions of the others.
	writeFile(t, filepath.Join(dir, "partials.md.tmpl"), `{{define "back"}}
Home: [{{md .Home.Text}}]({{.Home.Href}})
{{end}}`)
	partial := generate(t, c, opts)
	for p, b := range partial {
		if strings.HasSuffix(p, ".md") && p != "index.md" && !strings.Contains(string(b), "\nHome: [") {
			t.Errorf("%s does not use the overriding partial", p)
		}
		if strings.Contains(string(b), "Back to [") {
			t.Errorf("%s still uses the embedded partial", p)
		}
	}

	for _, f := range []string{override, filepath.Join(dir, "partials.md.tmpl")} {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	restored := generate(t, c, opts)
	for p, b := range base {
		if string(restored[p]) != string(b) {
			t.Errorf("%s: removing the override did not restore the embedded output", p)
		}
	}
}

// TestBrokenTemplates checks that a template that fails to parse or execute
// fails generation with an error naming the template file and line.
func TestBrokenTemplates(t *testing.T) {
	c := loadContract(t, filepath.Join(root, "spec", "contract.yaml"))
	cases := []struct {
		name, file, text string
		want             []string // substrings of the error
	}{
		{"parse error", "index.md.tmpl", "{{template \"front-matter\" .Page}}\n\n{{if .Versions}\n", []string{"index.md.tmpl:3: "}},
		{"unclosed action", "states.md.tmpl", "line one\n{{range .States}}\nno end\n", []string{"states.md.tmpl:", "unexpected EOF"}},
		{"unknown function", "types.md.tmpl", "a\nb\n{{nosuchfunc .Title}}\n", []string{"types.md.tmpl:3: ", "nosuchfunc"}},
		{"execute error", "operation.md.tmpl", "<!-- {{.Header}} -->\n\n{{.Operation.Name}}\n{{.NoSuchField}}\n", []string{"operation.md.tmpl:4:", "NoSuchField"}},
		{"execute error in a partial", "partials.md.tmpl", "{{define \"back\"}}\n{{.Nope}}\n{{end}}\n", []string{"partials.md.tmpl:2:", "Nope"}},
		{"missing definition", "forbidden.md.tmpl", "<!-- {{.Header}} -->\n{{template \"nowhere\" .}}\n", []string{"forbidden.md.tmpl:2:", "nowhere"}},
		{"no marker", "states.md.tmpl", "# States\n", []string{"states.md.tmpl", "DO NOT EDIT"}},
		{"unknown file", "operations.md.tmpl", "x", []string{"operations.md.tmpl", "not a docs template"}},
		{"too large", "index.md.tmpl", "<!-- {{.Header}} -->\n" + strings.Repeat("x", 1<<20), []string{"index.md.tmpl", "file too large: larger than 1 MiB"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, tc.file)
			writeFile(t, p, tc.text)
			files, err := New().Generate(c, emit.Options{Templates: dir, DocsDir: "generated/docs", MkDocs: true})
			if err == nil {
				t.Fatalf("no error; files: %d", len(files))
			}
			if files != nil {
				t.Error("files returned alongside the error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, p) {
				t.Errorf("error %q does not start with the template path %s", msg, p)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
			var te *TemplateError
			if strings.Contains(tc.want[0], ".tmpl:") && (!errors.As(err, &te) || te.File != p || te.Line == 0) {
				t.Errorf("error %#v is not a TemplateError for %s with a line", err, p)
			}
		})
	}
}

// TestMissingTemplatesFolder reports a -templates folder that does not exist.
func TestMissingTemplatesFolder(t *testing.T) {
	c := loadContract(t, filepath.Join(root, "spec", "contract.yaml"))
	_, err := New().Generate(c, emit.Options{Templates: filepath.Join(t.TempDir(), "nope")})
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("err = %v", err)
	}
}

// TestEmbeddedTemplatesOnly checks that only templates are embedded: the
// README that documents them must not be taken for one.
func TestEmbeddedTemplatesOnly(t *testing.T) {
	entries, err := fs.ReadDir(templates.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(sortedCopy(templateFiles), ",") {
		t.Errorf("embedded files %v, want exactly %v", got, templateFiles)
	}
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestTidyMarkdown holds each of tidyMarkdown's rules: leading and repeated
// blank lines go, trailing spaces go outside fences and stay inside them,
// padded empty cells close up, and the page ends with one newline.
func TestTidyMarkdown(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "\n"},
		{"\n\n\n", "\n"},
		{"\n\n# Title\n\n\n\ntext  \n\n", "# Title\n\ntext\n"},
		{"a\t \nb", "a\nb\n"},
		{"| a |  |   |\n|  | b |", "| a | | |\n| | b |\n"},
		{`| a \|  |`, "| a \\|  |\n"},
		{"# Seat.", "# Seat&#46;\n"},
		{"```\ncode  \n\n\n\n  ```\nafter  ", "```\ncode  \n\n\n\n  ```\nafter\n"},
		{"~~~~\n~~~\n| a |  |\n~~~~\n| a |  |", "~~~~\n~~~\n| a |  |\n~~~~\n| a | |\n"},
		{"```\nnever closed\n\n\n", "```\nnever closed\n"},
	} {
		if got := string(tidyMarkdown([]byte(c.in))); got != c.want {
			t.Errorf("tidyMarkdown(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
