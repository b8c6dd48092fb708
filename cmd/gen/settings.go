package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/contractgen/contractgen/internal/config"
	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/names"
)

const configName = config.FileName

// settings is what a command runs with: the config (found, named or the
// defaults) with the command line's flags applied over it.
type settings struct {
	cfg    *config.Config
	format string
	check  bool
}

// flagSet holds the flags shared by the commands that read a spec.
type flagSet struct {
	*flag.FlagSet
	configPath, spec, format                  string
	goOut, pkg, schemaOut, docsOut, templates string
	schemaURL                                 string
	frontMatter, mkdocs, check, bundle        bool
	// formats are the values -format takes.
	formats []string
}

// newFlags makes the flag set of a command; outputs adds the flags that
// choose output folders and options.
func newFlags(name, synopsis string, stderr io.Writer, outputs bool) *flagSet {
	f := &flagSet{FlagSet: flag.NewFlagSet("gen "+name, flag.ContinueOnError), formats: diag.Formats}
	f.SetOutput(stderr)
	f.StringVar(&f.configPath, "config", "", "config file to read (default: "+configName+" in the working folder or a parent)")
	f.StringVar(&f.spec, "spec", "", "contract spec to read (default: the config's spec, else spec/contract.yaml)")
	f.StringVar(&f.format, "format", "text", "how to print diagnostics: text, json or github (GitHub Actions annotations)")
	if outputs {
		f.StringVar(&f.goOut, "go-out", "", "folder for the generated Go package (empty: skip)")
		f.StringVar(&f.pkg, "package", "", "Go package name (default: the spec's contract.package)")
		f.StringVar(&f.schemaOut, "schema-out", "", "folder for JSON Schemas (empty: skip)")
		f.BoolVar(&f.bundle, "schema-bundle", false, "write every JSON Schema self-contained, without the shared defs.schema.json (for tools without a $ref resolver)")
		f.StringVar(&f.docsOut, "docs-out", "", "folder for Markdown docs (empty: skip)")
		f.StringVar(&f.templates, "templates", "", "folder of doc templates overriding the embedded ones")
		f.BoolVar(&f.frontMatter, "docs-front-matter", false, "add YAML front matter (title, order) to doc pages")
		f.StringVar(&f.schemaURL, "docs-schema-url", "", "link pages to the schemas hosted at this URL (a folder URL; each file name is appended) instead of by relative paths")
		f.BoolVar(&f.mkdocs, "mkdocs", false, "also write .mkdocs/mkdocs.yml (navigation) into the docs folder; build with: mkdocs build --strict -f DOCS/.mkdocs/mkdocs.yml")
		if name == "generate" {
			f.BoolVar(&f.check, "check", false, "same as 'gen check'")
		}
	}
	f.Usage = func() {
		fmt.Fprintf(f.Output(), "Usage: gen %s\n\n", synopsis)
		f.PrintDefaults()
		fmt.Fprintf(f.Output(), "\nExit codes: 0 ok, 1 spec or config errors, drift, lint errors or breaking changes, 2 usage.\n")
	}
	return f
}

// parse reads args; it returns a code >= 0 when the command should stop.
func (f *flagSet) parse(args []string, maxArgs int) int {
	if err := f.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if f.NArg() > maxArgs {
		fmt.Fprintf(f.Output(), "%s: unexpected argument %q (see -h)\n", f.Name(), f.Arg(maxArgs))
		return exitUsage
	}
	if !contains(f.formats, f.format) {
		fmt.Fprintf(f.Output(), "%s: -format must be one of %s; got %q\n", f.Name(), strings.Join(f.formats, ", "), f.format)
		return exitUsage
	}
	if why := names.ValidPackage(f.pkg); f.pkg != "" && why != "" {
		fmt.Fprintf(f.Output(), "%s: -package %q %s; expected a lower-case Go identifier such as \"contract\"\n", f.Name(), f.pkg, why)
		return exitUsage
	}
	if f.schemaURL != "" {
		if err := config.CheckURL(f.schemaURL); err != nil {
			fmt.Fprintf(f.Output(), "%s: -docs-schema-url %v\n", f.Name(), err)
			return exitUsage
		}
	}
	return -1
}

// settings loads the config and applies the flags that were given. With
// a config, a target it does not list is generated only when its flag
// names a folder; without one, the defaults of config.Defaults apply.
func (f *flagSet) settings(stdout, stderr io.Writer) (*settings, int) {
	cfg, err := f.loadConfig()
	if err != nil {
		report(diagOut(f.format, stdout, stderr), f.format, f.configPath, err)
		return nil, exitFail
	}
	set := map[string]bool{}
	f.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	if set["spec"] {
		cfg.Spec = f.spec
	}
	if set["go-out"] || set["package"] {
		if cfg.Go == nil {
			cfg.Go = &config.GoTarget{}
		}
		if set["go-out"] {
			cfg.Go.Out = f.goOut
		}
		if set["package"] {
			cfg.Go.Package = f.pkg
		}
	}
	if set["schema-out"] || set["schema-bundle"] {
		if cfg.Schema == nil {
			cfg.Schema = &config.SchemaTarget{}
		}
		if set["schema-out"] {
			cfg.Schema.Out = f.schemaOut
		}
		if set["schema-bundle"] {
			cfg.Schema.Bundle = f.bundle
		}
	}
	if set["docs-out"] || set["templates"] || set["docs-front-matter"] || set["mkdocs"] || set["docs-schema-url"] {
		if cfg.Docs == nil {
			cfg.Docs = &config.DocsTarget{}
		}
		if set["docs-out"] {
			cfg.Docs.Out = f.docsOut
		}
		if set["templates"] {
			cfg.Docs.Templates = f.templates
		}
		if set["docs-front-matter"] {
			cfg.Docs.FrontMatter = f.frontMatter
		}
		if set["mkdocs"] {
			cfg.Docs.MkDocs = f.mkdocs
		}
		if set["docs-schema-url"] {
			cfg.Docs.SchemaURL = f.schemaURL
		}
	}
	return &settings{cfg: cfg, format: f.format, check: f.check}, -1
}

// loadConfig reads the config named by -config, else the one found from
// the working folder, else returns the defaults.
func (f *flagSet) loadConfig() (*config.Config, error) {
	path := f.configPath
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		if path, err = config.Find(wd); err != nil {
			return nil, err
		}
		if path == "" {
			return config.Defaults(), nil
		}
		path = config.Short(path)
		f.configPath = path
	}
	return config.Load(path)
}

// outDir returns a target's folder, or "" when it is not generated.
func (s *settings) goOut() string {
	if s.cfg.Go == nil {
		return ""
	}
	return s.cfg.Go.Out
}

func (s *settings) schemaOut() string {
	if s.cfg.Schema == nil {
		return ""
	}
	return s.cfg.Schema.Out
}

func (s *settings) docs() config.DocsTarget {
	if s.cfg.Docs == nil {
		return config.DocsTarget{}
	}
	return *s.cfg.Docs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func closest(name string, candidates []string) string { return names.Closest(name, candidates) }

// diagOut is where errors go: stderr for people, stdout when a format for
// tools is asked for, so that one stream holds every diagnostic.
func diagOut(format string, stdout, stderr io.Writer) io.Writer {
	if format == "text" {
		return stderr
	}
	return stdout
}
