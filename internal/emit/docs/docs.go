// Package docs emits the Markdown reference of a contract: index.md, one
// page per operation under operations/, types.md, states.md and
// forbidden.md, plus .mkdocs/mkdocs.yml on request. Pages are rendered with
// the text/templates embedded from the repository's templates/ folder; a
// folder given in Options.Templates can replace any of them.
//
// The pages are meant for any static site generator: links are relative,
// anchors come from plain headings whose slug every generator derives the
// same way, spec text is escaped for CommonMark, Python-Markdown and MDX,
// and Options.FrontMatter adds YAML front matter with title, description,
// weight (Hugo) and sidebar_position (Docusaurus); MkDocs reads title and
// description and ignores the rest.
package docs

import (
	"regexp"

	"github.com/contractgen/contractgen/internal/emit"
	"github.com/contractgen/contractgen/internal/model"
)

// safeName is what an operation name must look like to name a page file
// as it is, which keeps page addresses the operations' own names. The spec
// language allows more; Generate reports each name it cannot use where the
// spec writes it.
var safeName = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]*$`)

// Emitter writes the Markdown docs.
type Emitter struct{}

// New returns the docs emitter.
func New() *Emitter { return &Emitter{} }

// Name names the target in error messages.
func (*Emitter) Name() string { return "docs" }

// Generate renders every page in memory. A template that fails to parse or
// execute, or an example that breaks the contract, fails the whole run.
func (*Emitter) Generate(c *model.Contract, opts emit.Options) (map[string][]byte, error) {
	set, err := loadTemplates(opts.Templates)
	if err != nil {
		return nil, err
	}
	if err := checkNames(c); err != nil {
		return nil, err
	}
	s := newSite(c, opts)
	// The pages' data is built in order (the site is shared); each page
	// then renders from its own data alone, on a free core as soon as its
	// data is built (emit.Pipe).
	type page struct {
		path string
		out  []byte
		err  error
	}
	var pages []*page
	pipe := emit.NewPipe()
	queue := func(path, tmpl string, data any) {
		pg := &page{path: path}
		pages = append(pages, pg)
		pipe.Go(func() { pg.out, pg.err = set.render(tmpl, data) })
	}
	queue(indexPath, tmplIndex, s.index())
	for _, op := range c.Operations {
		pg, err := s.operation(op)
		if err != nil {
			pipe.Wait()
			return nil, err
		}
		queue(operationPath(op), tmplOperation, pg)
	}
	if len(c.Operations) > 0 {
		queue(envelopesPath, tmplEnvelopes, s.envelopes())
	}
	if len(c.Types) > 0 {
		queue(typesPath, tmplTypes, s.types())
	}
	if len(c.States) > 0 {
		queue(statesPath, tmplStates, s.states())
	}
	if hasForbidden(c) {
		queue(forbiddenPath, tmplForbidden, s.forbiddenPage())
	}
	if opts.MkDocs {
		queue(mkdocsPath, tmplMkDocs, s.mkdocs())
	}
	pipe.Wait()
	files := map[string][]byte{}
	for _, pg := range pages {
		if pg.err != nil {
			return nil, pg.err
		}
		files[pg.path] = pg.out
	}
	if opts.MkDocs {
		files[siteCSSPath] = []byte(siteCSS)
	}
	return files, nil
}
