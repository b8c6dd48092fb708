package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/emit/docs"
	"github.com/contractgen/contractgen/internal/emit/golang"
	"github.com/contractgen/contractgen/internal/emit/schema"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/validate"
)

// specs are the specs every determinism test generates from, by a short
// name: the shipped spec and every domain spec under testdata/specs.
func specs(t testing.TB) map[string]string {
	t.Helper()
	root := repoRoot(t)
	out := map[string]string{"contract": filepath.Join(root, "spec", "contract.yaml")}
	dirs, err := filepath.Glob(filepath.Join(root, "testdata", "specs", "*", "spec.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, p := range dirs {
		out[filepath.Base(filepath.Dir(p))] = p
	}
	return out
}

// generateInProcess runs the whole pipeline in memory, from reading the spec
// to every emitter, and returns the files keyed by emitter/path.
func generateInProcess(spec string, opts emit.Options) (map[string]string, error) {
	s, err := load.File(spec)
	if err != nil {
		return nil, err
	}
	c, err := validate.Check(s)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, e := range []emit.Emitter{golang.New(), schema.New(), docs.New()} {
		files, err := e.Generate(c, opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		for p, data := range files {
			out[e.Name()+"/"+p] = string(data)
		}
	}
	return out, nil
}

// TestDeterministicInProcess generates every spec 20 times, half of them
// concurrently, with and without the optional docs outputs, and requires
// byte-identical output. Map iteration order is randomised per iteration,
// so an emitter that ranges over a map without sorting fails here.
func TestDeterministicInProcess(t *testing.T) {
	const runs = 20
	optSets := map[string]emit.Options{
		"default": {SchemaDir: "generated/jsonschema", DocsDir: "generated/docs"},
		"mkdocs":  {Package: "renamed", SchemaDir: "generated/jsonschema", DocsDir: "generated/docs", FrontMatter: true, MkDocs: true},
	}
	for name, spec := range specs(t) {
		for optName, opts := range optSets {
			t.Run(name+"/"+optName, func(t *testing.T) {
				t.Parallel()
				want, err := generateInProcess(spec, opts)
				require.NoError(t, err)
				require.NotEmpty(t, want)
				if opts.MkDocs {
					_, ok := want["docs/.mkdocs/mkdocs.yml"]
					require.True(t, ok, "the mkdocs variant writes the MkDocs config")
				}
				results := make([]map[string]string, runs)
				errs := make([]error, runs)
				// The first half runs one after another, the second half all at once.
				for i := 1; i < runs/2; i++ {
					results[i], errs[i] = generateInProcess(spec, opts)
				}
				var wg sync.WaitGroup
				for i := runs / 2; i < runs; i++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						results[i], errs[i] = generateInProcess(spec, opts)
					}()
				}
				wg.Wait()
				for i := 1; i < runs; i++ {
					require.NoError(t, errs[i], "run %d", i)
					require.Empty(t, changedFiles(want, results[i]), "run %d differs from run 0 in these files", i)
				}
			})
		}
	}
}

// checkoutRun is one run of the gen binary in a checkout.
type checkoutRun struct {
	checkout   string // folder gen runs in
	gomaxprocs string // "" leaves GOMAXPROCS unset
	extra      []string
}

// TestDeterministicBinary runs the built gen binary in two checkouts at
// different paths, with relative paths only, under GOMAXPROCS=1, 2 and
// unset, and requires every output tree to be byte-identical and free of
// the checkout's absolute path. A rerun changes nothing and -check passes.
func TestDeterministicBinary(t *testing.T) {
	genBinary(t)
	base := t.TempDir()
	checkouts := []string{
		filepath.Join(base, "a"),
		filepath.Join(base, "a much longer checkout path", "with spaces", "contractgen"),
	}
	for name, spec := range specs(t) {
		for _, c := range checkouts {
			copyFile(t, spec, filepath.Join(c, "specs", name+".yaml"))
		}
	}
	var matrix []checkoutRun
	for _, c := range checkouts {
		for _, procs := range []string{"1", "2", ""} {
			matrix = append(matrix, checkoutRun{checkout: c, gomaxprocs: procs})
		}
		matrix = append(matrix, checkoutRun{checkout: c, gomaxprocs: "1", extra: []string{"-docs-front-matter", "-mkdocs"}})
	}

	names := make([]string, 0)
	for name := range specs(t) {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want := map[string]map[string]entry{} // by flags: the first tree
			for i, m := range matrix {
				out := fmt.Sprintf("out-%d", i)
				args := append([]string{"-spec", filepath.Join("specs", name+".yaml"),
					"-go-out", out + "/go", "-schema-out", out + "/jsonschema", "-docs-out", out + "/docs"}, m.extra...)
				env := withoutEnv(os.Environ(), "GOMAXPROCS")
				if m.gomaxprocs != "" {
					env = append(env, "GOMAXPROCS="+m.gomaxprocs)
				}
				r := gen(t, m.checkout, env, args...)
				require.Equal(t, 0, r.code, "%+v\n%s", m, r)
				tree := snapshot(t, filepath.Join(m.checkout, out))
				require.NotEmpty(t, tree)
				for p, e := range tree {
					for _, c := range append(checkouts, repoRoot(t)) {
						assert.NotContains(t, e.data, c, "%s/%s embeds an absolute path", out, p)
					}
				}
				key := strings.Join(m.extra, " ")
				if first, ok := want[key]; ok {
					requireSameTree(t, first, tree, "run %+v differs from the first run with the same flags", m)
				} else {
					want[key] = tree
				}

				// Generating again over the same tree writes nothing; -check agrees.
				if i == 0 {
					r = gen(t, m.checkout, env, args...)
					assert.Equal(t, 0, r.code, "%s", r)
					assert.Empty(t, r.stdout, "a second run rewrites nothing")
					requireSameTree(t, tree, snapshot(t, filepath.Join(m.checkout, out)))
					r = gen(t, m.checkout, env, append(args, "-check")...)
					assert.Equal(t, 0, r.code, "%s", r)
					assert.Empty(t, r.stdout+r.stderr)
				}
			}
			require.Len(t, want, 2)
			_, ok := want["-docs-front-matter -mkdocs"]["docs/.mkdocs/mkdocs.yml"]
			assert.True(t, ok, "the -mkdocs runs write the MkDocs config")
		})
	}
}

// withoutEnv drops every setting of name from env.
func withoutEnv(env []string, name string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}
