package output

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzRecover hands Recover any journal: whatever it holds, Recover ends
// without a panic, nothing outside the output folder changes, and no file
// without a generated marker inside it is removed or changed. Seeds are
// journals of real runs and of the refused kinds.
func FuzzRecover(f *testing.F) {
	const run = "0123456789abcdef"
	seed := func(phase string, roots []string, entries []journalEntry) {
		data, err := json.Marshal(journal{Version: 1, Run: run, PID: 1, Phase: phase, Roots: roots, Entries: entries})
		require.NoError(f, err)
		f.Add(data)
	}
	tmp := func(name, kind string) string { return "." + name + ".cg-" + run + "." + kind }
	seed(phaseStaging, []string{"."}, []journalEntry{{Target: "a.go", Tmp: tmp("a.go", "new"), Backup: tmp("a.go", "old"), Existed: true},
		{Target: "new.go", Tmp: tmp("new.go", "new")}, {Target: "gone.go", Backup: tmp("gone.go", "old"), Existed: true}})
	seed(phaseCommitted, []string{"."}, []journalEntry{{Target: "a.go", Tmp: tmp("a.go", "new"), Backup: tmp("a.go", "old"), Existed: true}})
	seed(phaseStaging, []string{"."}, []journalEntry{{Target: "mine.txt", Tmp: tmp("mine.txt", "new")}})
	seed(phaseCommitted, []string{"."}, []journalEntry{{Target: "a.go", Backup: "../outside/victim.txt", Existed: true}})
	seed(phaseStaging, []string{".", ".."}, []journalEntry{{Target: "../outside/victim.txt", Tmp: "../outside/" + tmp("victim.txt", "new")}})
	f.Add([]byte(`{"version":1,"run":"` + run + `","phase":"staging","entries":[{"target":"/etc/passwd"}]}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		base := t.TempDir()
		out := filepath.Join(base, "out")
		tree := map[string]string{
			"out/a.go":                            gen("a v2\n"),
			"out/" + tmp("a.go", "old"):           gen("a v1\n"),
			"out/" + tmp("a.go", "new"):           gen("a v3\n"),
			"out/new.go":                          gen("new\n"),
			"out/" + tmp("gone.go", "old"):        gen("gone\n"),
			"out/mine.txt":                        "hand-written\n",
			"outside/victim.txt":                  gen("not in the output folder\n"),
			"outside/" + tmp("victim.txt", "new"): gen("not in the output folder either\n"),
		}
		writeTree(t, base, tree)
		require.NoError(t, os.WriteFile(filepath.Join(out, JournalName), data, 0o644))
		_, _ = Recover(OS{}, []string{out})
		after := snapshot(t, base)
		for rel, text := range tree {
			if strings.HasPrefix(rel, "outside/") || !IsGenerated([]byte(text)) {
				if after[rel] != text {
					t.Fatalf("%s changed (was %q, now %q)", rel, text, after[rel])
				}
			}
		}
	})
}
