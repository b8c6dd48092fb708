package docs

import (
	"testing"

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
	} {
		assert.Equal(t, want, linkLabel(in), in)
	}
	assert.Equal(t, "[https://x.test/a](https://x.test/a)", mdInline("https://x.test/a"), "md links a bare URL; label must not")
}
