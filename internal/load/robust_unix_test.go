//go:build unix

package load

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSizeLimitOfUnsizedFile(t *testing.T) {
	// A pipe has no size to check up front: the reader stops after
	// MaxSize+1 bytes instead of reading all 20 MB.
	path := filepath.Join(t.TempDir(), "spec.fifo")
	require.NoError(t, syscall.Mkfifo(path, 0o600))
	big := largeSpec(20 << 20)
	done := make(chan int64)
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			done <- -1
			return
		}
		n, _ := f.Write(big) // fails with EPIPE once the reader has closed
		f.Close()
		done <- int64(n)
	}()
	var lines []string
	_, alloc := measure(func() {
		_, err := File(path)
		lines = errLines(t, err)
	})
	written := <-done
	assert.Equal(t, []string{path + ": spec is larger than 8 MiB; split it or trim it"}, lines)
	assert.Less(t, written, int64(len(big)), "the reader stopped early")
	assert.Less(t, alloc, uint64(16*MaxSize), "allocated %d MiB", alloc>>20)
}
