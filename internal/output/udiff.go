package output

import (
	"fmt"
	"strings"
)

// Unified renders a unified diff of old and new with three lines of context.
// Inputs larger than maxCells line pairs fall back to a whole-file hunk so a
// huge drift never costs quadratic memory.
func Unified(path string, old, new []byte) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s (on disk)\n+++ %s (generated)\n", path, path)
	ops := lineOps(a, b)
	writeHunks(&sb, ops)
	return sb.String()
}

const maxCells = 25_000_000

type op struct {
	kind byte // ' ', '-', '+'
	text string
	ai   int
	bi   int
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// lineOps computes an edit script by longest common subsequence.
func lineOps(a, b []string) []op {
	n, m := len(a), len(b)
	if n*m > maxCells {
		var out []op
		for i, l := range a {
			out = append(out, op{'-', l, i, 0})
		}
		for j, l := range b {
			out = append(out, op{'+', l, n, j})
		}
		return out
	}
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			out = append(out, op{' ', a[i], i, j})
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			// Deletions first, as diff -u prints them.
			out = append(out, op{'-', a[i], i, j})
			i++
		default:
			out = append(out, op{'+', b[j], i, j})
			j++
		}
	}
	return out
}

// writeHunks groups changes that lie within six lines of each other and
// prints each group with three lines of context.
func writeHunks(sb *strings.Builder, ops []op) {
	const ctx = 3
	var changed []int
	for i, o := range ops {
		if o.kind != ' ' {
			changed = append(changed, i)
		}
	}
	for k := 0; k < len(changed); {
		first, last := changed[k], changed[k]
		// Merge changes whose contexts touch: at most 2*ctx equal lines apart.
		for k++; k < len(changed) && changed[k]-last <= 2*ctx+1; k++ {
			last = changed[k]
		}
		writeHunk(sb, ops[max(0, first-ctx):min(len(ops), last+ctx+1)])
	}
}

func writeHunk(sb *strings.Builder, h []op) {
	var na, nb int
	for _, o := range h {
		if o.kind != '+' {
			na++
		}
		if o.kind != '-' {
			nb++
		}
	}
	// An empty range is numbered by the line before it, as diff -u does.
	start := func(first, n int) int {
		if n == 0 {
			return first
		}
		return first + 1
	}
	fmt.Fprintf(sb, "@@ -%d,%d +%d,%d @@\n", start(h[0].ai, na), na, start(h[0].bi, nb), nb)
	for _, o := range h {
		sb.WriteByte(o.kind)
		sb.WriteString(o.text)
		if !strings.HasSuffix(o.text, "\n") {
			sb.WriteString("\n\\ No newline at end of file\n")
		}
	}
}
