// Package output writes a generated tree to disk, or compares it with what is
// there. Everything is generated in memory first; the disk is only touched
// once all of it exists, and files without the generated marker are never
// overwritten or deleted.
package output

import (
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

// ReadFile reads a whole file.
func (OS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

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
