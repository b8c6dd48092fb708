package output

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestStageAtOnceFailureLeavesTreeAsItWas: on the real file system files
// are staged several at a time; when one of them cannot be written (here a
// name that fits on its own but not with the staging suffix), Write
// reports that file, and the tree is the old one, with no staged file,
// backup or journal left, while the others were written around it.
func TestStageAtOnceFailureLeavesTreeAsItWas(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "keep.go"), []byte(gen("old\n")), 0o644))
	long := strings.Repeat("n", 240) + ".go"
	files := map[string]string{"keep.go": gen("new\n"), long: gen("x\n")}
	for i := 0; i < 40; i++ {
		files["sub/f"+strings.Repeat("0", i%3)+string(rune('a'+i%26))+".go"] = gen("y\n")
	}
	_, err := Write(OS{}, plan(dir, files))
	require.Error(t, err)
	require.Contains(t, err.Error(), "writing "+filepath.Join(dir, long))
	var left []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			left = append(left, rel)
		}
		return err
	}))
	sort.Strings(left)
	require.Equal(t, []string{"keep.go"}, left)
	_, err = os.Stat(filepath.Join(dir, "sub"))
	require.True(t, os.IsNotExist(err), "the folder the run created is removed")
	data, err := os.ReadFile(filepath.Join(dir, "keep.go"))
	require.NoError(t, err)
	require.Equal(t, gen("old\n"), string(data))
}
