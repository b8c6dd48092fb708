# Targets for working on the generator itself. `make test` is the one command
# that runs every test; it needs Go and Node.js/npm (npm installs the Node
# tools from package-lock.json on first use).
.PHONY: generate check test test-node bench bench-gen bench-build ssa-time gendiff fuzz fuzz-short site-check

# generate rewrites generated/ from spec/contract.yaml.
generate:
	go run ./cmd/gen

# check fails when generated/ differs from what the spec produces.
check:
	go run ./cmd/gen check

# test runs every test: unit, golden, end-to-end, conformance (Go, Ajv and,
# when installed, Python judges), docs lint and the MkDocs build. It checks
# its tools first, installs the Node tools when needed, and ends with one
# line saying what ran and what was skipped (scripts/test.sh).
test:
	scripts/test.sh

# fuzz runs every fuzz target for FUZZ_COUNT inputs each. Counts, not
# durations: a time-limited run can end in a spurious "context deadline
# exceeded". -fuzzminimizetime=0 keeps the fuzzer fuzzing instead of
# minimizing each new input for up to a minute. Failing inputs are written
# to the target's testdata/fuzz folder; commit them as regression seeds.
FUZZ_COUNT ?= 200000x
FUZZ = go test -run '^$$' -fuzzminimizetime=0 -fuzztime $(FUZZ_COUNT)
fuzz:
	$(FUZZ) -fuzz '^FuzzSpec$$' ./internal/validate
	$(FUZZ) -fuzz '^FuzzSplit$$' ./internal/load
	$(FUZZ) -fuzz '^FuzzGenerate$$' ./cmd/gen
	$(FUZZ) -fuzz '^FuzzDecoders$$' ./internal/contracttest
	$(FUZZ) -fuzz '^FuzzBuiltValues$$' ./internal/contracttest
	$(FUZZ) -fuzz '^FuzzDecodersAgreeWithSchemas$$' ./internal/conformance
	$(FUZZ) -fuzz '^FuzzQuickClean$$' ./internal/emit/golang/rt
	$(FUZZ) -fuzz '^FuzzAnchored$$' ./internal/emit/golang/rt
	$(FUZZ) -fuzz '^FuzzCompare$$' ./internal/breaking
	$(FUZZ) -fuzz '^FuzzParse$$' ./internal/config
	$(FUZZ) -fuzz '^FuzzRecover$$' ./internal/output

# fuzz-short is the short count make test runs: more than the seeds, which
# the fuzzer runs first, so that it really fuzzes.
fuzz-short:
	$(MAKE) --no-print-directory fuzz FUZZ_COUNT=4000x

# test-node judges the conformance corpus with Ajv, converts every schema to
# TypeScript, and lints the generated Markdown.
test-node: node_modules/.package-lock.json
	npm run --silent conformance
	node_modules/.bin/markdownlint-cli2 --config .markdownlint-cli2.jsonc "generated/docs/**/*.md"
	git ls-files -z '*.md' ':!:generated/**' ':!:testdata/golden/**' | \
	  xargs -0 node_modules/.bin/markdownlint-cli2 --config .markdownlint-cli2.jsonc

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

# bench-gen times the CLI on synthetic specs of 100, 1000 and 5000
# operations (wall time and peak RSS); BenchmarkGenerate in internal/synth
# times each emitter in process.
bench-gen:
	scripts/bench-gen.sh 100 1000 5000

# bench-build times `go build` of the generated package at 100 and 1000
# operations, as generated and with its function bodies stubbed out (the
# declarations' own cost).
bench-build:
	scripts/bench-build.sh 100 1000

# ssa-time sums the compiler's SSA pass time on the N=1000 package by kind
# of function: steadier than wall time for comparing two generators.
ssa-time:
	scripts/ssa-time.sh 1000

# gendiff compares what the Go packages of the generator at REV (default
# HEAD) and of the working tree do with every conformance document and
# its mutants (scripts/gendiff.sh); run it after changing the Go emitter
# or its runtime.
REV ?= HEAD
gendiff:
	scripts/gendiff.sh $(REV)

# bench runs the benchmarks quoted in README.md.
bench:
	go test ./internal/contracttest -run '^$$' -bench . -benchmem -count 6

# site-check builds the docs site of spec/contract.yaml with MkDocs
# (Material) into out/site-check/ and renders its pages in headless Chromium
# (Debian: chromium) at 1280 and 390 px; it fails when a page scrolls
# sideways or logs a console error, and names the folder of the screenshots
# it takes (scripts/site-check.sh). make test runs it too.
site-check: node_modules/.package-lock.json
	scripts/site-check.sh
