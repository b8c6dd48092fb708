package rt

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
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

// TestSpecialBitsLowestMarkIsSpecial: rawString steps straight to the
// lowest byte specialBits marks, so that byte must be '"', '\\' or a
// control character wherever the word holds one, whatever the others are.
func TestSpecialBitsLowestMarkIsSpecial(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	w := make([]byte, 8)
	picks := []byte{'a', '"', '\\', 0x00, 0x1f, 0x20, 0x7f, 0x80, 0x9f, 0xa0, 0xc3, 0xff}
	for n := range 1 << 20 {
		for i := range w {
			if n%2 == 0 {
				w[i] = picks[rng.IntN(len(picks))]
			} else {
				w[i] = byte(rng.IntN(256))
			}
		}
		sp := specialBits(binary.LittleEndian.Uint64(w))
		if sp == 0 {
			continue
		}
		if c := w[bits.TrailingZeros64(sp)/8]; !isSpecial(c) {
			t.Fatalf("specialBits(%q) marks %q first", w, c)
		}
	}
}

// TestRawStringAgreesByteByByte reads strings of every length up to 24
// with a quote, backslash, control character, multi-byte or broken UTF-8
// at each place, and compares what rawString returns (text, error, end)
// with a reading of one byte at a time.
func TestRawStringAgreesByteByByte(t *testing.T) {
	inserts := [][]byte{{'"'}, {'\\', 'n'}, {0x01}, {0x1f}, {0xc3, 0xa9}, {0xe2, 0x82, 0xac}, {0xff}, {0xc3}, {0x7f}}
	for n := 0; n <= 24; n++ {
		for pos := 0; pos <= n; pos++ {
			for _, ins := range inserts {
				body := append(append(bytes.Repeat([]byte("x"), pos), ins...), bytes.Repeat([]byte("y"), n-pos)...)
				for _, tail := range []string{`"`, `"` + strings.Repeat(" ", 9), ``} {
					data := append(append([]byte{'"'}, body...), tail...)
					d := &decoder{data: data}
					got, err := d.rawString(nil)
					wantS, wantEnd, wantOK := byteByByte(data)
					if (err == nil) != wantOK || err == nil && (string(got) != string(wantS) || d.pos != wantEnd) {
						t.Fatalf("rawString(%q) = %q, %v, end %d; want %q, ok %v, end %d", data, got, err, d.pos, wantS, wantOK, wantEnd)
					}
				}
			}
		}
	}
}

// byteByByte is the plain reading of the string that opens data: its text
// with escapes decoded, the end, and whether it is well-formed.
func byteByByte(data []byte) ([]byte, int, bool) {
	var out []byte
	for i := 1; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			return out, i + 1, utf8.Valid(out)
		case c == '\\':
			if i+1 >= len(data) || data[i+1] != 'n' {
				return nil, 0, false
			}
			out = append(out, '\n')
			i++
		case c < 0x20:
			return nil, 0, false
		default:
			out = append(out, c)
		}
	}
	return nil, 0, false
}
