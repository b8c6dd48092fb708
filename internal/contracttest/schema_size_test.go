package contracttest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShippedSchemaSizes: every operation's schema of the shipped contract
// is at most 8 KB, the shared definitions at most 30 KB, so that people can
// read them and validators compile them fast.
func TestShippedSchemaSizes(t *testing.T) {
	paths, err := filepath.Glob("../../generated/jsonschema/*.schema.json")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	sawDefs := false
	for _, p := range paths {
		st, err := os.Stat(p)
		require.NoError(t, err)
		name := filepath.Base(p)
		switch {
		case name == "defs.schema.json":
			sawDefs = true
			assert.LessOrEqual(t, st.Size(), int64(30<<10), name)
		case strings.Contains(name, ".request.") || strings.Contains(name, ".response.") || strings.Contains(name, ".error."):
			assert.LessOrEqual(t, st.Size(), int64(8<<10), name)
		}
	}
	assert.True(t, sawDefs, "the shared definitions are written")
}
