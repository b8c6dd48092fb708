package output

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
)

// Write makes the disk match the plan. It refuses to touch a file that lacks
// the generated marker, writes only files whose bytes change, stages every
// new file before replacing any, and rolls back if a replacement fails, so a
// failure leaves the previous tree as it was. It returns the changes made.
func Write(fsys FS, p Plan) ([]Change, error) {
	changes, err := Diff(fsys, p)
	if err != nil {
		return nil, err
	}
	for _, c := range changes {
		if c.Kind == "stale" && !IsGenerated(c.Old) {
			return nil, fmt.Errorf("%s exists and was not written by this generator (no \"Code generated ... DO NOT EDIT.\" header); move it away or delete it, then generate again", c.Path)
		}
	}
	created := missingDirs(fsys, changes)
	staged, err := stage(fsys, changes)
	if err != nil {
		removeDirs(fsys, created)
		return nil, err
	}
	if err := swap(fsys, staged); err != nil {
		removeDirs(fsys, created)
		return nil, err
	}
	for _, c := range changes {
		if c.Kind == "orphaned" {
			if err := fsys.Remove(c.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("removing %s, which the spec no longer produces: %w", c.Path, err)
			}
		}
	}
	return changes, nil
}

// stagedFile is a new file written beside its target, waiting to replace it.
type stagedFile struct {
	target, tmp, backup string
	existed             bool
	// backedUp and placed record which renames of this run succeeded, so a
	// rollback never trusts a leftover file that merely has a backup's name.
	backedUp, placed bool
}

// stage writes every new or changed file to a temporary name in its own
// folder; on any failure it removes what it wrote.
func stage(fsys FS, changes []Change) ([]stagedFile, error) {
	var out []stagedFile
	for i, c := range changes {
		if c.Kind == "orphaned" {
			continue
		}
		dir := filepath.Dir(c.Path)
		if err := fsys.MkdirAll(dir, 0o755); err != nil {
			cleanup(fsys, out)
			return nil, fmt.Errorf("creating %s: %w", dir, err)
		}
		base := filepath.Base(c.Path)
		s := stagedFile{target: c.Path, existed: c.Kind == "stale",
			tmp:    filepath.Join(dir, fmt.Sprintf(".%s.tmp-new-%d", base, i)),
			backup: filepath.Join(dir, fmt.Sprintf(".%s.tmp-old-%d", base, i))}
		if err := fsys.WriteFile(s.tmp, c.New, 0o644); err != nil {
			_ = fsys.Remove(s.tmp)
			cleanup(fsys, out)
			return nil, fmt.Errorf("writing %s: %w", c.Path, err)
		}
		out = append(out, s)
	}
	return out, nil
}

func cleanup(fsys FS, staged []stagedFile) {
	for _, s := range staged {
		_ = fsys.Remove(s.tmp)
	}
}

// swap moves every staged file into place, keeping the old file as a backup
// until all moves succeeded; on failure it restores the backups.
func swap(fsys FS, staged []stagedFile) error {
	for i := range staged {
		s := &staged[i]
		err := func() error {
			if s.existed {
				if err := fsys.Rename(s.target, s.backup); err != nil {
					return err
				}
				s.backedUp = true
			}
			if err := fsys.Rename(s.tmp, s.target); err != nil {
				return err
			}
			s.placed = true
			return nil
		}()
		if err != nil {
			rollback(fsys, staged[:i+1])
			cleanup(fsys, staged)
			return fmt.Errorf("replacing %s: %w (previous files restored)", s.target, err)
		}
	}
	for _, s := range staged {
		if s.existed {
			_ = fsys.Remove(s.backup)
		}
	}
	return nil
}

// rollback puts back the old version of every file already swapped.
func rollback(fsys FS, done []stagedFile) {
	for _, s := range done {
		switch {
		case s.backedUp:
			_ = fsys.Rename(s.backup, s.target)
		case s.placed:
			_ = fsys.Remove(s.target)
		}
	}
}

// missingDirs lists the folders that writing the changes will create, so a
// failed run can remove them again and leave the tree as it found it.
func missingDirs(fsys FS, changes []Change) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range changes {
		if c.Kind == "orphaned" {
			continue
		}
		for dir := filepath.Dir(c.Path); dir != "." && dir != string(filepath.Separator) && !seen[dir]; dir = filepath.Dir(dir) {
			if _, err := fsys.Stat(dir); err == nil {
				break
			}
			seen[dir] = true
			out = append(out, dir)
		}
	}
	return out
}

// removeDirs removes folders this run created, deepest first; a folder that
// is not empty stays.
func removeDirs(fsys FS, dirs []string) {
	sorted := append([]string(nil), dirs...)
	sort.Slice(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	for _, d := range sorted {
		_ = fsys.Remove(d)
	}
}
