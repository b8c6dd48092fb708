package main

import (
	"github.com/contractgen/contractgen/internal/emit/docs"
	"github.com/contractgen/contractgen/internal/emit/golang"
)

// targets lists the output folders and the emitter that fills each.
func targets(cfg *config) []target {
	return []target{
		{cfg.goOut, golang.New()},
		{cfg.docsOut, docs.New()},
	}
}
