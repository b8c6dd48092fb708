package output

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// Write makes the disk match the plan; call it with the plan's folders
// locked (see Lock). It first repairs what interrupted runs left (Recover),
// refuses to touch a file that lacks the generated marker, and writes only
// files whose bytes change. The tree changes in three steps, recorded in a
// journal in every output root so that a run killed at any moment is undone
// or finished by the next: every new file is staged under a name unique to
// this run; then each changed file and each orphan is moved to a backup and
// each new file into place; then the journal is marked committed and the
// backups deleted. A failure before the commit restores every backup, so
// the tree is exactly the old one. It returns the changes made.
func Write(fsys FS, p Plan) ([]Change, error) {
	if _, err := Recover(fsys, p.Dirs); err != nil {
		return nil, err
	}
	changes, err := Diff(fsys, p)
	if err != nil {
		return nil, err
	}
	for _, c := range changes {
		if c.Kind == "stale" && !IsOwn(c.Old) {
			if IsGenerated(c.Old) {
				return nil, fmt.Errorf("%s exists and was written by another generator (its \"Code generated ... DO NOT EDIT.\" header is not %q); give the two tools separate output folders", c.Path, Marker)
			}
			return nil, fmt.Errorf("%s exists and was not written by this generator (no \"Code generated ... DO NOT EDIT.\" header); move it away or delete it, then generate again", c.Path)
		}
	}
	if len(changes) == 0 {
		return nil, nil
	}
	created := missingDirs(fsys, changes)
	roots, err := ensureRoots(fsys, p.Dirs)
	created = append(created, roots...)
	if err != nil {
		removeDirs(fsys, created)
		return nil, err
	}
	if err := commit(fsys, p.Dirs, changes); err != nil {
		removeDirs(fsys, created)
		return nil, err
	}
	return changes, nil
}

// commit journals, stages and swaps the changes; on failure the tree is as
// it was and no journal or temp file of this run is left.
func commit(fsys FS, roots []string, changes []Change) error {
	j := &journal{Version: 1, Run: newRunID(), PID: pid, Phase: phaseStaging}
	entries := entriesFor(changes, j.Run)
	if err := j.save(fsys, roots, entries); err != nil {
		removeJournal(fsys, roots)
		return err
	}
	undo := func() {
		_ = rollBack(fsys, &journal{Entries: entries})
		removeJournal(fsys, roots)
	}
	if err := stage(fsys, changes, entries); err != nil {
		undo()
		return err
	}
	if err := swap(fsys, entries); err != nil {
		undo()
		return fmt.Errorf("%w (previous files restored)", err)
	}
	j.Phase = phaseCommitted
	if err := j.save(fsys, roots, entries); err != nil {
		undo()
		return fmt.Errorf("%w (previous files restored)", err)
	}
	// Committed: the new tree is in place. Deleting the backups and the
	// journal can only fail to tidy up, which the next run finishes. Every
	// staged file was renamed into place, so only backups are left.
	_ = rollForward(fsys, &journal{Entries: backups(entries)})
	removeJournal(fsys, roots)
	return nil
}

// backups is the entries that moved an old file aside, without their
// staged files, which are in place: what a committed run has left to
// delete.
func backups(entries []journalEntry) []journalEntry {
	var out []journalEntry
	for _, e := range entries {
		if e.Backup != "" {
			e.Tmp = ""
			out = append(out, e)
		}
	}
	return out
}

// entriesFor names this run's staging and backup files for each change.
func entriesFor(changes []Change, run string) []journalEntry {
	out := make([]journalEntry, len(changes))
	for i, c := range changes {
		e := journalEntry{Target: c.Path, Existed: c.Kind != "missing"}
		if c.Kind != "orphaned" {
			e.Tmp = tempName(c.Path, run, "new")
		}
		if e.Existed {
			e.Backup = tempName(c.Path, run, "old")
		}
		out[i] = e
	}
	return out
}

// stage writes every new or changed file to its staging name in its own
// folder, so the final rename is atomic.
func stage(fsys FS, changes []Change, entries []journalEntry) error {
	if _, ok := fsys.(OS); ok {
		return stageAtOnce(changes, entries)
	}
	for i, c := range changes {
		e := entries[i]
		if e.Tmp == "" {
			continue
		}
		dir := filepath.Dir(e.Target)
		if err := fsys.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", dir, err)
		}
		if err := fsys.WriteFile(e.Tmp, c.New, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", c.Path, err)
		}
	}
	return nil
}

// stageWorkers is how many files stageAtOnce writes, and Diff reads, at
// a time. Creating a file costs the kernel far more than writing a
// generated file's bytes (on some disks most of a large run), and
// creations overlap.
const stageWorkers = 4

// atOnce calls fn for 0 to n-1, stageWorkers calls at a time, and returns
// when every call has.
func atOnce(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(stageWorkers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// stageAtOnce is stage on the real file system: the folders first, in
// order, then the files by stageWorkers at a time. On failure it reports
// the first failed file in order, once every write has ended; the staged
// files are then rolled back like any others.
func stageAtOnce(changes []Change, entries []journalEntry) error {
	made := map[string]bool{}
	for _, e := range entries {
		if dir := filepath.Dir(e.Target); e.Tmp != "" && !made[dir] {
			made[dir] = true
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("creating %s: %w", dir, err)
			}
		}
	}
	errs := make([]error, len(changes))
	atOnce(len(changes), func(i int) {
		if entries[i].Tmp == "" {
			return
		}
		if err := os.WriteFile(entries[i].Tmp, changes[i].New, 0o644); err != nil {
			errs[i] = fmt.Errorf("writing %s: %w", changes[i].Path, err)
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// swap moves every old file (changed or orphaned) to its backup and every
// staged file into place.
func swap(fsys FS, entries []journalEntry) error {
	for _, e := range entries {
		if e.Existed {
			if err := fsys.Rename(e.Target, e.Backup); err != nil {
				if e.Tmp == "" {
					return fmt.Errorf("removing %s, which the spec no longer produces: %w", e.Target, err)
				}
				return fmt.Errorf("replacing %s: %w", e.Target, err)
			}
		}
		if e.Tmp != "" {
			if err := fsys.Rename(e.Tmp, e.Target); err != nil {
				return fmt.Errorf("replacing %s: %w", e.Target, err)
			}
		}
	}
	return nil
}

// missingDirs lists the folders that writing the changes will create, so a
// failed run can remove them again and leave the tree as it found it.
func missingDirs(fsys FS, changes []Change) []string {
	seen := map[string]bool{}
	looked := map[string]bool{} // folders of changes already looked at
	var out []string
	for _, c := range changes {
		if c.Kind == "orphaned" || looked[filepath.Dir(c.Path)] {
			continue
		}
		looked[filepath.Dir(c.Path)] = true
		for _, dir := range missingParents(fsys, filepath.Dir(c.Path)) {
			if !seen[dir] {
				seen[dir] = true
				out = append(out, dir)
			}
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
