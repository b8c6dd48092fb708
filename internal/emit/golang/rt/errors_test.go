package rt

import "testing"

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
