package golang

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/validate"
	"github.com/contractgen/contractgen/internal/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// specs are the specs whose generated Go is kept as golden files and
// compiled: the testdata domains and the hostile spec.
func specs(t *testing.T) map[string]string {
	paths, err := filepath.Glob("../../../testdata/specs/*/spec.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	out := map[string]string{"hostile": "../../../testdata/hostile/spec.yaml"}
	for _, p := range paths {
		out[filepath.Base(filepath.Dir(p))] = p
	}
	return out
}

func generate(t *testing.T, path string) (*model.Contract, map[string][]byte) {
	t.Helper()
	s, err := load.File(path)
	require.NoError(t, err)
	c, err := validate.Check(s)
	require.NoError(t, err)
	files, err := New().Generate(c, emit.Options{})
	require.NoError(t, err)
	return c, files
}

func TestGolden(t *testing.T) {
	for name, path := range specs(t) {
		t.Run(name, func(t *testing.T) {
			_, files := generate(t, path)
			dir := filepath.Join("../../../testdata/golden/go", name)
			if *update {
				require.NoError(t, os.RemoveAll(dir))
				require.NoError(t, os.MkdirAll(dir, 0o755))
				for n, data := range files {
					require.NoError(t, os.WriteFile(filepath.Join(dir, n+".golden"), data, 0o644))
				}
			}
			entries, err := os.ReadDir(dir)
			require.NoError(t, err, "run go test ./internal/emit/golang -update")
			require.Len(t, entries, len(files), "golden files of %s", name)
			for n, data := range files {
				want, err := os.ReadFile(filepath.Join(dir, n+".golden"))
				require.NoError(t, err)
				assert.Equal(t, string(want), string(data), "%s/%s differs from its golden file; review, then -update", name, n)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	_, first := generate(t, "../../../spec/contract.yaml")
	for i := 0; i < 5; i++ {
		_, again := generate(t, "../../../spec/contract.yaml")
		assert.Equal(t, first, again)
	}
}

func TestHostileTextStaysInComments(t *testing.T) {
	_, files := generate(t, specs(t)["hostile"])
	for name, data := range files {
		lines := strings.Split(string(data), "\n")
		for i, line := range lines {
			trimmed := strings.TrimSpace(line)
			// The runtime's helpers and the value methods are kept out of line:
			// //go:noinline alone on its line, right before a function.
			noinline := line == "//go:noinline" && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "func ")
			assert.False(t, strings.HasPrefix(trimmed, "//go:") && !noinline, "%s:%d is a directive: %s", name, i+1, line)
			assert.False(t, strings.HasPrefix(trimmed, "/*"), "%s:%d opens a block comment: %s", name, i+1, line)
			assert.NotContains(t, line, `panic("injected")`+"\n", "%s:%d", name, i+1)
			if strings.Contains(line, `panic("injected")`) {
				assert.True(t, strings.HasPrefix(trimmed, "//"), "%s:%d carries spec text outside a comment: %s", name, i+1, line)
			}
		}
	}
}

// TestCompileAndExercise writes each spec's package into its own module,
// with a test that decodes every example, re-encodes it, and checks strict
// decoding, then runs go vet and go test there.
func TestCompileAndExercise(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated packages with the go command")
	}
	withTwins := 0
	for name, path := range specs(t) {
		t.Run(name, func(t *testing.T) {
			c, files := generate(t, path)
			dir := t.TempDir()
			writeModule(t, dir, "example.com/"+name, ".", files)
			require.NoError(t, os.WriteFile(filepath.Join(dir, "exercise_test.go"), []byte(exerciseTest(c)), 0o644))
			if src := twinTest(c.Package, files); src != "" {
				require.NoError(t, os.WriteFile(filepath.Join(dir, "twin_test.go"), []byte(src), 0o644))
				withTwins++
			}
			goCommand(t, dir, "vet", "./...")
			goCommand(t, dir, "test", "./...")
		})
	}
	require.Positive(t, withTwins, "no spec has a type whose items are made as a memory twin")
}

// writeModule writes files into the folder pkg of a new module at dir.
func writeModule(t *testing.T, dir, module, pkg string, files map[string][]byte) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, pkg), 0o755))
	for n, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, pkg, n), data, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+module+"\n\ngo 1.26\n"), 0o644))
}

// goCommand runs the go command with args in the module at dir, outside
// any workspace, and fails the test with its output when it fails.
func goCommand(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
}

// exerciseTest is the source of a test run inside the generated package.
func exerciseTest(c *model.Contract) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"bytes\"\n\t\"encoding/json\"\n\t\"errors\"\n\t\"fmt\"\n\t\"log/slog\"\n\t\"reflect\"\n\t\"slices\"\n\t\"strings\"\n\t\"testing\"\n)\n\nvar _ = bytes.MinRead\nvar _ = fmt.Sprint\nvar _ = slog.Info\nvar _ = strings.Contains\n\n", c.Package)
	b.WriteString(exerciseHelpers)
	b.WriteString("func TestExamples(t *testing.T) {\n")
	n := 0
	// A type decoded on its own reports paths under the type root when the
	// rules scan types; a payload's are its own.
	typeRoot := ""
	if fb := c.Forbidden; fb != nil && fb.OnTypes && fb.TypeRoot != "" {
		typeRoot = fb.TypeRoot + "."
	}
	add := func(goName string, t *model.Type, ex []*value.Value, root string) {
		for _, e := range ex {
			whole := model.Complete(e, t) // a sensitive object is looked for completed, as doc holds it
			doc := string(whole.JSON())
			dec := fmt.Sprintf("func(d []byte) (any, error) { return Decode%s(d) }", goName)
			fmt.Fprintf(&b, "\tcheck(t, %s, %s, %v)\n", strconv.Quote(doc), dec, openAt(t, e))
			// The example as the spec writes it, members it may leave out
			// left out, decodes too; a required const, which a literal may
			// leave to the builder, is sent.
			fmt.Fprintf(&b, "\tcheckDecodes(t, %s, %s)\n", strconv.Quote(string(withRequiredConsts(e, t).JSON())), dec)
			n++
			// Sensitive members never print, whatever the verb or handler.
			// A secret is looked for in the printed output, so only one
			// that no member but a sensitive one holds tells anything.
			var secrets []string
			rest := doc
			for _, fl := range t.Fields {
				if fl.Sensitive {
					rest = mutate(rest, fl.Name, nil)
				}
			}
			for _, fl := range t.Fields {
				if v := whole.Get(fl.Name); fl.Sensitive && v != nil && len(v.JSON()) > 2 && !strings.Contains(rest, string(v.JSON())) {
					secrets = append(secrets, string(v.JSON()))
				}
			}
			if len(secrets) > 0 {
				fmt.Fprintf(&b, "\tcheckRedacted(t, %s, %s, %#v)\n", strconv.Quote(doc), dec, secrets)
			}
			// The spec's own texts for required and type, where it has them.
			for _, fl := range t.Fields {
				if msg, ok := fl.Messages[model.RuleRequired]; ok && fl.WireRequired() {
					fmt.Fprintf(&b, "\tcheckMessage(t, %s, %s, %q, %q)\n", strconv.Quote(mutate(doc, fl.Name, nil)), dec, root+fl.Name, msg)
				}
				if msg, ok := fl.Messages[model.RuleType]; ok {
					var wrong any = "wrong type"
					if fl.Type.Kind == model.KindString || fl.Type.Kind == model.KindState {
						wrong = 12345
					}
					fmt.Fprintf(&b, "\tcheckMessage(t, %s, %s, %q, %q)\n", strconv.Quote(mutate(doc, fl.Name, wrong)), dec, root+fl.Name, msg)
				}
			}
		}
	}
	for _, t := range c.Types {
		add(t.GoName, t, t.Examples, typeRoot)
	}
	for _, op := range c.Operations {
		add(op.RequestPayloadGoName(), op.Request, op.Request.Examples, "")
		if !op.Response.Shared() {
			// A payload on its own must carry what the builder copies from
			// the request; examples that leave it out are builder input.
			var whole []*value.Value
			for _, ex := range op.Response.Payload.Examples {
				if hasSourced(ex, op.Response.Payload) {
					whole = append(whole, ex)
				}
			}
			add(op.Response.Payload.GoName, op.Response.Payload, whole, "")
		}
	}
	fmt.Fprintf(&b, "\tif %d == 0 {\n\t\tt.Fatal(\"the spec has no examples to exercise\")\n\t}\n}\n", n)
	b.WriteString(stateSetsTest(c))
	return b.String()
}

// stateSetsTest is the source of a test that every state set's Values
// lists the spec's values in spec order, that Valid (and the pointer
// method the compiler makes for it) holds for each of them, and for no
// other text: the empty string, a value's other case, and each value with
// a byte added.
func stateSetsTest(c *model.Contract) string {
	var b strings.Builder
	b.WriteString("func TestStateSets(t *testing.T) {\n")
	for _, st := range c.States {
		var want, wrong []string
		for _, v := range st.Values {
			want = append(want, strconv.Quote(v.Value))
			wrong = append(wrong, strconv.Quote(v.Value+"x"), strconv.Quote(strings.ToUpper(v.Value)))
		}
		fmt.Fprintf(&b, "\tcheckStates(t, %sValues(), []string{%s}, []string{\"\", %s})\n",
			st.GoName, strings.Join(want, ", "), strings.Join(wrong, ", "))
	}
	b.WriteString("}\n")
	return b.String()
}

// withRequiredConsts returns literal v of type t with every required const
// it leaves out filled in, at any depth: what the wire must carry of a
// literal written as builder input.
func withRequiredConsts(v *value.Value, t *model.Type) *value.Value {
	if v == nil || v.Kind != value.Object {
		return v
	}
	if t.Union != nil {
		if vr, _ := t.Union.Select(v, ""); vr != nil && vr.Type != nil {
			return withRequiredConsts(v, vr.Type)
		}
		return v
	}
	out := &value.Value{Kind: value.Object, Pos: v.Pos}
	for _, m := range v.Members {
		if f := model.FieldByName(t, m.Key); f != nil && f.Trim && m.Value.Kind == value.String {
			// A builder trims it; the wire carries it trimmed.
			m.Value = &value.Value{Kind: value.String, Str: model.TrimSpace(m.Value.Str)}
		} else if f != nil {
			m.Value = constsIn(m.Value, f.Type)
		}
		out.Members = append(out.Members, m)
	}
	for _, f := range t.Fields {
		if f.Required && f.Const != nil && v.Get(f.Name) == nil {
			out.Members = append(out.Members, value.Member{Key: f.Name, Value: f.Const})
		}
	}
	return out
}

// constsIn is withRequiredConsts through lists and maps of objects.
func constsIn(v *value.Value, t *model.TypeRef) *value.Value {
	switch {
	case t.Kind == model.KindObject:
		return withRequiredConsts(v, t.Object)
	case (t.Kind == model.KindList && v.Kind == value.List) || (t.Kind == model.KindMap && v.Kind == value.Object):
		out := *v
		out.Items = make([]*value.Value, len(v.Items))
		for i, it := range v.Items {
			out.Items[i] = constsIn(it, t.Elem)
		}
		out.Members = make([]value.Member, len(v.Members))
		for i, m := range v.Members {
			m.Value = constsIn(m.Value, t.Elem)
			out.Members[i] = m
		}
		return &out
	}
	return v
}

// openAt reports whether the type of literal e accepts unknown members at
// its top: a union's are those of the variant e selects.
func openAt(t *model.Type, e *value.Value) bool {
	if t.Union != nil {
		if d := e.Get(t.Union.Discriminator); d != nil && d.Kind == value.String {
			if v := t.Union.Variant(d.Str); v != nil {
				return v.Type.Open
			}
		}
	}
	return t.Open
}

// mutate returns doc with member key removed (value nil) or replaced.
func mutate(doc, key string, value any) string {
	var m map[string]any
	if err := json.Unmarshal([]byte(doc), &m); err != nil {
		panic(err)
	}
	if value == nil {
		delete(m, key)
	} else {
		m[key] = value
	}
	out, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return string(out)
}

const exerciseHelpers = `
// viaPointer calls Valid through the pointer method the compiler makes.
func viaPointer(p any) bool {
	return p.(interface{ Valid() bool }).Valid()
}

// checkStates compares a state set's values with the spec's and checks
// Valid on them and on texts that are no value of the set (those that are
// do not count: a value's other case may be a value too).
func checkStates[S interface{ ~string; Valid() bool }](t *testing.T, got []S, want, wrong []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("values %q, want %q", got, want)
	}
	for i, v := range got {
		if string(v) != want[i] || !v.Valid() || !viaPointer(&v) {
			t.Errorf("value %d: %q (valid %v), want %q", i, v, v.Valid(), want[i])
		}
	}
	for _, w := range wrong {
		if s := S(w); !slices.Contains(want, w) && (s.Valid() || viaPointer(&s)) {
			t.Errorf("%q is no value of the set, yet Valid", w)
		}
	}
}

// checkRedacted decodes a document and prints it every way fmt and slog
// can: each output says [REDACTED] and holds none of the secrets, while
// the JSON encoding keeps them.
func checkRedacted(t *testing.T, doc string, decode func([]byte) (any, error), secrets []string) {
	t.Helper()
	v, err := decode([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("m", "v", v)
	slog.New(slog.NewTextHandler(&logs, nil)).Info("m", "v", v)
	outs := []string{fmt.Sprint(v), fmt.Sprintf("%v %+v %#v %s %q", v, v, v, v, v), logs.String()}
	for _, out := range outs {
		if !strings.Contains(out, "[REDACTED]") {
			t.Fatalf("no [REDACTED] in %s", out)
		}
		for _, s := range secrets {
			if strings.Contains(out, s) || strings.Contains(out, strings.Trim(s, "{}[]")) {
				t.Fatalf("sensitive %s printed: %s", s, out)
			}
		}
	}
	enc, _ := json.Marshal(v)
	for _, s := range secrets {
		if !strings.Contains(string(enc), s) {
			t.Fatalf("JSON lost sensitive %s: %s", s, enc)
		}
	}
}
// checkDecodes decodes a valid document.
func checkDecodes(t *testing.T, doc string, decode func([]byte) (any, error)) {
	t.Helper()
	if _, err := decode([]byte(doc)); err != nil {
		t.Fatalf("valid example rejected: %v\n%s", err, doc)
	}
}

// checkMessage decodes an invalid document and wants the spec's own text,
// at the member's path, as the first error.
func checkMessage(t *testing.T, doc string, decode func([]byte) (any, error), path, msg string) {
	t.Helper()
	v, err := decode([]byte(doc))
	var es Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("want %q at %s, got %v\n%s", msg, path, err, doc)
	}
	if !reflect.ValueOf(v).IsNil() {
		t.Fatalf("Decode returned a value with its error: %#v", v)
	}
	if es[0].Path != path || es[0].Message != msg {
		t.Fatalf("want %s: %s, got %s: %s\n%s", path, msg, es[0].Path, es[0].Message, doc)
	}
}

// check decodes a valid document, re-encodes it to the same JSON, and sees
// an unknown member, a duplicate member and trailing data rejected.
func check(t *testing.T, doc string, decode func([]byte) (any, error), open bool) {
	t.Helper()
	v, err := decode([]byte(doc))
	if err != nil {
		t.Fatalf("valid example rejected: %v\n%s", err, doc)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if json.Unmarshal([]byte(doc), &a) != nil || json.Unmarshal(out, &b) != nil || !reflect.DeepEqual(a, b) {
		t.Fatalf("re-encoding changed the document:\n%s\n%s", doc, out)
	}
	if _, err := decode(append([]byte(doc[:len(doc)-1]), []byte(",\"zz_unknown\":1}")...)); open != (err == nil) || (!open && !errors.Is(err, ErrUnknownField)) {
		t.Fatalf("unknown field, open %v: %v", open, err)
	}
	if _, err := decode([]byte(doc + "{}")); !errors.Is(err, ErrTrailingData) {
		t.Fatalf("trailing data accepted: %v", err)
	}
	var members map[string]json.RawMessage
	if json.Unmarshal([]byte(doc), &members) == nil && len(members) > 0 {
		keys := make([]string, 0, len(members))
		for k := range members {
			keys = append(keys, k)
		}
		dup := append([]byte(doc[:len(doc)-1]), []byte(",\""+keys[0]+"\":"+string(members[keys[0]])+"}")...)
		if _, err := decode(dup); !errors.Is(err, ErrDuplicateKey) {
			t.Fatalf("duplicate key accepted: %v", err)
		}
	}
}

`

// TestStandardLibraryOnly parses every generated file of every spec and
// checks that each import is a standard library package.
func TestStandardLibraryOnly(t *testing.T) {
	paths := specs(t)
	paths["contract"] = "../../../spec/contract.yaml"
	for name, path := range paths {
		_, files := generate(t, path)
		for n, data := range files {
			f, err := parser.ParseFile(token.NewFileSet(), n, data, parser.ImportsOnly)
			require.NoError(t, err, "%s/%s", name, n)
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				first := strings.SplitN(p, "/", 2)[0]
				assert.NotContains(t, first, ".", "%s/%s imports %s, which is not in the standard library", name, n, p)
			}
		}
	}
}

// TestDeprecatedFieldDoc: a deprecated member's Go field carries the
// "Deprecated: " paragraph that gopls and staticcheck report.
func TestDeprecatedFieldDoc(t *testing.T) {
	_, files := generate(t, "../../../testdata/specs/payments_webhooks/spec.yaml")
	f, err := parser.ParseFile(token.NewFileSet(), "types.go", files["types.go"], parser.ParseComments)
	require.NoError(t, err)
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if fl, ok := n.(*ast.Field); ok && len(fl.Names) == 1 && fl.Names[0].Name == "JitterRatio" {
			found = true
			assert.Contains(t, fl.Doc.Text(), "\n\nDeprecated: the platform now chooses the spread itself")
		}
		return true
	})
	assert.True(t, found, "field JitterRatio")
}

// hasSourced reports whether example ex carries every member of t that a
// builder copies from the request.
func hasSourced(ex *value.Value, t *model.Type) bool {
	for _, f := range t.Fields {
		if f.Source != model.SourceNone && ex.Get(f.Name) == nil {
			return false
		}
	}
	return true
}
