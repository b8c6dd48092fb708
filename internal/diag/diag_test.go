package diag

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorFormat(t *testing.T) {
	assert.Equal(t, "spec.yaml:3:7: bad thing", (&Error{File: "spec.yaml", Pos: Pos{3, 7}, Msg: "bad thing"}).Error())
	assert.Equal(t, "spec.yaml: no position", (&Error{File: "spec.yaml", Msg: "no position"}).Error())
	assert.Equal(t, "dir/spec.yaml:1:1: x", (&Error{File: "dir/spec.yaml", Pos: Pos{1, 1}, Msg: "x"}).Error())
}

func TestEmptyList(t *testing.T) {
	l := &List{File: "spec.yaml"}
	assert.NoError(t, l.Err())
	assert.Zero(t, l.Len())
	assert.Empty(t, l.Errors())
}

func TestSortedByLineColumnThenMessage(t *testing.T) {
	l := &List{File: "spec.yaml"}
	l.Add(Pos{10, 5}, "z at 10:5")
	l.Add(Pos{2, 30}, "at 2:30")
	l.Add(Pos{10, 5}, "a at 10:5")
	l.Add(Pos{}, "file-level %s", "problem")
	l.Add(Pos{2, 3}, "at 2:3")
	l.Add(Pos{100, 1}, "at 100:1")
	l.Add(Pos{9, 80}, "at 9:80")

	err := l.Err()
	require.Error(t, err)
	want := []string{
		"spec.yaml: file-level problem",
		"spec.yaml:2:3: at 2:3",
		"spec.yaml:2:30: at 2:30",
		"spec.yaml:9:80: at 9:80",
		"spec.yaml:10:5: a at 10:5",
		"spec.yaml:10:5: z at 10:5",
		"spec.yaml:100:1: at 100:1",
	}
	var got []string
	for _, e := range l.Errors() {
		got = append(got, e.Error())
	}
	assert.Equal(t, want, got)

	// The error is a ListError that prints one problem per line, in order.
	var list ListError
	require.True(t, errors.As(err, &list))
	assert.Len(t, list, len(want))
	assert.Equal(t, want[0]+"\n"+want[1]+"\n"+want[2]+"\n"+want[3]+"\n"+want[4]+"\n"+want[5]+"\n"+want[6], err.Error())
}

func TestNumericNotLexicalOrder(t *testing.T) {
	// Line 9 before line 10 before line 100, column 9 before column 10.
	l := &List{File: "f"}
	for _, p := range []Pos{{100, 1}, {10, 10}, {10, 9}, {9, 1}, {1, 100}} {
		l.Add(p, "m")
	}
	var got []Pos
	for _, e := range l.Errors() {
		got = append(got, e.Pos)
	}
	assert.Equal(t, []Pos{{1, 100}, {9, 1}, {10, 9}, {10, 10}, {100, 1}}, got)
}

func TestStableForEqualMessages(t *testing.T) {
	// Equal position and message: one is kept.
	l := &List{File: "f"}
	l.Add(Pos{4, 2}, "same")
	l.Add(Pos{4, 2}, "same")
	l.Add(Pos{4, 3}, "same")
	assert.Equal(t, "f:4:2: same\nf:4:3: same", l.Err().Error())
}

func TestDuplicatesRecordedOnce(t *testing.T) {
	// An alias expanded a million times must not keep a million errors.
	l := &List{File: "f"}
	for i := 0; i < 1_000_000; i++ {
		l.Add(Pos{7, 3}, "leaf %d is bad", i%3)
	}
	assert.Equal(t, 3, l.Len())
	assert.Equal(t, "f:7:3: leaf 0 is bad\nf:7:3: leaf 1 is bad\nf:7:3: leaf 2 is bad", l.Err().Error())
}

func TestErrorsReturnsCopy(t *testing.T) {
	l := &List{File: "f"}
	l.Add(Pos{2, 1}, "b")
	l.Add(Pos{1, 1}, "a")
	first := l.Errors()
	first[0] = &Error{Msg: "changed"}
	assert.Equal(t, "f:1:1: a", l.Errors()[0].Error())
	// Adding after Errors still sorts everything.
	l.Add(Pos{0, 0}, "file")
	assert.Equal(t, "f: file\nf:1:1: a\nf:2:1: b", l.Err().Error())
}

func ExampleList() {
	l := &List{File: "spec.yaml"}
	l.Add(Pos{Line: 12, Col: 9}, "unknown key %q in field %q", "defualt", "note")
	l.Add(Pos{Line: 3, Col: 10}, "contract title must be a string, got a list")
	fmt.Println(l.Err())
	// Output:
	// spec.yaml:3:10: contract title must be a string, got a list
	// spec.yaml:12:9: unknown key "defualt" in field "note"
}
