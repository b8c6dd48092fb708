package diag

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// CheckUTF8 reports the first byte that is not UTF-8, by line and column,
// instead of the YAML parser's unpositioned "invalid leading UTF-8 octet".
// Specs and config files both go through it.
// A file that starts with a UTF-16 byte order mark is left to the parser,
// which reads UTF-16.
func CheckUTF8(name string, data []byte) error {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) || utf8.Valid(data) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return ListError{{File: name, Pos: Pos{Line: line, Col: col}, Msg: fmt.Sprintf("byte 0x%02x is not UTF-8; save the file as UTF-8", data[i])}}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return nil
}
