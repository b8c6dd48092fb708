//go:build !unix

package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// lockFile creates path exclusively. Without flock, a lock file left by a
// killed run stays until removed by hand; the error says whose it was.
func lockFile(path string) (*os.File, error) {
	for attempt := 0; ; attempt++ {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			err := lockedError(path)
			if !errors.Is(err, errHolderGone) {
				return nil, err
			}
			if attempt == 9 {
				return nil, fmt.Errorf("%s: %w; wait for it to end and run again", filepath.Dir(path), ErrLocked)
			}
			continue // the holder ended meanwhile
		}
		if err != nil {
			return nil, err
		}
		_, _ = f.WriteString(strconv.Itoa(pid) + "\n")
		return f, nil
	}
}

// unlockFile closes and removes the lock file.
func unlockFile(f *os.File) {
	f.Close()
	_ = os.Remove(f.Name())
}
