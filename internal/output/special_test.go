//go:build unix

package output

import (
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpecialFilesInTheTree holds the writer to regular files: a named
// pipe, a folder or a symbolic link where the plan puts a file is refused
// at once (reading the pipe used to wait for a writer forever; check
// printed the diff of whatever file a link pointed at), and none of them
// is taken for an orphan.
func TestSpecialFilesInTheTree(t *testing.T) {
	files := map[string]string{"a.go": gen("a\n"), "sub/b.go": gen("b\n")}
	elsewhere := t.TempDir()
	own := filepath.Join(elsewhere, "own.go")
	require.NoError(t, os.WriteFile(own, []byte(gen("own\n")), 0o644))

	t.Run("left alone beside the plan", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "pipe.go"), 0o644))
		require.NoError(t, os.Symlink(elsewhere, filepath.Join(dir, "linked-folder")))
		require.NoError(t, os.Symlink(own, filepath.Join(dir, "linked-own.go")))
		require.NoError(t, os.Symlink(filepath.Join(elsewhere, "gone"), filepath.Join(dir, "dangling.go")))
		changes, err := Write(OS{}, plan(dir, files))
		require.NoError(t, err)
		assert.Equal(t, map[string]string{filepath.Join(dir, "a.go"): "missing", filepath.Join(dir, "sub/b.go"): "missing"}, kinds(changes))
		for _, name := range []string{"pipe.go", "linked-folder", "linked-own.go", "dangling.go"} {
			_, err := os.Lstat(filepath.Join(dir, name))
			assert.NoError(t, err, name)
		}
		data, err := os.ReadFile(own)
		require.NoError(t, err)
		assert.Equal(t, gen("own\n"), string(data), "a link's target is never touched")
	})

	cases := []struct {
		kind string
		make func(path string) error
	}{
		{"named pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
		{"folder", func(p string) error { return os.Mkdir(p, 0o755) }},
		{"symbolic link", func(p string) error { return os.Symlink(elsewhere, p) }},
		{"symbolic link", func(p string) error { return os.Symlink(own, p) }},
	}
	for _, c := range cases {
		dir := t.TempDir()
		target := filepath.Join(dir, "a.go")
		require.NoError(t, c.make(target))
		_, err := Write(OS{}, plan(dir, files))
		require.ErrorIs(t, err, ErrNotRegular, c.kind)
		assert.Contains(t, err.Error(), target+": not a regular file (a "+c.kind+")")
		_, err = Diff(OS{}, plan(dir, files))
		require.ErrorIs(t, err, ErrNotRegular, c.kind)
		_, err = os.Lstat(filepath.Join(dir, "sub"))
		assert.ErrorIs(t, err, os.ErrNotExist, "nothing written")
		data, err := os.ReadFile(own)
		require.NoError(t, err)
		assert.Equal(t, gen("own\n"), string(data), "a link's target is never touched")
	}
}

// TestLockRefusesLinkAndPipe: the lock file is written and removed, so a
// link in its place (which a checkout can carry) must not lead a run to
// overwrite the file it points at; the previous lock followed it and wrote
// its pid over the target.
func TestLockRefusesLinkAndPipe(t *testing.T) {
	dir := t.TempDir()
	precious := filepath.Join(t.TempDir(), "precious")
	require.NoError(t, os.WriteFile(precious, []byte("precious\n"), 0o644))
	require.NoError(t, os.Symlink(precious, filepath.Join(dir, LockName)))
	for _, create := range []bool{true, false} {
		_, err := Lock([]string{dir}, create)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "is a symbolic link, not gen's lock file")
	}
	data, err := os.ReadFile(precious)
	require.NoError(t, err)
	assert.Equal(t, "precious\n", string(data))
	_, err = os.Lstat(filepath.Join(dir, LockName))
	assert.NoError(t, err, "the link is left for the user")

	dir = t.TempDir()
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, LockName), 0o644))
	_, err = Lock([]string{dir}, true)
	require.ErrorIs(t, err, ErrNotRegular)
}

// TestFolderThroughALink: an output folder reached once directly and once
// through a link (two targets writing one folder) is one folder: it is
// locked once (locking it twice found this run holding it), and neither
// target's files are the other's orphans.
func TestFolderThroughALink(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "out")
	link := filepath.Join(base, "link")
	require.NoError(t, os.Mkdir(dir, 0o755))
	require.NoError(t, os.Symlink(dir, link))
	unlock, err := Lock([]string{dir, link}, true)
	require.NoError(t, err)
	unlock()

	p := plan(dir, map[string]string{"a.go": gen("a\n")})
	p.Dirs = append(p.Dirs, link)
	p.Files = append(p.Files, File{Path: filepath.Join(link, "b.json"), Data: []byte(gen("b\n"))})
	for run := 0; run < 2; run++ {
		changes, err := Write(OS{}, p)
		require.NoError(t, err)
		for _, c := range changes {
			assert.Equal(t, "missing", c.Kind, "run %d: %s", run, c.Path)
		}
	}
	assert.Equal(t, map[string]string{"a.go": gen("a\n"), "b.json": gen("b\n")}, snapshot(t, dir))
}

// TestRecoverRefusesATargetThroughALink: a journal naming a file through a
// link inside the output folder could make repair remove a generated file
// elsewhere (every other check passes: the path lies in the folder, the
// file carries the marker).
func TestRecoverRefusesATargetThroughALink(t *testing.T) {
	const run = "0123456789abcdef"
	out, elsewhere := t.TempDir(), t.TempDir()
	victim := filepath.Join(elsewhere, "victim.go")
	require.NoError(t, os.WriteFile(victim, []byte(gen("another project's\n")), 0o644))
	require.NoError(t, os.Symlink(elsewhere, filepath.Join(out, "link")))
	target := filepath.Join(out, "link", "victim.go")
	data, err := json.Marshal(journal{Version: 1, Run: run, PID: 1, Phase: phaseStaging, Roots: []string{"."},
		Entries: []journalEntry{{Target: "link/victim.go", Tmp: "link/" + filepath.Base(tempName(target, run, "new"))}}})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(out, JournalName), data, 0o644))
	_, err = Recover(OS{}, []string{out})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is reached through the symbolic link "+filepath.Join(out, "link"))
	got, err := os.ReadFile(victim)
	require.NoError(t, err)
	assert.Equal(t, gen("another project's\n"), string(got))
}
