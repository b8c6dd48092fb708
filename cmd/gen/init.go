package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// starter holds the files gen init writes.
//
//go:embed starter/contract.yaml starter/contractgen.yaml
var starter embed.FS

// starterFiles are written in this order; names are relative to the folder.
var starterFiles = []string{"contract.yaml", configName}

// runInit writes a starter spec and config into a folder (default: the
// working folder). It writes nothing when either file already exists, so
// that no one's work is overwritten.
func runInit(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gen init", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintf(stderr, "Usage: gen init [folder]\n\nWrites a commented starter spec (contract.yaml) and %s into folder\n"+
			"(default: the working folder), creating it when needed. The result generates,\n"+
			"lints clean and passes gen check at once. Existing files are never overwritten.\n", configName)
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fl.NArg() > 1 {
		fmt.Fprintf(stderr, "gen init: unexpected argument %q; give at most one folder\n", fl.Arg(1))
		return exitUsage
	}
	dir := "."
	if fl.NArg() == 1 {
		dir = fl.Arg(0)
	}
	for _, name := range starterFiles {
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); err == nil {
			fmt.Fprintf(stderr, "gen init: %s already exists; nothing was written (remove it or choose another folder)\n", p)
			return exitFail
		} else if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "gen init: %v\n", err)
			return exitFail
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "gen init: %v\n", err)
		return exitFail
	}
	var written []string
	for _, name := range starterFiles {
		data, err := starter.ReadFile("starter/" + name)
		if err == nil {
			err = writeNew(filepath.Join(dir, name), data)
		}
		if err != nil {
			for _, w := range written {
				_ = os.Remove(w)
			}
			fmt.Fprintf(stderr, "gen init: %v\n", err)
			return exitFail
		}
		written = append(written, filepath.Join(dir, name))
		fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(dir, name))
	}
	fmt.Fprintf(stdout, "next: edit %s, then run gen generate, gen lint and gen check\n", filepath.Join(dir, "contract.yaml"))
	return exitOK
}

// writeNew creates path with data, failing when it exists (O_EXCL), so a
// file created between the check and the write is not overwritten.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}
