// Package contracttest holds the tests of the Go package generated from the
// shipped contract (generated/go): recorded reference behaviour, strict
// decoding, builders and benchmarks. They live here because generated/ holds
// generated files only.
package contracttest
