package input

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.yaml")
	require.NoError(t, os.WriteFile(small, []byte("a: 1\n"), 0o644))
	big := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(big, []byte(strings.Repeat("x", 101)), 0o644))
	exact := filepath.Join(dir, "exact.yaml")
	require.NoError(t, os.WriteFile(exact, []byte(strings.Repeat("x", 100)), 0o644))

	data, err := Read(small, 100)
	require.NoError(t, err)
	assert.Equal(t, "a: 1\n", string(data))
	data, err = Read(exact, 100)
	require.NoError(t, err)
	assert.Len(t, data, 100)

	_, err = Read(big, 100)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.EqualError(t, err, "file too large: larger than 100 bytes")
	_, err = Read(big, 1<<20)
	assert.NoError(t, err)

	_, err = Read(dir, 100)
	assert.ErrorIs(t, err, ErrIsDir)
	_, err = Read(filepath.Join(dir, "missing.yaml"), 100)
	assert.ErrorIs(t, err, fs.ErrNotExist)
}
