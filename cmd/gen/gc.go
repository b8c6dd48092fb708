package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
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

// paceGC replaces GOGC's pace by memoryLimit's, set again after every
// collection, unless GOGC or GOMEMLIMIT is set: they say what the user
// wants.
func paceGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(memoryLimit(0))
	debug.SetGCPercent(-1) // the limit alone starts a collection
	armPacer([]metrics.Sample{{Name: "/gc/heap/live:bytes"}})
}

// gcSentinel is an object that lives until the next collection, whose
// cleanup then sets the limit for the heap that collection found live.
type gcSentinel struct{ _ [32]byte }

func armPacer(sample []metrics.Sample) {
	runtime.AddCleanup(&gcSentinel{}, func(sample []metrics.Sample) {
		metrics.Read(sample)
		live := uint64(0)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = sample[0].Value.Uint64()
		}
		debug.SetMemoryLimit(memoryLimit(live))
		armPacer(sample)
	}, sample)
}

// memoryLimit is the memory a run whose last collection found live bytes
// may hold before the next one: twice the live heap and room for the
// runtime's own memory (stacks, the collector's metadata), and never less
// than heapFloor. Set after the fact, a limit is never below what GOGC=100
// would allow, so a heap that grows between two collections only makes the
// next one come early.
func memoryLimit(live uint64) int64 {
	const slack = 16 << 20
	return max(heapFloor, int64(2*live)+slack)
}
