//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// lockFile opens path and takes an exclusive flock on it without waiting.
// A lock taken on a file that another run removed meanwhile is worthless
// (a third run would create a new file and lock that one), so after locking
// it checks that path still names the locked file, and retries if not.
func lockFile(path string) (*os.File, error) {
	for attempt := 0; attempt < 10; attempt++ {
		// O_NOFOLLOW: the lock file is written (the pid) and removed, so a
		// link in its place, which a checkout can carry, must not lead the
		// run to overwrite the file it points at.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o644)
		if errors.Is(err, syscall.ELOOP) {
			return nil, fmt.Errorf("%s is a symbolic link, not gen's lock file; delete it and run again", path)
		}
		if err != nil {
			return nil, err
		}
		if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
			f.Close()
			return nil, fmt.Errorf("%s: %w; gen's lock file must be one: delete it and run again", path, notRegular(st.Mode()))
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				if err := lockedError(path); !errors.Is(err, errHolderGone) {
					return nil, err
				}
				continue // the holder ended meanwhile
			}
			return nil, err
		}
		st, err1 := f.Stat()
		cur, err2 := os.Lstat(path)
		if err1 == nil && err2 == nil && os.SameFile(st, cur) {
			// Overwrite, then cut: a reader never sees the file empty
			// once a pid was in it.
			line := []byte(strconv.Itoa(pid) + "\n")
			_, _ = f.WriteAt(line, 0)
			_ = f.Truncate(int64(len(line)))
			return f, nil
		}
		f.Close()
	}
	if err := lockedError(path); !errors.Is(err, errHolderGone) {
		return nil, err
	}
	return nil, fmt.Errorf("%s: %w; wait for it to end and run again", filepath.Dir(path), ErrLocked)
}

// unlockFile removes the lock file, then releases the lock, so a run that
// opened the file meanwhile sees it gone and retries.
func unlockFile(f *os.File) {
	_ = os.Remove(f.Name())
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	f.Close()
}
