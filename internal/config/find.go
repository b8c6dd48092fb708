package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Find looks for contractgen.yaml in dir and its parents, stopping after
// the first folder that holds go.mod or .git: a config belongs to its
// module or repository, never to an unrelated folder above it. It returns
// "" when there is none. A config found in a folder every user may write
// (such as /tmp, above a scratch folder that is in no module) is refused
// unless it belongs to the user running gen, since anyone could have put
// it there to choose what gen writes and where.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if fi, err := os.Lstat(p); err == nil {
			if err := planted(p, fi); err != nil {
				return "", err
			}
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("looking for %s: %w", FileName, err)
		}
		if exists(filepath.Join(dir, "go.mod")) || exists(filepath.Join(dir, ".git")) {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
