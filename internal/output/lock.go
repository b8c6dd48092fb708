package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// LockName is the lock file a run holds in every output root. The lock is
// an advisory lock on the open file, which the kernel releases when the
// process ends however it ends, so a killed run never leaves a folder
// locked. The file is removed when the run releases it.
const LockName = ".contractgen.lock"

// ErrLocked is returned when another run holds an output folder.
var ErrLocked = errors.New("locked by another run")

// errHolderGone tells lockFile that the run holding a lock released it
// while the lock was being refused: the lock is free, try again.
var errHolderGone = errors.New("the lock holder has just ended")

// Lock takes the lock of every folder in dirs, in a fixed order so two runs
// cannot each hold one and wait for the other, and fails fast when another
// run holds one: the error names that run's process id. With create, missing
// folders are created first (a generating run); without it they are skipped
// (a check, which has nothing to lock there). The returned function releases
// every lock.
func Lock(dirs []string, create bool) (func(), error) {
	var held []*os.File
	release := func() {
		for i := len(held) - 1; i >= 0; i-- {
			unlockFile(held[i])
		}
		held = nil
	}
	// One folder spelt two ways (or reached through a link) is locked
	// once: locking its file twice would find this run holding it.
	pl := newPlaces()
	var real []string
	for _, d := range dirs {
		if !create {
			if _, err := os.Stat(d); err != nil {
				continue
			}
		} else if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("creating %s: %w", d, err)
		}
		real = append(real, pl.folder(d)) // it exists now: links resolve
	}
	sort.Strings(real)
	for _, d := range slices.Compact(real) {
		f, err := lockFile(filepath.Join(d, LockName))
		if err != nil {
			release()
			return nil, err
		}
		held = append(held, f)
	}
	return release, nil
}

// lockedError reads the holder's pid from the lock file for the message.
// A holder that has just created the file may not have written its pid
// yet, so an empty file is read again for a moment.
// When the file is gone, the holder has just released it: the caller tries
// to lock again instead of failing (errHolderGone).
func lockedError(path string) error {
	var holder string
	for i := 0; i < 50; i++ {
		data, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			return errHolderGone
		}
		if holder = strings.TrimSpace(string(data)); holder != "" {
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	if _, err := strconv.Atoi(holder); err != nil {
		return fmt.Errorf("%s: %w; wait for it to end and run again", filepath.Dir(path), ErrLocked)
	}
	return fmt.Errorf("%s: %w (pid %s); wait for it to end and run again", filepath.Dir(path), ErrLocked, holder)
}
