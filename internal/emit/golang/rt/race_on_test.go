//go:build race

package rt

// raceEnabled tells tests that the race detector is on, under which
// sync.Pool drops items at random, so that a pooled value is made again.
const raceEnabled = true
