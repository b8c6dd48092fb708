# Targets for working on the generator itself. `make test` is the one command
# that runs every test; it needs Go and Node.js/npm (npm installs the Node
# tools from package-lock.json on first use).
.PHONY: generate check test test-go test-node bench

# generate rewrites generated/ from spec/contract.yaml.
generate:
	go run ./cmd/gen

# check fails when generated/ differs from what the spec produces.
check:
	go run ./cmd/gen -check

# test runs every test: unit, golden, end-to-end, conformance and docs lint.
test: test-go test-node

test-go:
	go vet ./...
	go test ./...
	go run ./cmd/gen -check

# test-node judges the conformance corpus with Ajv, converts every schema to
# TypeScript, and lints the generated Markdown.
test-node: node_modules/.package-lock.json
	npm run --silent conformance
	node_modules/.bin/markdownlint-cli2 --config .markdownlint-cli2.jsonc "generated/docs/**/*.md"

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

# bench runs the benchmarks quoted in README.md.
bench:
	go test ./internal/contracttest -run '^$$' -bench . -benchmem -count 6
