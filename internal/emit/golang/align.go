package golang

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Columns as gofmt aligns them: struct fields and the key/value lines of
// composite literals.

// rows writes lines of cells aligned as gofmt aligns struct fields and
// composite literal values (text/tabwriter as go/printer sets it up): a
// row's cells but its last are padded to the widest cell of their column
// over the run of adjacent rows that have that column, plus one space; the
// last cell is written as is. A row of one cell (a comment) ends every run.
func (w *gw) rows(rows [][]string) {
	widths := make([][]int, len(rows))
	for i, r := range rows {
		widths[i] = make([]int, len(r))
	}
	var format func(lo, hi, col int)
	format = func(lo, hi, col int) {
		for i := lo; i < hi; {
			if len(rows[i])-1 <= col {
				i++
				continue
			}
			j, width := i, 0
			for ; j < hi && len(rows[j])-1 > col; j++ {
				width = max(width, utf8.RuneCountInString(rows[j][col])+1)
			}
			for r := i; r < j; r++ {
				widths[r][col] = width
			}
			format(i, j, col+1)
			i = j
		}
	}
	format(0, len(rows), 0)
	for i, r := range rows {
		var b strings.Builder
		for c, cell := range r {
			b.WriteString(cell)
			if c < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i][c]-utf8.RuneCountInString(cell)))
			}
		}
		w.line(b.String())
	}
}

// tag is a struct tag of one key: a back-quoted string when it can be,
// else a quoted one.
func tag(key, value string) string {
	s := key + ":" + strconv.Quote(value)
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// pairs writes the key: value lines of a composite literal that spans
// lines, as go/printer's exprList lays them out: values line up in a
// column over a section of lines, and a new section starts where a key's
// length differs too much from the keys before it (keys of more than 40
// bytes, compared with the geometric mean of the section's keys). A pair
// longer than a million bytes takes no part in the columns.
func (w *gw) pairs(keys, values []string) {
	const smallSize, infinity = 40, 1e6
	var section [][]string
	size, lnsum, count := 0, 0.0, 0
	for i, k := range keys {
		prevSize := size
		size = len(k)
		if len(k)+2+len(values[i]) > infinity {
			size = 0
		}
		ff := true
		if prevSize > 0 && size > 0 {
			if count == 0 || prevSize <= smallSize && size <= smallSize {
				ff = false
			} else {
				ratio := float64(size) / math.Exp(lnsum/float64(count))
				ff = 2.5*ratio <= 1 || 2.5 <= ratio
			}
		}
		if i > 0 && ff {
			// A new section; gofmt starts the mean over.
			w.rows(section)
			section, lnsum, count = nil, 0, 0
		}
		if size > 0 {
			section = append(section, []string{k + ":", values[i] + ","})
			lnsum += math.Log(float64(size))
			count++
		} else {
			section = append(section, []string{k + ": " + values[i] + ","})
		}
	}
	w.rows(section)
}
