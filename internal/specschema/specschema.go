// Package specschema writes the JSON Schema of the spec language itself,
// for editors: the YAML language server reads it to complete keys, show
// their documentation and flag unknown keys while a spec is written. It is
// generated from the loader's grammar (load.Grammar), so every key the
// loader accepts is in it and no other.
package specschema

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/contractgen/contractgen/internal/load"
	"github.com/contractgen/contractgen/internal/output"
)

// ID is where the committed schema is published; gen init writes it into
// the starter spec's yaml-language-server line.
const ID = "https://raw.githubusercontent.com/contractgen/contractgen/main/schema/contractgen-spec.schema.json"

// Path is the committed schema's place in the repository.
const Path = "schema/contractgen-spec.schema.json"

// Generate returns the schema, indented, ending in a newline. Draft-07 is
// the draft the YAML language server and VS Code's JSON service implement
// in full.
func Generate() ([]byte, error) {
	root := load.LookupShape(load.RootShape)
	defs := obj{}
	for _, s := range load.Grammar {
		if s.Name != load.RootShape {
			defs = append(defs, kv{s.Name, shapeSchema(s)})
		}
	}
	doc := obj{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"$id", ID},
		{"$comment", output.Marker},
		{"title", "contractgen spec"},
	}
	doc = append(doc, shapeSchema(root)...)
	doc = append(doc, kv{"definitions", defs})
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// shapeSchema is a closed object with the shape's keys.
func shapeSchema(s *load.Shape) obj {
	props := obj{}
	var required []string
	for _, k := range s.Keys {
		props = append(props, kv{k.Name, described(valueSchema(k.Value), k.Doc)})
		if k.Required {
			required = append(required, k.Name)
		}
	}
	out := obj{{"description", s.Doc}, {"type", "object"}}
	if required != nil {
		out = append(out, kv{"required", required})
	}
	return append(out, kv{"properties", props}, kv{"additionalProperties", false})
}

// described adds a description; beside a $ref (which draft-07 lets
// siblings be ignored) the reference moves into allOf.
func described(s obj, doc string) obj {
	if len(s) == 1 && s[0].k == "$ref" {
		return obj{{"description", doc}, {"allOf", []obj{s}}}
	}
	return append(obj{{"description", doc}}, s...)
}

func valueSchema(v load.Value) obj {
	switch v.Kind {
	case load.ValString:
		if v.Enum != nil {
			return obj{{"type", "string"}, {"enum", v.Enum}}
		}
		return obj{{"type", "string"}}
	case load.ValBoolean:
		return obj{{"type", "boolean"}}
	case load.ValInteger:
		return obj{{"type", "integer"}, {"minimum", 0}}
	case load.ValAny:
		return obj{}
	case load.ValShape:
		return obj{{"$ref", "#/definitions/" + v.Shape}}
	case load.ValMap:
		return obj{{"type", "object"}, {"additionalProperties", valueSchema(*v.Elem)}}
	case load.ValList:
		return obj{{"type", "array"}, {"items", valueSchema(*v.Elem)}}
	case load.ValEither:
		alts := make([]obj, len(v.Alts))
		for i, a := range v.Alts {
			alts[i] = valueSchema(a)
		}
		return obj{{"anyOf", alts}}
	}
	panic(fmt.Sprintf("specschema: value kind %q has no schema", v.Kind))
}

// obj is a JSON object that keeps its keys in order.
type obj []kv

type kv struct {
	k string
	v any
}

// MarshalJSON writes the members in order; an empty obj is {}.
func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.k)
		b.Write(k)
		b.WriteByte(':')
		v, err := json.Marshal(m.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
