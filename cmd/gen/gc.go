package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

// A run's memory follows its spec: the synthetic spec of 1,000 operations
// (1.6 MB of YAML) allocates some 500 MB, keeps 12 MiB live after
// validating it and 77 MiB at the end (the files made), and at Go's
// default pace (GOGC=100) peaks at 158 MiB, about 96 times the spec,
// after 16 collections, every few megabytes early on, for a quarter of the
// CPU. So gen lets the heap grow to what that pace reaches at the end
// anyway before the collector runs at all: perSpecByte times the spec, at
// least minFloor (a small spec's run collects seldom or never), at most a
// quarter of the memory of the container gen runs in. Past that floor, the
// runtime's own pace takes over, as soon as twice the live heap is more.
// Because the floor grows with the spec, a run collects about as often
// (seven times for all outputs of 300, 1,000 or 5,000 operations), where
// a fixed floor would spare small specs most and large ones least.
// The Go compiler lets its own heap grow before its first collection for
// the same reason (cmd/compile's base.AdjustStartingHeap).
const (
	perSpecByte = 96
	minFloor    = 32 << 20
	// tinyFloor is the least floor worth pacing for; in a smaller
	// container Go's own pace is left alone.
	tinyFloor = 16 << 20
	// slack is the memory the runtime holds besides the heap (stacks, the
	// collector's metadata), which a memory limit counts.
	slack = 16 << 20
)

var pacer struct {
	once  sync.Once
	floor atomic.Int64
}

// paceGC sets the collector's floor for a spec of specBytes (the largest
// of the specs a command reads), unless GOGC or GOMEMLIMIT is set: they
// say what the user wants.
func paceGC(specBytes int) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	floor := floorFor(specBytes, containerMemory())
	if floor < tinyFloor {
		return
	}
	for old := pacer.floor.Load(); floor > old; old = pacer.floor.Load() {
		if pacer.floor.CompareAndSwap(old, floor) {
			pace(floor, 0)
			break
		}
	}
	pacer.once.Do(func() { armPacer([]metrics.Sample{{Name: "/gc/heap/live:bytes"}}) })
}

// pace sets the collector for a run whose last collection found live
// bytes: below the floor, no pace but a memory limit at the floor; past
// it, GOGC=100 and no limit. A limit set after the fact is never below
// what GOGC=100 would allow, so a heap that grows between two collections
// only makes the next one come early.
func pace(floor int64, live uint64) {
	if belowFloor(floor, live) {
		debug.SetMemoryLimit(floor)
		debug.SetGCPercent(-1)
		return
	}
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
}

// belowFloor reports whether a run whose last collection found live bytes
// may grow to floor before the next one: twice the live heap and the
// runtime's slack are less than the floor.
func belowFloor(floor int64, live uint64) bool { return int64(2*live)+slack < floor }

// gcSentinel is an object that lives until the next collection, whose
// cleanup then paces the collector for the heap that collection found
// live.
type gcSentinel struct{ _ [32]byte }

func armPacer(sample []metrics.Sample) {
	runtime.AddCleanup(&gcSentinel{}, func(sample []metrics.Sample) {
		metrics.Read(sample)
		live := uint64(0)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = sample[0].Value.Uint64()
		}
		pace(pacer.floor.Load(), live)
		armPacer(sample)
	}, sample)
}

// floorFor is the floor for a spec of specBytes in a container of the
// given memory (0: none).
func floorFor(specBytes int, container uint64) int64 {
	floor := max(int64(minFloor), int64(perSpecByte)*int64(specBytes))
	if container > 0 && container/4 < uint64(floor) {
		floor = int64(container / 4)
	}
	return floor
}

// containerMemory is the memory limit of the cgroup gen runs in (v1 or
// v2, the least of its own and its parents'), or 0 when there is none or it
// cannot be read.
func containerMemory() uint64 {
	limit, err := memlimit.FromCgroup()
	if err != nil {
		return 0
	}
	return limit
}
