// Package lint holds the style rules of the spec language as data: each
// rule has an ID, a default severity and a check over the model, so that
// rules are listed, configured and tested the same way. Spec errors are not
// lint findings; a spec that does not validate is never linted.
package lint

import (
	"sort"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/model"
)

// Rule is one style rule.
type Rule struct {
	ID       string
	Severity string // default: diag.SeverityError, SeverityWarn or SeverityInfo
	Summary  string // one line, for gen lint -rules and the docs
	check    func(c *model.Contract, report reporter)
}

// reporter records a finding of the running rule at pos.
type reporter func(pos diag.Pos, format string, args ...any)

// Finding is one rule's complaint at a position of the spec.
type Finding struct {
	Rule     string
	Severity string
	Pos      diag.Pos
	Msg      string
}

// Rules returns every rule, sorted by ID.
func Rules() []Rule {
	out := append([]Rule(nil), rules...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Run checks c with every rule not turned off. severity overrides a rule's
// default ("off" turns it off); src is the spec's text, read for
// `# contractgen:ignore RULE_ID reason` comments. Findings are sorted by
// position, then rule.
func Run(c *model.Contract, src []byte, severity map[string]string) []Finding {
	var out []Finding
	for _, r := range Rules() {
		sev := r.Severity
		if s, ok := severity[r.ID]; ok {
			sev = s
		}
		if sev == "off" {
			continue
		}
		r.check(c, func(pos diag.Pos, format string, args ...any) {
			out = append(out, Finding{Rule: r.ID, Severity: sev, Pos: pos, Msg: sprintf(format, args...)})
		})
	}
	out = applyIgnores(out, parseIgnores(src))
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Rule < b.Rule
	})
	return dedupe(out)
}

// dedupe drops a finding repeated at the same place, as a shared type
// reached from two owners would give.
func dedupe(fs []Finding) []Finding {
	seen := map[Finding]bool{}
	out := fs[:0]
	for _, f := range fs {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
