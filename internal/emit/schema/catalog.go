package schema

import (
	"bytes"
	"encoding/json"
	"sort"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/schemafile"
)

// CatalogFile lists every schema of the folder in the format of
// SchemaStore's catalog (schema-catalog.json): name, description and the
// URL it is published at, so that editors and registries find them once
// the folder is hosted at schema_base_uri.
const CatalogFile = schemafile.Catalog

// catalogEntry is one schema of the catalog.
type catalogEntry struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	URL         string `json:"url"`
}

// catalog builds the catalog of the rendered files from their heads,
// sorted by file name.
func (g *gen) catalog(heads map[string]schemaHead) ([]byte, error) {
	names := make([]string, 0, len(heads))
	for n := range heads {
		names = append(names, n)
	}
	sort.Strings(names)
	var entries []catalogEntry
	for _, n := range names {
		head := heads[n]
		url := head.ID
		if url == "" {
			url = n
		}
		entries = append(entries, catalogEntry{Name: g.c.Title + ": " + head.Title, Description: head.Description, URL: url})
	}
	doc := struct {
		Schema  string         `json:"$schema"`
		Comment string         `json:"$comment"`
		Version float64        `json:"version"`
		Schemas []catalogEntry `json:"schemas"`
	}{"https://json.schemastore.org/schema-catalog.json", emit.Header, 1, entries}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
