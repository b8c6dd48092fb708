//go:build !unix

package output

import "os"

// readFlags opens a file for reading; see fs_unix.go.
const readFlags = os.O_RDONLY
