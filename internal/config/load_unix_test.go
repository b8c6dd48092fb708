//go:build unix

package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoadEndlessConfig: a config that never ends (a link to /dev/zero) is
// refused at the bound instead of being read into memory without end.
func TestLoadEndlessConfig(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	require.NoError(t, os.Symlink("/dev/zero", path))
	_, err := Load(path)
	require.Error(t, err)
	assert.Equal(t, path+": config is larger than 1048576 bytes", err.Error())
}
