//go:build unix

package config

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// getuid is os.Getuid, a variable so that a test can be another user.
var getuid = os.Getuid

// planted refuses a config found at p (fi, not following a link) when the
// folder holding it may be written by every user and someone else owns the
// file (or the link) there: another user of a shared machine can put a
// contractgen.yaml in /tmp, and a run in a scratch folder below it would
// otherwise take it up. A folder only its owner or group may write is
// trusted as it is.
func planted(p string, fi fs.FileInfo) error {
	dir, err := os.Stat(filepath.Dir(p))
	if err != nil {
		return fmt.Errorf("looking for %s: %w", FileName, err)
	}
	if dir.Mode().Perm()&0o002 == 0 {
		return nil
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) == getuid() {
		return nil
	}
	return fmt.Errorf("%s: not used: every user may write its folder, and user %d owns it, not you; pass -config %s to use it anyway, or run gen inside your module", p, st.Uid, p)
}
