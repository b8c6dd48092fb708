# Targets for working on the generator itself.
.PHONY: generate check test bench

# generate rewrites generated/ from spec/contract.yaml.
generate:
	go run ./cmd/gen

# check fails when generated/ differs from what the spec produces.
check:
	go run ./cmd/gen -check

# test runs every test: unit, golden, end-to-end and conformance.
test:
	go vet ./...
	go test ./...

# bench runs the benchmarks quoted in README.md.
bench:
	go test -run '^$$' -bench . -benchmem ./...
