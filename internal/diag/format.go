package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Severities of a finding, most severe first.
const (
	SeverityError = "error"
	SeverityWarn  = "warn"
	SeverityInfo  = "info"
)

// Finding is one diagnostic as the CLI reports it: a spec error, a lint
// finding, a drifted generated file or a breaking change. Rule is empty for
// spec errors; Detail carries a diff or other multi-line text.
type Finding struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Rule     string `json:"rule,omitempty"`
	Message  string `json:"message"`
	Detail   string `json:"detail,omitempty"`
	// Other is where the same element is in the other spec, for
	// comparisons ("file:line:col"); empty otherwise.
	Other string `json:"other,omitempty"`
}

// FromErrors turns spec errors into findings of severity error.
func FromErrors(errs []*Error) []Finding {
	out := make([]Finding, len(errs))
	for i, e := range errs {
		out[i] = Finding{File: e.File, Line: e.Pos.Line, Col: e.Pos.Col, Severity: SeverityError, Message: e.Msg}
	}
	return out
}

// Formats are the names accepted by --format.
var Formats = []string{"text", "json", "github"}

// Write prints findings in format: text (file:line:col: severity: message
// [RULE]), json (one document with a "diagnostics" array, for tools), or
// github (workflow commands that GitHub Actions shows as annotations).
func Write(w io.Writer, format string, fs []Finding) error {
	switch format {
	case "json":
		if fs == nil {
			fs = []Finding{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Diagnostics []Finding `json:"diagnostics"`
		}{fs})
	case "github":
		for _, f := range fs {
			if _, err := fmt.Fprintln(w, f.github()); err != nil {
				return err
			}
		}
		return nil
	}
	for _, f := range fs {
		if _, err := fmt.Fprintln(w, f.Text()); err != nil {
			return err
		}
	}
	return nil
}

// Text renders a finding the way compilers do, so editors can link it;
// spec errors keep the plain file:line:col: message form.
func (f Finding) Text() string {
	var b strings.Builder
	b.WriteString(f.File)
	if f.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", f.Line, f.Col)
	}
	b.WriteString(": ")
	if f.Rule != "" {
		fmt.Fprintf(&b, "%s: %s [%s]", f.Severity, f.Message, f.Rule)
	} else {
		b.WriteString(f.Message)
	}
	if f.Other != "" {
		fmt.Fprintf(&b, " (was at %s)", f.Other)
	}
	if f.Detail != "" {
		b.WriteString("\n")
		b.WriteString(strings.TrimRight(f.Detail, "\n"))
	}
	return b.String()
}

// github renders a finding as a workflow command: ::error file=…,line=…::msg.
func (f Finding) github() string {
	level := map[string]string{SeverityError: "error", SeverityWarn: "warning"}[f.Severity]
	if level == "" {
		level = "notice"
	}
	props := []string{"file=" + ghProp(f.File)}
	if f.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", f.Line), fmt.Sprintf("col=%d", f.Col))
	}
	if f.Rule != "" {
		props = append(props, "title="+ghProp(f.Rule))
	}
	msg := f.Message
	if f.Detail != "" {
		msg += "\n" + f.Detail
	}
	return fmt.Sprintf("::%s %s::%s", level, strings.Join(props, ","), ghData(msg))
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a workflow command's property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
