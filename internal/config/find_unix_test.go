//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFindRefusesAPlantedConfig: a contractgen.yaml that another user put
// in a folder everyone may write (as /tmp is), found from a scratch folder
// below it, is refused; the same file is used when it is the user's own,
// or when only its owner may write the folder.
func TestFindRefusesAPlantedConfig(t *testing.T) {
	shared := t.TempDir()
	require.NoError(t, os.Chmod(shared, 0o1777))
	deep := filepath.Join(shared, "scratch", "a")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	p := filepath.Join(shared, FileName)
	require.NoError(t, os.WriteFile(p, []byte("version: 1\n"), 0o644))
	me := os.Getuid()
	t.Cleanup(func() { getuid = os.Getuid })

	getuid = func() int { return me + 1 } // the file's owner is someone else
	got, err := Find(deep)
	require.Error(t, err)
	assert.Equal(t, p+": not used: every user may write its folder, and user "+strconv.Itoa(me)+
		" owns it, not you; pass -config "+p+" to use it anyway, or run gen inside your module", err.Error())
	assert.Equal(t, "", got)

	// A link planted there is judged by its own owner, not its target's.
	require.NoError(t, os.Remove(p))
	require.NoError(t, os.Symlink(filepath.Join(deep, "mine.yaml"), p))
	_, err = Find(deep)
	require.Error(t, err)

	getuid = os.Getuid // the user's own file
	got, err = Find(deep)
	require.NoError(t, err)
	assert.Equal(t, p, got)

	getuid = func() int { return me + 1 }
	require.NoError(t, os.Chmod(shared, 0o755)) // only its owner may write the folder
	got, err = Find(deep)
	require.NoError(t, err)
	assert.Equal(t, p, got)
}
