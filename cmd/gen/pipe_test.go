//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pipeSpec returns a named pipe that gives the shipped spec once, as a
// shell's <(cat spec.yaml) does; a second read would find it empty.
func pipeSpec(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(contractSpec)
	require.NoError(t, err)
	fifo := filepath.Join(t.TempDir(), "spec.yaml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	done := make(chan struct{})
	go func() {
		defer close(done)
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			_, _ = f.Write(src)
			f.Close()
		}
	}()
	t.Cleanup(func() { <-done })
	return fifo
}

// TestSpecFromAPipe: lint and breaking read the spec once, so a spec given
// through a pipe gets the answer the file gets (lint used to read it twice
// and lose its ignore comments; breaking found the second read empty).
func TestSpecFromAPipe(t *testing.T) {
	code, fileOut, stderr := gen("lint", "-spec", contractSpec)
	require.Equal(t, exitOK, code, stderr)
	code, pipeOut, stderr := gen("lint", "-spec", pipeSpec(t))
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, fileOut, pipeOut)
	assert.NotContains(t, pipeOut, "OPERATION_HAS_EXAMPLES", "the spec's ignore comments hold")

	code, stdout, stderr := gen("breaking", "-spec", pipeSpec(t), "--against", contractSpec)
	assert.Equal(t, exitOK, code, stdout+stderr)
}
