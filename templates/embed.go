// Package templates holds the text/templates of the Markdown docs emitter
// (internal/emit/docs). Only the *.tmpl files are embedded; README.md, which
// documents the data each template receives, is not a template.
package templates

import "embed"

// FS holds every *.tmpl file of this folder, by file name.
//
//go:embed *.tmpl
var FS embed.FS
