package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMemoryLimit: the limit is the floor until twice the live heap and
// the runtime's slack are more, then follows the live heap.
func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	assert.Equal(t, int64(heapFloor), memoryLimit(heapFloor, 0))
	assert.Equal(t, int64(heapFloor), memoryLimit(heapFloor, 12*mib))
	assert.Equal(t, int64(heapFloor), memoryLimit(heapFloor, 72*mib))
	assert.Equal(t, int64(2*100*mib+16*mib), memoryLimit(heapFloor, 100*mib))
	assert.Equal(t, int64(2*10*mib+16*mib), memoryLimit(16*mib, 10*mib))
}

// TestFloorWithin: a container of less than four times heapFloor lowers
// the floor to a quarter of its memory; none, or a larger one, leaves it.
func TestFloorWithin(t *testing.T) {
	const mib = 1 << 20
	assert.Equal(t, int64(heapFloor), floorWithin(0))
	assert.Equal(t, int64(heapFloor), floorWithin(9223372036854771712)) // cgroup v1 without a limit
	assert.Equal(t, int64(heapFloor), floorWithin(4*heapFloor))
	assert.Equal(t, int64(128*mib), floorWithin(512*mib))
	assert.Less(t, floorWithin(48*mib), int64(minFloor), "a 48 MiB container keeps Go's own pace")
}
