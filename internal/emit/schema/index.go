package schema

import (
	"sort"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/contractgen/contractgen/internal/schemafile"
)

// IndexFile is a schema that names every message and type schema of the
// contract as its members, for tools that turn a whole contract into one
// module: json-schema-to-typescript over it writes one TypeScript module in
// which every type is declared once (see README). It is written in the
// shared layout only, where definitions are not copied between files.
const IndexFile = schemafile.Index

// indexFile builds IndexFile from the names of the files written.
func (g *gen) indexFile(name string, files []string) *jsonschema.Schema {
	fb := &file{g: g, defs: jsonschema.Definitions{}}
	props := newProps()
	sorted := append([]string(nil), files...)
	sort.Strings(sorted)
	for _, f := range sorted {
		if f == DefsFile || f == CatalogFile || f == IndexFile {
			continue
		}
		ref, key := f, schemafile.Base(f)
		if r, ok := g.typeRefs[f]; ok {
			// A type: its definition itself, under the definition's
			// name, not the file that names it, so that one declaration
			// stands for it.
			ref, key = r, r[strings.LastIndex(r, "/")+1:]
		}
		props.Set(key, &jsonschema.Schema{Ref: ref})
	}
	// Properties, not $defs: converters declare each target once under its
	// own title, without an alias named after the key.
	root := &jsonschema.Schema{Type: "object", Properties: props}
	return fb.top(name, g.c.Title, "Every message and type schema of "+g.c.Name+", as the members of one object, for tools that convert a whole contract at once. It validates no message itself.", root)
}
