package output

import (
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnifiedSmall(t *testing.T) {
	// Expected texts are what GNU diff -u prints for the same inputs (which
	// omits ",1" counts; both spellings are valid unified diffs).
	cases := []struct {
		name, old, new, want string
	}{
		{"one line replaced", "a\nb\nc\n", "a\nB\nc\n", `--- f.go (on disk)
+++ f.go (generated)
@@ -1,3 +1,3 @@
 a
-b
+B
 c
`},
		{"identical", "a\nb\n", "a\nb\n", "--- f.go (on disk)\n+++ f.go (generated)\n"},
		{"from empty", "", "a\nb\n", `--- f.go (on disk)
+++ f.go (generated)
@@ -0,0 +1,2 @@
+a
+b
`},
		{"to empty", "a\n", "", `--- f.go (on disk)
+++ f.go (generated)
@@ -1,1 +0,0 @@
-a
`},
		{"newline at end added", "a\nb", "a\nb\n", `--- f.go (on disk)
+++ f.go (generated)
@@ -1,2 +1,2 @@
 a
-b
\ No newline at end of file
+b
`},
		{"context is three lines", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", `--- f.go (on disk)
+++ f.go (generated)
@@ -2,7 +2,7 @@
 2
 3
 4
-5
+five
 6
 7
 8
`},
		{"changes six lines apart share a hunk", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "1\nX\n3\n4\n5\n6\n7\n8\nY\n10\n11\n12\n", `--- f.go (on disk)
+++ f.go (generated)
@@ -1,12 +1,12 @@
 1
-2
+X
 3
 4
 5
 6
 7
 8
-9
+Y
 10
 11
 12
`},
		{"changes seven lines apart get two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n", "1\nX\n3\n4\n5\n6\n7\n8\n9\nY\n11\n12\n13\n", `--- f.go (on disk)
+++ f.go (generated)
@@ -1,5 +1,5 @@
 1
-2
+X
 3
 4
 5
@@ -7,7 +7,7 @@
 7
 8
 9
-10
+Y
 11
 12
 13
`},
		{"insertions at both ends", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n", `--- f.go (on disk)
+++ f.go (generated)
@@ -1,3 +1,4 @@
+0
 1
 2
 3
@@ -8,3 +9,4 @@
 8
 9
 10
+11
`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Unified("f.go", []byte(c.old), []byte(c.new))
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.new, apply(t, c.old, got))
		})
	}
}

func TestUnifiedAppliesRandomEdits(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		old := randomLines(rng, rng.Intn(40))
		new := mutate(rng, old)
		d := Unified("f", []byte(old), []byte(new))
		require.Equal(t, new, apply(t, old, d), "case %d\nold:\n%s\nnew:\n%s\ndiff:\n%s", i, old, new, d)
	}
}

func TestUnifiedLargeInputFallsBack(t *testing.T) {
	// 6000 x 6000 lines exceed maxCells: one whole-file hunk, still correct.
	var a, b strings.Builder
	for i := 0; i < 6000; i++ {
		fmt.Fprintf(&a, "old %d\n", i)
		fmt.Fprintf(&b, "new %d\n", i)
	}
	d := Unified("big", []byte(a.String()), []byte(b.String()))
	assert.True(t, strings.HasPrefix(d, "--- big (on disk)\n+++ big (generated)\n@@ -1,6000 +1,6000 @@\n-old 0\n"), d[:80])
	assert.Equal(t, b.String(), apply(t, a.String(), d))
}

func randomLines(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		// A small alphabet makes repeated lines, which stress the alignment.
		fmt.Fprintf(&b, "line %c\n", 'a'+rng.Intn(5))
	}
	s := b.String()
	if s != "" && rng.Intn(5) == 0 {
		s = strings.TrimSuffix(s, "\n")
	}
	return s
}

func mutate(rng *rand.Rand, s string) string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for k := rng.Intn(6); k > 0; k-- {
		switch i := rng.Intn(len(lines) + 1); rng.Intn(3) {
		case 0: // insert
			lines = append(lines[:i], append([]string{fmt.Sprintf("new %d\n", rng.Intn(100))}, lines[i:]...)...)
		case 1: // delete
			if i < len(lines) {
				lines = append(lines[:i], lines[i+1:]...)
			}
		default: // replace
			if i < len(lines) {
				lines[i] = fmt.Sprintf("changed %d\n", rng.Intn(100))
			}
		}
	}
	out := strings.Join(lines, "")
	if rng.Intn(6) == 0 {
		out = strings.TrimSuffix(out, "\n")
	}
	return out
}

// apply applies a unified diff to old strictly: every hunk header must count
// its lines right, and context and removed lines must match old exactly.
func apply(t tester, old, diff string) string {
	t.Helper()
	a := strings.SplitAfter(old, "\n")
	if a[len(a)-1] == "" {
		a = a[:len(a)-1]
	}
	dl := strings.SplitAfter(diff, "\n")
	require.GreaterOrEqual(t, len(dl), 2)
	require.True(t, strings.HasPrefix(dl[0], "--- ") && strings.HasPrefix(dl[1], "+++ "), "headers: %q", dl[:2])
	var out []string
	next := 0 // next old line (0-based) not yet copied
	for i := 2; i < len(dl) && dl[i] != ""; {
		var oa, on, nb, nn int
		_, err := fmt.Sscanf(dl[i], "@@ -%d,%d +%d,%d @@\n", &oa, &on, &nb, &nn)
		require.NoError(t, err, "hunk header %q", dl[i])
		i++
		start := oa - 1
		if on == 0 {
			start = oa // an empty range names the line before it
		}
		require.GreaterOrEqual(t, start, next, "hunks overlap or go backwards")
		out = append(out, a[next:start]...)
		newStart := len(out) + 1
		if nn == 0 {
			newStart--
		}
		require.Equal(t, nb, newStart, "new start of hunk %q", dl[i-1])
		pos, seenOld, seenNew := start, 0, 0
		for ; i < len(dl) && dl[i] != "" && !strings.HasPrefix(dl[i], "@@"); i++ {
			line := dl[i]
			text := line[1:]
			if i+1 < len(dl) && dl[i+1] == "\\ No newline at end of file\n" {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch line[0] {
			case ' ':
				require.Less(t, pos, len(a))
				require.Equal(t, a[pos], text, "context line %d", pos+1)
				out = append(out, text)
				pos++
				seenOld++
				seenNew++
			case '-':
				require.Less(t, pos, len(a))
				require.Equal(t, a[pos], text, "removed line %d", pos+1)
				pos++
				seenOld++
			case '+':
				out = append(out, text)
				seenNew++
			default:
				t.Fatalf("bad diff line %q", line)
			}
		}
		require.Equal(t, on, seenOld, "old count of hunk at %d", oa)
		require.Equal(t, nn, seenNew, "new count of hunk at %d", nb)
		next = pos
	}
	out = append(out, a[next:]...)
	return strings.Join(out, "")
}

// tester is the part of *testing.T that apply uses.
type tester interface {
	require.TestingT
	Helper()
	Fatalf(format string, args ...any)
}

// recorder is a tester that only records failure.
type recorder struct{ failed bool }

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) FailNow()              { r.failed = true; runtime.Goexit() }
func (r *recorder) Helper()               {}
func (r *recorder) Fatalf(string, ...any) { r.FailNow() }

func TestApplyHelperIsStrict(t *testing.T) {
	// The applier must itself catch bad diffs, or the tests above prove nothing.
	for _, d := range []string{
		"--- f\n+++ f\n@@ -1,2 +1,1 @@\n-a\n+b\n", // wrong old count
		"--- f\n+++ f\n@@ -1,1 +1,2 @@\n-a\n+b\n", // wrong new count
		"--- f\n+++ f\n@@ -1,1 +1,1 @@\n-x\n+b\n", // removed line does not match
		"--- f\n+++ f\n@@ -1,0 +1,1 @@\n+b\n",     // empty range numbered wrong
	} {
		r := &recorder{}
		done := make(chan struct{})
		go func() {
			defer close(done)
			apply(r, "a\n", d)
		}()
		<-done
		assert.True(t, r.failed, "accepted %q", d)
	}
}
