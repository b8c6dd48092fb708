package output

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
)

// JournalName is the file a run keeps in every output root while it
// changes the tree. It lists every file the run stages, replaces or
// removes, so a run killed at any moment can be undone (or, once all
// replacements are done, finished) by the next one.
const JournalName = ".contractgen-journal.json"

// Journal phases: before phaseCommitted the old tree can be restored from
// the backups; from then on only backups and the journal remain to delete.
const (
	phaseStaging   = "staging"
	phaseCommitted = "committed"
)

// journal is one run's record. Paths are relative to the folder the copy of
// the journal lies in, so a moved checkout still recovers.
type journal struct {
	Version int            `json:"version"`
	Run     string         `json:"run"`
	PID     int            `json:"pid"`
	Phase   string         `json:"phase"`
	Roots   []string       `json:"roots"`
	Entries []journalEntry `json:"entries"`

	copies map[string]*journal // by root, made by save
}

// journalEntry is one file of the run: the target, its staged new content
// (empty for an orphan being removed) and where the old file is kept.
type journalEntry struct {
	Target  string `json:"target"`
	Tmp     string `json:"tmp,omitempty"`
	Backup  string `json:"backup,omitempty"`
	Existed bool   `json:"existed"`
}

// tempRE matches the staging and backup files of any run, and the staging
// copies of journals: .<name>.cg-<run>.new and .<name>.cg-<run>.old.
var tempRE = regexp.MustCompile(`^\..+\.cg-[0-9a-f]{16}\.(new|old)$`)

// isTemp reports whether a file name is one of the writer's temp files.
func isTemp(name string) bool { return tempRE.MatchString(name) }

// newRunID returns a random id that makes this run's temp names unique.
func newRunID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// tempName is the name of a run's staged (kind "new") or backup ("old") file.
func tempName(path, run, kind string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".cg-"+run+"."+kind)
}

// save writes the journal into every root, each copy atomically (staged,
// then renamed), with paths relative to that root. The relative copies are
// made on the first save and kept for the next, which changes only the
// phase: a large run journals thousands of entries into every root.
func (j *journal) save(fsys FS, roots []string, entries []journalEntry) error {
	if j.copies == nil {
		j.copies = make(map[string]*journal, len(roots))
	}
	for _, root := range roots {
		c := j.copies[root]
		if c == nil {
			c = j.relativeTo(root, roots, entries)
			j.copies[root] = c
		}
		c.Phase = j.Phase
		data, err := json.Marshal(c)
		if err != nil {
			return err
		}
		path := filepath.Join(root, JournalName)
		tmp := tempName(path, j.Run, "new")
		if err := fsys.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
			_ = fsys.Remove(tmp)
			return fmt.Errorf("writing the journal %s: %w", path, err)
		}
		if err := fsys.Rename(tmp, path); err != nil {
			_ = fsys.Remove(tmp)
			return fmt.Errorf("writing the journal %s: %w", path, err)
		}
	}
	return nil
}

// relativeTo is the copy of the journal kept in root: its roots and
// entries relative to that folder.
func (j *journal) relativeTo(root string, roots []string, entries []journalEntry) *journal {
	c := &journal{Version: j.Version, Run: j.Run, PID: j.PID, Phase: j.Phase,
		Roots: make([]string, 0, len(roots)), Entries: make([]journalEntry, 0, len(entries))}
	for _, r := range roots {
		c.Roots = append(c.Roots, rel(root, r))
	}
	for _, e := range entries {
		c.Entries = append(c.Entries, journalEntry{Target: rel(root, e.Target), Tmp: relOpt(root, e.Tmp),
			Backup: relOpt(root, e.Backup), Existed: e.Existed})
	}
	return c
}

func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil {
		return filepath.ToSlash(r)
	}
	abs, _ := filepath.Abs(path)
	return filepath.ToSlash(abs)
}

func relOpt(root, path string) string {
	if path == "" {
		return ""
	}
	return rel(root, path)
}

// abs resolves a journal path against the folder of the journal copy.
func abs(root, p string) string {
	if p == "" {
		return ""
	}
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(root, p)
}

// removeJournal deletes every copy of this run's journal.
func removeJournal(fsys FS, roots []string) {
	for _, root := range roots {
		_ = fsys.Remove(filepath.Join(root, JournalName))
	}
}

// readJournal reads the journal copy in root, resolving its paths; it
// returns nil when there is none.
func readJournal(fsys FS, root string) (*journal, error) {
	path := filepath.Join(root, JournalName)
	data, err := fsys.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil || j.Version != 1 || j.Run == "" {
		return nil, fmt.Errorf("%s is not a journal this version can read; restore the folder from version control, delete the file and generate again", path)
	}
	for i, r := range j.Roots {
		j.Roots[i] = abs(root, r)
	}
	for i := range j.Entries {
		e := &j.Entries[i]
		e.Target, e.Tmp, e.Backup = abs(root, e.Target), abs(root, e.Tmp), abs(root, e.Backup)
	}
	return &j, nil
}

// Interrupted describes what an interrupted run left in the output folders:
// its journals and any temp files. It never changes anything.
func Interrupted(fsys FS, dirs []string) ([]string, error) {
	var out []string
	dirs = oncePerFolder(dirs)
	for _, dir := range dirs {
		j, err := readJournal(fsys, dir)
		if err != nil {
			return nil, err
		}
		if j != nil {
			out = append(out, fmt.Sprintf("%s: a run (pid %d) was interrupted while %s; run gen to finish or undo it",
				filepath.Join(dir, JournalName), j.PID, map[string]string{phaseStaging: "replacing files", phaseCommitted: "cleaning up"}[j.Phase]))
		}
	}
	temps, err := temps(fsys, dirs)
	if err != nil {
		return nil, err
	}
	for _, t := range temps {
		out = append(out, t+": temp file of an interrupted run; run gen to remove it")
	}
	return out, nil
}

// temps lists every temp file under dirs, except under a subfolder that is
// another run's output root (it holds a lock or a journal: a run writing
// there now, or one interrupted there, which that folder's next run repairs).
func temps(fsys FS, dirs []string) ([]string, error) {
	var out []string
	for _, dir := range dirs {
		err := fsys.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() && path != dir && (exists(fsys, filepath.Join(path, LockName)) || exists(fsys, filepath.Join(path, JournalName))) {
				return fs.SkipDir
			}
			if !d.IsDir() && isTemp(d.Name()) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	sort.Strings(out)
	return oncePerPlace(out), nil
}

// oncePerFolder keeps the first spelling of each folder in dirs (see
// places), so that a folder named twice is looked at once.
func oncePerFolder(dirs []string) []string {
	return firstPer(dirs, newPlaces().folder)
}

// oncePerPlace keeps the first of paths that name one file, in order:
// walks of two spellings of a folder, or of a folder and one inside it,
// find the same temp file.
func oncePerPlace(paths []string) []string {
	return firstPer(paths, newPlaces().file)
}

// firstPer keeps the first of items with each key, in order.
func firstPer(items []string, key func(string) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, it := range items {
		if k := key(it); !seen[k] {
			seen[k] = true
			out = append(out, it)
		}
	}
	return out
}

// pid is the process id written into journals and locks.
var pid = os.Getpid()
