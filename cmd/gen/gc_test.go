package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestBelowFloor: a run is held to the floor while twice its live heap and
// the slack fit below it, then Go's own pace takes over.
func TestBelowFloor(t *testing.T) {
	const mib = 1 << 20
	floor := floorFor(1_633_176, 0) // the synthetic spec of 1,000 operations: 149.5 MiB
	assert.True(t, belowFloor(floor, 0))
	assert.True(t, belowFloor(floor, 12*mib), "after validating it")
	assert.True(t, belowFloor(floor, 66*mib))
	assert.False(t, belowFloor(floor, 67*mib), "2 x 67 + 16 MiB passes 149.5 MiB")
	assert.False(t, belowFloor(floor, 77*mib), "at its end")
	assert.False(t, belowFloor(minFloor, 8*mib))
}

// TestFloorFor: the floor grows with the spec from minFloor, and a
// container of less than four times it lowers it to a quarter of its
// memory; none, or a larger one, leaves it.
func TestFloorFor(t *testing.T) {
	const mib = 1 << 20
	assert.Equal(t, int64(minFloor), floorFor(0, 0))
	assert.Equal(t, int64(minFloor), floorFor(50_000, 0), "the shipped contract's size")
	assert.Equal(t, int64(96*1_633_176), floorFor(1_633_176, 0), "the synthetic spec of 1,000 operations")
	assert.Equal(t, int64(96*8_000_000), floorFor(8_000_000, 9223372036854771712), "cgroup v1 without a limit")
	assert.Equal(t, int64(64*mib), floorFor(8_000_000, 256*mib))
	assert.Less(t, floorFor(0, 48*mib), int64(tinyFloor), "a 48 MiB container keeps Go's own pace")
}
