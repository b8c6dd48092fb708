//go:build unix

package output

import (
	"errors"
	"os"
	"syscall"
)

// readFlags opens a file without waiting and without following a link in
// its last component: opening a named pipe for reading otherwise blocks
// until some process opens it for writing, and a link in the output tree
// could show (in check's diff) a file outside it. readFile refuses both.
const readFlags = os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOFOLLOW

// isLink reports whether err is the error of opening a symbolic link with
// O_NOFOLLOW.
func isLink(err error) bool { return errors.Is(err, syscall.ELOOP) }
