package rt

import (
	"errors"
	"strings"
	"testing"
)

type fakeRequest struct{ op string }

// TestNoRequest: a response builder refuses a nil request, and the nil
// pointer a failed request builder returns, instead of calling a method
// on it; any real request passes.
func TestNoRequest(t *testing.T) {
	var typedNil *fakeRequest
	var iface any = typedNil
	cases := []struct {
		name string
		req  any
		want bool
	}{
		{"nil", nil, true},
		{"nil pointer in an interface", iface, true},
		{"request", &fakeRequest{op: "a"}, false},
		{"empty request", &fakeRequest{}, false},
		{"value", fakeRequest{op: "a"}, false},
	}
	for _, c := range cases {
		if got := noRequest(c.req); got != c.want {
			t.Errorf("%s: noRequest = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestTooDeep: tooDeep holds below maxDepth path nodes and records one
// ErrTooDeep violation, at the path, from there on.
func TestTooDeep(t *testing.T) {
	var es Errors
	nodes := make([]pathNode, maxDepth+1)
	nodes[0] = keyPath(nil, "a")
	for i := 1; i <= maxDepth; i++ {
		nodes[i] = indexPath(&nodes[i-1], 0)
	}
	for i := 0; i < maxDepth; i++ {
		if nodes[i].depth != int32(i) || es.tooDeep(&nodes[i]) {
			t.Fatalf("node %d: depth %d, too deep %v", i, nodes[i].depth, es)
		}
	}
	if es.tooDeep(nil) || len(es) != 0 {
		t.Fatalf("nil path: %v", es)
	}
	if !es.tooDeep(&nodes[maxDepth]) || len(es) != 1 || !errors.Is(es[0], ErrTooDeep) || es[0].Rule != "depth" || !strings.HasPrefix(es[0].Path, "a[0][0]") {
		t.Fatalf("at depth %d: %v", maxDepth, es)
	}
}
