package lint

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/names"
)

// The rules about ignore comments themselves; they cannot be ignored.
const (
	// RuleInvalidIgnore: an ignore comment without a known rule ID or a reason.
	RuleInvalidIgnore = "INVALID_IGNORE"
	// RuleUnusedIgnore: an ignore comment that silences nothing, so that
	// stale ignores do not pile up.
	RuleUnusedIgnore = "UNUSED_IGNORE"
)

// IgnoreDirective is the comment that silences a lint finding.
const IgnoreDirective = "ignore"

func parseIgnores(src []byte) []diag.Ignore { return diag.ParseIgnores(src, IgnoreDirective) }

// applyIgnores drops the findings an ignore comment silences and reports
// ignore comments that are malformed or silence nothing.
func applyIgnores(fs []Finding, igs []diag.Ignore) []Finding {
	used := make([]bool, len(igs))
	var out []Finding
	for _, f := range fs {
		silenced := false
		for i, ig := range igs {
			if ig.RuleID == f.Rule && ig.Reason != "" && ig.Target == f.Pos.Line {
				used[i], silenced = true, true
			}
		}
		if !silenced {
			out = append(out, f)
		}
	}
	known := func(id string) bool { _, ok := Lookup(id); return ok }
	for i, ig := range igs {
		bad := func(msg string) {
			out = append(out, Finding{Rule: RuleInvalidIgnore, Severity: diag.SeverityError, Pos: ig.Pos, Msg: msg})
		}
		switch msg := ig.Malformed(IgnoreDirective, known, suggestRule, "say why the rule does not apply here"); {
		case msg != "":
			bad(msg)
		case ig.Target == 0:
			bad(fmt.Sprintf("ignore comment for %s is followed by nothing it could apply to", ig.RuleID))
		case !used[i]:
			out = append(out, Finding{Rule: RuleUnusedIgnore, Severity: diag.SeverityWarn, Pos: ig.Pos,
				Msg: fmt.Sprintf("ignore comment for %s silences nothing on line %d; remove it", ig.RuleID, ig.Target)})
		}
	}
	return out
}

// suggestRule proposes the closest rule ID to a misspelt one.
func suggestRule(id string) string {
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
	}
	if best := closest(id, ids); best != "" {
		return fmt.Sprintf("; did you mean %s?", best)
	}
	return ""
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

func closest(name string, candidates []string) string { return names.Closest(name, candidates) }
