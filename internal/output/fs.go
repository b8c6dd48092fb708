// Package output writes a generated tree to disk, or compares it with what is
// there. Everything is generated in memory first; the disk is only touched
// once all of it exists, and files without the generated marker are never
// overwritten or deleted.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// FS is the part of the file system the writer uses; tests inject failures
// through it.
type FS interface {
	ReadFile(name string) ([]byte, error)
	WriteFile(name string, data []byte, perm fs.FileMode) error
	Rename(oldpath, newpath string) error
	Remove(name string) error
	MkdirAll(path string, perm fs.FileMode) error
	WalkDir(root string, fn fs.WalkDirFunc) error
	Stat(name string) (fs.FileInfo, error)
}

// OS is the real file system.
type OS struct{}

// ReadFile reads a whole regular file. Anything else at name (a symbolic
// link, a folder, a named pipe, a device) is an error wrapping
// ErrNotRegular, returned at once: the generator writes regular files only,
// reading a pipe or a terminal could wait forever, and a link could show a
// file outside the output tree in check's diff.
func (OS) ReadFile(name string) ([]byte, error) {
	f, err := os.OpenFile(name, readFlags, 0)
	if isLink(err) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w (a symbolic link)", ErrNotRegular)}
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: notRegular(st.Mode())}
	}
	var b bytes.Buffer
	b.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := b.ReadFrom(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ErrNotRegular is the error of reading a path that holds something other
// than a regular file.
var ErrNotRegular = errors.New("not a regular file")

// notRegular names what a mode holds, wrapping ErrNotRegular.
func notRegular(m fs.FileMode) error {
	kind := "special file"
	switch {
	case m.IsDir():
		kind = "folder"
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	return fmt.Errorf("%w (a %s)", ErrNotRegular, kind)
}

// WriteFile writes a whole file.
func (OS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}

// Rename moves a file atomically within one folder.
func (OS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// Remove deletes one file.
func (OS) Remove(name string) error { return os.Remove(name) }

// MkdirAll creates a folder and its parents.
func (OS) MkdirAll(path string, perm fs.FileMode) error { return os.MkdirAll(path, perm) }

// WalkDir walks a folder tree.
func (OS) WalkDir(root string, fn fs.WalkDirFunc) error { return filepath.WalkDir(root, fn) }

// Stat describes a file.
func (OS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
