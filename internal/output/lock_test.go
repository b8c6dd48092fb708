package output

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLockFailsFastAndNamesTheHolder: a second lock of a held folder fails
// at once with the holder's pid; once released, the folder locks again and
// the lock file is gone.
func TestLockFailsFastAndNamesTheHolder(t *testing.T) {
	dir := t.TempDir()
	release, err := Lock([]string{dir}, true)
	require.NoError(t, err)
	_, err = Lock([]string{dir}, true)
	require.ErrorIs(t, err, ErrLocked)
	assert.Regexp(t, regexp.MustCompile(`locked by another run \(pid \d+\); wait for it to end and run again`), err.Error())
	release()
	_, statErr := os.Stat(filepath.Join(dir, LockName))
	assert.True(t, errors.Is(statErr, os.ErrNotExist), "the lock file is removed on release")
	again, err := Lock([]string{dir}, true)
	require.NoError(t, err)
	again()
}

// TestLockedErrorOfAReleasedLock: when the holder removed its lock file
// between the refused lock and the read of its pid, the caller is told to
// try again rather than given an error without a pid.
func TestLockedErrorOfAReleasedLock(t *testing.T) {
	err := lockedError(filepath.Join(t.TempDir(), LockName))
	assert.ErrorIs(t, err, errHolderGone)
}
