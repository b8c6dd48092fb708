package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/contractgen/contractgen/internal/diag"
)

// Exit codes, the same for every command.
const (
	// exitOK: the command did what was asked and found nothing wrong.
	exitOK = 0
	// exitFail: the spec or config has errors, output drifted, lint found
	// an error-level problem, or a breaking change was found.
	exitFail = 1
	// exitUsage: the command line itself is wrong.
	exitUsage = 2
)

// command is one subcommand of gen.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order help shows them.
func commands() []command {
	return []command{
		{"generate", "write the Go package, JSON Schemas and docs the spec produces (the default)", runGenerate},
		{"check", "write nothing; exit 1 with a diff when generated files are stale, missing or orphaned", runCheck},
		{"lint", "report the spec's errors and style findings, each with a rule ID", runLint},
		{"breaking", "compare the spec with another version (--against a git ref, file or folder) and report changes by rule", runBreaking},
		{"init", "write a commented starter spec and contractgen.yaml into a folder", runInit},
		{"version", "print the version", runVersion},
		{"help", "explain a command: gen help <command>", runHelp},
	}
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// run dispatches to a subcommand. Without one, or when the first argument
// is a flag, it generates; the flags -check and -version of earlier
// releases still select those commands.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		switch {
		case hasFlag(args, "version"):
			return runVersion(nil, stdout, stderr)
		case len(args) == 1 && isHelp(args[0]):
			usage(stderr)
			return exitOK
		}
		return runGenerate(args, stdout, stderr)
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "gen: unknown command %q%s\nRun 'gen help' for the list of commands.\n", args[0], suggestCommand(args[0]))
		return exitUsage
	}
	return c.run(args[1:], stdout, stderr)
}

// hasFlag reports whether the boolean flag name is set to true in args,
// before any "--".
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		a = strings.TrimLeft(a, "-")
		if a == name || a == name+"=true" {
			return true
		}
	}
	return false
}

func isHelp(a string) bool { return a == "-h" || a == "-help" || a == "--help" }

func suggestCommand(name string) string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if best := closest(name, names); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// usage prints the overview of every command.
func usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: gen <command> [flags]\n\nGenerates Go code, JSON Schemas and Markdown docs from a contract spec.\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nWithout a command, gen generates; 'gen -check' is 'gen check'.\n"+
		"Settings come from %s (found in the working folder or a parent, up to the module root) or -config; flags override it.\n"+
		"Exit codes: 0 ok, 1 spec or config errors, drift, lint errors or breaking changes, 2 usage.\n"+
		"Run 'gen help <command>' for a command's flags.\n", configName)
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && isHelp(args[0]) {
		fmt.Fprintln(stderr, "Usage: gen help [command]\n\nWithout a command, lists the commands; with one, explains its flags.")
		return exitOK
	}
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "gen: unknown command %q%s\n", args[0], suggestCommand(args[0]))
		return exitUsage
	}
	return c.run([]string{"-h"}, stdout, stdout)
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && isHelp(args[0]) {
		fmt.Fprintln(stderr, "Usage: gen version\n\nPrints the module version of this build (devel for a source build).")
		return exitOK
	}
	fmt.Fprintln(stdout, "contractgen", version())
	return exitOK
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// report prints an error of a pipeline stage in the chosen format: spec
// errors one finding each, anything else as one finding about the file.
func report(w io.Writer, format, file string, err error) {
	var list diag.ListError
	if errors.As(err, &list) {
		_ = diag.Write(w, format, diag.FromErrors(list))
		return
	}
	if format == "text" {
		fmt.Fprintln(w, "gen:", err)
		return
	}
	_ = diag.Write(w, format, []diag.Finding{{File: file, Severity: diag.SeverityError, Message: err.Error()}})
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
