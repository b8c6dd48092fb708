//go:build !unix

package output

import (
	"errors"
	"os"
	"strconv"
)

// lockFile creates path exclusively. Without flock, a lock file left by a
// killed run stays until removed by hand; the error says whose it was.
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, lockedError(path)
	}
	if err != nil {
		return nil, err
	}
	_, _ = f.WriteString(strconv.Itoa(pid) + "\n")
	return f, nil
}

// unlockFile closes and removes the lock file.
func unlockFile(f *os.File) {
	f.Close()
	_ = os.Remove(f.Name())
}
