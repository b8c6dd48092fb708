package main

import (
	"fmt"
	"io"

	"github.com/contractgen/contractgen/internal/config"
	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/lint"
	"github.com/contractgen/contractgen/internal/load"
)

// runLint reports the spec's errors, or when it has none its style
// findings; it exits 1 when anything at error severity is found.
func runLint(args []string, stdout, stderr io.Writer) int {
	f := newFlags("lint", "lint [flags]", stderr, false)
	list := f.Bool("rules", false, "list the rules with their IDs and default severities, and exit")
	if code := f.parse(args, 0); code >= 0 {
		return code
	}
	if *list {
		for _, r := range lint.Rules() {
			fmt.Fprintf(stdout, "%-31s %-5s %s\n", r.ID, r.Severity, r.Summary)
		}
		return exitOK
	}
	s, code := f.settings(stdout, stderr)
	if s == nil {
		return code
	}
	severity, bad := lintSeverities(s.cfg)
	if len(bad) > 0 {
		_ = diag.Write(diagOut(s.format, stdout, stderr), s.format, bad)
		return exitFail
	}
	src, err := load.ReadFile(s.cfg.Spec)
	if err != nil {
		report(stdout, s.format, s.cfg.Spec, err)
		return exitFail
	}
	c, err := checkSpec(s.cfg.Spec, src)
	if err != nil {
		report(stdout, s.format, s.cfg.Spec, err)
		return exitFail
	}
	var out []diag.Finding
	failed := false
	for _, fd := range lint.Run(c, src, severity) {
		out = append(out, diag.Finding{File: s.cfg.Spec, Line: fd.Pos.Line, Col: fd.Pos.Col,
			Severity: fd.Severity, Rule: fd.Rule, Message: fd.Msg})
		failed = failed || fd.Severity == diag.SeverityError
	}
	_ = diag.Write(stdout, s.format, out)
	if failed {
		return exitFail
	}
	return exitOK
}

// lintSeverities returns the config's rule severities, and a finding for
// each rule ID the config names that lint does not know.
func lintSeverities(cfg *config.Config) (map[string]string, []diag.Finding) {
	out := map[string]string{}
	var bad []diag.Finding
	for _, id := range sortedKeys(cfg.Lint) {
		st := cfg.Lint[id]
		if _, ok := lint.Lookup(id); !ok {
			msg := fmt.Sprintf("lint rules names unknown rule %s", id)
			if best := closest(id, lint.IDs()); best != "" {
				msg += fmt.Sprintf("; did you mean %s?", best)
			} else {
				msg += "; gen lint -rules lists them"
			}
			bad = append(bad, diag.Finding{File: cfg.File, Line: st.Line, Col: st.Col, Severity: diag.SeverityError, Message: msg})
			continue
		}
		out[id] = st.Value
	}
	return out, bad
}
