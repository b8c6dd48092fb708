package rt

import (
	"math/rand/v2"
	"testing"
)

// isSpecial is what special8 looks for in one byte.
func isSpecial(c byte) bool { return c == '"' || c == '\\' || c < 0x20 }

// TestSpecial8NeverPassesASpecialByte: with any byte at any of the eight
// places, among plain ASCII, UTF-8 bytes or other special bytes, special8
// stops at a word holding '"', '\\' or a control character; and it passes
// words of plain ASCII and UTF-8 bytes, which is what makes it fast.
func TestSpecial8NeverPassesASpecialByte(t *testing.T) {
	fills := []byte{'a', ' ', 0x7f, 0x80, 0xc3, 0xff, '"', 0x00}
	for _, fill := range fills {
		for pos := range 8 {
			for c := range 256 {
				w := []byte{fill, fill, fill, fill, fill, fill, fill, fill}
				w[pos] = byte(c)
				want := false
				for _, b := range w {
					want = want || isSpecial(b)
				}
				if got := special8(w, 0); want && !got {
					t.Fatalf("special8(%q) passed a special byte", w)
				} else if !want && got {
					// Only a borrow from a special byte may stop a plain
					// word, and there is none here.
					t.Fatalf("special8(%q) stopped at a plain word", w)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	w := make([]byte, 8)
	for range 1 << 20 {
		special := false
		for i := range w {
			w[i] = byte(rng.IntN(256))
			special = special || isSpecial(w[i])
		}
		if special && !special8(w, 0) {
			t.Fatalf("special8(%q) passed a special byte", w)
		}
	}
}
