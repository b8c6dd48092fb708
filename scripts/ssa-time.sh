#!/usr/bin/env bash
# Sums the time the compiler spends in its SSA passes on the Go package gen
# writes for the synthetic spec of N operations, by kind of function (the
# function's name with its digits taken out, so Op17Request and Op912Request
# add up), and prints the TOP kinds and the total in seconds.
# Each function is timed within one compile, so two generators compared
# this way differ by what they generate far more than by how busy the
# machine is, which moves `go build` wall time by 10% from run to run.
# It covers the SSA passes only, not type checking, building SSA, debug
# information or the compiler's GC (scripts/bench-build.sh times all).
# Usage: scripts/ssa-time.sh [N] [TOP]   (default: 1000 15)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
top=${2:-15}
tmp=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/ssa-time.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gen" ./cmd/gen
go build -o "$tmp/synth" ./internal/synth/cmd/synth
"$tmp/synth" "$n" > "$tmp/spec.yaml"
mod="$tmp/mod"
mkdir -p "$mod"
printf 'module example.com/bench\n\ngo 1.24\n' > "$mod/go.mod"
"$tmp/gen" -spec "$tmp/spec.yaml" -go-out "$mod/synthetic" -schema-out "" -docs-out "" > /dev/null
echo "// $(date +%s%N)" >> "$mod/synthetic/contract.go"
(cd "$mod" && go build -gcflags=-d=ssa/all/time ./synthetic > "$tmp/times" 2>&1)
# Lines: "<file:line>: \t<pass>\tTIME(ns)\t<ns>\t<function>".
awk -F'\t' -v top="$top" -v n="$n" '$3 == "TIME(ns)" {
	fn = $5; gsub(/[0-9]+/, "", fn); t[fn] += $4; total += $4
}
END {
	for (f in t) printf "%9.3f %s\n", t[f] / 1e9, f | "sort -rn | head -" top
	close("sort -rn | head -" top)
	printf "%9.3f total (s), N=%d\n", total / 1e9, n
}' "$tmp/times"
