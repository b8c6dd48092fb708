//go:build !race

package rt

// raceEnabled: see race_on_test.go.
const raceEnabled = false
