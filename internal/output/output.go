package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// File is one generated file; Path is the full path on disk.
type File struct {
	Path string
	Data []byte
}

// Plan is a complete generated tree: the folders generation owns and the
// files that belong in them.
type Plan struct {
	Dirs  []string
	Files []File
}

// marker finds the generated-file header near the top of a file, in any of
// the comment syntaxes the emitters use.
var marker = regexp.MustCompile(`(?m)Code generated .* DO NOT EDIT\.`)

// IsGenerated reports whether data carries the generated-file marker within
// its first 4 KiB.
func IsGenerated(data []byte) bool {
	if len(data) > 4096 {
		data = data[:4096]
	}
	return marker.Match(data)
}

// Change is one difference between a plan and the disk.
type Change struct {
	Path string
	Kind string // "stale", "missing" or "orphaned"
	Old  []byte
	New  []byte
}

// Diff compares the plan with the disk. It never writes.
func Diff(fsys FS, p Plan) ([]Change, error) {
	var out []Change
	want := map[string]bool{}
	for _, f := range p.Files {
		want[filepath.Clean(f.Path)] = true
		old, err := fsys.ReadFile(f.Path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			out = append(out, Change{Path: f.Path, Kind: "missing", New: f.Data})
		case err != nil:
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		case !bytes.Equal(old, f.Data):
			out = append(out, Change{Path: f.Path, Kind: "stale", Old: old, New: f.Data})
		}
	}
	orphans, err := orphans(fsys, p, want)
	if err != nil {
		return nil, err
	}
	for _, o := range orphans {
		old, _ := fsys.ReadFile(o)
		out = append(out, Change{Path: o, Kind: "orphaned", Old: old})
	}
	return out, nil
}

// orphans lists generated files in the plan's folders that the plan no longer
// produces. Files without the marker are not the generator's and are left.
func orphans(fsys FS, p Plan, want map[string]bool) ([]string, error) {
	var out []string
	for _, dir := range p.Dirs {
		err := fsys.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || want[filepath.Clean(path)] || strings.Contains(filepath.Base(path), ".tmp-") {
				return nil
			}
			data, err := fsys.ReadFile(path)
			if err != nil {
				return err
			}
			if IsGenerated(data) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	sort.Strings(out)
	// Nested plan folders walk the same file twice; list it once.
	return slices.Compact(out), nil
}
