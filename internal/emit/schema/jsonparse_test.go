package schema

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseJSON: the tree keeps member order, unescapes strings, keeps
// numbers as written, and rejects what is not one valid document.
func TestParseJSON(t *testing.T) {
	n, err := parseJSON([]byte(` {"b":1.50,"a":[true,null,"x\u003cy\"z", {}, []],"é":"\ud83d\ude00"} `))
	require.NoError(t, err)
	require.True(t, n.isObj)
	require.Len(t, n.obj, 3)
	assert.Equal(t, "b", n.obj[0].key)
	assert.Equal(t, "1.50", n.obj[0].val.literal)
	arr := n.obj[1].val
	require.True(t, arr.isArr)
	require.Len(t, arr.arr, 5)
	assert.Equal(t, "true", arr.arr[0].literal)
	assert.Equal(t, "null", arr.arr[1].literal)
	assert.Equal(t, "x<y\"z", arr.arr[2].str)
	assert.True(t, arr.arr[3].isObj)
	assert.True(t, arr.arr[4].isArr)
	assert.Equal(t, "😀", n.obj[2].val.str)
	var b bytes.Buffer
	writeJSON(&b, n, "")
	assert.Contains(t, b.String(), `"x<y\"z"`)

	for _, bad := range []string{``, `{`, `{"a"}`, `{"a":1,}`, `[1 2]`, `{"a":1} x`, `"abc`, `tru`, `{"a":01}`, "\"a\x01\"", `[1,]`, `{,}`} {
		_, err := parseJSON([]byte(bad))
		assert.Error(t, err, "%q", bad)
	}
}
