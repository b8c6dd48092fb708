package main

import (
	"github.com/contractgen/contractgen/internal/emit/docs"
	"github.com/contractgen/contractgen/internal/emit/golang"
	"github.com/contractgen/contractgen/internal/emit/schema"
)

// targets lists the output folders and the emitter that fills each; an
// empty folder means the target is not generated.
func targets(s *settings) []target {
	return []target{
		{s.goOut(), golang.New()},
		{s.schemaOut(), schema.New()},
		{s.docs().Out, docs.New()},
	}
}
