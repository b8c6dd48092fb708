package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/contractgen/contractgen/internal/diag"
	"github.com/contractgen/contractgen/internal/input"
	"gopkg.in/yaml.v3"
)

// MaxSize is the largest spec accepted. A contract of thousands of fields
// stays far below it; anything larger is refused before parsing so that a
// runaway file costs neither time nor memory.
const MaxSize = 8 << 20

// File reads and decodes the spec at path. The error, when not nil, is a
// diag.ListError holding every problem found.
func File(path string) (*Spec, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Bytes(path, data)
}

// ReadFile reads the spec file at path once, within MaxSize, for callers
// that need its text as well as the spec (lint, breaking): reading it twice
// would block on a pipe. The error is a diag.ListError.
func ReadFile(path string) ([]byte, error) {
	data, err := input.Read(path, MaxSize)
	switch {
	case err == nil:
		return data, nil
	case errors.Is(err, input.ErrIsDir):
		return nil, single(path, "is a directory, expected a YAML spec file")
	case errors.Is(err, input.ErrTooLarge):
		return nil, tooLarge(path) // a regular file is refused without reading it
	}
	if pe := (*os.PathError)(nil); errors.As(err, &pe) && pe.Op == "open" {
		return nil, single(path, describeOpenErr(err)) // names a missing or unreadable file
	}
	return nil, single(path, "cannot read spec: "+err.Error())
}

func tooLarge(path string) error {
	return single(path, fmt.Sprintf("spec is larger than %d MiB; split it or trim it", MaxSize>>20))
}

func describeOpenErr(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "spec file does not exist"
	case errors.Is(err, os.ErrPermission):
		return "spec file cannot be read: permission denied"
	}
	return "cannot open spec: " + err.Error()
}

func single(path, msg string) error {
	return diag.ListError{{File: path, Msg: msg}}
}

// Bytes decodes a spec already in memory; name is used in error positions.
func Bytes(name string, data []byte) (*Spec, error) {
	if len(data) > MaxSize {
		return nil, tooLarge(name)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, single(name, "spec file is empty; expected a YAML mapping with contract, envelopes and operations")
	}
	if err := diag.CheckUTF8(name, data); err != nil {
		return nil, err
	}
	doc, err := parse(name, data)
	if err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, single(name, "spec file is empty; expected a YAML mapping")
	}
	errs := &diag.List{File: name}
	own := survey(doc.Content[0], errs)
	r := &reader{errs: errs, budget: budget(own)}
	s := &Spec{File: name}
	r.spec(doc.Content[0], s)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// parse parses the one YAML document data holds: in pieces on several
// cores when parseSplit can, else whole.
func parse(name string, data []byte) (*yaml.Node, error) {
	if doc, ok := parseSplit(data); ok {
		return doc, nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			// Only comments or directives: there is no document at all.
			return nil, single(name, "spec file is empty; expected a YAML mapping with contract, envelopes and operations")
		}
		return nil, syntaxError(name, data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, diag.ListError{{File: name, Pos: pos(&extra), Msg: "spec holds more than one YAML document; expected exactly one"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(name, data, err)
	}
	return &doc, nil
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblem matches the problems yaml.v3's parser (not its scanner)
// reports: it gives their line counted from 0, the scanner's from 1.
var parserProblem = regexp.MustCompile(`^(did not find expected|found duplicate %|found incompatible YAML|found undefined tag handle)`)

// syntaxError turns a yaml.v3 parse error into positioned errors. A
// parser problem's line is moved to the one it means (the construct being
// read, or where it stopped), but not past the file's last line.
func syntaxError(name string, data []byte, err error) error {
	last := bytes.Count(bytes.TrimRight(data, "\n"), []byte("\n")) + 1
	var out diag.ListError
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msg = strings.Join(te.Errors, "\n")
	}
	for _, line := range strings.Split(msg, "\n") {
		line = strings.TrimSpace(line)
		if m := lineRE.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			if parserProblem.MatchString(m[2]) {
				n = min(n+1, last)
			}
			out = append(out, &diag.Error{File: name, Pos: diag.Pos{Line: n, Col: 1}, Msg: "invalid YAML: " + m[2]})
			continue
		}
		out = append(out, &diag.Error{File: name, Msg: "invalid YAML: " + strings.TrimPrefix(line, "yaml: ")})
	}
	return out
}
