package diag

import (
	"bytes"
	"fmt"
	"strings"
)

// Ignore is one `# contractgen:<directive> RULE_ID reason` comment of a
// spec: it silences RuleID's findings on Target, the line it ends, or, when
// it stands alone on its line, the next line that is not blank or a
// comment.
type Ignore struct {
	Pos    Pos // of the comment
	Target int
	RuleID string
	Reason string
}

// ParseIgnores finds the comments `# contractgen:<directive> ...` in src.
// A comment starts at a '#' at the start of a line or after a blank, as
// in YAML.
func ParseIgnores(src []byte, directive string) []Ignore {
	marker := "contractgen:" + directive
	lines := bytes.Split(src, []byte("\n"))
	var out []Ignore
	var pending []int // indexes into out waiting for their target line
	for i, raw := range lines {
		line := string(raw)
		hash := commentStart(line)
		code := strings.TrimSpace(line)
		if hash >= 0 {
			code = strings.TrimSpace(line[:hash])
		}
		if hash >= 0 {
			text := strings.TrimSpace(strings.TrimLeft(line[hash:], "#"))
			if rest, ok := strings.CutPrefix(text, marker); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
				fields := strings.Fields(rest)
				ig := Ignore{Pos: Pos{Line: i + 1, Col: hash + 1}}
				if len(fields) > 0 {
					ig.RuleID = fields[0]
					ig.Reason = strings.Join(fields[1:], " ")
				}
				if code != "" {
					ig.Target = i + 1
				} else {
					pending = append(pending, len(out))
				}
				out = append(out, ig)
			}
		}
		if code != "" {
			for _, j := range pending {
				out[j].Target = i + 1
			}
			pending = nil
		}
	}
	return out
}

// commentStart returns the index of the '#' that starts a YAML comment on
// line, or -1; a '#' inside a quoted scalar is not one.
func commentStart(line string) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				if quote == '\'' && i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '"' || c == '\'':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' || line[i-1] == ':' || line[i-1] == '[' || line[i-1] == '{' || line[i-1] == ',' || line[i-1] == '-' {
				quote = c
			}
		case c == '#':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' {
				return i
			}
		}
	}
	return -1
}

// Malformed says what is wrong with an ignore comment of directive: no
// rule ID, one known does not know (suggest proposes a spelling, as
// "; did you mean X?"), or no reason (why says what the reason should
// say). It returns "" for a comment that names a known rule and a reason.
func (ig Ignore) Malformed(directive string, known func(string) bool, suggest func(string) string, why string) string {
	switch {
	case ig.RuleID == "":
		return fmt.Sprintf("%s comment names no rule; write # contractgen:%s RULE_ID reason", directive, directive)
	case !known(ig.RuleID):
		return fmt.Sprintf("%s comment names unknown rule %s%s", directive, ig.RuleID, suggest(ig.RuleID))
	case ig.Reason == "":
		return fmt.Sprintf("%s comment for %s gives no reason; %s", directive, ig.RuleID, why)
	}
	return ""
}
