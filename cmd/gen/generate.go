package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/emit/docs"
	"github.com/contractgen/contractgen/internal/emit/schema"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/output"
	"github.com/contractgen/contractgen/internal/validate"
)

func runGenerate(args []string, stdout, stderr io.Writer) int {
	return generateOrCheck("generate", args, stdout, stderr)
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	return generateOrCheck("check", args, stdout, stderr)
}

// generateOrCheck runs the whole pipeline in memory, then writes the plan
// or compares it with what is on disk.
func generateOrCheck(name string, args []string, stdout, stderr io.Writer) int {
	f := newFlags(name, name+" [flags]", stderr, true)
	if code := f.parse(args, 0); code >= 0 {
		return code
	}
	s, code := f.settings(stdout, stderr)
	if s == nil {
		return code
	}
	c, err := loadSpec(s.cfg.Spec)
	if err != nil {
		report(diagOut(s.format, stdout, stderr), s.format, s.cfg.Spec, err)
		return exitFail
	}
	plan, err := generate(c, s)
	if err != nil {
		report(diagOut(s.format, stdout, stderr), s.format, s.cfg.Spec, err)
		return exitFail
	}
	if name == "check" || s.check {
		return check(plan, s.format, stdout, stderr)
	}
	return write(plan, stdout, stderr)
}

// loadSpec runs the front half of the pipeline: load, validate, model.
func loadSpec(path string) (*model.Contract, error) {
	src, err := load.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return checkSpec(path, src)
}

// checkSpec is loadSpec on a spec already read (load.ReadFile), for the
// commands that also need its text.
func checkSpec(path string, src []byte) (*model.Contract, error) {
	paceGC(len(src))
	s, err := load.Bytes(path, src)
	if err != nil {
		return nil, err
	}
	return validate.Check(s)
}

type target struct {
	dir     string
	emitter emit.Emitter
}

// generate runs every emitter in memory and gathers their files into a plan.
func generate(c *model.Contract, s *settings) (output.Plan, error) {
	d := s.docs()
	opts := emit.Options{Templates: d.Templates, FrontMatter: d.FrontMatter,
		MkDocs: d.MkDocs, SchemaURL: d.SchemaURL, SchemaDir: s.schemaOut(), DocsDir: d.Out}
	if s.cfg.Go != nil {
		opts.Package = s.cfg.Go.Package
	}
	if s.cfg.Schema != nil {
		opts.SchemaBundle = s.cfg.Schema.Bundle
	}
	if opts.Package == "" {
		opts.Package = c.Package
	}
	// The emitters only read the model, so they run at once; their files
	// are gathered in target order, so the plan does not depend on timing.
	ts := targets(s)
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
	copySchemasIntoSite(ts, results, opts)
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
		if f, ok := t.emitter.(emit.Folders); ok {
			for _, sub := range f.Folders() {
				plan.Scopes = append(plan.Scopes, filepath.Join(t.dir, filepath.FromSlash(sub)))
			}
		}
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

// copySchemasIntoSite adds a copy of every schema file to the docs output
// when the docs site links to one (docs.SchemaCopy): a MkDocs site serves
// only its docs folder.
func copySchemasIntoSite(ts []target, results []map[string][]byte, opts emit.Options) {
	dir := docs.SchemaCopy(opts)
	if dir == "" {
		return
	}
	var schemas, site map[string][]byte
	for i, t := range ts {
		switch t.emitter.(type) {
		case *schema.Emitter:
			schemas = results[i]
		case *docs.Emitter:
			site = results[i]
		}
	}
	if schemas == nil || site == nil {
		return
	}
	for p, b := range schemas {
		site[dir+"/"+p] = b
	}
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
	// One line per file, thousands for a large contract: one write.
	out := bufio.NewWriter(stdout)
	for _, ch := range changes {
		fmt.Fprintf(out, "%s %s\n", changeVerbs[ch.Kind], ch.Path)
	}
	_ = out.Flush()
	return exitOK
}

// changeVerbs says what write did to a file of each kind of change.
var changeVerbs = map[string]string{"stale": "updated", "missing": "wrote", "orphaned": "removed"}

// removeEmpty removes output folders a failed run created, when empty.
func removeEmpty(dirs []string) {
	for i := len(dirs) - 1; i >= 0; i-- {
		_ = os.Remove(dirs[i])
	}
}

// check compares the plan with the tree without writing anything.
func check(plan output.Plan, format string, stdout, stderr io.Writer) int {
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
	changes, err := output.Diff(output.OS{}, plan)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return exitFail
	}
	if format != "text" {
		fs := driftFindings(broken, changes)
		_ = diag.Write(stdout, format, fs)
		if len(fs) > 0 {
			return exitFail
		}
		return exitOK
	}
	for _, b := range broken {
		fmt.Fprintln(stdout, "interrupted:", b)
	}
	if len(broken) > 0 {
		fmt.Fprintf(stderr, "gen: an interrupted run left the output folders unfinished; run gen generate to repair them\n")
		printChanges(changes, stdout)
		return exitFail
	}
	if len(changes) == 0 {
		return exitOK
	}
	printChanges(changes, stdout)
	fmt.Fprintf(stderr, "gen: %d generated file(s) out of date with the spec; run gen generate and commit the result\n", len(changes))
	return exitFail
}

// driftFindings describes an unfinished or drifted tree as findings, one
// per file, the diff of a stale file in Detail.
func driftFindings(broken []string, changes []output.Change) []diag.Finding {
	var out []diag.Finding
	for _, b := range broken {
		out = append(out, diag.Finding{File: b, Severity: diag.SeverityError, Rule: "INTERRUPTED",
			Message: "an interrupted run left this folder unfinished; run gen generate to repair it"})
	}
	for _, ch := range changes {
		f := diag.Finding{File: ch.Path, Severity: diag.SeverityError}
		switch ch.Kind {
		case "stale":
			f.Rule, f.Message, f.Detail = "STALE", "generated file differs from what the spec produces; run gen generate", output.Unified(ch.Path, ch.Old, ch.New)
		case "missing":
			f.Rule, f.Message = "MISSING", "the spec produces this file but it is not on disk; run gen generate"
		case "orphaned":
			f.Rule, f.Message = "ORPHANED", "generated, but the spec no longer produces it; run gen generate"
		}
		out = append(out, f)
	}
	return out
}

// printChanges prints a unified diff or a one-line note per change.
func printChanges(changes []output.Change, stdout io.Writer) {
	for _, ch := range changes {
		switch ch.Kind {
		case "stale":
			fmt.Fprint(stdout, output.Unified(ch.Path, ch.Old, ch.New))
		case "missing":
			fmt.Fprintf(stdout, "missing: %s (the spec produces it; run gen generate to write it)\n", ch.Path)
		case "orphaned":
			fmt.Fprintf(stdout, "orphaned: %s (generated, but the spec no longer produces it)\n", ch.Path)
		}
	}
}
