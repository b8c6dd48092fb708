package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/schemafile"
	"github.com/contractgen/contractgen/internal/validate"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden/jsonschema")

const root = "../../.."

type specCase struct {
	name, path string
}

// specs lists the shipped spec, every testdata spec present and the hostile
// spec.
func specs(t *testing.T) []specCase {
	t.Helper()
	out := []specCase{{"cavra_saas_control_plane", filepath.Join(root, "spec", "contract.yaml")}}
	paths, err := filepath.Glob(filepath.Join(root, "testdata", "specs", "*", "spec.yaml"))
	require.NoError(t, err)
	sort.Strings(paths)
	for _, p := range paths {
		out = append(out, specCase{filepath.Base(filepath.Dir(p)), p})
	}
	// Names and texts that try to break generated code: JSON must escape them.
	if p := filepath.Join(root, "testdata", "hostile", "spec.yaml"); fileExists(p) {
		out = append(out, specCase{"hostile", p})
	}
	return out
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func loadContract(t *testing.T, path string) *model.Contract {
	t.Helper()
	s, err := load.File(path)
	require.NoError(t, err)
	c, err := validate.Check(s)
	require.NoError(t, err)
	return c
}

var (
	genMu    sync.Mutex
	genCache = map[string]map[string][]byte{}
)

// generate runs the emitter on a spec file, once per test binary.
func generate(t *testing.T, path string) map[string][]byte {
	t.Helper()
	genMu.Lock()
	defer genMu.Unlock()
	if files, ok := genCache[path]; ok {
		return files
	}
	files, err := New().Generate(loadContract(t, path), emit.Options{})
	require.NoError(t, err)
	genCache[path] = files
	return files
}

// allNames lists every file written, sorted.
func allNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// sortedNames lists the schema files, the catalog (which is no schema) left out.
func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		if n != CatalogFile {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

func TestGolden(t *testing.T) {
	for _, sc := range specs(t) {
		t.Run(sc.name, func(t *testing.T) {
			files := generate(t, sc.path)
			dir := filepath.Join(root, "testdata", "golden", "jsonschema", sc.name)
			if *update {
				require.NoError(t, os.RemoveAll(dir))
				require.NoError(t, os.MkdirAll(dir, 0o755))
				for name, data := range files {
					require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
				}
				return
			}
			entries, err := os.ReadDir(dir)
			require.NoError(t, err, "no golden files; run go test ./internal/emit/schema -update")
			var golden []string
			for _, e := range entries {
				golden = append(golden, e.Name())
			}
			assert.Equal(t, allNames(files), golden, "file set differs from the golden files; run go test ./internal/emit/schema -update")
			for _, name := range allNames(files) {
				want, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					continue
				}
				if !bytes.Equal(want, files[name]) {
					t.Errorf("%s differs from its golden file; run go test ./internal/emit/schema -update and review the diff", name)
				}
			}
		})
	}
}

var marker = regexp.MustCompile(`Code generated .* DO NOT EDIT\.`)

func TestFilesAreDeterministicAndMarked(t *testing.T) {
	for _, sc := range specs(t) {
		t.Run(sc.name, func(t *testing.T) {
			c := loadContract(t, sc.path)
			first, err := New().Generate(c, emit.Options{})
			require.NoError(t, err)
			second, err := New().Generate(loadContract(t, sc.path), emit.Options{})
			require.NoError(t, err)
			assert.Equal(t, first, second)
			n := schemafile.New(c)
			for _, op := range c.Operations {
				assert.Contains(t, first, n.Request(op))
				assert.Contains(t, first, n.Response(op), "every operation has a response schema")
			}
			for _, ty := range c.Types {
				assert.Contains(t, first, n.Type(ty))
			}
			for _, name := range []string{"request-envelope.schema.json", "response-envelope.schema.json"} {
				if len(c.Operations) > 0 {
					assert.Contains(t, first, name)
				} else {
					assert.NotContains(t, first, name, "a spec of types alone has no envelopes")
				}
			}
			for _, name := range sortedNames(first) {
				data := first[name]
				head := data
				if len(head) > 4096 {
					head = head[:4096]
				}
				assert.True(t, marker.Match(head), "%s: no generated marker in the first 4 KiB", name)
				assert.True(t, bytes.HasSuffix(data, []byte("}\n")) && !bytes.HasSuffix(data, []byte("\n\n")), "%s: must end in one newline", name)
				var doc map[string]any
				require.NoError(t, json.Unmarshal(data, &doc), name)
				assert.Equal(t, Draft, doc["$schema"], name)
				assert.Equal(t, c.SchemaBaseURI+name, doc["$id"], name)
				assert.Equal(t, emit.Header, doc["$comment"], name)
				// Two-space indentation; one-member objects and short scalar
				// arrays sit on one line, the same bytes in any case.
				for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
					indent := len(line) - len(strings.TrimLeft(line, " "))
					assert.Zero(t, indent%2, "%s:%d: indented by %d spaces", name, i+1, indent)
					assert.NotContains(t, line, "\t", "%s:%d", name, i+1)
				}
			}
		})
	}
}

// compileAll compiles every schema of a spec against the draft 2020-12
// meta-schema and returns them by file name.
func compileAll(t *testing.T, path string) map[string]*sjs.Schema {
	t.Helper()
	files := generate(t, path)
	c := sjs.NewCompiler()
	c.DefaultDraft(sjs.Draft2020)
	c.AssertFormat()
	urls := map[string]string{}
	for _, name := range sortedNames(files) {
		doc, err := sjs.UnmarshalJSON(bytes.NewReader(files[name]))
		require.NoError(t, err, name)
		url := doc.(map[string]any)["$id"].(string)
		require.NoError(t, c.AddResource(url, doc), name)
		urls[name] = url
	}
	out := map[string]*sjs.Schema{}
	for _, name := range sortedNames(files) {
		sch, err := c.Compile(urls[name])
		require.NoError(t, err, "%s does not compile against the 2020-12 meta-schema", name)
		out[name] = sch
	}
	return out
}

func TestSchemasCompile(t *testing.T) {
	for _, sc := range specs(t) {
		t.Run(sc.name, func(t *testing.T) {
			compileAll(t, sc.path)
		})
	}
}

// TestEverySchemaStandsAlone: in the bundled layout each file compiles
// with a compiler that knows only that file; in the shared layout with one
// that knows only that file and the shared definitions, which refer to no
// other file. No message schema refers to another message schema; only
// the index refers to them all.
func TestEverySchemaStandsAlone(t *testing.T) {
	for _, sc := range specs(t) {
		t.Run(sc.name, func(t *testing.T) {
			bundled, err := New().Generate(loadContract(t, sc.path), emit.Options{SchemaBundle: true})
			require.NoError(t, err)
			_, hasDefs := bundled[DefsFile]
			assert.False(t, hasDefs, "the bundled layout writes no shared definitions")
			for layout, files := range map[string]map[string][]byte{"bundled": bundled, "shared": generate(t, sc.path)} {
				for _, name := range sortedNames(files) {
					c := sjs.NewCompiler()
					c.DefaultDraft(sjs.Draft2020)
					add := func(name string) string {
						doc, err := sjs.UnmarshalJSON(bytes.NewReader(files[name]))
						require.NoError(t, err)
						id, _ := doc.(map[string]any)["$id"].(string)
						if id == "" {
							id = "file:///" + name
						}
						require.NoError(t, c.AddResource(id, doc))
						return id
					}
					id := add(name)
					switch {
					case name == IndexFile:
						// The index names every other file, by design.
						for _, other := range sortedNames(files) {
							if other != name {
								add(other)
							}
						}
					case layout == "shared" && name != DefsFile && files[DefsFile] != nil:
						add(DefsFile)
					}
					_, err = c.Compile(id)
					assert.NoError(t, err, "%s: %s", layout, name)
					if layout == "bundled" {
						assert.NotContains(t, string(files[name]), DefsFile, "%s refers to the shared definitions", name)
					}
				}
			}
		})
	}
}

// TestMetaSchemaCatchesMistakes makes sure the compile test would notice an
// invalid schema.
func TestMetaSchemaCatchesMistakes(t *testing.T) {
	c := sjs.NewCompiler()
	c.DefaultDraft(sjs.Draft2020)
	doc, err := sjs.UnmarshalJSON(strings.NewReader(`{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "strnig", "minLength": -1}`))
	require.NoError(t, err)
	require.NoError(t, c.AddResource("file:///bad.json", doc))
	_, err = c.Compile("file:///bad.json")
	assert.Error(t, err)
}

// TestCatalogListsEverySchema: catalog.json names every schema file once,
// at its $id, with its description, in SchemaStore's format.
func TestCatalogListsEverySchema(t *testing.T) {
	for _, sc := range specs(t) {
		files := generate(t, sc.path)
		var cat struct {
			Schema  string `json:"$schema"`
			Comment string `json:"$comment"`
			Version float64
			Schemas []struct{ Name, Description, URL string }
		}
		require.NoError(t, json.Unmarshal(files[CatalogFile], &cat), sc.name)
		assert.Equal(t, "https://json.schemastore.org/schema-catalog.json", cat.Schema)
		assert.Equal(t, emit.Header, cat.Comment)
		assert.Equal(t, 1.0, cat.Version)
		var urls []string
		for _, e := range cat.Schemas {
			assert.NotEmpty(t, e.Name, sc.name)
			urls = append(urls, e.URL)
		}
		var ids []string
		for _, name := range sortedNames(files) {
			var doc struct {
				ID string `json:"$id"`
			}
			require.NoError(t, json.Unmarshal(files[name], &doc))
			ids = append(ids, doc.ID)
		}
		assert.Equal(t, ids, urls, sc.name)
	}
}

// TestExamplesValidate: the examples a schema carries (the spec's) are
// valid instances of the schema they sit in.
func TestExamplesValidate(t *testing.T) {
	for _, sc := range specs(t) {
		files := generate(t, sc.path)
		compiled := compileAll(t, sc.path)
		seen := 0
		for _, name := range sortedNames(files) {
			var doc struct {
				ID       string `json:"$id"`
				Examples []json.RawMessage
				Defs     map[string]struct{ Examples []json.RawMessage } `json:"$defs"`
			}
			require.NoError(t, json.Unmarshal(files[name], &doc))
			check := func(sch *sjs.Schema, ex json.RawMessage, where string) {
				inst, err := sjs.UnmarshalJSON(bytes.NewReader(ex))
				require.NoError(t, err)
				assert.NoError(t, sch.Validate(inst), "%s: %s example %s", sc.name, where, ex)
				seen++
			}
			for _, ex := range doc.Examples {
				check(compiled[name], ex, name)
			}
			for def, d := range doc.Defs {
				if len(d.Examples) == 0 {
					continue
				}
				c := sjs.NewCompiler()
				c.DefaultDraft(sjs.Draft2020)
				for _, n := range sortedNames(files) {
					r, _ := sjs.UnmarshalJSON(bytes.NewReader(files[n]))
					var head struct {
						ID string `json:"$id"`
					}
					require.NoError(t, json.Unmarshal(files[n], &head))
					require.NoError(t, c.AddResource(head.ID, r))
				}
				sch, err := c.Compile(doc.ID + "#/$defs/" + def)
				require.NoError(t, err)
				for _, ex := range d.Examples {
					check(sch, ex, name+"#/$defs/"+def)
				}
			}
		}
		if sc.name == "cavra_saas_control_plane" {
			assert.NotZero(t, seen, "the shipped spec's schemas carry examples")
		}
	}
}

// TestSpecMessagesBecomeErrorMessages: every text a spec gives a field's
// rule is carried as an errorMessage of the keyword that rule is checked
// by, for ajv-errors to report.
func TestSpecMessagesBecomeErrorMessages(t *testing.T) {
	for _, sc := range specs(t) {
		c := loadContract(t, sc.path)
		files := generate(t, sc.path)
		carried := map[string]bool{}
		for _, name := range sortedNames(files) {
			var walk func(v any)
			walk = func(v any) {
				switch n := v.(type) {
				case map[string]any:
					for k, x := range n {
						if k == "errorMessage" {
							collectTexts(x, carried)
							continue
						}
						if k != "examples" && k != "const" && k != "default" && k != "enum" {
							walk(x)
						}
					}
				case []any:
					for _, x := range n {
						walk(x)
					}
				}
			}
			var doc any
			require.NoError(t, json.Unmarshal(files[name], &doc))
			walk(doc)
		}
		var want []string
		add := func(fs []*model.Field) {
			for _, f := range fs {
				for r, text := range f.Messages {
					if r == model.RuleRequired && !f.WireRequired() {
						continue // never reported: the member may be absent
					}
					if r != model.Rule(model.MismatchRule) {
						want = append(want, text)
					}
				}
			}
		}
		for _, ty := range c.Types {
			add(ty.Fields)
		}
		for _, op := range c.Operations {
			add(op.Request.Fields)
		}
		add(c.Request.Type.Fields)
		// The forbidden-material rules' messages, without the {path} a
		// validator reports beside them.
		if f := c.Forbidden; f != nil {
			for _, k := range f.Keys {
				want = append(want, schemaMessage(k.Message))
			}
			for _, v := range f.Values {
				want = append(want, schemaMessage(v.Message))
			}
		}
		for _, text := range want {
			assert.True(t, carried[text], "%s: %q is carried as an errorMessage", sc.name, text)
		}
		if sc.name == "cavra_saas_control_plane" {
			assert.True(t, carried["required_checks must include at least one tenant audit-store operating check"])
			assert.True(t, carried["sensitive value is not allowed in public SaaS contract payload"])
			assert.True(t, carried["sensitive field is not allowed in public SaaS contract payload"])
		}
	}
}

func collectTexts(v any, into map[string]bool) {
	switch n := v.(type) {
	case string:
		into[n] = true
	case map[string]any:
		for _, x := range n {
			collectTexts(x, into)
		}
	}
}

// TestFileNameClash refuses two spec items whose names have the same words
// (and so would write one file), naming both at the second one's place.
func TestFileNameClash(t *testing.T) {
	c := loadContract(t, filepath.Join(root, "spec", "contract.yaml"))
	twin := *c.Operations[0]
	twin.Name = strings.ToUpper(twin.Name) // ENTITLEMENT_STATUS: the words of entitlement_status
	c.Operations = append(c.Operations, &twin)
	_, err := New().Generate(c, emit.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `operation "entitlement_status" and operation "ENTITLEMENT_STATUS" would both write the schema file entitlement-status.request.schema.json; rename one of them`)
}

func TestSchemaMessage(t *testing.T) {
	for in, want := range map[string]string{
		"sensitive field is not allowed: {path}": "sensitive field is not allowed",
		"{path} holds a credential":              "holds a credential",
		"no tokens at {path} - ever":             "no tokens at  - ever",
	} {
		assert.Equal(t, want, schemaMessage(in), in)
	}
}
