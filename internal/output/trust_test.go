package output

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecoverRefusesForeignJournal: a journal is a file in the output tree,
// which a checkout can carry; one that no run of this writer could have
// written (paths outside the output folders, temp names that are not its
// run's, a target without a generated marker) is refused, and nothing is
// removed or replaced.
func TestRecoverRefusesForeignJournal(t *testing.T) {
	const run = "0123456789abcdef"
	cases := []struct {
		name  string
		entry func(out, victim string) journalEntry
		roots []string
		phase string
		want  string
	}{
		{"target outside", func(out, victim string) journalEntry {
			return journalEntry{Target: victim, Tmp: tempName(victim, run, "new")}
		}, nil, phaseStaging, "is not in an output folder of this run"},
		{"backup is another file", func(out, victim string) journalEntry {
			return journalEntry{Target: filepath.Join(out, "a.go"), Backup: victim, Existed: true}
		}, nil, phaseCommitted, "are not the ones its run gives it"},
		{"staged name is another file", func(out, victim string) journalEntry {
			return journalEntry{Target: filepath.Join(out, "a.go"), Tmp: victim}
		}, nil, phaseCommitted, "are not the ones its run gives it"},
		{"root outside", func(out, victim string) journalEntry {
			return journalEntry{Target: filepath.Join(out, "a.go"), Tmp: tempName(filepath.Join(out, "a.go"), run, "new")}
		}, []string{"..", "../.."}, phaseStaging, "is not an output folder of this run"},
		{"backup of a file that did not exist", func(out, victim string) journalEntry {
			a := filepath.Join(out, "a.go")
			return journalEntry{Target: a, Backup: tempName(a, run, "old")}
		}, nil, phaseCommitted, "has a backup but did not exist"},
		{"the output folder itself", func(out, victim string) journalEntry {
			return journalEntry{Target: out, Tmp: tempName(out, run, "new")}
		}, nil, phaseStaging, "is not in an output folder of this run"},
		{"a phase gen does not write", func(out, victim string) journalEntry {
			return journalEntry{Target: filepath.Join(out, "a.go")}
		}, nil, "done", `phase "done" is not one gen writes`},
		{"hand-written target", func(out, victim string) journalEntry {
			mine := filepath.Join(out, "mine.go")
			writeTree(t, out, map[string]string{"mine.go": "package mine\n"})
			return journalEntry{Target: mine, Tmp: tempName(mine, run, "new")}
		}, nil, phaseStaging, "does not carry gen's marker"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := t.TempDir()
			out := filepath.Join(base, "out")
			victim := filepath.Join(base, "victim.txt")
			writeTree(t, base, map[string]string{"victim.txt": gen("not the run's\n"), "out/a.go": gen("a\n")})
			e := c.entry(out, victim)
			before := snapshot(t, base)
			roots := append([]string{"."}, c.roots...)
			j := journal{Version: 1, Run: run, PID: 1, Phase: c.phase, Roots: roots, Entries: []journalEntry{{
				Target: rel(out, e.Target), Tmp: relOpt(out, e.Tmp), Backup: relOpt(out, e.Backup), Existed: e.Existed}}}
			data, err := json.Marshal(j)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(out, JournalName), data, 0o644))
			before[filepath.ToSlash(filepath.Join("out", JournalName))] = string(data)

			_, err = Recover(OS{}, []string{out})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.Equal(t, before, snapshot(t, base), "nothing touched")
		})
	}
}

// TestRecoverLeavesOtherRootsTemps: a subfolder that holds a lock or a
// journal is another run's output root (running now, or interrupted and
// repaired by its own next run); its temp files are not this run's to
// remove, while a stray temp file anywhere else below is.
func TestRecoverLeavesOtherRootsTemps(t *testing.T) {
	out := t.TempDir()
	writeTree(t, out, map[string]string{
		"sub/.a.go.cg-0123456789abcdef.new":     "stray\n",
		"running/" + LockName:                   "123\n",
		"running/.b.go.cg-0123456789abcdef.new": "staged by the run in progress\n",
		"crashed/" + JournalName:                "{}\n",
		"crashed/.c.go.cg-0123456789abcdef.old": "backup of the interrupted run\n",
	})
	notes, err := Recover(OS{}, []string{out})
	require.NoError(t, err)
	assert.Equal(t, []string{"removed 1 temp file(s) of interrupted runs"}, notes)
	got := snapshot(t, out)
	assert.NotContains(t, got, "sub/.a.go.cg-0123456789abcdef.new")
	assert.Contains(t, got, "running/.b.go.cg-0123456789abcdef.new")
	assert.Contains(t, got, "crashed/.c.go.cg-0123456789abcdef.old")
}

// TestCheckJournalRunID: a run id that newRunID cannot give is refused
// before any path is looked at.
func TestCheckJournalRunID(t *testing.T) {
	for _, id := range []string{"", "0123", "0123456789ABCDEF", "../../../../etc/x", "0123456789abcdef0"} {
		err := checkJournal(&journal{Run: id, Phase: phaseStaging}, "j", nil)
		require.Error(t, err, "%q", id)
		assert.Contains(t, err.Error(), "is not one gen writes")
	}
	assert.NoError(t, checkJournal(&journal{Run: newRunID(), Phase: phaseCommitted}, "j", nil))
}
