// Package input reads the files a run is given (the spec, the config, doc
// templates, an older spec to compare with) once each and within a bound,
// so that a runaway file, a link to /dev/zero or a pipe costs neither
// unbounded time nor memory, and a pipe (a shell's <(...)) is read only
// once.
package input

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrTooLarge is the error of a file larger than the bound its reader
// sets.
var ErrTooLarge = errors.New("file too large")

// ErrIsDir is the error of a path that names a folder.
var ErrIsDir = errors.New("is a directory")

// Read reads the whole file at path, at most limit bytes: a larger regular
// file is refused before it is read, anything else once limit bytes have
// come. Errors wrap ErrTooLarge, ErrIsDir or the error of os.Open (test
// them with errors.Is, e.g. for fs.ErrNotExist).
func Read(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	switch {
	case st.IsDir():
		return nil, ErrIsDir
	case st.Mode().IsRegular() && st.Size() > limit:
		return nil, tooLarge(limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}

// tooLarge wraps ErrTooLarge with the bound, in the unit a reader sees.
func tooLarge(limit int64) error {
	if limit >= 1<<20 && limit%(1<<20) == 0 {
		return fmt.Errorf("%w: larger than %d MiB", ErrTooLarge, limit>>20)
	}
	return fmt.Errorf("%w: larger than %d bytes", ErrTooLarge, limit)
}
