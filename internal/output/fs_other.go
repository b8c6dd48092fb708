//go:build !unix

package output

import "os"

// readFlags opens a file for reading; see fs_unix.go.
const readFlags = os.O_RDONLY

// isLink is false where a link is followed on open; see fs_unix.go.
func isLink(error) bool { return false }
