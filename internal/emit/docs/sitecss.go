package docs

import "github.com/contractgen/contractgen/internal/emit"

// siteCSS keeps wide content inside the page on narrow screens: a field
// table scrolls within its own box instead of widening the page, and long
// literals (versions, identifiers) and headings (type names such as
// CustomerOperatingDashboardSummary, one word wider than a phone) may break
// anywhere. Field names break only where they must on wide screens, so the
// first column keeps them whole when there is room. The site check
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
.md-typeset td:first-child > code {
  word-break: normal;
  overflow-wrap: break-word;
}
@media screen and (max-width: 44.9375em) {
  .md-typeset td:first-child > code {
    overflow-wrap: anywhere;
  }
}
.md-typeset h1,
.md-typeset h2,
.md-typeset h3,
.md-typeset h4 {
  overflow-wrap: anywhere;
}
`
