package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errCrash = errors.New("process killed")

// crashFS is the real file system until its limit of changes is reached:
// the change at the limit is made, then the process "dies" and every later
// change fails without touching the disk, so no rollback code runs.
type crashFS struct {
	OS
	limit, n int
}

func (c *crashFS) step() bool {
	c.n++
	return c.n <= c.limit
}

func (c *crashFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	if !c.step() {
		return errCrash
	}
	return c.OS.WriteFile(name, data, perm)
}

func (c *crashFS) Rename(o, n string) error {
	if !c.step() {
		return errCrash
	}
	return c.OS.Rename(o, n)
}

func (c *crashFS) Remove(name string) error {
	if !c.step() {
		return errCrash
	}
	return c.OS.Remove(name)
}

func (c *crashFS) MkdirAll(p string, perm fs.FileMode) error {
	if !c.step() {
		return errCrash
	}
	return c.OS.MkdirAll(p, perm)
}

// treeAfter is the tree failureTree's plan produces, hand-written files kept.
func treeAfter(dir string, p Plan) map[string]string {
	want := map[string]string{"notes.md": "hand-written\n"}
	for _, f := range p.Files {
		rel, _ := filepath.Rel(dir, f.Path)
		want[filepath.ToSlash(rel)] = string(f.Data)
	}
	return want
}

// TestCrashAtEveryStep kills a run after each of its changes to the disk in
// turn, over two nested output roots. Whatever the moment, the tree is then
// exactly the old or exactly the new one once Recover has run, Interrupted
// reports the crash until then, and the next run writes the new tree.
func TestCrashAtEveryStep(t *testing.T) {
	dir, p, _ := failureTree(t)
	total := &crashFS{limit: 1 << 30}
	p.Dirs = append(p.Dirs, filepath.Join(dir, "sub"))
	_, err := Write(total, p)
	require.NoError(t, err)
	steps := total.n
	require.Greater(t, steps, 15)

	sawOld, sawNew := false, false
	for limit := 0; limit < steps; limit++ {
		t.Run(fmt.Sprintf("killed after change %d of %d", limit, steps), func(t *testing.T) {
			dir, p, before := failureTree(t)
			p.Dirs = append(p.Dirs, filepath.Join(dir, "sub"))
			after := treeAfter(dir, p)
			_, err := Write(&crashFS{limit: limit}, p)
			if err != nil { // after the commit, failing to tidy up is no error
				require.ErrorIs(t, err, errCrash)
			}

			broken, err := Interrupted(OS{}, p.Dirs)
			require.NoError(t, err)
			if limit > 0 {
				assert.NotEmpty(t, broken, "an interrupted run is reported")
			}
			_, err = Recover(OS{}, p.Dirs)
			require.NoError(t, err)
			got := snapshot(t, dir)
			noTemps(t, got)
			switch {
			case assert.ObjectsAreEqual(before, got):
				sawOld = true
			case assert.ObjectsAreEqual(after, got):
				sawNew = true
			default:
				t.Fatalf("mixed tree after recovery:\n%v\nold %v\nnew %v", got, before, after)
			}
			broken, err = Interrupted(OS{}, p.Dirs)
			require.NoError(t, err)
			assert.Empty(t, broken)

			_, err = Write(OS{}, p)
			require.NoError(t, err)
			assert.Equal(t, after, snapshot(t, dir))
		})
	}
	assert.True(t, sawOld && sawNew, "crashes before and after the commit were both exercised")
}

// journalFaultFS fails writing or renaming a journal copy.
type journalFaultFS struct {
	OS
	failOn int
	n      int
}

func (j *journalFaultFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	if isJournal(name) {
		j.n++
		if j.n == j.failOn {
			return errInjected
		}
	}
	return j.OS.WriteFile(name, data, perm)
}

// TestJournalFailureLeavesTreeIntact fails each journal write in turn: the
// first (before anything changes) and the commit (after every swap), in
// both roots.
func TestJournalFailureLeavesTreeIntact(t *testing.T) {
	for n := 1; n <= 4; n++ {
		t.Run(fmt.Sprintf("journal write %d fails", n), func(t *testing.T) {
			dir, p, before := failureTree(t)
			p.Dirs = append(p.Dirs, filepath.Join(dir, "sub"))
			_, err := Write(&journalFaultFS{failOn: n}, p)
			require.ErrorIs(t, err, errInjected)
			got := snapshot(t, dir)
			noTemps(t, got)
			assert.Equal(t, before, got)
		})
	}
}

// A journal this version cannot read stops the run before anything
// changes, naming the file and what to do.
func TestUnreadableJournalStopsTheRun(t *testing.T) {
	dir, p, before := failureTree(t)
	writeTree(t, dir, map[string]string{JournalName: "{not json"})
	before[JournalName] = "{not json"
	_, err := Write(OS{}, p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, JournalName)+" is not a journal this version can read")
	assert.Equal(t, before, snapshot(t, dir))
	_, err = Interrupted(OS{}, p.Dirs)
	assert.Error(t, err, "-check reports it too")
}

// TestInterruptedOncePerFolder: an output folder named three ways (as it
// is, through a link, and relative to the working folder) has its interrupted run reported once, and its temp
// files counted once when they are removed.
func TestInterruptedOncePerFolder(t *testing.T) {
	dir, p, _ := failureTree(t)
	_, err := Write(&crashFS{limit: 8}, p)
	require.ErrorIs(t, err, errCrash)
	once, err := Interrupted(OS{}, p.Dirs)
	require.NoError(t, err)
	require.NotEmpty(t, once)

	link := filepath.Join(t.TempDir(), "out")
	require.NoError(t, os.Symlink(dir, link))
	t.Chdir(filepath.Dir(dir))
	twice := append(append([]string(nil), p.Dirs...), link, filepath.Base(dir))
	got, err := Interrupted(OS{}, twice)
	require.NoError(t, err)
	assert.Equal(t, once, got)

	_, err = Recover(OS{}, twice)
	require.NoError(t, err)

	// Temp files with no journal (a run killed before it wrote one).
	writeTree(t, dir, map[string]string{".a.go.cg-0123456789abcdef.new": "x", "sub/.c.go.cg-0123456789abcdef.new": "x"})
	got, err = Interrupted(OS{}, twice)
	require.NoError(t, err)
	assert.Len(t, got, 2)
	notes, err := Recover(OS{}, twice)
	require.NoError(t, err)
	assert.Equal(t, []string{"removed 2 temp file(s) of interrupted runs"}, notes)
}
