package rt

import (
	"sync"
	"testing"
)

// lazy is a pattern compiled on first use, as the generated tables hold it.
func lazy(src string) *lazyRegexp { return &lazyRegexp{src: src} }

// TestLazyRegexpCompilesOnFirstUse: nothing is compiled before the first
// match, and every goroutine of a racing first use gets one compiled
// pattern that matches as the text says.
func TestLazyRegexpCompilesOnFirstUse(t *testing.T) {
	l := lazy(`^[a-z]+[0-9]$`)
	if l.re.Load() != nil {
		t.Fatal("compiled before first use")
	}
	var wg sync.WaitGroup
	got := make([]bool, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = l.MatchString("abc1") && !l.MatchString("abc")
		}()
	}
	wg.Wait()
	for i, ok := range got {
		if !ok {
			t.Errorf("goroutine %d: wrong match", i)
		}
	}
	if re := l.get(); re == nil || re != l.get() || re.String() != l.src {
		t.Fatalf("get returned %v, then another pattern or not the text's", re)
	}
}

// BenchmarkFirstMatch is what a token rule's first match costs the
// program (its split parts compiled and their tables filled) against a
// later match of the same rule.
func BenchmarkFirstMatch(b *testing.B) {
	const spec = `\bghp_[A-Za-z0-9_]{20,}\b`
	const s = "see ghp_abcdefghijklmnopqrstuvwxyz now"
	proto, _ := anchoredRule(b, spec)
	fresh := func() *rule {
		p := proto.fast[0]
		a := &anchored{lits: p.lits, before: lazy(p.before.src), next: lazy(p.next.src), tail: lazy(p.tail.src)}
		return &rule{values: lazy(proto.values.src), literals: proto.literals, starts: proto.starts, fast: []*anchored{a}}
	}
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			if !fresh().valueForbidden(s) {
				b.Fatal("no match")
			}
		}
	})
	b.Run("later", func(b *testing.B) {
		r := fresh()
		for b.Loop() {
			if !r.valueForbidden(s) {
				b.Fatal("no match")
			}
		}
	})
}
