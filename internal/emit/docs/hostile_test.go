package docs

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/model"
)

// hostileSpec is a valid spec whose texts try to break out of Markdown: BT
// stands for a backtick, which a Go raw string cannot hold.
var hostileSpec = strings.ReplaceAll(`
contract:
  name: hostile
  title: "Hostile | title <b>bold</b> BTtickBT # not heading"
  description: |-
    # Not a heading
    | not | a | table |
    <script>alert("x")</script> & more */ {{ .Secret }} {{% shortcode %}}
    * not a list
    - not a list either
    1. not ordered
    ===
    _under_ *star* [link](http://x) ~~strike~~ \back\slash https://example.com/a_b mail@example.com

    Second paragraph <!-- not a comment -->.
  package: hostile
  schema_base_uri: https://schemas.example.com/hostile/
versions:
  contract:
    value: "v1|<x>"
    description: "Contract BTversionBT | with pipe"
  request:
    value: req.v1
    description: "# request version"
  response:
    value: resp.v1
    description: "response version\nwith newline"
states:
  outcome:
    description: "Outcome | of <things> *all* */"
    values:
      ok: "All BTgoodBT | fine\nnext line"
      weird: "# heading-like\n- list-like"
types:
  Thing:
    description: "A thing {{ end }} | with <i>tags</i>"
    fields:
      label:
        type: string
        description: "Label\n\n## Injected heading\nBTBTBT\nfence\nBTBTBT"
        default: "a|bBTcBT<d>&e"
envelopes:
  request:
    description: "Request envelope <envelope> | pipe"
    version: request
    fields:
      schema_version:
        type: string
        description: "Version BTofBT it"
        source: version
      operation:
        type: string
        description: Operation.
        source: operation
      account:
        type: string
        description: "Account | id with <script>x</script>\n# and heading"
        pattern: '^(a|b)+BTxBT$'
      payload:
        type: json
        description: Payload.
        source: payload
    examples:
      - schema_version: req.v1
        operation: do_it
        account: abBTxBT
        payload: {}
  response:
    description: "Response envelope"
    version: response
    fields:
      schema_version:
        type: string
        description: Version.
        source: version
      operation:
        type: string
        description: Operation.
        source: request.operation
      status:
        type: outcome
        description: "Status */ {{ end }}"
        default: ok
      message:
        type: string
        description: Message.
        source: message
      payload:
        type: json
        description: Payload.
        source: payload
operations:
  do_it:
    description: "Does BTitBT | <em>now</em>\n## Injected heading\nBTBTBT\ncode fence\nBTBTBT"
    request_description: "a | b <c> BTdBT"
    response_description: "*e* _f_ [g]"
    request:
      note:
        type: string
        description: "Note with {{ template \"x\" }} and |pipes| and BTticksBTBT"
        default: "a|bBTcBT<d>&e"
      thing:
        type: Thing
        description: "A <Thing>."
        nullable: true
    response:
      message: "Done | <ok> BTmsgBT"
      messages:
        mismatch: "do it response requires a do_it request | <x>"
      payload:
        modules:
          type: list<string>
          const: ["mod | one", "<two>"]
        next_step:
          type: string
          description: "Next BTstepBT |"
          const: "# Next\n| step |"
  never:
    description: "Never | answered <here>"
    request_description: "nothing"
    response_description: "nothing | at all"
    request: {}
    request_examples:
      - {}
    response: unavailable
responses:
  unavailable:
    message: "Unavailable <x> | y"
    status: weird
    payload:
      next_step:
        type: string
        description: "Where | to go"
        const: "Go BTawayBT"
`, "BT", "`")

func hostileContract(t *testing.T) *model.Contract {
	t.Helper()
	return contractOf(t, hostileSpec)
}

// TestHostileTextRendersAsItself renders a spec whose descriptions are full
// of Markdown, HTML and template syntax, and checks that every one of them
// reads back as its own text and breaks no structure.
func TestHostileTextRendersAsItself(t *testing.T) {
	c := hostileContract(t)
	for _, v := range variants {
		files := generate(t, c, v.opts)
		checkLinks(t, c, v.opts, files)
		var units []string
		for p, b := range files {
			if !strings.HasSuffix(p, ".md") {
				continue
			}
			units = append(units, checkStructure(t, p, string(b))...)
		}
		texts := []string{c.Title, c.Description, c.Versions[0].Description, c.Versions[1].Description,
			c.Versions[2].Description, c.States[0].Description, c.Types[0].Description, c.Types[0].Fields[0].Description,
			c.Operations[0].Description, c.Operations[0].RequestDescription, c.Operations[0].ResponseDescription,
			c.Operations[0].Response.Message, c.Responses[0].Message}
		for _, sv := range c.States[0].Values {
			texts = append(texts, sv.Description)
		}
		for _, f := range append(c.Request.Type.Fields, c.Operations[0].Request.Fields...) {
			texts = append(texts, f.Description)
		}
		for _, want := range texts {
			if !containsUnit(units, want) {
				t.Errorf("%q does not read back as itself in any cell, heading or paragraph", want)
			}
		}
		// Literals shown as code read back exactly too.
		for _, want := range []string{`^(a|b)+` + "`x`" + `$`, `"a|b` + "`c`" + `<d>&e"`, "v1|<x>", "do it response requires a do_it request | <x>"} {
			if !containsUnit(units, want) {
				t.Errorf("literal %q does not read back as itself", want)
			}
		}
	}
}

// containsUnit reports whether want, with its line breaks and runs of spaces
// read as Markdown reads them, equals one unit or one paragraph of a unit.
func containsUnit(units []string, want string) bool {
	var paras []string
	for _, p := range strings.Split(normalize(want), "\n\n") {
		paras = append(paras, strings.Join(strings.Fields(p), " "))
	}
	for _, p := range paras {
		found := false
		for _, u := range units {
			if strings.Contains(u, p) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

var (
	headingLine = regexp.MustCompile(`^(#{1,6}) (.*)$`)
	rawHTML     = regexp.MustCompile(`<[A-Za-z!/]`)
)

// checkStructure verifies a page's block structure and returns its text
// units (headings, paragraphs, table cells) read back as plain text.
func checkStructure(t *testing.T, p, page string) []string {
	t.Helper()
	var units []string
	lines := strings.Split(page, "\n")
	inFence, fenceMark, fenceBody := false, "", []string{}
	inFront := strings.HasPrefix(page, "---\n")
	var para []string
	flush := func() {
		if len(para) > 0 {
			units = append(units, readBack(strings.Join(para, "\n")))
			para = nil
		}
	}
	cols := 0
	for i, l := range lines {
		switch {
		case inFront:
			if i > 0 && l == "---" {
				inFront = false
			}
			continue
		case inFence:
			if l == fenceMark {
				inFence = false
				if body := strings.Join(fenceBody, "\n"); !json.Valid([]byte(body)) {
					t.Errorf("%s:%d: fenced block is not valid JSON:\n%s", p, i+1, body)
				}
				continue
			}
			fenceBody = append(fenceBody, l)
			continue
		}
		if strings.HasPrefix(l, "<!-- ") {
			if l != "<!-- "+emit.Header+" -->" {
				t.Errorf("%s:%d: unexpected HTML comment %q", p, i+1, l)
			}
			continue
		}
		if m := fenceStart(l); m != "" {
			flush()
			inFence, fenceMark, fenceBody = true, m, nil
			continue
		}
		if rawHTML.MatchString(stripCode(l)) {
			t.Errorf("%s:%d: raw HTML outside code: %q", p, i+1, l)
		}
		if strings.Contains(stripCode(l), "{{") {
			t.Errorf("%s:%d: unescaped {{ outside code: %q", p, i+1, l)
		}
		switch {
		case l == "":
			flush()
			cols = 0
		case headingLine.MatchString(l):
			flush()
			h := readBack(headingLine.FindStringSubmatch(l)[2])
			for _, bad := range []string{"Injected", "Not a heading", "Next", "heading-like", "request version", "and heading"} {
				if strings.Contains(h, bad) {
					t.Errorf("%s:%d: spec text became a heading: %q", p, i+1, l)
				}
			}
			units = append(units, h)
		case strings.HasPrefix(l, "|"):
			cells := splitRow(l)
			if cols == 0 {
				cols = len(cells)
			} else if len(cells) != cols {
				t.Errorf("%s:%d: row has %d cells, the table %d: %q", p, i+1, len(cells), cols, l)
			}
			for _, cell := range cells {
				units = append(units, readBack(cell))
			}
		case strings.HasPrefix(l, "- "):
			flush()
			units = append(units, readBack(l[2:]))
		default:
			if regexp.MustCompile(`^(\d+[.)]|[*+-] |=+$|-+$|>|#)`).MatchString(l) {
				t.Errorf("%s:%d: paragraph line starts a block: %q", p, i+1, l)
			}
			para = append(para, l)
		}
	}
	flush()
	if inFence {
		t.Errorf("%s: fenced block never closed", p)
	}
	return units
}

// splitRow splits a table row at its unescaped pipes.
func splitRow(l string) []string {
	l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
	var cells []string
	cur := ""
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == '\\' && i+1 < len(l):
			cur += l[i : i+2]
			i++
		case l[i] == '|':
			cells = append(cells, strings.TrimSpace(cur))
			cur = ""
		default:
			cur += string(l[i])
		}
	}
	return append(cells, strings.TrimSpace(cur))
}

// readBack reads inline Markdown of the kinds the templates write (backslash
// escapes, character references, code spans, links) back to plain text;
// line breaks read as spaces.
func readBack(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\n", " ")
	plain := func(x string) {
		x = regexp.MustCompile(`\\([!-/:-@\[-`+"`"+`{-~])`).ReplaceAllString(x, "$1")
		b.WriteString(html.UnescapeString(x))
	}
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			plain(s[i : i+2])
			i += 2
		case s[i] == '`':
			n := 0
			for i+n < len(s) && s[i+n] == '`' {
				n++
			}
			run := strings.Repeat("`", n)
			end := -1
			for j := i + n; j < len(s); {
				k := strings.Index(s[j:], run)
				if k < 0 {
					break
				}
				k += j
				if (k+n >= len(s) || s[k+n] != '`') && (k == 0 || s[k-1] != '`') {
					end = k
					break
				}
				j = k + 1
				for j < len(s) && s[j] == '`' {
					j++
				}
			}
			if end < 0 {
				b.WriteString(run)
				i += n
				continue
			}
			code := s[i+n : end]
			if len(code) > 1 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.TrimSpace(code) != "" {
				code = code[1 : len(code)-1]
			}
			b.WriteString(code)
			i = end + n
		case s[i] == '[':
			if m := regexp.MustCompile(`^\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)`).FindStringSubmatch(s[i:]); m != nil {
				b.WriteString(readBack(m[1]))
				i += len(m[0])
				continue
			}
			b.WriteByte('[')
			i++
		default:
			j := i + 1
			for j < len(s) && s[j] != '\\' && s[j] != '`' && s[j] != '[' {
				j++
			}
			plain(s[i:j])
			i = j
		}
	}
	return strings.TrimSpace(b.String())
}

// TestEscapeFunctions pins the escaping of single tricky inputs.
func TestEscapeFunctions(t *testing.T) {
	for in, want := range map[string]string{
		"snake_case_name":   "snake_case_name",
		"_lead and trail_":  `\_lead and trail\_`,
		"a|b":               `a\|b`,
		"<b>&amp;":          "&lt;b&gt;&amp;amp;",
		"# x":               `\# x`,
		"- x":               `\- x`,
		"1. x":              `1\. x`,
		"===":               "&#61;==",
		"{{x}}":             `\{\{x\}\}`,
		"a\nb":              "a b",
		"~~s~~":             "&#126;&#126;s&#126;&#126;",
		"see https://x.io.": "see [https://x.io](https://x.io).",
		"!https://x.io":     `\![https://x.io](https://x.io)`,
		"a@b.io_":           `[a@b.io](mailto:a@b.io)\_`,
	} {
		if got := mdInline(in); got != want {
			t.Errorf("mdInline(%q) = %q, want %q", in, got, want)
		}
		if got := readBack(mdInline(in)); got != strings.Join(strings.Fields(in), " ") {
			t.Errorf("mdInline(%q) reads back as %q", in, got)
		}
	}
	for in, want := range map[string]string{
		"x":     "`x`",
		"a`b":   "``a`b``",
		"`a":    "`` `a ``",
		"a|b":   "`a`\\|`b`",
		"":      "(empty)",
		" a ":   " `a` ",
		"a | b": "`a` \\| `b`",
		"a\nb":  "`a b`",
		"||":    `\|\|`,
		"a||b`": "`a`\\|\\|`` b` ``",
	} {
		if got := codeSpan(in); got != want {
			t.Errorf("codeSpan(%q) = %q, want %q", in, got, want)
		}
	}
	if got := fence("a ```` b"); got != "`````" {
		t.Errorf("fence = %q", got)
	}
	if got := mdPara("one two three four", 9); got != "one two\nthree\nfour" {
		t.Errorf("mdPara wraps as %q", got)
	}
	if got := mdPara("aaa - b", 4); got != "aaa\n\\- b" {
		t.Errorf("mdPara must escape a wrapped line that would start a list, got %q", got)
	}
	if got := yamlString("a \"b\"\n\\"); got != `"a \"b\"\n\\"` {
		t.Errorf("yamlString = %s", got)
	}
}

func TestCapitalAndSentence(t *testing.T) {
	for in, want := range map[string]string{"at least 1 item": "At least 1 item", "élan": "Élan", "": "", "`x` first": "`x` first"} {
		if got := capital(in); got != want {
			t.Errorf("capital(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Ends here": "Ends here.", "Done.": "Done.", "Why?": "Why?", "Note: ": "Note:", "a (b)": "a (b).", "": ""} {
		if got := sentence(in); got != want {
			t.Errorf("sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
