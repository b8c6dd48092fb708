package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/breaking"
	"github.com/contractgen/contractgen/internal/config"
	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/input"
	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/validate"
)

// runBreaking compares the spec with another version of it and reports
// every change under its rule; it exits 1 when a change breaks clients.
func runBreaking(args []string, stdout, stderr io.Writer) int {
	f := newFlags("breaking", "breaking --against <git ref | spec file | folder> [flags]", stderr, false)
	f.formats = append(append([]string(nil), diag.Formats...), "markdown")
	f.Lookup("format").Usage = "how to print changes: text, json, github (GitHub Actions annotations) or markdown (a \"Changes since\" page)"
	against := f.String("against", "", "the other version: a git ref (main, origin/main, v1.2.0, a commit), a spec file, or a folder holding the old checkout")
	var ignores multiFlag
	f.Var(&ignores, "ignore", "a rule ID not to report (repeatable, or comma-separated)")
	list := f.Bool("rules", false, "list the rules with their categories and severities, and exit")
	if code := f.parse(args, 0); code >= 0 {
		return code
	}
	if *list {
		for _, r := range breaking.Rules() {
			fmt.Fprintf(stdout, "%-34s %-4s %-5s %s\n", r.ID, r.Category, r.Severity, r.Summary)
		}
		return exitOK
	}
	if *against == "" {
		fmt.Fprintln(stderr, "gen breaking: --against is required: a git ref, a spec file or a folder (see -h)")
		return exitUsage
	}
	s, code := f.settings(stdout, stderr)
	if s == nil {
		return code
	}
	out := diagOut(s.format, stdout, stderr)
	ignored, bad := breakingIgnores(s.cfg, ignores)
	if len(bad) > 0 {
		_ = diag.Write(out, s.format, bad)
		return exitUsage
	}
	newSrc, err := load.ReadFile(s.cfg.Spec)
	if err != nil {
		report(out, s.format, s.cfg.Spec, err)
		return exitFail
	}
	newModel, err := checkSpec(s.cfg.Spec, newSrc)
	if err != nil {
		report(out, s.format, s.cfg.Spec, err)
		return exitFail
	}
	oldName, oldSrc, err := otherVersion(*against, s.cfg.Spec)
	if err != nil {
		fmt.Fprintln(stderr, "gen breaking:", err)
		return exitUsage
	}
	oldSpec, err := load.Bytes(oldName, oldSrc)
	if err != nil {
		report(out, s.format, oldName, err)
		return exitFail
	}
	oldModel, err := validate.Check(oldSpec)
	if err != nil {
		report(out, s.format, oldName, err)
		return exitFail
	}
	changes, problems := breaking.Filter(breaking.Compare(oldModel, newModel), newSrc, ignored)
	if s.format == "markdown" {
		fmt.Fprint(stdout, breaking.Markdown(*against, s.cfg.Spec, changes))
	} else {
		_ = diag.Write(stdout, s.format, findings(changes, problems, s.cfg.Spec, oldName))
	}
	for _, ch := range changes {
		if ch.Rule.Severity == breaking.Error {
			return exitFail
		}
	}
	for _, p := range problems {
		if p.Severity == breaking.Error {
			return exitFail
		}
	}
	return exitOK
}

// findings turns changes into diagnostics at their place in the new spec,
// with where the element was in the old one.
func findings(changes []breaking.Change, problems []breaking.Problem, file, oldName string) []diag.Finding {
	var out []diag.Finding
	for _, ch := range changes {
		f := diag.Finding{File: file, Line: ch.New.Line, Col: ch.New.Col, Severity: ch.Rule.Severity,
			Rule: ch.Rule.ID, Message: ch.Msg}
		if ch.Old.Line > 0 {
			f.Other = fmt.Sprintf("%s:%d:%d", oldName, ch.Old.Line, ch.Old.Col)
		}
		out = append(out, f)
	}
	for _, p := range problems {
		out = append(out, diag.Finding{File: file, Line: p.Pos.Line, Col: p.Pos.Col, Severity: p.Severity,
			Rule: "INVALID_IGNORE", Message: p.Msg})
	}
	return out
}

// breakingIgnores merges the config's ignored rules with -ignore, and
// reports unknown rule IDs where they are written.
func breakingIgnores(cfg *config.Config, flags multiFlag) (map[string]bool, []diag.Finding) {
	out := map[string]bool{}
	var bad []diag.Finding
	check := func(id, file string, line, col int) {
		if _, ok := breaking.Lookup(id); ok {
			out[id] = true
			return
		}
		msg := fmt.Sprintf("unknown breaking rule %s%s", id, breaking.Suggest(id))
		if !strings.Contains(msg, "did you mean") {
			msg += "; gen breaking -rules lists them"
		}
		bad = append(bad, diag.Finding{File: file, Line: line, Col: col, Severity: diag.SeverityError, Message: msg})
	}
	for _, st := range cfg.BreakingIgnore {
		check(st.Value, cfg.File, st.Line, st.Col)
	}
	for _, v := range flags {
		for _, id := range strings.Split(v, ",") {
			if id = strings.TrimSpace(id); id != "" {
				check(id, "-ignore", 0, 0)
			}
		}
	}
	return out, bad
}

// otherVersion reads the spec as it is in against: a file, a folder holding
// another checkout (its contractgen.yaml's spec, else the same relative
// path), or a git ref, read with git show without touching the work tree.
func otherVersion(against, spec string) (string, []byte, error) {
	if st, err := os.Stat(against); err == nil {
		if !st.IsDir() {
			data, err := input.Read(against, load.MaxSize)
			if err != nil {
				return "", nil, fmt.Errorf("--against %s: %w", against, err)
			}
			return against, data, nil
		}
		path := filepath.Join(against, spec)
		if cfgPath := filepath.Join(against, config.FileName); exists(cfgPath) {
			cfg, err := config.Load(cfgPath)
			if err != nil {
				return "", nil, err
			}
			path = filepath.Join(against, cfg.Spec)
			if filepath.IsAbs(cfg.Spec) || strings.HasPrefix(cfg.Spec, against) {
				path = cfg.Spec
			}
		}
		data, err := input.Read(path, load.MaxSize)
		if err != nil {
			return "", nil, fmt.Errorf("--against %s: %w", against, err)
		}
		return path, data, nil
	}
	return gitShow(against, spec)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// gitShow reads spec at ref from the repository holding it.
func gitShow(ref, spec string) (string, []byte, error) {
	if strings.HasPrefix(ref, "-") {
		// Never handed to git, which would read it as an option.
		return "", nil, fmt.Errorf("--against %q is not a file, a folder or a git ref", ref)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return "", nil, fmt.Errorf("--against %q is not a file or folder, and git is not installed to read it as a ref", ref)
	}
	abs, err := filepath.Abs(spec)
	if err != nil {
		return "", nil, err
	}
	dir := filepath.Dir(abs)
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", nil, fmt.Errorf("--against %q is not a file or folder, and %s is not in a git repository", ref, spec)
	}
	top = strings.TrimSpace(top)
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil {
		return "", nil, err
	}
	rel = filepath.ToSlash(rel)
	if _, err := git(top, "rev-parse", "--verify", "--quiet", ref+"^{commit}"); err != nil {
		return "", nil, fmt.Errorf("--against %q is not a file, a folder or a git ref of %s (for a branch of a remote, fetch it first: git fetch origin main)", ref, top)
	}
	size, err := git(top, "cat-file", "-s", ref+":"+rel)
	if err != nil {
		return "", nil, fmt.Errorf("%s does not exist at %s", rel, ref)
	}
	if n, err := strconv.ParseInt(strings.TrimSpace(size), 10, 64); err != nil || n > load.MaxSize {
		return "", nil, fmt.Errorf("--against %s: %s is larger than %d MiB there", ref, rel, load.MaxSize>>20)
	}
	data, err := git(top, "show", ref+":"+rel)
	if err != nil {
		return "", nil, fmt.Errorf("%s does not exist at %s", rel, ref)
	}
	return ref + ":" + rel, []byte(data), nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), strings.TrimSpace(errb.String()))
		}
		return "", err
	}
	return out.String(), nil
}

// multiFlag collects a flag given several times.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
