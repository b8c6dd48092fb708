package docs

import (
	"bytes"
	"flag"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/emit/schema"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/validate"
	"github.com/contractgen/contractgen/internal/value"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden/docs")

// root is the repository root, seen from this package's folder.
const root = "../../.."

// specCase is one spec the golden tests render.
type specCase struct{ name, path string }

// specs lists the shipped spec and every spec under testdata/specs.
func specs(t *testing.T) []specCase {
	t.Helper()
	out := []specCase{{"contract", filepath.Join(root, "spec", "contract.yaml")}}
	more, err := filepath.Glob(filepath.Join(root, "testdata", "specs", "*", "spec.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(more)
	for _, p := range more {
		out = append(out, specCase{filepath.Base(filepath.Dir(p)), p})
	}
	return out
}

func loadContract(t *testing.T, p string) *model.Contract {
	t.Helper()
	s, err := load.File(p)
	if err != nil {
		t.Fatalf("load %s: %v", p, err)
	}
	c, err := validate.Check(s)
	if err != nil {
		t.Fatalf("validate %s: %v", p, err)
	}
	return c
}

// variants are the option sets every spec is rendered with; the suffix is
// appended to the golden folder name.
var variants = []struct {
	suffix string
	opts   emit.Options
}{
	{"", emit.Options{SchemaDir: "generated/jsonschema", DocsDir: "generated/docs"}},
	{".site", emit.Options{SchemaDir: "generated/jsonschema", DocsDir: "generated/docs", FrontMatter: true, MkDocs: true}},
}

func generate(t *testing.T, c *model.Contract, opts emit.Options) map[string][]byte {
	t.Helper()
	files, err := New().Generate(c, opts)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, sc := range specs(t) {
		c := loadContract(t, sc.path)
		for _, v := range variants {
			name := sc.name + v.suffix
			t.Run(name, func(t *testing.T) {
				files := generate(t, c, v.opts)
				dir := filepath.Join(root, "testdata", "golden", "docs", name)
				if *update {
					writeTree(t, dir, files)
					return
				}
				compareTree(t, dir, files)
			})
		}
	}
}

func writeTree(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	for p, b := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(r)] = b
		return nil
	})
	if err != nil {
		t.Fatalf("reading golden files (run go test ./internal/emit/docs -update to create them): %v", err)
	}
	return out
}

func compareTree(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	want := readTree(t, dir)
	for p, b := range files {
		w, ok := want[p]
		switch {
		case !ok:
			t.Errorf("%s is generated but has no golden file (run go test ./internal/emit/docs -update)", p)
		case !bytes.Equal(w, b):
			t.Errorf("%s differs from %s (run go test ./internal/emit/docs -update and review the diff):\n%s", p, filepath.Join(dir, p), firstDiff(string(w), string(b)))
		}
	}
	for p := range want {
		if _, ok := files[p]; !ok {
			t.Errorf("golden file %s is no longer generated", p)
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n- " + x + "\n+ " + y
		}
	}
	return ""
}

// TestEveryPageCarriesMarker checks the generated-file marker sits in the
// first 4 KiB, after the front matter when there is one.
func TestEveryPageCarriesMarker(t *testing.T) {
	c := loadContract(t, filepath.Join(root, "spec", "contract.yaml"))
	for _, v := range variants {
		for p, b := range generate(t, c, v.opts) {
			head := string(b[:min(len(b), 4096)])
			switch {
			case strings.HasSuffix(p, ".md"):
				if !strings.Contains(head, "<!-- "+emit.Header+" -->") {
					t.Errorf("%s: no marker comment in the first 4 KiB", p)
				}
				if v.opts.FrontMatter && !strings.HasPrefix(head, "---\n") {
					t.Errorf("%s: front matter is not first", p)
				}
			case strings.HasSuffix(p, ".yml"):
				if !strings.HasPrefix(head, "# "+emit.Header+"\n") {
					t.Errorf("%s: no marker comment on the first line", p)
				}
			}
		}
	}
}

// mdLink finds inline links; code is removed before matching.
var mdLink = regexp.MustCompile(`\]\(([^)\s]*)\)`)

// stripCode removes fenced blocks and code spans, where links are not links.
func stripCode(s string) string {
	var out []string
	in := false
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "```") {
			in = !in
			continue
		}
		if !in {
			out = append(out, stripSpans(l))
		}
	}
	return strings.Join(out, "\n")
}

// stripSpans replaces each code span of line l with CODE the way
// CommonMark finds them: a backslash escapes the next character outside a
// span, and a run of backticks opens a span that the next run of the same
// length closes (a run with no such partner is literal text).
func stripSpans(l string) string {
	var b strings.Builder
	for i := 0; i < len(l); {
		switch {
		case l[i] == '\\' && i+1 < len(l):
			b.WriteString(l[i : i+2])
			i += 2
			continue
		case l[i] != '`':
			b.WriteByte(l[i])
			i++
			continue
		}
		n := 0
		for i+n < len(l) && l[i+n] == '`' {
			n++
		}
		end := -1
		for j := i + n; j < len(l); {
			if l[j] != '`' {
				j++
				continue
			}
			m := 0
			for j+m < len(l) && l[j+m] == '`' {
				m++
			}
			if m == n {
				end = j + m
				break
			}
			j += m
		}
		if end < 0 {
			b.WriteString(l[i : i+n])
			i += n
			continue
		}
		b.WriteString("CODE")
		i = end
	}
	return b.String()
}

// headingSlugs returns the anchors of a Markdown page.
func headingSlugs(s string) map[string]bool {
	out := map[string]bool{}
	for _, l := range strings.Split(stripCode(s), "\n") {
		if m := regexp.MustCompile(`^#{1,6} (.*)$`).FindStringSubmatch(l); m != nil {
			out[slug(unescapeInline(m[1]))] = true
		}
	}
	return out
}

// TestLinksResolve follows every relative link of every page: it must reach
// a generated page (and a heading there when it has a #fragment) or a schema
// file the schema emitter writes.
func TestLinksResolve(t *testing.T) {
	for _, sc := range specs(t) {
		c := loadContract(t, sc.path)
		for _, v := range variants {
			t.Run(sc.name+v.suffix, func(t *testing.T) {
				checkLinks(t, c, v.opts, generate(t, c, v.opts))
			})
		}
	}
}

func checkLinks(t *testing.T, c *model.Contract, opts emit.Options, files map[string][]byte) {
	t.Helper()
	schemas := map[string]bool{}
	for _, f := range schemaFiles(c) {
		schemas[f] = true
	}
	schemaDir := ""
	if opts.SchemaDir != "" {
		r, err := filepath.Rel(opts.DocsDir, opts.SchemaDir)
		if err != nil {
			t.Fatal(err)
		}
		schemaDir = filepath.ToSlash(r)
		// A MkDocs site serves only the docs folder: it links to the copy of
		// the schemas the pipeline puts there.
		if opts.MkDocs && strings.HasPrefix(schemaDir, "../") {
			schemaDir = "schemas"
		}
	}
	links := 0
	for p, b := range files {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		for _, m := range mdLink.FindAllStringSubmatch(stripCode(string(b)), -1) {
			href := m[1]
			if strings.Contains(href, "://") || strings.HasPrefix(href, "mailto:") {
				continue
			}
			links++
			target, frag, _ := strings.Cut(href, "#")
			resolved := p
			if target != "" {
				resolved = path.Clean(path.Join(path.Dir(p), target))
			}
			if dir, file := path.Split(resolved); schemaDir != "" && path.Clean(dir) == schemaDir {
				if !schemas[file] {
					t.Errorf("%s: link %q names schema %s, which the schema emitter does not write", p, href, file)
				}
				continue
			}
			page, ok := files[resolved]
			if !ok {
				t.Errorf("%s: link %q resolves to %s, which is not generated", p, href, resolved)
				continue
			}
			if frag != "" && !headingSlugs(string(page))[frag] {
				t.Errorf("%s: link %q: %s has no heading with anchor #%s", p, href, resolved, frag)
			}
		}
	}
	if links == 0 {
		t.Error("no relative links found")
	}
}

// unescapeInline undoes the escaping of mdInline: links become their text,
// backslash escapes and character references become the characters.
func unescapeInline(s string) string {
	s = regexp.MustCompile(`\[((?:\\.|[^\]\\])*)\]\([^)]*\)`).ReplaceAllString(s, "$1")
	s = regexp.MustCompile(`\\([!-/:-@\[-`+"`"+`{-~])`).ReplaceAllString(s, "$1")
	return html.UnescapeString(s)
}

// TestSchemaNamesMatchSchemaEmitter keeps the schema file names the pages
// link to in step with the files the JSON Schema emitter writes (the shared
// definitions are referred to by the schemas, not linked from pages).
func TestSchemaNamesMatchSchemaEmitter(t *testing.T) {
	for _, sc := range specs(t) {
		c := loadContract(t, sc.path)
		files, err := schema.New().Generate(c, emit.Options{SchemaDir: "generated/jsonschema", DocsDir: "generated/docs"})
		if err != nil {
			t.Fatalf("%s: schema emitter: %v", sc.name, err)
		}
		var written []string
		for p := range files {
			if p != schema.DefsFile && p != schema.CatalogFile && p != schema.IndexFile {
				written = append(written, p)
			}
		}
		linked := schemaFiles(c)
		sort.Strings(written)
		sort.Strings(linked)
		if strings.Join(written, "\n") != strings.Join(linked, "\n") {
			t.Errorf("%s: the docs link to schemas\n%s\nbut the schema emitter writes\n%s", sc.name, strings.Join(linked, "\n"), strings.Join(written, "\n"))
		}
	}
}

// TestUnsafeOperationName refuses an operation name that would put a page
// outside operations/.
func TestUnsafeOperationName(t *testing.T) {
	c := loadContract(t, filepath.Join(root, "spec", "contract.yaml"))
	op := *c.Operations[0]
	op.Name = "../escape"
	c.Operations = append([]*model.Operation{&op}, c.Operations[1:]...)
	if _, err := New().Generate(c, emit.Options{}); err == nil || !strings.Contains(err.Error(), `"../escape"`) {
		t.Fatalf("err = %v", err)
	}
}

// TestInvalidExampleFailsGeneration checks the examples are validated: a
// spec example that breaks the contract once wrapped, and a synthesized one
// that cannot meet a pattern within the field's lengths, both fail
// generation with the reason.
func TestInvalidExampleFailsGeneration(t *testing.T) {
	c := loadContract(t, filepath.Join(root, "testdata", "specs", "payments_webhooks", "spec.yaml"))
	var op *model.Operation
	for _, o := range c.Operations {
		if o.Name == "capture_payment" {
			op = o
		}
	}
	if op == nil {
		t.Fatal("payments_webhooks has no capture_payment operation; update this test")
	}
	saved := op.Request.Examples
	defer func() { op.Request.Examples = saved }()

	bad := &value.Value{Kind: value.Object, Members: append([]value.Member{{Key: "unknown_key", Value: &value.Value{Kind: value.Bool}}}, saved[0].Members...)}
	op.Request.Examples = []*value.Value{bad}
	_, err := New().Generate(c, emit.Options{})
	if err == nil || !strings.Contains(err.Error(), "capture_payment") || !strings.Contains(err.Error(), "unknown_key") || !strings.Contains(err.Error(), "spec's first example") {
		t.Errorf("invalid spec example: err = %v", err)
	}

	// Without an example, one is synthesized whose payment_id follows the
	// field's pattern; once the field's lengths leave the pattern no
	// string, synthesis cannot help and generation fails.
	op.Request.Examples = nil
	req, _, err := examples(c, op)
	if err != nil {
		t.Fatalf("synthesized example: %v", err)
	}
	if id := req.Get("payload").Get("payment_id"); id == nil || id.Str != "pay_aaaaaaaaaaaaaa" {
		t.Errorf("synthesized payment_id = %v, want pay_aaaaaaaaaaaaaa", id)
	}
	var id *model.Field
	for _, f := range op.Request.Fields {
		if f.Name == "payment_id" {
			id = f
		}
	}
	savedMax := id.MaxLength
	defer func() { id.MaxLength = savedMax }()
	short := 10
	id.MaxLength = &short
	_, err = New().Generate(c, emit.Options{})
	if err == nil || !strings.Contains(err.Error(), "payment_id") || !strings.Contains(err.Error(), "synthesized") {
		t.Errorf("unsatisfiable synthesized example: err = %v", err)
	}
}

// TestSynthesizedExamples renders operations whose spec gives no response
// example: the example is built from defaults and sources, and is valid.
func TestSynthesizedExamples(t *testing.T) {
	c := loadContract(t, filepath.Join(root, "spec", "contract.yaml"))
	for _, op := range c.Operations {
		req, resp, err := examples(c, op)
		if err != nil {
			t.Fatal(err)
		}
		if req.Get("operation") == nil || req.Get("operation").Str != op.Name {
			t.Errorf("%s: request example names operation %v", op.Name, req.Get("operation"))
		}
		if got, want := resp.Get("correlation_id"), req.Get("correlation_id"); got == nil || want == nil || got.Str != want.Str {
			t.Errorf("%s: response example does not carry the request's correlation_id", op.Name)
		}
		if r := op.Response; r.Status != nil {
			if st := resp.Get("status"); st == nil || st.Str != r.Status.Value {
				t.Errorf("%s: response example has status %v, want the response's fixed %s", op.Name, st, r.Status.Value)
			}
		}
		for _, f := range op.Response.Payload.Fields {
			if f.WireRequired() && resp.Get("payload").Get(f.Name) == nil {
				t.Errorf("%s: response example lacks required payload member %s", op.Name, f.Name)
			}
		}
	}
}

// TestSchemaLinkModes checks where pages link to schemas: relative to the
// schema folder, to the site's copy when a MkDocs site cannot reach the
// folder, and at the hosted URL only when one is given.
func TestSchemaLinkModes(t *testing.T) {
	c := loadContract(t, filepath.Join(root, "spec", "contract.yaml"))
	cases := []struct {
		name     string
		opts     emit.Options
		copyDir  string
		wantLink string
	}{
		{"plain", emit.Options{SchemaDir: "gen/schemas", DocsDir: "gen/docs"}, "", "(../schemas/tenant-status.request.schema.json)"},
		{"mkdocs outside", emit.Options{SchemaDir: "gen/schemas", DocsDir: "gen/docs", MkDocs: true}, "schemas", "(schemas/tenant-status.request.schema.json)"},
		{"mkdocs inside", emit.Options{SchemaDir: "gen/docs/json", DocsDir: "gen/docs", MkDocs: true}, "", "(json/tenant-status.request.schema.json)"},
		{"hosted", emit.Options{SchemaDir: "gen/schemas", DocsDir: "gen/docs", MkDocs: true, SchemaURL: "https://example.test/s"}, "", "(https://example.test/s/tenant-status.request.schema.json)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := SchemaCopy(tc.opts); got != tc.copyDir {
				t.Errorf("SchemaCopy = %q, want %q", got, tc.copyDir)
			}
			files := generate(t, c, tc.opts)
			if index := string(files["index.md"]); !strings.Contains(index, tc.wantLink) {
				t.Errorf("index.md does not link %s:\n%s", tc.wantLink, index)
			}
			if tc.opts.SchemaURL == "" {
				for p, b := range files {
					if strings.Contains(string(b), "https://schemas.cavra.example/") && strings.HasSuffix(p, ".md") {
						t.Errorf("%s links to the schemas' $id although no hosted URL was asked for", p)
					}
				}
			}
		})
	}
}
