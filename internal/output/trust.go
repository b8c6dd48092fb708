package output

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// runRE is the form of a run id (newRunID).
var runRE = regexp.MustCompile(`^[0-9a-f]{16}$`)

// checkJournal refuses a journal that asks recovery to touch anything a
// run of this writer could not have written: a journal is a file in the
// output tree, which a checkout can carry, so it is read as untrusted
// input. Every root and target must lie inside dirs, the folders this run
// locked (a run with other output folders cannot repair it, and must not
// touch folders it has not locked); every staged and backup name must be
// the one the run's id gives its target. Recovery then only renames and
// removes files with this writer's temp names, and removes or replaces a
// target only when it carries gen's marker (rollBack).
func checkJournal(j *journal, path string, dirs []string) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s: %s; if no run of gen was interrupted here, delete the journal (and restore the folder from version control) and generate again", path, fmt.Sprintf(format, args...))
	}
	if !runRE.MatchString(j.Run) {
		return bad("run id %q is not one gen writes", j.Run)
	}
	if j.Phase != phaseStaging && j.Phase != phaseCommitted {
		return bad("phase %q is not one gen writes", j.Phase)
	}
	for _, r := range j.Roots {
		if !insideAny(r, dirs) {
			return bad("the interrupted run also wrote %s, which is not an output folder of this run; run gen with that run's output folders to repair it", r)
		}
	}
	for _, e := range j.Entries {
		dir, rel, ok := within(e.Target, dirs)
		if e.Target == "" || !ok || rel == "." {
			return bad("file %q is not in an output folder of this run", e.Target)
		}
		if link := linkOnTheWay(dir, rel); link != "" {
			return bad("file %q is reached through the symbolic link %s", e.Target, link)
		}
		if e.Tmp != "" && e.Tmp != tempName(e.Target, j.Run, "new") ||
			e.Backup != "" && e.Backup != tempName(e.Target, j.Run, "old") {
			return bad("the temp names of %s are not the ones its run gives it", e.Target)
		}
		if e.Backup != "" && !e.Existed {
			return bad("%s has a backup but did not exist", e.Target)
		}
	}
	return nil
}

// insideAny reports whether path is one of dirs or lies below one.
func insideAny(path string, dirs []string) bool {
	_, _, ok := within(path, dirs)
	return ok
}

// within finds the innermost folder of dirs that path is or lies below, as
// an absolute path, and path relative to it.
func within(path string, dirs []string) (dir, rel string, ok bool) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", "", false
	}
	for _, d := range dirs {
		a, err := filepath.Abs(d)
		if err != nil {
			continue
		}
		r, err := filepath.Rel(a, p)
		if err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && len(a) > len(dir) {
			dir, rel, ok = a, r, true
		}
	}
	return dir, rel, ok
}

// linkOnTheWay is the first folder between dir and the file at rel below
// it that is a symbolic link, or "": a journal naming a file through a
// link in the output folder could make repair remove a file elsewhere.
func linkOnTheWay(dir, rel string) string {
	cur := dir
	parts := strings.Split(rel, string(filepath.Separator))
	for _, part := range parts[:len(parts)-1] {
		cur = filepath.Join(cur, part)
		if fi, err := os.Lstat(cur); err == nil && fi.Mode()&os.ModeSymlink != 0 {
			return cur
		}
	}
	return ""
}
