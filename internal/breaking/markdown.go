package breaking

import (
	"fmt"
	"strings"
)

// Markdown renders changes as a "Changes since REF" page for a docs site:
// the changes that break clients first, then those that may, then the
// rest, each with its rule and where it is in the new spec.
func Markdown(ref, file string, changes []Change) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Changes since %s\n\n", ref)
	if len(changes) == 0 {
		b.WriteString("No changes to the contract.\n")
		return b.String()
	}
	groups := []struct{ severity, title string }{
		{Error, "Breaking changes"},
		{Warn, "Changes that may break clients"},
		{Info, "Other changes"},
	}
	for _, g := range groups {
		var rows []Change
		for _, ch := range changes {
			if ch.Rule.Severity == g.severity {
				rows = append(rows, ch)
			}
		}
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n| change | rule | where |\n| --- | --- | --- |\n", g.title)
		for _, ch := range rows {
			where := "—"
			if ch.New.Line > 0 {
				where = fmt.Sprintf("`%s:%d`", file, ch.New.Line)
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s |\n", cell(ch.Msg), ch.Rule.ID, where)
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}
