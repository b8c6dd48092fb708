package value

import (
	"sort"
	"strconv"
	"strings"
)

// Canonical is a text equal for equal JSON values: numbers by value,
// objects whatever their key order.
func (v *Value) Canonical() string {
	switch v.Kind {
	case Int, Number:
		return "n" + strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case List:
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			parts[i] = it.Canonical()
		}
		return "[" + strings.Join(parts, ",") + "]"
	case Object:
		parts := make([]string, len(v.Members))
		for i, m := range v.Members {
			parts[i] = strconv.Quote(m.Key) + ":" + m.Value.Canonical()
		}
		sort.Strings(parts)
		return "{" + strings.Join(parts, ",") + "}"
	}
	return string(v.JSON())
}
