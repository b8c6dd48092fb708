package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"sync"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/names"
	"github.com/contractgen/contractgen/internal/output"
	"github.com/contractgen/contractgen/internal/validate"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// config holds the parsed flags.
type config struct {
	spec, goOut, pkg, schemaOut, docsOut, templates string
	check, version, frontMatter, mkdocs             bool
}

func parseFlags(args []string, stderr io.Writer) (*config, int) {
	cfg := &config{}
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.spec, "spec", "spec/contract.yaml", "contract spec to read")
	fs.StringVar(&cfg.goOut, "go-out", "generated/go", "folder for the generated Go package (empty: skip)")
	fs.StringVar(&cfg.pkg, "package", "", "Go package name (default: the spec's contract.package)")
	fs.StringVar(&cfg.schemaOut, "schema-out", "generated/jsonschema", "folder for JSON Schemas (empty: skip)")
	fs.StringVar(&cfg.docsOut, "docs-out", "generated/docs", "folder for Markdown docs (empty: skip)")
	fs.StringVar(&cfg.templates, "templates", "", "folder of doc templates overriding the embedded ones")
	fs.BoolVar(&cfg.frontMatter, "docs-front-matter", false, "add YAML front matter (title, order) to doc pages")
	fs.BoolVar(&cfg.mkdocs, "mkdocs", false, "also write .mkdocs/mkdocs.yml (navigation) into the docs folder; build with: mkdocs build --strict -f DOCS/.mkdocs/mkdocs.yml")
	fs.BoolVar(&cfg.check, "check", false, "write nothing; exit 1 with a diff when output is stale, missing or orphaned")
	fs.BoolVar(&cfg.version, "version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: gen [flags]\n\nGenerates Go code, JSON Schemas and Markdown docs from a contract spec.\nExit codes: 0 ok, 1 spec errors or drift, 2 usage.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, exitOK
		}
		return nil, exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen: unexpected argument %q; all options are flags (see -h)\n", fs.Arg(0))
		return nil, exitUsage
	}
	if why := names.ValidPackage(cfg.pkg); cfg.pkg != "" && why != "" {
		fmt.Fprintf(stderr, "gen: -package %q %s; expected a lower-case Go identifier such as \"contract\"\n", cfg.pkg, why)
		return nil, exitUsage
	}
	return cfg, -1
}

func run(args []string, stdout, stderr io.Writer) int {
	cfg, code := parseFlags(args, stderr)
	if cfg == nil {
		return code
	}
	if cfg.version {
		fmt.Fprintln(stdout, "contractgen", version())
		return exitOK
	}
	c, err := loadSpec(cfg.spec)
	if err != nil {
		printErr(stderr, err)
		return exitFail
	}
	plan, err := generate(c, cfg)
	if err != nil {
		printErr(stderr, err)
		return exitFail
	}
	if cfg.check {
		return check(plan, stdout, stderr)
	}
	return write(plan, stdout, stderr)
}

// write writes the plan with its folders locked: it repairs what an
// interrupted run left, then makes the tree match the plan.
func write(plan output.Plan, stdout, stderr io.Writer) int {
	var fresh []string // output folders this run creates
	for _, d := range plan.Dirs {
		if _, err := os.Stat(d); err != nil {
			fresh = append(fresh, d)
		}
	}
	unlock, err := output.Lock(plan.Dirs, true)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		removeEmpty(fresh)
		return exitFail
	}
	defer unlock()
	notes, err := output.Recover(output.OS{}, plan.Dirs)
	for _, n := range notes {
		fmt.Fprintln(stderr, "gen:", n)
	}
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return exitFail
	}
	changes, err := output.Write(output.OS{}, plan)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		unlock()
		removeEmpty(fresh)
		return exitFail
	}
	for _, ch := range changes {
		verb := map[string]string{"stale": "updated", "missing": "wrote", "orphaned": "removed"}[ch.Kind]
		fmt.Fprintf(stdout, "%s %s\n", verb, ch.Path)
	}
	return exitOK
}

// loadSpec runs the front half of the pipeline: load, validate, model.
func loadSpec(path string) (*model.Contract, error) {
	s, err := load.File(path)
	if err != nil {
		return nil, err
	}
	return validate.Check(s)
}

// generate runs every emitter in memory and gathers their files into a plan.
func generate(c *model.Contract, cfg *config) (output.Plan, error) {
	opts := emit.Options{Package: cfg.pkg, Templates: cfg.templates, FrontMatter: cfg.frontMatter,
		MkDocs: cfg.mkdocs, SchemaDir: cfg.schemaOut, DocsDir: cfg.docsOut}
	if opts.Package == "" {
		opts.Package = c.Package
	}
	// The emitters only read the model, so they run at once; their files
	// are gathered in target order, so the plan does not depend on timing.
	ts := targets(cfg)
	results := make([]map[string][]byte, len(ts))
	errs := make([]error, len(ts))
	var wg sync.WaitGroup
	for i, t := range ts {
		if t.dir == "" {
			continue
		}
		wg.Add(1)
		go func(i int, t target) {
			defer wg.Done()
			results[i], errs[i] = t.emitter.Generate(c, opts)
		}(i, t)
	}
	wg.Wait()
	var plan output.Plan
	for i, t := range ts {
		if t.dir == "" {
			continue
		}
		files, err := results[i], errs[i]
		if err != nil {
			return output.Plan{}, fmt.Errorf("%s: %w", t.emitter.Name(), err)
		}
		plan.Dirs = append(plan.Dirs, t.dir)
		paths := make([]string, 0, len(files))
		for p := range files {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			plan.Files = append(plan.Files, output.File{Path: filepath.Join(t.dir, filepath.FromSlash(p)), Data: files[p]})
		}
	}
	return plan, nil
}

type target struct {
	dir     string
	emitter emit.Emitter
}

// removeEmpty removes output folders a failed run created, when empty.
func removeEmpty(dirs []string) {
	for i := len(dirs) - 1; i >= 0; i-- {
		_ = os.Remove(dirs[i])
	}
}

func check(plan output.Plan, stdout, stderr io.Writer) int {
	unlock, err := output.Lock(plan.Dirs, false)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return exitFail
	}
	defer unlock()
	broken, err := output.Interrupted(output.OS{}, plan.Dirs)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return exitFail
	}
	for _, b := range broken {
		fmt.Fprintln(stdout, "interrupted:", b)
	}
	changes, err := output.Diff(output.OS{}, plan)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return exitFail
	}
	if len(broken) > 0 {
		fmt.Fprintf(stderr, "gen: an interrupted run left the output folders unfinished; run gen (without -check) to repair them\n")
		printChanges(changes, stdout)
		return exitFail
	}
	if len(changes) == 0 {
		return exitOK
	}
	printChanges(changes, stdout)
	fmt.Fprintf(stderr, "gen: %d generated file(s) out of date with the spec; run gen (without -check) and commit the result\n", len(changes))
	return exitFail
}

// printChanges prints a unified diff or a one-line note per change.
func printChanges(changes []output.Change, stdout io.Writer) {
	for _, ch := range changes {
		switch ch.Kind {
		case "stale":
			fmt.Fprint(stdout, output.Unified(ch.Path, ch.Old, ch.New))
		case "missing":
			fmt.Fprintf(stdout, "missing: %s (the spec produces it; run gen to write it)\n", ch.Path)
		case "orphaned":
			fmt.Fprintf(stdout, "orphaned: %s (generated, but the spec no longer produces it)\n", ch.Path)
		}
	}
}

func printErr(w io.Writer, err error) {
	var list diag.ListError
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(w, e.Error())
		}
		return
	}
	fmt.Fprintln(w, "gen:", err)
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
