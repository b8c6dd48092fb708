package docs

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// TestLinkLabel: names markdownlint's MD059 calls non-descriptive become
// code, other labels are escaped as md escapes them, and a URL in a label
// stays text instead of becoming a link inside the link.
func TestLinkLabel(t *testing.T) {
	for in, want := range map[string]string{
		"Link":                     "`Link`",
		"LINK_":                    "`LINK_`",
		"more":                     "`more`",
		"Click-Here":               "`Click-Here`",
		"here.":                    "`here.`",
		"Links":                    "Links",
		"Hyperlink":                "Hyperlink",
		"click":                    "click",
		"Foo API https://x.test/a": "Foo API https://x.test/a",
		"ops@example.com":          "ops@example.com",
		"a*b [c]":                  `a\*b \[c\]`,
		"Click\u00a0Here":          "`Click\u00a0Here`",
		"lin\u212a":                "`lin\u212a`",
		"click here please":        "click here please",
	} {
		assert.Equal(t, want, linkLabel(in), in)
	}
	assert.Equal(t, "[https://x.test/a](https://x.test/a)", mdInline("https://x.test/a"), "md links a bare URL; label must not")
}

// TestHeadingEnd: the punctuation that ends a heading becomes a character
// reference, with the backslash that escaped it; other lines are left.
func TestHeadingEnd(t *testing.T) {
	for in, want := range map[string]string{
		"# Yahoo!":       "# Yahoo&#33;",
		"## Seat.":       "## Seat&#46;",
		`### 1\.`:        "### 1&#46;",
		`## a\\.`:        `## a\\&#46;`,
		"# 合同：":          "# 合同&#65306;",
		"## Seat":        "## Seat",
		"## Why?":        "## Why?",
		"#hashtag.":      "#hashtag.",
		"####### seven.": "####### seven.",
		"## refused (x)": "## refused (x)",
	} {
		assert.Equal(t, want, headingEnd(in), in)
	}
}

// TestWrapLine: a long line breaks at spaces within 80 columns, but not
// before a word that would start a list item or a setext underline.
func TestWrapLine(t *testing.T) {
	title := "Payments platform webhook delivery contract for merchant integrations, partners and internal services"
	got := wrapLine("Back to [" + linkLabel(title) + "](index.md).")
	assert.Equal(t, "Back to [Payments platform webhook delivery contract for merchant integrations,\npartners and internal services](index.md).", got)
	for _, l := range strings.Split(got, "\n") {
		assert.LessOrEqual(t, utf8.RuneCountInString(l), 80, l)
	}
	long := strings.Repeat("x", 78)
	assert.Equal(t, long+" y -\nz w", wrapLine(long+" y - z w"), "no line may start with - z")
	assert.Equal(t, long+" y 1.\nz", wrapLine(long+" y 1. z"), "no line may start with 1.")
	assert.Equal(t, long+" y ===", wrapLine(long+" y ==="), "no line may be a setext underline")
	assert.Equal(t, long+" y\nz", wrapLine(long+" y z"))
	assert.Equal(t, "short line", wrapLine("short line"))
}
