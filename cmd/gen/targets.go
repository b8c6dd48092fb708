package main

// targets lists the output folders and the emitter that fills each.
func targets(cfg *config) []target {
	return []target{}
}
