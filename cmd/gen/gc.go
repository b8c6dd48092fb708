package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

// heapFloor is the memory a run may take before the garbage collector
// runs; the collector then runs when the run holds twice what the last
// collection found live (as GOGC=100 does), or heapFloor if that is more.
// A run keeps little live, the model and the files made so far (12 MiB
// after validating the synthetic spec of 1,000 operations), and allocates
// much (some 500 MB there): at GOGC=100 the collector ran 17 times there,
// every few megabytes, for a quarter of the CPU; with this floor it runs
// five times, and the run's peak memory (158 MiB on average at GOGC=100)
// stays within the 200 MiB the generator allows itself at that size. The
// Go compiler lets its own heap grow before its first collection for the
// same reason (cmd/compile's base.AdjustStartingHeap).
const heapFloor = 160 << 20

// minFloor is the smallest floor worth pacing for; below it, in a small
// container, Go's own pace is left alone.
const minFloor = 16 << 20

// paceGC replaces GOGC's pace by memoryLimit's, set again after every
// collection, unless GOGC or GOMEMLIMIT is set (they say what the user
// wants) or the container gen runs in is too small for it.
func paceGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	floor := floorWithin(containerMemory())
	if floor < minFloor {
		return
	}
	debug.SetMemoryLimit(memoryLimit(floor, 0))
	debug.SetGCPercent(-1) // the limit alone starts a collection
	armPacer(floor, []metrics.Sample{{Name: "/gc/heap/live:bytes"}})
}

// gcSentinel is an object that lives until the next collection, whose
// cleanup then sets the limit for the heap that collection found live.
type gcSentinel struct{ _ [32]byte }

func armPacer(floor int64, sample []metrics.Sample) {
	runtime.AddCleanup(&gcSentinel{}, func(sample []metrics.Sample) {
		metrics.Read(sample)
		live := uint64(0)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = sample[0].Value.Uint64()
		}
		debug.SetMemoryLimit(memoryLimit(floor, live))
		armPacer(floor, sample)
	}, sample)
}

// memoryLimit is the memory a run whose last collection found live bytes
// may hold before the next one: twice the live heap and room for the
// runtime's own memory (stacks, the collector's metadata), and never less
// than floor. Set after the fact, a limit is never below what GOGC=100
// would allow, so a heap that grows between two collections only makes the
// next one come early.
func memoryLimit(floor int64, live uint64) int64 {
	const slack = 16 << 20
	return max(floor, int64(2*live)+slack)
}

// floorWithin is heapFloor, or a quarter of the memory of the container gen
// runs in when that is less, so that a run in a small container collects
// before it nears the container's limit, as it did at Go's own pace.
func floorWithin(container uint64) int64 {
	if container > 0 && container/4 < heapFloor {
		return int64(container / 4)
	}
	return heapFloor
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
