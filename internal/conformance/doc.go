// Package conformance proves the JSON Schemas equal to the generated Go
// decoders and validators on a corpus of documents.
//
// The corpus lives in testdata/conformance/<spec>/<schema>/{valid,invalid}/,
// one whole JSON document per file, its folder giving the expected verdict
// (testdata/conformance/README.md). The tests here write it from the specs
// (go test ./internal/conformance -run TestCorpus -update) and judge every
// document twice: with the generated Go package (the shipped one for
// spec/contract.yaml, a freshly generated one in a temporary module for each
// testdata spec) and with santhosh-tekuri/jsonschema against the emitted
// schemas. The Node (Ajv) and Python (jsonschema) judges live in
// conformance/ at the repository root and read the same corpus.
//
// The package has no exported API; everything lives in its _test.go files.
package conformance
