package breaking

import (
	"fmt"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/names"
)

// IgnoreDirective is the comment that accepts one change on purpose:
// `# contractgen:breaking-ignore RULE_ID reason` on the line the change is
// reported at in the new spec, or alone on the line before it.
const IgnoreDirective = "breaking-ignore"

// Problem is a malformed or unused ignore comment.
type Problem struct {
	Pos      diag.Pos
	Severity string
	Msg      string
}

// Filter drops the changes whose rule is in ignored, and those an ignore
// comment of src (the new spec's text) accepts. It reports ignore comments
// without a known rule or a reason (errors) and those that accept nothing
// (warnings).
func Filter(changes []Change, src []byte, ignored map[string]bool) ([]Change, []Problem) {
	igs := diag.ParseIgnores(src, IgnoreDirective)
	used := make([]bool, len(igs))
	var out []Change
	for _, ch := range changes {
		if ignored[ch.Rule.ID] {
			continue
		}
		accepted := false
		for i, ig := range igs {
			if ig.RuleID == ch.Rule.ID && ig.Reason != "" && ig.Target == ch.New.Line && ch.New.Line > 0 {
				used[i], accepted = true, true
			}
		}
		if !accepted {
			out = append(out, ch)
		}
	}
	var problems []Problem
	known := func(id string) bool { _, ok := Lookup(id); return ok }
	for i, ig := range igs {
		switch msg := ig.Malformed(IgnoreDirective, known, Suggest, "say why the change is acceptable"); {
		case msg != "":
			problems = append(problems, Problem{ig.Pos, Error, msg})
		case !used[i]:
			problems = append(problems, Problem{ig.Pos, Warn, fmt.Sprintf("breaking-ignore comment for %s accepts no change on line %d; remove it", ig.RuleID, ig.Target)})
		}
	}
	return out, problems
}

// Suggest proposes the closest rule ID to a misspelt one, as "; did you
// mean X?", or "".
func Suggest(id string) string {
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
	}
	if best := names.Closest(id, ids); best != "" {
		return fmt.Sprintf("; did you mean %s?", best)
	}
	return ""
}
