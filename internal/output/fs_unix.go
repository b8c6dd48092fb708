//go:build unix

package output

import (
	"os"
	"syscall"
)

// readFlags opens a file without waiting: opening a named pipe for reading
// otherwise blocks until some process opens it for writing, and readFile
// refuses it once open.
const readFlags = os.O_RDONLY | syscall.O_NONBLOCK
