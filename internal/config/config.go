// Package config reads contractgen.yaml, the file that names a contract
// repository's spec and the folders and options of each output, so that
// generate, check, lint and breaking all read the same settings instead of
// flags repeated on every command line.
package config

import (
	"os"
	"path/filepath"
	"strings"
)

// FileName is the name looked for when no -config is given.
const FileName = "contractgen.yaml"

// Version is the only config version this release reads.
const Version = 1

// Config is a loaded contractgen.yaml with every path made relative to the
// working directory the tool runs in (or absolute).
type Config struct {
	// File is the config's path; empty for the built-in defaults.
	File string
	// Spec is the contract spec to read.
	Spec string
	// Go, Schema and Docs are the output targets; nil means not generated.
	Go     *GoTarget
	Schema *SchemaTarget
	Docs   *DocsTarget
	// Lint holds the severity chosen for each lint rule ID ("off" silences).
	Lint map[string]Setting
	// Breaking lists the breaking-change rule IDs that are not reported.
	BreakingIgnore []Setting
}

// Setting is a config value with the position it was written at, so that
// later stages can report a bad rule ID where the user wrote it.
type Setting struct {
	Value string
	Line  int
	Col   int
}

// GoTarget is the Go package output.
type GoTarget struct {
	Out     string
	Package string
}

// SchemaTarget is the JSON Schema output.
type SchemaTarget struct {
	Out string
	// Bundle writes every schema self-contained instead of sharing
	// definitions through defs.schema.json.
	Bundle bool
}

// DocsTarget is the Markdown docs output.
type DocsTarget struct {
	Out         string
	Templates   string
	FrontMatter bool
	MkDocs      bool
	// SchemaURL, when set, is where the schemas are hosted: pages link
	// each schema there instead of by a relative path.
	SchemaURL string
}

// Defaults is the configuration used when no contractgen.yaml exists: the
// layout of the generator's own repository.
func Defaults() *Config {
	return &Config{
		Spec:   "spec/contract.yaml",
		Go:     &GoTarget{Out: "generated/go"},
		Schema: &SchemaTarget{Out: "generated/jsonschema"},
		Docs:   &DocsTarget{Out: "generated/docs"},
	}
}

// Short returns p relative to the working folder when it lies below it,
// so that diagnostics name a found config the way a user would.
func Short(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	return rel("", p)
}

// rel turns a path written in the config (relative to the config's folder)
// into one usable from the working directory: relative when it is below
// it, so that diagnostics stay short and CI annotations resolve, else as
// joined.
func rel(configDir, p string) string {
	if p == "" || (filepath.IsAbs(p) && configDir != "") {
		return p
	}
	joined := filepath.Join(configDir, filepath.FromSlash(p))
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, joined); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return r
		}
	}
	return joined
}
