package main

import (
	"github.com/contractgen/contractgen/internal/emit/docs"
	"github.com/contractgen/contractgen/internal/emit/golang"
	"github.com/contractgen/contractgen/internal/emit/schema"
)

// targets lists the output folders and the emitter that fills each.
func targets(cfg *config) []target {
	return []target{
		{cfg.goOut, golang.New()},
		{cfg.schemaOut, schema.New()},
		{cfg.docsOut, docs.New()},
	}
}
