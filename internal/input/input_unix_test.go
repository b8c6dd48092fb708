//go:build unix

package input

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadEndlessFile: a device that never ends (a link to /dev/zero) is
// cut at the bound instead of filling memory.
func TestReadEndlessFile(t *testing.T) {
	link := filepath.Join(t.TempDir(), "spec.yaml")
	require.NoError(t, os.Symlink("/dev/zero", link))
	_, err := Read(link, 8<<20)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.EqualError(t, err, "file too large: larger than 8 MiB")
}
