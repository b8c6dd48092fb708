package conformance

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/emit/golang"
	"github.com/contractgen/contractgen/internal/emit/schema"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/schemafile"
)

// corpusDoc is one committed corpus file.
type corpusDoc struct {
	rel    string // <schema>/<verdict>/<name>.json inside the spec's folder
	schema string
	valid  bool
	data   []byte
}

// readCorpus reads the committed documents of one spec.
func readCorpus(t testing.TB, spec string) []corpusDoc {
	t.Helper()
	out := readDocs(t, filepath.Join(corpusDir, spec))
	for _, d := range out {
		if v := strings.Split(d.rel, "/")[1]; v != "valid" && v != "invalid" {
			t.Errorf("%s/%s: the folder must be valid or invalid", spec, d.rel)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no corpus documents for %s; run go test ./internal/conformance -run TestCorpus -update", spec)
	}
	return out
}

// readDocs reads the documents under root, laid out as
// <schema>/<verdict>/<name>.json, sorted by path.
func readDocs(t testing.TB, root string) []corpusDoc {
	t.Helper()
	var out []corpusDoc
	for rel, data := range readTree(t, root) {
		parts := strings.Split(rel, "/")
		if len(parts) != 3 || !strings.HasSuffix(rel, ".json") {
			continue
		}
		out = append(out, corpusDoc{rel: rel, schema: parts[0], valid: parts[1] == "valid", data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out
}

// verdicts maps a document's rel path to "" when accepted, else the reason.
type verdicts map[string]string

// TestConformance judges every corpus document with the generated Go code
// and with santhosh-tekuri/jsonschema against the emitted schemas; both must
// give the verdict of the document's folder.
func TestConformance(t *testing.T) {
	var report strings.Builder
	total, agreed := 0, 0
	for _, sp := range specList(t) {
		t.Run(sp.name, func(t *testing.T) {
			c := loadContract(t, sp.path)
			docs := readCorpus(t, sp.name)
			judgeGo := goJudge(t, sp.name, c)
			judges := []struct {
				name string
				got  verdicts
			}{
				{"go", judgeGo(corpusRoot(t, sp.name))},
				{"santhosh-tekuri/jsonschema", schemaJudge(t, c, docs, false)},
				{"santhosh-tekuri/jsonschema, bundled layout", schemaJudge(t, c, docs, true)},
			}
			covered := map[string][2]int{}
			for _, d := range docs {
				n := covered[d.schema]
				if d.valid {
					n[0]++
				} else {
					n[1]++
				}
				covered[d.schema] = n
				ok := true
				for _, j := range judges {
					reason, judged := j.got[d.rel]
					switch {
					case !judged:
						t.Errorf("%s/%s: the %s judge gave no verdict", sp.name, d.rel, j.name)
						ok = false
					case d.valid && reason != "":
						t.Errorf("%s/%s: expected valid, the %s judge rejects it: %s", sp.name, d.rel, j.name, reason)
						ok = false
					case !d.valid && reason == "":
						t.Errorf("%s/%s: expected invalid, the %s judge accepts it", sp.name, d.rel, j.name)
						ok = false
					}
					fmt.Fprintf(&report, "%s/%s\t%s\t%s\t%s\n", sp.name, d.rel, j.name, verdictOf(reason), oneLine(reason))
				}
				total++
				if ok {
					agreed++
				}
			}
			// Every message and type schema that has a decoder is exercised
			// both ways.
			for _, s := range decodedSchemas(c) {
				if n := covered[s]; n[0] == 0 || n[1] == 0 {
					t.Errorf("%s/%s: the corpus needs valid and invalid documents (has %d valid, %d invalid)", sp.name, s, n[0], n[1])
				}
			}
			t.Logf("%s: %d documents judged by Go and santhosh-tekuri/jsonschema", sp.name, len(docs))
			checkMutants(t, sp.name, c, docs, judgeGo)
		})
	}
	t.Logf("%d of %d documents judged as expected by both judges", agreed, total)
	if dir := os.Getenv("CONFORMANCE_VERDICTS"); dir != "" {
		if err := os.WriteFile(dir, []byte(report.String()), 0o644); err != nil {
			t.Error(err)
		}
	}
}

func verdictOf(reason string) string {
	if reason == "" {
		return "valid"
	}
	return "invalid"
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " | ")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}

// decodedSchemas lists the schema file bases the Go package has a decoder
// for: every type, every operation's request and response, and every shared
// response. The envelope schemas have no Go counterpart.
func decodedSchemas(c *model.Contract) []string {
	var out []string
	for _, d := range decoded(c) {
		out = append(out, d.base)
	}
	return out
}

// decodedSchema is one schema with a Go decoder: its file base, the key the
// corpus cases name it by (spec names: "<op>.request", "<Type>"), and the
// name of its Go decoder.
type decodedSchema struct {
	base, key, decoder string
}

// decoded lists every schema with a Go decoder, in the order of
// decodedSchemas.
func decoded(c *model.Contract) []decodedSchema {
	n := schemafile.New(c)
	var out []decodedSchema
	for _, t := range c.Types {
		out = append(out, decodedSchema{schemafile.Base(n.Type(t)), t.Name, "Decode" + t.GoName})
	}
	for _, op := range c.Operations {
		out = append(out, decodedSchema{schemafile.Base(n.Request(op)), op.Name + ".request", "Decode" + op.GoName + "Request"},
			decodedSchema{schemafile.Base(n.Response(op)), op.Name + ".response", "Decode" + op.GoName + "Response"})
		for _, e := range op.Errors {
			out = append(out, decodedSchema{schemafile.Base(n.Error(op, e)), op.Name + "." + e.Name + ".error", "Decode" + e.GoName + "Response"})
		}
	}
	for _, r := range c.Responses {
		out = append(out, decodedSchema{schemafile.Base(n.Shared(r)), r.Name + ".response", "Decode" + r.GoName + "Response"})
	}
	return out
}

// schemaJudge validates every document with santhosh-tekuri/jsonschema
// against the schemas the emitter writes for the spec, formats asserted.
func schemaJudge(t *testing.T, c *model.Contract, docs []corpusDoc, bundle bool) verdicts {
	t.Helper()
	compile := schemaCompiler(t, c, bundle)
	out := verdicts{}
	for _, d := range docs {
		sch := compile(d.schema)
		if sch == nil {
			t.Errorf("%s: no schema %s.schema.json", d.rel, d.schema)
			continue
		}
		inst, err := sjs.UnmarshalJSON(bytes.NewReader(d.data))
		if err != nil {
			t.Errorf("%s: not JSON: %v", d.rel, err)
			continue
		}
		if err := sch.Validate(inst); err != nil {
			out[d.rel] = fmt.Sprintf("%v", err)
			if ve, ok := err.(*sjs.ValidationError); ok {
				out[d.rel] = strings.Join(strings.Fields(fmt.Sprintf("%v", ve.BasicOutput().Errors)), " ")
			}
		} else {
			out[d.rel] = ""
		}
	}
	return out
}

// schemaCompiler emits the spec's schemas (bundled or with shared
// definitions) and returns a function that
// compiles one by base name (such as "ping.request"), once, with
// santhosh-tekuri/jsonschema, formats asserted; nil when there is none.
func schemaCompiler(t testing.TB, c *model.Contract, bundle bool) func(name string) *sjs.Schema {
	t.Helper()
	files, err := schema.New().Generate(c, emit.Options{SchemaBundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	comp := sjs.NewCompiler()
	comp.DefaultDraft(sjs.Draft2020)
	comp.AssertFormat()
	urls := map[string]string{}
	for name, data := range files {
		d, err := sjs.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		url := name
		if id, ok := d.(map[string]any)["$id"].(string); ok {
			url = id
		}
		if err := comp.AddResource(url, d); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		urls[strings.TrimSuffix(name, ".schema.json")] = url
	}
	compiled := map[string]*sjs.Schema{}
	return func(name string) *sjs.Schema {
		if sch, ok := compiled[name]; ok {
			return sch
		}
		url, found := urls[name]
		if !found {
			return nil
		}
		sch, err := comp.Compile(url)
		if err != nil {
			t.Fatalf("%s.schema.json: %v", name, err)
		}
		compiled[name] = sch
		return sch
	}
}

// goJudgeFn judges every document under a folder laid out as the corpus
// (<schema>/<verdict>/<name>.json) with a generated Go package.
type goJudgeFn func(root string) verdicts

// goJudge returns the judge of one spec: the shipped package for
// spec/contract.yaml, a fresh one for other specs.
func goJudge(t *testing.T, spec string, c *model.Contract) goJudgeFn {
	t.Helper()
	if spec == "contract" {
		return func(root string) verdicts { return contractJudge(t, readDocs(t, root)) }
	}
	return moduleJudge(t, c)
}

// corpusRoot is the absolute folder of one spec's committed corpus.
func corpusRoot(t *testing.T, spec string) string {
	abs, err := filepath.Abs(filepath.Join(corpusDir, spec))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// moduleJudge generates the spec's Go package into a temporary module with
// a small program that decodes every document under a folder with it and
// prints the verdicts as JSON; the judge runs it with the go command, which
// builds it once.
func moduleJudge(t *testing.T, c *model.Contract) goJudgeFn {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a generated package with the go command")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	files, err := golang.New().Generate(c, emit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/judge\n\ngo 1.26\n")
	write("cmd/judge/main.go", judgeMain(c))
	write("cmd/judge/accepted.go", strings.Replace(acceptedSource, "package conformance", "package main", 1))
	bin := filepath.Join(dir, "judge.bin")
	build := exec.Command(goCmd, "build", "-o", bin, "./cmd/judge")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/judge: %v\n%s", err, out)
	}
	return func(root string) verdicts {
		cmd := exec.Command(bin, root)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("judge %s: %v\n%s", root, err, stderr.Bytes())
		}
		var v verdicts
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatalf("judge output: %v\n%s", err, out)
		}
		return v
	}
}

// acceptedSource is accepted.go, which the judge program carries.
//
//go:embed accepted.go
var acceptedSource string

// judgeMain is the source of the judge program for a generated package.
func judgeMain(c *model.Contract) string {
	var b strings.Builder
	b.WriteString(`// Command judge decodes every corpus document under the folder given as
// its argument with the generated package and prints the verdicts as JSON:
// "" for accepted, else the error.
package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	pkg "example.com/judge"
)

// wrap judges with a decoder; what it accepts must pass checkAccepted
// (accepted.go, written beside this file) too.
func wrap[T acceptedMessage](f func([]byte, ...pkg.DecodeOption) (T, error)) func([]byte) error {
	dec := func(b []byte) (T, error) { return f(b) }
	return func(b []byte) error {
		m, err := dec(b)
		if err == nil {
			checkAccepted(dec, m, b)
		}
		return err
	}
}

var decoders = map[string]func([]byte) error{
`)
	for _, d := range decoded(c) {
		fmt.Fprintf(&b, "\t%q: wrap(pkg.%s),\n", d.base, d.decoder)
	}
	b.WriteString(`}

func main() {
	root := os.Args[1]
	out := map[string]string{}
	files, err := filepath.Glob(filepath.Join(root, "*", "*", "*.json"))
	if err != nil {
		panic(err)
	}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		rel = filepath.ToSlash(rel)
		dec, ok := decoders[strings.Split(rel, "/")[0]]
		if !ok {
			out[rel] = "no decoder for this schema"
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		if err := dec(data); err != nil {
			out[rel] = err.Error()
			if out[rel] == "" {
				out[rel] = "rejected without a message"
			}
		} else {
			out[rel] = ""
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
`)
	return b.String()
}
