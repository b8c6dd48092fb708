package docs

import "github.com/contractgen/contractgen/internal/emit"

// siteCSS keeps wide content inside the page on narrow screens: a field
// table scrolls within its own box instead of widening the page, and long
// literals (versions, identifiers) may break anywhere. The site check
// (conformance/site-check.mjs) renders pages at 1280 and 390 px and fails
// when a page scrolls sideways.
const siteCSS = "/* " + emit.Header + " */\n" + `.md-typeset__table {
  max-width: 100%;
  overflow-x: auto;
}
.md-typeset code {
  overflow-wrap: anywhere;
}
.md-typeset pre > code {
  overflow-wrap: normal;
}
`
