package output

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
)

// Recover repairs what interrupted runs left in dirs, and must run with the
// folders locked. A run interrupted before it committed is rolled back: every
// backup goes back to its place and every file the run created is removed,
// so the tree is exactly what it was before that run. A run interrupted after
// it committed is finished: its backups are deleted. Temp files of crashed
// runs that no journal lists are removed last. It returns one line per
// repaired run.
func Recover(fsys FS, dirs []string) ([]string, error) {
	var notes []string
	done := map[string]bool{}
	for _, dir := range dirs {
		j, err := readJournal(fsys, dir)
		if err != nil {
			return nil, err
		}
		if j == nil || done[j.Run] {
			continue
		}
		if err := checkJournal(j, filepath.Join(dir, JournalName), dirs); err != nil {
			return nil, err
		}
		done[j.Run] = true
		committed, err := anyCommitted(fsys, j)
		if err != nil {
			return nil, err
		}
		if committed {
			err = rollForward(fsys, j)
		} else {
			err = rollBack(fsys, j)
		}
		if err != nil {
			return nil, fmt.Errorf("repairing the run interrupted in %s (pid %d): %w", dir, j.PID, err)
		}
		removeJournal(fsys, j.Roots)
		verb := "rolled back to the tree before it"
		if committed {
			verb = "finished"
		}
		notes = append(notes, fmt.Sprintf("repaired an interrupted run (pid %d): %s", j.PID, verb))
	}
	left, err := temps(fsys, dirs)
	if err != nil {
		return nil, err
	}
	for _, t := range left {
		if err := fsys.Remove(t); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("removing %s, a temp file of an interrupted run: %w", t, err)
		}
	}
	if len(left) > 0 {
		notes = append(notes, fmt.Sprintf("removed %d temp file(s) of interrupted runs", len(left)))
	}
	return notes, nil
}

// anyCommitted reports whether any copy of the run's journal reached the
// committed phase: copies are rewritten one root after another, and the
// first rewrite already means every replacement succeeded.
func anyCommitted(fsys FS, j *journal) (bool, error) {
	if j.Phase == phaseCommitted {
		return true, nil
	}
	for _, root := range j.Roots {
		c, err := readJournal(fsys, root)
		if err != nil {
			return false, err
		}
		if c != nil && c.Run == j.Run && c.Phase == phaseCommitted {
			return true, nil
		}
	}
	return false, nil
}

// rollBack restores the tree from before the run, last change first.
func rollBack(fsys FS, j *journal) error {
	for i := len(j.Entries) - 1; i >= 0; i-- {
		e := j.Entries[i]
		switch {
		case e.Backup != "" && exists(fsys, e.Backup):
			// The old file was moved aside: put it back over whatever is
			// there, which the run wrote.
			if err := replaceable(fsys, e.Target); err != nil {
				return err
			}
			if err := fsys.Rename(e.Backup, e.Target); err != nil {
				return err
			}
		case !e.Existed && e.Tmp != "" && !exists(fsys, e.Tmp) && exists(fsys, e.Target):
			// A new file was moved into place: the tree before had none.
			if err := replaceable(fsys, e.Target); err != nil {
				return err
			}
			if err := fsys.Remove(e.Target); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		if e.Tmp != "" && exists(fsys, e.Tmp) {
			if err := fsys.Remove(e.Tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// rollForward finishes a committed run: only its backups remain to delete.
func rollForward(fsys FS, j *journal) error {
	for _, e := range j.Entries {
		for _, p := range []string{e.Backup, e.Tmp} {
			if p == "" || !exists(fsys, p) {
				continue
			}
			if err := fsys.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// replaceable refuses to let recovery remove or replace a file the run
// cannot have written: every file the writer puts in place, or replaces,
// carries gen's own marker (Write refuses any other).
func replaceable(fsys FS, path string) error {
	data, err := fsys.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !IsOwn(data) {
		return fmt.Errorf("%s does not carry gen's marker, so no run of gen put it there; it is left as it is (delete the journal to go on)", path)
	}
	return nil
}

func exists(fsys FS, path string) bool {
	_, err := fsys.Stat(path)
	return err == nil
}

// ensureRoots creates the output roots that do not exist yet and returns
// them, so a failed run can remove them again.
func ensureRoots(fsys FS, dirs []string) ([]string, error) {
	var created []string
	for _, d := range dirs {
		if exists(fsys, d) {
			continue
		}
		created = append(created, missingParents(fsys, d)...)
		if err := fsys.MkdirAll(d, 0o755); err != nil {
			return created, fmt.Errorf("creating %s: %w", d, err)
		}
	}
	return created, nil
}

// missingParents lists d and its missing parents, deepest first.
func missingParents(fsys FS, d string) []string {
	var out []string
	for dir := filepath.Clean(d); dir != "." && dir != string(filepath.Separator) && !exists(fsys, dir); dir = filepath.Dir(dir) {
		out = append(out, dir)
	}
	return out
}
