package pattern

import (
	"fmt"
	"testing"
)

// TestPortablePatternRemembers holds the memory of PortablePattern to the
// function it remembers: the same answer (spelling or error) the first and
// later times, and past portableMax distinct patterns too.
func TestPortablePatternRemembers(t *testing.T) {
	for _, p := range []string{`^[a-z]+\b$`, `a(`, `(?=x)`, `\bgh[pousr]_[A-Za-z0-9]{20,}`} {
		want, wantErr := portablePattern(p)
		for i := 0; i < 3; i++ {
			got, err := PortablePattern(p)
			if got != want || fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Fatalf("PortablePattern(%q) call %d = %q, %v; want %q, %v", p, i, got, err, want, wantErr)
			}
		}
	}
	for i := 0; i < portableMax+10; i++ {
		p := fmt.Sprintf(`^x%d$`, i)
		if got, err := PortablePattern(p); err != nil || got != p {
			t.Fatalf("PortablePattern(%q) = %q, %v", p, got, err)
		}
		if n := portableCount.Load(); n > portableMax {
			t.Fatalf("%d patterns remembered, more than %d", n, portableMax)
		}
	}
}
