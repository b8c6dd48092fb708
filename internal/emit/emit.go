// Package emit defines what every output target implements, so the pipeline
// can generate all targets in memory before anything is written.
package emit

import (
	"github.com/contractgen/contractgen/internal/model"
	"github.com/contractgen/contractgen/internal/output"
)

// Options are the user's choices that emitters may need.
type Options struct {
	// Package is the Go package name of the generated code.
	Package string
	// Templates is a folder whose templates replace the embedded ones.
	Templates string
	// FrontMatter adds YAML front matter to Markdown pages.
	FrontMatter bool
	// MkDocs also writes an mkdocs.yml beside the docs.
	MkDocs bool
	// SchemaBundle writes every JSON Schema self-contained, for tools
	// without a $ref resolver; otherwise shared definitions go to one file.
	SchemaBundle bool
	// SchemaURL, when set, is the folder URL where the schemas are hosted;
	// docs link each schema there instead of by a relative path.
	SchemaURL string
	// SchemaDir and DocsDir let emitters link to each other's output.
	SchemaDir string
	DocsDir   string
}

// Emitter turns the model into files. Paths in the result are relative to
// the emitter's output folder and use forward slashes.
type Emitter interface {
	Name() string
	Generate(c *model.Contract, opts Options) (map[string][]byte, error)
}

// Folders is implemented by an emitter that writes into subfolders of its
// output folder: every subfolder it may write under any options (forward
// slashes). The writer looks for orphans only in the folders a plan owns
// (output.Plan), so a file written under an option since turned off is
// still removed.
type Folders interface {
	Folders() []string
}

// Header is the marker every generated file carries, in the comment syntax
// of its format, so that tools and the writer recognise generated files.
const Header = output.Marker
